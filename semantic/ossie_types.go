package semantic

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// OssieVersion is a version of the Apache Ossie (Open Semantic Interchange) core
// specification that [Model.MarshalOssie] writes and [ParseOssie] reads.
type OssieVersion string

// The Ossie versions. 0.1.1 is the released one that Snowflake
// (SYSTEM$CREATE_SEMANTIC_VIEW_FROM_OSSIE_YAML) and dbt Core 1.12 read; 0.2.0.dev0
// is the development version on the project's main branch, which adds datatype
// (String, Integer, Decimal, …) to fields and metrics, the BIGQUERY dialect and
// free-text vendor names.
const (
	Ossie011 OssieVersion = "0.1.1"
	Ossie02  OssieVersion = "0.2.0.dev0"
)

// Valid reports whether v is one of the versions above.
func (v OssieVersion) Valid() bool { return v == Ossie011 || v == Ossie02 }

// OssieFormat is the syntax an Ossie document is written in.
type OssieFormat string

// The Ossie formats. ParseOssie reads either (JSON is read as YAML).
const (
	OssieYAML OssieFormat = "yaml"
	OssieJSON OssieFormat = "json"
)

// Valid reports whether f is one of the formats above.
func (f OssieFormat) Valid() bool { return f == OssieYAML || f == OssieJSON }

// OssieVendor is the custom_extensions vendor_name under which the model keeps
// what Ossie has no field for, in Ossie 0.2 (where vendor names are free text).
// Ossie 0.1.1 allows only a closed list of vendors, so there the entry is
// written as vendor COMMON with its data under the key OssieExtensionKey.
const OssieVendor = "SALESANALYTICS"

// OssieExtensionKey is the key of the data object of the model's custom
// extensions: {"salesanalytics": {…}}.
const OssieExtensionKey = "salesanalytics"

// ossieVendorCommon is the 0.1.1 vendor the model's extensions are written under.
const ossieVendorCommon = "COMMON"

// Dialects and vendors each version's schema allows.
var (
	ossieDialects = map[OssieVersion][]string{
		Ossie011: {"ANSI_SQL", "SNOWFLAKE", "MDX", "TABLEAU", "DATABRICKS", "MAQL"},
		Ossie02:  {"ANSI_SQL", "SNOWFLAKE", "MDX", "TABLEAU", "DATABRICKS", "MAQL", "BIGQUERY"},
	}
	ossieVendors011 = []string{"COMMON", "SNOWFLAKE", "SALESFORCE", "DBT", "DATABRICKS", "GOODDATA"}
	ossieDataTypes  = []string{"String", "Integer", "Decimal", "Float", "Boolean", "Date", "Time", "DateTime", "DateTimeTz", "Opaque"}
)

// The dialect the model's expressions are written in.
const ossieSnowflake = "SNOWFLAKE"

// ossieDoc is an Ossie document: its field names and order are the schema's.
type ossieDoc struct {
	Version       string       `yaml:"version" json:"version"`
	SemanticModel []ossieModel `yaml:"semantic_model" json:"semantic_model"`
}

type ossieModel struct {
	Name             string              `yaml:"name" json:"name"`
	Description      string              `yaml:"description,omitempty" json:"description,omitempty"`
	AIContext        *ossieAIContext     `yaml:"ai_context,omitempty" json:"ai_context,omitempty"`
	Datasets         []ossieDataset      `yaml:"datasets" json:"datasets"`
	Relationships    []ossieRelationship `yaml:"relationships,omitempty" json:"relationships,omitempty"`
	Metrics          []ossieMetric       `yaml:"metrics,omitempty" json:"metrics,omitempty"`
	CustomExtensions []ossieExtension    `yaml:"custom_extensions,omitempty" json:"custom_extensions,omitempty"`
}

type ossieDataset struct {
	Name             string           `yaml:"name" json:"name"`
	Source           string           `yaml:"source" json:"source"`
	PrimaryKey       []string         `yaml:"primary_key,omitempty" json:"primary_key,omitempty"`
	UniqueKeys       [][]string       `yaml:"unique_keys,omitempty" json:"unique_keys,omitempty"`
	Description      string           `yaml:"description,omitempty" json:"description,omitempty"`
	AIContext        *ossieAIContext  `yaml:"ai_context,omitempty" json:"ai_context,omitempty"`
	Fields           []ossieField     `yaml:"fields,omitempty" json:"fields,omitempty"`
	CustomExtensions []ossieExtension `yaml:"custom_extensions,omitempty" json:"custom_extensions,omitempty"`
}

