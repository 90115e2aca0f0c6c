package main

import (
	"context"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/connect"
)

// runSetup builds the warehouse, or brings it up to date.
func runSetup(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	asJSON := c.fs.Bool("json", false, "print what the set-up did as JSON")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	if !(w.Scale > 0 && w.Scale <= 100) { // -scale 0 would quietly build the default
		return usagef("-scale %g: give a scale above 0, at most 100 (1 is 100,000 orders)", w.Scale)
	}
	wh, res, err := w.openWritable(ctx, c)
	if err != nil {
		return err
	}
	defer wh.Close()
	if res == nil { // not built just now (a build reports its own set-up)
		if res, err = wh.Setup(ctx, w.options()); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	for _, l := range res.Loads {
		state := "loaded"
		if l.Skipped {
			state = "current"
		}
		fmt.Fprintf(c.out, "RAW.%-12s %9d rows  %s\n", l.Table, l.Rows, state)
	}
	fmt.Fprintf(c.out, "marts: %s (%s)\n", res.Marts.Kind, res.Marts.Reason)
	return nil
}

// runRefresh refreshes the marts.
func runRefresh(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	asJSON := c.fs.Bool("json", false, "print the refresh as JSON")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	if !(w.Scale > 0 && w.Scale <= 100) { // -scale 0 would quietly build the default
		return usagef("-scale %g: give a scale above 0, at most 100 (1 is 100,000 orders)", w.Scale)
	}
	wh, _, err := w.openWritable(ctx, c)
	if err != nil {
		return err
	}
	defer wh.Close()
	res, err := wh.Refresh(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	fmt.Fprintf(c.out, "marts: %s (%s), %d new orders\n", res.Kind, res.Reason, res.NewOrders)
	return nil
}

// runStatus prints each mart's freshness.
func runStatus(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	asJSON := c.fs.Bool("json", false, "print the marts' status as JSON")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	wh, err := w.open(ctx, c)
	if err != nil {
		return err
	}
	defer wh.Close()
	st, err := wh.Status(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		type row struct {
			Name        string    `json:"name"`
			State       string    `json:"state"`
			TargetLag   string    `json:"target_lag"`
			Lag         string    `json:"lag"`
			LastRefresh time.Time `json:"last_refresh"`
			Pending     int64     `json:"pending"`
			WithinLag   bool      `json:"within_lag"`
		}
		rows := []row{}
		for _, s := range st {
			rows = append(rows, row{s.Name, s.State, s.TargetLag.String(), s.Lag.Round(time.Second).String(), s.LastRefresh.UTC(), s.Pending, s.WithinLag()})
		}
		return writeJSON(c.out, rows)
	}
	for _, s := range st {
		// One line a mart, within 80 columns: -json has every field.
		fmt.Fprintf(c.out, "%-18s %-7s lag %s/%s  %s  %d pending\n", s.Name, s.State, s.Lag.Round(time.Second), s.TargetLag,
			s.LastRefresh.UTC().Format("2006-01-02 15:04 MST"), s.Pending)
	}
	return nil
}

// runValidate runs the checkpoints; a failed check is exit status 1.
func runValidate(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	asJSON := c.fs.Bool("json", false, "print the checks as JSON")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	// -scale says which figures to expect of a file built at that scale; the
	// file itself is only read.
	opts := w.options()
	if w.DB != "" {
		w.Flags = connect.Flags{Engine: w.Engine, DB: w.DB, Connection: w.Connection}
	}
	wh, err := w.open(ctx, c)
	if err != nil {
		return err
	}
	defer wh.Close()
	rep, err := wh.Validate(ctx, opts)
	if err != nil {
		return err
	}
	if *asJSON {
		err = writeJSON(c.out, rep.Checks)
	} else {
		_, err = fmt.Fprint(c.out, rep.Checklist())
	}
	if err == nil && !rep.Passed() {
		err = fmt.Errorf("%d of %d checks failed", len(rep.Failed()), len(rep.Checks))
	}
	return err
}
