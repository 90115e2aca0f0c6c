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
	var f dashboard.Filter
	f.Bind(c.fs)
	cmp := dashboard.ComparePrevious
	c.fs.Func("compare", "compare with the previous period, a year earlier or nothing: previous|year|none (default previous)", func(s string) error {
		var err error
		cmp, err = dashboard.ParseCompare(s)
		return err
	})
	table := c.fs.String("table", "", "print only this table of the view")
	var o output
	o.register(c.fs)
	args, err := c.parse(args, 1)
	if err != nil {
		return err
	}
	if err := o.check(); err != nil {
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
	v, err := svc.View(ctx, args[0], f, cmp)
	if err != nil {
		return err
	}
	ts := v.Tables
	if *table != "" {
		ts = nil
		var names []string
		for _, t := range v.Tables {
			names = append(names, t.Name)
			if t.Name == *table {
				ts = append(ts, t)
			}
		}
		if ts == nil {
			return usagef("view %s has no table %q (valid: %s)", args[0], *table, strings.Join(names, ", "))
		}
	}
	if !o.json && !o.csv {
		if *table == "" {
			return term.NewPage(c.out, viewCommand).View(v.Value)
		}
		m := v.Meta
		fmt.Fprintf(c.out, "%s view · %s – %s · data as of %s\n\n", m.View, m.Period.From.Format(time.DateOnly), m.Period.To.Format(time.DateOnly), m.AsOf.UTC().Format("2006-01-02 15:04 MST"))
	}
	return o.tables(c.out, ts)
}

// viewCommand is the command line that shows a view, for the drill-down hints.
func viewCommand(view string) string { return "salesanalytics view " + view }
