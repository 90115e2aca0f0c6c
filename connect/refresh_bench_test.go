package connect

import (
	"context"
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkRefresh compares the dashboard's refresh through a copy
// (RefreshCopy: copy, refresh the copy, reopen read-only, rename) with a
// refresh of the file in place (which needs the file's only, read-write,
// handle), at scale 0.25.
func BenchmarkRefresh(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "sales.duckdb")
	wh, err := (&Flags{DB: path, Scale: 0.25, Build: true}).Open(ctx, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	wh.Close()
	b.Run("copy", func(b *testing.B) {
		for b.Loop() {
			wh, err := RefreshCopy(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			wh.Close()
		}
	})
	b.Run("in-place", func(b *testing.B) {
		for b.Loop() {
			if err := refreshFile(ctx, path); err != nil {
				b.Fatal(err)
			}
		}
	})
}
