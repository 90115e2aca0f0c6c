package snowfake

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/internal/ident"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// dottedName matches a dotted object name, each part quoted or not.
const dottedName = `((?:"(?:[^"]|"")*"|[\w$]+)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[\w$]+))*)`

var (
	createSemantic      = regexp.MustCompile(`(?is)^CREATE\s+(OR\s+REPLACE\s+)?SEMANTIC\s+VIEW\s+(IF\s+NOT\s+EXISTS\s+)?` + dottedName)
	showSemanticViews   = regexp.MustCompile(`(?is)^SHOW\s+SEMANTIC\s+VIEWS(?:\s+LIKE\s+'((?:[^']|'')*)')?(?:\s+IN\s+SCHEMA\s+(\S+))?$`)
	showSemanticMetrics = regexp.MustCompile(`(?is)^SHOW\s+SEMANTIC\s+METRICS(?:\s+LIKE\s+'((?:[^']|'')*)')?\s+IN\s+(\S+)$`)
)

// semanticView is what CREATE SEMANTIC VIEW recorded: the statement, read by
// package semantic's DDL parser, which is how the server knows the metrics.
type semanticView struct {
	db, schema, name string // as Snowflake resolves them: unquoted parts upper-cased
	model            *semantic.Model
	created          time.Time
}

// The documented output columns (docs.snowflake.com …/show-semantic-views and
// …/show-semantic-metrics; extension appears in the documented example output).
var (
	semanticViewColumns   = []string{"created_on", "name", "database_name", "schema_name", "comment", "owner", "owner_role_type", "extension"}
	semanticMetricColumns = []string{"database_name", "schema_name", "semantic_view_name", "table_name", "name", "data_type", "synonyms", "comment"}
)

// createSemanticView answers CREATE [OR REPLACE] SEMANTIC VIEW [IF NOT EXISTS]:
// it parses the statement (an error names line and column, as a compilation
// error), checks that every logical table's base table exists, and keeps it.
func (s *Server) createSemanticView(ctx context.Context, conn *sql.Conn, stmt string) (*result, error) {
	m := createSemantic.FindStringSubmatch(stmt)
	p := parts(m[3])
	if len(p) != 3 {
		return nil, fmt.Errorf("Catalog Error: the loopback server needs a semantic view's full name database.schema.name, not %s", m[3])
	}
	model, _, err := semantic.ParseSemanticViewDDL("CREATE SEMANTIC VIEW", []byte(stmt))
	if err != nil {
		return nil, fmt.Errorf("Parser Error: %w", err)
	}
	for _, t := range model.Tables {
		b := t.BaseTable
		if b.Definition != "" {
			continue
		}
		if _, err := conn.ExecContext(ctx, "SELECT 1 FROM "+quoteRef(b.Database, b.Schema, b.Table)+" LIMIT 0"); err != nil {
			return nil, fmt.Errorf("Catalog Error: semantic view %s: table %s.%s.%s does not exist or not authorized", p[2], b.Database, b.Schema, b.Table)
		}
	}
	k := strings.Join(p, ".")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, exists := s.semantic[k]; exists && m[1] == "" {
		if m[2] != "" {
			return status(typeDDL, p[2]+" already exists, statement succeeded."), nil
		}
		return nil, fmt.Errorf("Catalog Error: Object '%s' already exists.", k)
	}
	s.semantic[k] = &semanticView{db: p[0], schema: p[1], name: p[2], model: model, created: s.now()}
	return status(typeDDL, "Semantic view "+p[2]+" successfully created."), nil
}

// quoteRef renders a model's base table as Snowflake resolves it: a name that
// is a valid unquoted identifier upper-cased, as Snowflake folds it.
func quoteRef(names ...string) string {
	q := make([]string, len(names))
	for i, n := range names {
		if ident.Valid(n) {
			n = strings.ToUpper(n)
		}
		q[i] = `"` + strings.ReplaceAll(n, `"`, `""`) + `"`
	}
	return strings.Join(q, ".")
}

// folded is a model name as Snowflake lists it: upper-cased when it is an
// unquoted identifier (package semantic writes those bare), as written otherwise.
func folded(name string) string {
	if ident.Valid(name) {
		return strings.ToUpper(name)
	}
	return name
}

