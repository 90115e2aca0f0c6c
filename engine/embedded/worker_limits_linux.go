package embedded

import "syscall"

// workerSupported says whether analyst SQL runs in a worker process here.
const workerSupported = true

// setWorkerLimits caps the worker process itself, before DuckDB opens: its
// address space (RLIMIT_AS: an allocation past it fails, or the worker dies,
// alone), its CPU time (RLIMIT_CPU: SIGXCPU, then SIGKILL) and core dumps (none:
// a crashing worker writes no multi-gigabyte core).
func setWorkerLimits(l WorkerLimits) error {
	for _, lim := range []struct {
		res int
		max uint64
	}{
		{syscall.RLIMIT_AS, uint64(l.AddressSpace)},
		{syscall.RLIMIT_CPU, uint64(l.CPUSeconds)},
		{syscall.RLIMIT_CORE, 0},
	} {
		if err := syscall.Setrlimit(lim.res, &syscall.Rlimit{Cur: lim.max, Max: lim.max}); err != nil {
			return err
		}
	}
	return nil
}
