package embedded_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/query"
)

// A worker that dies (here: an address space too small for DuckDB to open the
// file, so it fails or aborts), that runs past its deadline (a trillion-row
// count) or that builds a value past its memory (6.4 GB of string_agg in 2 GiB, which
// the allow-list cannot see) takes nothing with it: the test process carries
// on, and the next query on the same engine answers.
func TestWorkerContainsCrashRunawayAndMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("starts workers that run to their limits")
	}
	ctx := context.Background()
	path := tempDB(t)
	eng := openFile(t, path)
	mustSetup(t, eng, options(0.02, 0))
	require.NoError(t, eng.Close())

	_, err := embedded.RunWorkerOn(ctx, path, `SELECT COUNT(*) FROM MARTS.FCT_ORDERS`, 10, embedded.WorkerLimits{AddressSpace: 32 << 20})
	require.Error(t, err, "a worker limited to 32 MiB cannot run DuckDB")
	t.Logf("32 MiB worker: %v", err)

	eng, err = embedded.Open(ctx, embedded.Options{Path: path, Analyst: embedded.AnalystIsolation{
		Limits: embedded.WorkerLimits{AddressSpace: 2 << 30, MemoryLimit: "256MB"}}})
	require.NoError(t, err)
	defer eng.Close()
	legit := func() {
		t.Helper()
		res, err := analyst.Execute(ctx, eng, `SELECT COUNT(*) FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{})
		require.NoError(t, err)
		require.Len(t, res.Rows, 1)
	}
	legit()

	start := time.Now()
	_, err = analyst.Execute(ctx, eng, `SELECT COUNT(*) FROM range(1000000) a, range(1000000) b`, analyst.ExecOptions{Timeout: 2 * time.Second})
	require.ErrorContains(t, err, "did not finish within 2s")
	require.Less(t, time.Since(start), time.Minute, "the worker is killed at the deadline, not when the query would end")
	legit()

	_, err = analyst.Execute(ctx, eng, `SELECT length(string_agg(s, '')) FROM (SELECT 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' AS s FROM range(1000000) a, range(100) b)`,
		analyst.ExecOptions{Timeout: time.Minute})
	require.Error(t, err, "6.4 GB of string in a 2 GiB worker")
	t.Logf("6.4 GB string_agg: %v", err)
	legit()
}

// The worker's result is exact and typed as the in-process result is: the same
// rows, the same Go types, decimals to the cent.
func TestWorkerResultsEqualInProcess(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.02, 0))
	inProc, err := embedded.Open(ctx, embedded.Options{Analyst: embedded.AnalystIsolation{InProcess: true}})
	require.NoError(t, err)
	defer inProc.Close()
	mustSetup(t, inProc, options(0.02, 0))
	const q = `SELECT region, order_date, SUM(net_amount) AS revenue, COUNT(*) AS orders, AVG(discount_pct) AS avg_discount,
		bool_or(is_discounted) AS any_discount, CAST(MAX(order_date) AS TIMESTAMP) AS last_ts, NULL AS nothing
		FROM MARTS.FCT_ORDERS GROUP BY ALL ORDER BY ALL LIMIT 50`
	got, err := analyst.Execute(ctx, eng, q, analyst.ExecOptions{})
	require.NoError(t, err)
	want, err := analyst.Execute(ctx, inProc, q, analyst.ExecOptions{})
	require.NoError(t, err)
	require.Equal(t, want.Columns, got.Columns)
	require.Equal(t, want.Rows, got.Rows)
	require.Len(t, got.Rows, 50)

	_, err = analyst.Execute(ctx, eng, `SELECT * FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{MaxRows: 10})
	require.ErrorIs(t, err, query.ErrTooManyRows, "the row cap crosses the pipe as itself")
}

// No file of DuckDB's temp directories is readable by analyst SQL: the
// engine's own (a secret planted there) through every way the attack tried, and
// the workers' private ones, which are gone after each query.
func TestAnalystCannotReadTempFiles(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	eng := openFile(t, path)
	defer eng.Close()
	mustSetup(t, eng, options(0.02, 0))
	var tempDir string
	require.NoError(t, eng.DB().QueryRow(`SELECT current_setting('temp_directory')`).Scan(&tempDir))
	require.NoError(t, os.MkdirAll(tempDir, 0o700))
	const secret = "TEMP-SECRET-24"
	require.NoError(t, os.WriteFile(filepath.Join(tempDir, "duckdb_temp_block-1.block"), []byte(secret), 0o600))
	for _, q := range []string{
		`SELECT * FROM read_text('` + tempDir + `/*')`,
		`SELECT * FROM read_blob('` + tempDir + `/*')`,
		`SELECT * FROM glob('` + tempDir + `/*')`,
		`SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT content FROM read_text(''` + tempDir + `/*'')'))`,
		`SELECT * FROM duckdb_temporary_files()`,
		`SELECT * FROM read_text(current_setting('temp_directory') || '/*')`,
	} {
		res, err := analyst.Execute(ctx, eng, q, analyst.ExecOptions{})
		require.ErrorIs(t, err, analyst.ErrNotReadOnly, q)
		require.Nil(t, res)
	}
	_, err := analyst.Execute(ctx, eng, `SELECT COUNT(*) FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{})
	require.NoError(t, err)
	dir := embedded.AnalystDir(eng)
	require.NotEmpty(t, dir)
	left, err := filepath.Glob(filepath.Join(dir, "tmp-*"))
	require.NoError(t, err)
	require.Empty(t, left, "a worker's temp directory outlived its query")
}

// An error of the worker matches ErrWorker, one the allow-list raises matches
// analyst.ErrNotReadOnly, on either side of the pipe.
func TestWorkerErrorsKeepTheirKind(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	eng := openFile(t, path)
	mustSetup(t, eng, options(0.02, 0))
	require.NoError(t, eng.Close())
	_, err := embedded.RunWorkerOn(ctx, path, `SELECT * FROM enable_logging('QueryLog')`, 10, embedded.WorkerLimits{})
	require.ErrorIs(t, err, analyst.ErrNotReadOnly, "the worker checks the allow-list itself")
	_, err = embedded.RunWorkerOn(ctx, path, `SELECT * FROM MARTS.FCT_ORDERS`, 10, embedded.WorkerLimits{MaxResultBytes: 1000})
	require.True(t, errors.Is(err, embedded.ErrResultTooLarge) || errors.Is(err, query.ErrTooManyRows), "%v", err)
	_, err = embedded.RunWorkerOn(ctx, path, `SELECT string_agg(customer_name, ',') FROM MARTS.FCT_ORDERS`, 10, embedded.WorkerLimits{MaxResultBytes: 1000})
	require.ErrorIs(t, err, embedded.ErrResultTooLarge)
}

// Concurrent analyst queries share the engine's snapshot and its worker slots:
// each answers with the same rows, and a refresh in between (a new snapshot)
// leaves the answers right.
func TestWorkersConcurrent(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.02, 0))
	var want int64
	require.NoError(t, eng.DB().QueryRow(`SELECT COUNT(*) FROM MARTS.FCT_ORDERS`).Scan(&want))
	errs := make(chan error, 6)
	for range 6 {
		go func() {
			res, err := analyst.Execute(ctx, eng, `SELECT COUNT(*) AS n FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{})
			if err == nil && res.Rows[0][0] != want {
				err = errors.New("wrong count")
			}
			errs <- err
		}()
	}
	for range 6 {
		require.NoError(t, <-errs)
	}
	_, err := eng.DB().Exec(`DELETE FROM MARTS.FCT_ORDERS WHERE order_id IN (SELECT order_id FROM MARTS.FCT_ORDERS LIMIT 10); DELETE FROM MARTS.REFRESH_STATE`)
	require.NoError(t, err)
	res, err := analyst.Execute(ctx, eng, `SELECT COUNT(*) AS n FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{})
	require.NoError(t, err)
	require.Equal(t, want-10, res.Rows[0][0], "the snapshot follows the marts")
}

// A query that fills the worker's temp directory (its cap reached) fails alone:
// the engine's own temp directory is untouched and the next query answers.
func TestWorkerContainsAFullTempDirectory(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a worker that spills to its cap")
	}
	ctx := context.Background()
	path := tempDB(t)
	eng := openFile(t, path)
	mustSetup(t, eng, options(0.02, 0))
	require.NoError(t, eng.Close())
	eng, err := embedded.Open(ctx, embedded.Options{Path: path, Analyst: embedded.AnalystIsolation{
		Limits: embedded.WorkerLimits{AddressSpace: 2 << 30, MemoryLimit: "64MB", MaxTempSize: "4MB", Threads: 1}}})
	require.NoError(t, err)
	defer eng.Close()
	spill := `SELECT COUNT(*) FROM (SELECT s, COUNT(*) AS n FROM (SELECT CAST(a AS VARCHAR) || '-' || CAST(b AS VARCHAR) || '-padding-padding-padding' AS s FROM range(1000) t1(a), range(1000) t2(b)) GROUP BY s)`
	_, err = analyst.Execute(ctx, eng, spill, analyst.ExecOptions{Timeout: 2 * time.Minute})
	require.Error(t, err, "1,000,000 groups in 64 MB of memory and 4 MB of temp space")
	require.Regexp(t, `(?i)failed to offload|max_temp_directory_size`, err.Error(), "the temp cap, not memory alone, stopped it")
	t.Logf("spill past the temp cap: %v", err)
	_, statErr := os.Stat(path + ".tmp")
	require.True(t, os.IsNotExist(statErr), "nothing spilled next to the warehouse")
	res, err := analyst.Execute(ctx, eng, `SELECT COUNT(*) FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{})
	require.NoError(t, err, "the next query answers")
	require.Len(t, res.Rows, 1)
}
