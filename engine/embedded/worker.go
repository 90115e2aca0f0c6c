package embedded

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/salesanalytics/salesanalytics/query"
)

// AnalystIsolation says where the engine runs analyst SQL ([Engine.RunReadOnly]).
// The zero value runs each query in a worker process with DefaultWorkerLimits.
type AnalystIsolation struct {
	// InProcess runs analyst SQL in this process, on a confined connection,
	// under the allow-list only: a crash or runaway allocation in DuckDB then
	// takes this process with it. Outside Linux analyst SQL always runs so.
	InProcess bool
	// Limits bound each worker; zero fields take DefaultWorkerLimits' values.
	Limits WorkerLimits
	// MaxWorkers caps the workers running at once; more queries wait for a
	// free one (within their deadline). Zero means DefaultMaxWorkers.
	MaxWorkers int
}

// DefaultMaxWorkers is how many analyst workers run at once by default: each
// may take its whole address-space limit.
const DefaultMaxWorkers = 2

// WorkerLimits bound one analyst query's worker process.
type WorkerLimits struct {
	AddressSpace   int64  `json:"address_space"`    // RLIMIT_AS, bytes
	CPUSeconds     int    `json:"cpu_seconds"`      // RLIMIT_CPU, seconds of CPU time
	MemoryLimit    string `json:"memory_limit"`     // DuckDB's memory_limit
	MaxTempSize    string `json:"max_temp_size"`    // DuckDB's max_temp_directory_size
	Threads        int    `json:"threads"`          // DuckDB's threads
	MaxResultBytes int64  `json:"max_result_bytes"` // the values of a result, in bytes
}

// DefaultWorkerLimits returns the limits of an analyst worker: 3 GiB of
// address space (the binary, DuckDB's 1 GB and the strings DuckDB does not
// count; DuckDB would not even open within 1 GiB), a minute of CPU, 1 GB of
// spill, two threads, 32 MiB of result values.
func DefaultWorkerLimits() WorkerLimits {
	return WorkerLimits{
		AddressSpace: 3 << 30, CPUSeconds: 60, MemoryLimit: "1GB", MaxTempSize: "1GB", Threads: 2,
		MaxResultBytes: 32 << 20,
	}
}

// ErrWorker is returned (wrapped) when the analyst worker died or could not
// start: the query crashed it, ran out of its memory or CPU time, or the
// program cannot be re-executed. This process is unaffected; the next query
// starts a new worker.
var ErrWorker = errors.New("embedded: the analyst worker stopped")

// withDefaults fills zero fields from DefaultWorkerLimits().
func (l WorkerLimits) withDefaults() WorkerLimits {
	d := DefaultWorkerLimits()
	if l.AddressSpace > 0 {
		d.AddressSpace = l.AddressSpace
	}
	if l.CPUSeconds > 0 {
		d.CPUSeconds = l.CPUSeconds
	}
	if l.MemoryLimit != "" {
		d.MemoryLimit = l.MemoryLimit
	}
	if l.MaxTempSize != "" {
		d.MaxTempSize = l.MaxTempSize
	}
	if l.Threads > 0 {
		d.Threads = l.Threads
	}
	if l.MaxResultBytes > 0 {
		d.MaxResultBytes = l.MaxResultBytes
	}
	return d
}

// isolation is the engine's private directory for analyst workers: snapshots
// of the marts and the workers' temp directories, mode 0700, removed on Close.
type isolation struct {
	mu    sync.Mutex
	dir   string
	n     atomic.Int64
	build sync.Mutex    // one snapshot is built at a time
	lock  sync.Mutex    // one lock-down of the engine at a time (readonly.go)
	snap  *snapshot     // the newest snapshot, guarded by mu
	slots chan struct{} // running workers, made on first use (guarded by mu)
}

