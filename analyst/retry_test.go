package analyst_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

func TestRetryAfterNeverOverflowsAndIsCapped(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	const maxB = 5 * time.Second
	jitter := func(t *testing.T, d time.Duration) { // the jittered backoff of the first retry
		require.Greater(t, d, time.Duration(0))
		require.LessOrEqual(t, d, analyst.DefaultMinBackoff)
	}
	exactly := func(want time.Duration) func(*testing.T, time.Duration) {
		return func(t *testing.T, d time.Duration) { require.Equal(t, want, d) }
	}
	for _, tc := range []struct {
		header string
		check  func(*testing.T, time.Duration)
	}{
		{"3", exactly(3 * time.Second)},
		{"5", exactly(maxB)},
		{"3600", exactly(maxB)},
		{"9300000000", exactly(maxB)},                    // seconds × 1e9 overflows int64 (negative)
		{"18446744074", exactly(maxB)},                   // wraps to a small positive duration
		{"99999999999999999999999999999", exactly(maxB)}, // beyond int64 altogether
		{"0", jitter},
		{"-5", jitter},
		{"+5", jitter},
		{"5.5", jitter},
		{"soon", jitter},
		{now.Add(2 * time.Second).Format(http.TimeFormat), exactly(2 * time.Second)},
		{now.Add(time.Hour).Format(http.TimeFormat), exactly(maxB)},
		{"Fri, 31 Dec 9999 23:59:59 GMT", exactly(maxB)},
		{now.Add(-time.Hour).Format(http.TimeFormat), jitter},
		{"Mon, 01 Jan 0001 00:00:00 GMT", jitter},
	} {
		t.Run(tc.header, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
				if n == 1 {
					w.Header().Set("Retry-After", tc.header)
					writeJSON(w, 429, `{"message":"Too many requests"}`)
					return
				}
				writeJSON(w, 200, fullAnswer)
			}
			var waits []time.Duration
			c := f.client(t, &waits)
			c.MaxBackoff = maxB
			c.Now = func() time.Time { return now }
			_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
			require.NoError(t, err)
			require.Len(t, waits, 1)
			tc.check(t, waits[0])
		})
	}
}

func TestBackoffStaysWithinBoundsForManyRetries(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 503, `{"message":"down"}`) }
	var waits []time.Duration
	c := f.client(t, &waits)
	c.MaxRetries = 80 // far past the point where MinBackoff << attempt overflows
	_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.True(t, analyst.IsRetryable(err))
	require.Len(t, waits, 80)
	for i, d := range waits {
		require.Greater(t, d, time.Duration(0), "wait %d", i)
		require.LessOrEqual(t, d, analyst.DefaultMaxBackoff, "wait %d", i)
	}

	waits = nil
	c.MaxRetries, c.MinBackoff, c.MaxBackoff = 3, 10*time.Second, time.Second // min above max
	_, err = c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.Error(t, err)
	require.Len(t, waits, 3)
	for _, d := range waits {
		require.LessOrEqual(t, d, time.Second)
	}
}

// TestRetryWaitHonoursTheContext cancels the context once the 429 has been read
// (the client reads the Retry-After clock only then), so the real timer of an
// hour's wait is what the cancellation must cut short: the call has reached the
// server once whatever the machine's load, and a wait that ignored the context
// would hang until the test's own deadline.
func TestRetryWaitHonoursTheContext(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Retry-After", "3600")
		writeJSON(w, 429, `{"message":"Too many requests"}`)
	}
	c := f.client(t, nil)
	c.Sleep = nil // the real timer
	c.MaxBackoff = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	answered := false
	c.Now = func() time.Time {
		answered = true
		cancel()
		return time.Now()
	}
	_, err := c.Message(ctx, analyst.StagedModel(stage, "q"))
	require.True(t, answered, "the 429 was read before the wait")
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorContains(t, err, "waiting to retry")
	require.Equal(t, int32(1), f.calls.Load())
}
