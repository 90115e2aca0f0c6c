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
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	db := filepath.Join(t.TempDir(), "sales.duckdb")
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-db", db, "-scale", "0.02", "-build"}, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(line, "Sales dashboard: http://127.0.0.1:"), line)
	base := strings.Fields(line)[2]

	res, err := http.Get(base + "executive")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, string(body), `data-kpi="revenue"`)

	cancel()
	waitShutdown(t, done)
}

// waitShutdown waits for run to return nil after its context was cancelled.
func waitShutdown(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("no graceful shutdown")
	}
}

func TestBadFlags(t *testing.T) {
	err := run(context.Background(), []string{"-addr"}, io.Discard, io.Discard)
	require.Error(t, err)
	err = run(context.Background(), []string{"stray"}, io.Discard, io.Discard)
	require.ErrorContains(t, err, `unexpected argument "stray"`)
}
