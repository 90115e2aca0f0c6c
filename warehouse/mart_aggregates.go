package warehouse

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// agg is one column of an aggregate stage: its name and expression over FCT alias f.
type agg struct{ name, expr string }

// aggregate renders SELECT <keys>, <aggs> FROM FCT_ORDERS f [WHERE] GROUP BY <keys>.
func aggregate(b sqlb, keys []KeyColumn, extra []agg, aggs []agg, cond string) string {
	return aggregateFrom(b, b.Ref(tblFctOrders)+" f", keys, extra, aggs, cond)
}

// aggregateFrom is [aggregate] over the relation from, in which alias f has
// FCT_ORDERS' columns.
func aggregateFrom(b sqlb, from string, keys []KeyColumn, extra []agg, aggs []agg, cond string) string {
	var sel, group []string
	for _, k := range keys {
		sel = append(sel, b.C("f", k.Source)+" AS "+b.Q(k.Column))
		group = append(group, b.C("f", k.Source))
	}
	for _, a := range extra { // functionally dependent on the keys
		sel = append(sel, a.expr+" AS "+b.Q(a.name))
		group = append(group, a.expr)
	}
	for _, a := range aggs {
		sel = append(sel, a.expr+" AS "+b.Q(a.name))
	}
	return "SELECT " + strings.Join(sel, ", ") + "\nFROM " + from + where(cond) +
		"\nGROUP BY " + strings.Join(group, ", ")
}

func sum(b sqlb, col string) string    { return "SUM(" + b.C("f", col) + ")" }
func count() string                    { return "COUNT(*)" }
func distinct(b sqlb, c string) string { return "COUNT(DISTINCT " + b.C("f", c) + ")" }

// stages sets the mart's aggregate stage from its declared key, attributes and
// measures: one declaration serves the mart's SQL and the query planner.
func (m *Mart) stages() {
	keys, attrs, ms := m.Key, m.attributes, m.measures
	m.base = func(b sqlb, cond string) string { return aggregate(b, keys, extrasOf(b, attrs), aggsOf(b, ms), cond) }
	m.baseCols = names(keys, extrasOf(sqlb{}, attrs), aggsOf(sqlb{}, ms))
}

// names lists the stage's column names in order.
func names(keys []KeyColumn, groups ...[]agg) []string {
	var out []string
	for _, k := range keys {
		out = append(out, k.Column)
	}
	for _, g := range groups {
		for _, a := range g {
			out = append(out, a.name)
		}
	}
	return out
}

// window returns "OVER (PARTITION BY … ORDER BY … frame)" over base alias b.
func window(b sqlb, partition []string, order, frame string) string {
	parts := make([]string, len(partition))
	for i, p := range partition {
		parts[i] = b.C("b", p)
	}
	return fmt.Sprintf("OVER (PARTITION BY %s ORDER BY %s%s)", strings.Join(parts, ", "), order, frame)
}

// movingAverage is the mean of col over the last n calendar grains (days or
// months) ending at the row's date, counting grains without a row as zero. The
// window is shortened only before the first grain of the data, firstCol of the
// relation alias d0 ([firstOfData]); a partition that starts later counts the
// grains before its first row as zero too.
func movingAverage(b sqlb, partition []string, dateCol, col string, n int, g dialect.Grain) string {
	date := b.C("b", dateCol)
	total := fmt.Sprintf("SUM(%s) %s", b.C("b", col),
		window(b, partition, date, fmt.Sprintf(" RANGE BETWEEN %s PRECEDING AND CURRENT ROW", b.D.Interval(n-1, g))))
	span := fmt.Sprintf("LEAST(%d, %s + 1)", n, b.D.DateDiff(g, b.C("d0", firstCol), date))
	return b.D.DivRound(total, span, 2, 0, 2)
}

// firstCol is the column of [firstOfData].
const firstCol = "FIRST_PERIOD"

