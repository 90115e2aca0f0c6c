package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// analystKey is the analyst page's key; it has a conversation instead of the
// filter form.
const analystKey = "analyst"

// maxQuestion bounds a question's length in runes.
const maxQuestion = 500

// conversant is an [Analyst] that follows a conversation ([FromAnalyst]'s is
// one); any other Analyst answers each question on its own.
type conversant interface {
	converse(ctx context.Context, scope analyst.Scope, turns []string, emit func(Piece) error) ([]Answer, error)
	keeps() bool
	starters() []string
}

// fallbackStarters are offered by an analyst that has no questions of its own.
var fallbackStarters = []string{
	"What was total revenue last month?",
	"Top 5 products by revenue in 2025",
	"Revenue by region and segment",
	"Monthly revenue trend",
}

type analystView struct {
	Available bool
	Turns     []turnView
	// Scope is the filter the answers keep, each value with the link that
	// removes it; Kept is false when the analyst cannot keep it.
	Scope    []crumb
	Kept     bool
	Unkept   []string // filters the analyst cannot keep (a customer)
	AllData  string   // the conversation without the scope
	Fresh    string   // a new conversation with the same scope
	Hidden   []hiddenField
	Full     bool
	MaxTurns int
	Starters []crumb
	Err      string
}

// turnView is one question of the conversation and what came of it.
type turnView struct {
	N         int
	Question  string
	Answer    *Answer
	SQL       sqlView
	Err       string
	Last      bool
	FollowUps []crumb
}

type hiddenField struct{ Name, Value string }

// serveAnalyst renders the analyst page: the conversation in the query asked
// again, in order, within the dashboard filter the query carries.
func (h *handler) serveAnalyst(w http.ResponseWriter, r *http.Request, p Page) {
	ctx, cancel := h.ctx(r)
	defer cancel()
	c, cerr := readConversation(clean(r.URL.Query()))
	v := h.base(ctx, w, r, p, c.Scope)
	a := &analystView{Available: h.cfg.Analyst != nil, MaxTurns: maxTurns, Kept: true}
	v.Analyst = a
	defer h.render(w, v)
	if !a.Available {
		return
	}
	if cerr != nil {
		v.Status, a.Err = cerr.Status, cerr.Message
		c.Turns = nil
	}
	scope, crumbs, unkept, err := h.scopeOf(ctx, c)
	if err != nil {
		e := h.classify(err, "analyst scope failed")
		v.Status, a.Err = e.Status, e.Message
		return
	}
	a.Scope, a.Unkept, a.Fresh, a.Full = crumbs, unkept, c.fresh(), c.full()
	a.AllData = withQuery("/"+analystKey, conversation{}.query(c.Turns))
	if cv, ok := h.cfg.Analyst.(conversant); ok {
		a.Kept = scope.Empty() || cv.keeps()
	} else {
		a.Kept = scope.Empty()
	}
	if !c.full() {
		for _, t := range c.Turns {
			a.Hidden = append(a.Hidden, hiddenField{keyQuestion, t})
		}
	}
	for k, vs := range c.Scope {
		for _, val := range vs {
			a.Hidden = append(a.Hidden, hiddenField{k, val})
		}
	}
	if len(c.Turns) == 0 {
		a.Starters = c.links(h.starters())
		return
	}
	answers, err := h.converse(ctx, scope, c.Turns, nil)
	a.Turns = turnViews(c, answers, err)
	if err != nil {
		e := h.analystError(err)
		v.Status = e.Status
	}
}

// starters are the questions the empty page offers.
func (h *handler) starters() []string {
	if cv, ok := h.cfg.Analyst.(conversant); ok {
		if s := cv.starters(); len(s) > 0 {
			return s[:min(len(s), 6)]
		}
	}
	return fallbackStarters
}

// converse asks the conversation's turns; an analyst that does not follow a
// conversation answers each alone.
func (h *handler) converse(ctx context.Context, scope analyst.Scope, turns []string, emit func(Piece) error) ([]Answer, error) {
	if cv, ok := h.cfg.Analyst.(conversant); ok {
		return cv.converse(ctx, scope, turns, emit)
	}
	var out []Answer
	for i, q := range turns {
		var ans Answer
		var err error
		if i == len(turns)-1 && emit != nil {
			ans, err = streamAnswer(ctx, h.cfg.Analyst, q, emit)
		} else {
			ans, err = h.cfg.Analyst.Ask(ctx, q)
		}
		if err != nil {
			return out, err
		}
		out = append(out, ans)
	}
	return out, nil
}

// turnViews pairs the questions with their answers; the turn after the last
// answer failed with err, and the turns after it were not asked.
func turnViews(c conversation, answers []Answer, err error) []turnView {
	var out []turnView
	for i, q := range c.Turns {
		t := turnView{N: i + 1, Question: q, Last: i == len(c.Turns)-1}
		switch {
		case i < len(answers):
			ans := answers[i]
			ans.Table = turnTable(ans.Table, t.N)
			t.Answer, t.SQL = &ans, sqlOf(ans.SQL, ans.Args)
			if t.Last {
				t.FollowUps = c.links(ans.FollowUps)
			}
		case i == len(answers) && err != nil:
			e := asError(err)
			if refused(err) {
				t.Answer = &Answer{Declined: true, Reason: refusal(err).Message}
			} else {
				t.Err = e.Message
			}
			t.Last = true
		default:
			continue
		}
		out = append(out, t)
		if t.Last {
			break
		}
	}
	return out
}

// turnTable is the table of turn n, named for it: "answer-2".
func turnTable(t *Table, n int) *Table {
	if t == nil {
		return nil
	}
	c := *t
	c.ID = "answer-" + itoa(n)
	return &c
}

// analystError classifies an analyst's failure: a refusal (the analyst's SQL
// was not read-only, or would return too many rows) is a 422 that the page
// shows as a decline with its reason; a request the analyst service refused is
// a 502; anything else as any page error.
func (h *handler) analystError(err error) *Error {
	if refused(err) {
		return refusal(err)
	}
	var api *analyst.APIError
	if errors.As(err, &api) && api.StatusCode >= 400 && api.StatusCode < 500 {
		h.log.Error("analyst service refused", "err", err)
		return &Error{Status: http.StatusBadGateway, Message: "The analyst service refused the question (status " + itoa(api.StatusCode) + "). The error is in the server log.", Cause: err}
	}
	return h.classify(err, "analyst failed")
}

// refused reports whether err is the analyst's answer being refused here.
func refused(err error) bool {
	return errors.Is(err, analyst.ErrNotReadOnly) || errors.Is(err, analyst.ErrTooManyRows)
}

// refusal is a refused answer as a 422 with its reason in words.
func refusal(err error) *Error {
	msg := "The answer has more rows than the page shows; ask for fewer (top 10, by month) or a narrower question."
	if errors.Is(err, analyst.ErrNotReadOnly) {
		why := err.Error()
		if i := strings.LastIndex(why, ": "); i >= 0 {
			why = why[i+2:]
		}
		msg = "The SQL the analyst wrote was not run: only one read-only SELECT may run, and " + why + "."
	}
	return &Error{Status: http.StatusUnprocessableEntity, Message: msg, Cause: err}
}
