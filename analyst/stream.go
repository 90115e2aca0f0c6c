package analyst

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"
)

// Event is one server-sent event of a streamed answer.
type Event struct {
	// Type is the SSE event name: status, message.content.delta, warnings,
	// response_metadata, error or done (others are passed through).
	Type string
	// Status and StatusMessage, for status events (e.g. generating_sql).
	Status, StatusMessage string
	// Delta, for message.content.delta events.
	Delta *Delta
	// Warnings, for warnings events.
	Warnings []Warning
	// Metadata, for response_metadata events.
	Metadata map[string]any
	// Err, for error events.
	Err *APIError
	// Data is the event's raw data.
	Data json.RawMessage
}

// Delta is a piece of content item Index.
type Delta struct {
	Index            int              `json:"index"`
	Type             ContentType      `json:"type"`
	TextDelta        string           `json:"text_delta,omitempty"`
	StatementDelta   string           `json:"statement_delta,omitempty"`
	Confidence       *Confidence      `json:"confidence,omitempty"`
	SuggestionsDelta *SuggestionDelta `json:"suggestions_delta,omitempty"`
}

// SuggestionDelta is a piece of suggestion Index of a suggestions item.
type SuggestionDelta struct {
	Index           int    `json:"index"`
	SuggestionDelta string `json:"suggestion_delta"`
}

// Stream is a streamed answer being read. Read it with [Stream.Events] (or
// [Stream.Next]) to see deltas as they arrive, or [Stream.Wait] for the whole
// answer; Close it when done.
//
// A stream lasts as long as its context (and Client.RequestTimeout) allow; no
// fixed client timeout cuts it. Its total size is bounded by
// Client.MaxStreamBytes and each event by Client.MaxResponseBytes, and deltas are
// assembled in time linear in the stream.
type Stream struct {
	*streamConn
	done  bool
	err   error
	parts map[int]*part
	resp  Response
}

// streamConn is an open server-sent event stream: the body, read within the
// client's bounds, and what closing it releases.
type streamConn struct {
	ctx    context.Context
	cancel context.CancelFunc
	body   io.ReadCloser
	sse    sseReader
	sc     *scrubber
	// requestID is the X-Snowflake-Request-Id of the answer.
	requestID string
}

// sseReader reads "event:/data:" blocks, each of at most limit bytes.
type sseReader struct {
	ctx   context.Context
	r     *bufio.Reader
	limit int64
}

// part is a content item being assembled from its deltas.
type part struct {
	typ             ContentType
	text, statement strings.Builder
	confidence      *Confidence
	suggest         map[int]*strings.Builder
}

// Stream sends req with streaming on and returns the stream once the server has
// accepted it. Errors before the stream starts (bad request, auth, 429 after the
// retries) are returned here as they are by [Client.Message].
func (c *Client) Stream(ctx context.Context, req Request) (*Stream, error) {
	req.Stream = true
	conn, err := c.openStream(ctx, MessagePath, req)
	if err != nil {
		return nil, err
	}
	s := &Stream{streamConn: conn, parts: map[int]*part{}}
	s.resp.RequestID = conn.requestID
	return s, nil
}

// openStream posts body to path asking for server-sent events and returns the
// open stream, bounded by MaxStreamBytes in all and MaxResponseBytes an event.
// Errors before the stream starts are scrubbed like every error of the client.
func (c *Client) openStream(ctx context.Context, path string, body any) (*streamConn, error) {
	ctx, cancel := c.withTimeout(ctx)
	sc := newScrubber(c.Auth)
	resp, err := c.post(ctx, path, body, true, sc)
	if err != nil {
		cancel()
		return nil, sc.err(err)
	}
	total := c.MaxStreamBytes
	if total <= 0 {
		total = DefaultMaxStreamBytes
	}
	bounded := &boundedReader{r: resp.Body, left: total, limit: total}
	return &streamConn{ctx: ctx, cancel: cancel, body: resp.Body, sc: sc, requestID: requestID(resp),
		sse: sseReader{ctx: ctx, r: bufio.NewReaderSize(bounded, 64<<10), limit: c.maxResponse()}}, nil
}

