//go:build !unix

package testwh

import "time"

// ProcessCPU is not measured off Unix: benchmarks report 0 cpu-ns/op there.
func ProcessCPU() time.Duration { return 0 }
