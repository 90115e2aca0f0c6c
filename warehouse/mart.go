package warehouse

import (
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// TargetLag is how stale a mart may get before it is refreshed. Both
// engines keep to it: Snowflake as the dynamic tables' TARGET_LAG, the embedded
// engine through pipeline's refresher.
const TargetLag = 5 * time.Minute

// targetLagSQL renders [TargetLag] as Snowflake's TARGET_LAG, e.g. '5 minutes'.
func targetLagSQL() string { return fmt.Sprintf("%d minutes", int(TargetLag/time.Minute)) }

// Mart is one table of the MARTS layer and how to compute it.
type Mart struct {
	// Table is the mart's definition: name, columns and types.
	Table Table
	// Key lists the columns of the mart's grain, each paired with the FCT_ORDERS
	// column it comes from.
	Key []KeyColumn

	attributes []KeyColumn   // grouped columns that depend on the key
	measures   []Measure     // aggregate columns
	grain      dialect.Grain // of the date key; "" for none

	base     func(b sqlb, where string) string // aggregate stage over FCT_ORDERS alias f
	baseCols []string                          // columns the aggregate stage yields
	enrich   func(b sqlb, from string) string  // window stage over relation from
	windowed bool                              // enrich reads other rows
	mode     RefreshMode                       // Snowflake's refresh mode for it
}

// KeyColumn pairs a grain column of a mart with its source in FCT_ORDERS.
type KeyColumn struct {
	Column string // in the mart
	Source string // in FCT_ORDERS
}

// AllMarts returns every mart in build order, FCT_ORDERS first.
func AllMarts() []Mart {
	return []Mart{fctOrders(), dailySales(), salesByRegion(), salesByProduct(), salesByCustomer(), salesByRep(), salesByCustomerYear(), salesByMonth(), salesByYear(), salesByRegionYear(), salesByRepYear(), salesBySegmentYear(), salesByIndustryYear(), salesByRegionCategory()}
}

// AggregateMarts returns the marts built on FCT_ORDERS.
func AggregateMarts() []Mart { return AllMarts()[1:] }

// Select returns the SELECT that computes the whole mart in dialect d.
func (m Mart) Select(d dialect.Dialect, n Names) string {
	b := sqlb{D: d, N: n}
	return m.enrich(b, "(\n"+indent(m.base(b, ""))+"\n) b")
}

// Windowed reports whether the mart has window columns (running totals, moving
// averages, growth, ranks), whose values depend on other rows. An incremental
// refresh of a windowed mart recomputes its window stage over all its rows; other
// marts replace just the rows of the keys new orders touch ([Mart.RefreshSteps]).
func (m Mart) Windowed() bool { return m.windowed }

// touched returns the condition "a row of relation newRel (alias nw) has the same
// grain key as alias", where cols names the key columns on alias's side.
func (m Mart) touched(b sqlb, newRel, alias string, cols func(KeyColumn) string) string {
	return sameRow(b, newRel, alias, m.Key, cols)
}

// sameRow returns the condition "a row of relation newRel (alias nw) has the
// same values of keys as alias", where cols names each key column on alias's
// side.
func sameRow(b sqlb, newRel, alias string, keys []KeyColumn, cols func(KeyColumn) string) string {
	conds := make([]string, len(keys))
	for i, k := range keys {
		conds[i] = b.C("nw", k.Source) + " = " + b.C(alias, cols(k))
	}
	return fmt.Sprintf("EXISTS (SELECT 1 FROM %s nw WHERE %s)", newRel, strings.Join(conds, " AND "))
}

// DateKey returns the mart's date grain column (SALES_DATE or MONTH) and its
// FCT_ORDERS source, if it has one.
func (m Mart) DateKey() (KeyColumn, bool) {
	for _, k := range m.Key {
		if c, ok := m.Table.Column(k.Column); ok && c.Type.Kind == dialect.KindDate {
			return k, true
		}
	}
	return KeyColumn{}, false
}

// ScanBound returns the key column that confines each of the mart's groups
// to a stretch of time: the [Mart.DateKey], else the [Mart.YearKey]. Its
// Source names the FCT_ORDERS column it comes from. An incremental refresh
// reads the earlier facts of the batch's customers within the batch's years
// only ([PriorFactsSQL]), which is exact because every mart with a distinct
// count has one.
func (m Mart) ScanBound() (KeyColumn, bool) {
	if k, ok := m.DateKey(); ok {
		return k, true
	}
	return m.YearKey()
}

// RefreshMode returns the refresh mode the mart's dynamic table declares on
// Snowflake ([RefreshMode]); each mart's choice is explained where it is built.
func (m Mart) RefreshMode() RefreshMode { return m.mode }

// CreateSQL returns the statements that build the mart, in order: a DYNAMIC
// TABLE with the target lag, its refresh mode and its definition's
// [Mart.Fingerprint] as COMMENT on Snowflake; on the embedded engine a table
// declared column by column (so each column gets its type, nullability and
// [dialect.Dialect.ColumnStorage]) and the INSERT that fills it. The embedded
// FCT_ORDERS reads [StagedSplitSQL] instead of the STG_ORDERS view, and is
// stored in the order its rows arrive, not sorted: at scale 100 the ROW_NUMBER
// over every order and a sort of 10 million wide rows were most of the build's
// time and memory. Incremental refreshes stay exact; their date bound then skips
// fewer blocks. What that costs the readers (BenchmarkFactsOrder in
// engine/embedded, scale 10, CPU per operation, two rounds on a loaded machine):
// an incremental refresh of 1,000 orders about the same (0.97–1.08 s unsorted,
// 0.99–1.00 s sorted), while a read of FCT_ORDERS filtered to a week takes
// 13.7–20.9 ms against 5.0–8.9 ms sorted, a month 17.4–25.3 against 7.8–8.3, a
// year 20.4–23.7 against 15.2–16.8. The embedded builds compute net amounts
// in 64-bit decimals where they cannot overflow ([sqlb.netAmountNarrow]), and
// SALES_BY_REP's aggregate groups most reps by integer keys alone
// ([Mart.splitBase]); both give the same values as the mart's SELECT.
func (m Mart) CreateSQL(d dialect.Dialect, n Names) []string {
	if d.DynamicTables() {
		def := m.dynamicDefinition(d, n)
		return []string{fmt.Sprintf("CREATE OR REPLACE DYNAMIC TABLE %s\n%s", m.Table.Ref(d, n),
			strings.Replace(def, "\nAS\n", fmt.Sprintf("\n  COMMENT = '%s'\nAS\n", FingerprintComment(fingerprint(def))), 1))}
	}
	if m.Table.Name == tblFctOrders.Name {
		return []string{m.Table.CreateSQL(d, n, true), perfectHashOn,
			"INSERT INTO " + m.Table.Ref(d, n) + "\n" + m.buildSelect(d, n), perfectHashOff}
	}
	sel := m.Select(d, n)
	if base, ok := m.splitBase(sqlb{D: d, N: n}); ok {
		sel = m.enrich(sqlb{D: d, N: n}, "(\n"+indent(base)+"\n) b")
	}
	return []string{m.Table.CreateSQL(d, n, true), "INSERT INTO " + m.Table.Ref(d, n) + "\n" + sel}
}

// perfectHashOn lets the embedded FCT_ORDERS build find the ORDER_IDs held more
// than once ([StagedSplitSQL]) with DuckDB's perfect hash aggregate, an array
// indexed by the key's offset from its minimum, when the ids span at most 2^25
// values (scale 100's span 10 million): 2.5 s of CPU against 5.3–5.6 s for the
// hash table, for about 60 MB more at its peak. Wider spans fall back to the
// hash table. perfectHashOff restores DuckDB's default (12 bits) for the
// session's later statements.
const (
	perfectHashOn  = "SET perfect_ht_threshold = 25"
	perfectHashOff = "RESET perfect_ht_threshold"
)

// BuildSessionResets returns the statements that restore the session settings
// a build of [Mart.CreateSQL] may change, in dialect d. A SET outlives the
// transaction it ran in, ROLLBACK included, so whoever runs a build runs these
// on the same connection once the transaction has ended, however it ended
// (CreateSQL's own RESET never runs when the INSERT before it fails).
func BuildSessionResets(d dialect.Dialect) []string {
	if d.DynamicTables() {
		return nil
	}
	return []string{perfectHashOff}
}

// project returns the final SELECT list of t's columns from exprs (by column name;
// a missing name means the column of the same name), each cast to its type.
func project(b sqlb, t Table, exprs map[string]string, from string) string {
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

// dynamicDefinition is everything of the dynamic table's CREATE after its name,
// but the COMMENT: its options and its query.
func (m Mart) dynamicDefinition(d dialect.Dialect, n Names) string {
	return fmt.Sprintf("  TARGET_LAG = '%s'\n  WAREHOUSE = %s\n  REFRESH_MODE = %s\n  INITIALIZE = ON_CREATE\nAS\n%s",
		targetLagSQL(), d.Quote(n.WithDefaults().Warehouse), m.mode, m.Select(d, n))
}

// Fingerprint identifies the mart's definition in dialect d under names n: its
// dynamic table's options and query. The set-up keeps it in the dynamic table's
// COMMENT and replaces the table only when it changed.
func (m Mart) Fingerprint(d dialect.Dialect, n Names) string {
	return fingerprint(m.dynamicDefinition(d, n))
}
