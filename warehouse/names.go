package warehouse

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/internal/ident"
)

// Layer is one of the warehouse's schemas.
type Layer string

// The warehouse layers, in build order.
const (
	Raw      Layer = "raw"
	Staging  Layer = "staging"
	Marts    Layer = "marts"
	Semantic Layer = "semantic"
)

// Layers lists every layer in build order.
func Layers() []Layer { return []Layer{Raw, Staging, Marts, Semantic} }

// Valid reports whether l is a known layer.
func (l Layer) Valid() bool {
	switch l {
	case Raw, Staging, Marts, Semantic:
		return true
	}
	return false
}

// Names holds the configurable names of the warehouse's objects. The zero value of
// any field means its default; see [DefaultNames].
type Names struct {
	Database  string // default SALES_ANALYTICS_DB
	Warehouse string // default SALES_ANALYTICS_WH (Snowflake only)
	Raw       string // default RAW
	Staging   string // default STAGING
	Marts     string // default MARTS
	Semantic  string // default SEMANTIC
	Stage     string // default SEMANTIC_MODELS, in the Semantic schema
	// Role is the read-only analyst role the set-up creates and grants the marts,
	// the stage and Cortex Analyst to (Snowflake only); default SALES_ANALYST.
	Role string
	// User, when set, gets the warehouse and MARTS as its defaults (Snowflake only).
	User string
}

// DefaultNames returns the product's default names.
func DefaultNames() Names {
	return Names{
		Database:  "SALES_ANALYTICS_DB",
		Warehouse: "SALES_ANALYTICS_WH",
		Raw:       "RAW",
		Staging:   "STAGING",
		Marts:     "MARTS",
		Semantic:  "SEMANTIC",
		Stage:     "SEMANTIC_MODELS",
		Role:      "SALES_ANALYST",
	}
}

// WithDefaults returns n with every empty field set to its default.
func (n Names) WithDefaults() Names {
	d := DefaultNames()
	fill := func(v *string, def string) {
		if *v == "" {
			*v = def
		}
	}
	fill(&n.Database, d.Database)
	fill(&n.Warehouse, d.Warehouse)
	fill(&n.Raw, d.Raw)
	fill(&n.Staging, d.Staging)
	fill(&n.Marts, d.Marts)
	fill(&n.Semantic, d.Semantic)
	fill(&n.Stage, d.Stage)
	fill(&n.Role, d.Role)
	return n
}

// Validate reports the first name that is not a plain identifier (letters, digits,
// `_` and `$`, not starting with a digit). Empty fields are allowed: they take their
// defaults.
func (n Names) Validate() error {
	for _, f := range []struct{ key, v string }{
		{"Database", n.Database}, {"Warehouse", n.Warehouse}, {"Raw", n.Raw},
		{"Staging", n.Staging}, {"Marts", n.Marts}, {"Semantic", n.Semantic},
		{"Stage", n.Stage}, {"Role", n.Role}, {"User", n.User},
	} {
		if f.v != "" && !ident.Valid(f.v) {
			return fmt.Errorf("warehouse: Names.%s %q is not a plain identifier (letters, digits, _ and $; not starting with a digit)", f.key, f.v)
		}
	}
	return nil
}

// SchemaFor returns the schema name of layer l.
func (n Names) SchemaFor(l Layer) string {
	n = n.WithDefaults()
	switch l {
	case Raw:
		return n.Raw
	case Staging:
		return n.Staging
	case Marts:
		return n.Marts
	case Semantic:
		return n.Semantic
	}
	return ""
}

// Schemas returns the schema names of every layer in build order.
func (n Names) Schemas() []string {
	out := make([]string, 0, 4)
	for _, l := range Layers() {
		out = append(out, n.SchemaFor(l))
	}
	return out
}