// Close releases the connection (and the RequestTimeout's timer).
func (c *streamConn) Close() error {
	err := c.body.Close()
	c.cancel()
	return err
}

// Next reads and applies the next event. It returns io.EOF after the last one
// (status done, a done event, or the end of the body), an *APIError for an error
// event, a *TooLargeError past a size bound, and ErrStreamInterrupted if the body
// breaks off mid-event; when the context ended, that error also matches
// context.Canceled or context.DeadlineExceeded.
func (s *Stream) Next() (Event, error) {
	if s.done {
		return Event{}, io.EOF
	}
	if s.err != nil {
		return Event{}, s.err
	}
	name, data, err := s.sse.read()
	ev := Event{Type: name, Data: data}
	if err != nil {
		if errors.Is(err, io.EOF) {
			s.done = true
			return Event{}, err
		}
		s.err = s.sc.err(err)
		return Event{}, s.err
	}
	if err := s.apply(&ev); err != nil {
		s.err = s.sc.err(err)
		return ev, s.err
	}
	return ev, nil
}

// Events yields every event as it arrives; after the last, iteration ends. An
// error ends it too, yielded with the event where it occurred.
func (s *Stream) Events() iter.Seq2[Event, error] { return events(s.Next) }

// events yields what next returns until io.EOF, or an error yielded with the
// event where it occurred: the iteration of every streamed API.
func events[E any](next func() (E, error)) iter.Seq2[E, error] {
	return func(yield func(E, error) bool) {
		for {
			ev, err := next()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(ev, err) || err != nil {
				return
			}
		}
	}
}

// Wait reads the rest of the stream and returns the assembled answer, the same
// Response a non-streamed request returns.
func (s *Stream) Wait() (*Response, error) {
	for {
		_, err := s.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return s.Response(), nil
}

// Response returns the answer assembled so far.
func (s *Stream) Response() *Response {
	r := s.resp
	idx := make([]int, 0, len(s.parts))
	for i := range s.parts {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	r.Message = Message{Role: RoleAnalyst, Content: make([]Content, 0, len(idx))}
	for _, i := range idx {
		p := s.parts[i]
		c := Content{Type: p.typ, Text: p.text.String(), Statement: p.statement.String(), Confidence: p.confidence}
		if len(p.suggest) > 0 {
			keys := make([]int, 0, len(p.suggest))
			for k := range p.suggest {
				keys = append(keys, k)
			}
			sort.Ints(keys)
			c.Suggestions = make([]string, 0, len(keys))
			for _, k := range keys {
				c.Suggestions = append(c.Suggestions, p.suggest[k].String())
			}
		}
		r.Message.Content = append(r.Message.Content, c)
	}
	return &r
}

// interrupted wraps a read failure, and the context's error when the context
// ended: the caller can tell a cancelled stream from a broken one.
func (s *sseReader) interrupted(err error) error {
	if cerr := s.ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w (%v)", ErrStreamInterrupted, cerr, err)
	}
	return fmt.Errorf("%w: %w", ErrStreamInterrupted, err)
}

// read reads one "event:/data:" block, ending at a blank line, and returns the
// event's name ("message" when it has none) and data. It returns io.EOF at the
// end of the body between events.
func (s *sseReader) read() (string, json.RawMessage, error) {
	var name string
	var data bytes.Buffer
	var size int64
	seen := false
	for {
		line, err := s.r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// a long line: keep reading it in pieces, within the limit
			rest, err2 := s.readLong(line)
			line, err = rest, err2
		}
		size += int64(len(line))
		if size > s.limit {
			return "", nil, &TooLargeError{Limit: s.limit, Event: true}
		}
		if err != nil {
			var tl *TooLargeError
			switch {
			case errors.As(err, &tl):
				return "", nil, err
			case errors.Is(err, io.EOF) && (seen || len(bytes.TrimSpace(line)) > 0):
				return "", nil, s.interrupted(fmt.Errorf("the body ended inside an event: %w", io.ErrUnexpectedEOF))
			case errors.Is(err, io.EOF) && s.ctx.Err() == nil:
				return "", nil, io.EOF
			}
			return "", nil, s.interrupted(err)
		}
		l := bytes.TrimRight(line, "\r\n") // aliases the reader's buffer until the next read
		if len(l) == 0 {
			if !seen {
				continue
			}
			if name == "" {
				name = "message"
			}
			return name, json.RawMessage(data.Bytes()), nil
		}
		if l[0] == ':' {
			continue // a comment
		}
		field, value, _ := bytes.Cut(l, []byte(":"))
		value = bytes.TrimPrefix(value, []byte(" "))
		seen = true
		switch string(field) {
		case "event":
			name = string(value)
		case "data":
			if data.Len() > 0 {
				data.WriteByte('\n')
			}
			data.Write(value)
		}
	}
}

