package benchcpu

import (
	"testing"
	"time"
)

// PerOp starts counting the process's CPU time and returns the func that
// reports it as the metric cpu-ns/op (0 where it is not measured).
func PerOp(b *testing.B) func() {
	start := Process()
	return func() { b.ReportMetric(float64((Process()-start).Nanoseconds())/float64(b.N), "cpu-ns/op") }
}

// Process returns the CPU time (user and system) the process has used.
func Process() time.Duration { return process() }
