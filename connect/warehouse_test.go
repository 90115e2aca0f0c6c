package connect_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// flags parses args as a program would.
func flags(t *testing.T, args ...string) *connect.Flags {
	t.Helper()
	var f connect.Flags
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	f.Register(fs)
	require.NoError(t, fs.Parse(args))
	return &f
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func list(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestBuildThenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "sales.duckdb")

	var progress bytes.Buffer
	wh, err := flags(t, "-db", path, "-scale", "0.01", "-build").Open(ctx, &progress)
	require.NoError(t, err)
	require.True(t, wh.Built)
	var orders int64
	require.NoError(t, wh.Engine().DB().QueryRow("SELECT COUNT(*) FROM "+warehouse.RawOrders().Ref(wh.Engine().Dialect(), wh.Names())).Scan(&orders))
	require.Equal(t, int64(1000), orders)
	require.NoError(t, wh.Close())
	require.Empty(t, progress.String(), "no progress into a buffer (not a terminal)")
	require.Equal(t, []string{"sales.duckdb"}, list(t, dir), "the temporary build file is gone")

	// Readers: read-only, no set-up, the bytes unchanged, two at once.
	before := sum(t, path)
	a, err := flags(t, "-db", path).Open(ctx, &progress)
	require.NoError(t, err)
	require.False(t, a.Built)
	b, err := flags(t, "-db", path).Open(ctx, &progress)
	require.NoError(t, err)
	for _, wh := range []*connect.Warehouse{a, b} {
		require.NoError(t, wh.Engine().DB().QueryRow("SELECT COUNT(*) FROM "+warehouse.RawOrders().Ref(wh.Engine().Dialect(), wh.Names())).Scan(&orders))
		require.Equal(t, int64(1000), orders)
	}
	_, err = a.Engine().DB().Exec("CREATE TABLE x (i INT)")
	require.ErrorContains(t, err, "read-only")
	require.NoError(t, a.Close())
	require.NoError(t, b.Close())
	require.Equal(t, before, sum(t, path), "reading changed no byte")
	require.Equal(t, []string{"sales.duckdb"}, list(t, dir))
}

// TestMissingOrMistypedDBIsRefused: a -db that names no file is an error naming
// how to build one, and creates nothing; a '?' in it is part of the file name.
func TestMissingOrMistypedDBIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, name := range []string{"slaes.duckdb", "w.duckdb?access_mode=read_only"} {
		p := filepath.Join(dir, name)
		_, err := flags(t, "-db", p).Open(ctx, os.Stderr)
		require.ErrorIs(t, err, connect.ErrNoWarehouse)
		require.ErrorContains(t, err, "build one with -build -db")
		require.ErrorContains(t, err, "examples/quickstart")
		require.ErrorContains(t, err, name)
		require.Empty(t, list(t, dir), "nothing was created")
	}
}

// TestScaleOnAnExistingFileIsRefused: -scale does not silently rebuild an
// existing file; -build does, and says so.
func TestScaleOnAnExistingFileIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sales.duckdb")
	wh, err := flags(t, "-db", path, "-scale", "0.01", "-build").Open(ctx, os.Stderr)
	require.NoError(t, err)
	require.NoError(t, wh.Close())
	before := sum(t, path)
	_, err = flags(t, "-db", path, "-scale", "0.02").Open(ctx, os.Stderr)
	require.ErrorContains(t, err, "-scale 0.02")
	require.ErrorContains(t, err, "add -build")
	require.Equal(t, before, sum(t, path))

	wh, err = flags(t, "-db", path, "-scale", "0.02", "-build").Open(ctx, os.Stderr)
	require.NoError(t, err)
	require.True(t, wh.Built)
	var orders int64
	require.NoError(t, wh.Engine().DB().QueryRow("SELECT COUNT(*) FROM "+warehouse.RawOrders().Ref(wh.Engine().Dialect(), wh.Names())).Scan(&orders))
	require.Equal(t, int64(2000), orders)
	require.NoError(t, wh.Close())
}

func TestOpenRefusesBadFlags(t *testing.T) {
	ctx := context.Background()
	_, err := (&connect.Flags{Scale: -1, DB: filepath.Join(t.TempDir(), "x.duckdb")}).Open(ctx, os.Stderr)
	require.ErrorContains(t, err, "-scale -1")
	db := filepath.Join(t.TempDir(), "zero.duckdb")
	_, err = flags(t, "-db", db, "-scale", "0", "-build").Open(ctx, os.Stderr)
	require.EqualError(t, err, "-scale 0: must be in (0, 100]", "-scale 0 is not the default scale")
	require.NoFileExists(t, db)
	_, err = (&connect.Flags{Engine: "oracle"}).Open(ctx, os.Stderr)
	require.EqualError(t, err, `-engine "oracle": not an engine (valid: embedded, snowflake)`)
}

