package semantic

import (
	"os"
	"reflect"
	"regexp"
	"strings"
)

// ParseOssieFile reads and parses the Ossie document at path. See [ParseOssie].
func ParseOssieFile(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseOssie(path, data)
}

// ParseOssie reads an Apache Ossie document (0.1.1 or 0.2.0.dev0, YAML or JSON)
// holding one semantic model, and returns it as a Model, validated as [Parse]
// validates a model file. A document written by [Model.MarshalOssie] gives back
// the model it was written from, whole.
//
// Reading is strict: a key the version's schema does not define, a wrong type, a
// dialect or vendor or datatype outside the version's lists, a field without a
// SNOWFLAKE or ANSI_SQL expression, or a malformed salesanalytics custom
// extension is an error. On error it returns a nil model and an [*Error] listing
// every problem, each with its line and column and the Ossie key path
// (semantic_model[0].datasets[1].fields[3].datatype). What the model has no place
// for in a third-party document (field labels, other vendors' extensions, a
// metric's datatype, relationship ai_context) is read past with a warning
// ([Model.Warnings]).
//
// A field without the package's extension needs a datatype (0.2) that names a
// Snowflake type: Decimal (which has no scale) and Opaque are errors, since
// guessing a scale would change money.
func ParseOssie(file string, data []byte) (*Model, error) {
	src := &source{file: file}
	ps := &problems{src: src}
	root, ok := readDocument(file, data, ps, "an Ossie document needs version and semantic_model")
	if !ok {
		return nil, &Error{Problems: ps.list}
	}
	src.root = root
	var doc ossieDoc
	d := &decoder{file: file, ps: ps, budget: aliasExpansion * countNodes(root)}
	d.decode(root, reflect.ValueOf(&doc).Elem(), "")
	r := &ossieReader{ps: ps, src: src}
	r.check(&doc)
	if errs, _ := split(ps.list); len(errs) > 0 {
		return nil, &Error{Problems: errs}
	}
	m := r.model(&doc.SemanticModel[0])
	m.src = src
	if !hasErrors(ps.list) {
		before := len(ps.list)
		validate(m, ps)
		r.renameProblems(ps.list[before:])
	}
	errs, warns := split(ps.list)
	src.warnings = warns
	if len(errs) > 0 {
		return nil, &Error{Problems: errs}
	}
	m.idx()
	return m, nil
}

// ossieReader turns a decoded Ossie document into a model, recording where each
// model object came from so that the model's own validation points into the
// Ossie file.
type ossieReader struct {
	ps  *problems
	src *source
	// ext reports whether the model came with the package's extension, that is
	// from MarshalOssie: then the parts Ossie carries for third parties only
	// (examples, metric datatypes) are not warned about.
	ext bool
}

func (r *ossieReader) model(om *ossieModel) *Model {
	const base = "semantic_model[0]"
	e := r.readExt(base, om.CustomExtensions)
	m := &Model{}
	if e.Model != nil {
		r.ext = true
		*m = *e.Model
		if len(m.Tables)+len(m.Metrics) > 0 {
			r.ps.errorf(join(base, "custom_extensions"), "the %s custom extension holds tables or metrics; they belong in datasets and metrics", OssieExtensionKey)
		}
	}
	m.Name, m.Description = om.Name, om.Description
	r.modelContext(base, om.AIContext, m)
	kept, order := m.Relationships, e.RelationshipOrder
	m.Relationships, m.Tables, m.Metrics = nil, nil, nil
	for i := range om.Datasets {
		p := indexPath(join(base, "datasets"), i)
		r.src.move(p, indexPath("tables", i))
		m.Tables = append(m.Tables, r.table(p, indexPath("tables", i), &om.Datasets[i]))
	}
	var rels []placed
	for i, rel := range om.Relationships {
		p := indexPath(join(base, "relationships"), i)
		rels = append(rels, placed{r.relationship(p, rel), p})
	}
	for i, rel := range insertAt(rels, kept, order) {
		if rel.from != "" {
			r.src.move(rel.from, indexPath("relationships", i))
		}
		m.Relationships = append(m.Relationships, rel.rel)
	}
	for i, x := range om.Metrics {
		r.metric(m, indexPath(join(base, "metrics"), i), x)
	}
	return m
}

// placed is a relationship with the Ossie path it was read from ("" for one
// kept in the model's extension).
type placed struct {
	rel  Relationship
	from string
}

// insertAt puts each of kept at its index in order among rels (in index order).
func insertAt(rels []placed, kept []Relationship, order []int) []placed {
	for i, r := range kept {
		at := len(rels)
		if i < len(order) && order[i] >= 0 && order[i] <= len(rels) {
			at = order[i]
		}
		rels = append(rels[:at], append([]placed{{rel: r}}, rels[at:]...)...)
	}
	return rels
}

