package mcpserver_test

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
)

// benchService is the service the benchmarks read: over the warehouse file in
// $SALESANALYTICS_BENCH_DB (build one at scale 1 with `salesanalytics setup
// -db FILE`), else the tests' small one.
func benchService(b *testing.B) *service.Service {
	path := os.Getenv("SALESANALYTICS_BENCH_DB")
	if path == "" {
		return testSvc
	}
	ctx := context.Background()
	wh, err := (&connect.Flags{DB: path, Scale: 1, Build: true}).Open(ctx, os.Stderr)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { wh.Close() })
	svc, err := service.New(ctx, service.Config{DB: wh.Engine().DB(), Dialect: wh.Engine().Dialect(), Names: wh.Names(), Now: connect.DemoNow})
	if err != nil {
		b.Fatal(err)
	}
	return svc
}

var benchRequest = request.Request{Metrics: []string{"revenue", "aov"}, By: []string{"region"},
	Where: []request.Condition{{Comparison: request.Comparison{Field: "segment", Values: []request.Value{request.String("SMB")}}}},
	From:  "2025-01-01", To: "2025-12-31"}

// BenchmarkQueryLibrary is the library call; BenchmarkQueryTool the same
// request as an MCP tool call over the in-memory transport. The difference is
// the tool's overhead (schema validation, JSON both ways, limits).
func BenchmarkQueryLibrary(b *testing.B) {
	svc := benchService(b)
	ctx := context.Background()
	defer benchcpu.PerOp(b)()
	for b.Loop() {
		if _, err := svc.Query(ctx, benchRequest); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQueryTool(b *testing.B) {
	cs := connectTo(b, mcpserver.New(benchService(b), mcpserver.Options{}))
	ctx := context.Background()
	params := &mcp.CallToolParams{Name: mcpserver.ToolQuery, Arguments: benchRequest}
	defer benchcpu.PerOp(b)()
	for b.Loop() {
		res, err := cs.CallTool(ctx, params)
		if err != nil || res.IsError {
			b.Fatal(err, text(res))
		}
	}
}

// BenchmarkExplainLibrary and BenchmarkExplainTool compile without running:
// their difference is the tool's overhead without the database's noise.
func BenchmarkExplainLibrary(b *testing.B) {
	svc := benchService(b)
	defer benchcpu.PerOp(b)()
	for b.Loop() {
		if _, err := svc.Explain(benchRequest); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExplainTool(b *testing.B) {
	cs := connectTo(b, mcpserver.New(benchService(b), mcpserver.Options{}))
	ctx := context.Background()
	params := &mcp.CallToolParams{Name: mcpserver.ToolExplain, Arguments: benchRequest}
	defer benchcpu.PerOp(b)()
	for b.Loop() {
		res, err := cs.CallTool(ctx, params)
		if err != nil || res.IsError {
			b.Fatal(err, text(res))
		}
	}
}

// BenchmarkQueryLibraryDeadline is the library call under the deadline every
// tool call has (Options.Timeout): the driver watches a cancellable context,
// which a call with context.Background does not pay for. The tool's own
// overhead is BenchmarkQueryTool's time over this one's.
func BenchmarkQueryLibraryDeadline(b *testing.B) {
	svc := benchService(b)
	defer benchcpu.PerOp(b)()
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := svc.Query(ctx, benchRequest)
		cancel()
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQueryPaired interleaves three calls of the same request — the
// library call (what a Go caller writes), the library call under a 30 s
// deadline (the driver then watches a cancellable context, as in a tool call)
// and the tool call over the in-memory transport — rotating their order each
// round, so drift on a loaded machine hits all alike and none always follows
// another. It reports each one's wall and CPU time per call and the tool's
// overhead over each library call as the median of the per-round
// differences (steady where a stray slow statement moves a mean).
func BenchmarkQueryPaired(b *testing.B) {
	svc := benchService(b)
	cs := connectTo(b, mcpserver.New(svc, mcpserver.Options{}))
	ctx := context.Background()
	params := &mcp.CallToolParams{Name: mcpserver.ToolQuery, Arguments: benchRequest}
	ops := [3]func(){
		func() {
			if _, err := svc.Query(ctx, benchRequest); err != nil {
				b.Fatal(err)
			}
		},
		func() {
			ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			if _, err := svc.Query(ctx, benchRequest); err != nil {
				b.Fatal(err)
			}
		},
		func() {
			res, err := cs.CallTool(ctx, params)
			if err != nil || res.IsError {
				b.Fatal(err, text(res))
			}
		},
	}
	var wall, cpu [3]time.Duration
	var diffs, diffsDeadline []time.Duration
	timed := func(j int) time.Duration {
		c, t := benchcpu.Process(), time.Now()
		ops[j]()
		d := time.Since(t)
		wall[j] += d
		cpu[j] += benchcpu.Process() - c
		return d
	}
	for _, op := range ops {
		op() // warm: b.Loop times only what follows
	}
	for i := 0; b.Loop(); i++ {
		var d [3]time.Duration
		for k := range 3 {
			j := (i + k) % 3
			d[j] = timed(j)
		}
		diffs, diffsDeadline = append(diffs, d[2]-d[0]), append(diffsDeadline, d[2]-d[1])
	}
	n := float64(b.N)
	median := func(ds []time.Duration) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)/2])
	}
	b.ReportMetric(float64(wall[0])/n, "lib-ns/op")
	b.ReportMetric(float64(wall[1])/n, "lib-deadline-ns/op")
	b.ReportMetric(float64(wall[2])/n, "tool-ns/op")
	b.ReportMetric(median(diffs), "overhead-median-ns/op")
	b.ReportMetric(median(diffsDeadline), "overhead-deadline-median-ns/op")
	b.ReportMetric(float64(cpu[0])/n, "lib-cpu-ns/op")
	b.ReportMetric(float64(cpu[1])/n, "lib-deadline-cpu-ns/op")
	b.ReportMetric(float64(cpu[2])/n, "tool-cpu-ns/op")
}