func textColumns(names []string, timestamps ...string) []column {
	cols := make([]column, len(names))
	for i, n := range names {
		cols[i] = column{Name: n, Type: "text", Nullable: true}
		for _, ts := range timestamps {
			if n == ts {
				cols[i].Type, cols[i].Scale = "timestamp_ltz", 9
			}
		}
	}
	return cols
}

// likeMatch matches Snowflake's LIKE in SHOW commands: case-insensitive, % and _.
func likeMatch(like, name string) bool {
	if like == "" {
		return true
	}
	pattern := strings.NewReplacer("%", "*", "_", "?").Replace(strings.ToUpper(strings.ReplaceAll(like, "''", "'")))
	ok, _ := path.Match(pattern, strings.ToUpper(name))
	return ok
}

// sortedSemantic returns the kept views in Snowflake's order: by database,
// schema and name. The caller holds s.mu.
func (s *Server) sortedSemantic() []*semanticView {
	out := make([]*semanticView, 0, len(s.semantic))
	for _, v := range s.semantic {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return a.db+"\x00"+a.schema+"\x00"+a.name < b.db+"\x00"+b.schema+"\x00"+b.name
	})
	return out
}

// showSemanticViewsResult answers SHOW SEMANTIC VIEWS [LIKE …] [IN SCHEMA
// db.schema] with the documented columns. The server keeps no owners, so owner
// and owner_role_type are NULL, and extension is NULL as in the documented
// examples.
func (s *Server) showSemanticViewsResult(like, schema string) *result {
	res := &result{StatementTypeID: typeSelect, Rowtype: textColumns(semanticViewColumns, "created_on"), Rowset: [][]*string{}}
	want := parts(schema)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range s.sortedSemantic() {
		if len(want) == 2 && (v.db != want[0] || v.schema != want[1]) || !likeMatch(like, v.name) {
			continue
		}
		res.Rowset = append(res.Rowset, []*string{str(epochSeconds(v.created)), str(v.name), str(v.db), str(v.schema),
			str(v.model.Description), nil, nil, nil})
	}
	return res
}

// showSemanticMetricsResult answers SHOW SEMANTIC METRICS [LIKE …] IN view with
// the documented columns, one row per metric of the view (table metrics with
// their table, derived metrics with none), ordered by table and name. The
// server infers no data types: data_type is NULL. synonyms is a JSON array.
func (s *Server) showSemanticMetricsResult(like, ref string) (*result, error) {
	res := &result{StatementTypeID: typeSelect, Rowtype: textColumns(semanticMetricColumns), Rowset: [][]*string{}}
	want := parts(ref)
	s.mu.Lock()
	defer s.mu.Unlock()
	var view *semanticView
	for _, v := range s.sortedSemantic() {
		full := []string{v.db, v.schema, v.name}
		if len(want) <= 3 && strings.Join(full[3-len(want):], ".") == strings.Join(want, ".") {
			if view != nil {
				return nil, fmt.Errorf("Catalog Error: semantic view %s is ambiguous; qualify it", ref)
			}
			view = v
		}
	}
	if view == nil {
		return nil, fmt.Errorf("Catalog Error: Semantic view '%s' does not exist or not authorized.", ref)
	}
	type row struct{ table, name string }
	var rows []row
	meta := map[row]semantic.Metric{}
	add := func(table string, m semantic.Metric) {
		r := row{table, folded(m.Name)}
		if likeMatch(like, r.name) {
			rows = append(rows, r)
			meta[r] = m
		}
	}
	for _, t := range view.model.Tables {
		for _, m := range t.Metrics {
			add(folded(t.Name), m)
		}
	}
	for _, m := range view.model.Metrics {
		add("", m)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].table != rows[j].table {
			return rows[i].table < rows[j].table
		}
		return rows[i].name < rows[j].name
	})
	for _, r := range rows {
		m := meta[r]
		var table, syns, comment *string
		if r.table != "" {
			table = str(r.table)
		}
		if len(m.Synonyms) > 0 {
			b, _ := json.Marshal(m.Synonyms)
			syns = str(string(b))
		}
		if m.Description != "" {
			comment = str(m.Description)
		}
		res.Rowset = append(res.Rowset, []*string{str(view.db), str(view.schema), str(view.name), table, str(r.name), nil, syns, comment})
	}
	return res, nil
}

func str(s string) *string { return &s }
