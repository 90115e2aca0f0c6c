package connect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync/atomic"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline"
)

// refreshes numbers the copies of this process, so two never share a name.
var refreshes atomic.Int64

// RefreshCopy refreshes the embedded warehouse at path without ever holding
// path for writing, so the programs reading it are not blocked (DuckDB's lock
// is per process: one read-write holder excludes every reader). It copies the
// file next to itself, refreshes the copy read-write, opens the copy read-only
// and renames it over path. Programs that have path open keep reading the old
// file until they open it again; the returned warehouse reads the new one.
//
// Its cost is one copy of the file per refresh, and the directory must be
// writable (a file someone else owns can be viewed, not refreshed).
func RefreshCopy(ctx context.Context, path string) (*Warehouse, error) {
	tmp := fmt.Sprintf("%s.refresh-%d-%d", path, os.Getpid(), refreshes.Add(1))
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
		os.Remove(tmp + ".wal")
	}()
	perm, err := copyFile(path, tmp)
	if err == nil {
		err = refreshFile(ctx, tmp)
	}
	if err == nil {
		err = os.Chmod(tmp, perm) // the original's bits, once written
	}
	if err != nil {
		return nil, DBError(path, withoutTemp(err, tmp, path))
	}
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: tmp, ReadOnly: true})
	if err != nil {
		return nil, DBError(path, withoutTemp(err, tmp, path))
	}
	w, err := pipeline.New(eng, pipeline.Config{Now: DemoNow})
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		eng.Close()
		return nil, DBError(path, withoutTemp(err, tmp, path))
	}
	ok = true
	return &Warehouse{Warehouse: w, Path: path}, nil
}

// refreshFile refreshes the marts of the warehouse file at path, read-write.
func refreshFile(ctx context.Context, path string) error {
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: path})
	if err != nil {
		return err
	}
	w, err := pipeline.New(eng, pipeline.Config{Now: DemoNow})
	if err == nil {
		_, err = w.Refresh(ctx)
	}
	return errors.Join(err, eng.Close())
}

// copyFile copies the regular file src to dst (which must not exist), writable
// by its owner, and returns src's permission bits.
func copyFile(src, dst string) (fs.FileMode, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is not a regular file", src)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm()|0o200)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return fi.Mode().Perm(), err
}
