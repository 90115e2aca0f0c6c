package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/salesanalytics/salesanalytics/engine"
)

// maxSeriesRows bounds the rows of range and generate_series in analyst SQL.
const maxSeriesRows = 1_000_000

// maxAllowProblems is how many problems one refusal lists.
const maxAllowProblems = 8

// analystSchemas are the schemas whose tables and views analyst SQL may read:
// the model's marts. Everything else (the raw and staging layers, DuckDB's
// catalog views, other attached databases, files named as tables) is refused.
var analystSchemas = setOf("marts")

// The node, table and expression kinds of DuckDB's serialized parse that
// analyst SQL may contain. Anything else is refused.
var (
	allowedQueryNodes = setOf("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE")
	allowedTableRefs  = setOf("BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EMPTY", "EXPRESSION_LIST", "PIVOT")
	allowedExprClass  = setOf("CONSTANT", "COLUMN_REF", "FUNCTION", "WINDOW", "AGGREGATE", "CAST", "COMPARISON",
		"CONJUNCTION", "OPERATOR", "CASE", "BETWEEN", "SUBQUERY", "STAR", "LAMBDA", "LAMBDA_REF", "COLLATE",
		"POSITIONAL_REFERENCE")
)

// serializeSQL is how DuckDB's own parser is asked for the parse of analyst
// SQL: the text is a bound parameter, parsed, never run.
const serializeSQL = `SELECT CAST(json_serialize_sql(CAST(? AS VARCHAR)) AS VARCHAR)`

// rowQuerier is a *sql.DB or *sql.Conn.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// checkAllowed has DuckDB parse sqlText (json_serialize_sql) and accepts it
// only when every construct of the parse is allowed: one SELECT (WITH and set
// operations included) over the marts' tables and views and the query's own
// CTEs, the functions of allowedFunctions, the table functions of
// allowedTableFunctions with bounded arguments, no time travel. It refuses, with
// every problem found (up to maxAllowProblems), matching engine.ErrNotReadOnly.
func checkAllowed(ctx context.Context, q rowQuerier, sqlText string) error {
	var js string
	if err := q.QueryRowContext(ctx, serializeSQL, sqlText).Scan(&js); err != nil {
		return fmt.Errorf("embedded: parse analyst SQL: %w", err)
	}
	return checkParse(js)
}

// checkParse walks the JSON of json_serialize_sql.
func checkParse(js string) error {
	dec := json.NewDecoder(strings.NewReader(js))
	dec.UseNumber()
	var top struct {
		Error        bool   `json:"error"`
		ErrorMessage string `json:"error_message"`
		Statements   []any  `json:"statements"`
	}
	if err := dec.Decode(&top); err != nil {
		return fmt.Errorf("%w: DuckDB's parse cannot be read: %v", engine.ErrNotReadOnly, err)
	}
	if top.Error {
		return fmt.Errorf("%w: DuckDB does not read it as one query: %s", engine.ErrNotReadOnly, firstLine(top.ErrorMessage))
	}
	if len(top.Statements) != 1 {
		return fmt.Errorf("%w: DuckDB reads %d statements, not one query", engine.ErrNotReadOnly, len(top.Statements))
	}
	w := &walker{}
	w.value(top.Statements[0], nil)
	if len(w.problems) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", engine.ErrNotReadOnly, strings.Join(w.problems, "; "))
}

// walker collects the problems of a parse.
type walker struct {
	problems []string
	seen     map[string]bool
}

func (w *walker) refuse(format string, args ...any) {
	p := fmt.Sprintf(format, args...)
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	if w.seen[p] || len(w.problems) >= maxAllowProblems {
		return
	}
	w.seen[p] = true
	w.problems = append(w.problems, p)
}

// value walks any JSON value; scope holds the CTE names visible here.
func (w *walker) value(v any, scope map[string]bool) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			w.value(e, scope)
		}
	case map[string]any:
		w.object(x, scope)
	}
}

