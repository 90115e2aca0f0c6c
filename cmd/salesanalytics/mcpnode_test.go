package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// nodeDir holds the TypeScript SDK client, pinned by package-lock.json:
// `npm ci --prefix cmd/salesanalytics/testdata/mcp-node` installs it.
const nodeDir = "testdata/mcp-node"

// TestTypeScriptClient drives the built binary with the official TypeScript
// MCP SDK over stdio and over streamable HTTP — initialize, list tools, call
// query and ask — and compares the numbers with the Go API's. It runs when node
// and the installed node_modules exist, skips otherwise, and fails under CI=true.
func TestTypeScriptClient(t *testing.T) {
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(nodeDir, "node_modules", "@modelcontextprotocol", "sdk")); err != nil || serr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: node (%v) and %s/node_modules (%v) are required: npm ci --prefix cmd/salesanalytics/%s", err, nodeDir, serr, nodeDir)
		}
		t.Skipf("no node or no %s/node_modules (npm ci --prefix cmd/salesanalytics/%s)", nodeDir, nodeDir)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "salesanalytics")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	db := filepath.Join(dir, "sales.duckdb")
	revenue, askRevenue := goAnswers(t, db)
	wh := []string{"mcp", "-db", db} // read-only: no -scale on an existing file

	check := func(t *testing.T, raw []byte) {
		var got struct {
			Tools []string `json:"tools"`
			Query struct {
				Rows []map[string]any `json:"rows"`
			} `json:"query"`
			QueryError bool `json:"queryError"`
			Ask        struct {
				Rows []map[string]any `json:"rows"`
			} `json:"ask"`
			AskError   bool   `json:"askError"`
			BadIsError bool   `json:"badIsError"`
			BadText    string `json:"badText"`
		}
		require.NoError(t, json.Unmarshal(raw, &got), "%s", raw)
		want := mcpserver.Tools()
		slices.Sort(want)
		require.Equal(t, want, got.Tools)
		require.False(t, got.QueryError)
		require.Len(t, got.Query.Rows, len(revenue))
		for _, r := range got.Query.Rows {
			require.Equal(t, revenue[r["region"].(string)], r["revenue"], "region %v", r["region"])
		}
		require.False(t, got.AskError)
		require.Len(t, got.Ask.Rows, len(askRevenue))
		for _, r := range got.Ask.Rows {
			require.Equal(t, askRevenue[r["region"].(string)], r["total_revenue"])
		}
		require.True(t, got.BadIsError)
		require.Contains(t, got.BadText, `did you mean "revenue"`)
	}

	t.Run("stdio", func(t *testing.T) {
		cmd := exec.Command(node, append([]string{"e2e.mjs", "stdio", bin}, wh...)...)
		cmd.Dir, cmd.Stderr = nodeDir, os.Stderr
		raw, err := cmd.Output()
		require.NoError(t, err)
		check(t, raw)
	})
	t.Run("http", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		srv := exec.CommandContext(ctx, bin, append(wh, "-http", "127.0.0.1:0")...)
		srv.Stderr = os.Stderr
		stdout, err := srv.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, srv.Start())
		defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
		line, err := bufio.NewReader(stdout).ReadString('\n')
		require.NoError(t, err)
		url := strings.Fields(line)[2] // "MCP server: http://127.0.0.1:PORT/ …"
		cmd := exec.CommandContext(ctx, node, "e2e.mjs", "http", url)
		cmd.Dir, cmd.Stderr = nodeDir, os.Stderr
		raw, err := cmd.Output()
		require.NoError(t, err)
		check(t, raw)
	})
}

// goAnswers builds the warehouse at db and returns, from the Go API, SMB
// revenue by region in 2025 (the query library) and the offline analyst's
// revenue by region for the e2e question; it closes the file before the
// binary opens it.
func goAnswers(t *testing.T, db string) (map[string]string, map[string]string) {
	ctx := context.Background()
	wh, err := (&connect.Flags{DB: db, Scale: 0.02, Build: true}).Open(ctx, os.Stderr)
	require.NoError(t, err)
	defer wh.Close()
	conn := wh.Engine().DB()
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: connect.DemoNow})
	require.NoError(t, err)
	q, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Where: query.Eq("segment", "SMB"),
		Dates: &query.DateFilter{Range: query.Year(2025)}})
	require.NoError(t, err)
	res, err := q.Run(ctx, conn)
	require.NoError(t, err)
	byRegion := func(res *query.Result) map[string]string {
		m := map[string]string{}
		for _, r := range res.Rows {
			m[r[0].(string)] = r[1].(decimal.Decimal).StringFixed(2)
		}
		return m
	}
	a, err := offline.New(ctx, semantic.SalesModel(), conn, offline.Options{Dialect: dialect.DuckDB, Now: connect.DemoNow})
	require.NoError(t, err)
	ans, err := a.Ask(ctx, nil, "Total revenue by region last year")
	require.NoError(t, err)
	return byRegion(res), byRegion(ans.Result)
}
