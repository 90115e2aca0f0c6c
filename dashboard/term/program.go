package term

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard"
)

// Exit codes: 1 for a failure, 2 for a usage error (a bad flag or filter).
const (
	ExitFailure = 1
	ExitUsage   = 2
)

// ErrUsage marks an error in how the program was called; Run exits 2 for it.
var ErrUsage = errors.New("usage")

// Program is one dashboard program: its name, its flags and how it runs.
type Program struct {
	Name  string
	About string
	// Flags holds every flag; add the view's own before Run.
	Flags *flag.FlagSet

	warehouse connect.Flags
	filter    dashboard.FilterFlags
	compare   dashboard.Compare
	export    Export
}

// New returns a program with the shared flags registered: -engine, -db,
// -connection, -scale, the filter's (-period, -from, -to, -region, -rep, …;
// reps, products and customers by id or name), -compare, -json, -csv and
// -table.
func New(name, about string) *Program {
	p := &Program{Name: name, About: about, Flags: flag.NewFlagSet(name, flag.ContinueOnError), compare: dashboard.ComparePrevious}
	p.warehouse.Register(p.Flags)
	p.filter.Bind(p.Flags)
	p.Flags.Func("compare", "compare with the previous period, the same dates a year earlier, or nothing: previous|year|none (default previous)", func(s string) error {
		c, err := dashboard.ParseCompare(s)
		p.compare = c
		return err
	})
	p.export.Register(p.Flags)
	return p
}

// Session is one run: the open dashboard, the parsed filter and comparison,
// and the [Page] the view is written to.
type Session struct {
	Dashboard *dashboard.Dashboard
	Filter    dashboard.Filter
	Compare   dashboard.Compare
	*Page

	p *Program
}

// Run parses the command line, opens the warehouse, calls view and exits:
// 0 on success, 2 for a usage error, 1 otherwise, with one line on stderr.
func (p *Program) Run(view func(ctx context.Context, s *Session) error) {
	os.Exit(p.run(os.Args[1:], os.Stdout, os.Stderr, view))
}

func (p *Program) run(args []string, out, errw io.Writer, view func(context.Context, *Session) error) int {
	p.Flags.SetOutput(io.Discard)
	if err := p.Flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			p.Flags.SetOutput(errw)
			Hang(errw, "", p.Name+": "+p.About)
			fmt.Fprintf(errw, "\nUsage of %s:\n", p.Name)
			PrintFlags(errw, p.Flags)
			return 0
		}
		fmt.Fprintf(errw, "%s: %s (-h lists the flags)\n", p.Name, Message(err))
		return ExitUsage
	}
	if err := p.export.Check(); err != nil { // before the stray argument -csv -table NAME leaves
		fmt.Fprintf(errw, "%s: %s\n", p.Name, Message(err))
		return ExitUsage
	}
	if p.Flags.NArg() > 0 {
		fmt.Fprintf(errw, "%s: unexpected argument %q (flags only; -h lists them)\n", p.Name, p.Flags.Arg(0))
		return ExitUsage
	}
	err := p.open(args, out, errw, view)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, dashboard.ErrInvalidFilter) || errors.Is(err, ErrUsage):
		fmt.Fprintf(errw, "%s: %s\n", p.Name, Message(err))
		return ExitUsage
	default:
		fmt.Fprintf(errw, "%s: %s\n", p.Name, Message(err))
		return ExitFailure
	}
}

func (p *Program) open(args []string, out, errw io.Writer, view func(context.Context, *Session) error) error {
	if f := p.Flags.Lookup("top"); f != nil && strings.HasPrefix(f.Value.String(), "-") {
		return fmt.Errorf("%w: -top %s: give a count of 0 or more", ErrUsage, f.Value.String())
	}
	if err := p.filter.Check(); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	wh, err := p.warehouse.Open(ctx, errw)
	if err != nil {
		return err
	}
	defer wh.Close()
	d, err := dashboard.New(wh.Engine().DB(), wh.Engine().Dialect(), dashboard.Options{Names: wh.Names()})
	if err != nil {
		return err
	}
	f, err := p.filter.Resolve(ctx, d, wh.Now())
	if err != nil {
		return err
	}
	return view(ctx, &Session{Dashboard: d, Filter: f, Compare: p.compare, Page: NewPage(out, ExampleCommand), p: p})
}
