// Package semantic reads, checks and writes Cortex Analyst semantic models: the YAML
// that maps business vocabulary (dimensions, time dimensions, facts, metrics, named
// filters, relationships, verified queries) onto warehouse tables.
//
// # Parsing
//
// [Parse] decodes strictly: an unknown key, a wrong type and every offline rule of
// the spec are errors, all reported at once with file, line and column. Deprecated
// keys (measures, default_aggregation, cortex_search_service_name,
// custom_instructions) are accepted with a warning.
//
//	m, err := semantic.ParseFile("sales_model.yaml")
//	if err != nil {
//		fmt.Println(err) // sales_model.yaml:12:9: tables[0].dimensions[1].data_type: …
//	}
//	for _, w := range m.Warnings() { log.Println(w) }
//
// # Looking up fields
//
// [Model.Lookup] finds a field by name, synonym or table.name, ignoring case; an
// unknown name gets a [*LookupError] listing the valid names and the closest one.
// [Model.Fields] iterates in declaration order.
//
//	f, err := m.Lookup("AOV", semantic.KindMetric) // average_order_value
//
// # Writing and checking against a warehouse
//
// [Model.Marshal] writes YAML that parses back to an equal model.
// [Model.ValidateLive] checks every base table and column against a live warehouse
// through a [Catalog], such as [InformationSchema] over a *sql.DB.
//
// # Semantic-view DDL
//
// [Model.SemanticViewDDL] renders a model as one CREATE OR REPLACE SEMANTIC VIEW
// statement in Snowflake's documented clause order; what the grammar has no
// clause for (data types, time dimensions, sample values, is_enum, named
// filters, …) travels in a trailing WITH EXTENSION (CA='…'), or comes back as
// warnings with [WithoutExtension]. [ParseSemanticViewDDL] reads such a
// statement back into an equal model, reporting errors with file, line and
// column.
//
//	ddl, _, err := semantic.SalesModel().SemanticViewDDL("SALES_ANALYTICS_DB.MARTS.SALES_ANALYTICS")
//	m, view, err := semantic.ParseSemanticViewDDL("view.sql", []byte(ddl))
//
// # The sales model
//
// [SalesModel] is the model of the sales warehouse (15 dimensions, 5 time
// dimensions, 12 metrics), embedded in the module.
//
// The package imports no database driver and builds with CGO_ENABLED=0.
package semantic
