package main

import (
	"context"
	"fmt"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
	"io"
	"os"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// runQuery runs a typed request from flags or JSON.
func runQuery(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	var rf request.Flags
	rf.Register(c.fs)
	file := c.fs.String("request", "", "read the request as JSON from this file (- for stdin) instead of the flags")
	explain := c.fs.Bool("explain", false, "print the SQL without running it")
	schema := c.fs.Bool("schema", false, "print the JSON schema of a request and exit")
	var o output
	o.register(c.fs)
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	if *schema {
		s, err := request.Schema()
		if err != nil {
			return err
		}
		return writeJSON(c.out, s)
	}
	if err := o.check(); err != nil {
		return err
	}
	req, err := readRequest(c, &rf, *file)
	if err != nil {
		return err
	}
	svc, wh, err := w.service(ctx, c, true)
	if err != nil {
		return err
	}
	defer wh.Close()
	if *explain {
		a, err := svc.Explain(req)
		if err != nil {
			return err
		}
		return o.explain(c.out, a)
	}
	a, err := svc.Query(ctx, req)
	if err != nil {
		return err
	}
	return o.result(c.out, a)
}

// readRequest reads the request from -request or from the flags; not both.
func readRequest(c *call, rf *request.Flags, file string) (request.Request, error) {
	if file == "" {
		r, err := rf.Request()
		if err != nil {
			return r, err
		}
		if !rf.Set() {
			return r, usagef("give the request as flags (-metrics revenue -by region) or as JSON (-request file.json)")
		}
		return r, nil
	}
	if rf.Set() {
		return request.Request{}, usagef("-request and the request flags (-metrics, -by, …): choose one")
	}
	var in io.Reader = c.in
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return request.Request{}, usagef("-request: %v", err)
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, request.MaxBytes+1))
	if err != nil {
		return request.Request{}, err
	}
	r, err := request.Parse(data)
	if err != nil {
		return r, usagef("%v", err)
	}
	return r, nil
}

// explain prints the SQL a request compiles to, its lines broken to the
// terminal's width (see term.WrapSQL).
func (o *output) explain(w io.Writer, a *service.Answer) error {
	if o.json {
		return writeJSON(w, a.Wire())
	}
	for i, t := range a.Tables { // one a line: they fit 80 columns
		label := "-- tables:"
		if i > 0 {
			label = "--        "
		}
		fmt.Fprintf(w, "%s %s\n", label, t)
	}
	fmt.Fprintf(w, "%s\n", term.WrapSQL(a.SQL, termui.Detect(w, os.Getenv).Columns()))
	for i, v := range a.Args {
		fmt.Fprintf(w, "-- arg %d: %s\n", i+1, service.Arg(v))
	}
	return nil
}
