package semantic

import "github.com/salesanalytics/salesanalytics/dialect"

// Model is a Cortex Analyst semantic model: logical tables over physical ones, with
// the dimensions, time dimensions, facts, metrics and filters that name their
// columns in business terms, the relationships between the tables, and verified
// queries. Field order follows the reference spec, and is the order Marshal writes.
//
// A Model from [Parse] carries the position of every key for error messages. Do not
// modify a Model after its first lookup ([Model.Field]); build a new one instead.
type Model struct {
	Name                     string                    `yaml:"name"`
	Description              string                    `yaml:"description,omitempty"`
	Comments                 string                    `yaml:"comments,omitempty"` // tolerated; not in the proto
	Tables                   []Table                   `yaml:"tables"`
	Relationships            []Relationship            `yaml:"relationships,omitempty"`
	Metrics                  []Metric                  `yaml:"metrics,omitempty"` // derived metrics (semantic views)
	VerifiedQueries          []VerifiedQuery           `yaml:"verified_queries,omitempty"`
	CustomInstructions       string                    `yaml:"custom_instructions,omitempty"` // deprecated
	ModuleCustomInstructions *ModuleCustomInstructions `yaml:"module_custom_instructions,omitempty"`
	Variables                []Variable                `yaml:"variables,omitempty"`     // semantic views
	MaxStaleness             *int                      `yaml:"max_staleness,omitempty"` // semantic views, seconds
	Tags                     []Tag                     `yaml:"tags,omitempty"`          // semantic views

	src   *source // positions and warnings from Parse; nil for a built model
	index *index  // name and synonym lookup, built on first use
}

// Table is a logical table over one physical table (or, in a semantic view, a
// query).
type Table struct {
	Name           string          `yaml:"name"`
	Description    string          `yaml:"description,omitempty"`
	Synonyms       []string        `yaml:"synonyms,omitempty"`
	BaseTable      BaseTable       `yaml:"base_table"`
	PrimaryKey     *Key            `yaml:"primary_key,omitempty"`
	UniqueKeys     []Key           `yaml:"unique_keys,omitempty"` // semantic views
	Dimensions     []Dimension     `yaml:"dimensions,omitempty"`
	TimeDimensions []TimeDimension `yaml:"time_dimensions,omitempty"`
	Facts          []Fact          `yaml:"facts,omitempty"`
	// Measures is the deprecated name of Facts. Parse moves measures into Facts
	// (with a warning), so it is always empty in a parsed model.
	Measures []Fact   `yaml:"measures,omitempty"`
	Metrics  []Metric `yaml:"metrics,omitempty"`
	Filters  []Filter `yaml:"filters,omitempty"`
	Tags     []Tag    `yaml:"tags,omitempty"` // semantic views
}

// BaseTable names the physical table behind a logical table.
type BaseTable struct {
	Database   string `yaml:"database,omitempty"`
	Schema     string `yaml:"schema,omitempty"`
	Table      string `yaml:"table,omitempty"`
	Definition string `yaml:"definition,omitempty"` // semantic views: a query instead of a table
}

// Key is a primary or unique key: a list of column names.
type Key struct {
	Columns []string `yaml:"columns"`
}

// Dimension is a categorical column ("who, what, where, how").
type Dimension struct {
	Name                    string               `yaml:"name"`
	Synonyms                []string             `yaml:"synonyms,omitempty"`
	Description             string               `yaml:"description,omitempty"`
	Expr                    string               `yaml:"expr"`
	DataType                DataType             `yaml:"data_type"`
	Unique                  bool                 `yaml:"unique,omitempty"`
	SampleValues            []string             `yaml:"sample_values,omitempty"`
	IsEnum                  bool                 `yaml:"is_enum,omitempty"`
	CortexSearchService     *CortexSearchService `yaml:"cortex_search_service,omitempty"`
	CortexSearchServiceName string               `yaml:"cortex_search_service_name,omitempty"` // deprecated
	Labels                  []Label              `yaml:"labels,omitempty"`                     // semantic views
	Tags                    []Tag                `yaml:"tags,omitempty"`                       // semantic views
}

// TimeDimension is a temporal column.
type TimeDimension struct {
	Name         string   `yaml:"name"`
	Synonyms     []string `yaml:"synonyms,omitempty"`
	Description  string   `yaml:"description,omitempty"`
	Expr         string   `yaml:"expr"`
	DataType     DataType `yaml:"data_type"`
	Unique       bool     `yaml:"unique,omitempty"`
	SampleValues []string `yaml:"sample_values,omitempty"`
	Tags         []Tag    `yaml:"tags,omitempty"` // semantic views
	// DateParts name stored columns holding this date truncated to a grain, which
	// a compiler reads instead of truncating the date (this SDK's extension).
	DateParts []DatePart `yaml:"date_parts,omitempty"`
}

// DatePart is a stored column that holds a time dimension truncated to Grain:
// the first day of the week (Monday), month or quarter, as a DATE.
type DatePart struct {
	Grain dialect.Grain `yaml:"grain" json:"grain"`
	Expr  string        `yaml:"expr" json:"expr"`
}

