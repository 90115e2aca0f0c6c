package offline

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Defaults of [Options].
const (
	DefaultMaxRows = 1000
	// DefaultMaxValues caps the values read per dimension by [LoadValues].
	DefaultMaxValues = 25000
)

// Options configure an [Analyst].
type Options struct {
	// Dialect is the warehouse's SQL. Required.
	Dialect dialect.Dialect
	// Now is the clock relative periods ("last month") resolve against. Nil means
	// time.Now. The embedded demo data reads well as of 2026-01-01.
	Now func() time.Time
	// MaxRows caps the rows of an answer; more are cut, and the answer says so.
	// Zero means DefaultMaxRows.
	MaxRows int
	// Timeout caps each answer's query. Zero means analyst.DefaultExecTimeout.
	Timeout time.Duration
	// MaxValues caps the values read per dimension from the warehouse. Zero means
	// DefaultMaxValues.
	MaxValues int
}

// Analyst answers questions from the semantic model alone, with no network: it
// resolves each question into a typed query.Request, compiles it like every
// query (identifiers from the model, values bound), checks the SQL with the
// read-only guard and runs it for exact, typed results. It implements
// [analyst.Analyst] and is safe for concurrent use.
type Analyst struct {
	*Resolver
	compiler *query.Compiler
	db       query.Querier
	timeout  time.Duration
}

var _ analyst.Streamer = (*Analyst)(nil)

// New prepares an offline analyst over m, reading the names of products, sales
// reps, customers and states (every text dimension without a complete list of
// values in the model) from db once, with bounded queries.
func New(ctx context.Context, m *semantic.Model, db query.Querier, opts Options) (*Analyst, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxRows <= 0 {
		opts.MaxRows = DefaultMaxRows
	}
	if opts.Timeout <= 0 {
		opts.Timeout = analyst.DefaultExecTimeout
	}
	c, err := query.New(m, query.Options{Dialect: opts.Dialect, Now: opts.Now})
	if err != nil {
		return nil, err
	}
	values, err := LoadValues(ctx, c, db, opts.MaxValues)
	if err != nil {
		return nil, err
	}
	r, err := NewResolver(m, values, opts.Now, opts.MaxRows)
	if err != nil {
		return nil, err
	}
	end, err := LoadDataEnd(ctx, c, db)
	if err != nil {
		return nil, err
	}
	r = r.WithDataEnd(end)
	return &Analyst{Resolver: r, compiler: c, db: db, timeout: opts.Timeout}, nil
}

// LoadValues reads the distinct values of each text dimension of the model that
// has no complete list of values (is_enum), through compiled requests capped at
// maxValues+1 rows; a dimension with more than maxValues values is left out (its
// values are then not recognised in questions). Zero maxValues means
// DefaultMaxValues.
func LoadValues(ctx context.Context, c *query.Compiler, db query.Querier, maxValues int) (map[string][]string, error) {
	if maxValues <= 0 {
		maxValues = DefaultMaxValues
	}
	out := map[string][]string{}
	for _, f := range c.Model().Fields() {
		if f.Kind != semantic.KindDimension || f.IsEnum || f.DataType.Family() != semantic.FamilyText {
			continue
		}
		q, err := c.Compile(query.Request{Dimensions: []string{f.QualifiedName()}, Limit: maxValues + 1})
		if err != nil {
			return nil, fmt.Errorf("offline: values of %s: %w", f.Name, err)
		}
		res, err := q.Run(ctx, db)
		if err != nil {
			return nil, fmt.Errorf("offline: values of %s: %w", f.Name, err)
		}
		if len(res.Rows) > maxValues {
			continue
		}
		vs := make([]string, 0, len(res.Rows))
		for _, row := range res.Rows {
			if s, ok := row[0].(string); ok && s != "" {
				vs = append(vs, s)
			}
		}
		out[f.Name] = vs
	}
	return out, nil
}

// Ask implements [analyst.Analyst]: history's last answer from this analyst is
// what a follow-up ("and in 2024?", "only online") builds on.
func (a *Analyst) Ask(ctx context.Context, history []*analyst.Answer, question string) (*analyst.Answer, error) {
	return a.AskStream(ctx, history, question, func(analyst.Part) error { return nil })
}

// AskStream implements [analyst.Streamer]: it answers as Ask does and emits
// each stage as it happens — a status, the sentence's lead (what the question
// was read as), the SQL before it runs, the result table once it has run, the
// rest of the sentence with the figures, then the suggestions. A decline emits
// its text and suggestions.
func (a *Analyst) AskStream(ctx context.Context, history []*analyst.Answer, question string, emit func(analyst.Part) error) (*analyst.Answer, error) {
	if err := emit(analyst.Part{Kind: analyst.PartStatus, Status: "Interpreting the question"}); err != nil {
		return nil, err
	}
	return a.answer(ctx, question, a.Resolve(lastState(history), question), emit)
}

// lastState is what a follow-up builds on: the reading of history's last answer
// from this analyst that was not declined, or nil.
func lastState(history []*analyst.Answer) any {
	for i := len(history) - 1; i >= 0; i-- {
		if in, ok := history[i].State.(*intent); ok && !history[i].Declined {
			return in
		}
	}
	return nil
}

