package semantic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// DDLOption configures [Model.SemanticViewDDL].
type DDLOption func(*ddlOptions)

type ddlOptions struct {
	noExtension bool
	copyGrants  bool
}

// WithoutExtension leaves out the WITH EXTENSION (CA='…') clause. What it would
// have carried (data types, time dimensions, sample values, is_enum, named
// filters, …) is then returned as one warning per key, so nothing is lost
// silently, and [ParseSemanticViewDDL] cannot rebuild the model from the text.
func WithoutExtension() DDLOption { return func(o *ddlOptions) { o.noExtension = true } }

// WithCopyGrants ends the statement with COPY GRANTS, so that replacing a view
// keeps the privileges granted on it.
func WithCopyGrants() DDLOption { return func(o *ddlOptions) { o.copyGrants = true } }

// SemanticViewDDL renders the model as one CREATE OR REPLACE SEMANTIC VIEW
// statement named view ("DB.SCHEMA.NAME" or a bare name), in the clause order of
// Snowflake's grammar: TABLES (with primary and unique keys, synonyms, comments,
// tags), RELATIONSHIPS, VARIABLES, FACTS, DIMENSIONS (time dimensions among them),
// METRICS (table metrics, then derived ones), COMMENT, MAX_STALENESS,
// AI_SQL_GENERATION, AI_QUESTION_CATEGORIZATION, AI_VERIFIED_QUERIES and TAG.
//
// What the grammar has no clause for goes where Snowflake's own tools put it, a
// trailing WITH EXTENSION (CA='<json>') in the shape of the model's YAML keys:
// data types, which dimensions are time dimensions, unique, sample_values,
// is_enum, default_aggregation, named filters, legacy join and relationship
// types, custom_instructions, comments and the model's name when it is not the
// view's. [ParseSemanticViewDDL] reads the statement back into an equal model.
//
// Names are written bare when Snowflake reads them unchanged and double-quoted
// otherwise; text is a single-quoted literal (see ddl_quote.go). The output is
// deterministic. The model must be valid; warnings list what [WithoutExtension]
// left out.
func (m *Model) SemanticViewDDL(view string, opts ...DDLOption) (ddl string, warnings []Problem, err error) {
	var o ddlOptions
	for _, opt := range opts {
		opt(&o)
	}
	parts, err := viewNameParts(view)
	if err != nil {
		return "", nil, err
	}
	if err := m.Validate(); err != nil {
		return "", nil, err
	}
	r := &ddlRenderer{m: m}
	r.head(parts)
	r.tables()
	r.relationships()
	r.variables()
	r.facts()
	r.dimensions()
	r.metrics()
	r.viewProperties()
	ext := buildExtension(m, parts[len(parts)-1])
	if o.noExtension {
		for _, p := range ext.problems {
			warnings = append(warnings, Problem{Pos: m.src.at(p.path), Path: p.path, Severity: SeverityWarning,
				Message: p.key + " has no place in CREATE SEMANTIC VIEW and was left out with the CA extension"})
		}
	} else if !ext.empty() {
		if err := r.extension(ext); err != nil {
			return "", nil, err
		}
	}
	if o.copyGrants {
		r.line(1, "COPY GRANTS")
	}
	r.buf.Truncate(r.buf.Len() - 1) // the statement ends on its last line
	r.buf.WriteString(";\n")
	return r.buf.String(), warnings, nil
}

// viewNameParts splits DB.SCHEMA.NAME; parts may not be empty or contain dots.
func viewNameParts(view string) ([]string, error) {
	parts := strings.Split(view, ".")
	if len(parts) > 3 {
		return nil, fmt.Errorf("semantic: view name %q has more than three parts", view)
	}
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return nil, fmt.Errorf("semantic: view name %q has an empty part", view)
		}
	}
	return parts, nil
}

