package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// findChromium returns the browser to drive: $CHROMIUM if set, else the first of
// Debian's and the usual names found on PATH.
func findChromium() (string, []string) {
	names := []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}
	if p := os.Getenv("CHROMIUM"); p != "" {
		names = append([]string{p}, names...)
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, names
		}
	}
	return "", names
}

// tab is a headless Chromium tab that records every console error, uncaught
// exception, CSP violation and failed request it sees.
type tab struct {
	t         *testing.T
	ctx       context.Context
	downloads string

	mu       sync.Mutex
	problems []string
	allowed  map[int]bool // statuses a step expects (a bad filter's 400)
	done     map[string]chan struct{}
}

// newTab starts Chromium as the machine notes prescribe for root, or skips (in
// CI: fails) when there is none.
func newTab(t *testing.T) *tab {
	t.Helper()
	path, names := findChromium()
	if path == "" {
		msg := fmt.Sprintf("no Chromium to drive (looked for $CHROMIUM and %s on PATH); install Debian's chromium package", strings.Join(names[len(names)-4:], ", "))
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: " + msg)
		}
		t.Skip("skipping the real-browser test: " + msg)
	}
	// Chromium's helper processes may still write to their profile just after the
	// browser is stopped, so the profile is removed with retries rather than by
	// t.TempDir's strict cleanup (which failed CI once: "directory not empty").
	// Downloads land inside it for the same reason.
	profile, err := os.MkdirTemp("", "salesanalytics-chromium-*")
	if err != nil {
		t.Fatal(err)
	}
	downloads := filepath.Join(profile, "downloads")
	if err := os.Mkdir(downloads, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"), chromedp.WindowSize(1366, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	// The browser lives as long as the test may: a fixed budget for the whole
	// session failed on a loaded machine. A step that hangs fails with its name
	// a minute before go test's own deadline.
	cancelT := context.CancelFunc(func() {})
	if d, ok := t.Deadline(); ok {
		ctx, cancelT = context.WithDeadline(ctx, d.Add(-time.Minute))
	}
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	p := &tab{t: t, ctx: ctx, downloads: downloads, allowed: map[int]bool{}, done: map[string]chan struct{}{}}
	require.NoError(t, chromedp.Listen(ctx, p.listen))
	events := true
	require.NoError(t, chromedp.Do(ctx, command(network.Enable, network.EnableParams{}),
		command(cdplog.Enable, cdp.Empty{}), command(runtime.Enable, cdp.Empty{}),
		command(browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: p.downloads, EventsEnabled: &events,
		})))
	return p
}

func (p *tab) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range e.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			p.problems = append(p.problems, "console error: "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		p.problems = append(p.problems, "uncaught exception: "+msg)
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError && !p.allowedText(e.Entry.Text) {
			p.problems = append(p.problems, "browser log error: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case *network.EventLoadingFailed:
		if !e.Canceled {
			p.problems = append(p.problems, "request failed: "+e.ErrorText+" ("+string(e.Type)+")")
		}
	case *network.EventResponseReceived:
		if s := int(e.Response.Status); s >= 400 && !p.allowed[s] {
			p.problems = append(p.problems, fmt.Sprintf("HTTP %d for %s", s, e.Response.URL))
		}
	case *browser.EventDownloadWillBegin:
		if _, ok := p.done[e.GUID]; !ok {
			p.done[e.GUID] = make(chan struct{})
		}
	case *browser.EventDownloadProgress:
		if e.State == browser.DownloadProgressStateCompleted {
			ch, ok := p.done[e.GUID]
			if !ok {
				ch = make(chan struct{})
				p.done[e.GUID] = ch
			}
			close(ch)
		}
	}
}

// allowedText reports whether a browser log line is the one an allowed status
// produces ("Failed to load resource: … 400").
func (p *tab) allowedText(s string) bool {
	for st := range p.allowed {
		if strings.Contains(s, fmt.Sprintf("status of %d", st)) {
			return true
		}
	}
	return false
}

// allow lets a step expect an error status; the returned func forbids it again.
func (p *tab) allow(status int) func() {
	p.mu.Lock()
	p.allowed[status] = true
	p.mu.Unlock()
	return func() {
		time.Sleep(100 * time.Millisecond) // let the step's last events arrive
		p.mu.Lock()
		delete(p.allowed, status)
		p.mu.Unlock()
	}
}

// serveBrowser serves h to the browser and makes the folder the screenshots go
// to, named in the log.
func serveBrowser(t *testing.T, h http.Handler) (*httptest.Server, string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	shots, err := os.MkdirTemp("", "salesanalytics-screenshots-")
	require.NoError(t, err)
	t.Logf("screenshots: %s", shots)
	return srv, shots
}

// run runs actions and fails the test on error.
func (p *tab) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, actions...), step)
}

