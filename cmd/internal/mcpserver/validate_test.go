package mcpserver

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
)

// inputSchemas are the tools' input schemas by input type.
func inputSchemas() map[string]*jsonschema.Schema {
	return map[string]*jsonschema.Schema{
		"request":  schemaOf[request.Request]("query", "input"),
		"describe": schemaOf[DescribeIn]("describe", "input"),
		"ask":      schemaOf[AskIn]("ask", "input"),
		"view":     schemaOf[ViewIn]("view", "input"),
		"none":     schemaOf[None]("list_metrics", "input"),
	}
}

// probes are values of every JSON type, at and beyond the bounds the schemas
// set.
var probes = []any{nil, true, false, 0.0, 1.0, -1.0, 1.5, 10000.0, 10001.0, 1e12, "", "x", "day", "decade", "=", "in",
	[]any{}, []any{"revenue"}, []any{1.0}, []any{nil}, []any{map[string]any{}}, map[string]any{}, map[string]any{"x": 1.0}}

// TestCheckerAgreesWithJSONSchema holds the compiled checker to
// jsonschema-go's validator, the oracle: for every tool input schema, every
// instance made by putting each probe at each property (and at each property
// of each nested object and array element), and by adding unknown and
// differently cased keys, both accept or both refuse.
func TestCheckerAgreesWithJSONSchema(t *testing.T) {
	for name, s := range inputSchemas() {
		t.Run(name, func(t *testing.T) {
			resolved, err := s.Resolve(nil)
			require.NoError(t, err)
			c, err := compile(s)
			require.NoError(t, err)
			var accepted, refused int
			for _, inst := range instances(s, 2) {
				b, err := json.Marshal(inst)
				require.NoError(t, err)
				var v any
				require.NoError(t, json.Unmarshal(b, &v))
				want, got := resolved.Validate(v), c.check(v)
				require.Equal(t, want == nil, got == nil, "%s\njsonschema-go: %v\nchecker: %v", b, want, got)
				if got == nil {
					accepted++
				} else {
					refused++
				}
			}
			t.Logf("%d instances accepted, %d refused", accepted, refused)
			require.Positive(t, accepted)
			require.Positive(t, refused)
		})
	}
}

// instances are the probe instances of s, descending depth levels into its
// objects and arrays.
func instances(s *jsonschema.Schema, depth int) []any {
	out := slices.Clone(probes)
	if depth == 0 {
		return out
	}
	if s.Items != nil {
		for _, e := range instances(s.Items, depth-1) {
			out = append(out, []any{e}, []any{valid(s.Items), e})
		}
	}
	if len(s.Properties) == 0 {
		return out
	}
	base := valid(s).(map[string]any)
	out = append(out, base)
	for name, p := range s.Properties {
		for _, e := range instances(p, depth-1) {
			m := clone(base)
			m[name] = e
			out = append(out, m)
		}
		m := clone(base)
		delete(m, name)
		m[strings.ToUpper(name)] = valid(p)
		out = append(out, m)
	}
	m := clone(base)
	m["sql"] = "DROP TABLE X"
	return append(out, m)
}

// valid is a value s accepts: its required properties, each valid.
func valid(s *jsonschema.Schema) any {
	switch {
	case s.Enum != nil:
		return s.Enum[0]
	case s.Properties != nil:
		m := map[string]any{}
		for _, name := range s.Required {
			m[name] = valid(s.Properties[name])
		}
		return m
	case s.Items != nil:
		n := 1
		if s.MinItems != nil {
			n = max(n, *s.MinItems)
		}
		out := make([]any, n)
		for i := range out {
			out[i] = valid(s.Items)
		}
		return out
	}
	switch t := append([]string{s.Type}, s.Types...); {
	case slices.Contains(t, "string"):
		return "revenue"
	case slices.Contains(t, "integer"), slices.Contains(t, "number"):
		return 1.0
	case slices.Contains(t, "boolean"):
		return true
	}
	return nil
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// TestCheckerRefusesWhatItCannotCheck: a schema with a keyword the checker
// does not know does not compile.
func TestCheckerRefusesWhatItCannotCheck(t *testing.T) {
	pattern := &jsonschema.Schema{Type: "object", Properties: map[string]*jsonschema.Schema{"a": {Type: "string", Pattern: "^x"}}}
	_, err := compile(pattern)
	require.ErrorContains(t, err, "Pattern")
	open := &jsonschema.Schema{Type: "object", AdditionalProperties: &jsonschema.Schema{Type: "string"}}
	_, err = compile(open)
	require.ErrorContains(t, err, "additionalProperties")
	_, err = compile(&jsonschema.Schema{Enum: []any{1.0}})
	require.ErrorContains(t, err, "enum")

	none, err := compile(&jsonschema.Schema{Type: "string", Enum: []any{}})
	require.NoError(t, err)
	require.Error(t, none.check("x"), "an empty enum allows nothing")
}

// TestCheckerNamesEveryProblem: one error lists each problem with its place,
// a hostile name cut short, at most maxProblems of them.
func TestCheckerNamesEveryProblem(t *testing.T) {
	c, err := compile(schemaOf[request.Request]("query", "input"))
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal([]byte(`{"metrics":[],"grain":"decade","limit":-1,"where":[{"field":1,"any":[{"any":[]}]}],"`+strings.Repeat("k", 1000)+`":1}`), &v))
	msg := c.check(v).Error()
	for _, want := range []string{"metrics: a list from 1 to 64 items long, not 0", "grain: one of day,", "limit: a number from 0 to 10000, not -1",
		"where[0].field: a string, not an integer", "where[0].any[0]: unknown property any", `unknown property "kkkk`} {
		require.Contains(t, msg, want)
	}
	require.Less(t, len(msg), 2000)

	many := map[string]any{}
	for i := range 50 {
		many[fmt.Sprint("k", i)] = 1.0
	}
	many["metrics"] = []any{1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0}
	msg = c.check(many).Error()
	require.Contains(t, msg, "and 40 more (valid:")
	require.Contains(t, msg, "; and 3 more")
}
