// Command salesanalytics is the sales semantic layer at a terminal and for AI
// agents: one binary with subcommands, in the manner of the go and snow tools.
//
//	go install github.com/salesanalytics/salesanalytics/cmd/salesanalytics@latest
//
//	salesanalytics setup                       # build the embedded warehouse (once)
//	salesanalytics query -metrics revenue,aov -by region -grain month -where segment=SMB -from 2025-01-01 -to 2025-12-31
//	salesanalytics query -request q.json -json # the same request as JSON (or on stdin: -request -)
//	salesanalytics ask "What was total revenue last month?"
//	salesanalytics view regional -region West -json
//	salesanalytics serve -addr 127.0.0.1:8080  # the web dashboard
//	salesanalytics mcp                         # an MCP server on stdin/stdout
//	salesanalytics mcp -http 127.0.0.1:8765    # … or over streamable HTTP
//	salesanalytics model check my_model.yaml
//
// Every subcommand takes -h. The warehouse flags are the same everywhere:
// -engine embedded|snowflake, -db FILE, -connection NAME, -scale N. Errors are
// one line on stderr; the exit status is 0 on success, 1 for a failure and 2
// for a usage error (a bad flag, name or value).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/salesanalytics/salesanalytics/dashboard/term"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// errUsage marks an error in how the command was called: exit status 2.
var errUsage = errors.New("usage")

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// io is where a command reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, c *call, args []string) error
}

func commands() []command {
	return []command{
		{"setup", "", "build the warehouse: RAW, STAGING, MARTS and the semantic model (idempotent)", runSetup},
		{"refresh", "", "refresh the marts from RAW", runRefresh},
		{"status", "", "show each mart's freshness and lag", runStatus},
		{"validate", "", "run the validation checkpoints", runValidate},
		{"query", "", "run a typed semantic query from flags or a JSON request", runQuery},
		{"ask", "[question]", "ask the analyst one question, or a conversation on stdin", runAsk},
		{"view", "name", "print a dashboard view: executive, regional, product, reps or customers", runView},
		{"serve", "", "serve the web dashboard", runServe},
		{"mcp", "", "serve the semantic layer to AI agents over MCP (stdio or streamable HTTP)", runMCP},
		{"model", "check|yaml [file]", "check a semantic model file or print it", runModel},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr})
	stop()
	os.Exit(code)
}

// run runs one subcommand and returns the exit status.
func run(ctx context.Context, args []string, io stdio) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(io.err)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.exec(ctx, args[1:], io)
		}
	}
	fmt.Fprintf(io.err, "salesanalytics: unknown command %q (valid: %s; salesanalytics -h lists them)\n", args[0], names())
	return exitUsage
}

func names() string {
	var ns []string
	for _, c := range commands() {
		ns = append(ns, c.name)
	}
	return strings.Join(ns, ", ")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "salesanalytics: the sales semantic layer at a terminal and for AI agents.")
	fmt.Fprintln(w, "\nUsage: salesanalytics <command> [flags] [arguments]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		term.Hang(w, fmt.Sprintf("  %-9s ", c.name), c.summary)
	}
	fmt.Fprintln(w, "\nRun salesanalytics <command> -h for a command's flags.")
}

// call is one run of a subcommand: its flags and streams.
type call struct {
	stdio
	cmd command
	fs  *flag.FlagSet
}

func (c command) exec(ctx context.Context, args []string, io stdio) int {
	cl := &call{stdio: io, cmd: c, fs: flag.NewFlagSet(c.name, flag.ContinueOnError)}
	cl.fs.SetOutput(io.err)
	cl.fs.Usage = func() {} // parse prints the usage for -h, and one line for a bad flag
	err := c.run(ctx, cl, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case isUsage(err):
		fmt.Fprintf(io.err, "salesanalytics %s: %s\n", c.name, oneLine(err))
		return exitUsage
	default:
		fmt.Fprintf(io.err, "salesanalytics %s: %s\n", c.name, oneLine(err))
		return exitFailure
	}
}

// parse parses args, flags before or after the arguments (view regional
// -json); -h prints the usage (flag.ErrHelp), a bad flag is a usage error of
// one line. It returns the arguments, refusing more than max of them.
func (c *call) parse(args []string, max int) ([]string, error) {
	var pos []string
	for {
		if err := c.parseFlags(args); err != nil {
			return nil, err
		}
		args = c.fs.Args()
		if len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	if len(pos) > max {
		return nil, usagef("unexpected argument %q (salesanalytics %s -h)", pos[max], c.cmd.name)
	}
	return pos, nil
}

func (c *call) parseFlags(args []string) error {
	out := c.fs.Output()
	c.fs.SetOutput(io.Discard)
	err := c.fs.Parse(args)
	c.fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		term.Hang(out, "", "salesanalytics "+c.cmd.name+": "+c.cmd.summary)
		fmt.Fprintf(out, "\nUsage: salesanalytics %s [flags] %s\n\nFlags:\n", c.cmd.name, c.cmd.args)
		term.PrintFlags(out, c.fs)
		return err
	}
	if err != nil {
		return usagef("%v (salesanalytics %s -h lists the flags)", err, c.cmd.name)
	}
	return nil
}

// oneLine renders an error as [term.Message] does: one line, but for the
// lists of an error (the matches of an ambiguous name), a line an item.
func oneLine(err error) string { return term.Message(err) }
