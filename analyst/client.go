package analyst

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
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
	DefaultMaxStreamBytes   = 64 << 20
	// maxErrorBody bounds how much of an error answer is read.
	maxErrorBody = 64 << 10
)

// Client calls the Cortex Analyst REST API. It is safe for concurrent use.
//
// Security: the client follows no redirect (a 3xx answer is an error matching
// [ErrRedirected]), sends a token only to an https BaseURL (plain http only to a
// loopback host), and scrubs every credential it holds — the tokens it sent, the
// key pair's key material — from every error and every field of an [*APIError],
// wherever the server echoed it.
type Client struct {
	// BaseURL is the account URL, e.g. from [AccountURL]: https://host with an
	// optional path prefix, no user, query or fragment. Required.
	BaseURL string
	// Auth supplies tokens. Required.
	Auth Auth
	// HTTPClient sends requests. Nil means a client whose transport bounds
	// connecting, the TLS handshake and the wait for headers (DefaultTimeout) but
	// not a stream's length. A client given here is copied for each request with
	// redirects refused, whatever its CheckRedirect says; note that its Timeout,
	// if set, also cuts streams — prefer RequestTimeout.
	HTTPClient *http.Client
	// RequestTimeout, if positive, bounds each call — retries included, and for
	// [Client.Stream] the reading of the stream until Close. Zero means only the
	// context bounds it.
	RequestTimeout time.Duration
	// MaxRetries is how many times a 429 or 502/503/504 answer is retried. Zero
	// means DefaultMaxRetries; negative means never.
	MaxRetries int
	// MinBackoff and MaxBackoff bound the jittered exponential wait between tries.
	// A Retry-After header overrides the jitter but is capped at MaxBackoff too.
	// Zero means the defaults.
	MinBackoff, MaxBackoff time.Duration
	// MaxResponseBytes bounds a non-streamed body, and each streamed event. Zero
	// means DefaultMaxResponseBytes.
	MaxResponseBytes int64
	// MaxStreamBytes bounds a whole streamed answer, as read from the wire. Zero
	// means DefaultMaxStreamBytes.
	MaxStreamBytes int64
	// UserAgent is sent with every request. Empty means "salesanalytics-go".
	UserAgent string
	// Rand, if not nil, supplies the backoff jitter in [0, 1); for reproducible tests.
	Rand func() float64
	// Sleep, if not nil, waits between retries; for tests. It must honour ctx.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now, if not nil, is the clock Retry-After dates are read against.
	Now func() time.Time
}

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
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	sc := newScrubber(c.Auth)
	out, err := c.message(ctx, req, sc)
	return out, sc.err(err)
}

func (c *Client) message(ctx context.Context, req Request, sc *scrubber) (*Response, error) {
	var out Response
	id, err := c.postJSON(ctx, MessagePath, req, &out, sc)
	if err != nil {
		return nil, err
	}
	if out.RequestID == "" {
		out.RequestID = id
	}
	if out.Message.Role != RoleAnalyst {
		return nil, fmt.Errorf("%w: the message role is %q, not analyst", ErrMalformedResponse, clip(sc.text(string(out.Message.Role)), 64))
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
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	sc := newScrubber(c.Auth)
	resp, err := c.post(ctx, FeedbackPath, fb, false, sc)
	if err != nil {
		return sc.err(err)
	}
	defer resp.Body.Close()
	_, err = readBody(resp.Body, c.maxResponse())
	return sc.err(err)
}

// withTimeout applies RequestTimeout to ctx.
func (c *Client) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if c.RequestTimeout > 0 {
		return context.WithTimeout(ctx, c.RequestTimeout)
	}
	return context.WithCancel(ctx)
}

// post sends body as JSON to path, retrying what may succeed later, and returns a
// 2xx response (its body not yet read) or an error. Each token obtained is added
// to sc.
func (c *Client) post(ctx context.Context, path string, body any, stream bool, sc *scrubber) (*http.Response, error) {
	if r, ok := body.(Request); ok {
		if err := r.Validate(); err != nil {
			return nil, err
		}
	}
	if c.Auth == nil {
		return nil, fmt.Errorf("%w: the client needs an Auth", ErrInvalidRequest)
	}
	target, err := endpoint(c.BaseURL, path)
	if err != nil {
		return nil, err
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
		resp, err := c.send(ctx, target, path, payload, stream, sc)
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

func (c *Client) send(ctx context.Context, target, path string, payload []byte, stream bool, sc *scrubber) (*http.Response, error) {
	token, kind, err := c.Auth.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("analyst: auth: %w", err)
	}
	sc.add(token)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(payload))
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
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return nil, fmt.Errorf("analyst: POST %s: %w", path, err)
	}
	switch resp.StatusCode / 100 {
	case 2:
		return resp, nil
	case 3:
		resp.Body.Close()
		return nil, redirectError(resp, sc)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	ae := apiError(resp.StatusCode, body, requestID(resp), sc)
	_, maxB := c.backoffBounds()
	ae.retryAfter = retryAfter(resp.Header.Get("Retry-After"), c.now(), maxB)
	return nil, ae
}

func (c *Client) maxResponse() int64 {
	if c.MaxResponseBytes > 0 {
		return c.MaxResponseBytes
	}
	return DefaultMaxResponseBytes
}

func requestID(resp *http.Response) string {
	return resp.Header.Get("X-Snowflake-Request-Id")
}
