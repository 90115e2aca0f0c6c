package semantic

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/editdist"
)

// FieldKind says what a [Field] is.
type FieldKind string

// The field kinds.
const (
	KindDimension     FieldKind = "dimension"
	KindTimeDimension FieldKind = "time_dimension"
	KindFact          FieldKind = "fact"
	KindMetric        FieldKind = "metric"
	KindFilter        FieldKind = "filter"
)

// Valid reports whether k is a known kind.
func (k FieldKind) Valid() bool {
	switch k {
	case KindDimension, KindTimeDimension, KindFact, KindMetric, KindFilter:
		return true
	}
	return false
}

// Field is one named thing of a model — a dimension, time dimension, fact, metric
// or named filter — with the table that holds it. Derived (model-level) metrics
// have an empty Table.
type Field struct {
	Kind         FieldKind
	Table        string
	Name         string
	Expr         string
	DataType     DataType // empty for metrics and filters
	Synonyms     []string
	Description  string
	SampleValues []string
	IsEnum       bool
	// DateParts are a time dimension's stored truncations ([TimeDimension.DateParts]).
	DateParts []DatePart
	// Per is a metric's period, when it is a rate per period ([Metric.Per]).
	Per dialect.Grain
	// Index is the field's position in [Model.Fields].
	Index int
}

// QualifiedName returns table.name, or name for a derived metric.
func (f Field) QualifiedName() string {
	if f.Table == "" {
		return f.Name
	}
	return f.Table + "." + f.Name
}

// ErrUnknownField is matched (errors.Is) by every [*LookupError].
var ErrUnknownField = errors.New("semantic: unknown field")

// LookupError reports a name the model does not define, with the names it does
// and the closest one.
type LookupError struct {
	Name    string
	Kinds   []FieldKind // the kinds looked for; empty means any
	Valid   []string    // the valid names of those kinds, sorted
	Closest string      // the valid name nearest to Name, if any is near
	// Ambiguous lists the qualified names that Name matched more than once.
	Ambiguous []string
}

// Error says what was not found, the closest match and the valid names.
func (e *LookupError) Error() string {
	what := "field"
	if len(e.Kinds) > 0 {
		ks := make([]string, len(e.Kinds))
		for i, k := range e.Kinds {
			ks[i] = strings.ReplaceAll(string(k), "_", " ")
		}
		what = strings.Join(ks, " or ")
	}
	if len(e.Ambiguous) > 0 {
		return fmt.Sprintf("semantic: %s %q is ambiguous: qualify it as one of %s", what, e.Name, strings.Join(e.Ambiguous, ", "))
	}
	msg := fmt.Sprintf("semantic: unknown %s %q", what, e.Name)
	if e.Closest != "" {
		msg += fmt.Sprintf("; did you mean %q?", e.Closest)
	}
	return msg + " (valid: " + strings.Join(e.Valid, ", ") + ")"
}

// Is makes errors.Is(err, ErrUnknownField) true.
func (e *LookupError) Is(target error) bool { return target == ErrUnknownField }

type index struct {
	fields []Field
	byName map[string][]int // lower name, synonym, and table.name → field indexes
}

func (m *Model) idx() *index {
	if m.index != nil {
		return m.index
	}
	ix := &index{byName: make(map[string][]int)}
	add := func(f Field) {
		i := len(ix.fields)
		f.Index = i
		ix.fields = append(ix.fields, f)
		keys := []string{strings.ToLower(f.Name)}
		if f.Table != "" {
			keys = append(keys, strings.ToLower(f.Table+"."+f.Name))
		}
		for _, s := range f.Synonyms {
			keys = append(keys, strings.ToLower(strings.TrimSpace(s)))
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				ix.byName[k] = append(ix.byName[k], i)
			}
		}
	}
	for _, t := range m.Tables {
		for _, d := range t.Dimensions {
			add(Field{Kind: KindDimension, Table: t.Name, Name: d.Name, Expr: d.Expr, DataType: d.DataType, Synonyms: d.Synonyms, Description: d.Description, SampleValues: d.SampleValues, IsEnum: d.IsEnum})
		}
		for _, d := range t.TimeDimensions {
			add(Field{Kind: KindTimeDimension, Table: t.Name, Name: d.Name, Expr: d.Expr, DataType: d.DataType, Synonyms: d.Synonyms, Description: d.Description, SampleValues: d.SampleValues, DateParts: d.DateParts})
		}
		for _, f := range t.Facts {
			add(Field{Kind: KindFact, Table: t.Name, Name: f.Name, Expr: f.Expr, DataType: f.DataType, Synonyms: f.Synonyms, Description: f.Description, SampleValues: f.SampleValues})
		}
		for _, mt := range t.Metrics {
			add(Field{Kind: KindMetric, Table: t.Name, Name: mt.Name, Expr: mt.Expr, Synonyms: mt.Synonyms, Description: mt.Description, Per: mt.Per})
		}
		for _, f := range t.Filters {
			add(Field{Kind: KindFilter, Table: t.Name, Name: f.Name, Expr: f.Expr, Synonyms: f.Synonyms, Description: f.Description})
		}
	}
	for _, mt := range m.Metrics {
		add(Field{Kind: KindMetric, Name: mt.Name, Expr: mt.Expr, Synonyms: mt.Synonyms, Description: mt.Description})
	}
	m.index = ix
	return ix
}