type ossieField struct {
	Name             string           `yaml:"name" json:"name"`
	Expression       ossieExpression  `yaml:"expression" json:"expression"`
	Dimension        *ossieDimension  `yaml:"dimension,omitempty" json:"dimension,omitempty"`
	Label            string           `yaml:"label,omitempty" json:"label,omitempty"`
	Description      string           `yaml:"description,omitempty" json:"description,omitempty"`
	DataType         string           `yaml:"datatype,omitempty" json:"datatype,omitempty"` // 0.2
	AIContext        *ossieAIContext  `yaml:"ai_context,omitempty" json:"ai_context,omitempty"`
	CustomExtensions []ossieExtension `yaml:"custom_extensions,omitempty" json:"custom_extensions,omitempty"`
}

// ossieDimension marks a field as a dimension; IsTime is a pointer because an
// unset is_time defaults from the datatype in 0.2.
type ossieDimension struct {
	IsTime *bool `yaml:"is_time,omitempty" json:"is_time,omitempty"`
}

type ossieMetric struct {
	Name             string           `yaml:"name" json:"name"`
	Expression       ossieExpression  `yaml:"expression" json:"expression"`
	Description      string           `yaml:"description,omitempty" json:"description,omitempty"`
	DataType         string           `yaml:"datatype,omitempty" json:"datatype,omitempty"` // 0.2
	AIContext        *ossieAIContext  `yaml:"ai_context,omitempty" json:"ai_context,omitempty"`
	CustomExtensions []ossieExtension `yaml:"custom_extensions,omitempty" json:"custom_extensions,omitempty"`
}

type ossieRelationship struct {
	Name             string           `yaml:"name" json:"name"`
	From             string           `yaml:"from" json:"from"`
	To               string           `yaml:"to" json:"to"`
	FromColumns      []string         `yaml:"from_columns" json:"from_columns"`
	ToColumns        []string         `yaml:"to_columns" json:"to_columns"`
	AIContext        *ossieAIContext  `yaml:"ai_context,omitempty" json:"ai_context,omitempty"`
	CustomExtensions []ossieExtension `yaml:"custom_extensions,omitempty" json:"custom_extensions,omitempty"`
}

type ossieExpression struct {
	Dialects []ossieDialectExpression `yaml:"dialects" json:"dialects"`
}

type ossieDialectExpression struct {
	Dialect    string `yaml:"dialect" json:"dialect"`
	Expression string `yaml:"expression" json:"expression"`
}

type ossieExtension struct {
	VendorName string `yaml:"vendor_name" json:"vendor_name"`
	Data       string `yaml:"data" json:"data"`
}

// ossieAIContext is the schema's AIContext: a string, or an object whose known
// keys are instructions, synonyms and examples (others are allowed and ignored).
type ossieAIContext struct {
	Text         string   `yaml:"-" json:"-"` // the string form
	Instructions string   `yaml:"instructions,omitempty" json:"instructions,omitempty"`
	Synonyms     []string `yaml:"synonyms,omitempty" json:"synonyms,omitempty"`
	Examples     []string `yaml:"examples,omitempty" json:"examples,omitempty"`
}

// UnmarshalYAML reads either form of an AIContext, refusing a known key of the
// wrong type.
func (c *ossieAIContext) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		c.Text = n.Value
		return nil
	case yaml.MappingNode:
	default:
		return fmt.Errorf("ai_context must be a string or a mapping, got %s", describe(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		var err error
		switch k {
		case "instructions":
			err = v.Decode(&c.Instructions)
		case "synonyms":
			err = v.Decode(&c.Synonyms)
		case "examples":
			err = v.Decode(&c.Examples)
		}
		if err != nil {
			return fmt.Errorf("ai_context.%s: expected a %s", k, map[bool]string{true: "string", false: "list of strings"}[k == "instructions"])
		}
	}
	return nil
}

// ossieExt is the data the model keeps in a custom extension, under
// OssieExtensionKey: for each Ossie object, the model object it came from with
// the fields Ossie carries itself left out.
type ossieExt struct {
	Format        int            `yaml:"format"`
	Model         *Model         `yaml:"model,omitempty"`
	Table         *Table         `yaml:"table,omitempty"`
	Dimension     *Dimension     `yaml:"dimension,omitempty"`
	TimeDimension *TimeDimension `yaml:"time_dimension,omitempty"`
	Fact          *Fact          `yaml:"fact,omitempty"`
	Metric        *Metric        `yaml:"metric,omitempty"`
	// MetricTable names the logical table of a table-level metric; empty for a
	// derived (model-level) metric.
	MetricTable string `yaml:"metric_table,omitempty"`
	// Derived marks a model-level metric, which a reader would otherwise put on
	// the one table its expression names.
	Derived      bool          `yaml:"derived,omitempty"`
	Relationship *Relationship `yaml:"relationship,omitempty"`
	// RelationshipOrder is, for the model's extension, the index in the model's
	// relationships of each relationship the extension keeps (those that are not
	// equality joins, which Ossie cannot express).
	RelationshipOrder []int `yaml:"relationship_order,omitempty"`
}

// ossieExtFormat is the version of the ossieExt layout.
const ossieExtFormat = 1