// ddlRenderer writes one statement. Each clause is one method; each entry of a
// list clause is built as a head, optional parts before AS, the expression and
// optional parts after it (entry), so that a new kind of entry adds one method.
type ddlRenderer struct {
	m   *Model
	buf bytes.Buffer
}

func (r *ddlRenderer) line(indent int, s string) {
	r.buf.WriteString(strings.Repeat("  ", indent))
	r.buf.WriteString(s)
	r.buf.WriteByte('\n')
}

func (r *ddlRenderer) head(parts []string) {
	r.line(0, "CREATE OR REPLACE SEMANTIC VIEW "+ddlQualified(parts...))
}

// list writes KEYWORD ( entries ), one entry per line group, or nothing when
// there are no entries.
func (r *ddlRenderer) list(keyword string, entries [][]string) {
	if len(entries) == 0 {
		return
	}
	r.line(1, keyword+" (")
	for i, e := range entries {
		for j, l := range e {
			indent := 2
			if j > 0 {
				indent = 3
			}
			if j < len(e)-1 || i == len(entries)-1 {
				r.line(indent, l)
				continue
			}
			if strings.Contains(l, "--") {
				r.line(indent, l) // the comma must not end up in a line comment
				r.line(2, ",")
				continue
			}
			r.line(indent, l+",")
		}
	}
	r.line(1, ")")
}

func (r *ddlRenderer) tables() {
	var entries [][]string
	for _, t := range r.m.Tables {
		e := []string{ddlIdent(t.Name) + " AS " + tableSource(t.BaseTable)}
		if t.PrimaryKey != nil {
			e = append(e, "PRIMARY KEY "+ddlIdents(t.PrimaryKey.Columns))
		}
		for _, k := range t.UniqueKeys {
			e = append(e, "UNIQUE "+ddlIdents(k.Columns))
		}
		e = appendIf(e, synonymsClause(t.Synonyms))
		e = appendIf(e, commentClause(t.Description))
		e = appendIf(e, tagClause(t.Tags))
		entries = append(entries, e)
	}
	r.list("TABLES", entries)
}

// tableSource is the physical table, or a query in parentheses.
func tableSource(b BaseTable) string {
	if b.Definition != "" {
		return "(" + b.Definition + ")"
	}
	return ddlQualified(b.Database, b.Schema, b.Table)
}

func (r *ddlRenderer) relationships() {
	var entries [][]string
	for _, rel := range r.m.Relationships {
		var left, right []string
		asof, rangeCols := false, (*RightRange)(nil)
		for _, c := range rel.RelationshipColumns {
			left = append(left, c.LeftColumn)
			switch {
			case c.RightRange != nil:
				rangeCols = c.RightRange
			case c.Type == "asof" && !asof:
				asof = true
				right = append(right, "ASOF "+ddlIdent(c.RightColumn))
			default:
				right = append(right, ddlIdent(c.RightColumn))
			}
		}
		ref := "(" + strings.Join(right, ", ") + ")"
		if rangeCols != nil {
			ref = "(BETWEEN " + ddlIdent(rangeCols.StartColumn) + " AND " + ddlIdent(rangeCols.EndColumn) + " EXCLUSIVE)"
		}
		entries = append(entries, []string{ddlIdent(rel.Name) + " AS " + ddlIdent(rel.LeftTable) + " " + ddlIdents(left) +
			" REFERENCES " + ddlIdent(rel.RightTable) + " " + ref})
	}
	r.list("RELATIONSHIPS", entries)
}

func (r *ddlRenderer) variables() {
	var entries [][]string
	for _, v := range r.m.Variables {
		s := ddlIdent(v.Name)
		if v.DataType != "" {
			s += " " + string(v.DataType)
		}
		if v.DefaultValue != "" {
			s += " DEFAULT " + v.DefaultValue
		}
		e := []string{s}
		if v.Description != "" {
			e = append(e, "COMMENT "+ddlString(v.Description))
		}
		entries = append(entries, e)
	}
	r.list("VARIABLES", entries)
}

