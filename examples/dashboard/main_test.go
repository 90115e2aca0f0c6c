package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestServesAndShutsDown runs the program as a user would (a small warehouse in
// a temporary file, port 0), reads the URL it prints, fetches a page, then
// cancels it as SIGINT does and sees it return cleanly.
func TestServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := filepath.Join(t.TempDir(), "sales.duckdb")
	base, done := start(t, ctx, "-db", db, "-scale", "0.02", "-build")

	res, err := http.Get(base + "executive")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, string(body), `data-kpi="revenue"`)

	cancel()
	waitShutdown(t, done)
}

// start runs the program on a free loopback port with args and returns the URL
// it prints and the channel run's result arrives on.
func start(t *testing.T, ctx context.Context, args ...string) (string, <-chan error) {
	t.Helper()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(line, "Sales dashboard: http://127.0.0.1:"), line)
	go io.Copy(io.Discard, pr)
	return strings.Fields(line)[2], done
}

// TestAllowedHostsFlag: -allowed-hosts replaces the loopback default.
func TestAllowedHostsFlag(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := filepath.Join(t.TempDir(), "sales.duckdb")
	base, done := start(t, ctx, "-db", db, "-scale", "0.02", "-build", "-allowed-hosts", "sales.example, intranet:8443")
	for host, want := range map[string]int{"": http.StatusMisdirectedRequest, "sales.example": http.StatusOK, "intranet:8443": http.StatusOK, "intranet": http.StatusMisdirectedRequest} {
		req, err := http.NewRequest(http.MethodGet, base+"executive", nil)
		require.NoError(t, err)
		if host != "" {
			req.Host = host
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.Equal(t, want, res.StatusCode, host)
	}
	cancel()
	waitShutdown(t, done)
}

// waitShutdown waits for run to return nil after its context was cancelled.
func waitShutdown(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(time.Minute): // an event's wait, not a measure
		t.Fatal("no graceful shutdown")
	}
}

func TestBadFlags(t *testing.T) {
	err := run(context.Background(), []string{"-addr"}, io.Discard, io.Discard)
	require.Error(t, err)
	err = run(context.Background(), []string{"stray"}, io.Discard, io.Discard)
	require.ErrorContains(t, err, `unexpected argument "stray"`)
}
