package semantic

import (
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// ddlKind says which clause a column entry came from.
type ddlKind int

const (
	kindFact ddlKind = iota
	kindDim
	kindMetric
)

func (k ddlKind) String() string {
	return [...]string{"fact", "dimension", "metric"}[k]
}

// ddlColumn is one entry of FACTS, DIMENSIONS or METRICS, before assemble
// places it into its table. Positions are recorded under the prefix key
// "#<n>" and moved to the column's final path by assemble.
type ddlColumn struct {
	kind        ddlKind
	key         string // the "#<n>" position prefix
	table       int    // index of the table; -1 for a derived metric
	name        string
	access      AccessModifier
	labels      []Label
	using       []string
	nonAdditive []NonAdditiveDimension
	expr        string
	synonyms    []string
	description string
	tags        []Tag
	search      *CortexSearchService
}

// column returns the reader of one entry of kind's clause:
//
//	[PRIVATE | PUBLIC] [alias.]name [LABELS = (FILTER)] [USING (…)]
//	[NON ADDITIVE BY (…)] AS expr [WITH SYNONYMS …] [[WITH] TAG …] [COMMENT = …]
//	[WITH CORTEX SEARCH SERVICE svc [USING col]]
func (p *ddlParser) column(kind ddlKind) func(a, b int) {
	return func(a, b int) {
		c := &ddlColumn{kind: kind, key: "#" + strconv.Itoa(len(p.columns)), table: -1}
		p.mark(c.key, a)
		k := a
		if (p.kw(k, "PRIVATE") || p.kw(k, "PUBLIC")) && !p.punct(k+1, ".") {
			c.access = PublicAccess
			if p.kw(k, "PRIVATE") {
				c.access = PrivateAccess
			}
			if kind == kindDim && c.access == PrivateAccess {
				p.errorf(k, c.key, "a dimension cannot be PRIVATE (dimensions are always public)")
			}
			p.mark(join(c.key, "access_modifier"), k)
			k++
		}
		if k = p.columnName(c, k); k < 0 {
			return
		}
		k = p.beforeAS(c, k, b)
		if k < 0 {
			return
		}
		k = p.expression(c, k, b)
		for k < b {
			if kind == kindDim && p.kw(k, "WITH", "CORTEX", "SEARCH", "SERVICE") {
				k = p.searchService(c, k+4, b)
				continue
			}
			k = p.common(k, b, c.key, &c.synonyms, &c.description, &c.tags)
		}
		p.columns = append(p.columns, c)
	}
}

// columnName reads alias.name (or, for a derived metric, name) and returns the
// index after it, or -1.
func (p *ddlParser) columnName(c *ddlColumn, k int) int {
	parts, next := p.qualified(k)
	switch {
	case len(parts) == 2:
		ti, ok := p.aliases[strings.ToLower(parts[0])]
		if !ok {
			p.errorf(k, c.key, "%q is not a table alias of TABLES (%s)", parts[0], strings.Join(p.tableNames(), ", "))
			return -1
		}
		c.table, c.name = ti, parts[1]
		p.mark(join(c.key, "name"), k+2)
	case len(parts) == 1 && c.kind == kindMetric:
		c.name = parts[0]
		p.mark(join(c.key, "name"), k)
	default:
		p.errorf(k, c.key, "expected table_alias.%s_name, found %s", c.kind, p.text(k))
		return -1
	}
	return next
}

func (p *ddlParser) tableNames() []string {
	out := make([]string, len(p.m.Tables))
	for i, t := range p.m.Tables {
		out[i] = t.Name
	}
	return out
}

// beforeAS reads LABELS, USING and NON ADDITIVE BY up to AS and returns the
// index after AS, or -1 after an error.
func (p *ddlParser) beforeAS(c *ddlColumn, k, b int) int {
	for k < b && !p.kw(k, "AS") {
		switch {
		case p.kw(k, "LABELS") && c.kind != kindMetric:
			if p.punct(k+1, "=") {
				k++
			}
			labels, next := p.idents(k+1, join(c.key, "labels"))
			for _, l := range labels {
				c.labels = append(c.labels, Label(strings.ToLower(l)))
			}
			k = next
		case p.kw(k, "USING") && c.kind == kindMetric:
			c.using, k = p.idents(k+1, join(c.key, "using_relationships"))
		case p.kw(k, "NON", "ADDITIVE", "BY") && c.kind == kindMetric:
			k = p.nonAdditive(c, k+3)
		default:
			p.errorf(k, c.key, "unexpected %s: expected AS and the %s's expression", p.text(k), c.kind)
			return -1
		}
	}
	if k >= b {
		p.errorf(k, c.key, "expected AS and the %s's expression, found %s", c.kind, p.text(k))
		return -1
	}
	return k + 1
}

// nonAdditive reads ( alias.dim [ASC | DESC] [NULLS FIRST | LAST], … ).
func (p *ddlParser) nonAdditive(c *ddlColumn, k int) int {
	path := join(c.key, "non_additive_dimensions")
	if !p.punct(k, "(") {
		p.errorf(k, path, "expected ( after NON ADDITIVE BY, found %s", p.text(k))
		return len(p.toks)
	}
	for _, r := range p.split(k) {
		parts, j := p.qualified(r[0])
		if len(parts) != 2 {
			p.errorf(r[0], path, "expected table_alias.dimension, found %s", p.text(r[0]))
			continue
		}
		d := NonAdditiveDimension{Table: parts[0], Dimension: parts[1]}
		switch {
		case p.kw(j, "ASC"):
			d.SortDirection, j = Ascending, j+1
		case p.kw(j, "DESC"):
			d.SortDirection, j = Descending, j+1
		}
		switch {
		case p.kw(j, "NULLS", "FIRST"):
			d.NullOrder, j = NullsFirst, j+2
		case p.kw(j, "NULLS", "LAST"):
			d.NullOrder, j = NullsLast, j+2
		}
		if j != r[1] {
			p.errorf(j, path, "unexpected %s: expected ASC, DESC or NULLS FIRST | LAST", p.text(j))
			continue
		}
		p.mark(indexPath(path, len(c.nonAdditive)), r[0])
		c.nonAdditive = append(c.nonAdditive, d)
	}
	return p.match[k] + 1
}

// expression takes the expression after AS: the text up to the first option
// keyword at the entry's top level (WITH SYNONYMS | TAG | CORTEX, TAG (,
// COMMENT) or the end of the entry.
func (p *ddlParser) expression(c *ddlColumn, k, b int) int {
	end := k
	for end < b && !p.optionAt(end) {
		end = p.skip(end)
	}
	if end == k {
		p.errorf(k, join(c.key, "expr"), "expected the %s's expression after AS, found %s", c.kind, p.text(k))
		return b
	}
	c.expr = p.raw(k, end)
	p.mark(join(c.key, "expr"), k)
	return end
}

func (p *ddlParser) optionAt(k int) bool {
	return p.kw(k, "WITH", "SYNONYMS") || p.kw(k, "WITH", "TAG") || p.kw(k, "WITH", "CORTEX") ||
		p.kw(k, "TAG") && p.punct(k+1, "(") || p.kw(k, "COMMENT") && (p.punct(k+1, "=") || k+1 < len(p.toks) && p.toks[k+1].Kind == sqlparse.String)
}

// searchService reads [db.schema.]service [USING column].
func (p *ddlParser) searchService(c *ddlColumn, k, b int) int {
	path := join(c.key, "cortex_search_service")
	parts, next := p.qualified(k)
	if len(parts) == 0 || len(parts) > 3 {
		p.errorf(k, path, "expected the Cortex Search service's name, found %s", p.text(k))
		return b
	}
	p.mark(path, k)
	for len(parts) < 3 {
		parts = append([]string{""}, parts...)
	}
	s := &CortexSearchService{Database: parts[0], Schema: parts[1], Service: parts[2]}
	if p.kw(next, "USING") {
		col, ok := p.name(next + 1)
		if !ok {
			p.errorf(next+1, path, "expected the literal column after USING, found %s", p.text(next+1))
			return b
		}
		s.LiteralColumn = col
		next += 2
	}
	c.search = s
	return next
}
