package snowflake

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/snowflakedb/gosnowflake"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

var _ engine.ModelStager = (*Engine)(nil)

// StageModel uploads content as file to the semantic stage with the driver's
// PUT from a stream (gosnowflake.WithFileStream), replacing the file, without
// compression, so Cortex Analyst reads the YAML as it is. It then lists the
// stage and fails unless the file is there with content's size.
func (e *Engine) StageModel(ctx context.Context, n warehouse.Names, file string, content []byte) error {
	if file == "" || strings.ContainsAny(file, "/\\'\" \t\n") {
		return fmt.Errorf("snowflake: stage model: file name %q must be a plain name", file)
	}
	n = n.WithDefaults()
	stage := StageRef(n)
	// The driver names the staged file after the PUT's source path and reads the
	// stream only when no file exists at that path, so the path is one that
	// cannot exist: a fresh random directory, never created.
	src, err := absentPath(file)
	if err != nil {
		return err
	}
	stmt := fmt.Sprintf("PUT 'file://%s' %s AUTO_COMPRESS = FALSE SOURCE_COMPRESSION = NONE OVERWRITE = TRUE", filepath.ToSlash(src), stage)
	ctx = gosnowflake.WithFileStream(ctx, &replayReader{data: content})
	ctx = gosnowflake.WithFileTransferOptions(ctx, &gosnowflake.SnowflakeFileTransferOptions{RaisePutGetError: true})
	if _, err := e.db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("snowflake: PUT %s to %s: %w", file, stage, err)
	}
	files, err := e.StagedFiles(ctx, n)
	if err != nil {
		return err
	}
	size, ok := files[file]
	switch {
	case !ok:
		return fmt.Errorf("snowflake: PUT %s to %s reported success, but LIST does not show the file", file, stage)
	case size != int64(len(content)):
		return fmt.Errorf("snowflake: PUT %s to %s: LIST shows %d bytes, want %d", file, stage, size, len(content))
	}
	return nil
}

// StagedFiles lists the semantic stage (LIST @stage): file name → size.
func (e *Engine) StagedFiles(ctx context.Context, n warehouse.Names) (map[string]int64, error) {
	return ListStage(ctx, e.db, n)
}

// StageRef returns @"DB"."SEMANTIC"."<stage>", the semantic model stage.
func StageRef(n warehouse.Names) string {
	n = n.WithDefaults()
	return "@" + dialect.Snowflake.Table(n.Database, n.Semantic, n.Stage)
}

// ListStage returns the files on the semantic stage (LIST @stage) by name,
// without the stage's prefix, with their sizes in bytes.
func ListStage(ctx context.Context, db *sql.DB, n warehouse.Names) (map[string]int64, error) {
	stage := StageRef(n)
	table, err := textRows(ctx, db, "LIST "+stage)
	if err != nil {
		return nil, fmt.Errorf("snowflake: LIST %s: %w", stage, err)
	}
	out := make(map[string]int64, len(table))
	for _, r := range table {
		_, name, _ := strings.Cut(r["name"], "/") // "<stage>/<file>"
		size, err := strconv.ParseInt(r["size"], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("snowflake: LIST %s: size %q: %w", stage, r["size"], err)
		}
		out[name] = size
	}
	return out, nil
}

// absentPath returns a path ending in file under a random directory that does
// not exist.
func absentPath(file string) (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	dir := filepath.Join(os.TempDir(), "salesanalytics-put-"+hex.EncodeToString(b[:]))
	if _, err := os.Stat(dir); err == nil {
		return "", fmt.Errorf("snowflake: stage model: %s exists", dir)
	}
	return filepath.Join(dir, file), nil
}

// replayReader reads data, and once more after its first EOF. gosnowflake
// v1.19.1 reads a PUT's stream twice: once into the buffer it uploads, then
// again to size and digest it (file_transfer_agent.go initFileMetadata, then
// updateUploadSize). A plain reader is empty the second time, so the size is
// reported as 0 and, on a LOCAL_FS stage, an empty file is written.
type replayReader struct {
	data   []byte
	r      *bytes.Reader
	passes int
}

func (r *replayReader) Read(p []byte) (int, error) {
	if r.r == nil {
		r.r = bytes.NewReader(r.data)
	}
	n, err := r.r.Read(p)
	if err == io.EOF && n == 0 && r.passes == 0 {
		r.passes++
		r.r = bytes.NewReader(r.data)
		return 0, io.EOF
	}
	return n, err
}
