package marts

import (
	"context"
	"database/sql"
	"sync/atomic"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// DBTX is what the readers need from a database handle: *sql.DB, *sql.Conn and
// *sql.Tx all satisfy it, so a caller can read several marts inside one read
// transaction and see one snapshot.
type DBTX interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Queries reads the MARTS layer of one warehouse through a [DBTX]. Table and column
// names come from package warehouse and are quoted for the dialect; every value is
// a bound argument. A Queries is safe for concurrent use when its DBTX is.
type Queries struct {
	db DBTX
	d  dialect.Dialect
	n  warehouse.Names
	// hasState remembers, across WithTx copies, that REFRESH_STATE exists, so a
	// version read is one query once it has been seen.
	hasState *atomic.Bool
}

// New returns the readers over db, writing SQL for dialect d against the warehouse
// objects named by n (empty fields take their defaults).
func New(db DBTX, d dialect.Dialect, n warehouse.Names) *Queries {
	return &Queries{db: db, d: d, n: n.WithDefaults(), hasState: new(atomic.Bool)}
}

// WithTx returns the same readers over tx (or any other DBTX).
func (q *Queries) WithTx(tx DBTX) *Queries {
	c := *q
	c.db = tx
	return &c
}

// Dialect returns the dialect the readers write.
func (q *Queries) Dialect() dialect.Dialect { return q.d }

// Names returns the warehouse names the readers use, defaults filled in.
func (q *Queries) Names() warehouse.Names { return q.n }

// Ref returns the quoted reference to table t.
func (q *Queries) Ref(t warehouse.Table) string { return t.Ref(q.d, q.n) }

// Col returns the quoted column name c.
func (q *Queries) Col(c string) string { return q.d.Quote(c) }
