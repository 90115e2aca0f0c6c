package request

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Request is a semantic query in JSON: what to measure, by what, over which rows.
// Names are the model's metric, dimension and filter names or their synonyms,
// matched ignoring case. It is the body of `salesanalytics query -request` and
// the arguments of the MCP query and explain tools.
type Request struct {
	Metrics       []string    `json:"metrics" jsonschema:"metrics to compute, by name or synonym (list_metrics names them), e.g. revenue, aov"`
	By            []string    `json:"by,omitempty" jsonschema:"dimensions to group by, e.g. region, segment (list_dimensions names them)"`
	Grain         string      `json:"grain,omitempty" jsonschema:"group by the time dimension truncated to day, week, month, quarter or year"`
	TimeDimension string      `json:"time_dimension,omitempty" jsonschema:"the time dimension for grain and the date range; default the model's first (order_date)"`
	From          string      `json:"from,omitempty" jsonschema:"first day included, YYYY-MM-DD (with to)"`
	To            string      `json:"to,omitempty" jsonschema:"last day included, YYYY-MM-DD (with from)"`
	Period        string      `json:"period,omitempty" jsonschema:"a relative range instead of from/to: today, yesterday, this-week, last-week, this-month, last-month, this-quarter, last-quarter, this-year, last-year (or with an underscore: last_year)"`
	LastDays      int         `json:"last_days,omitempty" jsonschema:"the N days ending yesterday, instead of from/to or period"`
	Where         []Condition `json:"where,omitempty" jsonschema:"conditions on rows, all of which hold (AND); a condition with any holds when one of its comparisons does (OR)"`
	Having        []Condition `json:"having,omitempty" jsonschema:"conditions on the computed metrics, all of which hold"`
	Filters       []string    `json:"filters,omitempty" jsonschema:"the model's named filters to apply (list_filters names them)"`
	OrderBy       []Order     `json:"order_by,omitempty" jsonschema:"sort by output fields; default by the time grain and dimensions"`
	Top           int         `json:"top,omitempty" jsonschema:"the N rows with the largest first metric (order by it descending, limit N); with per, the N of each group"`
	Per           []string    `json:"per,omitempty" jsonschema:"with top: rank within each group of these dimensions (the top 3 reps per region)"`
	Limit         int         `json:"limit,omitempty" jsonschema:"at most this many rows"`
	Compare       string      `json:"compare,omitempty" jsonschema:"previous or year: each metric's value in the previous period (as many whole calendar months before a range of whole months: the previous year of a year; else as many days before) or a year earlier, with its base, delta and delta percentage"`

	// fromFlags: the request came from the command line (Flags.Request), so
	// its problems name flags (-top) rather than JSON keys (top).
	fromFlags bool
}

// Condition is one comparison, or with Any a group of comparisons one of which
// must hold. A list of conditions ANDs them, so a filter is a conjunction of
// disjunctions (with Not on a comparison), which can say any boolean condition
// without nesting.
type Condition struct {
	Comparison
	Any []Comparison `json:"any,omitempty" jsonschema:"holds when any of these comparisons holds; use instead of field/op/values"`
}

// Comparison compares a field with values.
type Comparison struct {
	Field  string  `json:"field,omitempty" jsonschema:"a dimension, time dimension or fact (in where) or a metric (in having)"`
	Op     string  `json:"op,omitempty" jsonschema:"the operator; default = (or in with several values)"`
	Values []Value `json:"values,omitempty" jsonschema:"the values: strings (decimals and dates as text: \"1000.50\", \"2025-01-31\"), integers or booleans"`
	Not    bool    `json:"not,omitempty" jsonschema:"negate the comparison"`
}

// Order sorts by one output field.
type Order struct {
	Field string `json:"field" jsonschema:"an output field: a metric, a dimension, or the time dimension"`
	Desc  bool   `json:"desc,omitempty" jsonschema:"descending"`
}

// Value is one filter value: a string, an integer or a boolean. Decimals and
// dates are written as text, so money stays exact ("1000.50").
type Value struct{ v any }

// String, Int and Bool make a Value.
func String(s string) Value { return Value{s} }

// Int makes an integer Value.
func Int(n int64) Value { return Value{n} }

// Bool makes a boolean Value.
func Bool(b bool) Value { return Value{b} }

// Any returns the value as a string, int64 or bool.
func (v Value) Any() any { return v.v }

// MarshalJSON writes the value as its JSON string, number or boolean.
func (v Value) MarshalJSON() ([]byte, error) { return json.Marshal(v.v) }

// UnmarshalJSON reads a string, a whole number or a boolean. A number with a
// fraction or an exponent is refused: it would not be exact.
func (v *Value) UnmarshalJSON(b []byte) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return err
	}
	switch t := x.(type) {
	case string, bool:
		v.v = t
	case json.Number:
		n, err := t.Int64()
		if err != nil || strings.ContainsAny(t.String(), ".eE") {
			return fmt.Errorf("value %s: write a decimal as text (\"%s\"), not a JSON number", t, t)
		}
		v.v = n
	default:
		return fmt.Errorf("a value is a string, an integer or a boolean, not %s", kind(x))
	}
	return nil
}

func kind(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", x)
}

// Parse reads a JSON request strictly: unknown keys and trailing data are
// refused, and the body may be at most MaxBytes long.
func Parse(data []byte) (Request, error) {
	var r Request
	if len(data) > MaxBytes {
		return r, fmt.Errorf("request: %d bytes, more than the %d allowed", len(data), MaxBytes)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&r); err != nil {
		return r, fmt.Errorf("request: %w", err)
	}
	if d.More() {
		return r, fmt.Errorf("request: more than one JSON value")
	}
	return r, nil
}
