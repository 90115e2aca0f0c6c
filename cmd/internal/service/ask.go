package service

import (
	"context"
	"errors"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
)

// ErrUnknownView is matched (errors.Is) by the error for a view name that is
// not one of Views.
var ErrUnknownView = errors.New("unknown view")

// Ask answers question after the earlier answers of a conversation (nil for a
// fresh question). A decline is an answer, not an error.
func (s *Service) Ask(ctx context.Context, history []*analyst.Answer, question string) (*analyst.Answer, error) {
	return s.analyst.Ask(ctx, history, question)
}

// Analyst returns the analyst the service asks.
func (s *Service) Analyst() analyst.Analyst { return s.analyst }

// Reading is how the analyst read a question, as a JSON request: ok is false
// when the analyst gave no typed reading (Cortex Analyst) or the reading does
// not fit the request form.
func Reading(a *analyst.Answer) (request.Request, bool) {
	if a == nil || a.Request == nil {
		return request.Request{}, false
	}
	return request.FromQuery(*a.Request)
}
