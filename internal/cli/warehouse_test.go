package cli_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/cli"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func TestOpenBuildsOnceThenReuses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sales.duckdb")
	var f cli.WarehouseFlags
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	f.Register(fs)
	require.NoError(t, fs.Parse([]string{"-db", path, "-scale", "0.01"}))

	var progress bytes.Buffer
	wh, err := f.Open(ctx, &progress)
	require.NoError(t, err)
	require.True(t, wh.Built)
	var orders int64
	require.NoError(t, wh.Engine().DB().QueryRow("SELECT COUNT(*) FROM "+warehouse.RawOrders().Ref(wh.Engine().Dialect(), wh.Names())).Scan(&orders))
	require.Equal(t, int64(1000), orders)
	require.NoError(t, wh.Close())
	require.Empty(t, progress.String(), "no progress into a buffer (not a terminal)")
	matches, _ := filepath.Glob(path + ".building-*")
	require.Empty(t, matches, "the temporary build file is gone")

	wh, err = f.Open(ctx, &progress)
	require.NoError(t, err)
	require.False(t, wh.Built, "the second open reuses the file")
	require.NoError(t, wh.Close())
}

func TestOpenRefusesBadFlags(t *testing.T) {
	ctx := context.Background()
	_, err := (&cli.WarehouseFlags{Scale: -1, DB: filepath.Join(t.TempDir(), "x.duckdb")}).Open(ctx, os.Stderr)
	require.ErrorContains(t, err, "-scale -1")
	_, err = (&cli.WarehouseFlags{Engine: "oracle"}).Open(ctx, os.Stderr)
	require.ErrorContains(t, err, `unknown engine "oracle"`)
}

func TestDefaultDBIsInTheUserCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	p, err := cli.DefaultDB(1)
	require.NoError(t, err)
	require.Equal(t, filepath.Join(os.Getenv("XDG_CACHE_HOME"), "salesanalytics"), filepath.Dir(p))
	require.Regexp(t, `^sales-\d+-[0-9a-f]{8}-scale1\.duckdb$`, filepath.Base(p), "generator version, layout digest, scale")
	again, err := cli.DefaultDB(1)
	require.NoError(t, err)
	require.Equal(t, p, again, "the name is deterministic")
}