// object checks one JSON object and walks its fields.
func (w *walker) object(o map[string]any, scope map[string]bool) {
	if m, ok := o["cte_map"]; ok {
		scope = withCTEs(scope, m)
	}
	if at, ok := o["at_clause"]; ok && at != nil {
		w.refuse("it reads a table AT a version or time (time travel)")
	}
	skip := map[string]bool{}
	class, isExpr := o["class"].(string)
	typ, _ := o["type"].(string)
	_, isRef := o["sample"]
	switch {
	case isExpr:
		w.expression(o, class, skip)
	case strings.HasSuffix(typ, "_NODE"):
		if !allowedQueryNodes[typ] {
			w.refuse("it holds a %s, not a query", typ)
		}
	case isRef:
		w.tableRef(o, typ, scope, skip)
	}
	keys := make([]string, 0, len(o))
	for k := range o {
		if !skip[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.value(o[k], scope)
	}
}

// expression checks an expression object of the given class.
func (w *walker) expression(o map[string]any, class string, skip map[string]bool) {
	if !allowedExprClass[class] {
		w.refuse("it uses a %s expression", class)
		return
	}
	switch class {
	case "CONSTANT":
		skip["value"] = true // a value, not a parse
	case "FUNCTION", "WINDOW", "AGGREGATE":
		name := strings.ToLower(str(o["function_name"]))
		if !builtinQualifier(o) {
			w.refuse("it calls %s qualified by a schema or database", name)
			return
		}
		switch {
		case name == "range" || name == "generate_series":
			w.bounded(name, o)
		case refusedFunctions[name] != "":
			w.refuse("it calls %s, refused: %s", name, refusedFunctions[name])
		case !allowedFunctions[name]:
			w.refuse("it calls %s, which is not on the allow-list of functions", name)
		}
	}
}

// tableRef checks a FROM item.
func (w *walker) tableRef(o map[string]any, typ string, scope map[string]bool, skip map[string]bool) {
	switch {
	case !allowedTableRefs[typ]:
		w.refuse("it reads from a %s", typ)
	case typ == "BASE_TABLE":
		catalog, schema, table := str(o["catalog_name"]), strings.ToLower(str(o["schema_name"])), str(o["table_name"])
		switch {
		case catalog != "":
			w.refuse("it reads %s from the database %s; only the marts may be read", table, catalog)
		case schema == "" && !scope[strings.ToLower(table)]:
			w.refuse("it reads %q, which is neither a table of the marts (MARTS.…) nor a CTE of the query", table)
		case schema != "" && !analystSchemas[schema]:
			w.refuse("it reads %s.%s; only the marts (MARTS.…) may be read", schema, table)
		}
	case typ == "TABLE_FUNCTION":
		f, _ := o["function"].(map[string]any)
		name := strings.ToLower(str(f["function_name"]))
		skip["function"] = true
		switch {
		case str(f["class"]) != "FUNCTION" || !builtinQualifier(f):
			w.refuse("it reads from a qualified or unusual table function %s", name)
		case !allowedTableFunctions[name]:
			why := refusedFunctions[name]
			if why == "" {
				why = "not on the short list of table functions (range, generate_series, unnest)"
			}
			w.refuse("it reads from %s, refused: %s", name, why)
		case name == "range" || name == "generate_series":
			w.bounded(name, f)
		}
		w.value(f["children"], scope)
	}
}

// bounded checks that a range or generate_series call has constant integer
// arguments and yields at most maxSeriesRows rows.
func (w *walker) bounded(name string, f map[string]any) {
	args, _ := f["children"].([]any)
	nums := make([]*big.Int, 0, len(args))
	for _, a := range args {
		n, ok := constInt(a)
		if !ok {
			w.refuse("it calls %s with an argument that is not a constant integer", name)
			return
		}
		nums = append(nums, n)
	}
	start, stop, step := big.NewInt(0), big.NewInt(0), big.NewInt(1)
	switch len(nums) {
	case 1:
		stop = nums[0]
	case 2:
		start, stop = nums[0], nums[1]
	case 3:
		start, stop, step = nums[0], nums[1], nums[2]
	default:
		w.refuse("it calls %s with %d arguments", name, len(nums))
		return
	}
	if step.Sign() == 0 {
		return // DuckDB refuses a zero step itself
	}
	span := new(big.Int).Sub(stop, start)
	rows := new(big.Int).Quo(span.Abs(span), new(big.Int).Abs(step))
	if rows.Cmp(big.NewInt(maxSeriesRows)) > 0 {
		w.refuse("it calls %s for more than %d rows", name, maxSeriesRows)
	}
}

// constInt reads an integer constant, or the negation of one.
func constInt(v any) (*big.Int, bool) {
	o, _ := v.(map[string]any)
	if str(o["class"]) == "FUNCTION" && str(o["function_name"]) == "-" {
		kids, _ := o["children"].([]any)
		if len(kids) != 1 {
			return nil, false
		}
		n, ok := constInt(kids[0])
		if !ok {
			return nil, false
		}
		return n.Neg(n), true
	}
	if str(o["class"]) != "CONSTANT" {
		return nil, false
	}
	val, _ := o["value"].(map[string]any)
	num, ok := val["value"].(json.Number)
	if !ok {
		return nil, false
	}
	n, ok := new(big.Int).SetString(num.String(), 10)
	return n, ok
}

// withCTEs returns scope with the CTE names of a cte_map added.
func withCTEs(scope map[string]bool, cteMap any) map[string]bool {
	m, _ := cteMap.(map[string]any)
	entries, _ := m["map"].([]any)
	if len(entries) == 0 {
		return scope
	}
	out := make(map[string]bool, len(scope)+len(entries))
	for k := range scope {
		out[k] = true
	}
	for _, e := range entries {
		if kv, ok := e.(map[string]any); ok {
			out[strings.ToLower(str(kv["key"]))] = true
		}
	}
	return out
}

// builtinQualifier reports whether a function call names no schema or
// database other than where DuckDB's own functions live (the parser itself
// writes main.like_escape for LIKE … ESCAPE). The name is checked either way.
func builtinQualifier(f map[string]any) bool {
	schema, catalog := strings.ToLower(str(f["schema"])), strings.ToLower(str(f["catalog"]))
	return (schema == "" || schema == "main" || schema == "pg_catalog") && (catalog == "" || catalog == "system")
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// setOf is a set of names.
func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// reasons turns reason → names into name → reason.
func reasons(byReason map[string][]string) map[string]string {
	m := map[string]string{}
	for why, names := range byReason {
		for _, n := range names {
			m[n] = why
		}
	}
	return m
}
