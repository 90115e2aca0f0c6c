package pipeline

import (
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// RawSources returns the row source of each RAW table for generator g, keyed by
// table name. Each fills values in the order of the table's columns in package
// warehouse.
func RawSources(g *datagen.Generator) map[string]engine.RowSource {
	return map[string]engine.RowSource{
		warehouse.RawCustomers().Name: {Rows: g.NumCustomers(), Fill: func(i int64, dst []any) {
			c := g.Customer(i)
			dst[0], dst[1], dst[2], dst[3] = c.ID, c.Name, c.Email, c.Segment
			dst[4], dst[5], dst[6], dst[7] = c.Industry, c.City, c.State, c.CreatedAt
		}},
		warehouse.RawProducts().Name: {Rows: int64(len(g.Products())), Fill: func(i int64, dst []any) {
			p := g.Products()[i]
			dst[0], dst[1], dst[2], dst[3], dst[4] = p.ID, p.Name, p.Category, int64(p.UnitPrice), int64(p.UnitCost)
		}},
		warehouse.RawSalesReps().Name: {Rows: int64(len(g.Reps())), Fill: func(i int64, dst []any) {
			r := g.Reps()[i]
			dst[0], dst[1], dst[2], dst[3], dst[4], dst[5] = r.ID, r.Name, r.Email, r.Region, r.HireDate, int64(r.AnnualQuota)
		}},
		warehouse.RawOrders().Name: {Rows: g.NumOrders(), Fill: func(i int64, dst []any) { fillOrder(g.Order(i), dst) }},
	}
}

// OrderSource returns a row source over the given orders, for appending them.
func OrderSource(orders []datagen.Order) engine.RowSource {
	return engine.RowSource{Rows: int64(len(orders)), Fill: func(i int64, dst []any) { fillOrder(orders[i], dst) }}
}

func fillOrder(o datagen.Order, dst []any) {
	var cust any
	if o.HasCustomer {
		cust = o.CustomerID
	}
	dst[0], dst[1], dst[2], dst[3] = o.ID, cust, o.ProductID, o.RepID
	dst[4], dst[5], dst[6], dst[7] = o.OrderDate, o.Quantity, int64(o.UnitPrice), int64(o.Discount)
	dst[8], dst[9], dst[10] = o.Status, o.Channel, o.LoadedAt
}
