package dashboard

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// dim is a grouping of a view's table.
type dim string

const (
	dimRegion   dim = "region"
	dimMonth    dim = "month"
	dimCategory dim = "category"
	dimSegment  dim = "segment"
	dimIndustry dim = "industry"
	dimProduct  dim = "product"  // id, with the name
	dimRep      dim = "rep"      // id, with the name
	dimCustomer dim = "customer" // id, with the name
)

func (d dim) isID() bool { return d == dimProduct || d == dimRep || d == dimCustomer }

// measure is a figure a table aggregates.
type measure uint8

const (
	mRevenue measure = 1 << iota
	mOrders
	mUnits
	mCustomers
)

// aggReq asks for measures grouped by dims over the rows f selects in [from, to].
type aggReq struct {
	dims     []dim
	measures measure
	f        Filter
	from, to time.Time
	// top, when positive, keeps only the top rows by revenue (ties by id).
	top int
}

// aggRow is one group of an aggregate.
type aggRow struct {
	Region, Category, Segment, Industry string
	Month                               time.Time
	ID                                  int64
	Name                                string
	Revenue                             decimal.Decimal
	Orders, Units, Customers            int64
}

// key returns the group's key, for joining two aggregates.
func (r aggRow) key() string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%d", r.Region, r.Category, r.Segment, r.Industry, r.Month.Format(time.DateOnly), r.ID)
}

// source names where a table's numbers came from.
const sourceFacts = "FCT_ORDERS (semantic layer)"

// aggregate computes req from the first mart that covers it, or from FCT_ORDERS
// through the semantic layer, and says which.
func (e *env) aggregate(req aggReq) ([]aggRow, string, error) {
	if e.d.opts.Path != PathFacts {
		if m, ok := e.martFor(req); ok {
			rows, err := e.fromMart(m, req)
			return rows, "MARTS." + m.t.Name, err
		}
		// Distinct customers do not add up across a mart's rows: take the other
		// measures from a mart that has them and only the customers from the facts.
		rest := req
		rest.measures &^= mCustomers
		if m, ok := e.martFor(rest); ok && rest.measures != req.measures && req.top == 0 {
			rows, err := e.fromMart(m, rest)
			if err != nil {
				return nil, "", err
			}
			cust := req
			cust.measures = mCustomers
			counts, err := e.fromFacts(cust)
			if err != nil {
				return nil, "", err
			}
			byGroup := byKey(counts)
			for i := range rows {
				rows[i].Customers = byGroup[rows[i].key()].Customers
			}
			return rows, "MARTS." + m.t.Name + " + " + sourceFacts + " (customers)", nil
		}
	}
	rows, err := e.fromFacts(req)
	return rows, sourceFacts, err
}

// martFor returns the first mart that covers req.
func (e *env) martFor(req aggReq) (martSpec, bool) {
	for _, m := range martSpecs() {
		if m.covers(req, e.cat.bounds()) {
			return m, true
		}
	}
	return martSpec{}, false
}

// martSpec says what a pre-aggregated mart can answer.
type martSpec struct {
	t     warehouse.Table
	date  string        // the date column
	grain dialect.Grain // Day or Month; "" for a lifetime mart (no date grain)
	dims  map[dim][2]string
	// filters maps a filter field to the column it restricts.
	filters                map[string]string
	revenue, orders, units string
	// customers is the distinct-customer column, exact only when the request
	// groups by every dim of exactGrain; "*" means one row per customer.
	customers  string
	exactGrain []dim
}

func martSpecs() []martSpec { return specs }

