package semantic

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/ident"
)

// Validate checks the model against the offline rules of the Cortex Analyst spec
// and returns an [*Error] listing every error, in file order. Warnings are kept for
// [Model.Warnings]. A parsed model is already valid; call Validate after building
// or changing one.
func (m *Model) Validate() error {
	if m.src == nil {
		m.src = &source{}
	}
	ps := &problems{src: m.src}
	validate(m, ps)
	errs, warns := split(ps.list)
	m.src.warnings = warns
	if len(errs) > 0 {
		return &Error{Problems: errs}
	}
	m.index = nil
	m.idx() // rebuilt now, so concurrent lookups only read it
	return nil
}

// reservedWords are Snowflake's reserved keywords, which no logical name may be.
var reservedWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ACCOUNT ALL ALTER AND ANY AS BETWEEN BY CASE CAST CHECK COLUMN
		CONNECT CONNECTION CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP
		CURRENT_USER DATABASE DELETE DISTINCT DROP ELSE EXISTS FALSE FOLLOWING FOR FROM FULL GRANT
		GROUP GSCLUSTER HAVING ILIKE IN INCREMENT INNER INSERT INTERSECT INTO IS ISSUE JOIN LATERAL
		LEFT LIKE LOCALTIME LOCALTIMESTAMP MINUS NATURAL NOT NULL OF ON OR ORDER ORGANIZATION QUALIFY
		REGEXP REVOKE RIGHT RLIKE ROW ROWS SAMPLE SCHEMA SELECT SET SOME START TABLE TABLESAMPLE THEN
		TO TRIGGER TRUE TRY_CAST UNION UNIQUE UPDATE USING VALUES VIEW WHEN WHENEVER WHERE WITH`) {
		reservedWords[w] = true
	}
}

// validator carries the state of one validation pass.
type validator struct {
	m        *Model
	ps       *problems
	sv       bool                // the model uses semantic-view-only keys
	tables   map[string]int      // lower name → index
	columns  []map[string]string // per table: lower logical name → kind
	synonyms map[string]string   // lower synonym → path of first use
}

func validate(m *Model, ps *problems) {
	v := &validator{m: m, ps: ps, tables: map[string]int{}, synonyms: map[string]string{}}
	v.sv = usesSemanticViewKeys(m)
	if strings.TrimSpace(m.Name) == "" {
		ps.errorf("name", "name is required")
	}
	if len(m.Tables) == 0 {
		ps.errorf("tables", "tables is required: a model needs at least one logical table")
	}
	for i := range m.Tables {
		v.table(i)
	}
	for i, r := range m.Relationships {
		v.relationship(i, r)
	}
	for i := range m.Tables {
		v.metrics(indexPath("tables", i), m.Tables[i].Metrics)
	}
	v.metrics("", m.Metrics)
	v.verifiedQueries()
	if m.CustomInstructions != "" && m.ModuleCustomInstructions != nil && m.ModuleCustomInstructions.SQLGeneration != "" {
		ps.warnf("custom_instructions", "both custom_instructions and module_custom_instructions.sql_generation are set; the module field takes precedence")
	}
}

func usesSemanticViewKeys(m *Model) bool {
	if len(m.Metrics) > 0 || len(m.Variables) > 0 || m.MaxStaleness != nil || len(m.Tags) > 0 {
		return true
	}
	for _, t := range m.Tables {
		if t.BaseTable.Definition != "" || len(t.UniqueKeys) > 0 || len(t.Tags) > 0 {
			return true
		}
	}
	return false
}

// name checks an identifier-valued name.
func (v *validator) name(path, name string) bool {
	switch {
	case strings.TrimSpace(name) == "":
		v.ps.errorf(join(path, "name"), "name is required")
		return false
	case !ident.Valid(name):
		v.ps.errorf(join(path, "name"), "%q is not a valid identifier: use up to 255 letters, digits, _ and $, starting with a letter or _", name)
		return false
	case reservedWords[strings.ToUpper(name)]:
		v.ps.errorf(join(path, "name"), "%q is a Snowflake reserved word and cannot be a name", name)
		return false
	}
	return true
}

func (v *validator) synonymList(path string, syns []string) {
	for i, s := range syns {
		sp := indexPath(join(path, "synonyms"), i)
		key := strings.ToLower(strings.TrimSpace(s))
		if key == "" {
			v.ps.errorf(sp, "empty synonym")
			continue
		}
		if first, dup := v.synonyms[key]; dup {
			v.ps.errorf(sp, "synonym %q is already used at %s (synonyms must be unique across the model, ignoring case)", s, first)
			continue
		}
		v.synonyms[key] = sp
	}
}

func (v *validator) table(ti int) {
	t := &v.m.Tables[ti]
	tp := indexPath("tables", ti)
	cols := map[string]string{}
	v.columns = append(v.columns, cols)
	if v.name(tp, t.Name) {
		key := strings.ToLower(t.Name)
		if first, dup := v.tables[key]; dup {
			v.ps.errorf(join(tp, "name"), "table %q is already defined at tables[%d] (names are unique, ignoring case)", t.Name, first)
		} else {
			v.tables[key] = ti
		}
	}
	v.synonymList(tp, t.Synonyms)
	bp := join(tp, "base_table")
	if t.BaseTable.Definition == "" {
		for _, f := range []struct{ key, val string }{{"database", t.BaseTable.Database}, {"schema", t.BaseTable.Schema}, {"table", t.BaseTable.Table}} {
			if strings.TrimSpace(f.val) == "" {
				v.ps.errorf(bp, "base_table.%s is required", f.key)
			}
		}
	}
	addCol := func(path, name, kind string) {
		if !v.name(path, name) {
			return
		}
		key := strings.ToLower(name)
		if prev, dup := cols[key]; dup {
			v.ps.errorf(join(path, "name"), "%q is already a %s of table %q (column names are unique within a table, ignoring case)", name, prev, t.Name)
			return
		}
		cols[key] = kind
	}
	for i, d := range t.Dimensions {
		p := indexPath(join(tp, "dimensions"), i)
		addCol(p, d.Name, "dimension")
		v.synonymList(p, d.Synonyms)
		v.rowExpr(p, d.Expr)
		v.dataType(p, d.DataType)
		v.labels(p, d.Labels)
		if d.CortexSearchService != nil && strings.TrimSpace(d.CortexSearchService.Service) == "" {
			v.ps.errorf(join(p, "cortex_search_service"), "cortex_search_service.service is required")
		}
		if d.IsEnum && len(d.SampleValues) == 0 {
			v.ps.warnf(join(p, "is_enum"), "is_enum is set but sample_values is empty")
		}
	}
	for i, d := range t.TimeDimensions {
		p := indexPath(join(tp, "time_dimensions"), i)
		addCol(p, d.Name, "time dimension")
		v.synonymList(p, d.Synonyms)
		v.rowExpr(p, d.Expr)
		if v.dataType(p, d.DataType) {
			switch d.DataType.Family() {
			case FamilyDate, FamilyTimestamp, FamilyNumber:
			default:
				v.ps.warnf(join(p, "data_type"), "a time dimension of type %s; expected a date, timestamp or year number", d.DataType)
			}
		}
		v.dateParts(p, d)
	}
	for i, f := range t.Facts {
		p := indexPath(join(tp, "facts"), i)
		addCol(p, f.Name, "fact")
		v.synonymList(p, f.Synonyms)
		v.rowExpr(p, f.Expr)
		v.dataType(p, f.DataType)
		v.labels(p, f.Labels)
		if f.DefaultAggregation != "" && !f.DefaultAggregation.Valid() {
			v.enumError(join(p, "default_aggregation"), string(f.DefaultAggregation), aggregations)
		}
		v.access(p, f.AccessModifier)
	}
	for i, mt := range t.Metrics {
		addCol(indexPath(join(tp, "metrics"), i), mt.Name, "metric")
	}
	filters := map[string]bool{}
	for i, f := range t.Filters {
		p := indexPath(join(tp, "filters"), i)
		if strings.TrimSpace(f.Name) == "" {
			v.ps.errorf(join(p, "name"), "name is required")
		} else if filters[strings.ToLower(f.Name)] {
			v.ps.errorf(join(p, "name"), "filter %q is defined twice in table %q", f.Name, t.Name)
		}
		filters[strings.ToLower(f.Name)] = true
		v.synonymList(p, f.Synonyms)
		v.rowExpr(p, f.Expr)
	}
	if t.PrimaryKey != nil {
		v.key(join(tp, "primary_key"), ti, *t.PrimaryKey)
	}
	for i, k := range t.UniqueKeys {
		v.key(indexPath(join(tp, "unique_keys"), i), ti, k)
	}
}

func (v *validator) key(path string, ti int, k Key) {
	if len(k.Columns) == 0 {
		v.ps.errorf(join(path, "columns"), "columns is required and must name at least one column")
	}
	for i, c := range k.Columns {
		if _, ok := v.columns[ti][strings.ToLower(c)]; !ok && !v.physical(ti, c) {
			v.ps.errorf(indexPath(join(path, "columns"), i), "%q is not a column of table %q", c, v.m.Tables[ti].Name)
		}
	}
}

// physical reports whether name is the expr of one of the table's row-level columns,
// i.e. a physical column name the model exposes.
func (v *validator) physical(ti int, name string) bool {
	t := v.m.Tables[ti]
	for _, e := range rowExprs(t) {
		if strings.EqualFold(strings.Trim(strings.TrimSpace(e), `"`), name) {
			return true
		}
	}
	return false
}