func (r *ddlRenderer) facts() {
	var entries [][]string
	for _, t := range r.m.Tables {
		for _, f := range factsOf(t) {
			entries = append(entries, entry{
				head:   accessKeyword(f.AccessModifier) + ddlQualified(t.Name, f.Name),
				before: []string{labelsClause(f.Labels)},
				expr:   f.Expr,
				after:  []string{synonymsClause(f.Synonyms), tagClause(f.Tags), commentClause(f.Description)},
			}.lines())
		}
	}
	r.list("FACTS", entries)
}

func (r *ddlRenderer) dimensions() {
	var entries [][]string
	for _, t := range r.m.Tables {
		for _, d := range t.Dimensions {
			entries = append(entries, entry{
				head:   ddlQualified(t.Name, d.Name),
				before: []string{labelsClause(d.Labels)},
				expr:   d.Expr,
				after:  []string{synonymsClause(d.Synonyms), tagClause(d.Tags), commentClause(d.Description), searchClause(d)},
			}.lines())
		}
		for _, d := range t.TimeDimensions {
			entries = append(entries, entry{
				head:  ddlQualified(t.Name, d.Name),
				expr:  d.Expr,
				after: []string{synonymsClause(d.Synonyms), tagClause(d.Tags), commentClause(d.Description)},
			}.lines())
		}
	}
	r.list("DIMENSIONS", entries)
}

func (r *ddlRenderer) metrics() {
	var entries [][]string
	for _, t := range r.m.Tables {
		for _, mt := range t.Metrics {
			entries = append(entries, metricEntry(t.Name, mt).lines())
		}
	}
	for _, mt := range r.m.Metrics {
		entries = append(entries, metricEntry("", mt).lines())
	}
	r.list("METRICS", entries)
}

// metricEntry is the one place a metric kind becomes DDL: a table metric
// (alias.name), a derived metric (no alias), a semi-additive one (NON ADDITIVE
// BY), one bound to relationships (USING). A window metric is a metric whose
// expression is window_fn(metric) OVER (…); a new kind adds its clauses here.
func metricEntry(table string, mt Metric) entry {
	e := entry{
		head:  accessKeyword(mt.AccessModifier) + ddlQualified(table, mt.Name),
		expr:  mt.Expr,
		after: []string{synonymsClause(mt.Synonyms), tagClause(mt.Tags), commentClause(mt.Description)},
	}
	if len(mt.UsingRelationships) > 0 {
		e.before = append(e.before, "USING "+ddlIdents(mt.UsingRelationships))
	}
	if len(mt.NonAdditiveDimensions) > 0 {
		dims := make([]string, len(mt.NonAdditiveDimensions))
		for i, d := range mt.NonAdditiveDimensions {
			dims[i] = ddlQualified(d.Table, d.Dimension) + sortSuffix(d.SortDirection, d.NullOrder)
		}
		e.before = append(e.before, "NON ADDITIVE BY ("+strings.Join(dims, ", ")+")")
	}
	return e
}

// entry is one fact, dimension or metric: head [before…] AS expr [after…].
type entry struct {
	head   string
	before []string
	expr   string
	after  []string
}

func (e entry) lines() []string {
	first := e.head
	for _, b := range e.before {
		if b != "" {
			first += " " + b
		}
	}
	out := []string{first + " AS " + e.expr}
	for _, a := range e.after {
		out = appendIf(out, a)
	}
	return out
}

