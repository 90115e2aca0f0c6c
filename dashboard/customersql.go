package dashboard

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The customer view asks two questions the semantic model cannot put as one
// request: distinct customers by segment and industry, which is cheapest as an
// aggregate of per-customer groups, and "a customer's first order ever". Both
// read FCT_ORDERS directly here, with identifiers from the warehouse definitions
// and every value bound.

// factsWhere returns the condition on FCT_ORDERS (alias f) that selects the rows
// of f in p, and its arguments.
func (e *env) factsWhere(f Filter, p Period) (string, []any) {
	d, q := e.q.Dialect(), e.q
	fc := func(c string) string { return "f." + q.Col(c) }
	date := d.TypeName(dialect.Date())
	where := []string{fmt.Sprintf("%s BETWEEN CAST(? AS %s) AND CAST(? AS %s)", fc("ORDER_DATE"), date, date)}
	args := []any{p.From.Format(time.DateOnly), p.To.Format(time.DateOnly)}
	for _, l := range f.valueLists() {
		where = append(where, fc(l.column)+" IN ("+placeholders(len(l.vals))+")")
		args = append(args, l.vals...)
	}
	if f.Channel != "" {
		where = append(where, fc("CHANNEL")+" = ?")
		args = append(args, f.Channel)
	}
	return strings.Join(where, " AND "), args
}

// customerPeriod reads, in one statement, revenue and distinct customers by
// segment and industry over the rows of f in p, the top n customers by revenue
// with their orders, and, when cmp is not nil, revenue by segment and industry
// over the rows of f in cmp (base; nil without cmp); life holds the top
// customers' SALES_BY_CUSTOMER rows. It groups the period's
// orders by customer once: segment and industry describe the customer
// (SALES_BY_CUSTOMER holds them), so a pair's distinct customers are its
// customer groups, and the top n are the largest groups.
func (e *env) customerPeriod(f Filter, p Period, cmp *Period, n int) (pairs, top, base []aggRow, life map[int64]marts.SalesByCustomer, err error) {
	d, q := e.q.Dialect(), e.q
	where, args := e.factsWhere(f, p)
	money, integer := func(x string) string { return d.Cast(x, dialect.Money()) }, func(x string) string { return d.Cast(x, dialect.Int()) }
	nulls := strings.Join([]string{d.Cast("NULL", dialect.Text()), d.Cast("NULL", dialect.Money()), d.Cast("NULL", dialect.Int()),
		d.Cast("NULL", dialect.Date()), d.Cast("NULL", dialect.Date()), d.Cast("NULL", dialect.Money())}, ", ")
	sb := func(c string) string { return "s." + q.Col(c) }
	sqlText := fmt.Sprintf(`WITH c AS (SELECT f.%[1]s AS cid, SUM(f.%[2]s) AS r, COUNT(*) AS n FROM %[3]s f WHERE %[4]s GROUP BY f.%[1]s)
SELECT 0 AS k, s.%[5]s AS seg, s.%[6]s AS ind, %[7]s AS cid, %[8]s AS r, %[9]s AS n, %[10]s AS cust, %[16]s FROM c JOIN %[11]s s ON s.%[1]s = c.cid GROUP BY s.%[5]s, s.%[6]s
UNION ALL
SELECT 1, s.%[5]s, s.%[6]s, t.cid, t.r, t.n, %[14]s, %[17]s FROM (SELECT c.cid, %[12]s AS r, %[13]s AS n FROM c ORDER BY c.r DESC, c.cid LIMIT %[15]d) t JOIN %[11]s s ON s.%[1]s = t.cid`,
		q.Col("CUSTOMER_ID"), q.Col("NET_AMOUNT"), q.Ref(warehouse.FctOrders()), where,
		q.Col("SEGMENT"), q.Col("INDUSTRY"), integer("0"), money("SUM(c.r)"), integer("SUM(c.n)"), integer("COUNT(*)"),
		q.Ref(warehouse.SalesByCustomer()), money("c.r"), integer("c.n"), integer("1"), n, nulls,
		strings.Join([]string{sb("CUSTOMER_NAME"), sb("LIFETIME_REVENUE"), sb("ORDERS"), sb("FIRST_ORDER_DATE"), sb("LAST_ORDER_DATE"), sb("AOV")}, ", "))
	if cmp != nil {
		// The comparison period's revenue by the same pairs, in the same statement.
		cw, cargs := e.factsWhere(f, *cmp)
		sqlText += fmt.Sprintf(`
UNION ALL
SELECT 2, f.%[1]s, f.%[2]s, %[3]s, %[4]s, %[3]s, %[3]s, %[7]s FROM %[5]s f WHERE %[6]s GROUP BY f.%[1]s, f.%[2]s`,
			q.Col("SEGMENT"), q.Col("INDUSTRY"), integer("0"), money("SUM(f."+q.Col("NET_AMOUNT")+")"), q.Ref(warehouse.FctOrders()), cw, nulls)
		args = append(args, cargs...)
		base = []aggRow{}
	}
	rows, err := e.tx.QueryContext(e.ctx, sqlText, args...)
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("dashboard: customers in the period: %w", err)
	}
	defer rows.Close()
	life = map[int64]marts.SalesByCustomer{}
	for rows.Next() {
		var k int
		var r aggRow
		var name sql.NullString
		var lrev, aov decimal.NullDecimal
		var lorders sql.NullInt64
		var first, last sql.NullTime
		if err := rows.Scan(&k, &r.Segment, &r.Industry, &r.ID, scan.Decimal(&r.Revenue), &r.Orders, &r.Customers,
			&name, scan.NullDecimal(&lrev), &lorders, &first, &last, scan.NullDecimal(&aov)); err != nil {
			return nil, nil, nil, nil, fmt.Errorf("dashboard: customers in the period: %w", err)
		}
		switch k {
		case 0:
			r.Orders = 0 // the view counts a pair's customers, not its orders
			pairs = append(pairs, r)
		case 1:
			life[r.ID] = marts.SalesByCustomer{CustomerID: r.ID, CustomerName: name.String, Segment: r.Segment, Industry: r.Industry,
				LifetimeRevenue: lrev.Decimal, Orders: lorders.Int64, FirstOrderDate: day(first.Time.UTC()), LastOrderDate: day(last.Time.UTC()), AOV: aov}
			r.Segment, r.Industry, r.Customers = "", "", 0
			top = append(top, r)
		default:
			base = append(base, aggRow{Segment: r.Segment, Industry: r.Industry, Revenue: r.Revenue})
		}
	}
	return pairs, top, base, life, rows.Err()
}

