package mcpserver

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/jsonschema-go/jsonschema"
)

// A checker validates decoded JSON (the values encoding/json puts in an any)
// against one compiled JSON schema.
//
// It is the tools' input schemas compiled once: the keywords the schemas
// generated from Go types use (type, properties, additionalProperties: false,
// required, items, enum, minimum, maximum, minItems, maxItems, minLength,
// maxLength) with jsonschema-go's meaning, and annotations (title,
// description, examples, default, $comment) ignored as they are there. A
// schema with any other keyword does not compile, so no schema is checked
// more loosely than it says. jsonschema-go's validator is the oracle of
// TestCheckerAgreesWithJSONSchema; this one exists because a call runs it
// right after a query, when the validator's reflection over the schema ran
// about as long as the rest of the tool's own work (BenchmarkQueryPaired).
type checker struct {
	types    []string            // the JSON types allowed; none means any
	enum     []string            // the allowed values (strings only)
	min, max *float64            // bounds of a number
	minLen   *int                // bounds of a string, in code points
	maxLen   *int                //
	minItems *int                // bounds of an array
	maxItems *int                //
	items    *checker            // each element of an array
	props    map[string]*checker // the properties of an object
	names    []string            // their names, sorted
	required []string            // the properties an object must have
	closed   bool                // no property but props
}

// maxProblems is the most problems one error lists.
const maxProblems = 10

// annotations are the keywords that do not constrain an instance.
var annotations = map[string]bool{"Title": true, "Description": true, "Examples": true, "Default": true, "Comment": true, "PropertyOrder": true}

// compile returns the checker of s, or an error naming a keyword it does not
// check.
func compile(s *jsonschema.Schema) (*checker, error) {
	c := &checker{min: s.Minimum, max: s.Maximum, minLen: s.MinLength, maxLen: s.MaxLength,
		minItems: s.MinItems, maxItems: s.MaxItems, required: s.Required}
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch f.Name {
		case "Type", "Types", "Enum", "Minimum", "Maximum", "MinLength", "MaxLength", "MinItems", "MaxItems", "Required",
			"Items", "Properties", "AdditionalProperties":
		default:
			if !annotations[f.Name] && !v.Field(i).IsZero() {
				return nil, fmt.Errorf("keyword %s is not checked", f.Name)
			}
		}
	}
	if s.Type != "" {
		c.types = []string{s.Type}
	} else {
		c.types = s.Types
	}
	if s.Enum != nil {
		c.enum = make([]string, 0, len(s.Enum)) // an empty enum allows nothing
	}
	for _, e := range s.Enum {
		str, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("enum value %v is not a string", e)
		}
		c.enum = append(c.enum, str)
	}
	if a := s.AdditionalProperties; a != nil {
		rest := *a
		rest.Not = nil
		if a.Not == nil || !reflect.ValueOf(*a.Not).IsZero() || !reflect.ValueOf(rest).IsZero() {
			return nil, fmt.Errorf("additionalProperties other than false")
		}
		c.closed = true
	}
	var err error
	if s.Items != nil {
		if c.items, err = compile(s.Items); err != nil {
			return nil, fmt.Errorf("items: %w", err)
		}
	}
	for name, p := range s.Properties {
		if c.props == nil {
			c.props = map[string]*checker{}
		}
		if c.props[name], err = compile(p); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.names = append(c.names, name)
	}
	slices.Sort(c.names)
	return c, nil
}

// check returns every problem of v (at most maxProblems), each naming where
// it is, or nil.
func (c *checker) check(v any) error {
	var p problems
	c.walk(v, nil, &p)
	if len(p.list) == 0 {
		return nil
	}
	msg := strings.Join(p.list, "; ")
	if p.more > 0 {
		msg += fmt.Sprintf("; and %d more", p.more)
	}
	return fmt.Errorf("%s", msg)
}

// problems collects what check finds.
type problems struct {
	list []string
	more int
}

func (p *problems) add(at *step, format string, args ...any) {
	if len(p.list) == maxProblems {
		p.more++
		return
	}
	p.list = append(p.list, at.String()+": "+fmt.Sprintf(format, args...))
}

// step is where a value is: its parent and its key or index; nil is the
// arguments themselves. It is spelled out only for a problem.
type step struct {
	up    *step
	key   string
	index int
}

func (s *step) String() string {
	if s == nil {
		return "arguments"
	}
	if s.up == nil && s.key != "" {
		return quoteName(s.key)
	}
	if s.key != "" {
		return s.up.String() + "." + quoteName(s.key)
	}
	return s.up.String() + "[" + strconv.Itoa(s.index) + "]"
}

