package semantic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/salesanalytics/salesanalytics/dialect"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// extension reads EXTENSION ( CA = '<json>' ) and decodes the JSON strictly.
func (p *ddlParser) extension(i int) int {
	k := i
	if !p.punct(k, "(") || !p.kw(k+1, "CA") || !p.punct(k+2, "=") || k+3 >= len(p.toks) ||
		p.toks[k+3].Kind != sqlparse.String || !p.punct(k+4, ")") {
		p.errorf(k, "", "expected WITH EXTENSION (CA = '<json>'), found %s", p.text(k))
		return p.recover(i)
	}
	p.extTok = k + 3
	dec := json.NewDecoder(bytes.NewReader([]byte(p.toks[k+3].Text)))
	dec.DisallowUnknownFields()
	var e caExtension
	if err := dec.Decode(&e); err != nil {
		p.errorf(k+3, "", "the CA extension is not valid: %v", err)
		return k + 5
	}
	if dec.More() {
		p.errorf(k+3, "", "the CA extension holds more than one JSON value")
		return k + 5
	}
	p.ext = &e
	return k + 5
}

// assemble places the collected columns into their tables, applies the
// extension and moves each column's recorded positions to its final path.
func (p *ddlParser) assemble() {
	e := p.ext
	if e == nil {
		e = &caExtension{}
	}
	extPos := p.posOf(p.extTok)
	if e.Name != "" {
		p.m.Name = e.Name
	}
	p.m.Comments, p.m.CustomInstructions = e.Comments, e.CustomInstructions
	ext := p.extTables(e)
	for _, c := range p.columns {
		p.place(c, ext)
	}
	for _, et := range e.Tables {
		ti, ok := p.aliases[strings.ToLower(et.Name)]
		if !ok {
			p.ps.addAt(extPos, SeverityError, "", sprintf("the CA extension names table %q, which TABLES does not define", et.Name))
			continue
		}
		for _, f := range et.Filters {
			p.msrc.pos[indexPath(join(indexPath("tables", ti), "filters"), len(p.m.Tables[ti].Filters))] = extPos
			p.m.Tables[ti].Filters = append(p.m.Tables[ti].Filters, Filter(f))
		}
	}
	for _, et := range e.Tables {
		t := ext[strings.ToLower(et.Name)]
		for _, name := range t.order {
			if !t.used[name] {
				p.ps.addAt(extPos, SeverityError, "", sprintf("the CA extension describes %s, which the DDL does not define", name))
			}
		}
	}
	p.applyRelationships(e, extPos)
	p.applyVerifiedQueries(e, extPos)
}

// extTable indexes one table of the extension by "kind lower-name".
type extTable struct {
	cols  map[string]caColumn
	per   map[string]dialect.Grain // metric lower-name → per
	used  map[string]bool          // "kind table.column" → matched
	order []string                 // the used keys in the extension's order
}

func (p *ddlParser) extTables(e *caExtension) map[string]*extTable {
	out := map[string]*extTable{}
	for _, et := range e.Tables {
		t := &extTable{cols: map[string]caColumn{}, used: map[string]bool{}, per: map[string]dialect.Grain{}}
		for _, mt := range et.Metrics {
			t.per[strings.ToLower(mt.Name)] = mt.Per
		}
		add := func(kind string, list []caColumn) {
			for _, c := range list {
				t.cols[kind+" "+strings.ToLower(c.Name)] = c
				t.order = append(t.order, kind+" "+et.Name+"."+c.Name)
			}
		}
		add("dimension", et.Dimensions)
		add("time dimension", et.TimeDimensions)
		add("fact", et.Facts)
		out[strings.ToLower(et.Name)] = t
	}
	model := &extTable{per: map[string]dialect.Grain{}}
	for _, mt := range e.Metrics {
		model.per[strings.ToLower(mt.Name)] = mt.Per
	}
	out[""] = model // the model's derived metrics
	return out
}

// perOf returns the per of a metric in the extension's table t ("" for the
// model's derived metrics).
func perOf(ext map[string]*extTable, table, metric string) dialect.Grain {
	if t := ext[strings.ToLower(table)]; t != nil {
		return t.per[strings.ToLower(metric)]
	}
	return ""
}

// lookup returns the extension's entry for a column and marks it used.
func (t *extTable) lookup(kind, table, name string) (caColumn, bool) {
	if t == nil {
		return caColumn{}, false
	}
	c, ok := t.cols[kind+" "+strings.ToLower(name)]
	if ok {
		t.used[kind+" "+table+"."+c.Name] = true
	}
	return c, ok
}

