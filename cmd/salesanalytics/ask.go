package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
	"github.com/salesanalytics/salesanalytics/internal/termui"
	"io"
	"os"
	"strings"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
)

// maxQuestion is the longest question read, in bytes.
const maxQuestion = 4 << 10

// runAsk answers one question, or a conversation read from stdin one question
// a line (an empty line or the end of input ends it).
func runAsk(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	asJSON := c.fs.Bool("json", false, "print each answer as one JSON object (a line each)")
	offline := c.fs.Bool("offline", false, "use the offline analyst even when Cortex Analyst is configured")
	args, err := c.parse(args, 1<<10)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(args, " "))
	if len(question) > maxQuestion {
		return usagef("the question is %d bytes, more than %d", len(question), maxQuestion)
	}
	svc, wh, err := w.service(ctx, c, *offline)
	if err != nil {
		return err
	}
	defer wh.Close()
	s := &analyst.Session{Analyst: svc.Analyst(), MaxTurns: 20}
	if question != "" {
		return answer(ctx, c.out, s, question, *asJSON)
	}
	sc := bufio.NewScanner(c.in)
	sc.Buffer(make([]byte, 0, 4096), maxQuestion)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			break
		}
		if err := answer(ctx, c.out, s, q, *asJSON); err != nil {
			return err
		}
	}
	return sc.Err()
}

func answer(ctx context.Context, out io.Writer, s *analyst.Session, question string, asJSON bool) error {
	a, err := s.Ask(ctx, question)
	if err != nil {
		return err
	}
	if asJSON {
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "%s\n", b)
		return err
	}
	// Prose wraps at its spaces and SQL between its tokens, to the terminal's
	// width (80 in a pipe); the result's table fits it as query's does.
	width := termui.Detect(out, os.Getenv).Columns()
	term.Hang(out, "> ", question)
	for _, line := range strings.Split(a.Text, "\n") {
		text := strings.TrimLeft(line, " ")
		term.Hang(out, line[:len(line)-len(text)], text) // a list's indent kept
	}
	if a.SQL != "" {
		fmt.Fprintf(out, "\n%s\n", term.WrapSQL("SQL: "+a.SQL, width))
		for i, v := range a.Args {
			term.Hang(out, fmt.Sprintf("  -- arg %d: ", i+1), service.Arg(v))
		}
	}
	if a.Result != nil && len(a.Result.Rows) > 0 {
		fmt.Fprintln(out)
		o := output{}
		if err := o.result(out, &service.Answer{Result: a.Result}); err != nil {
			return err
		}
	}
	if len(a.Suggestions) > 0 {
		fmt.Fprintln(out, "\nYou could ask next:")
		for _, q := range a.Suggestions {
			term.Hang(out, "  ", q)
		}
	}
	fmt.Fprintln(out)
	return nil
}