// quoteName is a name as an error shows it: plain when it is a short word,
// else quoted and cut at 64 bytes (a hostile name is not echoed whole).
func quoteName(name string) string {
	plain := name != "" && len(name) <= 64
	for _, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	if len(name) > 64 {
		cut := 64
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		return fmt.Sprintf("%q…", name[:cut])
	}
	return fmt.Sprintf("%q", name)
}

func (c *checker) walk(v any, at *step, p *problems) {
	got := jsonType(v)
	if len(c.types) > 0 && !slices.Contains(c.types, got) && !(got == "integer" && slices.Contains(c.types, "number")) {
		p.add(at, "%s, not %s", anyOf(c.types), article(got))
		return
	}
	switch x := v.(type) {
	case string:
		if c.enum != nil && !slices.Contains(c.enum, x) {
			p.add(at, "one of %s", strings.Join(c.enum, ", "))
		}
		if c.minLen != nil || c.maxLen != nil {
			n := utf8.RuneCountInString(x)
			if c.minLen != nil && n < *c.minLen || c.maxLen != nil && n > *c.maxLen {
				p.add(at, "a text %s code points long, not %d", bounds(c.minLen, c.maxLen), n)
			}
		}
	case float64:
		if c.enum != nil {
			p.add(at, "one of %s", strings.Join(c.enum, ", "))
		}
		if c.min != nil && x < *c.min || c.max != nil && x > *c.max {
			p.add(at, "a number %s, not %s", bounds(c.min, c.max), strconv.FormatFloat(x, 'f', -1, 64))
		}
	case bool, nil:
		if c.enum != nil {
			p.add(at, "one of %s", strings.Join(c.enum, ", "))
		}
	case []any:
		if c.enum != nil {
			p.add(at, "one of %s", strings.Join(c.enum, ", "))
		}
		if c.minItems != nil && len(x) < *c.minItems || c.maxItems != nil && len(x) > *c.maxItems {
			p.add(at, "a list %s items long, not %d", bounds(c.minItems, c.maxItems), len(x))
		}
		if c.items != nil {
			for i, e := range x {
				c.items.walk(e, &step{up: at, index: i}, p)
			}
		}
	case map[string]any:
		if c.enum != nil {
			p.add(at, "one of %s", strings.Join(c.enum, ", "))
		}
		c.object(x, at, p)
	}
}

func (c *checker) object(x map[string]any, at *step, p *problems) {
	for _, name := range c.required {
		if _, ok := x[name]; !ok {
			p.add(at, "%s is required", quoteName(name))
		}
	}
	if c.closed && !(len(x) <= len(c.names) && c.known(x)) {
		c.unknown(x, at, p)
	}
	for _, name := range c.names {
		if e, ok := x[name]; ok {
			c.props[name].walk(e, &step{up: at, key: name}, p)
		}
	}
}

// unknown notes the properties of x that c does not have.
func (c *checker) unknown(x map[string]any, at *step, p *problems) {
	var unknown []string
	for name := range x {
		if _, ok := c.props[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	shown := unknown[:min(len(unknown), maxProblems)]
	for i, name := range shown {
		shown[i] = quoteName(name)
	}
	more := ""
	if len(unknown) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(unknown)-len(shown))
	}
	word := "property"
	if len(unknown) > 1 {
		word = "properties"
	}
	p.add(at, "unknown %s %s%s (valid: %s)", word, strings.Join(shown, ", "), more, strings.Join(c.names, ", "))
}

// known reports whether every property of x is one of c's.
func (c *checker) known(x map[string]any) bool {
	for name := range x {
		if _, ok := c.props[name]; !ok {
			return false
		}
	}
	return true
}

// jsonType is the JSON type of a decoded value; a number without a fraction
// is an integer (jsonschema-go's reading).
func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if _, f := math.Modf(x); f == 0 {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// anyOf names the JSON types ts for a person: "a string or an integer".
func anyOf(ts []string) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = article(t)
	}
	return strings.Join(out, " or ")
}

func article(t string) string {
	switch t {
	case "null":
		return "null"
	case "array", "object", "integer":
		return "an " + t
	}
	return "a " + t
}

// bounds says a range: "from 1 to 64", "of at least 0", "of at most 10".
func bounds[T int | float64](lo, hi *T) string {
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf("from %v to %v", *lo, *hi)
	case lo != nil:
		return fmt.Sprintf("of at least %v", *lo)
	}
	return fmt.Sprintf("of at most %v", *hi)
}
