// Command regional_analysis compares the sales regions — revenue, share,
// growth, orders, customers, AOV — shows each region's monthly trend and, for
// one region (-region North), its top reps and categories.
//
//	go run ./examples/regional_analysis -from 2025-01-01 -region West -top 5
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
	p := term.New("regional_analysis", "regions compared, their monthly trends, one region's top reps and categories")
	top := p.Flags.Int("top", 5, "reps and categories listed for one region")
	p.Run(func(ctx context.Context, s *term.Session) error {
		// The typed view: every figure exact (decimal.Decimal money).
		v, err := s.Dashboard.Regional(ctx, s.Filter, dashboard.RegionalOptions{Compare: s.Compare, TopN: *top})
		if err != nil {
			return err
		}
		// Its tables as JSON or CSV when asked, else the page on the terminal.
		return s.Show(v, func() error { return s.Regional(v) })
	})
}