func rowExprs(t Table) []string {
	var out []string
	for _, d := range t.Dimensions {
		out = append(out, d.Expr)
	}
	for _, d := range t.TimeDimensions {
		out = append(out, d.Expr)
	}
	for _, f := range t.Facts {
		out = append(out, f.Expr)
	}
	return out
}

// rowExpr checks a row-level expression: required, well formed, no aggregate.
func (v *validator) rowExpr(path, expr string) {
	ep := join(path, "expr")
	if strings.TrimSpace(expr) == "" {
		v.ps.errorf(ep, "expr is required")
		return
	}
	toks, err := checkExpr(expr)
	if err != nil {
		v.ps.errorf(ep, "expr %q is not a valid SQL expression: %v", expr, err)
		return
	}
	if aggregates(toks) {
		v.ps.errorf(ep, "expr %q aggregates; only metrics may aggregate (move it to metrics)", expr)
	}
}

func (v *validator) dataType(path string, dt DataType) bool {
	p := join(path, "data_type")
	switch {
	case strings.TrimSpace(string(dt)) == "":
		v.ps.errorf(p, "data_type is required")
	case dt.Family() == FamilySemiStructured:
		v.ps.errorf(p, "data_type %s is not supported by Cortex Analyst (VARIANT, OBJECT, ARRAY and GEOGRAPHY are not)", dt)
	case dt.Family() == FamilyUnknown:
		v.ps.errorf(p, "data_type %q is not a Snowflake type", dt)
	default:
		return true
	}
	return false
}

