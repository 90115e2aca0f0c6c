package snowfake

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// run executes one statement on conn: the commands the server answers itself
// first, then anything else translated to DuckDB.
func (s *Server) run(ctx context.Context, conn *sql.Conn, text string, args []any) (*result, error) {
	stmt := strings.TrimRight(strings.TrimSpace(text), "; \n\t")
	if res, ok, err := s.command(ctx, conn, stmt); ok {
		return res, err
	}
	stmt, err := translate(stmt)
	if err != nil {
		return nil, err
	}
	switch firstWord(stmt) {
	case "SELECT", "WITH", "VALUES", "DESCRIBE", "EXPLAIN", "(":
		return queryRows(ctx, conn, stmt, args)
	case "INSERT":
		return dml(ctx, conn, stmt, args, typeInsert, "number of rows inserted")
	case "UPDATE":
		return dml(ctx, conn, stmt, args, typeUpdate, "number of rows updated")
	case "DELETE":
		return dml(ctx, conn, stmt, args, typeDelete, "number of rows deleted")
	case "BEGIN", "START", "COMMIT", "ROLLBACK":
		if _, err := conn.ExecContext(ctx, stmt, args...); err != nil {
			return nil, err
		}
		return status(typeTCL, "Statement executed successfully."), nil
	}
	if _, err := conn.ExecContext(ctx, stmt, args...); err != nil {
		return nil, err
	}
	return status(typeDDL, "Statement executed successfully."), nil
}

// status is the one-row answer to DDL and transaction control.
func status(typeID int, msg string) *result {
	return &result{StatementTypeID: typeID, Rowtype: []column{{Name: "status", Type: "text", Nullable: true}}, Rowset: [][]*string{{&msg}}}
}

func dml(ctx context.Context, conn *sql.Conn, stmt string, args []any, typeID int, name string) (*result, error) {
	r, err := conn.ExecContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	n, err := r.RowsAffected()
	if err != nil {
		return nil, err
	}
	v := fmt.Sprint(n)
	return &result{StatementTypeID: typeID, Rowtype: []column{{Name: name, Type: "fixed", Precision: 19}}, Rowset: [][]*string{{&v}}}, nil
}

func firstWord(stmt string) string {
	for i, r := range stmt {
		if r == '(' && i == 0 {
			return "("
		}
		if r == ' ' || r == '\n' || r == '\t' || r == '(' {
			return strings.ToUpper(stmt[:i])
		}
	}
	return strings.ToUpper(stmt)
}

var (
	numberType  = regexp.MustCompile(`(?i)\bNUMBER\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)`)
	numberP     = regexp.MustCompile(`(?i)\bNUMBER\s*\(\s*(\d+)\s*\)`)
	numberBare  = regexp.MustCompile(`(?i)\bNUMBER\b`)
	tsNTZ       = regexp.MustCompile(`(?i)\bTIMESTAMP_NTZ\b`)
	tsLTZ       = regexp.MustCompile(`(?i)\bTIMESTAMP_(LTZ|TZ)\b`)
	variantType = regexp.MustCompile(`(?i)\bVARIANT\b`)
	dateAdd     = regexp.MustCompile(`(?i)\bDATEADD\s*\(`)
)

// translate rewrites the Snowflake spellings DuckDB lacks. It works on the text,
// string literals included: good enough for the SQL this module generates.
func translate(stmt string) (string, error) {
	stmt, err := exactDivision(stmt)
	if err != nil {
		return "", fmt.Errorf("Parser Error: %w", err)
	}
	stmt = numberType.ReplaceAllString(stmt, "DECIMAL($1,$2)")
	stmt = numberP.ReplaceAllString(stmt, "DECIMAL($1,0)")
	stmt = numberBare.ReplaceAllString(stmt, "DECIMAL(38,0)")
	stmt = tsNTZ.ReplaceAllString(stmt, "TIMESTAMP_NS")
	stmt = tsLTZ.ReplaceAllString(stmt, "TIMESTAMPTZ")
	stmt = variantType.ReplaceAllString(stmt, "JSON")
	stmt = dbInfoSchema.ReplaceAllStringFunc(stmt, func(m string) string {
		p := dbInfoSchema.FindStringSubmatch(m)
		db := strings.ReplaceAll(unquote(p[1]), "'", "''")
		view := strings.ToLower(p[2])
		return "(SELECT * FROM information_schema." + view + " WHERE UPPER(table_catalog) = UPPER('" + db + "'))"
	})
	return dateAdd.ReplaceAllString(stmt, "sf_dateadd("), nil
}

