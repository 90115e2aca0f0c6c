package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
	"strings"

	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// runModel checks a model file (check) or prints it in one of
// service.Formats (yaml, …). Without a file it reads the built-in sales model.
func runModel(ctx context.Context, c *call, args []string) error {
	args, err := c.parse(args, 2)
	if err != nil {
		return err
	}
	verbs := []string{"check"}
	for _, f := range service.Formats() {
		verbs = append(verbs, f.Name)
	}
	if len(args) == 0 {
		return usagef("name what to do: %s", strings.Join(verbs, ", "))
	}
	var m *semantic.Model
	if len(args) == 2 {
		m, err = semantic.ParseFile(args[1])
	} else {
		m = semantic.SalesModel()
	}
	if args[0] == "check" {
		return check(c, m, err)
	}
	if err != nil {
		return err
	}
	for _, f := range service.Formats() {
		if f.Name == args[0] {
			b, err := f.Render(m)
			if err != nil {
				return err
			}
			_, err = c.out.Write(b)
			return err
		}
	}
	return usagef("unknown model action %q (valid: %s)", args[0], strings.Join(verbs, ", "))
}

// check prints every problem of a model, one a line: the spec's rules, then
// whether each field's expression compiles for both engines.
func check(c *call, m *semantic.Model, parseErr error) error {
	var perr *semantic.Error
	switch {
	case errors.As(parseErr, &perr):
		for _, p := range perr.Problems {
			fmt.Fprintln(c.out, p.String())
		}
		return fmt.Errorf("%d problems", len(perr.Problems))
	case parseErr != nil:
		return parseErr
	}
	for _, w := range m.Warnings() {
		fmt.Fprintln(c.out, w.String())
	}
	for _, d := range []dialect.Dialect{dialect.DuckDB, dialect.Snowflake} {
		if _, err := query.New(m, query.Options{Dialect: d}); err != nil {
			fmt.Fprintf(c.out, "%s: %v\n", d, err)
			return fmt.Errorf("the model does not compile for %s", d)
		}
	}
	var n [5]int
	for _, f := range m.Fields() {
		switch f.Kind {
		case semantic.KindDimension:
			n[0]++
		case semantic.KindTimeDimension:
			n[1]++
		case semantic.KindFact:
			n[2]++
		case semantic.KindMetric:
			n[3]++
		case semantic.KindFilter:
			n[4]++
		}
	}
	term.Hang(c.out, "ok: ", fmt.Sprintf("%s: %d tables, %d dimensions, %d time dimensions, %d facts, %d metrics, %d filters, %d verified queries",
		m.Name, len(m.Tables), n[0], n[1], n[2], n[3], n[4], len(m.VerifiedQueries)))
	return nil
}