// firstOfData joins to from the one-row relation d0 holding the first value of
// FCT_ORDERS column src (ORDER_DATE, ORDER_MONTH): where the data begins. It is
// a join to an aggregate in FROM, not a window over all rows or a scalar
// subquery, which Snowflake's incremental refresh does not take.
func firstOfData(b sqlb, from, src string) string {
	return fmt.Sprintf("%s\nCROSS JOIN (SELECT MIN(%s) AS %s FROM %s f) d0", from, b.C("f", src), b.Q(firstCol), b.Ref(tblFctOrders))
}

func runningTotal(b sqlb, partition []string, order, col string) string {
	return fmt.Sprintf("SUM(%s) %s", b.C("b", col), window(b, partition, order, " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"))
}

func aov(b sqlb, revenue, orders string) string {
	return b.D.DivRound(b.C("b", revenue), b.C("b", orders), 2, 0, 2)
}

func dailySales() Mart {
	t := tblDailySales.clone()
	keys := []KeyColumn{{"SALES_DATE", "ORDER_DATE"}, {"REGION", "REGION"}}
	// FULL: the running total and the 7-day average partition by REGION, of which
	// there are four, and the average's divisor joins the data's first day, so
	// any new order changes the window values of a whole region: an incremental
	// refresh would rewrite most of the table at a higher cost than recomputing it.
	m := Mart{Table: t, Key: keys, windowed: true, mode: RefreshFull, grain: dialect.Day, measures: []Measure{
		{"REVENUE", AggSum, "NET_AMOUNT"}, {"GROSS_REVENUE", AggSum, "GROSS_AMOUNT"},
		{"DISCOUNTS", AggSum, "DISCOUNT_AMOUNT"}, {"ORDERS", AggCount, ""},
		{"UNITS", AggSum, "QUANTITY"}, {"CUSTOMERS", AggCountDistinct, "CUSTOMER_ID"},
	}}
	m.stages()
	m.enrich = func(b sqlb, from string) string {
		region := []string{"REGION"}
		return project(b, t, map[string]string{
			"AOV":             aov(b, "REVENUE", "ORDERS"),
			"RUNNING_REVENUE": runningTotal(b, region, b.C("b", "SALES_DATE"), "REVENUE"),
			"REVENUE_7D_AVG":  movingAverage(b, region, "SALES_DATE", "REVENUE", 7, dialect.Day),
		}, firstOfData(b, from, "ORDER_DATE"))
	}
	return m
}

