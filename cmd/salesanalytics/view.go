package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
)

// runView prints one dashboard view's tables.
func runView(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	var ff dashboard.FilterFlags
	ff.Bind(c.fs)
	cmp := dashboard.ComparePrevious
	c.fs.Func("compare", "compare with the previous period, a year earlier or nothing: previous|year|none (default previous)", func(s string) error {
		var err error
		cmp, err = dashboard.ParseCompare(s)
		return err
	})
	var e term.Export
	e.Register(c.fs)
	args, err := c.parse(args, 2)
	if err != nil {
		return err
	}
	if err := e.Check(); err != nil { // before the stray argument -csv -table NAME leaves
		return err
	}
	if len(args) > 1 {
		return usagef("unexpected argument %q (salesanalytics %s -h)", args[1], c.cmd.name)
	}
	if err := ff.Check(); err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("name a view: %s", strings.Join(service.Views(), ", "))
	}
	svc, wh, err := w.service(ctx, c, true)
	if err != nil {
		return err
	}
	defer wh.Close()
	f, err := ff.Resolve(ctx, svc.Dashboard(), wh.Now())
	if err != nil {
		return err
	}
	v, err := svc.View(ctx, args[0], f, cmp)
	if err != nil {
		return err
	}
	if e.Active() {
		return e.Write(c.out, term.ViewName(v.Value), f, v.Tables)
	}
	if e.Table == "" {
		return term.NewPage(c.out, viewCommand).View(v.Value)
	}
	ts, err := oneTable(v, e.Table)
	if err != nil {
		return err
	}
	m := v.Meta
	fmt.Fprintf(c.out, "%s view · %s – %s · data as of %s\n\n", m.View, m.Period.From.Format(time.DateOnly), m.Period.To.Format(time.DateOnly), m.AsOf.UTC().Format("2006-01-02 15:04 MST"))
	return tables(c.out, ts)
}

// oneTable returns the view's table named name, as a list of one.
func oneTable(v *service.View, name string) ([]dashboard.Table, error) {
	var names []string
	for _, t := range v.Tables {
		if t.Name == name {
			return []dashboard.Table{t}, nil
		}
		names = append(names, t.Name)
	}
	return nil, usagef("view %s has no table %q (valid: %s)", v.Meta.View, name, strings.Join(names, ", "))
}

// viewCommand is the command line that shows a view, for the drill-down hints.
func viewCommand(view string) string { return "salesanalytics view " + view }
