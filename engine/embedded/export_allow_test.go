package embedded

import (
	"context"
	"os"

	"github.com/salesanalytics/salesanalytics/query"
)

// FunctionDecision reports whether name is on the allow-list and whether it is
// refused on purpose, for the test that enumerates duckdb_functions().
func FunctionDecision(name string) (allowed, refused bool) {
	return allowedFunctions[name] || allowedTableFunctions[name], refusedFunctions[name] != ""
}

// RunWorkerOn runs analyst SQL in a worker over the database file path, as
// RunReadOnly does for an engine that opened path read-only.
func RunWorkerOn(ctx context.Context, path, sqlText string, maxRows int, limits WorkerLimits) (*query.Result, error) {
	tmp, err := os.MkdirTemp("", "analyst-worker-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	return runWorker(ctx, workerRequest{Path: path, TempDir: tmp, SQL: sqlText, MaxRows: maxRows, Limits: limits.withDefaults()})
}

// AnalystDir is the engine's private analyst directory, or "" before its first
// analyst query.
func AnalystDir(e *Engine) string {
	e.iso.mu.Lock()
	defer e.iso.mu.Unlock()
	return e.iso.dir
}