func salesByRegion() Mart {
	t := tblSalesByRegion.clone()
	keys := []KeyColumn{{"REGION", "REGION"}, {"MONTH", "ORDER_MONTH"}}
	// FULL, for DAILY_SALES' reason: windows over four region partitions and a
	// join to the first month of the data; the table has under a hundred rows.
	m := Mart{Table: t, Key: keys, windowed: true, mode: RefreshFull, grain: dialect.Month, measures: []Measure{
		{"REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""},
		{"UNITS", AggSum, "QUANTITY"}, {"CUSTOMERS", AggCountDistinct, "CUSTOMER_ID"},
	}}
	m.stages()
	m.enrich = func(b sqlb, from string) string {
		region, month := []string{"REGION"}, b.C("b", "MONTH")
		w := window(b, region, month, "")
		prevMonth := fmt.Sprintf("LAG(%s) %s", month, w)
		prevRevenue := fmt.Sprintf("LAG(%s) %s", b.C("b", "REVENUE"), w)
		growth := fmt.Sprintf("CASE WHEN %s = %s THEN %s END", prevMonth, b.D.AddMonths(month, -1),
			b.D.DivRound(b.C("b", "REVENUE")+" - "+prevRevenue, prevRevenue, 2, 2, 4))
		return project(b, t, map[string]string{
			"AOV":             aov(b, "REVENUE", "ORDERS"),
			"MOM_GROWTH":      growth,
			"RUNNING_REVENUE": runningTotal(b, region, month, "REVENUE"),
			"REVENUE_3M_AVG":  movingAverage(b, region, "MONTH", "REVENUE", 3, dialect.Month),
		}, firstOfData(b, from, "ORDER_MONTH"))
	}
	return m
}

func salesByProduct() Mart {
	t := tblSalesByProduct.clone()
	keys := []KeyColumn{{"PRODUCT_ID", "PRODUCT_ID"}, {"MONTH", "ORDER_MONTH"}}
	// INCREMENTAL: a GROUP BY of deterministic aggregates and a RANK window
	// partitioned by (CATEGORY, MONTH); new orders touch the few recent months.
	m := Mart{Table: t, Key: keys, windowed: true, mode: RefreshIncremental, grain: dialect.Month,
		attributes: []KeyColumn{{"PRODUCT_NAME", "PRODUCT_NAME"}, {"CATEGORY", "CATEGORY"}},
		measures:   []Measure{{"REVENUE", AggSum, "NET_AMOUNT"}, {"UNITS", AggSum, "QUANTITY"}, {"ORDERS", AggCount, ""}}}
	m.stages()
	m.enrich = func(b sqlb, from string) string {
		return project(b, t, map[string]string{
			"CATEGORY_RANK": "RANK() " + window(b, []string{"CATEGORY", "MONTH"}, b.C("b", "REVENUE")+" DESC", ""),
		}, from)
	}
	return m
}

func salesByCustomer() Mart {
	t := tblSalesByCustomer.clone()
	keys := []KeyColumn{{"CUSTOMER_ID", "CUSTOMER_ID"}}
	// INCREMENTAL: a GROUP BY per customer, no window; new orders touch a few
	// customers.
	m := Mart{Table: t, Key: keys, mode: RefreshIncremental,
		attributes: []KeyColumn{{"CUSTOMER_NAME", "CUSTOMER_NAME"}, {"SEGMENT", "SEGMENT"}, {"INDUSTRY", "INDUSTRY"}},
		measures: []Measure{
			{"LIFETIME_REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""},
			{"FIRST_ORDER_DATE", AggMin, "ORDER_DATE"}, {"LAST_ORDER_DATE", AggMax, "ORDER_DATE"},
		}}
	m.stages()
	m.enrich = func(b sqlb, from string) string {
		return project(b, t, map[string]string{"AOV": aov(b, "LIFETIME_REVENUE", "ORDERS")}, from)
	}
	return m
}

// repRow joins a row of SALES_BY_REP's aggregate (alias b) to its rep's row of
// STG_SALES_REPS (alias s) on the rep's key and the attributes it was grouped
// with: a rep held twice under two names joins each of its rows once, not
// twice.
func repRow(b sqlb) string {
	on := make([]string, 0, 3)
	for _, c := range []string{"REP_ID", "REP_NAME", "REGION"} {
		on = append(on, b.C("s", c)+" = "+b.C("b", c))
	}
	return strings.Join(on, " AND ")
}

func salesByRep() Mart {
	t := tblSalesByRep.clone()
	keys := []KeyColumn{{"REP_ID", "REP_ID"}, {"MONTH", "ORDER_MONTH"}}
	// INCREMENTAL: a GROUP BY per rep and month and an inner join to the reps'
	// view; new orders touch the current months.
	m := Mart{Table: t, Key: keys, mode: RefreshIncremental, grain: dialect.Month,
		attributes: []KeyColumn{{"REP_NAME", "REP_NAME"}, {"REGION", "REGION"}},
		measures:   []Measure{{"REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""}, {"CUSTOMERS", AggCountDistinct, "CUSTOMER_ID"}}}
	m.stages()
	m.enrich = func(b sqlb, from string) string {
		quota := b.C("s", "ANNUAL_QUOTA")
		monthly := b.D.DivRound(quota, "12", 2, 0, 2)
		return project(b, t, map[string]string{
			"ANNUAL_QUOTA":     quota,
			"MONTHLY_QUOTA":    monthly,
			"QUOTA_ATTAINMENT": b.D.DivRound(b.C("b", "REVENUE"), monthly, 2, 2, 4),
		}, from+"\nJOIN "+b.Ref(tblStgSalesReps)+" s ON "+repRow(b))
	}
	return m
}