// acquire waits for a free worker slot, or ctx's end.
func (iso *isolation) acquire(ctx context.Context, max int) (func(), error) {
	iso.mu.Lock()
	if iso.slots == nil {
		if max <= 0 {
			max = DefaultMaxWorkers
		}
		iso.slots = make(chan struct{}, max)
	}
	slots := iso.slots
	iso.mu.Unlock()
	select {
	case slots <- struct{}{}:
		return func() { <-slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// snapshot is a copy of the marts in a file of the private directory, shared
// by the workers that read it, removed once replaced and unused.
type snapshot struct {
	path        string
	fingerprint string
	made        time.Time
	users       int
	stale       bool
}

// snapshotMaxAge bounds how long a snapshot serves even when its fingerprint
// still matches (a write the fingerprint cannot see).
const snapshotMaxAge = 5 * time.Minute

// privateDir creates the directory on first use.
func (iso *isolation) privateDir() (string, error) {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	if iso.dir == "" {
		dir, err := os.MkdirTemp("", "salesanalytics-analyst-")
		if err != nil {
			return "", fmt.Errorf("embedded: analyst directory: %w", err)
		}
		iso.dir = dir
	}
	return iso.dir, nil
}

// remove deletes the directory and everything in it.
func (iso *isolation) remove() {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	if iso.dir != "" {
		os.RemoveAll(iso.dir)
		iso.dir = ""
	}
}

// runIsolated runs analyst SQL in a worker process: the allow-list first, here
// (a refusal costs no process), then the worker over the warehouse read-only —
// the file itself when this engine opened it read-only, otherwise a snapshot of
// the marts written for this query — with a private temp directory.
func (e *Engine) runIsolated(ctx context.Context, sqlText string, maxRows int) (*query.Result, error) {
	dir, err := e.iso.privateDir()
	if err != nil {
		return nil, err
	}
	if err := e.lockDown(ctx, dir); err != nil {
		return nil, err
	}
	if err := checkAllowed(ctx, e.db, sqlText); err != nil {
		return nil, err
	}
	done, err := e.iso.acquire(ctx, e.opts.Analyst.MaxWorkers)
	if err != nil {
		return nil, err
	}
	defer done()
	n := e.iso.n.Add(1)
	path, release, err := e.analystSource(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer release()
	tmp := filepath.Join(dir, fmt.Sprintf("tmp-%d", n))
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return nil, fmt.Errorf("embedded: analyst temp directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	return runWorker(ctx, workerRequest{Path: path, TempDir: tmp, SQL: sqlText, MaxRows: maxRows,
		Limits: e.opts.Analyst.Limits.withDefaults()})
}

// analystSource returns the file the worker opens, and a release to call when
// the worker is done: this engine's own file when it is open read-only (readers
// share it), else a snapshot of the marts, reused while the marts' fingerprint
// holds and it is younger than snapshotMaxAge.
func (e *Engine) analystSource(ctx context.Context, dir string) (string, func(), error) {
	if e.opts.Path != "" {
		var mode string
		if err := e.db.QueryRowContext(ctx, `SELECT current_setting('access_mode')`).Scan(&mode); err != nil {
			return "", nil, fmt.Errorf("embedded: access mode: %w", err)
		}
		if strings.EqualFold(mode, "read_only") {
			return e.opts.Path, func() {}, nil
		}
	}
	fp, err := e.martsFingerprint(ctx)
	if err != nil {
		return "", nil, err
	}
	if s := e.iso.take(fp); s != nil {
		return s.path, func() { e.iso.release(s) }, nil
	}
	e.iso.build.Lock()
	defer e.iso.build.Unlock()
	if s := e.iso.take(fp); s != nil { // built while this call waited
		return s.path, func() { e.iso.release(s) }, nil
	}
	// The build outlives the query that asked for it (up to snapshotBuildTimeout):
	// a warehouse whose snapshot takes longer than one query's deadline still
	// gets one, and the next query uses it.
	build, cancel := context.WithTimeout(context.WithoutCancel(ctx), snapshotBuildTimeout)
	defer cancel()
	path, err := e.snapshotMarts(build, dir, e.iso.n.Add(1))
	if err != nil {
		return "", nil, err
	}
	s := e.iso.install(&snapshot{path: path, fingerprint: fp, made: time.Now(), users: 1})
	return s.path, func() { e.iso.release(s) }, nil
}

// take returns the current snapshot, counted as used, when it matches fp and
// is young enough.
func (iso *isolation) take(fp string) *snapshot {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	s := iso.snap
	if s == nil || s.fingerprint != fp || time.Since(s.made) > snapshotMaxAge {
		return nil
	}
	s.users++
	return s
}

// install makes s the current snapshot; the one it replaces is removed once
// unused.
func (iso *isolation) install(s *snapshot) *snapshot {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	if old := iso.snap; old != nil {
		old.stale = true
		if old.users == 0 {
			removeDB(old.path)
		}
	}
	iso.snap = s
	return s
}

// release counts one use of s done.
func (iso *isolation) release(s *snapshot) {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	s.users--
	if s.stale && s.users == 0 {
		removeDB(s.path)
	}
}

func removeDB(path string) {
	os.Remove(path)
	os.Remove(path + ".wal")
}

// martsFingerprint changes when the marts are rebuilt or refreshed: every
// relation's catalog id and estimated row count, and the content of the small
// tables (the refresh state and the aggregates a refresh rewrites).
func (e *Engine) martsFingerprint(ctx context.Context) (string, error) {
	var fp string
	err := e.db.QueryRowContext(ctx, `SELECT COALESCE(string_agg(schema_name || '.' || table_name || ':' || table_oid || ':' || estimated_size, ',' ORDER BY table_oid), '')
		FROM duckdb_tables() WHERE database_name = current_database() AND lower(schema_name) = 'marts'`).Scan(&fp)
	if err != nil {
		return "", fmt.Errorf("embedded: fingerprint of the marts: %w", err)
	}
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("embedded: fingerprint of the marts: %w", err)
	}
	defer conn.Close()
	rels, err := martsRelations(ctx, conn, smallTableRows)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(fp)
	for _, r := range rels {
		var h sql.NullString
		q := fmt.Sprintf(`SELECT md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) FROM %s.%s t`, quoteIdent(r.schema), quoteIdent(r.name))
		if err := conn.QueryRowContext(ctx, q).Scan(&h); err != nil {
			return "", fmt.Errorf("embedded: fingerprint of the marts: %w", err)
		}
		b.WriteString("," + r.name + "=" + h.String)
	}
	return b.String(), nil
}

// snapshotBuildTimeout bounds building one snapshot of the marts.
const snapshotBuildTimeout = 10 * time.Minute

// smallTableRows is the size up to which a mart's content is in the fingerprint.
const smallTableRows = 5000

// snapshotMarts copies every table and view of the marts into a new database
// file in dir (views become tables) and returns its path. It is how a worker
// reads a warehouse held in memory, or a file this process holds the write lock
// on.
func (e *Engine) snapshotMarts(ctx context.Context, dir string, n int64) (string, error) {
	name := fmt.Sprintf("analyst_snapshot_%d", n)
	path := filepath.Join(dir, name+".duckdb")
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("embedded: snapshot: %w", err)
	}
	defer conn.Close()
	rels, err := martsRelations(ctx, conn, -1)
	if err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, "ATTACH "+sqlString(path)+" AS "+name); err != nil {
		return "", fmt.Errorf("embedded: snapshot: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "DETACH "+name)
	var b strings.Builder
	schemas := map[string]bool{}
	for _, r := range rels {
		if !schemas[r.schema] {
			schemas[r.schema] = true
			fmt.Fprintf(&b, "CREATE SCHEMA %s.%s;\n", name, quoteIdent(r.schema))
		}
		fmt.Fprintf(&b, "CREATE TABLE %s.%s.%s AS SELECT * FROM %s.%s;\n", name, quoteIdent(r.schema), quoteIdent(r.name),
			quoteIdent(r.schema), quoteIdent(r.name))
	}
	if b.Len() == 0 { // no marts: an empty database, where the query fails as it would here
		return path, nil
	}
	if _, err := conn.ExecContext(ctx, b.String()); err != nil {
		os.Remove(path)
		return "", fmt.Errorf("embedded: snapshot of the marts: %w", err)
	}
	return path, nil
}

type relation struct{ schema, name string }

// martsRelations lists the tables and views of the marts; with maxRows ≥ 0,
// only the tables of at most maxRows estimated rows.
func martsRelations(ctx context.Context, conn *sql.Conn, maxRows int) ([]relation, error) {
	q := `SELECT schema_name, table_name FROM duckdb_tables()
		WHERE database_name = current_database() AND lower(schema_name) = 'marts'
		UNION ALL SELECT schema_name, view_name FROM duckdb_views()
		WHERE database_name = current_database() AND lower(schema_name) = 'marts' AND NOT internal
		ORDER BY 1, 2`
	if maxRows >= 0 {
		q = fmt.Sprintf(`SELECT schema_name, table_name FROM duckdb_tables()
		WHERE database_name = current_database() AND lower(schema_name) = 'marts' AND estimated_size <= %d ORDER BY 1, 2`, maxRows)
	}
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("embedded: list the marts: %w", err)
	}
	defer rows.Close()
	var out []relation
	for rows.Next() {
		var r relation
		if err := rows.Scan(&r.schema, &r.name); err != nil {
			return nil, fmt.Errorf("embedded: list the marts: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// workerStderrBytes is how much of a dead worker's stderr its error keeps.
const workerStderrBytes = 512

// runWorker starts the worker, sends req, and reads its response. The worker is
// killed when ctx ends (the caller's deadline). Its environment holds only
// workerEnv: no credential of this process reaches it.
func runWorker(ctx context.Context, req workerRequest) (*query.Result, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("%w: cannot find this program: %v", ErrWorker, err)
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = []string{workerEnv + "=1"}
	cmd.Dir = req.TempDir
	cmd.Stdin = bytes.NewReader(marshal(req))
	stdout := &capped{limit: req.Limits.MaxResultBytes*2 + 1<<20}
	stderr := &capped{limit: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 2 * time.Second
	runErr := cmd.Run()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if runErr != nil {
		return nil, fmt.Errorf("%w (%v)%s", ErrWorker, runErr, tail(stderr.buf.String()))
	}
	if stdout.over {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResultTooLarge, req.Limits.MaxResultBytes)
	}
	var resp workerResponse
	if err := json.Unmarshal(stdout.buf.Bytes(), &resp); err != nil {
		return nil, fmt.Errorf("%w: unreadable answer: %v", ErrWorker, err)
	}
	if resp.Error != nil {
		return nil, resp.Error.asError()
	}
	return decodeResult(resp)
}

// capped is a buffer that keeps at most limit bytes and notes the overflow.
type capped struct {
	buf   bytes.Buffer
	limit int64
	over  bool
}

func (c *capped) Write(p []byte) (int, error) {
	if left := c.limit - int64(c.buf.Len()); int64(len(p)) > left {
		c.over = true
		c.buf.Write(p[:max(left, 0)])
		return len(p), nil
	}
	return c.buf.Write(p)
}

// tail is the last line of a dead worker's stderr, shortened, for its error.
func tail(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, "\r\n"); i >= 0 {
		s = s[i+1:]
	}
	if len(s) > workerStderrBytes {
		s = s[:workerStderrBytes] + "…"
	}
	if s == "" {
		return ""
	}
	return ": " + s
}
