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
// # Apache Ossie
//
// [Model.MarshalOssie] writes the model as an Apache Ossie (Open Semantic
// Interchange) document — 0.1.1, which Snowflake and dbt read, or 0.2.0.dev0,
// which adds datatype — in YAML or JSON, valid against the project's JSON
// Schema; [ParseOssie] reads one back. Logical tables become datasets, their
// dimensions, time dimensions and facts fields, every metric a model-level
// metric, equality relationships relationships; synonyms go to ai_context, the
// SQL-generation instructions and the verified questions to the model's
// ai_context. Everything else is kept in one custom_extensions entry per object
// (vendor SALESANALYTICS in 0.2; COMMON with a "salesanalytics" key in 0.1.1), so
// a round trip through this package loses nothing:
//
//	doc, err := m.MarshalOssie(semantic.Ossie011, semantic.OssieYAML)
//	back, err := semantic.ParseOssie("sales.ossie.yaml", doc) // back.Equal(m)
//
// Another Ossie reader does not read that extension, so it does not see:
//   - data types in 0.1.1; in 0.2 only the kind (Decimal, not NUMBER(38,2));
//   - sample values, is_enum, unique, Cortex Search services, labels;
//   - named filters; verified queries (only their questions, as examples);
//   - the question-categorisation instructions;
//   - which table a metric belongs to (a name used twice becomes table_name);
//   - access modifiers, so private facts and metrics look public;
//   - non-additive dimensions and using_relationships, so a semi-additive
//     metric looks additive: summing it across its snapshot dimension is wrong;
//   - join and relationship types, and range or ASOF relationships (not written:
//     Ossie joins on equal columns only);
//   - variables, max staleness, tags, comments, deprecated keys;
//   - expressions in any dialect but SNOWFLAKE (a reader of ANSI_SQL only sees
//     none).
//
// Reading a third party's document, [ParseOssie] takes SNOWFLAKE or ANSI_SQL
// expressions and 0.2 datatypes, and warns about what it cannot keep (labels,
// other vendors' extensions); a field needs a datatype that names a Snowflake
// type (Decimal has no scale, so it is an error, not a guess).
//
// # The sales model
//
// [SalesModel] is the model of the sales warehouse (15 dimensions, 5 time
// dimensions, 12 metrics), embedded in the module.
//
// The package imports no database driver and builds with CGO_ENABLED=0.
package semantic
