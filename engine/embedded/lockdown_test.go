package embedded_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

// TestFirstLockDownsRace: the first analyst queries of an engine confine it
// at once (TestWorkersConcurrent's six queries did). Each confines it or finds
// it confined; none fails on what another's lock-down set halfway ("Cannot
// change allowed_directories when enable_external_access is disabled").
func TestFirstLockDownsRace(t *testing.T) {
	ctx := context.Background()
	for round := range 30 {
		eng := openMem(t)
		dir := t.TempDir()
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make(chan error, 8)
		for range 8 {
			wg.Go(func() {
				<-start
				errs <- embedded.LockDown(ctx, eng, dir)
			})
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err, "round %d", round)
		}
		var external, locked bool
		require.NoError(t, eng.DB().QueryRow(`SELECT current_setting('enable_external_access'), current_setting('lock_configuration')`).Scan(&external, &locked))
		require.False(t, external, "round %d", round)
		require.True(t, locked, "round %d", round)
		require.NoError(t, eng.Close())
	}
}
