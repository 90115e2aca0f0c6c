package site_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard/web/site"
)

// The site is an http.Handler over a warehouse: here a small embedded one,
// served by httptest (a program calls Serve instead).
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "site-example-")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	f := connect.Flags{DB: filepath.Join(dir, "sales.duckdb"), Scale: 0.01, Build: true}
	wh, err := f.Open(ctx, io.Discard)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := site.New(ctx, wh, site.Options{Flags: f})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/executive")
	if err != nil {
		fmt.Println(err)
		return
	}
	res.Body.Close()
	fmt.Println(res.Status)
	// Output: 200 OK
}
