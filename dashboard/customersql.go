package dashboard

import (
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// newVsReturning counts, per month of p, the customers who ordered within f and
// how many of them placed their first order ever that month. The semantic model
// cannot say "a customer's first order", so this reads FCT_ORDERS joined with
// SALES_BY_CUSTOMER (which holds each customer's first order date) directly, with
// bound values.
func (e *env) newVsReturning(f Filter, p Period) ([]CustomerMonth, error) {
	d, q := e.q.Dialect(), e.q
	fc := func(c string) string { return "f." + q.Col(c) }
	date := d.TypeName(dialect.Date())
	where := []string{fmt.Sprintf("%s BETWEEN CAST(? AS %s) AND CAST(? AS %s)", fc("ORDER_DATE"), date, date)}
	args := []any{p.From.Format(time.DateOnly), p.To.Format(time.DateOnly)}
	for _, l := range []struct {
		col  string
		vals []any
	}{
		{"REGION", anys(f.Regions)}, {"CATEGORY", anys(f.Categories)}, {"SEGMENT", anys(f.Segments)},
		{"INDUSTRY", anys(f.Industries)}, {"REP_ID", anys(f.Reps)}, {"PRODUCT_ID", anys(f.Products)},
		{"CUSTOMER_ID", anys(f.Customers)},
	} {
		if len(l.vals) > 0 {
			where = append(where, fc(l.col)+" IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(l.vals)), ", ")+")")
			args = append(args, l.vals...)
		}
	}
	if f.Channel != "" {
		where = append(where, fc("CHANNEL")+" = ?")
		args = append(args, f.Channel)
	}
	// The distinct (month, customer) pairs first, then one join with each
	// customer's first order: cheaper than counting distinct over the join.
	first := d.DateTrunc(dialect.Month, "c."+q.Col("FIRST_ORDER_DATE"))
	sqlText := fmt.Sprintf(`SELECT a.m, %s, %s FROM (SELECT DISTINCT %s AS m, %s AS cid FROM %s f WHERE %s) a JOIN %s c ON c.%s = a.cid GROUP BY a.m ORDER BY 1`,
		d.Cast("COUNT(*)", dialect.Int()),
		d.Cast(fmt.Sprintf("COUNT(CASE WHEN %s = a.m THEN 1 END)", first), dialect.Int()),
		fc("ORDER_MONTH"), fc("CUSTOMER_ID"), q.Ref(warehouse.FctOrders()), strings.Join(where, " AND "),
		q.Ref(warehouse.SalesByCustomer()), q.Col("CUSTOMER_ID"))
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
