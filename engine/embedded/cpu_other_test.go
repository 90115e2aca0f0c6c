//go:build !unix

package embedded_test

import "time"

// processCPU is not measured off Unix: the benchmarks report 0 cpu-ns/op there.
func processCPU() time.Duration { return 0 }