// TestOpenErrorsInUsersWords: a file that is no DuckDB database, or no file,
// is named as -db named it, with what to do, without the engine's and the
// driver's prefixes; the engine's error is still wrapped.
func TestOpenErrorsInUsersWords(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.duckdb")
	require.NoError(t, os.WriteFile(text, []byte("not a database\n"), 0o644))
	_, err := (&connect.Flags{DB: text}).Open(ctx, io.Discard)
	require.ErrorIs(t, err, embedded.ErrOpen)
	require.EqualError(t, err, `-db "`+text+`" is not a DuckDB database file; name a warehouse built with -build (or by the quickstart), or leave -db out for the cached demo warehouse`)

	_, err = (&connect.Flags{DB: dir}).Open(ctx, io.Discard)
	require.EqualError(t, err, `-db "`+dir+`" is not a file`)

	gone := filepath.Join(dir, "gone.duckdb")
	_, err = connect.RefreshCopy(ctx, gone)
	require.ErrorIs(t, err, os.ErrNotExist)
	require.EqualError(t, err, `-db "`+gone+`" does not exist`, "the path once")

	_, err = connect.RefreshCopy(ctx, text)
	require.Error(t, err)
	require.NotContains(t, err.Error(), ".refresh-", "no temporary file's name")
	require.Contains(t, err.Error(), `-db "`+text+`"`)
	for _, prefix := range []string{"embedded:", "database/sql/driver", "IO Error"} {
		require.NotContains(t, err.Error(), prefix)
	}
}

func TestDefaultDBIsInTheUserCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	p, err := connect.DefaultDB(1)
	require.NoError(t, err)
	require.Equal(t, filepath.Join(os.Getenv("XDG_CACHE_HOME"), "salesanalytics"), filepath.Dir(p))
	require.Regexp(t, `^sales-\d+-[0-9a-f]{8}-scale1\.duckdb$`, filepath.Base(p), "generator version, layout digest, scale")
	again, err := connect.DefaultDB(1)
	require.NoError(t, err)
	require.Equal(t, p, again, "the name is deterministic")
}

// TestOpenNamesTheMartsAFileLacks: a file built before the model gained two
// marts (here: built, then the two dropped) is refused when a program opens
// it, with one error naming both marts and the command that builds them,
// and its bytes are not changed; refreshing it makes it readable. A DuckDB
// file with no marts at all is told to be built.
func TestOpenNamesTheMartsAFileLacks(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.duckdb")
	wh, err := flags(t, "-db", path, "-scale", "0.01", "-build").Open(ctx, os.Stderr)
	require.NoError(t, err)
	require.NoError(t, wh.Close())
	eng, err := embedded.Open(ctx, embedded.Options{Path: path})
	require.NoError(t, err)
	for _, mart := range []string{"SALES_BY_CUSTOMER_YEAR", "SALES_BY_MONTH"} {
		_, err := eng.DB().Exec(`DROP TABLE "MARTS"."` + mart + `"`)
		require.NoError(t, err)
	}
	require.NoError(t, eng.Close())

	before := sum(t, path)
	_, err = flags(t, "-db", path).Open(ctx, os.Stderr)
	require.ErrorIs(t, err, connect.ErrMissingMarts)
	require.EqualError(t, err, `-db "`+path+`" was built before the model gained the marts SALES_BY_CUSTOMER_YEAR, SALES_BY_MONTH: `+
		"build them with `salesanalytics refresh -db \""+path+"\"` (the file is only read here)")
	require.Equal(t, before, sum(t, path), "the read-only open changed the file")

	wh, err = connect.RefreshCopy(ctx, path)
	require.NoError(t, err, "the refresh builds the missing marts")
	require.NoError(t, wh.Close())
	wh, err = flags(t, "-db", path).Open(ctx, os.Stderr)
	require.NoError(t, err)
	var months int64
	require.NoError(t, wh.Engine().DB().QueryRow(`SELECT COUNT(*) FROM "MARTS"."SALES_BY_MONTH"`).Scan(&months))
	require.Positive(t, months)
	require.NoError(t, wh.Close())

	empty := filepath.Join(dir, "empty.duckdb")
	eng, err = embedded.Open(ctx, embedded.Options{Path: empty})
	require.NoError(t, err)
	require.NoError(t, eng.Close())
	_, err = flags(t, "-db", empty).Open(ctx, os.Stderr)
	require.ErrorIs(t, err, connect.ErrMissingMarts)
	require.EqualError(t, err, `-db "`+empty+`" holds no marts of the sales warehouse: build one with -build -db "`+empty+`", or leave -db out for the cached demo warehouse`)
}

// TestReadersRunOneThread: a program that reads the embedded warehouse runs
// DuckDB with ReaderThreads worker threads (its many small statements pay for
// a second thread more than it gives); the build runs DuckDB's default.
func TestReadersRunOneThread(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	wh, err := flags(t, "-db", path, "-scale", "0.01", "-build").Open(ctx, io.Discard)
	require.NoError(t, err)
	defer wh.Close()
	var threads int
	require.NoError(t, wh.Engine().DB().QueryRowContext(ctx, `SELECT CAST(current_setting('threads') AS INTEGER)`).Scan(&threads))
	require.Equal(t, connect.ReaderThreads, threads)
}
