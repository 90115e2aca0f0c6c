// Package engine is the seam between the SDK and a database: the [Engine]
// interface every warehouse engine implements, the optional interfaces through
// which an engine says what only it can do ([DynamicTables], [Views], [ModelStager]), the
// helpers every engine shares ([InTx], [ExecInserts]), and a registry that opens
// an engine by name.
//
// Engines live in packages named for what they wrap, and register themselves when
// imported:
//
//	import (
//		"github.com/salesanalytics/salesanalytics/engine"
//		_ "github.com/salesanalytics/salesanalytics/engine/embedded"  // DuckDB, cgo
//		_ "github.com/salesanalytics/salesanalytics/engine/snowflake" // gosnowflake, pure Go
//	)
//
//	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: "sales.duckdb"})
//	if err != nil { … } // an unknown name lists the registered ones
//	defer eng.Close()
//
// A program that imports only engine/snowflake links no cgo; one that imports
// only engine/embedded links no Snowflake driver. Programs that always use one
// engine can call its Open directly ([embedded.Open], [snowflake.Open]).
//
// Package pipeline builds and refreshes the warehouse on an Engine; package
// query and package marts read it through Engine.DB.
package engine
