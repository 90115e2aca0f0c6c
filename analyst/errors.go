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
	// ErrResponseTooLarge is matched by every [*TooLargeError]: a body or an event
	// beyond MaxResponseBytes, or a stream beyond MaxStreamBytes.
	ErrResponseTooLarge = errors.New("analyst: response too large")
	// ErrRedirected is returned (wrapped) for a 3xx answer: the client follows no
	// redirect, so a token is never re-sent to another host, port or scheme and a
	// redirect target's body is never taken as the answer.
	ErrRedirected = errors.New("analyst: redirect refused")
	// ErrMalformedResponse is returned when a response cannot be decoded.
	ErrMalformedResponse = errors.New("analyst: malformed response")
	// ErrStreamInterrupted is returned when a stream ends before the analyst is done.
	ErrStreamInterrupted = errors.New("analyst: stream ended before it was done")
)

// APIError is an error answer from the API: a non-2xx status, or an error event
// inside a stream (StatusCode 200). Every field is scrubbed of the credentials
// the client holds (a server may echo a token in any of them) and bounded in
// length: Message to 300 bytes, the codes to 64, RequestID to 128.
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

// Bounds of the fields of an [APIError], in bytes.
const (
	maxErrorMessage = 300
	maxErrorCode    = 64
	maxErrorID      = 128
)

// apiError decodes an error body; a body that is not JSON becomes the message.
// Every field is scrubbed by sc before it is cut to its bound, so a cut never
// leaves part of a credential behind.
func apiError(status int, body []byte, headerID string, sc *scrubber) *APIError {
	e := &APIError{StatusCode: status, RequestID: headerID}
	var eb errorBody
	if checkDepth(body) == nil && json.Unmarshal(body, &eb) == nil {
		e.Message, e.Code, e.ErrorCode = eb.Message, scalarText(eb.Code), scalarText(eb.ErrorCode)
		if eb.RequestID != "" {
			e.RequestID = eb.RequestID
		}
	} else {
		e.Message = strings.TrimSpace(string(body))
	}
	field := func(s string, n int) string { return clip(strings.TrimSpace(sc.text(s)), n) }
	e.Message = field(e.Message, maxErrorMessage)
	e.Code, e.ErrorCode = field(e.Code, maxErrorCode), field(e.ErrorCode, maxErrorCode)
	e.RequestID = field(e.RequestID, maxErrorID)
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return e
}

// TooLargeError is returned when an answer passes a size bound: a body or one
// event beyond MaxResponseBytes, or a whole stream beyond MaxStreamBytes
// (Stream set). errors.Is(err, ErrResponseTooLarge) matches it.
type TooLargeError struct {
	// Limit is the bound passed, in bytes.
	Limit int64
	// Stream is set when the bound is the whole stream's, MaxStreamBytes.
	Stream bool
	// Event is set when the bound is one streamed event's, MaxResponseBytes.
	Event bool
}

// Error names the bound and the setting that holds it.
func (e *TooLargeError) Error() string {
	switch {
	case e.Stream:
		return fmt.Sprintf("%v: the stream passed MaxStreamBytes (%d bytes)", ErrResponseTooLarge, e.Limit)
	case e.Event:
		return fmt.Sprintf("%v: an event of more than MaxResponseBytes (%d bytes)", ErrResponseTooLarge, e.Limit)
	}
	return fmt.Sprintf("%v: a body of more than MaxResponseBytes (%d bytes)", ErrResponseTooLarge, e.Limit)
}

// Is matches ErrResponseTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == ErrResponseTooLarge }

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
