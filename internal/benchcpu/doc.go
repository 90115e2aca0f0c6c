// Package benchcpu measures a benchmark's CPU time: the process's user and
// system time per operation, every thread included (DuckDB's too). On a loaded
// machine it varies far less than wall time, so benchmarks that compare two
// ways of doing one thing report it beside ns/op:
//
//	defer benchcpu.PerOp(b)()
//	for b.Loop() { … }
package benchcpu
