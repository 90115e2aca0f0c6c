package datagen

import (
	"sort"
)

// Figures are headline totals of a generated data set, computed in Go from the
// generator's rows alone (no SQL), over valid orders only. They are the independent
// side of every reconciliation: the marts must agree with them to the cent.
type Figures struct {
	Orders        int64 // valid orders
	Revenue       Cents // sum of net amounts
	Gross         Cents // sum of quantity × unit price
	Units         int64
	ByRegion      map[string]Cents
	ByMonth       map[string]Cents // "2006-01"
	OrdersByMonth map[string]int64
	ByProduct     map[int64]Cents
	TopProduct    ProductRevenue
}

// ProductRevenue is one product's revenue.
type ProductRevenue struct {
	ID       int64
	Name     string
	Category string
	Revenue  Cents
}

// Figures walks every order of g once and totals the valid ones.
func (g *Generator) Figures() Figures {
	f := Figures{
		ByRegion:      make(map[string]Cents),
		ByMonth:       make(map[string]Cents),
		OrdersByMonth: make(map[string]int64),
		ByProduct:     make(map[int64]Cents),
	}
	for i := range g.orders {
		o := g.Order(i)
		if o.Defect != RuleNone {
			continue
		}
		net := o.NetAmount()
		month := o.OrderDate.Format("2006-01")
		f.Orders++
		f.Revenue += net
		f.Gross += GrossAmount(o.Quantity, o.UnitPrice)
		f.Units += o.Quantity
		f.ByRegion[g.reps[o.RepID-1].Region] += net
		f.ByMonth[month] += net
		f.OrdersByMonth[month]++
		f.ByProduct[o.ProductID] += net
	}
	if top := f.TopProducts(g, 1); len(top) == 1 {
		f.TopProduct = top[0]
	}
	return f
}

// TopProducts returns the n products with the most revenue, highest first (ties by
// id).
func (f Figures) TopProducts(g *Generator, n int) []ProductRevenue {
	out := make([]ProductRevenue, 0, len(f.ByProduct))
	for id, rev := range f.ByProduct {
		p := g.products[id-1]
		out = append(out, ProductRevenue{ID: id, Name: p.Name, Category: p.Category, Revenue: rev})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Revenue != out[j].Revenue {
			return out[i].Revenue > out[j].Revenue
		}
		return out[i].ID < out[j].ID
	})
	return out[:min(n, len(out))]
}
