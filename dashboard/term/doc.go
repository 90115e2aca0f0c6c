// Package term shows the dashboard's views at a terminal: a [Page] writes each
// view (executive, regional, product, reps, customers) as a header, aligned
// tables, bar charts and sparklines, as wide as the terminal (a pipe or a file
// gets 80 columns and no colour); a [Program] is a whole command-line view
// program — the warehouse flags of package connect, the dashboard filter's
// flags as a person types them ([dashboard.FilterFlags]: -period last-quarter,
// -rep "Stephen Maldonado", -region west), -compare, the exports of [Export]
// (-json, -csv DIR: a file per table, -csv - -table NAME), errors in one line
// (the matches of an ambiguous name a line each) and exit status 2 for a usage
// error.
//
// A program declares its own flags, asks the dashboard for its typed view and
// shows it; the example programs (examples/regional_analysis, …) are each this
// much:
//
//	p := term.New("regional_analysis", "regions compared")
//	top := p.Flags.Int("top", 5, "reps and categories listed for a region")
//	p.Run(func(ctx context.Context, s *term.Session) error {
//		v, err := s.Dashboard.Regional(ctx, s.Filter, dashboard.RegionalOptions{Compare: s.Compare, TopN: *top})
//		if err != nil {
//			return err
//		}
//		return s.Show(v, func() error { return s.Regional(v) }) // or its tables, with -json or -csv
//	})
//
// A program with its own command line writes a view it got from package
// dashboard to a page of its own:
//
//	v, err := d.Reps(ctx, filter, dashboard.RepsOptions{})
//	…
//	err = term.NewPage(os.Stdout, nil).Reps(v, 10)
//
// Every cell, label and title is cleaned of control characters, so data
// cannot drive the terminal; money is formatted from exact decimals, never
// through a float.
package term
