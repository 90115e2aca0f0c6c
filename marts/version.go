package marts

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Version identifies the data the marts hold, for caches: it changes whenever a
// refresh changes the marts, and says how fresh they are.
type Version struct {
	// Token is opaque and changes with every refresh that changed the marts.
	Token string
	// AsOf is the data's freshness: when the marts were last refreshed (embedded
	// engine), or the load time of the newest order they hold.
	AsOf time.Time
}

// DataVersion reports the marts' version. Where the embedded refresher keeps its
// bookkeeping (MARTS.REFRESH_STATE) it reads that: the refresh time, watermark and
// row count. Elsewhere (Snowflake's dynamic tables) it reads the newest load time
// and the row count of FCT_ORDERS.
func (q *Queries) DataVersion(ctx context.Context) (Version, error) {
	if !q.hasState.Load() {
		ok, err := q.tableExists(ctx, warehouse.RefreshState())
		if err != nil {
			return Version{}, err
		}
		if !ok {
			return q.FactsVersion(ctx)
		}
		q.hasState.Store(true) // the refresher never drops it
	}
	var (
		at   time.Time
		mark sql.NullTime
		rows int64
		kind string
	)
	t := warehouse.RefreshState()
	err := q.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT %s, %s, %s, %s FROM %s WHERE %s = ?`,
		q.Col("REFRESHED_AT"), q.Col("WATERMARK"), q.Col("RAW_ROWS"), q.Col("KIND"), q.Ref(t), q.Col("MART_NAME")),
		warehouse.FctOrders().Name).Scan(timeOf(&at), &mark, intOf(&rows), &kind)
	if errors.Is(err, sql.ErrNoRows) {
		return q.FactsVersion(ctx)
	}
	if err != nil {
		return Version{}, fmt.Errorf("marts: read %s: %w", t.Name, err)
	}
	return Version{
		Token: fmt.Sprintf("refresh/%s/%s/%d/%s", at.UTC().Format(time.RFC3339Nano), mark.Time.UTC().Format(time.RFC3339Nano), rows, kind),
		AsOf:  at.UTC(),
	}, nil
}

// FactsVersion reports a version read from FCT_ORDERS itself: its newest LOADED_AT
// and its row count.
func (q *Queries) FactsVersion(ctx context.Context) (Version, error) {
	var (
		at sql.NullTime
		n  int64
	)
	err := q.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT MAX(%s), COUNT(*) FROM %s`, q.Col("LOADED_AT"), q.Ref(warehouse.FctOrders()))).
		Scan(&at, intOf(&n))
	if err != nil {
		return Version{}, fmt.Errorf("marts: read the version of %s: %w", warehouse.FctOrders().Name, err)
	}
	return Version{Token: fmt.Sprintf("facts/%s/%d", at.Time.UTC().Format(time.RFC3339Nano), n), AsOf: at.Time.UTC()}, nil
}

func (q *Queries) tableExists(ctx context.Context, t warehouse.Table) (bool, error) {
	var c int64
	err := q.db.QueryRowContext(ctx,
		`SELECT COUNT(*) FROM information_schema.tables WHERE UPPER(table_schema) = UPPER(?) AND UPPER(table_name) = UPPER(?)`,
		q.n.SchemaFor(t.Layer), t.Name).Scan(intOf(&c))
	if err != nil {
		return false, fmt.Errorf("marts: look for %s: %w", t.Name, err)
	}
	return c > 0, nil
}
