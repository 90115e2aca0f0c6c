package semantic

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// DataType is a Snowflake type name as written in the model, e.g. "VARCHAR",
// "NUMBER(38,2)" or "date". Case does not matter.
type DataType string

// TypeFamily groups data types that hold the same kind of value.
type TypeFamily string

// The type families.
const (
	FamilyUnknown   TypeFamily = ""
	FamilyText      TypeFamily = "text"
	FamilyNumber    TypeFamily = "number"
	FamilyFloat     TypeFamily = "float"
	FamilyBoolean   TypeFamily = "boolean"
	FamilyDate      TypeFamily = "date"
	FamilyTimestamp TypeFamily = "timestamp"
	FamilyTime      TypeFamily = "time"
	FamilyBinary    TypeFamily = "binary"
	// FamilySemiStructured is VARIANT, OBJECT, ARRAY and GEOGRAPHY, which Cortex
	// Analyst does not support.
	FamilySemiStructured TypeFamily = "semi-structured"
)

// parts splits "NUMBER(38, 2)" into NUMBER, "38", "2"; ok is false when t is not
// a type name with optional precision and scale.
func (t DataType) parts() (name, precision, scale string, ok bool) {
	s := strings.TrimSpace(string(t))
	name, args, hasArgs := strings.Cut(s, "(")
	name = strings.TrimSpace(name)
	if name == "" {
		return "", "", "", false
	}
	for _, c := range name {
		if !(c == '_' || c == ' ' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return "", "", "", false
		}
	}
	if !hasArgs {
		return name, "", "", true
	}
	args, rest, closed := strings.Cut(args, ")")
	if !closed || strings.TrimSpace(rest) != "" {
		return "", "", "", false
	}
	precision, scale, _ = strings.Cut(args, ",")
	precision, scale = strings.TrimSpace(precision), strings.TrimSpace(scale)
	if !digits(precision) || (scale != "" && !digits(scale)) {
		return "", "", "", false
	}
	return name, precision, scale, true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Family returns the family of t, or FamilyUnknown for a name it does not know.
func (t DataType) Family() TypeFamily {
	name, _, _, ok := t.parts()
	if !ok {
		return FamilyUnknown
	}
	switch strings.ToUpper(name) {
	case "VARCHAR", "TEXT", "STRING", "CHAR", "CHARACTER", "NCHAR", "NVARCHAR", "NVARCHAR2", "CHAR VARYING", "NCHAR VARYING":
		return FamilyText
	case "NUMBER", "NUMERIC", "DECIMAL", "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT", "HUGEINT":
		return FamilyNumber
	case "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "DOUBLE PRECISION", "REAL":
		return FamilyFloat
	case "BOOLEAN", "BOOL":
		return FamilyBoolean
	case "DATE":
		return FamilyDate
	case "DATETIME", "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
		return FamilyTimestamp
	case "TIME":
		return FamilyTime
	case "BINARY", "VARBINARY", "BLOB":
		return FamilyBinary
	case "VARIANT", "OBJECT", "ARRAY", "GEOGRAPHY", "GEOMETRY", "JSON", "STRUCT", "MAP", "LIST":
		return FamilySemiStructured
	}
	return FamilyUnknown
}

// Scale returns the declared scale of a NUMBER(p,s)/DECIMAL(p,s) type and whether
// one was declared.
func (t DataType) Scale() (int, bool) {
	_, precision, scale, ok := t.parts()
	if !ok || precision == "" || t.Family() != FamilyNumber {
		return 0, false
	}
	if scale == "" {
		return 0, true
	}
	s, err := strconv.Atoi(scale)
	return s, err == nil
}

// Valid reports whether t is a known type that Cortex Analyst supports.
func (t DataType) Valid() bool {
	f := t.Family()
	return f != FamilyUnknown && f != FamilySemiStructured
}

// Aggregation is a legacy measure's default aggregation (deprecated).
type Aggregation string

// The aggregations, written in lower case as the spec requires.
const (
	AggSum           Aggregation = "sum"
	AggAvg           Aggregation = "avg"
	AggMedian        Aggregation = "median"
	AggMin           Aggregation = "min"
	AggMax           Aggregation = "max"
	AggCount         Aggregation = "count"
	AggCountDistinct Aggregation = "count_distinct"
)

// Valid reports whether a is one of the spec's aggregations.
func (a Aggregation) Valid() bool { return oneOf(string(a), aggregations) }

var aggregations = []string{"sum", "avg", "median", "min", "max", "count", "count_distinct"}

// JoinType is how a relationship joins.
type JoinType string

// Join types. Only inner and left_outer are supported; the others are deprecated.
const (
	JoinInner      JoinType = "inner"
	JoinLeftOuter  JoinType = "left_outer"
	JoinFullOuter  JoinType = "full_outer"  // deprecated
	JoinCross      JoinType = "cross"       // deprecated
	JoinRightOuter JoinType = "right_outer" // deprecated
)

var joinTypes = []string{"inner", "left_outer"}
var deprecatedJoinTypes = []string{"full_outer", "cross", "right_outer"}

// Valid reports whether j is a supported join type.
func (j JoinType) Valid() bool { return oneOf(string(j), joinTypes) }

// RelationshipType is a relationship's cardinality.
type RelationshipType string

// Relationship types. Only many_to_one and one_to_one are supported.
const (
	ManyToOne  RelationshipType = "many_to_one"
	OneToOne   RelationshipType = "one_to_one"
	OneToMany  RelationshipType = "one_to_many"  // deprecated
	ManyToMany RelationshipType = "many_to_many" // deprecated
)

var relationshipTypes = []string{"many_to_one", "one_to_one"}
var deprecatedRelationshipTypes = []string{"one_to_many", "many_to_many"}

// Valid reports whether r is a supported relationship type.
func (r RelationshipType) Valid() bool { return oneOf(string(r), relationshipTypes) }

// AccessModifier says whether a fact or metric is visible to queries.
type AccessModifier string

// Access modifiers; public is the default.
const (
	PublicAccess  AccessModifier = "public_access"
	PrivateAccess AccessModifier = "private_access"
)

var accessModifiers = []string{"public_access", "private_access"}

// Valid reports whether a is a known access modifier.
func (a AccessModifier) Valid() bool { return oneOf(string(a), accessModifiers) }

// SortDirection orders a non-additive dimension.
type SortDirection string

// Sort directions.
const (
	Ascending  SortDirection = "ascending"
	Descending SortDirection = "descending"
)

var sortDirections = []string{"ascending", "descending"}

// Valid reports whether s is a known direction.
func (s SortDirection) Valid() bool { return oneOf(string(s), sortDirections) }

// NullOrder places NULLs of a non-additive dimension.
type NullOrder string

// Null orders.
const (
	NullsFirst NullOrder = "first"
	NullsLast  NullOrder = "last"
)

var nullOrders = []string{"first", "last"}

// Valid reports whether n is a known null order.
func (n NullOrder) Valid() bool { return oneOf(string(n), nullOrders) }

// Label marks a column's role (semantic views); the only label is "filter".
type Label string

// LabelFilter marks a boolean expression usable as a WHERE condition.
const LabelFilter Label = "filter"

// Valid reports whether l is a known label.
func (l Label) Valid() bool { return l == LabelFilter }

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// UnixTime is a time in seconds since the Unix epoch, UTC. It accepts an integer or
// a quoted integer, as Snowflake's own files write both.
type UnixTime int64

// UnmarshalYAML accepts 1714752498 and '1714752498'.
func (u *UnixTime) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("expected seconds since the Unix epoch, got a %s", kindName(n.Kind))
	}
	v, err := strconv.ParseInt(strings.TrimSpace(n.Value), 10, 64)
	if err != nil || v < 0 {
		return fmt.Errorf("expected seconds since the Unix epoch, got %q", n.Value)
	}
	*u = UnixTime(v)
	return nil
}
