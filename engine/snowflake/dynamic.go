package snowflake

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

var _ engine.DynamicTables = (*Engine)(nil)

// MartStates reads SHOW DYNAMIC TABLES in the marts schema: each mart's target
// lag, refresh mode, scheduling state and data timestamp.
func (e *Engine) MartStates(ctx context.Context, n warehouse.Names) ([]engine.MartState, error) {
	return showDynamicTables(ctx, e.db, n)
}

// RefreshMarts refreshes every mart now (ALTER DYNAMIC TABLE … REFRESH), in build
// order, so each sees its sources' fresh data.
func (e *Engine) RefreshMarts(ctx context.Context, n warehouse.Names) error {
	for _, stmt := range RefreshDynamicTablesSQL(n) {
		if _, err := e.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("snowflake: %s: %w", stmt, err)
		}
	}
	return nil
}

// showDynamicTables reads SHOW DYNAMIC TABLES IN SCHEMA <MARTS>.
func showDynamicTables(ctx context.Context, db *sql.DB, n warehouse.Names) ([]engine.MartState, error) {
	nn := n.WithDefaults()
	table, err := textRows(ctx, db, "SHOW DYNAMIC TABLES IN SCHEMA "+dialect.Snowflake.Schema(nn.Database, nn.Marts))
	if err != nil {
		return nil, fmt.Errorf("snowflake: show dynamic tables: %w", err)
	}
	return ParseDynamicTables(table)
}

// textRows runs a command such as SHOW or LIST and returns its rows as column
// name (lower case) → text, as the JSON result format delivers them.
func textRows(ctx context.Context, db *sql.DB, stmt string) ([]map[string]string, error) {
	rows, err := db.QueryContext(ctx, stmt)
	if err != nil {
		return nil, err
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
	return table, rows.Err()
}

// ParseDynamicTables turns the rows of SHOW DYNAMIC TABLES (column name → text, as
// the JSON result format delivers them) into mart states.
func ParseDynamicTables(rows []map[string]string) ([]engine.MartState, error) {
	out := make([]engine.MartState, 0, len(rows))
	for _, r := range rows {
		lag, err := parseTargetLag(r["target_lag"])
		if err != nil {
			return nil, fmt.Errorf("snowflake: dynamic table %s: %w", r["name"], err)
		}
		s := engine.MartState{Name: r["name"], TargetLag: lag, RefreshMode: r["refresh_mode"], State: r["scheduling_state"], Comment: r["comment"]}
		if ts := r["data_timestamp"]; ts != "" {
			t, err := parseSnowflakeTime(ts)
			if err != nil {
				return nil, fmt.Errorf("snowflake: dynamic table %s: data_timestamp %q: %w", r["name"], ts, err)
			}
			s.LastRefresh, s.DataTimestamp = t, t
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

// RefreshDynamicTablesSQL returns the statements that refresh every mart on demand.
func RefreshDynamicTablesSQL(n warehouse.Names) []string {
	out := make([]string, 0, 6)
	for _, m := range warehouse.AllMarts() {
		out = append(out, "ALTER DYNAMIC TABLE "+m.Table.Ref(dialect.Snowflake, n)+" REFRESH")
	}
	return out
}
