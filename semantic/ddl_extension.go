package semantic

import (
	"strconv"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// caExtension is the JSON of a semantic view's WITH EXTENSION (CA='…') clause: the
// parts of a Cortex Analyst model that CREATE SEMANTIC VIEW has no clause for,
// in the shape of the model's YAML keys, keyed by table and column name, the way
// Snowflake's own dbt package (dbt_semantic_view's ca_extensions and
// ca_yaml_features macros) writes it. Only what differs from the default is
// written.
type caExtension struct {
	Name               string            `json:"name,omitempty"`     // the model's name, when not the view's
	Comments           string            `json:"comments,omitempty"` // tolerated model key
	CustomInstructions string            `json:"custom_instructions,omitempty"`
	Tables             []caTable         `json:"tables,omitempty"`
	Relationships      []caRelationship  `json:"relationships,omitempty"`
	VerifiedQueries    []caVerifiedQuery `json:"verified_queries,omitempty"`
	Metrics            []caMetric        `json:"metrics,omitempty"` // the model's derived metrics

	problems []extensionProblem // what WithoutExtension turns into warnings
}

type caTable struct {
	Name           string     `json:"name"`
	Dimensions     []caColumn `json:"dimensions,omitempty"`
	TimeDimensions []caColumn `json:"time_dimensions,omitempty"`
	Facts          []caColumn `json:"facts,omitempty"`
	Filters        []caFilter `json:"filters,omitempty"`
	Metrics        []caMetric `json:"metrics,omitempty"`
}

// caMetric holds the keys of a metric that DDL lacks: this SDK's per.
type caMetric struct {
	Name string        `json:"name"`
	Per  dialect.Grain `json:"per,omitempty"`
}

// caFilter is a named filter, which DDL has no clause for (LABELS = (FILTER) marks
// a boolean dimension instead).
type caFilter struct {
	Name        string   `json:"name"`
	Synonyms    []string `json:"synonyms,omitempty"`
	Description string   `json:"description,omitempty"`
	Expr        string   `json:"expr"`
	Comments    string   `json:"comments,omitempty"`
}

// caColumn holds the keys of a dimension, time dimension or fact that DDL lacks.
type caColumn struct {
	Name               string      `json:"name"`
	DataType           DataType    `json:"data_type,omitempty"`
	Unique             bool        `json:"unique,omitempty"`
	SampleValues       []string    `json:"sample_values,omitempty"`
	IsEnum             bool        `json:"is_enum,omitempty"`
	DefaultAggregation Aggregation `json:"default_aggregation,omitempty"`
	DateParts          []DatePart  `json:"date_parts,omitempty"`
}

type caRelationship struct {
	Name             string           `json:"name"`
	JoinType         JoinType         `json:"join_type,omitempty"`
	RelationshipType RelationshipType `json:"relationship_type,omitempty"`
}

type caVerifiedQuery struct {
	Name              string `json:"name"`
	SemanticModelName string `json:"semantic_model_name,omitempty"`
}

// extensionProblem is one model key the extension carries, as a warning when the
// extension is left out.
type extensionProblem struct {
	path, key string
}

func (e *caExtension) note(path, key string) {
	e.problems = append(e.problems, extensionProblem{path: path, key: key})
}

func (e *caExtension) empty() bool {
	return e.Name == "" && e.Comments == "" && e.CustomInstructions == "" &&
		len(e.Tables) == 0 && len(e.Relationships) == 0 && len(e.VerifiedQueries) == 0 && len(e.Metrics) == 0
}

// buildExtension collects what the DDL clauses cannot say about m. view is the
// unqualified view name: the model's name is recorded when it differs.
func buildExtension(m *Model, view string) *caExtension {
	e := &caExtension{}
	if m.Name != view {
		e.Name = m.Name
		e.note("name", "name")
	}
	if m.Comments != "" {
		e.Comments = m.Comments
		e.note("comments", "comments")
	}
	if m.CustomInstructions != "" {
		e.CustomInstructions = m.CustomInstructions
		e.note("custom_instructions", "custom_instructions")
	}
	for ti, t := range m.Tables {
		tp := indexPath("tables", ti)
		ct := caTable{Name: t.Name}
		for i, d := range t.Dimensions {
			c := caColumn{Name: d.Name, DataType: d.DataType, Unique: d.Unique, SampleValues: d.SampleValues, IsEnum: d.IsEnum}
			ct.Dimensions = append(ct.Dimensions, c)
			e.noteColumn(indexPath(join(tp, "dimensions"), i), c)
		}
		for i, d := range t.TimeDimensions {
			c := caColumn{Name: d.Name, DataType: d.DataType, Unique: d.Unique, SampleValues: d.SampleValues, DateParts: d.DateParts}
			ct.TimeDimensions = append(ct.TimeDimensions, c)
			p := indexPath(join(tp, "time_dimensions"), i)
			e.note(p, "time_dimensions (DDL declares a time dimension as a dimension)")
			e.noteColumn(p, c)
		}
		for i, f := range factsOf(t) {
			c := caColumn{Name: f.Name, DataType: f.DataType, Unique: f.Unique, SampleValues: f.SampleValues, DefaultAggregation: f.DefaultAggregation}
			ct.Facts = append(ct.Facts, c)
			e.noteColumn(indexPath(join(tp, "facts"), i), c)
		}
		for i, f := range t.Filters {
			ct.Filters = append(ct.Filters, caFilter(f))
			e.note(indexPath(join(tp, "filters"), i), "filters")
		}
		for i, mt := range t.Metrics {
			if mt.Per != "" {
				ct.Metrics = append(ct.Metrics, caMetric{Name: mt.Name, Per: mt.Per})
				e.note(join(indexPath(join(tp, "metrics"), i), "per"), "per")
			}
		}
		if len(ct.Dimensions)+len(ct.TimeDimensions)+len(ct.Facts)+len(ct.Filters)+len(ct.Metrics) > 0 {
			e.Tables = append(e.Tables, ct)
		}
	}
	for i, r := range m.Relationships {
		if r.JoinType != "" || r.RelationshipType != "" {
			e.Relationships = append(e.Relationships, caRelationship{Name: r.Name, JoinType: r.JoinType, RelationshipType: r.RelationshipType})
			e.note(indexPath("relationships", i), "join_type and relationship_type (semantic views infer them from keys)")
		}
	}
	for i, mt := range m.Metrics {
		if mt.Per != "" {
			e.Metrics = append(e.Metrics, caMetric{Name: mt.Name, Per: mt.Per})
			e.note(join(indexPath("metrics", i), "per"), "per")
		}
	}
	for i, q := range m.VerifiedQueries {
		if q.SemanticModelName != "" {
			e.VerifiedQueries = append(e.VerifiedQueries, caVerifiedQuery{Name: q.Name, SemanticModelName: q.SemanticModelName})
			e.note(join(indexPath("verified_queries", i), "semantic_model_name"), "semantic_model_name")
		}
	}
	return e
}

func (e *caExtension) noteColumn(path string, c caColumn) {
	if c.DataType != "" {
		e.note(join(path, "data_type"), "data_type")
	}
	if c.Unique {
		e.note(join(path, "unique"), "unique")
	}
	if len(c.SampleValues) > 0 {
		e.note(join(path, "sample_values"), "sample_values ("+strconv.Itoa(len(c.SampleValues))+")")
	}
	if c.IsEnum {
		e.note(join(path, "is_enum"), "is_enum")
	}
	if c.DefaultAggregation != "" {
		e.note(join(path, "default_aggregation"), "default_aggregation")
	}
	if len(c.DateParts) > 0 {
		e.note(join(path, "date_parts"), "date_parts")
	}
}

// factsOf returns a table's facts, with legacy measures of a built model after
// them (Parse has already moved them).
func factsOf(t Table) []Fact {
	if len(t.Measures) == 0 {
		return t.Facts
	}
	return append(append([]Fact(nil), t.Facts...), t.Measures...)
}