// dbInfoSchema matches a database's own INFORMATION_SCHEMA view, <db>.
// INFORMATION_SCHEMA.<view>: DuckDB has one information_schema over every
// attached database, so the translation keeps that database's rows only.
var dbInfoSchema = regexp.MustCompile(`(?i)("(?:[^"]|"")+"|\b\w+)\.INFORMATION_SCHEMA\.(TABLES|COLUMNS|VIEWS)\b`)

// macros define the Snowflake functions the translation maps to (and
// divMacros, for division).
var macros = []string{
	`CREATE OR REPLACE MACRO sf_dateadd(part, n, d) AS CAST(CASE lower(part)
		WHEN 'day' THEN d + to_days(CAST(n AS INTEGER))
		WHEN 'week' THEN d + to_days(7 * CAST(n AS INTEGER))
		WHEN 'month' THEN d + to_months(CAST(n AS INTEGER))
		WHEN 'quarter' THEN d + to_months(3 * CAST(n AS INTEGER))
		WHEN 'year' THEN d + to_years(CAST(n AS INTEGER))
	END AS DATE)`,
}

var (
	createDatabase = regexp.MustCompile(`(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?DATABASE\s+(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|\w+)`)
	ignoredDDL     = regexp.MustCompile(`(?is)^(CREATE\s+(?:OR\s+REPLACE\s+)?(WAREHOUSE|ROLE|USER)\b|USE\s|GRANT\s|ALTER\s+(WAREHOUSE|SESSION)\b)`)
	createDynamic  = regexp.MustCompile(`(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?DYNAMIC\s+TABLE\s+(\S+)\s+(.*?)\bAS\s+(SELECT\b.*|WITH\b.*|\(.*)$`)
	dynamicOption  = regexp.MustCompile(`(?is)(\w+)\s*=\s*('[^']*'|"[^"]*"|\w+)`)
	refreshDynamic = regexp.MustCompile(`(?is)^ALTER\s+DYNAMIC\s+TABLE\s+(\S+)\s+REFRESH$`)
	dropDynamic    = regexp.MustCompile(`(?is)^DROP\s+DYNAMIC\s+TABLE\s+(IF\s+EXISTS\s+)?(\S+)$`)
	showDynamic    = regexp.MustCompile(`(?is)^SHOW\s+DYNAMIC\s+TABLES(?:\s+LIKE\s+'([^']*)')?(?:\s+IN\s+SCHEMA\s+(\S+))?$`)
)

