//go:build unix

package embedded_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used, DuckDB's
// threads included: a benchmark figure that a busy machine disturbs far less than
// wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
