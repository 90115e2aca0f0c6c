package snowfake

import (
	"context"
	"database/sql"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/scan"
)

// queryRows runs a query and encodes its result as Snowflake's JSON format does.
func queryRows(ctx context.Context, conn *sql.Conn, stmt string, args []any) (*result, error) {
	rows, err := conn.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	res := &result{StatementTypeID: typeSelect, Rowset: [][]*string{}}
	for _, t := range types {
		res.Rowtype = append(res.Rowtype, rowtype(t))
	}
	vals := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]*string, len(vals))
		for i, v := range vals {
			if row[i], err = encode(res.Rowtype[i], v); err != nil {
				return nil, fmt.Errorf("column %s: %w", res.Rowtype[i].Name, err)
			}
		}
		res.Rowset = append(res.Rowset, row)
	}
	return res, rows.Err()
}

// rowtype maps a DuckDB column type to Snowflake's rowtype entry.
func rowtype(t *sql.ColumnType) column {
	c := column{Name: t.Name(), Nullable: true}
	name := strings.ToUpper(t.DatabaseTypeName())
	switch {
	case strings.HasPrefix(name, "DECIMAL"):
		c.Type, c.Precision, c.Scale = "fixed", 38, 0
		if p, s, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(name, "DECIMAL("), ")"), ","); ok {
			c.Precision, _ = strconv.Atoi(p)
			c.Scale, _ = strconv.Atoi(s)
		}
	case name == "BIGINT", name == "INTEGER", name == "SMALLINT", name == "TINYINT", name == "HUGEINT",
		name == "UBIGINT", name == "UINTEGER", name == "USMALLINT", name == "UTINYINT":
		c.Type, c.Precision = "fixed", 38
	case name == "DOUBLE", name == "FLOAT":
		c.Type = "real"
	case name == "BOOLEAN":
		c.Type = "boolean"
	case name == "DATE":
		c.Type = "date"
	case name == "TIMESTAMP", name == "TIMESTAMP_NS", name == "TIMESTAMP_MS", name == "TIMESTAMP_S":
		c.Type, c.Scale = "timestamp_ntz", 9
	case name == "TIMESTAMPTZ", name == "TIMESTAMP WITH TIME ZONE":
		c.Type, c.Scale = "timestamp_ltz", 9
	default:
		c.Type = "text"
	}
	return c
}

// encode renders one value as the JSON result format's cell text.
func encode(c column, v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	var s string
	switch c.Type {
	case "fixed":
		d, err := scan.ToDecimal(v)
		if err != nil {
			return nil, err
		}
		s = d.StringFixed(int32(c.Scale))
	case "real":
		f, ok := v.(float64)
		if !ok {
			return nil, fmt.Errorf("real value %T", v)
		}
		s = strconv.FormatFloat(f, 'g', -1, 64)
	case "boolean":
		s = "0"
		if b, _ := v.(bool); b {
			s = "1"
		}
	case "date":
		t, ok := v.(time.Time)
		if !ok {
			return nil, fmt.Errorf("date value %T", v)
		}
		y, m, d := t.Date()
		days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
		s = strconv.FormatInt(days, 10)
	case "timestamp_ntz", "timestamp_ltz":
		t, ok := v.(time.Time)
		if !ok {
			return nil, fmt.Errorf("timestamp value %T", v)
		}
		s = epochSeconds(t)
	default:
		s = fmt.Sprint(v)
		if b, ok := v.([]byte); ok {
			s = string(b)
		}
	}
	return &s, nil
}

// epochSeconds renders t as seconds since the epoch with nine fraction digits;
// before 1970 the whole part is the floor and the fraction stays positive, which
// is how the driver reads it.
func epochSeconds(t time.Time) string {
	sec, ns := t.Unix(), t.Nanosecond()
	return fmt.Sprintf("%d.%09d", sec, ns)
}

// showDynamic answers SHOW DYNAMIC TABLES [LIKE pattern] [IN SCHEMA db.schema]
// with the columns Snowflake documents that this server can fill.
func (s *Server) showDynamic(like, schema string) *result {
	cols := []string{"created_on", "name", "database_name", "schema_name", "rows", "target_lag", "refresh_mode",
		"warehouse", "text", "comment", "scheduling_state", "data_timestamp"}
	res := &result{StatementTypeID: typeSelect, Rowset: [][]*string{}}
	for _, c := range cols {
		col := column{Name: c, Type: "text", Nullable: true}
		switch c {
		case "created_on", "data_timestamp":
			col.Type, col.Scale = "timestamp_ltz", 9
		case "rows":
			col.Type, col.Precision = "fixed", 38
		}
		res.Rowtype = append(res.Rowtype, col)
	}
	want := parts(schema)
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.dynamic))
	for k := range s.dynamic {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dt := s.dynamic[k]
		p := parts(dt.ref)
		if len(p) != 3 || len(want) == 2 && (p[0] != want[0] || p[1] != want[1]) {
			continue
		}
		if like != "" {
			pattern := strings.NewReplacer("%", "*", "_", "?").Replace(strings.ToUpper(like))
			if ok, _ := path.Match(pattern, p[2]); !ok {
				continue
			}
		}
		ts := epochSeconds(dt.refreshed)
		vals := []string{ts, p[2], p[0], p[1], strconv.FormatInt(dt.rows, 10), dt.options["TARGET_LAG"],
			strings.ToUpper(orDefault(dt.options["REFRESH_MODE"], "AUTO")), dt.options["WAREHOUSE"],
			dt.query, dt.options["COMMENT"], "ACTIVE", ts}
		row := make([]*string, len(vals))
		for i := range vals {
			row[i] = &vals[i]
		}
		res.Rowset = append(res.Rowset, row)
	}
	return res
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// binding is one bound value of a query-request.
type binding struct {
	Type  string  `json:"type"`
	Value *string `json:"value"`
}

// bindArgs turns the request's 1-based bindings into driver arguments.
func bindArgs(b map[string]binding) ([]any, error) {
	args := make([]any, len(b))
	for k, v := range b {
		i, err := strconv.Atoi(k)
		if err != nil || i < 1 || i > len(b) {
			return nil, fmt.Errorf("binding %q is not a position 1..%d", k, len(b))
		}
		if args[i-1], err = bindValue(v); err != nil {
			return nil, fmt.Errorf("binding %d: %w", i, err)
		}
	}
	return args, nil
}

func bindValue(b binding) (any, error) {
	if b.Value == nil {
		return nil, nil
	}
	s := *b.Value
	switch b.Type {
	case "TEXT":
		return s, nil
	case "FIXED":
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, nil
		}
		return s, nil // a decimal: DuckDB casts the text exactly
	case "REAL":
		return strconv.ParseFloat(s, 64)
	case "BOOLEAN":
		return strconv.ParseBool(s)
	case "TIMESTAMP_NTZ", "TIMESTAMP_LTZ":
		ns, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, err
		}
		return time.Unix(0, ns).UTC(), nil
	case "DATE":
		ms, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, err
		}
		return time.UnixMilli(ms).UTC(), nil
	}
	return nil, fmt.Errorf("binding type %s is not supported", b.Type)
}
