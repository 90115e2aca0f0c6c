package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// analystKey is the analyst page's key; it has a question box instead of the
// filter form.
const analystKey = "analyst"

// maxQuestion bounds a question's length in runes.
const maxQuestion = 500

type analystView struct {
	Question  string
	Available bool
	Answer    *Answer
	Err       string
	FollowUps []crumb
}

// analyst answers the question in ?q= when an analyst is configured.
func (h *handler) analyst(ctx context.Context, r *http.Request, v *view) {
	a := &analystView{Question: strings.TrimSpace(r.URL.Query().Get("q")), Available: h.cfg.Analyst != nil}
	v.Analyst = a
	if !a.Available || a.Question == "" {
		return
	}
	if e := checkQuestion(a.Question); e != nil {
		v.Status, a.Err = e.Status, e.Message
		return
	}
	ans, err := h.cfg.Analyst.Ask(ctx, a.Question)
	if err != nil {
		e := h.classify(err, "analyst failed")
		v.Status, a.Err = e.Status, e.Message
		return
	}
	a.Answer = &ans
	a.FollowUps = followUps(ans.FollowUps)
}

// checkQuestion refuses a question longer than maxQuestion runes.
func checkQuestion(q string) *Error {
	if utf8.RuneCountInString(q) > maxQuestion {
		return BadRequest("The question is too long: keep it under "+itoa(maxQuestion)+" characters.", nil)
	}
	return nil
}

// followUps are the follow-up questions as links to the analyst page.
func followUps(qs []string) []crumb {
	var out []crumb
	for _, f := range qs {
		out = append(out, crumb{Label: f, Remove: "/analyst?" + url.Values{"q": {f}}.Encode()})
	}
	return out
}
