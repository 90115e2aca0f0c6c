// Package termui renders the example programs' dashboards on a terminal: money,
// counts and percentages formatted from exact decimals, aligned tables, bar charts,
// sparklines, section headings and a progress line.
//
// Formatting returns strings and never rounds through a float:
//
//	termui.Money(d)          // "$1,234,567.89"   (half away from zero, to the cent)
//	termui.MoneyCompact(d)   // "$16.4M"
//	termui.Int(n)            // "100,000"
//	termui.Percent(share)    // "25.9%"           (share is a fraction: 0.2593)
//	termui.Growth(g)         // "+12.3%", "-4.0%", or "—" for a null comparison
//	termui.NullPercent(q)    // "104.2%", or "n/a" when it does not exist
//
// Rendering writes to an io.Writer under an [Options] value, so output is a pure
// function of its input: tests pass Options literally; programs ask [Detect],
// which turns colour on only for a terminal and never when NO_COLOR is set, and
// uses the terminal's width (or [DefaultWidth] for a pipe):
//
//	o := termui.Detect(os.Stdout, os.Getenv)
//	termui.Section(os.Stdout, o, "Revenue by region")
//	termui.RenderTable(os.Stdout, o, termui.Table{
//		Columns: []termui.Column{termui.TextColumn("Region"), termui.NumberColumn("Revenue"), termui.NumberColumn("Share")},
//		Rows:    [][]string{{"North", termui.Money(rev), termui.Percent(share)}},
//		Footer:  []string{"Total", termui.Money(total), termui.Percent(decimal.NewFromInt(1))},
//	})
//	termui.RenderBars(os.Stdout, o, termui.BarChart{Bars: []termui.Bar{{Label: "North", Value: rev, Text: termui.MoneyCompact(rev)}}})
//	termui.RenderSparklines(os.Stdout, o, termui.Sparklines{Lines: []termui.Spark{{Label: "North", Values: monthly, Text: "+3.2%"}}})
//
// Tables go through github.com/jedib0t/go-pretty/v6 in a style that reads as well
// in a pipe as on a terminal: no vertical rules, a rule under the header and over
// the footer, numbers right-aligned. Bars are drawn to an eighth of a cell
// (▏▎▍▌▋▊▉█) and sparklines in eight heights (▁▂▃▄▅▆▇█). Every cell, label and
// title is [Clean]ed of control characters, so data cannot drive the terminal.
//
// [Progress] prints "\r" status lines while a warehouse builds, on a terminal only:
// into a pipe or a file it writes nothing.
//
//	p := termui.NewProgress(os.Stderr, termui.Detect(os.Stderr, os.Getenv))
//	p.Printf("loading %s: %s of %s rows", table, termui.Int(done), termui.Int(total))
//	p.Clear()
package termui