// specs are built once; they are never modified.
var specs = []martSpec{
	{t: warehouse.SalesByRegion(), date: "MONTH", grain: dialect.Month,
		dims:    map[dim][2]string{dimRegion: {"REGION"}, dimMonth: {"MONTH"}},
		filters: map[string]string{KeyRegion: "REGION"},
		revenue: "REVENUE", orders: "ORDERS", units: "UNITS", customers: "CUSTOMERS", exactGrain: []dim{dimRegion, dimMonth}},
	{t: warehouse.SalesByRep(), date: "MONTH", grain: dialect.Month,
		dims:    map[dim][2]string{dimRep: {"REP_ID", "REP_NAME"}, dimRegion: {"REGION"}, dimMonth: {"MONTH"}},
		filters: map[string]string{KeyRep: "REP_ID", KeyRegion: "REGION"},
		revenue: "REVENUE", orders: "ORDERS", customers: "CUSTOMERS", exactGrain: []dim{dimRep, dimMonth}},
	{t: warehouse.DailySales(), date: "SALES_DATE", grain: dialect.Day,
		dims:    map[dim][2]string{dimRegion: {"REGION"}, dimMonth: {"SALES_DATE"}},
		filters: map[string]string{KeyRegion: "REGION"},
		revenue: "REVENUE", orders: "ORDERS", units: "UNITS"},
	{t: warehouse.SalesByProduct(), date: "MONTH", grain: dialect.Month,
		dims:    map[dim][2]string{dimProduct: {"PRODUCT_ID", "PRODUCT_NAME"}, dimCategory: {"CATEGORY"}, dimMonth: {"MONTH"}},
		filters: map[string]string{KeyCategory: "CATEGORY", KeyProduct: "PRODUCT_ID"},
		revenue: "REVENUE", orders: "ORDERS", units: "UNITS"},
	{t: warehouse.SalesByCustomer(), date: "",
		dims:    map[dim][2]string{dimCustomer: {"CUSTOMER_ID", "CUSTOMER_NAME"}, dimSegment: {"SEGMENT"}, dimIndustry: {"INDUSTRY"}},
		filters: map[string]string{KeySegment: "SEGMENT", KeyIndustry: "INDUSTRY", KeyCustomer: "CUSTOMER_ID"},
		revenue: "LIFETIME_REVENUE", orders: "ORDERS", customers: "*"},
}

// covers reports whether m answers req exactly.
func (m martSpec) covers(req aggReq, b bounds) bool {
	for _, d := range req.dims {
		if _, ok := m.dims[d]; !ok {
			return false
		}
	}
	for key, set := range filterFields(req.f) {
		if _, ok := m.filters[key]; set && !ok {
			return false
		}
	}
	if req.measures&mOrders != 0 && m.orders == "" || req.measures&mUnits != 0 && m.units == "" {
		return false
	}
	if req.measures&mCustomers != 0 {
		switch {
		case m.customers == "*":
		case m.customers == "" || len(m.exactGrain) == 0:
			return false
		default:
			for _, g := range m.exactGrain {
				if !slices.Contains(req.dims, g) {
					return false
				}
			}
		}
	}
	// A date range is covered when no row of the mart straddles its ends.
	startOK := !req.from.After(b.first)
	endOK := !req.to.Before(b.last)
	switch m.grain {
	case dialect.Day:
		return true
	case dialect.Month:
		return (startOK || req.from.Equal(monthStart(req.from))) && (endOK || req.to.Equal(monthEnd(req.to)))
	}
	return startOK && endOK
}

func filterFields(f Filter) map[string]bool {
	return map[string]bool{
		KeyRegion: len(f.Regions) > 0, KeyCategory: len(f.Categories) > 0, KeySegment: len(f.Segments) > 0,
		KeyIndustry: len(f.Industries) > 0, KeyRep: len(f.Reps) > 0, KeyProduct: len(f.Products) > 0,
		KeyCustomer: len(f.Customers) > 0, KeyChannel: f.Channel != "",
	}
}

