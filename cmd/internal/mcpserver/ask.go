package mcpserver

import (
	"context"
	"strings"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
)

// MaxQuestion is the longest question the ask tool takes, in bytes.
const MaxQuestion = 4 << 10

// AskIn is a question.
type AskIn struct {
	Question string `json:"question" jsonschema:"a question about sales in plain language, e.g. What was total revenue last month?"`
	New      bool   `json:"new_conversation,omitempty" jsonschema:"forget this session's earlier questions first"`
}

// AskOut is the analyst's answer.
type AskOut struct {
	Answer      string           `json:"answer" jsonschema:"the answer in words, with the figures"`
	Declined    bool             `json:"declined,omitempty" jsonschema:"the analyst could not answer; reason says why"`
	Reason      string           `json:"reason,omitempty"`
	Reading     *request.Request `json:"reading,omitempty" jsonschema:"how the question was read, as a query request (the offline analyst)"`
	SQL         string           `json:"sql,omitempty"`
	Args        []string         `json:"args,omitempty"`
	Columns     []string         `json:"columns,omitempty"`
	Rows        []map[string]any `json:"rows,omitempty" jsonschema:"the result rows keyed by column: decimals as exact strings"`
	Suggestions []string         `json:"suggestions,omitempty" jsonschema:"follow-up questions"`
}

func (s *server) ask(ctx context.Context, req *mcp.CallToolRequest, in AskIn) (AskOut, error) {
	q := strings.TrimSpace(in.Question)
	if q == "" || len(q) > MaxQuestion {
		return AskOut{}, inputf("question: 1 to %d bytes of text", MaxQuestion)
	}
	conv := s.convs.get(req.Session, in.New)
	a, err := conv.Ask(ctx, q)
	if err != nil {
		return AskOut{}, err
	}
	out := AskOut{Answer: a.Text, Declined: a.Declined, Reason: a.Reason, SQL: a.SQL, Suggestions: a.Suggestions}
	if r, ok := service.Reading(a); ok {
		out.Reading = &r
	}
	for _, v := range a.Args {
		out.Args = append(out.Args, service.Arg(v))
	}
	if a.Result != nil {
		w := (&service.Answer{Result: a.Result}).Wire()
		for _, c := range w.Columns {
			out.Columns = append(out.Columns, c.Name)
		}
		out.Rows = w.Rows
	}
	return out, nil
}

// conversations keeps one analyst session per MCP session, at most max of
// them: past that the oldest half is forgotten.
type conversations struct {
	mu    sync.Mutex
	max   int
	svc   *service.Service
	by    map[*mcp.ServerSession]*analyst.Session
	order []*mcp.ServerSession
}

func newConversations(max int) *conversations {
	return &conversations{max: max, by: map[*mcp.ServerSession]*analyst.Session{}}
}

func (c *conversations) get(ss *mcp.ServerSession, fresh bool) *analyst.Session {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.by[ss]
	if !ok || ss == nil {
		if len(c.order) >= c.max {
			for _, old := range c.order[:c.max/2] {
				delete(c.by, old)
			}
			c.order = append([]*mcp.ServerSession(nil), c.order[c.max/2:]...)
		}
		s = &analyst.Session{Analyst: c.svc.Analyst(), MaxTurns: 20}
		if ss != nil {
			c.by[ss] = s
			c.order = append(c.order, ss)
		}
	}
	if fresh {
		s.Reset()
	}
	return s
}