func (r *ddlRenderer) viewProperties() {
	m := r.m
	if m.Description != "" {
		r.line(1, commentClause(m.Description))
	}
	if m.MaxStaleness != nil {
		r.line(1, "MAX_STALENESS = "+strconv.Itoa(*m.MaxStaleness))
	}
	if mc := m.ModuleCustomInstructions; mc != nil {
		if mc.SQLGeneration != "" {
			r.line(1, "AI_SQL_GENERATION "+ddlString(mc.SQLGeneration))
		}
		if mc.QuestionCategorization != "" {
			r.line(1, "AI_QUESTION_CATEGORIZATION "+ddlString(mc.QuestionCategorization))
		}
	}
	r.verifiedQueries()
	if t := tagClause(m.Tags); t != "" {
		r.line(1, t)
	}
}

func (r *ddlRenderer) verifiedQueries() {
	if len(r.m.VerifiedQueries) == 0 {
		return
	}
	r.line(1, "AI_VERIFIED_QUERIES (")
	for i, q := range r.m.VerifiedQueries {
		r.line(2, ddlIdent(q.Name)+" AS (")
		r.line(3, "QUESTION "+ddlString(q.Question))
		if q.VerifiedAt != 0 {
			r.line(3, "VERIFIED_AT "+strconv.FormatInt(int64(q.VerifiedAt), 10))
		}
		if q.UseAsOnboardingQuestion {
			r.line(3, "ONBOARDING_QUESTION TRUE")
		}
		if q.VerifiedBy != "" {
			r.line(3, "VERIFIED_BY "+ddlString(q.VerifiedBy))
		}
		r.line(3, "SQL "+ddlString(q.SQL))
		closing := ")"
		if i < len(r.m.VerifiedQueries)-1 {
			closing += ","
		}
		r.line(2, closing)
	}
	r.line(1, ")")
}

func (r *ddlRenderer) extension(e *caExtension) error {
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("semantic: CA extension: %w", err)
	}
	r.line(1, "WITH EXTENSION (CA = "+ddlString(strings.TrimSuffix(js.String(), "\n"))+")")
	return nil
}

func appendIf(list []string, s string) []string {
	if s == "" {
		return list
	}
	return append(list, s)
}

func accessKeyword(a AccessModifier) string {
	switch a {
	case PrivateAccess:
		return "PRIVATE "
	case PublicAccess:
		return "PUBLIC "
	}
	return ""
}

func labelsClause(labels []Label) string {
	if len(labels) == 0 {
		return ""
	}
	ls := make([]string, len(labels))
	for i, l := range labels {
		ls[i] = strings.ToUpper(string(l))
	}
	return "LABELS = (" + strings.Join(ls, ", ") + ")"
}

func synonymsClause(syns []string) string {
	if len(syns) == 0 {
		return ""
	}
	return "WITH SYNONYMS = " + ddlStrings(syns)
}

func commentClause(text string) string {
	if text == "" {
		return ""
	}
	return "COMMENT = " + ddlString(text)
}

func tagClause(tags []Tag) string {
	if len(tags) == 0 {
		return ""
	}
	ts := make([]string, len(tags))
	for i, t := range tags {
		ts[i] = ddlQualified(t.Name.Database, t.Name.Schema, t.Name.Tag) + " = " + ddlString(t.Value)
	}
	return "WITH TAG (" + strings.Join(ts, ", ") + ")"
}

func searchClause(d Dimension) string {
	s := d.CortexSearchService
	if s == nil && d.CortexSearchServiceName != "" {
		s = &CortexSearchService{Service: d.CortexSearchServiceName}
	}
	if s == nil {
		return ""
	}
	out := "WITH CORTEX SEARCH SERVICE " + ddlQualified(s.Database, s.Schema, s.Service)
	if s.LiteralColumn != "" {
		out += " USING " + ddlIdent(s.LiteralColumn)
	}
	return out
}

func sortSuffix(dir SortDirection, nulls NullOrder) string {
	s := ""
	switch dir {
	case Ascending:
		s += " ASC"
	case Descending:
		s += " DESC"
	}
	switch nulls {
	case NullsFirst:
		s += " NULLS FIRST"
	case NullsLast:
		s += " NULLS LAST"
	}
	return s
}
