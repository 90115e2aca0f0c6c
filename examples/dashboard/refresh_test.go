package main

import (
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// TestRefreshDoesNotHoldTheFile: the dashboard serves a file read-only; its
// refresh writes a copy and renames it into place, so the file is never held
// for writing; pages answer before and after, a reader of the file keeps
// reading throughout, and no temporary file is left.
func TestRefreshDoesNotHoldTheFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sales.duckdb")
	wh, err := (&connect.Flags{DB: db, Scale: 0.02, Build: true}).Open(context.Background(), io.Discard)
	require.NoError(t, err)
	require.NoError(t, wh.Close())
	before, err := os.ReadFile(db)
	require.NoError(t, err)
	first, err := os.Stat(db)
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done := start(t, ctx, "-db", db)

	reader, err := (&connect.Flags{DB: db}).Open(context.Background(), io.Discard)
	require.NoError(t, err, "a reader opens the file the dashboard serves")
	defer reader.Close()
	orders := func() int64 {
		var n int64
		require.NoError(t, reader.Engine().DB().QueryRow("SELECT COUNT(*) FROM "+warehouse.RawOrders().Ref(reader.Engine().Dialect(), reader.Names())).Scan(&n))
		return n
	}
	require.Equal(t, int64(2000), orders())

	res, err := http.Get(base + "executive")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	after, err := os.ReadFile(db)
	require.NoError(t, err)
	require.Equal(t, sha256.Sum256(before), sha256.Sum256(after), "serving pages changed no byte")

	m := csrfRE.FindStringSubmatch(string(body))
	require.NotNil(t, m)
	req, err := http.NewRequest(http.MethodPost, base+"refresh", strings.NewReader(url.Values{"csrf": {m[1]}, "return": {"/executive"}}.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range res.Cookies() {
		req.AddCookie(c)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err = noRedirect.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusSeeOther, res.StatusCode)

	require.Equal(t, int64(2000), orders(), "the reader kept reading through the refresh")
	now, err := os.Stat(db)
	require.NoError(t, err)
	require.False(t, os.SameFile(first, now), "the refreshed copy was renamed into place")
	for range 3 {
		res, err = http.Get(base + "executive")
		require.NoError(t, err)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*refresh*"))
	require.Empty(t, left)

	cancel()
	waitShutdown(t, done)
}
