package web

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// The analyst page keeps its conversation in its URL, as every page keeps its
// filter: /analyst?region=West&q=top+5+reps&q=and+in+2024%3F is the West's top
// reps, then the same in 2024. The q values are the questions, oldest first; the
// other keys are the dashboard filter the answers keep (the scope). The server
// holds nothing between requests: it asks the questions again, in order, each a
// follow-up of those before, so a link or a reload reproduces the conversation,
// and no visitor can make the server keep anything.
const (
	keyQuestion = "q"
	// maxTurns is the most questions one conversation holds; the next question
	// after that starts a new conversation with the same scope.
	maxTurns = 8
	// maxConversationBytes bounds the questions of one conversation together.
	maxConversationBytes = 2000
)

// conversation is the analyst page's state, read from its query.
type conversation struct {
	// Turns are the questions, oldest first; the last is the one being asked.
	Turns []string
	// Scope is the query without the questions: the dashboard filter.
	Scope url.Values
}

// readConversation reads the questions and the scope from q, refusing a
// question over maxQuestion runes, more than maxTurns questions or more than
// maxConversationBytes of them.
func readConversation(q url.Values) (conversation, *Error) {
	c := conversation{Scope: url.Values{}}
	size := 0
	for k, vs := range q {
		if k != keyQuestion {
			c.Scope[k] = vs
			continue
		}
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				if e := checkQuestion(v); e != nil {
					return c, e
				}
				c.Turns = append(c.Turns, v)
				size += len(v)
			}
		}
	}
	switch {
	case len(c.Turns) > maxTurns:
		return c, BadRequest("A conversation holds at most "+itoa(maxTurns)+" questions; start a new one.", nil)
	case size > maxConversationBytes:
		return c, BadRequest("The conversation is too long to follow; start a new one.", nil)
	}
	return c, nil
}

// checkQuestion refuses a question longer than maxQuestion runes.
func checkQuestion(q string) *Error {
	if utf8.RuneCountInString(q) > maxQuestion {
		return BadRequest("The question is too long: keep it under "+itoa(maxQuestion)+" characters.", nil)
	}
	return nil
}

// full reports whether the conversation holds as many questions as it may: the
// next question starts a new one.
func (c conversation) full() bool { return len(c.Turns) >= maxTurns }

// query is the conversation's query: the scope, then the questions in order.
func (c conversation) query(turns []string) url.Values {
	q := url.Values{}
	for k, vs := range c.Scope {
		q[k] = append([]string(nil), vs...)
	}
	for _, t := range turns {
		q.Add(keyQuestion, t)
	}
	return q
}

// next is the link that asks question after the conversation's questions, or,
// when it is full, as the first of a new conversation with the same scope.
func (c conversation) next(question string) string {
	turns := c.Turns
	if c.full() {
		turns = nil
	}
	return withQuery("/"+analystKey, c.query(append(append([]string(nil), turns...), question)))
}

// fresh is the link of a new conversation with the same scope.
func (c conversation) fresh() string { return withQuery("/"+analystKey, c.query(nil)) }

// links are questions as links that ask each after the conversation's.
func (c conversation) links(qs []string) []crumb {
	var out []crumb
	for _, f := range qs {
		out = append(out, crumb{Label: f, Remove: c.next(f)})
	}
	return out
}
