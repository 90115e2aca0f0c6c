package testwh

import (
	"testing"
)

// CPUPerOp starts counting the process's CPU time (user and system, DuckDB's
// threads included) and returns the func that reports it as cpu-ns/op once the
// benchmark's loop is done. On a busy machine it varies far less than wall
// time, so the benchmarks that compare engines or versions report both.
func CPUPerOp(b *testing.B) func() {
	start := ProcessCPU()
	return func() {
		b.ReportMetric(float64((ProcessCPU()-start).Nanoseconds())/float64(max(b.N, 1)), "cpu-ns/op")
	}
}