func (v *validator) labels(path string, labels []Label) {
	for i, l := range labels {
		if !l.Valid() {
			v.enumError(indexPath(join(path, "labels"), i), string(l), []string{"filter"})
		}
	}
}

func (v *validator) access(path string, a AccessModifier) {
	if a != "" && !a.Valid() {
		v.enumError(join(path, "access_modifier"), string(a), accessModifiers)
	}
}

func (v *validator) enumError(path, got string, valid []string) {
	for _, ok := range valid {
		if strings.EqualFold(got, ok) {
			v.ps.errorf(path, "%q must be written in lower case: %q", got, ok)
			return
		}
	}
	v.ps.errorf(path, "%q is not valid (valid: %s)", got, strings.Join(valid, ", "))
}

// dateParts checks a time dimension's stored date parts: a date to truncate,
// grains a stored DATE can hold (week, month, quarter), each once, each a
// row-level expression.
func (v *validator) dateParts(p string, d TimeDimension) {
	if len(d.DateParts) > 0 && d.DataType.Family() != FamilyDate {
		v.ps.errorf(join(p, "date_parts"), "date_parts need a DATE time dimension, not %s", d.DataType)
	}
	seen := map[dialect.Grain]bool{}
	for i, dp := range d.DateParts {
		pp := indexPath(join(p, "date_parts"), i)
		switch dp.Grain {
		case dialect.Week, dialect.Month, dialect.Quarter:
		default:
			v.ps.errorf(join(pp, "grain"), "grain %q is not a stored date part (valid: week, month, quarter)", dp.Grain)
		}
		if seen[dp.Grain] {
			v.ps.errorf(join(pp, "grain"), "grain %s is declared twice", dp.Grain)
		}
		seen[dp.Grain] = true
		v.rowExpr(pp, dp.Expr)
	}
}
