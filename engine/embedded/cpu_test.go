package embedded_test

import (
	"time"

	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
)

// processCPU returns the CPU time (user and system) the process has used, DuckDB's
// threads included: a benchmark figure that a busy machine disturbs far less than
// wall time.
func processCPU() time.Duration { return benchcpu.Process() }
