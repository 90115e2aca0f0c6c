package sqlparse

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Type is a cast target from the type grammar: a known type name and optional
// precision and scale. It never holds text from the source other than digits
// and a name from the list below, so rendering it cannot change a statement.
type Type struct {
	Name   string // canonical upper-case name, e.g. NUMBER, VARCHAR, DOUBLE PRECISION
	Params []int  // (p) or (p, s)
}

// typeNames maps every type name the grammar accepts to its family and the
// number of parameters it may take.
var typeNames = map[string]struct {
	family    string // "number", "int", "text", "float", "bool", "date", "timestamp", "time"
	maxParams int
}{
	"NUMBER": {"number", 2}, "NUMERIC": {"number", 2}, "DECIMAL": {"number", 2},
	"INT": {"int", 0}, "INTEGER": {"int", 0}, "BIGINT": {"int", 0}, "SMALLINT": {"int", 0}, "TINYINT": {"int", 0},
	"VARCHAR": {"text", 1}, "TEXT": {"text", 0}, "STRING": {"text", 0}, "CHAR": {"text", 1},
	"FLOAT": {"float", 0}, "DOUBLE": {"float", 0}, "DOUBLE PRECISION": {"float", 0}, "REAL": {"float", 0},
	"BOOLEAN": {"bool", 0}, "BOOL": {"bool", 0},
	"DATE":      {"date", 0},
	"TIMESTAMP": {"timestamp", 0}, "TIMESTAMP_NTZ": {"timestamp", 0}, "DATETIME": {"timestamp", 0},
	"TIME": {"time", 0},
}

// parseType reads a type from toks: one or two unquoted words naming a known
// type, then optionally ( n ) or ( n , m ). It returns the type and how many
// tokens it used. Anything else — a string literal, a quoted identifier, an
// unknown name, more parameters — is an error.
func parseType(toks []Token) (Type, int, error) {
	if len(toks) == 0 || toks[0].Kind != Ident || toks[0].Quoted {
		got := "nothing"
		if len(toks) > 0 {
			got = fmt.Sprintf("%q", toks[0].Text)
		}
		return Type{}, 0, fmt.Errorf("a cast needs a type name (such as NUMBER(38,2), VARCHAR, DATE), got %s", got)
	}
	name, n := toks[0].Text, 1
	if name == "DOUBLE" && len(toks) > 1 && toks[1].Is("PRECISION") {
		name, n = "DOUBLE PRECISION", 2
	}
	info, ok := typeNames[name]
	if !ok {
		return Type{}, 0, fmt.Errorf("%s is not a type the SDK casts to (valid: %s)", name, strings.Join(TypeNames(), ", "))
	}
	t := Type{Name: name}
	if n < len(toks) && toks[n].Is("(") {
		n++
		for {
			if n >= len(toks) || toks[n].Kind != Number {
				return Type{}, 0, fmt.Errorf("type %s: a parameter must be a whole number", name)
			}
			v, err := strconv.Atoi(toks[n].Text)
			if err != nil || v < 0 || v > 1<<20 {
				return Type{}, 0, fmt.Errorf("type %s: parameter %q is not a whole number up to %d", name, toks[n].Text, 1<<20)
			}
			t.Params = append(t.Params, v)
			n++
			if n < len(toks) && toks[n].Is(",") {
				n++
				continue
			}
			break
		}
		if n >= len(toks) || !toks[n].Is(")") {
			return Type{}, 0, fmt.Errorf("type %s: expected ) after its parameters", name)
		}
		n++
		if len(t.Params) > info.maxParams {
			return Type{}, 0, fmt.Errorf("type %s takes at most %d parameters, got %d", name, info.maxParams, len(t.Params))
		}
		if info.family == "number" && (t.Params[0] < 1 || t.Params[0] > 38 || (len(t.Params) == 2 && t.Params[1] > t.Params[0])) {
			return Type{}, 0, fmt.Errorf("type %s(%s): precision must be 1..38 and scale at most the precision", name, intsText(t.Params))
		}
	}
	return t, n, nil
}

// TypeNames lists the type names the grammar accepts, sorted.
func TypeNames() []string {
	out := make([]string, 0, len(typeNames))
	for n := range typeNames {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Family returns the type's family: number, int, text, float, bool, date,
// timestamp or time.
func (t Type) Family() string { return typeNames[t.Name].family }

// String renders the type as written in a model (Snowflake names).
func (t Type) String() string {
	if len(t.Params) == 0 {
		return t.Name
	}
	return t.Name + "(" + intsText(t.Params) + ")"
}

// Render returns the type's name in d's SQL.
func (t Type) Render(d dialect.Dialect) string {
	if d != dialect.DuckDB {
		return t.String()
	}
	switch t.Family() {
	case "number":
		return Type{Name: "DECIMAL", Params: t.Params}.String()
	case "text":
		return "VARCHAR"
	case "timestamp":
		return "TIMESTAMP"
	case "float":
		if t.Name == "FLOAT" {
			return "DOUBLE" // Snowflake's FLOAT is 8 bytes; DuckDB's is 4
		}
	case "int":
		return "BIGINT" // Snowflake's INT is NUMBER(38,0); DuckDB's INTEGER is 4 bytes
	}
	return t.String()
}

func intsText(ps []int) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, ",")
}
