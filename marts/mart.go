package marts

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlgen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// TargetLag is how stale a mart may get before it is refreshed (SPEC §2.3).
const TargetLag = "5 minutes"

// Mart is one table of the MARTS layer and how to compute it.
type Mart struct {
	// Table is the mart's definition: name, columns and types.
	Table warehouse.Table
	// Key lists the columns of the mart's grain, each paired with the FCT_ORDERS
	// column it comes from.
	Key []KeyColumn

	base     func(b sqlgen.B, where string) string // aggregate stage over FCT_ORDERS alias f
	baseCols []string                              // columns the aggregate stage yields
	enrich   func(b sqlgen.B, from string) string  // window stage over relation from
}

// KeyColumn pairs a grain column of a mart with its source in FCT_ORDERS.
type KeyColumn struct {
	Column string // in the mart
	Source string // in FCT_ORDERS
}

// All returns every mart in build order, FCT_ORDERS first.
func All() []Mart {
	return []Mart{fctOrders(), dailySales(), salesByRegion(), salesByProduct(), salesByCustomer(), salesByRep()}
}

// Aggregates returns the marts built on FCT_ORDERS.
func Aggregates() []Mart { return All()[1:] }

// Select returns the SELECT that computes the whole mart in dialect d.
func (m Mart) Select(d dialect.Dialect, n warehouse.Names) string {
	b := sqlgen.B{D: d, N: n}
	return m.enrich(b, "(\n"+indent(m.base(b, ""))+"\n) b")
}

// IncrementalSelect returns the SELECT that recomputes the mart after new rows
// arrived in FCT_ORDERS: rows whose key no new order touches are kept as they are,
// the touched keys are re-aggregated, and the window stage runs over all of them.
// New rows are those with LOADED_AT in (from, to], bound as four arguments: from,
// to, from, to.
func (m Mart) IncrementalSelect(d dialect.Dialect, n warehouse.Names) string {
	b := sqlgen.B{D: d, N: n}
	touched := func(alias string, cols func(KeyColumn) string) string {
		conds := []string{b.C("nw", "LOADED_AT") + " > ?", b.C("nw", "LOADED_AT") + " <= ?"}
		for _, k := range m.Key {
			conds = append(conds, b.C("nw", k.Source)+" = "+b.C(alias, cols(k)))
		}
		return fmt.Sprintf("EXISTS (SELECT 1 FROM %s nw WHERE %s)", b.Ref(warehouse.FctOrders), strings.Join(conds, " AND "))
	}
	cols := make([]string, len(m.baseCols))
	for i, c := range m.baseCols {
		cols[i] = b.C("m", c)
	}
	kept := fmt.Sprintf("SELECT %s FROM %s m WHERE NOT %s", strings.Join(cols, ", "), b.Ref(m.Table),
		touched("m", func(k KeyColumn) string { return k.Column }))
	fresh := m.base(b, touched("f", func(k KeyColumn) string { return k.Source }))
	return m.enrich(b, "(\n"+indent(kept)+"\n  UNION ALL\n"+indent(fresh)+"\n) b")
}

// CreateSQL returns the statement that builds the mart: a DYNAMIC TABLE with the
// target lag on Snowflake, a table on the embedded engine.
func (m Mart) CreateSQL(d dialect.Dialect, n warehouse.Names) string {
	if d == dialect.Snowflake {
		nn := n.WithDefaults()
		return fmt.Sprintf("CREATE OR REPLACE DYNAMIC TABLE %s\n  TARGET_LAG = '%s'\n  WAREHOUSE = %s\n  REFRESH_MODE = AUTO\n  INITIALIZE = ON_CREATE\nAS\n%s",
			m.Table.Ref(d, n), TargetLag, d.Quote(nn.Warehouse), m.Select(d, n))
	}
	return "CREATE OR REPLACE TABLE " + m.Table.Ref(d, n) + " AS\n" + m.Select(d, n)
}

// project returns the final SELECT list of t's columns from exprs (by column name;
// a missing name means the column of the same name), each cast to its type.
func project(b sqlgen.B, t warehouse.Table, exprs map[string]string, from string) string {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		e, ok := exprs[c.Name]
		if !ok {
			e = b.C("b", c.Name)
		}
		cols[i] = "  " + b.As(t, c.Name, e)
	}
	return "SELECT\n" + strings.Join(cols, ",\n") + "\nFROM " + from
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func where(cond string) string {
	if cond == "" {
		return ""
	}
	return "\nWHERE " + cond
}
