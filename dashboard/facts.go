package dashboard

import (
	"fmt"

	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// The semantic model's fields each dim and measure read.
var (
	dimFields = map[dim][]string{
		dimRegion: {"region"}, dimCategory: {"category"}, dimSegment: {"segment"}, dimIndustry: {"industry"},
		// ids only: grouping by a name as well doubles the cost of a distinct
		// count; names come from the catalog (reps, products) or the customer's
		// lifetime row.
		dimProduct: {"product_id"}, dimRep: {"rep_id"}, dimCustomer: {"customer_id"},
	}
	measureFields = []struct {
		m     measure
		field string
	}{{mRevenue, "total_revenue"}, {mOrders, "order_count"}, {mUnits, "units_sold"}, {mCustomers, "distinct_customers"}}
)

// request turns req into a semantic request over FCT_ORDERS.
func (req aggReq) request() query.Request {
	r := query.Request{Dates: &query.DateFilter{Dimension: "order_date", Range: query.Dates(req.from, req.to)}}
	for _, dm := range req.dims {
		if dm == dimMonth {
			r.Time = &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}
			continue
		}
		r.Dimensions = append(r.Dimensions, dimFields[dm]...)
	}
	for _, mf := range measureFields {
		if req.measures&mf.m != 0 {
			r.Metrics = append(r.Metrics, mf.field)
		}
	}
	f := req.f
	var where []query.Filter
	for _, l := range f.valueLists() {
		where = append(where, query.In(l.field, l.vals...))
	}
	if f.Channel != "" {
		where = append(where, query.Eq("channel", f.Channel))
	}
	if len(where) > 0 {
		r.Where = query.And(where...)
	}
	if req.top > 0 {
		r.OrderBy = []query.Order{query.Desc("total_revenue")}
		for _, dm := range req.dims {
			if dm.isID() {
				r.OrderBy = append(r.OrderBy, query.Asc(dimFields[dm][0]))
			}
		}
		r.Limit = req.top
	}
	return r
}

// fromFacts computes req from FCT_ORDERS through the semantic layer.
func (e *env) fromFacts(req aggReq) ([]aggRow, error) {
	q, err := e.d.comp.Compile(req.request())
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	res, err := q.Run(e.ctx, e.tx)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	out := make([]aggRow, len(res.Rows))
	for i, row := range res.Rows {
		r := &out[i]
		for j, c := range res.Columns {
			v := row[j]
			switch c.Field {
			case "orders.order_date":
				r.Month, _ = v.(time.Time)
			case "orders.region":
				r.Region = str(v)
			case "orders.category":
				r.Category = str(v)
			case "orders.segment":
				r.Segment = str(v)
			case "orders.industry":
				r.Industry = str(v)
			case "orders.product_id":
				r.ID, _ = v.(int64)
				r.Name = e.cat.Products[r.ID].Name
			case "orders.rep_id":
				r.ID, _ = v.(int64)
				r.Name = e.cat.Reps[r.ID].Name
			case "orders.customer_id":
				r.ID, _ = v.(int64)
			case "orders.total_revenue":
				if d, ok := v.(decimal.Decimal); ok {
					r.Revenue = d
				}
			case "orders.order_count":
				r.Orders, _ = v.(int64)
			case "orders.units_sold":
				r.Units, _ = v.(int64)
			case "orders.distinct_customers":
				r.Customers, _ = v.(int64)
			default:
				return nil, fmt.Errorf("dashboard: unexpected result column %s (%s)", c.Name, c.Field)
			}
		}
	}
	return out, nil
}

func str(v any) string { s, _ := v.(string); return s }
