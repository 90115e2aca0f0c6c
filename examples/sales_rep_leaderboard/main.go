// Command sales_rep_leaderboard ranks the sales reps by revenue with their
// orders, customers, AOV and quota attainment and, for one rep (-rep by id
// or name), shows the rep's months against quota.
//
//	go run ./examples/sales_rep_leaderboard -from 2025-01-01 -region North -top 10
//	go run ./examples/sales_rep_leaderboard -period last-quarter -rep "Stephen Maldonado"
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
	p := term.New("sales_rep_leaderboard", "the reps ranked by revenue against quota, one rep's months")
	top := p.Flags.Int("top", 15, "reps listed (0 for all)")
	p.Run(func(ctx context.Context, s *term.Session) error {
		// The typed view: every figure exact (decimal.Decimal money).
		v, err := s.Dashboard.Reps(ctx, s.Filter, dashboard.RepsOptions{Compare: s.Compare})
		if err != nil {
			return err
		}
		// Its tables as JSON or CSV when asked (the top reps, as the page
		// lists them), else the page on the terminal.
		return s.Show(term.TopReps(v, *top), func() error { return s.Reps(v, *top) })
	})
}
