package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/sqlcorpus"
)

// FuzzExecute feeds arbitrary SQL to the guard and the allow-list on the
// in-process path (no worker to contain a mistake): whatever Execute accepts
// must be harmless — the canary table, sequence, settings, databases and
// files unchanged, and the canary file's secret never returned.
func FuzzExecute(f *testing.F) {
	for _, name := range []string{"hostile.txt", "legit.txt"} {
		stmts, err := sqlcorpus.Load(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range stmts {
			f.Add(s.Expand("{FILE}", "{DIR}"))
		}
	}
	c := newCanariesOn(f, 0, embedded.Options{Analyst: embedded.AnalystIsolation{InProcess: true}}) // one engine per fuzzing process
	f.Fuzz(func(t *testing.T, sql string) {
		text := sqlcorpus.Statement{Text: sql}.Expand(c.file, c.dir)
		res, err := analyst.Execute(context.Background(), c.eng, text, analyst.ExecOptions{MaxRows: 50, Timeout: 2 * time.Second})
		if err == nil && c.leaked(res) {
			t.Fatalf("%q returned the canary file's content", text)
		}
		if got := c.state(t); got != c.before {
			t.Fatalf("%q changed the warehouse or files:\n%s\nwant:\n%s", text, got, c.before)
		}
	})
}