// fromMart sums a mart's rows into req's groups.
func (e *env) fromMart(m martSpec, req aggReq) ([]aggRow, error) {
	d, q := e.q.Dialect(), e.q
	var sel, group []string
	for _, dm := range req.dims {
		cols := m.dims[dm]
		expr := q.Col(cols[0])
		if dm == dimMonth && m.grain == dialect.Day {
			expr = d.DateTrunc(dialect.Month, expr)
		}
		sel, group = append(sel, expr), append(group, expr)
		if cols[1] != "" {
			sel, group = append(sel, q.Col(cols[1])), append(group, q.Col(cols[1]))
		}
	}
	sum := func(col string) string {
		if col == "" {
			return "0"
		}
		return "COALESCE(SUM(" + q.Col(col) + "), 0)"
	}
	intSum := func(col string) string { return d.Cast(sum(col), dialect.Int()) }
	cust := "0"
	if req.measures&mCustomers != 0 {
		cust = intSum(m.customers)
		if m.customers == "*" {
			cust = d.Cast("COUNT(*)", dialect.Int())
		}
	}
	sel = append(sel, d.Cast(sum(m.revenue), dialect.Money()), intSum(m.orders), intSum(m.units), cust)
	var where []string
	var args []any
	date := d.TypeName(dialect.Date())
	if m.grain != "" {
		from := req.from
		if m.grain == dialect.Month {
			from = monthStart(from)
		}
		where = append(where, fmt.Sprintf("%s BETWEEN CAST(? AS %s) AND CAST(? AS %s)", q.Col(m.date), date, date))
		args = append(args, from.Format(time.DateOnly), req.to.Format(time.DateOnly))
	}
	for _, l := range req.f.valueLists() {
		where = append(where, q.Col(m.filters[l.key])+" IN ("+placeholders(len(l.vals))+")")
		args = append(args, l.vals...)
	}
	sqlText := "SELECT " + strings.Join(sel, ", ") + " FROM " + q.Ref(m.t)
	if len(where) > 0 {
		sqlText += " WHERE " + strings.Join(where, " AND ")
	}
	if len(group) > 0 {
		sqlText += " GROUP BY " + strings.Join(group, ", ")
	}
	if req.top > 0 {
		sqlText += fmt.Sprintf(" ORDER BY %d DESC, 1 LIMIT %d", len(sel)-3, req.top)
	}
	rows, err := e.tx.QueryContext(e.ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("dashboard: read %s: %w", m.t.Name, err)
	}
	defer rows.Close()
	var out []aggRow
	for rows.Next() {
		var r aggRow
		dest := make([]any, 0, len(sel))
		for _, dm := range req.dims {
			dest = append(dest, r.target(dm)...)
		}
		dest = append(dest, scan.Decimal(&r.Revenue), &r.Orders, &r.Units, &r.Customers)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("dashboard: read %s: %w", m.t.Name, err)
		}
		r.Month = r.Month.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}

// target returns the scan targets of dim dm (its key, and the name of an id).
func (r *aggRow) target(dm dim) []any {
	switch dm {
	case dimRegion:
		return []any{&r.Region}
	case dimMonth:
		return []any{&r.Month}
	case dimCategory:
		return []any{&r.Category}
	case dimSegment:
		return []any{&r.Segment}
	case dimIndustry:
		return []any{&r.Industry}
	}
	return []any{&r.ID, &r.Name}
}

// filterValues is one list field of a filter that is set: its key, the semantic
// model's field and the FCT_ORDERS column it restricts, and its values.
type filterValues struct {
	key, field, column string
	vals               []any
}

// valueLists returns f's list fields that are set, in a fixed order: every
// reader of FCT_ORDERS or a mart restricts by these (the channel aside).
func (f Filter) valueLists() []filterValues {
	var out []filterValues
	for _, l := range []filterValues{
		{KeyRegion, "region", "REGION", anys(f.Regions)}, {KeyCategory, "category", "CATEGORY", anys(f.Categories)},
		{KeySegment, "segment", "SEGMENT", anys(f.Segments)}, {KeyIndustry, "industry", "INDUSTRY", anys(f.Industries)},
		{KeyRep, "rep_id", "REP_ID", anys(f.Reps)}, {KeyProduct, "product_id", "PRODUCT_ID", anys(f.Products)},
		{KeyCustomer, "customer_id", "CUSTOMER_ID", anys(f.Customers)},
	} {
		if len(l.vals) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// placeholders returns n bound-parameter markers, "?, ?, …".
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func anys[T any](v []T) []any {
	out := make([]any, len(v))
	for i, x := range v {
		out[i] = x
	}
	return out
}

// baseRevenue is revenue by dm over the comparison period, by group key; nil
// when there is no comparison.
func (e *env) baseRevenue(m *Meta, f Filter, dims ...dim) (map[string]aggRow, error) {
	c := m.Comparison
	if c == nil || c.Missing {
		return nil, nil
	}
	rows, _, err := e.aggregate(aggReq{dims: dims, measures: mRevenue, f: f, from: c.From, to: c.To})
	if err != nil {
		return nil, err
	}
	return byKey(rows), nil
}
