package web_test

import (
	"context"
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
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	p := &tab{t: t, ctx: ctx, downloads: downloads, allowed: map[int]bool{}, done: map[string]chan struct{}{}}
	chromedp.ListenTarget(ctx, p.listen)
	require.NoError(t, chromedp.Run(ctx, network.Enable(), cdplog.Enable(), runtime.Enable(),
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(p.downloads).WithEventsEnabled(true)))
	return p
}

func (p *tab) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.APITypeError || e.Type == runtime.APITypeAssert {
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
		if e.Entry.Level == cdplog.LevelError && !p.allowedText(e.Entry.Text) {
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
func (p *tab) run(step string, actions ...chromedp.Action) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Run(p.ctx, actions...), step)
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

// eval evaluates a JavaScript expression into out.
func (p *tab) eval(expr string, out any) {
	p.t.Helper()
	p.run("eval "+expr, chromedp.Evaluate(expr, out))
}

// location returns the page's URL.
func (p *tab) location() string {
	var u string
	p.run("location", chromedp.Location(&u))
	return u
}

// waitDownload waits for the one download in flight to complete and returns its
// bytes.
func (p *tab) waitDownload() []byte {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
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
	var png []byte
	p.run("screenshot "+name, chromedp.FullScreenshot(&png, 100))
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