// Fields returns every field in declaration order: table by table, and within a
// table dimensions, time dimensions, facts, metrics, then filters; derived metrics
// last.
func (m *Model) Fields() []Field { return m.idx().fields }

// Field finds the field called name — its name, a synonym, or table.name —
// ignoring case. It reports false when there is none or more than one.
func (m *Model) Field(name string) (Field, bool) {
	f, err := m.Lookup(name)
	return f, err == nil
}

// Lookup finds the field called name (see [Model.Field]) among the given kinds (all
// kinds when none are given). When there is none it returns a [*LookupError] with
// the valid names and the closest one; when the name is ambiguous, the qualified
// names to choose from.
func (m *Model) Lookup(name string, kinds ...FieldKind) (Field, error) {
	ix := m.idx()
	var hits []int
	for _, i := range ix.byName[strings.ToLower(strings.TrimSpace(name))] {
		if kindIn(ix.fields[i].Kind, kinds) {
			hits = append(hits, i)
		}
	}
	if len(hits) > 1 {
		// A name beats a synonym: "revenue" the metric over revenue the synonym.
		var exact []int
		for _, i := range hits {
			f := ix.fields[i]
			if strings.EqualFold(f.Name, name) || strings.EqualFold(f.QualifiedName(), name) {
				exact = append(exact, i)
			}
		}
		if len(exact) == 1 {
			hits = exact
		}
	}
	switch len(hits) {
	case 1:
		return ix.fields[hits[0]], nil
	case 0:
		valid := m.names(kinds)
		return Field{}, &LookupError{Name: name, Kinds: kinds, Valid: valid, Closest: closest(name, m.namesAndSynonyms(kinds))}
	}
	amb := make([]string, len(hits))
	for i, h := range hits {
		amb[i] = ix.fields[h].QualifiedName()
	}
	sort.Strings(amb)
	return Field{}, &LookupError{Name: name, Kinds: kinds, Ambiguous: amb}
}

// Table returns the logical table called name, ignoring case.
func (m *Model) Table(name string) (*Table, bool) {
	for i := range m.Tables {
		if strings.EqualFold(m.Tables[i].Name, name) {
			return &m.Tables[i], true
		}
	}
	return nil, false
}

// names returns the sorted unique names of the fields of the given kinds.
func (m *Model) names(kinds []FieldKind) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range m.idx().fields {
		if kindIn(f.Kind, kinds) && !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f.Name)
		}
	}
	sort.Strings(out)
	return out
}

func (m *Model) namesAndSynonyms(kinds []FieldKind) []string {
	var out []string
	for _, f := range m.idx().fields {
		if kindIn(f.Kind, kinds) {
			out = append(out, f.Name)
			out = append(out, f.Synonyms...)
		}
	}
	return out
}

func kindIn(k FieldKind, kinds []FieldKind) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// closest returns the candidate with the smallest edit distance to name, if that
// distance is at most a third of the name's length (at least 2).
func closest(name string, candidates []string) string {
	name = strings.ToLower(name)
	best, bestD := "", max(2, len(name)/3)+1
	for _, c := range candidates {
		if d := editdist.Distance(name, strings.ToLower(c), -1); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