// modelContext reads the model's ai_context: from a third party, its
// instructions (or its text) become the SQL-generation instructions.
func (r *ossieReader) modelContext(base string, c *ossieAIContext, m *Model) {
	if c == nil || r.ext {
		return
	}
	text := c.Instructions
	if text == "" {
		text = c.Text
	}
	if text != "" {
		m.ModuleCustomInstructions = &ModuleCustomInstructions{SQLGeneration: text}
	}
	if len(c.Examples) > 0 {
		r.ps.warnf(join(base, "ai_context.examples"), "example questions are not read: a verified query needs its SQL")
	}
	if len(c.Synonyms) > 0 {
		r.ps.warnf(join(base, "ai_context.synonyms"), "a model has no synonyms; they are not read")
	}
}

func (r *ossieReader) table(p, mp string, ds *ossieDataset) Table {
	e := r.readExt(p, ds.CustomExtensions)
	var t Table
	if e.Table != nil {
		t = *e.Table
		if len(t.Dimensions)+len(t.TimeDimensions)+len(t.Facts)+len(t.Measures)+len(t.Metrics) > 0 {
			r.ps.errorf(join(p, "custom_extensions"), "the %s custom extension holds columns or metrics; they belong in fields and metrics", OssieExtensionKey)
			t.Dimensions, t.TimeDimensions, t.Facts, t.Measures, t.Metrics = nil, nil, nil, nil, nil
		}
	}
	t.Name, t.Description = ds.Name, ds.Description
	t.Synonyms = r.synonyms(p, ds.AIContext)
	if t.BaseTable == (BaseTable{}) {
		t.BaseTable = sourceTable(ds.Source)
	}
	if len(ds.PrimaryKey) > 0 {
		t.PrimaryKey = &Key{Columns: ds.PrimaryKey}
	}
	for _, k := range ds.UniqueKeys {
		t.UniqueKeys = append(t.UniqueKeys, Key{Columns: k})
	}
	for i := range ds.Fields {
		r.field(&t, indexPath(join(p, "fields"), i), mp, &ds.Fields[i])
	}
	return t
}

// synonyms reads an object's ai_context.synonyms; its instructions and examples
// have no place on a table or column and are warned about.
func (r *ossieReader) synonyms(p string, c *ossieAIContext) []string {
	if c == nil {
		return nil
	}
	if c.Text != "" || c.Instructions != "" || len(c.Examples) > 0 {
		r.ps.warnf(join(p, "ai_context"), "only ai_context.synonyms is read here; the rest has no place in the model")
	}
	return c.Synonyms
}

// field adds one Ossie field to t as the column kind it is: no dimension is a
// fact, a dimension whose is_time is (or defaults to) true a time dimension.
func (r *ossieReader) field(t *Table, p, mp string, f *ossieField) {
	e := r.readExt(p, f.CustomExtensions)
	expr := fieldExpr(f.Expression)
	syns := r.synonyms(p, f.AIContext)
	if f.Label != "" {
		r.ps.warnf(join(p, "label"), "label is not read: the model has no field for it")
	}
	kind := "fact"
	if f.Dimension != nil {
		kind = "dimension"
		if isTime(f) {
			kind = "time_dimension"
		}
	}
	if got := e.kindOf(); got != "" && got != kind {
		r.ps.errorf(join(p, "custom_extensions"), "%s", errExtKind(got, kind))
		return
	}
	dataType := func(dt DataType) DataType {
		if dt != "" || f.DataType == "" {
			return dt
		}
		if st := snowflakeType(f.DataType); st != "" {
			return st
		}
		r.ps.errorf(join(p, "datatype"), "datatype %s names no Snowflake type (Decimal has no scale); write the exact type as data_type in the %s custom extension, e.g. NUMBER(38,2)", f.DataType, OssieExtensionKey)
		return "NUMBER(38,0)" // reported above; keeps validation from repeating it
	}
	switch kind {
	case "fact":
		var c Fact
		if e.Fact != nil {
			c = *e.Fact
		}
		c.Name, c.Description, c.Expr, c.Synonyms, c.DataType = f.Name, f.Description, expr, syns, dataType(c.DataType)
		r.src.move(p, indexPath(join(mp, "facts"), len(t.Facts)))
		t.Facts = append(t.Facts, c)
	case "time_dimension":
		var c TimeDimension
		if e.TimeDimension != nil {
			c = *e.TimeDimension
		}
		c.Name, c.Description, c.Expr, c.Synonyms, c.DataType = f.Name, f.Description, expr, syns, dataType(c.DataType)
		r.src.move(p, indexPath(join(mp, "time_dimensions"), len(t.TimeDimensions)))
		t.TimeDimensions = append(t.TimeDimensions, c)
	default:
		var c Dimension
		if e.Dimension != nil {
			c = *e.Dimension
		}
		c.Name, c.Description, c.Expr, c.Synonyms, c.DataType = f.Name, f.Description, expr, syns, dataType(c.DataType)
		r.src.move(p, indexPath(join(mp, "dimensions"), len(t.Dimensions)))
		t.Dimensions = append(t.Dimensions, c)
	}
}

