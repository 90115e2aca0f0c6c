package request

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// ops are the operators a comparison names, lower case, with their query.Op.
var ops = map[string]query.Op{
	"=": query.OpEq, "==": query.OpEq, "<>": query.OpNe, "!=": query.OpNe,
	"<": query.OpLt, "<=": query.OpLe, ">": query.OpGt, ">=": query.OpGe,
	"in": query.OpIn, "not in": query.OpNotIn, "between": query.OpBetween, "like": query.OpLike,
	"is null": query.OpIsNull, "is not null": query.OpIsNotNull,
}

// conditions turns a list of conditions into one AND filter (nil when empty).
func conditions(ps *problems, key string, cs []Condition, m *semantic.Model) query.Filter {
	if len(cs) == 0 {
		return nil
	}
	n := 0
	for _, c := range cs {
		n += 1 + len(c.Any)
	}
	if n > MaxConditions {
		ps.add(key, "%d comparisons, more than %d", n, MaxConditions)
		return nil
	}
	var and query.AndFilter
	for i, c := range cs {
		at := fmt.Sprintf("%s[%d]", key, i)
		if len(c.Any) == 0 {
			and = append(and, comparison(ps, at, c.Comparison, m))
			continue
		}
		if c.Field != "" || c.Op != "" || len(c.Values) > 0 || c.Not {
			ps.add(at, "a condition is either field/op/values or any, not both")
		}
		var or query.OrFilter
		for j, x := range c.Any {
			or = append(or, comparison(ps, fmt.Sprintf("%s.any[%d]", at, j), x, m))
		}
		and = append(and, or)
	}
	return and
}

// comparison checks one comparison and makes its query filter.
func comparison(ps *problems, at string, c Comparison, m *semantic.Model) query.Filter {
	if c.Field == "" || len(c.Field) > MaxText {
		ps.add(at+".field", "a field name of 1 to %d bytes", MaxText)
	}
	name := strings.ToLower(strings.Join(strings.Fields(c.Op), " "))
	if name == "" {
		name = "="
		if len(c.Values) > 1 {
			name = "in"
		}
	}
	op, ok := ops[name]
	if !ok {
		ps.add(at+".op", "%q is not =, <>, <, <=, >, >=, in, not in, between, like, is null or is not null", clip(c.Op))
	}
	if len(c.Values) > MaxValues {
		ps.add(at+".values", "%d values, more than %d", len(c.Values), MaxValues)
		return query.Cmp{Field: c.Field, Op: op}
	}
	boolean := isBoolean(m, c.Field)
	vals := make([]any, len(c.Values))
	for i, v := range c.Values {
		vals[i] = v.v
		s, isText := v.v.(string)
		if isText && len(s) > MaxText {
			ps.add(fmt.Sprintf("%s.values[%d]", at, i), "%d bytes, more than %d", len(s), MaxText)
		}
		if isText && boolean && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
			vals[i] = strings.EqualFold(s, "true")
		}
	}
	var f query.Filter = query.Cmp{Field: c.Field, Op: op, Values: vals}
	if c.Not {
		f = query.Not(f)
	}
	return f
}

// isBoolean reports whether name is a boolean field of m: its text values
// "true" and "false" are then read as booleans (as a command line writes them).
func isBoolean(m *semantic.Model, name string) bool {
	f, err := m.Lookup(name)
	return err == nil && f.DataType.Family() == semantic.FamilyBoolean
}
