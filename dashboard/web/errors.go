package web

import (
	"context"
	"errors"
	"net/http"
)

// Error is an error with the HTTP status and the sentence a person reads. The
// wrapped cause goes to the server log only: SQL and driver messages never reach
// a page.
type Error struct {
	Status  int
	Message string
	Cause   error
}

// Error returns the message and, for the log, the cause.
func (e *Error) Error() string {
	if e.Cause != nil {
		return e.Message + ": " + e.Cause.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// BadRequest is a 400 whose message is shown as it is (a filter's own words).
func BadRequest(msg string, cause error) *Error {
	return &Error{Status: http.StatusBadRequest, Message: msg, Cause: cause}
}

// asError classifies any error for a page: an *Error keeps its status and
// message; a deadline or cancellation is a 503; anything else is a 500 with a
// message that says what failed without how.
func asError(err error) *Error {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &Error{Status: http.StatusServiceUnavailable, Message: "The warehouse took too long to answer; try again in a moment.", Cause: err}
	default:
		return &Error{Status: http.StatusInternalServerError, Message: "The dashboard could not read the warehouse. The error is in the server log.", Cause: err}
	}
}
