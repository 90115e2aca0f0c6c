// Command analyst answers questions about sales in plain language: the answer
// with its figures, the SQL that ran, the result table and follow-up
// suggestions.
//
//	go run ./examples/analyst "What was total revenue last month?"   # one question
//	go run ./examples/analyst                                      # a conversation
//	go run ./examples/analyst -json "Sales by region"              # one JSON object
//
// It opens the warehouse like the view programs (-engine, -db, -connection;
// the embedded one is built on first use) and answers with the offline
// analyst. With -engine snowflake it asks Cortex Analyst instead, authenticated
// from the Snowflake connection (-connection; key pair, OAuth or PAT), unless
// -offline is given or the connection cannot call the REST API. A decline is an
// answer: the exit status is 0 for an answer or a decline, 1 only for a failure.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/query"
)

func main() {
	var wf connect.Flags
	wf.Register(flag.CommandLine)
	asJSON := flag.Bool("json", false, "print the answer as one JSON object")
	forceOffline := flag.Bool("offline", false, "use the offline analyst even when Cortex Analyst is configured")
	flag.Usage = term.Usage(flag.CommandLine)
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, wf, *forceOffline, *asJSON, strings.Join(flag.Args(), " "), os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "analyst:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, wf connect.Flags, forceOffline, asJSON bool, question string, in io.Reader, out, errOut io.Writer) error {
	wh, err := wf.Open(ctx, errOut)
	if err != nil {
		return err
	}
	defer wh.Close()
	a, err := connect.OpenAnalyst(ctx, wh, wf, forceOffline, errOut)
	if err != nil {
		return err
	}
	s := &analyst.Session{Analyst: a}
	if question != "" {
		return answer(ctx, s, question, asJSON, out)
	}
	if asJSON {
		return errors.New("-json needs a question")
	}
	fmt.Fprintln(out, "Ask about sales (an empty line or Ctrl-D ends).")
	if st, ok := a.(interface{ Starters() []string }); ok {
		fmt.Fprintln(out, "For example:")
		for _, sg := range st.Starters() {
			fmt.Fprintln(out, "  "+sg)
		}
	}
	sc := bufio.NewScanner(in)
	for {
		fmt.Fprint(out, "\n> ")
		if !sc.Scan() || strings.TrimSpace(sc.Text()) == "" {
			fmt.Fprintln(out)
			return sc.Err()
		}
		if err := answer(ctx, s, sc.Text(), false, out); err != nil {
			return err
		}
	}
}

func answer(ctx context.Context, s *analyst.Session, question string, asJSON bool, out io.Writer) error {
	ans, err := s.Ask(ctx, question)
	if err != nil {
		return err
	}
	if asJSON {
		b, err := json.Marshal(ans)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "%s\n", b)
		return err
	}
	// Prose wraps at its spaces, SQL between its tokens, to the terminal's
	// width (COLUMNS, the tty, 80 in a pipe).
	for _, line := range strings.Split(ans.Text, "\n") {
		text := strings.TrimLeft(line, " ")
		term.Hang(out, line[:len(line)-len(text)], text)
	}
	if ans.SQL != "" {
		fmt.Fprintln(out, "\nSQL:\n"+term.WrapSQL("  "+ans.SQL, term.Columns(out)))
		for i, a := range ans.Args {
			term.Hang(out, fmt.Sprintf("  -- arg %d: ", i+1), arg(a))
		}
	}
	if ans.Result != nil && len(ans.Result.Rows) > 0 {
		fmt.Fprintln(out)
		if err := table(out, ans.Result, 20); err != nil {
			return err
		}
	}
	if len(ans.Suggestions) > 0 {
		fmt.Fprintln(out, "\nYou could ask next:")
		for _, sg := range ans.Suggestions {
			term.Hang(out, "  ", sg)
		}
	}
	return nil
}

func arg(a any) string {
	if t, ok := a.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(a)
}

// table prints up to limit rows, numbers on the right, decimals at their scale.
func table(out io.Writer, res *query.Result, limit int) error {
	rows := [][]string{make([]string, len(res.Columns))}
	right := make([]bool, len(res.Columns))
	for j, c := range res.Columns {
		rows[0][j] = c.Name
		right[j] = c.Kind == query.KindDecimal || c.Kind == query.KindInt
	}
	for _, r := range res.Rows[:min(limit, len(res.Rows))] {
		row := make([]string, len(r))
		for j, v := range r {
			switch x := v.(type) {
			case nil:
				row[j] = "NULL"
			case time.Time:
				row[j] = x.Format(time.DateOnly)
			case decimal.Decimal:
				row[j] = x.StringFixed(int32(res.Columns[j].Scale))
			default:
				row[j] = fmt.Sprint(x)
			}
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(res.Columns))
	for _, r := range rows {
		for j, c := range r {
			r[j] = clean(c)
			widths[j] = max(widths[j], utf8.RuneCountInString(r[j]))
		}
	}
	if wide := len(widths)*2 - 2 + sum(widths); wide > term.Columns(out) {
		records(out, rows)
	} else {
		aligned(out, rows, widths, right)
	}
	if len(res.Rows) > limit {
		fmt.Fprintf(out, "  … %d rows in all\n", len(res.Rows))
	}
	return nil
}

// aligned prints rows as columns of widths, numbers on the right.
func aligned(out io.Writer, rows [][]string, widths []int, right []bool) {
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			gap := strings.Repeat(" ", widths[j]-utf8.RuneCountInString(c))
			if right[j] {
				c = gap + c
			} else {
				c += gap
			}
			b.WriteString(c + "  ")
		}
		fmt.Fprintln(out, strings.TrimRight(b.String(), " "))
	}
}

// records prints each row as a block of "column  value" lines, for a
// result too wide for the terminal: a row is never wrapped.
func records(out io.Writer, rows [][]string) {
	name := 0
	for _, h := range rows[0] {
		name = max(name, utf8.RuneCountInString(h))
	}
	for i, r := range rows[1:] {
		fmt.Fprintf(out, "row %d\n", i+1)
		for j, c := range r {
			fmt.Fprintf(out, "  %-*s  %s\n", name, rows[0][j], c)
		}
	}
}

func sum(ns []int) int {
	n := 0
	for _, x := range ns {
		n += x
	}
	return n
}

// clean drops control characters, so that data cannot drive the terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