func (s *sseReader) readLong(first []byte) ([]byte, error) {
	buf := append([]byte(nil), first...)
	for {
		more, err := s.r.ReadSlice('\n')
		buf = append(buf, more...)
		if int64(len(buf)) > s.limit {
			return buf, nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return buf, err
		}
	}
}

// apply folds an event into the answer.
func (s *Stream) apply(ev *Event) error {
	decode := func(v any) error {
		if err := checkDepth(ev.Data); err != nil {
			return fmt.Errorf("%s event: %w", ev.Type, err)
		}
		if err := json.Unmarshal(ev.Data, v); err != nil {
			return fmt.Errorf("%w: %s event: %v", ErrMalformedResponse, ev.Type, err)
		}
		return nil
	}
	switch ev.Type {
	case "status":
		var st struct {
			Status        string `json:"status"`
			StatusMessage string `json:"status_message"`
			RequestID     string `json:"request_id"`
		}
		if err := decode(&st); err != nil {
			return err
		}
		ev.Status, ev.StatusMessage = st.Status, st.StatusMessage
		if st.RequestID != "" {
			s.resp.RequestID = st.RequestID
		}
		if st.Status == "done" {
			s.done = true
		}
	case "message.content.delta":
		var d Delta
		if err := decode(&d); err != nil {
			return err
		}
		if d.Type == "suggestion" {
			d.Type = ContentSuggestions
		}
		ev.Delta = &d
		p := s.parts[d.Index]
		if p == nil {
			p = &part{typ: d.Type}
			s.parts[d.Index] = p
		}
		p.text.WriteString(d.TextDelta)
		p.statement.WriteString(d.StatementDelta)
		if d.Confidence != nil {
			p.confidence = d.Confidence
		}
		if sd := d.SuggestionsDelta; sd != nil {
			if p.suggest == nil {
				p.suggest = map[int]*strings.Builder{}
			}
			b := p.suggest[sd.Index]
			if b == nil {
				b = &strings.Builder{}
				p.suggest[sd.Index] = b
			}
			b.WriteString(sd.SuggestionDelta)
		}
	case "warnings":
		var w struct {
			Warnings []Warning `json:"warnings"`
		}
		if err := decode(&w); err != nil {
			return err
		}
		ev.Warnings = w.Warnings
		s.resp.Warnings = append(s.resp.Warnings, w.Warnings...)
	case "response_metadata":
		var m map[string]any
		if err := decode(&m); err != nil {
			return err
		}
		ev.Metadata = m
		s.resp.ResponseMetadata = m
	case "error":
		ae := apiError(200, ev.Data, s.resp.RequestID, s.sc)
		ev.Data = json.RawMessage(s.sc.text(string(ev.Data)))
		ev.Err = ae
		return ae
	case "done":
		s.done = true
	}
	return nil
}
