package analyst

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrInvalidRequest is returned (wrapped) for a request the client refuses to send.
	ErrInvalidRequest = errors.New("analyst: invalid request")
	// ErrResponseTooLarge is returned when a response body exceeds MaxResponseBytes.
	ErrResponseTooLarge = errors.New("analyst: response too large")
	// ErrMalformedResponse is returned when a response cannot be decoded.
	ErrMalformedResponse = errors.New("analyst: malformed response")
	// ErrStreamInterrupted is returned when a stream ends before the analyst is done.
	ErrStreamInterrupted = errors.New("analyst: stream ended before it was done")
)

// APIError is an error answer from the API: a non-2xx status, or an error event
// inside a stream (StatusCode 200).
type APIError struct {
	StatusCode int
	// Code is the error code; real Analyst errors often leave it null and set the
	// deprecated ErrorCode instead. Use [APIError.CodeOrErrorCode].
	Code      string
	ErrorCode string
	Message   string
	RequestID string

	retryAfter time.Duration // from the Retry-After header
}

// CodeOrErrorCode returns Code, or ErrorCode when Code is empty.
func (e *APIError) CodeOrErrorCode() string {
	if e.Code != "" {
		return e.Code
	}
	return e.ErrorCode
}

// Error renders the status, code, message and request id; never a token.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "analyst: HTTP %d", e.StatusCode)
	if c := e.CodeOrErrorCode(); c != "" {
		fmt.Fprintf(&b, " (code %s)", c)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" [request " + e.RequestID + "]")
	}
	return b.String()
}

// Temporary reports whether retrying may succeed: 429 and 5xx except 500, which
// the API documents as unrecoverable.
func (e *APIError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusServiceUnavailable ||
		e.StatusCode == http.StatusGatewayTimeout || e.StatusCode == http.StatusBadGateway
}

// IsRetryable reports whether err is worth retrying.
func IsRetryable(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Temporary()
}

// errorBody is the documented ErrorResponse, with the nullable fields.
type errorBody struct {
	Message   string          `json:"message"`
	Code      json.RawMessage `json:"code"`
	ErrorCode json.RawMessage `json:"error_code"`
	RequestID string          `json:"request_id"`
}

// apiError decodes an error body; a body that is not JSON becomes the message.
func apiError(status int, body []byte, headerID string) *APIError {
	e := &APIError{StatusCode: status, RequestID: headerID}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil {
		e.Message, e.Code, e.ErrorCode = eb.Message, scalarText(eb.Code), scalarText(eb.ErrorCode)
		if eb.RequestID != "" {
			e.RequestID = eb.RequestID
		}
	} else {
		e.Message = strings.TrimSpace(string(body))
		if len(e.Message) > 300 {
			e.Message = e.Message[:300] + "…"
		}
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return e
}

// scalarText reads a JSON string or number as text; null is empty.
func scalarText(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return ""
	}
	var str string
	if json.Unmarshal(raw, &str) == nil {
		return str
	}
	return s
}