// isTime resolves a dimension's is_time: explicit, else true for a temporal
// datatype (0.2's default).
func isTime(f *ossieField) bool {
	if f.Dimension.IsTime != nil {
		return *f.Dimension.IsTime
	}
	switch f.DataType {
	case "Date", "Time", "DateTime", "DateTimeTz":
		return true
	}
	return false
}

// fieldExpr is the SNOWFLAKE expression, else the ANSI_SQL one (check made sure
// one exists).
func fieldExpr(e ossieExpression) string {
	for _, want := range []string{ossieSnowflake, "ANSI_SQL"} {
		for _, d := range e.Dialects {
			if d.Dialect == want {
				return d.Expression
			}
		}
	}
	return ""
}

func (r *ossieReader) relationship(p string, rel ossieRelationship) Relationship {
	e := r.readExt(p, rel.CustomExtensions)
	var out Relationship
	if e.Relationship != nil {
		out = *e.Relationship
	}
	out.Name, out.LeftTable, out.RightTable = rel.Name, rel.From, rel.To
	out.RelationshipColumns = nil
	for i := range rel.FromColumns {
		if i < len(rel.ToColumns) {
			out.RelationshipColumns = append(out.RelationshipColumns, RelationshipColumn{LeftColumn: rel.FromColumns[i], RightColumn: rel.ToColumns[i]})
		}
	}
	if rel.AIContext != nil {
		r.ps.warnf(join(p, "ai_context"), "a relationship has no ai_context in the model; it is not read")
	}
	return out
}

// metric adds an Ossie metric to its table (the extension's metric_table, or
// for a third party the one dataset its expression names) or to the model's
// derived metrics.
func (r *ossieReader) metric(m *Model, p string, x ossieMetric) {
	e := r.readExt(p, x.CustomExtensions)
	var c Metric
	if e.Metric != nil {
		c = *e.Metric
	}
	if c.Name == "" {
		c.Name = x.Name
	}
	c.Description, c.Expr, c.Synonyms = x.Description, fieldExpr(x.Expression), r.synonyms(p, x.AIContext)
	ours := e.Metric != nil || e.MetricTable != "" || e.Derived
	if x.DataType != "" && !ours {
		r.ps.warnf(join(p, "datatype"), "a metric's datatype is not read: the model infers it from the expression")
	}
	table := e.MetricTable
	if !ours {
		table = onlyTable(m, c.Expr)
	}
	if table == "" {
		r.src.move(p, indexPath("metrics", len(m.Metrics)))
		m.Metrics = append(m.Metrics, c)
		return
	}
	for i := range m.Tables {
		if strings.EqualFold(m.Tables[i].Name, table) {
			t := &m.Tables[i]
			r.src.move(p, indexPath(join(indexPath("tables", i), "metrics"), len(t.Metrics)))
			t.Metrics = append(t.Metrics, c)
			return
		}
	}
	r.ps.errorf(join(p, "custom_extensions"), "%s.metric_table %q names no dataset", OssieExtensionKey, table)
}

var qualifiedName = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_$]*)\s*\.\s*[A-Za-z_]`)

// onlyTable returns the table an expression's table.column names all belong to,
// or "" when it names none or several.
func onlyTable(m *Model, expr string) string {
	found := ""
	for _, mm := range qualifiedName.FindAllStringSubmatch(expr, -1) {
		for _, t := range m.Tables {
			if !strings.EqualFold(t.Name, mm[1]) {
				continue
			}
			if found != "" && !strings.EqualFold(found, t.Name) {
				return ""
			}
			found = t.Name
		}
	}
	return found
}

// renameProblems turns the model paths of validation problems into the Ossie
// paths they came from, and says where a missing data type goes.
func (r *ossieReader) renameProblems(list []Problem) {
	for i := range list {
		p := &list[i]
		p.Path = r.src.original(p.Path)
		if p.Message == "data_type is required" {
			p.Message += "; Ossie 0.1.1 has no datatype: give datatype (0.2) or data_type in the " + OssieExtensionKey + " custom extension"
		}
	}
}
