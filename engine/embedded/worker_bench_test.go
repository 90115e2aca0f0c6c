package embedded_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

// analystBenchSQL is a typical analyst SELECT: revenue by region and month.
const analystBenchSQL = `SELECT region, DATE_TRUNC('month', order_date) AS month, SUM(net_amount) AS revenue, COUNT(*) AS orders
FROM MARTS.FCT_ORDERS GROUP BY ALL ORDER BY ALL`

// BenchmarkAnalystQuery measures one analyst query at scale 1 (100,000
// orders): in process (the allow-list only), in a worker over a snapshot of the
// marts (an engine holding the file read-write, or in memory), and in a worker
// over the file itself (an engine that opened it read-only).
func BenchmarkAnalystQuery(b *testing.B) {
	ctx := context.Background()
	path := tempDB(b)
	eng := openFile(b, path)
	mustSetup(b, eng, options(1, 0))
	require.NoError(b, eng.Close())

	run := func(b *testing.B, opts embedded.Options) {
		e, err := embedded.Open(ctx, opts)
		require.NoError(b, err)
		defer e.Close()
		b.ResetTimer()
		for b.Loop() {
			res, err := analyst.Execute(ctx, e, analystBenchSQL, analyst.ExecOptions{})
			require.NoError(b, err)
			require.NotEmpty(b, res.Rows)
		}
	}
	b.Run("in-process", func(b *testing.B) {
		run(b, embedded.Options{Path: path, Analyst: embedded.AnalystIsolation{InProcess: true}})
	})
	b.Run("worker-snapshot", func(b *testing.B) { run(b, embedded.Options{Path: path}) })
	b.Run("worker-file", func(b *testing.B) {
		for b.Loop() {
			res, err := embedded.RunWorkerOn(ctx, path, analystBenchSQL, 10_000, embedded.WorkerLimits{})
			require.NoError(b, err)
			require.NotEmpty(b, res.Rows)
		}
	})
}
