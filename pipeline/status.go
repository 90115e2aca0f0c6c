package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// DefaultTargetLag is the marts' target lag (SPEC §2.3): 5 minutes.
const DefaultTargetLag = 5 * time.Minute

// MartStatus reports one mart's freshness, in the shape of Snowflake's SHOW DYNAMIC
// TABLES on both engines.
type MartStatus struct {
	Name        string
	TargetLag   time.Duration
	RefreshMode string // AUTO, INCREMENTAL or FULL (Snowflake); the last refresh's kind (embedded)
	State       string // ACTIVE or SUSPENDED
	LastRefresh time.Time
	// Lag is how far behind RAW the mart is: zero when nothing is waiting, else the
	// time since the last refresh.
	Lag time.Duration
	// Pending counts RAW orders not yet folded in (embedded engine only).
	Pending int64
}

// WithinLag reports whether the mart is active and no further behind than its
// target lag.
func (s MartStatus) WithinLag() bool { return s.State == "ACTIVE" && s.Lag <= s.TargetLag }

// String renders the status on one line.
func (s MartStatus) String() string {
	return fmt.Sprintf("%-18s %-9s lag %-8s (target %s) last refresh %s, %d pending",
		s.Name, s.State, s.Lag.Round(time.Second), s.TargetLag, s.LastRefresh.UTC().Format(time.RFC3339), s.Pending)
}

// Status reports the freshness of every mart. On Snowflake it reads SHOW DYNAMIC
// TABLES; on the embedded engine, the refresher's state.
func Status(ctx context.Context, eng Engine, n warehouse.Names, now func() time.Time) ([]MartStatus, error) {
	if now == nil {
		now = time.Now
	}
	if eng.Dialect() == dialect.Snowflake {
		return snowflakeStatus(ctx, eng.DB(), n, now())
	}
	d := eng.Dialect()
	st, ok, err := readState(ctx, eng.DB(), d, n)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("pipeline: the marts have not been built")
	}
	var pending int64
	q := fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s > ?`, warehouse.RawOrders.Ref(d, n), d.Quote("LOADED_AT"))
	mark := st.watermark.Time
	if !st.watermark.Valid {
		mark = time.Time{}
	}
	if err := eng.DB().QueryRowContext(ctx, q, mark).Scan(&pending); err != nil {
		return nil, fmt.Errorf("pipeline: count pending orders: %w", err)
	}
	var lag time.Duration
	if pending > 0 {
		lag = now().Sub(st.at)
	}
	out := make([]MartStatus, 0, 6)
	for _, m := range marts.All() {
		out = append(out, MartStatus{
			Name: m.Table.Name, TargetLag: DefaultTargetLag, RefreshMode: strings.ToUpper(st.kind),
			State: "ACTIVE", LastRefresh: st.at, Lag: lag, Pending: pending,
		})
	}
	return out, nil
}

// snowflakeStatus reads SHOW DYNAMIC TABLES IN SCHEMA <MARTS>.
func snowflakeStatus(ctx context.Context, db *sql.DB, n warehouse.Names, now time.Time) ([]MartStatus, error) {
	nn := n.WithDefaults()
	rows, err := db.QueryContext(ctx, "SHOW DYNAMIC TABLES IN SCHEMA "+dialect.Snowflake.Schema(nn.Database, nn.Marts))
	if err != nil {
		return nil, fmt.Errorf("pipeline: show dynamic tables: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var table []map[string]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]string, len(cols))
		for i, c := range cols {
			row[strings.ToLower(c)] = vals[i].String
		}
		table = append(table, row)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return ParseDynamicTables(table, now)
}

// ParseDynamicTables turns the rows of SHOW DYNAMIC TABLES (column name → text, as
// the JSON result format delivers them) into statuses.
func ParseDynamicTables(rows []map[string]string, now time.Time) ([]MartStatus, error) {
	out := make([]MartStatus, 0, len(rows))
	for _, r := range rows {
		lag, err := parseTargetLag(r["target_lag"])
		if err != nil {
			return nil, fmt.Errorf("pipeline: dynamic table %s: %w", r["name"], err)
		}
		s := MartStatus{Name: r["name"], TargetLag: lag, RefreshMode: r["refresh_mode"], State: r["scheduling_state"]}
		if ts := r["data_timestamp"]; ts != "" {
			t, err := parseSnowflakeTime(ts)
			if err != nil {
				return nil, fmt.Errorf("pipeline: dynamic table %s: data_timestamp %q: %w", r["name"], ts, err)
			}
			s.LastRefresh, s.Lag = t, max(0, now.Sub(t))
		}
		out = append(out, s)
	}
	return out, nil
}

// parseTargetLag reads "5 minutes", "1 hour", "30 seconds" or "DOWNSTREAM".
func parseTargetLag(s string) (time.Duration, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 1 && f[0] == "downstream" {
		return 0, nil
	}
	if len(f) != 2 {
		return 0, fmt.Errorf("target_lag %q is not '<n> <unit>'", s)
	}
	v, err := strconv.Atoi(f[0])
	if err != nil {
		return 0, fmt.Errorf("target_lag %q: %w", s, err)
	}
	units := map[string]time.Duration{"second": time.Second, "minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour}
	u, ok := units[strings.TrimSuffix(f[1], "s")]
	if !ok {
		return 0, fmt.Errorf("target_lag %q: unknown unit", s)
	}
	return time.Duration(v) * u, nil
}

// parseSnowflakeTime reads a timestamp as SHOW commands render it in JSON results:
// seconds since the epoch with a fraction (and a zone offset for TIMESTAMP_TZ), or
// an ISO form.
func parseSnowflakeTime(s string) (time.Time, error) {
	secs, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	if _, err := strconv.ParseFloat(secs, 64); err == nil {
		whole, frac, _ := strings.Cut(secs, ".")
		sec, _ := strconv.ParseInt(whole, 10, 64)
		ns, _ := strconv.ParseInt((frac + "000000000")[:9], 10, 64)
		return time.Unix(sec, ns).UTC(), nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999 -0700", "2006-01-02 15:04:05.999 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a timestamp")
}

// RefreshDynamicTablesSQL returns the statements that refresh every mart on demand
// on Snowflake.
func RefreshDynamicTablesSQL(n warehouse.Names) []string {
	out := make([]string, 0, 6)
	for _, m := range marts.All() {
		out = append(out, "ALTER DYNAMIC TABLE "+m.Table.Ref(dialect.Snowflake, n)+" REFRESH")
	}
	return out
}

// Refresher keeps the embedded marts within their target lag: it refreshes
// whenever orders are waiting, checking every Interval.
type Refresher struct {
	Engine Engine
	Names  warehouse.Names
	// Interval between checks. Zero means a fifth of DefaultTargetLag (1 minute).
	Interval time.Duration
	// Now is the clock. Nil means time.Now.
	Now func() time.Time
	// OnRefresh, if not nil, is called after every refresh that did something, or
	// failed.
	OnRefresh func(RefreshResult, error)
}

// Run refreshes until ctx is done, then returns nil. Errors of single refreshes go
// to OnRefresh and do not stop the loop.
func (r *Refresher) Run(ctx context.Context) error {
	if r.Engine.Dialect() != dialect.DuckDB {
		return ErrNotEmbedded
	}
	every := r.Interval
	if every <= 0 {
		every = DefaultTargetLag / 5
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		res, err := Refresh(ctx, r.Engine, r.Names, r.Now)
		if ctx.Err() != nil {
			return nil
		}
		if r.OnRefresh != nil && (err != nil || res.Kind != RefreshNone) {
			r.OnRefresh(res, err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
