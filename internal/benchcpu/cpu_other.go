//go:build !unix

package benchcpu

import "time"

// process is not measured off Unix: benchmarks report 0 cpu-ns/op there.
func process() time.Duration { return 0 }
