package warehouse

import (
	"github.com/salesanalytics/salesanalytics/dialect"
)

// Agg is how a mart's measure column aggregates the FCT_ORDERS rows of its
// group: a closed set.
type Agg string

// The aggregations a mart's measures use.
const (
	AggSum           Agg = "sum"            // SUM(source)
	AggCount         Agg = "count"          // COUNT(*): the group's orders
	AggCountDistinct Agg = "count_distinct" // COUNT(DISTINCT source)
	AggMin           Agg = "min"            // MIN(source)
	AggMax           Agg = "max"            // MAX(source)
)

// Valid reports whether a is a known aggregation.
func (a Agg) Valid() bool {
	switch a {
	case AggSum, AggCount, AggCountDistinct, AggMin, AggMax:
		return true
	}
	return false
}

// Measure is one aggregate column of a mart: Column holds Agg of the FCT_ORDERS
// column Source (empty for AggCount) over the rows of the mart's group. The
// mart's SQL is built from these declarations, and a query planner reads them to
// answer a request from the mart instead of FCT_ORDERS ([Mart.Measures]).
type Measure struct {
	Column string
	Agg    Agg
	Source string
}

// sql renders the measure's aggregate over FCT_ORDERS alias f.
func (m Measure) sql(b sqlb) string {
	switch m.Agg {
	case AggSum:
		return sum(b, m.Source)
	case AggCount:
		return count()
	case AggCountDistinct:
		return distinct(b, m.Source)
	case AggMin:
		return "MIN(" + b.C("f", m.Source) + ")"
	case AggMax:
		return "MAX(" + b.C("f", m.Source) + ")"
	}
	panic("warehouse: unknown aggregation " + string(m.Agg))
}

// Measures returns the mart's aggregate columns: what each holds, in terms of
// FCT_ORDERS. Window columns (running totals, moving averages, ranks, growth)
// and ratios (AOV, attainment) are not measures: they do not re-aggregate.
func (m Mart) Measures() []Measure { return append([]Measure(nil), m.measures...) }

// Attributes returns the mart's columns that are functionally dependent on its
// key (a product's name and category beside PRODUCT_ID), each with the
// FCT_ORDERS column it copies.
func (m Mart) Attributes() []KeyColumn { return append([]KeyColumn(nil), m.attributes...) }

// Grain returns the time grain of the mart's date key ([Mart.DateKey]): Day for
// DAILY_SALES, Month for the monthly marts; "" for a mart without one.
func (m Mart) Grain() dialect.Grain { return m.grain }

// TruncatedDate returns the FCT_ORDERS date the mart's date key holds truncated
// to [Mart.Grain] (ORDER_DATE: SALES_DATE is the day itself, MONTH its first
// of the month, YEAR its year as a number), or "" for a mart without a date
// key.
func (m Mart) TruncatedDate() string {
	if m.grain == "" {
		return ""
	}
	return "ORDER_DATE"
}

// Rollups returns the aggregate marts a query planner may answer a request from
// instead of FCT_ORDERS, smallest first: the order in which to try them. Sizes
// follow the grains at the generator's shape — 4 regions, 50 reps, 500
// products, two years of days: year (2 rows) < segment × year (6) < region ×
// year (8) < industry × year (20) < month (24)
// < region × month (96) < rep × year (100) < region × category × month
// (480) < rep × month (1,200) < day × region (2,920) < product × month (12,000) — and the customer mart,
// one row per customer, last: it has no date, so it only answers requests over
// all time, where nothing grouped by product competes with it — then customer ×
// year (two rows per customer over the two years), which counts distinct
// customers over whole years.
func Rollups() []Mart {
	return []Mart{salesByYear(), salesBySegmentYear(), salesByRegionYear(), salesByIndustryYear(), salesByMonth(), salesByRegion(), salesByRepYear(), salesByRegionCategory(), salesByRep(), dailySales(), salesByProduct(),
		salesByCustomer(), salesByCustomerYear()}
}

// aggsOf renders measures as the aggregate stage's columns.
func aggsOf(b sqlb, ms []Measure) []agg {
	out := make([]agg, len(ms))
	for i, m := range ms {
		out[i] = agg{m.Column, m.sql(b)}
	}
	return out
}

// extrasOf renders attributes as the aggregate stage's grouped columns.
func extrasOf(b sqlb, as []KeyColumn) []agg {
	out := make([]agg, len(as))
	for i, a := range as {
		out[i] = agg{a.Column, b.C("f", a.Source)}
	}
	return out
}
