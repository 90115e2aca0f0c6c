// Command product_analysis prints category performance (revenue, units,
// share, growth), the top and bottom products and, for one product
// (-product ID), its monthly trend and rank within its category.
//
//	go run ./examples/product_analysis -from 2025-01-01 -top 5 -product 239
package main

import (
	"context"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
)

func main() {
	// The program's flags: the warehouse (-engine, -db, …), the filter (-period,
	// -from, -region, -rep by name or id, …), -compare, -json, -csv DIR and
	// -table, and this view's own.
	p := term.New("product_analysis", "category performance, top and bottom products, one product's months and rank")
	top := p.Flags.Int("top", 5, "products in the top and bottom lists")
	p.Run(func(ctx context.Context, s *term.Session) error {
		// The typed view: every figure exact (decimal.Decimal money).
		v, err := s.Dashboard.Product(ctx, s.Filter, dashboard.ProductOptions{Compare: s.Compare, TopN: *top})
		if err != nil {
			return err
		}
		// Its tables as JSON or CSV when asked, else the page on the terminal.
		return s.Show(v, func() error { return s.Product(v) })
	})
}
