package analyst

import (
	"context"
	"math/rand/v2"
	"net/http"
	"time"
)

// backoff is the wait before retry attempt+1: the server's Retry-After when it
// gave one, else a full-jitter exponential delay; never more than MaxBackoff.
func (c *Client) backoff(attempt int, ae *APIError) time.Duration {
	minB, maxB := c.backoffBounds()
	if ae.retryAfter > 0 {
		return min(ae.retryAfter, maxB)
	}
	ceiling := minB
	for i := 0; i < attempt && ceiling < maxB; i++ {
		if ceiling > maxB/2 {
			ceiling = maxB
			break
		}
		ceiling *= 2
	}
	ceiling = min(ceiling, maxB)
	r := rand.Float64
	if c.Rand != nil {
		r = c.Rand
	}
	f := min(max(r(), 0), 1)
	return minB/2 + time.Duration(f*float64(ceiling-minB/2))
}

// backoffBounds returns MinBackoff and MaxBackoff with their defaults, the
// minimum no larger than the maximum.
func (c *Client) backoffBounds() (minB, maxB time.Duration) {
	minB, maxB = c.MinBackoff, c.MaxBackoff
	if maxB <= 0 {
		maxB = DefaultMaxBackoff
	}
	if minB <= 0 {
		minB = DefaultMinBackoff
	}
	return min(minB, maxB), maxB
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// retryAfter reads a Retry-After header — delay-seconds (digits only) or an
// HTTP date — as a wait of at most maxWait. Zero means none usable: absent,
// malformed, zero, negative, or a date not after now. Huge values saturate at
// maxWait rather than overflow.
func retryAfter(h string, now time.Time, maxWait time.Duration) time.Duration {
	if h == "" {
		return 0
	}
	if secs, ok := delaySeconds(h); ok {
		if secs > int64(maxWait/time.Second) {
			return maxWait
		}
		return min(time.Duration(secs)*time.Second, maxWait)
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(now); d > 0 { // Sub saturates instead of overflowing
			return min(d, maxWait)
		}
	}
	return 0
}

// delaySeconds parses 1*DIGIT, saturating at a value far above any wait.
func delaySeconds(h string) (int64, bool) {
	const ceiling = 1 << 40
	var n int64
	for i := 0; i < len(h); i++ {
		d := h[i]
		if d < '0' || d > '9' {
			return 0, false
		}
		if n < ceiling {
			n = n*10 + int64(d-'0')
		}
	}
	return n, len(h) > 0
}
