package web_test

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// rssBytes reads the process's resident set size from /proc (Linux); 0 where
// there is none.
func rssBytes() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// TestLoadUnderAttack: 64 clients read pages for 30 s over loopback while
// attackers send the amplification request (2,500 product= values), the
// widest filter allowed (100 products) and cache-filling requests (a new
// customer id each time). Every legitimate request must answer 200, and the
// process's resident memory must stay under 1.5 GiB (it reached 7.1 GB with
// 16 amplification requests before the bounds). It takes 30 s of two cores,
// so it runs only when SALESANALYTICS_LOADTEST=1.
func TestLoadUnderAttack(t *testing.T) {
	if os.Getenv("SALESANALYTICS_LOADTEST") == "" {
		t.Skip("set SALESANALYTICS_LOADTEST=1 to run the 30 s load test")
	}
	s := newSite(t, testScale, true)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128}}
	get := func(path string) (int, int64) {
		res, err := client.Get(srv.URL + path)
		if err != nil {
			return 0, 0
		}
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode, n
	}

	pages := []string{"/executive", "/regional?region=West", "/product", "/reps", "/customers",
		"/executive?from=2025-01-01&compare=year", "/crumbs/executive?region=North&region=South", "/tile/executive/kpis"}
	amplify := url.Values{}
	for i := range 2500 {
		amplify.Add("product", strconv.Itoa(i+1))
	}
	widest := url.Values{}
	for i := range 100 {
		widest.Add("product", strconv.Itoa(i+1))
	}
	attacks := []func(i int) string{
		func(int) string { return "/executive?" + amplify.Encode() },
		func(int) string { return "/customers?" + widest.Encode() },
		func(i int) string { return "/customers?customer=" + strconv.Itoa(1_000_000+i) },
		func(i int) string { return "/reps?customer=" + strconv.Itoa(2_000_000+i) },
	}

	const duration = 30 * time.Second
	deadline := time.Now().Add(duration)
	var ok, failed, attacked atomic.Int64
	var firstFailure atomic.Value
	var peak atomic.Int64
	stop := make(chan struct{})
	go func() { // sample the resident set every 200 ms
		for {
			if r := rssBytes(); r > peak.Load() {
				peak.Store(r)
			}
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	start := rssBytes()
	var wg sync.WaitGroup
	for c := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(deadline); i++ {
				p := pages[i%len(pages)]
				if code, _ := get(p); code == http.StatusOK {
					ok.Add(1)
				} else {
					failed.Add(1)
					firstFailure.CompareAndSwap(nil, p+" → "+strconv.Itoa(code))
				}
			}
		}()
	}
	for a := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				get(attacks[(a+i)%len(attacks)](a*1_000_000 + i))
				attacked.Add(1)
			}
		}()
	}
	wg.Wait()
	close(stop)
	t.Logf("legitimate: %d ok, %d failed (first: %v); attack requests: %d; RSS %d MiB at start, peak %d MiB",
		ok.Load(), failed.Load(), firstFailure.Load(), attacked.Load(), start>>20, peak.Load()>>20)
	require.Zero(t, failed.Load(), "error rate of the legitimate clients")
	require.Positive(t, ok.Load())
	require.Less(t, peak.Load(), int64(1536<<20), "peak resident memory")
}
