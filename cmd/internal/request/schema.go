package request

import (
	"reflect"

	"github.com/google/jsonschema-go/jsonschema"
)

// Schema returns the JSON schema of a [Request], generated from the Go types:
// the same schema the MCP query and explain tools declare. Each call returns a
// fresh copy.
func Schema() (*jsonschema.Schema, error) {
	return For[Request]()
}

// For generates the JSON schema of T, with [Value] as a string, an integer or
// a boolean, and the closed sets of a request (grain, period, compare) as enums.
func For[T any]() (*jsonschema.Schema, error) {
	s, err := jsonschema.For[T](&jsonschema.ForOptions{TypeSchemas: map[reflect.Type]*jsonschema.Schema{
		reflect.TypeFor[Value](): {Types: []string{"string", "integer", "boolean"}},
	}})
	if err != nil {
		return nil, err
	}
	enums(s)
	return s, nil
}

// enums adds the closed sets to every Request schema inside s.
func enums(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if p := s.Properties; p["metrics"] != nil && p["grain"] != nil {
		p["grain"].Enum = []any{"day", "week", "month", "quarter", "year"}
		p["period"].Enum = nil
		for _, s := range PeriodSpellings() {
			p["period"].Enum = append(p["period"].Enum, s)
		}
		p["compare"].Enum = []any{"previous", "year"}
		p["top"].Minimum, p["top"].Maximum = ptr(0), ptr(MaxRows)
		p["limit"].Minimum, p["limit"].Maximum = ptr(0), ptr(MaxRows)
		p["metrics"].MinItems, p["metrics"].MaxItems = iptr(1), iptr(MaxNames)
		p["by"].MaxItems = iptr(MaxNames)
	}
	if p := s.Properties; p["op"] != nil && p["values"] != nil {
		p["op"].Enum = []any{"=", "<>", "!=", "<", "<=", ">", ">=", "in", "not in", "between", "like", "is null", "is not null"}
		p["values"].MaxItems = iptr(MaxValues)
	}
	for _, c := range s.Properties {
		enums(c)
	}
	enums(s.Items)
}

func ptr(n float64) *float64 { return &n }
func iptr(n int) *int        { return &n }
