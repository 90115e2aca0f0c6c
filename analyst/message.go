package analyst

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// Role is who said a message.
type Role string

// Roles. A conversation alternates user, analyst, …, user.
const (
	RoleUser    Role = "user"
	RoleAnalyst Role = "analyst"
)

// ContentType is the type of a content item.
type ContentType string

// Content types. Unknown types are kept (Raw) so new ones do not break decoding.
const (
	ContentText        ContentType = "text"
	ContentSQL         ContentType = "sql"
	ContentSuggestions ContentType = "suggestions"
)

// Message is one turn of a conversation.
type Message struct {
	Role    Role      `json:"role"`
	Content []Content `json:"content"`
}

// Content is one item of a message: text, SQL, suggestions, or another type.
type Content struct {
	Type        ContentType `json:"type"`
	Text        string      `json:"text,omitempty"`
	Statement   string      `json:"statement,omitempty"`
	Confidence  *Confidence `json:"confidence,omitempty"`
	Suggestions []string    `json:"suggestions,omitempty"`
	// Raw holds the item as received, for types this package does not model.
	Raw json.RawMessage `json:"-"`
}

// MarshalJSON writes the item; an item of an unknown type is written as received.
func (c Content) MarshalJSON() ([]byte, error) {
	if len(c.Raw) > 0 && c.Type != ContentText && c.Type != ContentSQL && c.Type != ContentSuggestions {
		return c.Raw, nil
	}
	type plain Content
	return json.Marshal(plain(c))
}

// UnmarshalJSON reads an item, accepting "suggestion" for "suggestions" (the docs
// spell it both ways) and keeping unknown types whole.
func (c *Content) UnmarshalJSON(b []byte) error {
	type plain Content
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*c = Content(p)
	if c.Type == "suggestion" {
		c.Type = ContentSuggestions
	}
	c.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// Confidence says how the SQL was made.
type Confidence struct {
	// VerifiedQueryUsed is the verified query the answer came from, or nil.
	VerifiedQueryUsed *VerifiedQuery `json:"verified_query_used"`
}

// VerifiedQuery is a verified query as the API reports it.
type VerifiedQuery struct {
	Name       string `json:"name"`
	Question   string `json:"question"`
	SQL        string `json:"sql"`
	VerifiedAt int64  `json:"verified_at,omitempty"`
	VerifiedBy string `json:"verified_by,omitempty"`
}

// Text returns a user message asking question.
func Text(question string) Message {
	return Message{Role: RoleUser, Content: []Content{{Type: ContentText, Text: question}}}
}

// ModelRef names one semantic model source; set exactly one field.
type ModelRef struct {
	SemanticModelFile string `json:"semantic_model_file,omitempty"` // @DB.SCHEMA.STAGE/path.yaml
	SemanticView      string `json:"semantic_view,omitempty"`       // DB.SCHEMA.VIEW
}

// Request is the body of POST /api/v2/cortex/analyst/message. Exactly one of
// SemanticModelFile, SemanticModel, SemanticView and SemanticModels must be set.
type Request struct {
	Messages          []Message  `json:"messages"`
	SemanticModelFile string     `json:"semantic_model_file,omitempty"`
	SemanticModel     string     `json:"semantic_model,omitempty"` // inline YAML
	SemanticView      string     `json:"semantic_view,omitempty"`
	SemanticModels    []ModelRef `json:"semantic_models,omitempty"`
	Stream            bool       `json:"stream"`
}

// Validate checks the documented rules: one model source, fully qualified names,
// and turns that alternate from user to analyst and end with the user.
func (r Request) Validate() error {
	set := 0
	for _, s := range []bool{r.SemanticModelFile != "", r.SemanticModel != "", r.SemanticView != "", len(r.SemanticModels) > 0} {
		if s {
			set++
		}
	}
	if set != 1 {
		return fmt.Errorf("%w: set exactly one of semantic_model_file, semantic_model, semantic_view and semantic_models (%d set)", ErrInvalidRequest, set)
	}
	if f := r.SemanticModelFile; f != "" {
		if err := checkStagePath(f); err != nil {
			return err
		}
	}
	for i, m := range r.SemanticModels {
		if (m.SemanticModelFile == "") == (m.SemanticView == "") {
			return fmt.Errorf("%w: semantic_models[%d] needs exactly one of semantic_model_file and semantic_view", ErrInvalidRequest, i)
		}
		if m.SemanticModelFile != "" {
			if err := checkStagePath(m.SemanticModelFile); err != nil {
				return err
			}
		}
	}
	if len(r.Messages) == 0 {
		return fmt.Errorf("%w: no messages", ErrInvalidRequest)
	}
	for i, m := range r.Messages {
		want := RoleUser
		if i%2 == 1 {
			want = RoleAnalyst
		}
		if m.Role != want {
			return fmt.Errorf("%w: message %d is from %q; turns must alternate user, analyst, … starting with the user", ErrInvalidRequest, i, m.Role)
		}
	}
	if r.Messages[len(r.Messages)-1].Role != RoleUser {
		return fmt.Errorf("%w: the last message must be the user's", ErrInvalidRequest)
	}
	return nil
}

// checkStagePath requires @DB.SCHEMA.STAGE/…: the API wants a fully qualified stage.
func checkStagePath(p string) error {
	if len(p) < 2 || p[0] != '@' {
		return fmt.Errorf("%w: semantic_model_file %q must start with @ (e.g. @DB.SCHEMA.STAGE/model.yaml)", ErrInvalidRequest, p)
	}
	stage := p[1:]
	if i := strings.IndexByte(stage, '/'); i >= 0 {
		stage = stage[:i]
	}
	if countDots(stage) != 2 {
		return fmt.Errorf("%w: semantic_model_file %q must name a fully qualified stage DB.SCHEMA.STAGE", ErrInvalidRequest, p)
	}
	return nil
}

func countDots(s string) int {
	n, quoted := 0, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case r == '.' && !quoted:
			n++
		}
	}
	return n
}

