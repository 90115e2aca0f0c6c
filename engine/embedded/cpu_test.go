package embedded_test

import (
	"time"

	"github.com/salesanalytics/salesanalytics/internal/testwh"
)

// processCPU returns the CPU time the process has used, DuckDB's threads
// included: a benchmark figure that a busy machine disturbs far less than wall
// time.
func processCPU() time.Duration { return testwh.ProcessCPU() }