// newVsReturning counts, per month of p, the customers who ordered within f and
// how many of them placed their first order ever that month (SALES_BY_CUSTOMER
// holds each customer's first order date).
func (e *env) newVsReturning(f Filter, p Period) ([]CustomerMonth, error) {
	d, q := e.q.Dialect(), e.q
	where, args := e.factsWhere(f, p)
	// Active customers per month, and the new ones among them: only customers
	// whose first order falls in p can be new, few next to the active ones, so
	// their orders are found by a join against that short list.
	date := d.TypeName(dialect.Date())
	fm := d.DateTrunc(dialect.Month, "c."+q.Col("FIRST_ORDER_DATE"))
	sqlText := fmt.Sprintf(`SELECT a.m, a.active, COALESCE(nw.n, 0) FROM (SELECT f.%[1]s AS m, %[2]s AS active FROM %[3]s f WHERE %[4]s GROUP BY f.%[1]s) a
LEFT JOIN (SELECT f.%[1]s AS m, %[2]s AS n FROM %[3]s f JOIN (SELECT c.%[5]s AS cid, %[6]s AS fm FROM %[7]s c WHERE c.%[8]s BETWEEN CAST(? AS %[9]s) AND CAST(? AS %[9]s)) s ON s.cid = f.%[5]s AND s.fm = f.%[1]s WHERE %[4]s GROUP BY f.%[1]s) nw ON nw.m = a.m
ORDER BY 1`,
		q.Col("ORDER_MONTH"), d.Cast("COUNT(DISTINCT f."+q.Col("CUSTOMER_ID")+")", dialect.Int()), q.Ref(warehouse.FctOrders()), where,
		q.Col("CUSTOMER_ID"), fm, q.Ref(warehouse.SalesByCustomer()), q.Col("FIRST_ORDER_DATE"), date)
	args = append(append(append([]any{}, args...), monthStart(p.From).Format(time.DateOnly), p.To.Format(time.DateOnly)), args...)
	rows, err := e.tx.QueryContext(e.ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("dashboard: new and returning customers: %w", err)
	}
	defer rows.Close()
	var out []CustomerMonth
	b := e.cat.bounds()
	for rows.Next() {
		var c CustomerMonth
		if err := rows.Scan(&c.Month, &c.Active, &c.New); err != nil {
			return nil, fmt.Errorf("dashboard: new and returning customers: %w", err)
		}
		c.Month = day(c.Month.UTC())
		c.Returning = c.Active - c.New
		from, to := clip(c.Month, p)
		c.Partial = b.period(from, to, false).Partial || !from.Equal(c.Month) || !to.Equal(monthEnd(c.Month))
		c.Drill = f.WithRange(from, to)
		out = append(out, c)
	}
	return out, rows.Err()
}