// place appends a column to its table (or the model's derived metrics).
func (p *ddlParser) place(c *ddlColumn, ext map[string]*extTable) {
	if c.kind == kindMetric {
		mt := Metric{Name: c.name, Synonyms: c.synonyms, Description: c.description, Expr: c.expr, AccessModifier: c.access,
			NonAdditiveDimensions: c.nonAdditive, UsingRelationships: c.using, Tags: c.tags}
		if c.table < 0 {
			mt.Per = perOf(ext, "", c.name)
			p.moveTo(c, indexPath("metrics", len(p.m.Metrics)))
			p.m.Metrics = append(p.m.Metrics, mt)
			return
		}
		t := &p.m.Tables[c.table]
		mt.Per = perOf(ext, t.Name, c.name)
		p.moveTo(c, indexPath(join(indexPath("tables", c.table), "metrics"), len(t.Metrics)))
		t.Metrics = append(t.Metrics, mt)
		return
	}
	t := &p.m.Tables[c.table]
	tp := indexPath("tables", c.table)
	et := ext[strings.ToLower(t.Name)]
	if c.kind == kindFact {
		x, _ := et.lookup("fact", t.Name, c.name)
		p.moveTo(c, indexPath(join(tp, "facts"), len(t.Facts)))
		t.Facts = append(t.Facts, Fact{Name: c.name, Synonyms: c.synonyms, Description: c.description, Expr: c.expr,
			DataType: x.DataType, DefaultAggregation: x.DefaultAggregation, Unique: x.Unique, SampleValues: x.SampleValues,
			AccessModifier: c.access, Labels: c.labels, Tags: c.tags})
		return
	}
	if x, ok := et.lookup("time dimension", t.Name, c.name); ok {
		path := indexPath(join(tp, "time_dimensions"), len(t.TimeDimensions))
		p.moveTo(c, path)
		if len(c.labels) > 0 || c.search != nil || c.access != "" {
			p.ps.addAt(p.msrc.at(path), SeverityError, path, "a time dimension cannot have LABELS, PUBLIC or a Cortex Search service")
		}
		t.TimeDimensions = append(t.TimeDimensions, TimeDimension{Name: c.name, Synonyms: c.synonyms, Description: c.description,
			Expr: c.expr, DataType: x.DataType, Unique: x.Unique, SampleValues: x.SampleValues, Tags: c.tags, DateParts: x.DateParts})
		return
	}
	x, _ := et.lookup("dimension", t.Name, c.name)
	path := indexPath(join(tp, "dimensions"), len(t.Dimensions))
	p.moveTo(c, path)
	if c.access != "" {
		p.ps.addAt(p.msrc.at(join(path, "access_modifier")), SeverityWarning, path, "PUBLIC on a dimension has no effect and is not kept")
	}
	t.Dimensions = append(t.Dimensions, Dimension{Name: c.name, Synonyms: c.synonyms, Description: c.description, Expr: c.expr,
		DataType: x.DataType, Unique: x.Unique, SampleValues: x.SampleValues, IsEnum: x.IsEnum, CortexSearchService: c.search,
		Labels: c.labels, Tags: c.tags})
}

// moveTo re-keys the positions recorded under c's prefix to path.
func (p *ddlParser) moveTo(c *ddlColumn, path string) {
	for k, pos := range p.msrc.pos {
		if k == c.key || strings.HasPrefix(k, c.key+".") {
			p.msrc.pos[path+k[len(c.key):]] = pos
			delete(p.msrc.pos, k)
		}
	}
}

func (p *ddlParser) applyRelationships(e *caExtension, extPos Position) {
	for _, er := range e.Relationships {
		found := false
		for i := range p.m.Relationships {
			if r := &p.m.Relationships[i]; r.Name == er.Name {
				r.JoinType, r.RelationshipType, found = er.JoinType, er.RelationshipType, true
			}
		}
		if !found {
			p.ps.addAt(extPos, SeverityError, "", sprintf("the CA extension describes relationship %q, which RELATIONSHIPS does not define", er.Name))
		}
	}
}

func (p *ddlParser) applyVerifiedQueries(e *caExtension, extPos Position) {
	for _, eq := range e.VerifiedQueries {
		found := false
		for i := range p.m.VerifiedQueries {
			if q := &p.m.VerifiedQueries[i]; q.Name == eq.Name {
				q.SemanticModelName, found = eq.SemanticModelName, true
			}
		}
		if !found {
			p.ps.addAt(extPos, SeverityError, "", sprintf("the CA extension describes verified query %q, which AI_VERIFIED_QUERIES does not define", eq.Name))
		}
	}
}
