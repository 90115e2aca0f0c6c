package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// Streamer is an [Analyst] that can stream its answer: AskStream answers as Ask
// does and meanwhile calls emit with each [Piece] as it is known. An error from
// emit (the reader went away) stops the work and is returned. [FromAnalyst]
// returns one.
type Streamer interface {
	Analyst
	AskStream(ctx context.Context, question string, emit func(Piece) error) (Answer, error)
}

// Piece is one step of a streamed answer: the field its Kind names is set
// (Table for analyst.PartResult, FollowUps for analyst.PartSuggestions).
type Piece struct {
	Kind      analyst.PartKind
	Status    string
	Text      string
	SQL       string
	Args      []any // the values bound to the SQL's placeholders
	Table     *Table
	FollowUps []string
}

// The events of /analyst/stream, each an HTML fragment rendered on the server
// by the template of the same name (prefixed "stream-"): the script puts it in
// its place without reading it as anything but markup we escaped.
const (
	evStatus  = "status"  // what the analyst is doing: replaces the status line
	evText    = "text"    // more of the sentence: appended to it
	evSQL     = "sql"     // the SQL box
	evTable   = "table"   // the result table
	evSuggest = "suggest" // the follow-up links
	evError   = "error"   // a readable message; the stream ends
	evDone    = "done"    // the whole turn, as the page renders it; the stream ends
)

// serveAnalystStream answers GET /analyst/stream?q=…&q=… with server-sent
// events (text/event-stream): the conversation's earlier questions are asked
// again without a word, within the filter the query carries, and the last one's
// parts are flushed as the analyst emits them, then the whole turn as the page
// renders it. It is bounded as the page is — the questions' length and number,
// the request timeout — and stops when the client goes away. Failures are an
// error event with the page's message; a refused answer is a turn that says so.
func (h *handler) serveAnalystStream(w http.ResponseWriter, r *http.Request) {
	sw := &eventWriter{w: w, rc: http.NewResponseController(w), h: h}
	if h.cfg.Analyst == nil {
		sw.fail(http.StatusNotFound, "The analyst is not available on this server.")
		return
	}
	c, e := readConversation(clean(r.URL.Query()))
	switch {
	case e != nil:
		sw.fail(e.Status, e.Message)
		return
	case len(c.Turns) == 0:
		sw.fail(http.StatusBadRequest, "Type a question first.")
		return
	}
	sw.conv = c
	ctx, cancel := h.ctx(r)
	defer cancel()
	scope, _, _, err := h.scopeOf(ctx, c)
	if err != nil {
		e := h.classify(err, "analyst scope failed")
		sw.fail(e.Status, e.Message)
		return
	}
	sw.start(http.StatusOK)
	answers, err := h.converse(ctx, scope, c.Turns, sw.piece)
	switch {
	case r.Context().Err() != nil || errors.Is(err, errClientGone):
		return // nobody is reading
	case errors.Is(err, errAnswerTooLong):
		return // the error event is sent
	case err != nil && !refused(err):
		_ = sw.send(evError, h.analystError(err).Message)
		return
	}
	turns := turnViews(c, answers, err)
	_ = sw.send(evDone, turns[len(turns)-1])
}

// streamAnswer asks a, streaming when a is a [Streamer] and else emitting the
// finished answer's pieces.
func streamAnswer(ctx context.Context, a Analyst, q string, emit func(Piece) error) (Answer, error) {
	if s, ok := a.(Streamer); ok {
		return s.AskStream(ctx, q, emit)
	}
	ans, err := a.Ask(ctx, q)
	if err != nil {
		return Answer{}, err
	}
	for _, p := range []Piece{{Kind: analyst.PartText, Text: ans.Text}, {Kind: analyst.PartSQL, SQL: ans.SQL, Args: ans.Args},
		{Kind: analyst.PartResult, Table: ans.Table}, {Kind: analyst.PartSuggestions, FollowUps: ans.FollowUps}} {
		if err := emit(p); err != nil {
			return Answer{}, err
		}
	}
	return ans, nil
}

// errClientGone is returned by emit when an event could not be written.
var errClientGone = errors.New("web: the client went away")

// eventWriter writes server-sent events, one HTML fragment each.
type eventWriter struct {
	conv conversation // the follow-up links ask after its questions
	w    http.ResponseWriter
	rc   *http.ResponseController
	h    *handler
	sent int // bytes written so far, bounded by the handler's MaxAnswerBytes
}

// errAnswerTooLong stops an answer whose events would pass MaxAnswerBytes.
var errAnswerTooLong = errors.New("web: the answer is too long to send")

// start sends the headers: an event stream nothing caches or buffers.
func (e *eventWriter) start(status int) {
	hd := e.w.Header()
	hd.Set("Content-Type", "text/event-stream; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Accel-Buffering", "no")
	e.w.WriteHeader(status)
}

// fail answers a request refused before the analyst was asked: its status and
// one error event.
func (e *eventWriter) fail(status int, msg string) {
	e.start(status)
	_ = e.send(evError, msg)
}

// piece sends one piece of the answer; an empty piece sends nothing.
func (e *eventWriter) piece(p Piece) error {
	switch {
	case p.Kind == analyst.PartStatus && p.Status != "":
		return e.send(evStatus, p.Status)
	case p.Kind == analyst.PartText && p.Text != "":
		return e.send(evText, p.Text)
	case p.Kind == analyst.PartSQL && p.SQL != "":
		return e.send(evSQL, sqlOf(p.SQL, p.Args))
	case p.Kind == analyst.PartResult && p.Table != nil:
		return e.send(evTable, turnTable(p.Table, len(e.conv.Turns)))
	case p.Kind == analyst.PartSuggestions && len(p.FollowUps) > 0:
		return e.send(evSuggest, e.conv.links(p.FollowUps))
	}
	return nil
}

// tooLong ends the stream with an error event instead of an event that would
// pass the bound, and returns errAnswerTooLong, which stops the analyst.
func (e *eventWriter) tooLong() error {
	e.sent = e.h.cfg.MaxAnswerBytes
	_ = e.send(evError, "The answer is too long to show here; ask for fewer rows or a narrower question.")
	return errAnswerTooLong
}

// send renders the event's template with data and writes it as one event, its
// lines as data lines, then flushes.
func (e *eventWriter) send(event string, data any) error {
	var buf bytes.Buffer
	if err := e.h.tmpl.ExecuteTemplate(&buf, "stream-"+event, data); err != nil {
		e.h.log.Error("template failed", "template", "stream-"+event, "err", err)
		return err
	}
	frag := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(buf.String())
	var b strings.Builder
	b.WriteString("event: " + event + "\n")
	for _, line := range strings.Split(frag, "\n") {
		b.WriteString("data: " + line + "\n")
	}
	b.WriteString("\n")
	if e.sent+b.Len() > e.h.cfg.MaxAnswerBytes && event != evError {
		return e.tooLong()
	}
	e.sent += b.Len()
	if _, err := e.w.Write([]byte(b.String())); err != nil {
		return errClientGone
	}
	// A writer that cannot flush (a wrapping middleware) still gets the whole
	// answer, only not in steps.
	if err := e.rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return errClientGone
	}
	return nil
}
