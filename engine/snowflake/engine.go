package snowflake

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/snowflakedb/gosnowflake"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Options configure [Open].
type Options struct {
	// DSN is a gosnowflake data source name,
	// "user:password@account/database/schema?warehouse=WH&role=R". Required.
	// GO_QUERY_RESULT_FORMAT=json is added unless the DSN sets it, so results
	// arrive as exact text, the way this module scans them.
	DSN string
	// Connection names a connection in connections.toml / config.toml, resolved
	// as the Snowflake CLI resolves it (package engine/snowflake/connection):
	// used when DSN is empty; empty means the default connection.
	Connection string
	// Resolve configures how Connection is resolved: environment, directory,
	// warnings. The zero value reads the process environment and the user's
	// Snowflake directory.
	Resolve connection.Options
	// BatchRows is the number of rows per INSERT when loading. Zero means
	// [engine.DefaultInsertBatch].
	BatchRows int
}

// Engine is an open Snowflake warehouse. It implements [engine.Engine]. Close
// it when done.
type Engine struct {
	db   *sql.DB
	opts Options
}

var _ engine.Engine = (*Engine)(nil)

// ErrOpen is returned (wrapped) when the warehouse cannot be reached or the DSN
// is not valid.
var ErrOpen = errors.New("snowflake: cannot open warehouse")

// Open parses the DSN, connects and checks that Snowflake answers.
func Open(ctx context.Context, opts Options) (*Engine, error) {
	cfg, err := opts.config()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOpen, err)
	}
	db := sql.OpenDB(gosnowflake.NewConnector(gosnowflake.SnowflakeDriver{}, *cfg))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %w", ErrOpen, err)
	}
	return &Engine{db: db, opts: opts}, nil
}

// config returns the driver configuration from the DSN, or else from the named
// (or default) connection.
func (o Options) config() (*gosnowflake.Config, error) {
	if o.DSN != "" {
		return gosnowflake.ParseDSN(withJSONResults(o.DSN))
	}
	c, err := connection.Resolve(o.Connection, o.Resolve)
	if err != nil {
		return nil, fmt.Errorf("no DSN, and the connection: %w", err)
	}
	cfg, err := configFromConnection(c)
	if err != nil {
		return nil, err
	}
	return &cfg, nil
}

// withJSONResults adds GO_QUERY_RESULT_FORMAT=json unless dsn sets a format.
func withJSONResults(dsn string) string {
	if strings.Contains(strings.ToUpper(dsn), "GO_QUERY_RESULT_FORMAT=") {
		return dsn
	}
	if strings.Contains(dsn, "?") {
		return dsn + "&GO_QUERY_RESULT_FORMAT=json"
	}
	return dsn + "?GO_QUERY_RESULT_FORMAT=json"
}

// DB returns the database handle.
func (e *Engine) DB() *sql.DB { return e.db }

// Dialect returns [dialect.Snowflake].
func (e *Engine) Dialect() dialect.Dialect { return dialect.Snowflake }

// Close closes the connection pool, ending its sessions.
func (e *Engine) Close() error { return e.db.Close() }

// Load creates t if it is missing, then replaces its contents with src in one
// transaction: a DELETE, then bound multi-row INSERTs ([engine.InsertBatches]).
// On error, a cancelled ctx included, the transaction rolls back and t holds what
// it held. (The CREATE runs first and alone because Snowflake commits DDL.)
func (e *Engine) Load(ctx context.Context, t warehouse.Table, n warehouse.Names, src engine.RowSource, progress func(done int64)) error {
	if _, err := e.db.ExecContext(ctx, t.CreateSQL(dialect.Snowflake, n, false)); err != nil {
		return err
	}
	return engine.InTx(ctx, e.db, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t.Ref(dialect.Snowflake, n)); err != nil {
			return err
		}
		return engine.ExecInserts(ctx, tx, dialect.Snowflake, n, t, src, e.opts.BatchRows, progress)
	})
}
