package semantic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// MarshalOssie writes the model as an Apache Ossie document of version v in
// format f, valid against that version's JSON Schema: one semantic_model whose
// datasets are the logical tables (dimensions, time dimensions and facts as
// fields), the equality relationships, and every metric (table-level ones first,
// in table order, then the derived ones) at model level, as Ossie keeps them.
//
// Expressions are written in the SNOWFLAKE dialect. In 0.2 fields and metrics
// carry a datatype (NUMBER(38,2) is Decimal, NUMBER(38,0) Integer). What Ossie
// has no field for — data types with their exact scale, sample values, is_enum,
// named filters, verified queries, custom instructions, access modifiers,
// non-additive dimensions, range and ASOF relationships, … — goes into one
// custom_extensions entry per object (vendor SALESANALYTICS in 0.2, COMMON with a
// "salesanalytics" key in 0.1.1, whose vendor list is closed), so [ParseOssie]
// gives back a model [Model.Equal] to m. See the package documentation for what
// another Ossie reader does not see.
//
// The output is deterministic: the same model gives the same bytes.
func (m *Model) MarshalOssie(v OssieVersion, f OssieFormat) ([]byte, error) {
	if !v.Valid() {
		return nil, fmt.Errorf("semantic: Ossie version %q is not one of %s, %s", v, Ossie011, Ossie02)
	}
	if !f.Valid() {
		return nil, fmt.Errorf("semantic: Ossie format %q is not one of %s, %s", f, OssieYAML, OssieJSON)
	}
	doc, err := (&ossieWriter{v: v}).doc(m)
	if err != nil {
		return nil, fmt.Errorf("semantic: writing Ossie: %w", err)
	}
	var buf bytes.Buffer
	if f == OssieJSON {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(doc)
	} else {
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err = enc.Encode(doc); err == nil {
			err = enc.Close()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("semantic: writing Ossie: %w", err)
	}
	return buf.Bytes(), nil
}

// ossieWriter turns a model into an Ossie document of one version.
type ossieWriter struct {
	v OssieVersion
	// types are the Ossie datatypes of the model's columns, by lower
	// table.column, for inferring a metric's datatype.
	types map[string]string
}

func (w *ossieWriter) doc(m *Model) (*ossieDoc, error) {
	w.types = map[string]string{}
	om := ossieModel{Name: m.Name, Description: m.Description, AIContext: modelContext(m)}
	for i := range m.Tables {
		ds, err := w.dataset(&m.Tables[i])
		if err != nil {
			return nil, err
		}
		om.Datasets = append(om.Datasets, ds)
	}
	rest := *m
	rest.src, rest.index = nil, nil
	rest.Name, rest.Description, rest.Tables, rest.Metrics, rest.Relationships = "", "", nil, nil, nil
	var order []int
	for i, r := range m.Relationships {
		if !equiJoin(r) { // Ossie joins on equal columns only: kept whole in the extension
			rest.Relationships = append(rest.Relationships, r)
			order = append(order, i)
			continue
		}
		rel, err := w.relationship(r)
		if err != nil {
			return nil, err
		}
		om.Relationships = append(om.Relationships, rel)
	}
	metrics, err := w.metrics(m)
	if err != nil {
		return nil, err
	}
	om.Metrics = metrics
	if om.CustomExtensions, err = extension(w.v, ossieExt{Model: &rest, RelationshipOrder: order}); err != nil {
		return nil, err
	}
	return &ossieDoc{Version: string(w.v), SemanticModel: []ossieModel{om}}, nil
}

// modelContext gives a third-party reader the SQL-generation instructions and
// the verified questions as examples.
func modelContext(m *Model) *ossieAIContext {
	c := &ossieAIContext{Instructions: m.CustomInstructions}
	if mci := m.ModuleCustomInstructions; mci != nil && mci.SQLGeneration != "" {
		c.Instructions = mci.SQLGeneration
	}
	for _, vq := range m.VerifiedQueries {
		c.Examples = append(c.Examples, vq.Question)
	}
	if c.Instructions == "" && len(c.Examples) == 0 {
		return nil
	}
	return c
}

func synonymContext(syns []string) *ossieAIContext {
	if len(syns) == 0 {
		return nil
	}
	return &ossieAIContext{Synonyms: syns}
}

func (w *ossieWriter) dataset(t *Table) (ossieDataset, error) {
	ds := ossieDataset{Name: t.Name, Source: sourceOf(t.BaseTable), Description: t.Description, AIContext: synonymContext(t.Synonyms)}
	rest := *t
	rest.Name, rest.Description, rest.Synonyms = "", "", nil
	if sourceTable(ds.Source) == t.BaseTable {
		rest.BaseTable = BaseTable{}
	}
	if t.PrimaryKey != nil && len(t.PrimaryKey.Columns) > 0 {
		ds.PrimaryKey, rest.PrimaryKey = t.PrimaryKey.Columns, nil
	}
	for _, k := range t.UniqueKeys {
		ds.UniqueKeys = append(ds.UniqueKeys, k.Columns)
	}
	rest.UniqueKeys = nil
	for _, d := range t.Dimensions {
		c := d
		c.Name, c.Description, c.Expr, c.Synonyms = "", "", "", nil
		f, err := w.field(t.Name, d.Name, d.Description, d.Expr, d.Synonyms, d.DataType, ptr(false), ossieExt{Dimension: &c})
		if err != nil {
			return ds, err
		}
		ds.Fields = append(ds.Fields, f)
	}
	for _, d := range t.TimeDimensions {
		c := d
		c.Name, c.Description, c.Expr, c.Synonyms = "", "", "", nil
		f, err := w.field(t.Name, d.Name, d.Description, d.Expr, d.Synonyms, d.DataType, ptr(true), ossieExt{TimeDimension: &c})
		if err != nil {
			return ds, err
		}
		ds.Fields = append(ds.Fields, f)
	}
	for _, d := range t.Facts {
		c := d
		c.Name, c.Description, c.Expr, c.Synonyms = "", "", "", nil
		f, err := w.field(t.Name, d.Name, d.Description, d.Expr, d.Synonyms, d.DataType, nil, ossieExt{Fact: &c})
		if err != nil {
			return ds, err
		}
		ds.Fields = append(ds.Fields, f)
	}
	rest.Dimensions, rest.TimeDimensions, rest.Facts, rest.Metrics = nil, nil, nil, nil
	var err error
	ds.CustomExtensions, err = extension(w.v, ossieExt{Table: &rest})
	return ds, err
}

// field writes one column; isTime nil makes it a fact (a field without
// dimension).
func (w *ossieWriter) field(table, name, desc, expr string, syns []string, dt DataType, isTime *bool, ext ossieExt) (ossieField, error) {
	f := ossieField{Name: name, Expression: snowflakeExpr(expr), Description: desc, AIContext: synonymContext(syns)}
	if isTime != nil {
		f.Dimension = &ossieDimension{IsTime: isTime}
	}
	typ := ossieDataType(dt)
	w.types[strings.ToLower(table+"."+name)] = typ
	if w.v != Ossie011 {
		f.DataType = typ
	}
	var err error
	f.CustomExtensions, err = extension(w.v, ext)
	return f, err
}

func snowflakeExpr(expr string) ossieExpression {
	return ossieExpression{Dialects: []ossieDialectExpression{{Dialect: ossieSnowflake, Expression: expr}}}
}

// metrics writes the table-level metrics, in table order, then the derived
// ones. Ossie metric names are unique in a model: a name used twice is written
// as table_metric, the original name kept in the extension.
func (w *ossieWriter) metrics(m *Model) ([]ossieMetric, error) {
	count := map[string]int{}
	for _, t := range m.Tables {
		for _, x := range t.Metrics {
			count[strings.ToLower(x.Name)]++
		}
	}
	for _, x := range m.Metrics {
		count[strings.ToLower(x.Name)]++
	}
	var out []ossieMetric
	add := func(table string, x Metric) error {
		c := x
		c.Description, c.Expr, c.Synonyms = "", "", nil
		name := x.Name
		if count[strings.ToLower(x.Name)] > 1 && table != "" {
			name = table + "_" + x.Name
		} else {
			c.Name = ""
		}
		om := ossieMetric{Name: name, Expression: snowflakeExpr(x.Expr), Description: x.Description, AIContext: synonymContext(x.Synonyms)}
		if w.v != Ossie011 {
			om.DataType = w.metricType(x.Expr)
		}
		var err error
		om.CustomExtensions, err = extension(w.v, ossieExt{Metric: &c, MetricTable: table, Derived: table == ""})
		out = append(out, om)
		return err
	}
	for _, t := range m.Tables {
		for _, x := range t.Metrics {
			if err := add(t.Name, x); err != nil {
				return nil, err
			}
		}
	}
	for _, x := range m.Metrics {
		if err := add("", x); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// simpleAggregate matches AGG(table.column) and COUNT(DISTINCT table.column).
var simpleAggregate = regexp.MustCompile(`(?i)^\s*(SUM|MIN|MAX|AVG|COUNT)\s*\(\s*(DISTINCT\s+)?([A-Za-z_][A-Za-z0-9_$]*\.[A-Za-z_][A-Za-z0-9_$]*)\s*\)\s*$`)

// metricType infers a metric's datatype from a single aggregate of one column:
// counts are Integer, SUM, MIN and MAX keep the column's type, AVG of an exact
// number is Decimal. Anything else is left out, as the spec asks when the type
// is not known.
func (w *ossieWriter) metricType(expr string) string {
	mm := simpleAggregate.FindStringSubmatch(expr)
	if mm == nil {
		return ""
	}
	col := w.types[strings.ToLower(mm[3])]
	switch strings.ToUpper(mm[1]) {
	case "COUNT":
		return "Integer"
	case "AVG":
		if col == "Integer" || col == "Decimal" {
			return "Decimal"
		}
		if col == "Float" {
			return col
		}
		return ""
	}
	return col
}

func (w *ossieWriter) relationship(r Relationship) (ossieRelationship, error) {
	rel := ossieRelationship{Name: r.Name, From: r.LeftTable, To: r.RightTable}
	for _, c := range r.RelationshipColumns {
		rel.FromColumns = append(rel.FromColumns, c.LeftColumn)
		rel.ToColumns = append(rel.ToColumns, c.RightColumn)
	}
	rest := r
	rest.Name, rest.LeftTable, rest.RightTable, rest.RelationshipColumns = "", "", "", nil
	var err error
	rel.CustomExtensions, err = extension(w.v, ossieExt{Relationship: &rest})
	return rel, err
}

// equiJoin reports whether r joins on equal columns only, as an Ossie
// relationship does.
func equiJoin(r Relationship) bool {
	if len(r.RelationshipColumns) == 0 {
		return false
	}
	for _, c := range r.RelationshipColumns {
		if c.Type != "" || c.RightRange != nil || c.LeftColumn == "" || c.RightColumn == "" {
			return false
		}
	}
	return true
}

// sourceOf is a dataset's source: database.schema.table, or the query of a
// semantic view's logical table.
func sourceOf(b BaseTable) string {
	if b.Definition != "" {
		return b.Definition
	}
	var parts []string
	for _, p := range []string{b.Database, b.Schema, b.Table} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// sourceTable reads a dataset's source back: a query (anything with a space or
// a parenthesis) or a dotted name of one to three parts.
func sourceTable(s string) BaseTable {
	s = strings.TrimSpace(s)
	if s == "" {
		return BaseTable{}
	}
	if strings.ContainsAny(s, " \t\r\n(") {
		return BaseTable{Definition: s}
	}
	parts := strings.Split(s, ".")
	switch len(parts) {
	case 1:
		return BaseTable{Table: parts[0]}
	case 2:
		return BaseTable{Schema: parts[0], Table: parts[1]}
	case 3:
		return BaseTable{Database: parts[0], Schema: parts[1], Table: parts[2]}
	}
	return BaseTable{Definition: s}
}

// ossieDataType maps a Snowflake type to Ossie 0.2's datatype: NUMBER with a
// scale is Decimal, without one (or an INT alias) Integer; TIMESTAMP_TZ and _LTZ
// are DateTimeTz, other timestamps DateTime; binary and semi-structured types are
// Opaque. Unknown types give "" (left out).
func ossieDataType(dt DataType) string {
	name, _, scale, _ := dt.parts()
	name = strings.ToUpper(name)
	switch dt.Family() {
	case FamilyText:
		return "String"
	case FamilyNumber:
		if scale == "" || strings.Trim(scale, "0") == "" {
			return "Integer"
		}
		return "Decimal"
	case FamilyFloat:
		return "Float"
	case FamilyBoolean:
		return "Boolean"
	case FamilyDate:
		return "Date"
	case FamilyTime:
		return "Time"
	case FamilyTimestamp:
		switch name {
		case "TIMESTAMP_TZ", "TIMESTAMP_LTZ", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE":
			return "DateTimeTz"
		}
		return "DateTime"
	case FamilyBinary, FamilySemiStructured:
		return "Opaque"
	}
	return ""
}

// snowflakeType maps an Ossie datatype back, for a field without the package's
// extension; Decimal (no scale) and Opaque (no type) have no Snowflake type and
// give "".
func snowflakeType(t string) DataType {
	switch t {
	case "String":
		return "VARCHAR"
	case "Integer":
		return "NUMBER(38,0)"
	case "Float":
		return "FLOAT"
	case "Boolean":
		return "BOOLEAN"
	case "Date":
		return "DATE"
	case "Time":
		return "TIME"
	case "DateTime":
		return "TIMESTAMP_NTZ"
	case "DateTimeTz":
		return "TIMESTAMP_TZ"
	}
	return ""
}

func ptr[T any](v T) *T { return &v }
