package salesanalytics_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/internal/golden"
)

// TestPrograms runs the example programs as a user would, from the scripts in
// testdata/script: each program is built once, the scripts share one embedded
// warehouse at scale 1 (as $WAREHOUSE), and the data and the clock are
// deterministic, so outputs compare exactly with the golden files in the
// scripts. Run one script with -run TestPrograms/NAME; regenerate goldens with
// go test -run TestPrograms -update.
func TestPrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example program")
	}
	bin := t.TempDir()
	progs, err := filepath.Glob("examples/*")
	require.NoError(t, err)
	for _, p := range progs {
		if _, err := os.Stat(filepath.Join(p, "main.go")); err != nil {
			continue
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(bin, filepath.Base(p)), "./"+p).CombinedOutput()
		require.NoError(t, err, "go build %s: %s", p, out)
	}
	cache := t.TempDir()
	db := filepath.Join(cache, "sales.duckdb")
	wh, err := (&connect.Flags{DB: db, Build: true}).Open(context.Background(), os.Stderr)
	require.NoError(t, err)
	require.NoError(t, wh.Close())

	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: golden.Updating(),
		Cmds:          scriptCmds(),
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			env.Setenv("WAREHOUSE", db)
			env.Setenv("XDG_CACHE_HOME", cache)
			env.Setenv("HOME", cache)
			env.Setenv("NO_COLOR", "1")
			env.Setenv("COLUMNS", "80")
			return nil
		},
	})
}
