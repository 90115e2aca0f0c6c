package marts

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// DailySales returns the DAILY_SALES rows p selects, by date and region.
func (q *Queries) DailySales(ctx context.Context, p DailySalesParams) ([]DailySales, error) {
	w := q.where()
	w.dates("SALES_DATE", p.Dates)
	w.in("REGION", p.Regions)
	return Collect(stream[DailySales](ctx, q, w, "SALES_DATE", "REGION"))
}

// SalesByRegion returns the SALES_BY_REGION rows p selects, by region and month.
func (q *Queries) SalesByRegion(ctx context.Context, p SalesByRegionParams) ([]SalesByRegion, error) {
	w := q.where()
	w.dates("MONTH", p.Months)
	w.in("REGION", p.Regions)
	return Collect(stream[SalesByRegion](ctx, q, w, "REGION", "MONTH"))
}

// SalesByProduct returns the SALES_BY_PRODUCT rows p selects, by product and month.
func (q *Queries) SalesByProduct(ctx context.Context, p SalesByProductParams) ([]SalesByProduct, error) {
	w := q.where()
	w.dates("MONTH", p.Months)
	w.in("CATEGORY", p.Categories)
	w.ints("PRODUCT_ID", p.ProductIDs)
	return Collect(stream[SalesByProduct](ctx, q, w, "PRODUCT_ID", "MONTH"))
}

// SalesByCustomer returns the SALES_BY_CUSTOMER rows p selects.
func (q *Queries) SalesByCustomer(ctx context.Context, p SalesByCustomerParams) ([]SalesByCustomer, error) {
	if p.Limit < 0 {
		return nil, fmt.Errorf("marts: SalesByCustomerParams.Limit is %d; it cannot be negative", p.Limit)
	}
	w := q.where()
	w.in("SEGMENT", p.Segments)
	w.in("INDUSTRY", p.Industries)
	w.ints("CUSTOMER_ID", p.CustomerIDs)
	if p.Limit > 0 {
		w.order = []string{q.Col("LIFETIME_REVENUE") + " DESC", q.Col("CUSTOMER_ID")}
		w.limit = p.Limit
		return Collect(stream[SalesByCustomer](ctx, q, w))
	}
	return Collect(stream[SalesByCustomer](ctx, q, w, "CUSTOMER_ID"))
}

// SalesByRep returns the SALES_BY_REP rows p selects, by rep and month.
func (q *Queries) SalesByRep(ctx context.Context, p SalesByRepParams) ([]SalesByRep, error) {
	w := q.where()
	w.dates("MONTH", p.Months)
	w.in("REGION", p.Regions)
	w.ints("REP_ID", p.RepIDs)
	return Collect(stream[SalesByRep](ctx, q, w, "REP_ID", "MONTH"))
}

// FctOrders streams the FCT_ORDERS rows p selects, by date and order id, one at a
// time: a caller reading millions of orders holds one in memory. Stopping the loop
// early closes the rows.
func (q *Queries) FctOrders(ctx context.Context, p FctOrdersParams) iter.Seq2[FctOrder, error] {
	w := q.where()
	w.dates("ORDER_DATE", p.Dates)
	w.in("REGION", p.Regions)
	w.in("CATEGORY", p.Categories)
	w.in("SEGMENT", p.Segments)
	w.in("INDUSTRY", p.Industries)
	w.in("CHANNEL", p.Channels)
	w.ints("REP_ID", p.RepIDs)
	w.ints("PRODUCT_ID", p.ProductIDs)
	w.ints("CUSTOMER_ID", p.CustomerIDs)
	return stream[FctOrder](ctx, q, w, "ORDER_DATE", "ORDER_ID")
}

// Collect reads a stream to the end, like pgx's CollectRows: every row, or the
// first error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for r, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// SelectSQL returns the SELECT of every column of t, in order, as the readers
// issue it (without WHERE).
func (q *Queries) SelectSQL(t warehouse.Table) string {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = q.Col(c.Name)
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM " + q.Ref(t)
}

// stream runs the SELECT of T's table with w and yields typed rows.
func stream[T any, P interface {
	*T
	row
}](ctx context.Context, q *Queries, w *conds, orderBy ...string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		t := P(&zero).table()
		sqlText := q.SelectSQL(t) + w.sql(orderBy)
		rows, err := q.db.QueryContext(ctx, sqlText, w.args...)
		if err != nil {
			yield(zero, fmt.Errorf("marts: read %s: %w", t.Name, err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r T
			if err := rows.Scan(P(&r).dest()...); err != nil {
				yield(zero, fmt.Errorf("marts: scan %s: %w", t.Name, err))
				return
			}
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(zero, fmt.Errorf("marts: read %s: %w", t.Name, err))
		}
	}
}

// where accumulates conditions with bound arguments.
type conds struct {
	q     *Queries
	list  []string
	args  []any
	order []string // quoted ORDER BY items; overrides the reader's default
	limit int
}

func (q *Queries) where() *conds { return &conds{q: q} }

func (w *conds) dates(col string, r DateRange) {
	date := w.q.d.TypeName(dialect.Date())
	if !r.From.IsZero() {
		w.list = append(w.list, fmt.Sprintf("%s >= CAST(? AS %s)", w.q.Col(col), date))
		w.args = append(w.args, r.From.Format("2006-01-02"))
	}
	if !r.To.IsZero() {
		w.list = append(w.list, fmt.Sprintf("%s <= CAST(? AS %s)", w.q.Col(col), date))
		w.args = append(w.args, r.To.Format("2006-01-02"))
	}
}

func (w *conds) in(col string, vals []string) { inList(w, col, vals) }

func (w *conds) ints(col string, vals []int64) { inList(w, col, vals) }

// inList adds col IN (?, …) with vals bound; nothing when vals is empty.
func inList[T any](w *conds, col string, vals []T) {
	if len(vals) == 0 {
		return
	}
	w.list = append(w.list, w.q.Col(col)+" IN ("+placeholders(len(vals))+")")
	for _, v := range vals {
		w.args = append(w.args, v)
	}
}

func (w *conds) sql(orderBy []string) string {
	var b strings.Builder
	if len(w.list) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(w.list, " AND "))
	}
	order := w.order
	if order == nil {
		for _, c := range orderBy {
			order = append(order, w.q.Col(c))
		}
	}
	if len(order) > 0 {
		b.WriteString(" ORDER BY ")
		b.WriteString(strings.Join(order, ", "))
	}
	if w.limit > 0 {
		fmt.Fprintf(&b, " LIMIT %d", w.limit)
	}
	return b.String()
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
