//go:build cgo

package offline_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// asOf is the day the embedded demo data is read on: "last month" is December 2025.
var asOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func clock() time.Time { return asOf }

var (
	whOnce sync.Once
	whEng  *embedded.Engine
	whErr  error
)

// warehouse builds the embedded warehouse at scale 1 once for the package's tests.
func warehouse(tb testing.TB) *embedded.Engine {
	tb.Helper()
	whOnce.Do(func() {
		ctx := context.Background()
		whEng, whErr = embedded.Open(ctx, embedded.Options{})
		if whErr != nil {
			return
		}
		o := pipelinetest.Default()
		o.Now = clock
		_, whErr = pipelinetest.Setup(ctx, whEng, o)
	})
	require.NoError(tb, whErr)
	return whEng
}

func newAnalyst(tb testing.TB) *offline.Analyst {
	tb.Helper()
	eng := warehouse(tb)
	a, err := offline.New(context.Background(), semantic.SalesModel(), eng.DB(), offline.Options{Dialect: dialect.DuckDB, Now: clock})
	require.NoError(tb, err)
	require.Empty(tb, a.Skipped(), "every verified query reads as a request")
	return a
}
