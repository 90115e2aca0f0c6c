package embedded

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// workerEnv, set to "1" in a process's environment, makes any program that links
// this package the analyst worker: before main (or a test binary's TestMain)
// runs, the package's init reads one request from stdin, answers on stdout and
// exits. The parent starts it as os.Executable() with an environment holding
// only this variable.
const workerEnv = "SALESANALYTICS_ANALYST_WORKER"

// maxRequestBytes bounds the worker's request (the SQL is bounded far lower).
const maxRequestBytes = 4 << 20

func init() {
	if os.Getenv(workerEnv) == "1" {
		os.Exit(serveWorker(os.Stdin, os.Stdout))
	}
}

// serveWorker answers one request; its exit code is 0 when it wrote a response.
func serveWorker(in io.Reader, out io.Writer) int {
	var req workerRequest
	resp := workerResponse{}
	if err := json.NewDecoder(io.LimitReader(in, maxRequestBytes)).Decode(&req); err != nil {
		resp.Error = &wireError{Kind: "failed", Message: "bad request: " + err.Error()}
	} else if err := setWorkerLimits(req.Limits); err != nil {
		resp.Error = &wireError{Kind: "failed", Message: "limits: " + err.Error()}
	} else {
		resp = runWorkerRequest(req)
	}
	w := bufio.NewWriter(out)
	if err := json.NewEncoder(w).Encode(resp); err != nil || w.Flush() != nil {
		return 1
	}
	// No Close: the database is read-only, and exiting is all that is left.
	return 0
}

// runWorkerRequest opens req.Path read-only and confined, and runs the query.
func runWorkerRequest(req workerRequest) workerResponse {
	ctx := context.Background()
	fail := func(err error) workerResponse {
		return workerResponse{Error: &wireError{Kind: errorKind(err), Message: err.Error()}}
	}
	conn, err := openWorkerDB(ctx, req)
	if err != nil {
		return fail(err)
	}
	res, err := runConfined(ctx, conn, req.SQL, req.MaxRows)
	if err != nil {
		return fail(err)
	}
	resp, err := encodeResult(res, req.Limits.MaxResultBytes)
	if err != nil {
		return fail(err)
	}
	return resp
}

// openWorkerDB opens the database read-only with the worker's limits, then
// confines it: the private temp directory and its size cap, no external access,
// no extension install or load, the configuration locked.
func openWorkerDB(ctx context.Context, req workerRequest) (*sql.Conn, error) {
	q := url.Values{}
	q.Set("access_mode", "read_only")
	q.Set("autoinstall_known_extensions", "false")
	q.Set("autoload_known_extensions", "false")
	q.Set("threads", strconv.Itoa(req.Limits.Threads))
	q.Set("memory_limit", req.Limits.MemoryLimit)
	connector, err := duckdb.NewConnector(req.Path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, fmt.Errorf("open the warehouse read-only: %w", err)
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("open the warehouse read-only: %w", err)
	}
	confine := fmt.Sprintf(`SET temp_directory = %s; SET max_temp_directory_size = %s; `+
		`SET enable_external_access = false; SET lock_configuration = true`,
		sqlString(req.TempDir), sqlString(req.Limits.MaxTempSize))
	if _, err := conn.ExecContext(ctx, confine); err != nil {
		return nil, fmt.Errorf("confine the worker: %w", err)
	}
	return conn, nil
}

// sqlString quotes s as a DuckDB string literal. It is used only for the
// worker's own paths and sizes, never for analyst text.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
