// Command customer_insights prints the customer view: segments and industries
// (revenue, customers, revenue per customer, share, growth), the top customers with
// their lifetime figures, and new against returning customers per month.
//
//	go run ./examples/customer_insights -from 2025-01-01 -segment Enterprise -top 10
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
	p := term.New("customer_insights", "segments, industries, top customers, new against returning customers")
	top := p.Flags.Int("top", 10, "customers in the top list")
	p.Run(func(ctx context.Context, s *term.Session) error {
		// The typed view: every figure exact (decimal.Decimal money).
		v, err := s.Dashboard.Customers(ctx, s.Filter, dashboard.CustomersOptions{Compare: s.Compare, TopN: *top})
		if err != nil {
			return err
		}
		// Its tables as JSON or CSV when asked, else the page on the terminal.
		return s.Show(v, func() error { return s.Customers(v) })
	})
}
