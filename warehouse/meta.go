package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// Bookkeeping tables the pipeline keeps beside the data.
var (
	// tblLoadManifest records what the last successful load of each RAW table was, so
	// a second set-up with the same configuration can skip it.
	tblLoadManifest = Table{Layer: Raw, Name: "LOAD_MANIFEST", Comment: "One row per RAW table: what was loaded and when.", Columns: []Column{
		col("TABLE_NAME", dialect.Text(), "RAW table name"),
		col("FINGERPRINT", dialect.Text(), "Generator version and configuration"),
		col("ROW_COUNT", dialect.Int(), "Rows loaded"),
		col("LOADED_AT", dialect.Timestamp(), "When the load committed"),
	}}
	// tblSemanticModels stands in, on the embedded engine, for the Snowflake stage
	// that holds semantic model files.
	tblSemanticModels = Table{Layer: Semantic, Name: "SEMANTIC_MODELS", Comment: "Semantic model files (the embedded engine's stage).", Columns: []Column{
		col("FILE_NAME", dialect.Text(), "File name, e.g. sales_model.yaml"),
		col("CONTENT", dialect.Text(), "The YAML text"),
		col("UPLOADED_AT", dialect.Timestamp(), "When it was uploaded"),
	}}
)