// Fact is a row-level quantitative column (legacy name: measure).
type Fact struct {
	Name               string         `yaml:"name"`
	Synonyms           []string       `yaml:"synonyms,omitempty"`
	Description        string         `yaml:"description,omitempty"`
	Expr               string         `yaml:"expr"`
	DataType           DataType       `yaml:"data_type"`
	DefaultAggregation Aggregation    `yaml:"default_aggregation,omitempty"` // deprecated
	Unique             bool           `yaml:"unique,omitempty"`
	SampleValues       []string       `yaml:"sample_values,omitempty"`
	AccessModifier     AccessModifier `yaml:"access_modifier,omitempty"` // semantic views
	Labels             []Label        `yaml:"labels,omitempty"`          // semantic views
	Tags               []Tag          `yaml:"tags,omitempty"`            // semantic views
}

// Metric is an aggregated business measure, e.g. SUM(orders.net_amount).
type Metric struct {
	Name                  string                 `yaml:"name"`
	Synonyms              []string               `yaml:"synonyms,omitempty"`
	Description           string                 `yaml:"description,omitempty"`
	Expr                  string                 `yaml:"expr"`
	AccessModifier        AccessModifier         `yaml:"access_modifier,omitempty"`         // semantic views
	NonAdditiveDimensions []NonAdditiveDimension `yaml:"non_additive_dimensions,omitempty"` // semantic views
	UsingRelationships    []string               `yaml:"using_relationships,omitempty"`     // semantic views
	// Per makes the metric a rate per period of this grain (this SDK's
	// extension): over a date range it is summed over the range's periods, a
	// period covered in part prorated by its days, and never over the rows of
	// another table it is set against. Only month is supported.
	Per  dialect.Grain `yaml:"per,omitempty"`
	Tags []Tag         `yaml:"tags,omitempty"` // semantic views
}

// Filter is a named WHERE condition.
type Filter struct {
	Name        string   `yaml:"name"`
	Synonyms    []string `yaml:"synonyms,omitempty"`
	Description string   `yaml:"description,omitempty"`
	Expr        string   `yaml:"expr"`
	Comments    string   `yaml:"comments,omitempty"` // tolerated; not in the proto
}

// Relationship joins two logical tables on equal columns.
type Relationship struct {
	Name                string               `yaml:"name"`
	LeftTable           string               `yaml:"left_table"`
	RightTable          string               `yaml:"right_table"`
	RelationshipColumns []RelationshipColumn `yaml:"relationship_columns"`
	JoinType            JoinType             `yaml:"join_type,omitempty"`
	RelationshipType    RelationshipType     `yaml:"relationship_type,omitempty"`
}

// RelationshipColumn is one equi-join column pair.
type RelationshipColumn struct {
	LeftColumn  string      `yaml:"left_column"`
	RightColumn string      `yaml:"right_column"`
	Type        string      `yaml:"type,omitempty"`        // semantic views: asof or range
	RightRange  *RightRange `yaml:"right_range,omitempty"` // semantic views
}

// RightRange bounds a range join (semantic views).
type RightRange struct {
	StartColumn string `yaml:"start_column"`
	EndColumn   string `yaml:"end_column"`
}

// VerifiedQuery is a question with SQL a person has checked. Its SQL reads logical
// tables as __<table> and logical column names.
type VerifiedQuery struct {
	Name                    string   `yaml:"name"`
	Question                string   `yaml:"question"`
	SQL                     string   `yaml:"sql"`
	VerifiedAt              UnixTime `yaml:"verified_at,omitempty"`
	VerifiedBy              string   `yaml:"verified_by,omitempty"`
	UseAsOnboardingQuestion bool     `yaml:"use_as_onboarding_question,omitempty"`
	SemanticModelName       string   `yaml:"semantic_model_name,omitempty"`
}

// ModuleCustomInstructions steer Cortex Analyst's SQL generation and question
// categorisation.
type ModuleCustomInstructions struct {
	SQLGeneration          string `yaml:"sql_generation,omitempty"`
	QuestionCategorization string `yaml:"question_categorization,omitempty"`
}

// CortexSearchService resolves a dimension's literals through Cortex Search.
type CortexSearchService struct {
	Service       string `yaml:"service"`
	LiteralColumn string `yaml:"literal_column,omitempty"`
	Database      string `yaml:"database,omitempty"`
	Schema        string `yaml:"schema,omitempty"`
}

// NonAdditiveDimension marks a dimension a metric must not be summed across.
type NonAdditiveDimension struct {
	Table         string        `yaml:"table"`
	Dimension     string        `yaml:"dimension"`
	SortDirection SortDirection `yaml:"sort_direction,omitempty"`
	NullOrder     NullOrder     `yaml:"null_order,omitempty"`
}

// Variable is a semantic-view parameter.
type Variable struct {
	Name         string   `yaml:"name"`
	DataType     DataType `yaml:"data_type"`
	DefaultValue string   `yaml:"default_value,omitempty"`
	Description  string   `yaml:"description,omitempty"`
}

// Tag attaches a Snowflake tag (semantic views).
type Tag struct {
	Name  TagName `yaml:"name"`
	Value string  `yaml:"value"`
}

// TagName is the fully qualified name of a Snowflake tag.
type TagName struct {
	Database string `yaml:"database"`
	Schema   string `yaml:"schema"`
	Tag      string `yaml:"tag"`
}
