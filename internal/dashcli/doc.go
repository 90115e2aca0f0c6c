// Package dashcli is what the dashboard programs (examples/executive_dashboard,
// regional_analysis, …) share: the flags (the warehouse, the dashboard filter,
// -compare, -json, -csv, -table), opening the warehouse, one-line errors with
// exit code 2 for usage, the page header, exports, the empty state and the
// drill-down hint. A program declares its own flags and renders its view:
//
//	p := dashcli.New("regional_analysis", "regions compared")
//	top := p.Flags.Int("top", 5, "reps and categories listed for a region")
//	p.Run(func(ctx context.Context, s *dashcli.Session) error {
//		v, err := s.Dashboard.Regional(ctx, s.Filter, dashboard.RegionalOptions{Compare: s.Compare, TopN: *top})
//		if err != nil {
//			return err
//		}
//		return s.Show(v, v.Meta, len(v.Regions) == 0, func() error { … })
//	})
package dashcli