// command answers the statements the server handles itself. ok is false for
// anything else.
func (s *Server) command(ctx context.Context, conn *sql.Conn, stmt string) (res *result, ok bool, err error) {
	switch {
	case createDatabase.MatchString(stmt):
		name := createDatabase.FindStringSubmatch(stmt)[1]
		if _, err := conn.ExecContext(ctx, "ATTACH IF NOT EXISTS ':memory:' AS "+name); err != nil {
			return nil, true, err
		}
		return status(typeDDL, "Database "+unquote(name)+" successfully created."), true, nil
	case createStage.MatchString(stmt):
		res, err := s.createStage(createStage.FindStringSubmatch(stmt)[1])
		return res, true, err
	case putFile.MatchString(stmt):
		res, err := s.put(putFile.FindStringSubmatch(stmt))
		return res, true, err
	case listStage.MatchString(stmt):
		res, err := s.list(listStage.FindStringSubmatch(stmt))
		return res, true, err
	case getFile.MatchString(stmt):
		return nil, true, fmt.Errorf("the loopback server does not implement GET")
	case createSemantic.MatchString(stmt):
		res, err := s.createSemanticView(ctx, conn, stmt)
		return res, true, err
	case showSemanticViews.MatchString(stmt):
		m := showSemanticViews.FindStringSubmatch(stmt)
		return s.showSemanticViewsResult(m[1], m[2]), true, nil
	case showSemanticMetrics.MatchString(stmt):
		m := showSemanticMetrics.FindStringSubmatch(stmt)
		res, err := s.showSemanticMetricsResult(m[1], m[2])
		return res, true, err
	case ignoredDDL.MatchString(stmt):
		return status(typeDDL, "Statement executed successfully."), true, nil
	case createDynamic.MatchString(stmt):
		m := createDynamic.FindStringSubmatch(stmt)
		dt := &dynamicTable{ref: m[1], query: m[3], options: map[string]string{}}
		for _, o := range dynamicOption.FindAllStringSubmatch(m[2], -1) {
			dt.options[strings.ToUpper(o[1])] = strings.Trim(o[2], `'"`)
		}
		if err := s.refresh(ctx, conn, dt); err != nil {
			return nil, true, err
		}
		s.mu.Lock()
		s.dynamic[key(dt.ref)] = dt
		s.mu.Unlock()
		return status(typeDDL, "Dynamic table "+unquote(lastPart(dt.ref))+" successfully created."), true, nil
	case refreshDynamic.MatchString(stmt):
		ref := refreshDynamic.FindStringSubmatch(stmt)[1]
		s.mu.Lock()
		dt := s.dynamic[key(ref)]
		s.mu.Unlock()
		if dt == nil {
			return nil, true, fmt.Errorf("Catalog Error: dynamic table %s does not exist", ref)
		}
		if err := s.refresh(ctx, conn, dt); err != nil {
			return nil, true, err
		}
		return status(typeDDL, "Dynamic table "+unquote(lastPart(ref))+" refreshed."), true, nil
	case dropDynamic.MatchString(stmt):
		m := dropDynamic.FindStringSubmatch(stmt)
		res, err := s.dropDynamic(ctx, conn, m[2], m[1] != "")
		return res, true, err
	case showDynamic.MatchString(stmt):
		m := showDynamic.FindStringSubmatch(stmt)
		return s.showDynamic(m[1], m[2]), true, nil
	case showViews.MatchString(stmt):
		m := showViews.FindStringSubmatch(stmt)
		res, err := showViewsResult(ctx, conn, m[1], m[2])
		return res, true, err
	}
	return nil, false, nil
}

// dropDynamic drops the dynamic table ref and forgets its record, as DROP
// DYNAMIC TABLE [IF EXISTS] does.
func (s *Server) dropDynamic(ctx context.Context, conn *sql.Conn, ref string, ifExists bool) (*result, error) {
	s.mu.Lock()
	dt := s.dynamic[key(ref)]
	s.mu.Unlock()
	if dt == nil {
		if ifExists {
			return status(typeDDL, "Drop statement executed successfully ("+unquote(lastPart(ref))+" already dropped)."), nil
		}
		return nil, fmt.Errorf("Catalog Error: dynamic table %s does not exist", ref)
	}
	if _, err := conn.ExecContext(ctx, "DROP TABLE IF EXISTS "+dt.ref); err != nil {
		return nil, err
	}
	s.mu.Lock()
	delete(s.dynamic, key(ref))
	s.mu.Unlock()
	return status(typeDDL, unquote(lastPart(ref))+" successfully dropped."), nil
}

// dynamicTable is what CREATE DYNAMIC TABLE recorded.
type dynamicTable struct {
	ref       string            // as written: "DB"."SCHEMA"."NAME"
	query     string            // the defining query, in Snowflake SQL
	options   map[string]string // TARGET_LAG, WAREHOUSE, REFRESH_MODE, INITIALIZE
	refreshed time.Time
	rows      int64
}

// refresh rebuilds dt from its query: a full refresh, whatever the mode.
func (s *Server) refresh(ctx context.Context, conn *sql.Conn, dt *dynamicTable) error {
	q, err := translate(dt.query)
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TABLE "+dt.ref+" AS\n"+q); err != nil {
		return err
	}
	var n int64
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+dt.ref).Scan(&n); err != nil {
		return err
	}
	s.mu.Lock()
	dt.refreshed, dt.rows = s.now(), n
	s.mu.Unlock()
	return nil
}

// identPart matches one part of a dotted name, quoted or not.
var identPart = regexp.MustCompile(`"(?:[^"]|"")*"|[^."]+`)

func parts(ref string) []string {
	var out []string
	for _, p := range identPart.FindAllString(ref, -1) {
		out = append(out, unquote(p))
	}
	return out
}

func unquote(p string) string {
	if strings.HasPrefix(p, `"`) {
		return strings.ReplaceAll(strings.Trim(p, `"`), `""`, `"`)
	}
	return strings.ToUpper(p)
}

func lastPart(ref string) string {
	p := parts(ref)
	return p[len(p)-1]
}

func key(ref string) string { return strings.Join(parts(ref), ".") }