// value runs an action that returns a value and fails the test on error. An
// evaluation that meets a navigation (the page it ran in went away) is run
// again in the new page.
func value[T any](p *tab, step string, a chromedp.Action[T]) T {
	p.t.Helper()
	for {
		v, err := chromedp.Run(p.ctx, a)
		if err != nil && navigating(err) && p.ctx.Err() == nil {
			time.Sleep(20 * time.Millisecond) // a poll: the new page's context arrives
			continue
		}
		require.NoError(p.t, err, step)
		return v
	}
}

// navigating reports whether err is the protocol's answer to an evaluation
// whose page was replaced while it ran.
func navigating(err error) bool {
	msg := err.Error()
	for _, s := range []string{"Execution context was destroyed", "Cannot find context with specified id", "Inspected target navigated or closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// ready reports whether the page has loaded whole: parsed, its scripts run.
// A condition waited for is read only in a loaded page, never in one still
// being parsed after a navigation.
func (p *tab) ready() bool {
	var s string
	p.eval(`document.readyState`, &s)
	return s == "complete"
}

// command makes an action of a protocol command whose result the test does not
// need; it runs on the tab's target, so the tab's listener sees its events.
func command[P, R any](c cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, c, params)
		return err
	})
}

// clean fails the test with every problem recorded since the last call.
func (p *tab) clean(step string) {
	p.t.Helper()
	time.Sleep(50 * time.Millisecond)
	p.mu.Lock()
	probs := p.problems
	p.problems = nil
	p.mu.Unlock()
	require.Empty(p.t, probs, "%s: the browser saw problems", step)
}

// text returns the trimmed text of the first element matching sel.
func (p *tab) text(sel string) string {
	p.t.Helper()
	var s string
	p.eval(`((document.querySelector(`+strconvQuote(sel)+`) || {}).textContent || "").replace(/\s+/g, " ")`, &s)
	return strings.TrimSpace(s)
}

// colorScheme emulates the system's light or dark setting.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return command(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
}

// scriptDisabled turns the page's JavaScript off or on again.
func scriptDisabled(off bool) chromedp.Action[chromedp.Void] {
	return command(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
}

// latency delays every request by ms milliseconds (0: no delay), throughput
// unthrottled. Network.emulateNetworkConditions is deprecated; its successor
// applies conditions per URL pattern, and the empty pattern matches every
// request.
func latency(ms float64) chromedp.Action[chromedp.Void] {
	return command(network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Latency: ms, DownloadThroughput: -1, UploadThroughput: -1}},
	})
}

// eval evaluates a JavaScript expression and decodes its JSON value into out.
func (p *tab) eval(expr string, out any) {
	p.t.Helper()
	raw := value(p, "eval "+expr, chromedp.Evaluate[[]byte](expr))
	require.NoError(p.t, json.Unmarshal(raw, out), "eval %s: decode %s", expr, raw)
}

// location returns the page's URL.
func (p *tab) location() string {
	return value(p, "location", chromedp.Location())
}

// waitDownload waits for the one download in flight to complete and returns its
// bytes.
func (p *tab) waitDownload() []byte {
	p.t.Helper()
	deadline := time.Now().Add(time.Minute) // an event's wait, not a measure
	for time.Now().Before(deadline) {
		p.mu.Lock()
		var guid string
		var ch chan struct{}
		for g, c := range p.done {
			guid, ch = g, c
		}
		p.mu.Unlock()
		if guid != "" {
			select {
			case <-ch:
			case <-time.After(time.Until(deadline)):
				p.t.Fatal("download did not complete")
			}
			p.mu.Lock()
			delete(p.done, guid)
			p.mu.Unlock()
			b, err := os.ReadFile(filepath.Join(p.downloads, guid))
			require.NoError(p.t, err)
			return b
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatal("no download started")
	return nil
}

// shoot writes a full-page screenshot to dir/name.png.
func (p *tab) shoot(dir, name string) {
	p.t.Helper()
	// From the top, so that the sticky header is drawn where it belongs.
	p.run("scroll "+name, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	png := value(p, "screenshot "+name, chromedp.FullScreenshot(100))
	require.NoError(p.t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// has reports whether an element matches sel.
func (p *tab) has(sel string) bool {
	return p.count(sel) > 0
}

// count returns how many elements match sel.
func (p *tab) count(sel string) int {
	p.t.Helper()
	var n int
	p.eval(`document.querySelectorAll(`+strconvQuote(sel)+`).length`, &n)
	return n
}

func strconvQuote(s string) string { return strconv.Quote(s) }
