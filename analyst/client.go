package analyst

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// Paths of the documented endpoints.
const (
	MessagePath  = "/api/v2/cortex/analyst/message"
	FeedbackPath = "/api/v2/cortex/analyst/feedback"
)

// Defaults of [Client]'s settings.
const (
	DefaultMaxRetries       = 3
	DefaultMinBackoff       = 500 * time.Millisecond
	DefaultMaxBackoff       = 8 * time.Second
	DefaultMaxResponseBytes = 8 << 20
	DefaultTimeout          = 60 * time.Second
)

// Client calls the Cortex Analyst REST API. It is safe for concurrent use.
type Client struct {
	// BaseURL is the account URL, e.g. from [AccountURL]. Required.
	BaseURL string
	// Auth supplies tokens. Required.
	Auth Auth
	// HTTPClient sends requests. Nil means a client with DefaultTimeout.
	HTTPClient *http.Client
	// MaxRetries is how many times a 429 or 502/503/504 answer is retried. Zero
	// means DefaultMaxRetries; negative means never.
	MaxRetries int
	// MinBackoff and MaxBackoff bound the jittered exponential wait between tries;
	// a Retry-After header overrides it. Zero means the defaults.
	MinBackoff, MaxBackoff time.Duration
	// MaxResponseBytes bounds a non-streamed body, and each streamed event. Zero
	// means DefaultMaxResponseBytes.
	MaxResponseBytes int64
	// UserAgent is sent with every request. Empty means "salesanalytics-go".
	UserAgent string
	// Rand, if not nil, supplies the backoff jitter in [0, 1); for reproducible tests.
	Rand func() float64
	// Sleep, if not nil, waits between retries; for tests. It must honour ctx.
	Sleep func(ctx context.Context, d time.Duration) error
}

var defaultHTTP = &http.Client{Timeout: DefaultTimeout}

// Message sends a request and returns the complete answer. A streaming request
// (Stream set) is read to its end and assembled into the same Response.
func (c *Client) Message(ctx context.Context, req Request) (*Response, error) {
	if req.Stream {
		s, err := c.Stream(ctx, req)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		return s.Wait()
	}
	resp, err := c.post(ctx, MessagePath, req, false)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := c.read(resp.Body)
	if err != nil {
		return nil, err
	}
	var out Response
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	if out.RequestID == "" {
		out.RequestID = requestID(resp)
	}
	if out.Message.Role != RoleAnalyst {
		return nil, fmt.Errorf("%w: the message role is %q, not analyst", ErrMalformedResponse, out.Message.Role)
	}
	return &out, nil
}

// FeedbackRequest rates an answer.
type FeedbackRequest struct {
	RequestID string `json:"request_id"`
	Positive  bool   `json:"positive"`
	Message   string `json:"feedback_message,omitempty"`
}

// Feedback sends a thumbs up or down on an answer. The API answers with an empty
// body or a status object; both are success.
func (c *Client) Feedback(ctx context.Context, fb FeedbackRequest) error {
	if fb.RequestID == "" {
		return fmt.Errorf("%w: feedback needs the request_id of an answer", ErrInvalidRequest)
	}
	resp, err := c.post(ctx, FeedbackPath, fb, false)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = c.read(resp.Body)
	return err
}

// post sends body as JSON to path, retrying what may succeed later, and returns a
// 2xx response (its body not yet read) or an error.
func (c *Client) post(ctx context.Context, path string, body any, stream bool) (*http.Response, error) {
	if r, ok := body.(Request); ok {
		if err := r.Validate(); err != nil {
			return nil, err
		}
	}
	if c.BaseURL == "" || c.Auth == nil {
		return nil, fmt.Errorf("%w: the client needs a BaseURL and an Auth", ErrInvalidRequest)
	}
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidRequest, err)
	}
	retries := c.MaxRetries
	if retries == 0 {
		retries = DefaultMaxRetries
	}
	for attempt := 0; ; attempt++ {
		resp, err := c.send(ctx, path, payload, stream)
		if err == nil {
			return resp, nil
		}
		var ae *APIError
		if attempt >= retries || !errors.As(err, &ae) || !ae.Temporary() {
			return nil, err
		}
		wait := c.backoff(attempt, ae)
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("analyst: waiting to retry: %w (last answer: %v)", err, ae)
		}
	}
}

func (c *Client) send(ctx context.Context, path string, payload []byte, stream bool) (*http.Response, error) {
	token, kind, err := c.Auth.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("analyst: auth: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+path, bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidRequest, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("X-Snowflake-Authorization-Token-Type", kind)
	req.Header.Set("Content-Type", "application/json")
	if stream {
		req.Header.Set("Accept", "text/event-stream")
	} else {
		req.Header.Set("Accept", "application/json")
	}
	ua := c.UserAgent
	if ua == "" {
		ua = "salesanalytics-go"
	}
	req.Header.Set("User-Agent", ua)
	hc := c.HTTPClient
	if hc == nil {
		hc = defaultHTTP
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("analyst: POST %s: %w", path, redact(err, token))
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	ae := apiError(resp.StatusCode, body, requestID(resp))
	ae.retryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
	return nil, ae
}

// backoff is the wait before retry attempt+1: Retry-After when the server gave
// one, else a full-jitter exponential delay.
func (c *Client) backoff(attempt int, ae *APIError) time.Duration {
	maxB := c.MaxBackoff
	if maxB <= 0 {
		maxB = DefaultMaxBackoff
	}
	if ae.retryAfter > 0 {
		return min(ae.retryAfter, 4*maxB)
	}
	minB := c.MinBackoff
	if minB <= 0 {
		minB = DefaultMinBackoff
	}
	ceiling := min(maxB, minB<<attempt)
	r := rand.Float64
	if c.Rand != nil {
		r = c.Rand
	}
	return minB/2 + time.Duration(r()*float64(ceiling-minB/2))
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

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(0, t.Sub(now))
	}
	return 0
}

func (c *Client) read(r io.Reader) ([]byte, error) {
	limit := c.MaxResponseBytes
	if limit <= 0 {
		limit = DefaultMaxResponseBytes
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("analyst: read response: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, limit)
	}
	return body, nil
}

func requestID(resp *http.Response) string {
	return resp.Header.Get("X-Snowflake-Request-Id")
}

// redact removes a token from an error's text (net/http errors can quote a URL,
// never headers, but a defensive scrub costs nothing).
func redact(err error, token string) error {
	if token == "" {
		return err
	}
	if msg := err.Error(); bytes.Contains([]byte(msg), []byte(token)) {
		return errors.New(string(bytes.ReplaceAll([]byte(msg), []byte(token), []byte("[redacted]"))))
	}
	return err
}
