// Command executive_dashboard prints the executive view of the sales
// warehouse: the KPIs against a comparison period, month/quarter/year to date,
// the monthly revenue trend and revenue by region.
//
//	go run ./examples/executive_dashboard -from 2025-01-01 -to 2025-12-31 -compare year
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
	p := term.New("executive_dashboard", "KPIs, to-date figures, the revenue trend and revenue by region")
	p.Run(func(ctx context.Context, s *term.Session) error {
		// The typed view: every figure exact (decimal.Decimal money).
		v, err := s.Dashboard.Executive(ctx, s.Filter, dashboard.ExecutiveOptions{Compare: s.Compare})
		if err != nil {
			return err
		}
		// Its tables as JSON or CSV when asked, else the page on the terminal.
		return s.Show(v, func() error { return s.Executive(v) })
	})
}
