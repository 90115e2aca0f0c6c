package mcpserver_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/connect"
)

// The tests share one small embedded warehouse (scale 0.02: 2,000 orders).
var (
	testDB  *sql.DB
	testSvc *service.Service
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "mcpserver")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	wh, err := (&connect.Flags{DB: filepath.Join(dir, "sales.duckdb"), Scale: 0.02, Build: true}).Open(ctx, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer wh.Close()
	testDB = wh.Engine().DB()
	testSvc, err = service.New(ctx, service.Config{DB: testDB, Dialect: wh.Engine().Dialect(), Names: wh.Names(), Now: connect.DemoNow})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// dial returns a client session to a fresh server over the in-memory
// transport.
func dial(t testing.TB, o mcpserver.Options) *mcp.ClientSession {
	t.Helper()
	return connectTo(t, mcpserver.New(testSvc, o))
}

// connectTo returns a client session to srv over the in-memory transport.
func connectTo(t testing.TB, srv *mcp.Server) *mcp.ClientSession {
	t.Helper()
	ctx := context.Background()
	ct, st := mcp.NewInMemoryTransports()
	ss, err := srv.Connect(ctx, st, nil)
	require.NoError(t, err)
	t.Cleanup(func() { ss.Close() })
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, ct, nil)
	require.NoError(t, err)
	t.Cleanup(func() { cs.Close() })
	return cs
}
