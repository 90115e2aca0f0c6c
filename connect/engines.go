package connect

// The engines every program can open by -engine.
import (
	_ "github.com/salesanalytics/salesanalytics/engine/embedded"
	_ "github.com/salesanalytics/salesanalytics/engine/snowflake"
)
