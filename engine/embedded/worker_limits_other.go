//go:build !linux

package embedded

import "errors"

// workerSupported says whether analyst SQL runs in a worker process here: only
// on Linux, where the worker's limits are known to hold. Elsewhere analyst SQL
// runs in process, under the allow-list and the engine's confinement.
const workerSupported = false

func setWorkerLimits(WorkerLimits) error {
	return errors.New("embedded: analyst worker limits need Linux")
}