// answer completes res, the resolution of question: a decline as it is, else
// the query compiled, checked, run and said, each stage emitted.
func (a *Analyst) answer(ctx context.Context, question string, res *Resolution, emit func(analyst.Part) error) (*analyst.Answer, error) {
	ans := &analyst.Answer{Question: question, Suggestions: res.Suggestions, VerifiedQuery: res.Verified}
	q, err := a.compile(res)
	switch {
	case res.Declined || err == nil:
	case errors.Is(err, query.ErrNotExact):
		// A reading the semantic layer cannot compute exactly (a quota without
		// the months to sum it over) is declined, saying why.
		res = a.declined(&decline{kind: DeclineUnsupported, reason: "That cannot be computed exactly: " + strings.TrimPrefix(err.Error(), "query: ") + "."})
		ans.Suggestions = res.Suggestions
	case errors.Is(err, query.ErrInvalidRequest):
		// A reading the model cannot answer as read (a customer's lifetime
		// figure filtered by an order's field) is declined with the reading.
		res = a.declined(&decline{kind: DeclineUnsupported, reason: fmt.Sprintf("I read that as %s, which the model cannot answer: %s.", strings.ToLower(res.Reading[:1])+res.Reading[1:], strings.TrimPrefix(err.Error(), "query: "))})
		ans.Suggestions = res.Suggestions
	}
	if res.Declined {
		ans.Declined, ans.Reason = true, res.Reason
		ans.Text = res.Reason
		if len(res.Suggestions) > 0 {
			ans.Text += " You can ask, for example: " + strings.Join(quoted(res.Suggestions), ", ") + "."
		}
		return done(ans, emitAll(emit, analyst.Part{Kind: analyst.PartText, Text: ans.Text}, suggestions(ans)))
	}
	if err != nil {
		return nil, fmt.Errorf("offline: %q resolved to a request the compiler refuses: %w", question, err)
	}
	if err := analyst.CheckReadOnly(q.SQL, q.Dialect); err != nil {
		return nil, fmt.Errorf("offline: %w", err)
	}
	head := lead(res.in)
	status := "Running the query"
	if res.Verified != "" {
		status = "Running the verified query " + strconv.Quote(res.Verified)
	}
	if err := emitAll(emit, analyst.Part{Kind: analyst.PartText, Text: head},
		analyst.Part{Kind: analyst.PartSQL, SQL: q.SQL, Args: q.Args},
		analyst.Part{Kind: analyst.PartStatus, Status: status}); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, a.timeout)
	defer cancel()
	out, err := q.Run(ctx, a.db)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("offline: the query did not finish within %s: %w", a.timeout, err)
		}
		return nil, err
	}
	if res.Subtract != nil {
		if err := subtract(out, *res.Subtract); err != nil {
			return nil, err
		}
	}
	if res.Divide != nil {
		if err := divide(out, *res.Divide); err != nil {
			return nil, err
		}
	}
	if res.Hide != "" {
		hideCompanion(out, res.Hide)
	}
	cut := false
	if len(out.Rows) > a.maxRows {
		out.Rows, cut = out.Rows[:a.maxRows], true
	}
	req := res.Request
	ans.SQL, ans.Args, ans.Result, ans.Request, ans.State = q.SQL, q.Args, out, &req, res.State()
	ans.Text = say(res.in, out, cut)
	if len(res.Notes) > 0 {
		ans.Text += " " + strings.Join(res.Notes, " ")
	}
	return done(ans, emitAll(emit, analyst.Part{Kind: analyst.PartResult, Result: out},
		analyst.Part{Kind: analyst.PartText, Text: strings.TrimPrefix(ans.Text, head)}, suggestions(ans)))
}

// compile compiles a resolution's request, with the share of its part when
// it asks for one.
func (a *Analyst) compile(res *Resolution) (*query.Query, error) {
	if res.Part != nil {
		return a.compiler.CompilePartShare(res.Request, *res.Part)
	}
	var keep query.Cmp
	if res.Keep != nil {
		keep = *res.Keep
	}
	switch {
	case res.CountAs != "":
		return a.compiler.CompileCountGroupsBy(res.Request, keep, res.CountAs, res.CountBy)
	case res.Keep != nil:
		return a.compiler.CompileKept(res.Request, keep)
	}
	return a.compiler.Compile(res.Request)
}

// done returns the answer, or no answer when emitting its last parts failed.
func done(ans *analyst.Answer, err error) (*analyst.Answer, error) {
	if err != nil {
		return nil, err
	}
	return ans, nil
}

// suggestions is the answer's suggestions part; an empty list emits nothing.
func suggestions(ans *analyst.Answer) analyst.Part {
	return analyst.Part{Kind: analyst.PartSuggestions, Suggestions: ans.Suggestions}
}

// emitAll emits the parts in order, leaving out empty text and suggestions, and
// stops at the first error.
func emitAll(emit func(analyst.Part) error, parts ...analyst.Part) error {
	for _, p := range parts {
		if p.Kind == analyst.PartText && p.Text == "" || p.Kind == analyst.PartSuggestions && len(p.Suggestions) == 0 {
			continue
		}
		if err := emit(p); err != nil {
			return err
		}
	}
	return nil
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
