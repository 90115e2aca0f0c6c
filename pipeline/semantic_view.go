package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// SemanticViewName is the name of the sales semantic view, which the set-up
// creates in the SEMANTIC schema beside the staged model on engines with
// semantic views (dialect.SemanticViews: Snowflake).
const SemanticViewName = "SALES_ANALYTICS"

// SemanticViewRef returns the semantic view's fully qualified name for names n,
// as Cortex Analyst's semantic_view field takes it.
func SemanticViewRef(n warehouse.Names) string {
	n = n.WithDefaults()
	return n.Database + "." + n.Semantic + "." + SemanticViewName
}

// semanticViewDef is the sales semantic view for names n: its CREATE statement,
// whose COMMENT ends with the fingerprint of the definition, then the grant of
// SELECT (what querying a semantic view and asking Cortex Analyst about it take)
// to the read-only role.
type semanticViewDef struct {
	SQL         []string
	Fingerprint string
}

func semanticViewOf(d dialect.Dialect, n warehouse.Names) semanticViewDef {
	n = n.WithDefaults()
	m := semantic.SalesModelFor(n.Database, n.Marts)
	ddl, _, err := m.SemanticViewDDL(SemanticViewRef(n))
	if err != nil {
		panic("pipeline: the embedded sales model has no semantic view: " + err.Error())
	}
	fp := warehouse.FingerprintText(ddl)
	m.Description = strings.TrimSpace(m.Description + "\n\n" + warehouse.FingerprintComment(fp))
	if ddl, _, err = m.SemanticViewDDL(SemanticViewRef(n)); err != nil {
		panic("pipeline: the embedded sales model has no semantic view: " + err.Error())
	}
	return semanticViewDef{
		SQL: []string{
			strings.TrimSuffix(ddl, ";\n"),
			"GRANT SELECT ON SEMANTIC VIEW " + d.Table(n.Database, n.Semantic, SemanticViewName) + " TO ROLE " + d.Quote(n.Role),
		},
		Fingerprint: fp,
	}
}

// semanticViewFingerprint reads the fingerprint from the last line of the view's
// COMMENT, where semanticViewOf puts it ("" when there is none).
func semanticViewFingerprint(comment string) string {
	comment = strings.TrimSpace(comment)
	return warehouse.FingerprintOf(comment[strings.LastIndexByte(comment, '\n')+1:])
}

// buildSemanticView creates the sales semantic view when it is missing and
// re-creates it (with its grant) only when its definition changed, comparing
// the fingerprint with the one SHOW SEMANTIC VIEWS reports in its comment. Nil
// on an engine without semantic views.
func (w *Warehouse) buildSemanticView(ctx context.Context) (*Build, error) {
	d, n := w.eng.Dialect(), w.names
	if !d.SemanticViews() {
		return nil, nil
	}
	def := semanticViewOf(d, n)
	views, err := showRows(ctx, w.eng.DB(), showSemanticViewsSQL(d, n))
	if err != nil {
		return nil, fmt.Errorf("pipeline: %s: %w", PhaseSemantic, err)
	}
	comments := map[string]string{}
	for _, v := range views {
		comments[v["name"]] = warehouse.FingerprintComment(semanticViewFingerprint(v["comment"]))
	}
	b := &Build{Name: SemanticViewName, Action: buildAction(comments, SemanticViewName, def.Fingerprint), Fingerprint: def.Fingerprint}
	if b.Action == BuildUnchanged {
		return b, nil
	}
	for _, stmt := range def.SQL {
		if _, err := w.eng.DB().ExecContext(ctx, stmt); err != nil {
			return b, fmt.Errorf("pipeline: %s %s: %w", PhaseSemantic, SemanticViewName, err)
		}
	}
	return b, nil
}

func showSemanticViewsSQL(d dialect.Dialect, n warehouse.Names) string {
	return "SHOW SEMANTIC VIEWS LIKE '" + SemanticViewName + "' IN SCHEMA " + d.Schema(n.Database, n.Semantic)
}

func showSemanticMetricsSQL(d dialect.Dialect, n warehouse.Names) string {
	return "SHOW SEMANTIC METRICS IN " + d.Table(n.Database, n.Semantic, SemanticViewName)
}

// maxShowRows bounds what showRows reads: Snowflake itself returns at most ten
// thousand rows from a SHOW command.
const maxShowRows = 10000

// showRows runs a SHOW command and returns its rows as column name → text (""
// for NULL).
func showRows(ctx context.Context, db *sql.DB, stmt string) ([]map[string]string, error) {
	rows, err := db.QueryContext(ctx, stmt)
	if err != nil {
		return nil, fmt.Errorf("%w\n%s", err, stmt)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]sql.NullString, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []map[string]string
	for rows.Next() && len(out) < maxShowRows {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]string, len(cols))
		for i, c := range cols {
			row[strings.ToLower(c)] = vals[i].String
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// semanticView checks that the sales semantic view exists (SHOW SEMANTIC VIEWS)
// and describes the model's metrics (SHOW SEMANTIC METRICS IN), on engines with
// semantic views.
func (c *checker) semanticView() {
	if c.err != nil || !c.d.SemanticViews() {
		return
	}
	views, err := showRows(c.ctx, c.eng.DB(), showSemanticViewsSQL(c.d, c.n))
	if err != nil {
		c.err = fmt.Errorf("pipeline: validate: %w", err)
		return
	}
	got := "missing"
	for _, v := range views {
		if v["name"] == SemanticViewName {
			got = SemanticViewName
		}
	}
	c.add(PhaseSemantic, "semantic view exists", SemanticViewName, got)
	if got == "missing" {
		return
	}
	rows, err := showRows(c.ctx, c.eng.DB(), showSemanticMetricsSQL(c.d, c.n))
	if err != nil {
		c.err = fmt.Errorf("pipeline: validate: %w", err)
		return
	}
	var have, want []string
	for _, r := range rows {
		have = append(have, strings.ToUpper(r["name"]))
	}
	m := semantic.SalesModel()
	for _, t := range m.Tables {
		for _, mt := range t.Metrics {
			want = append(want, strings.ToUpper(mt.Name))
		}
	}
	for _, mt := range m.Metrics {
		want = append(want, strings.ToUpper(mt.Name))
	}
	sort.Strings(have)
	sort.Strings(want)
	c.add(PhaseSemantic, "semantic view metrics", strings.Join(want, ","), strings.Join(have, ","))
}