// StagedModel returns a request asking question about the model file on a stage.
func StagedModel(file, question string) Request {
	return Request{SemanticModelFile: file, Messages: []Message{Text(question)}}
}

// InlineModel returns a request asking question about m, sent inline as YAML.
func InlineModel(m *semantic.Model, question string) (Request, error) {
	y, err := m.Marshal()
	if err != nil {
		return Request{}, fmt.Errorf("analyst: marshal model: %w", err)
	}
	return Request{SemanticModel: string(y), Messages: []Message{Text(question)}}, nil
}

// View returns a request asking question about a semantic view.
func View(view, question string) Request {
	return Request{SemanticView: view, Messages: []Message{Text(question)}}
}

// Models returns a request asking question of several models (semantic views or
// staged files): Cortex Analyst answers from the one it finds best and says
// which ([Response.SelectedModel]).
func Models(question string, models ...ModelRef) Request {
	return Request{SemanticModels: models, Messages: []Message{Text(question)}}
}

// String is the view's name or the stage path.
func (m ModelRef) String() string {
	if m.SemanticView != "" {
		return m.SemanticView
	}
	return m.SemanticModelFile
}

// Response is the analyst's answer.
type Response struct {
	RequestID              string          `json:"request_id"`
	Message                Message         `json:"message"`
	Warnings               []Warning       `json:"warnings,omitempty"`
	SemanticModelSelection *ModelSelection `json:"semantic_model_selection,omitempty"`
	ResponseMetadata       map[string]any  `json:"response_metadata,omitempty"`
}

// SelectedModel returns the model Cortex Analyst answered from when the request
// named several (semantic_models): the documented top-level
// semantic_model_selection, or the same key inside response_metadata, where a
// streamed answer can only carry it. ok is false when the response names none.
func (r *Response) SelectedModel() (sel ModelSelection, ok bool) {
	if r.SemanticModelSelection != nil {
		return *r.SemanticModelSelection, true
	}
	raw, found := r.ResponseMetadata["semantic_model_selection"]
	if !found {
		return ModelSelection{}, false
	}
	b, err := json.Marshal(raw)
	if err != nil || json.Unmarshal(b, &sel) != nil || sel.Identifier == (ModelRef{}) {
		return ModelSelection{}, false
	}
	return sel, true
}

// Warning is a non-fatal remark.
type Warning struct {
	Message string `json:"message"`
}

// ModelSelection says which of several models the analyst used.
type ModelSelection struct {
	Index      int      `json:"index"`
	Identifier ModelRef `json:"identifier"`
}

// Text returns the answer's text items joined by blank lines, in time linear in
// their total length however many items there are.
func (r *Response) Text() string {
	var b strings.Builder
	for _, c := range r.Message.Content {
		if c.Type == ContentText {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// SQL returns the answer's SQL statement, if any.
func (r *Response) SQL() (string, bool) {
	for _, c := range r.Message.Content {
		if c.Type == ContentSQL && c.Statement != "" {
			return c.Statement, true
		}
	}
	return "", false
}

// VerifiedQueryUsed returns the verified query the SQL came from, if any.
func (r *Response) VerifiedQueryUsed() *VerifiedQuery {
	for _, c := range r.Message.Content {
		if c.Type == ContentSQL && c.Confidence != nil {
			return c.Confidence.VerifiedQueryUsed
		}
	}
	return nil
}

// Suggestions returns the alternative questions offered for an unclear one.
func (r *Response) Suggestions() []string {
	var out []string
	for _, c := range r.Message.Content {
		if c.Type == ContentSuggestions {
			out = append(out, c.Suggestions...)
		}
	}
	return out
}

// QuestionCategory returns response_metadata.question_category, if present.
func (r *Response) QuestionCategory() string {
	s, _ := r.ResponseMetadata["question_category"].(string)
	return s
}
