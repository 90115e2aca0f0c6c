package evalset

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Class is a question class of the set: which way of asking its families test.
type Class string

// The classes of the set, one file each.
const (
	ClassPlain          Class = "plain"
	ClassMeasureWords   Class = "measure_words"
	ClassNumberWords    Class = "number_words"
	ClassSuperlatives   Class = "superlatives"
	ClassPerGroupRank   Class = "per_group_rank"
	ClassComparisons    Class = "comparisons"
	ClassShares         Class = "shares"
	ClassPeriodAverages Class = "period_averages"
	ClassThresholds     Class = "thresholds"
	ClassDistinctCounts Class = "distinct_counts"
	ClassNegation       Class = "negation"
	ClassEntities       Class = "entities"
	ClassDates          Class = "dates"
	ClassTypos          Class = "typos"
	ClassNewTables      Class = "new_tables"
	ClassDeclines       Class = "declines"
)

// Classes lists every class; the set must hold each.
func Classes() []Class {
	return []Class{
		ClassPlain, ClassMeasureWords, ClassNumberWords, ClassSuperlatives, ClassPerGroupRank,
		ClassComparisons, ClassShares, ClassPeriodAverages, ClassThresholds, ClassDistinctCounts,
		ClassNegation, ClassEntities, ClassDates, ClassTypos, ClassNewTables, ClassDeclines,
	}
}

// Valid reports whether c is one of [Classes].
func (c Class) Valid() bool { return contains(Classes(), c) }

// Reason is why a question must be declined.
type Reason string

// The reasons a question is declined.
const (
	ReasonForecast    Reason = "forecast"      // asks about the future
	ReasonNotInModel  Reason = "not_in_model"  // profit, margin, cost, salaries, web traffic, targets other than quota
	ReasonChangeData  Reason = "change_data"   // asks to add, change or delete data
	ReasonOutOfDomain Reason = "out_of_domain" // not about the sales data
)

// Reasons lists every decline reason; the set must hold each.
func Reasons() []Reason {
	return []Reason{ReasonForecast, ReasonNotInModel, ReasonChangeData, ReasonOutOfDomain}
}

// Valid reports whether r is one of [Reasons].
func (r Reason) Valid() bool { return contains(Reasons(), r) }

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Column is one column of an expected answer: its name in the SQL result and
// what it means.
type Column struct {
	Name    string `yaml:"name" json:"name"`
	Meaning string `yaml:"meaning" json:"meaning"`
}

// Expect describes an expected answer's shape: its columns in order, its row
// count, its order, and for a single value the value itself.
type Expect struct {
	Rows    int      `yaml:"rows"`
	Order   string   `yaml:"order,omitempty"`
	Note    string   `yaml:"note,omitempty"`
	Columns []Column `yaml:"columns"`
	// Value is the answer when it is one row of one column, as exact text.
	Value string `yaml:"value,omitempty"`
}

// Family is one intent and its wordings. Exactly one of Decline and SQL is set.
type Family struct {
	ID     string `yaml:"family"`
	Class  Class  `yaml:"-"`
	Intent string `yaml:"intent"`
	// Decline is the reason the family's questions must be declined.
	Decline Reason `yaml:"decline,omitempty"`
	// SQL follows the WITH clause of clean.sql; see [Set.Query].
	SQL       string   `yaml:"sql,omitempty"`
	Expect    *Expect  `yaml:"expect,omitempty"`
	Questions []string `yaml:"questions"`
	// File is the file the family came from.
	File string `yaml:"-"`
}

// Entry is one question of the set. Its ID is "<family>/<n>", n counting the
// family's wordings from 1 in file order; wordings are only ever appended.
type Entry struct {
	ID       string
	Family   string
	Class    Class
	Question string
	Decline  Reason
	SQL      string
	Expect   *Expect
}

// Set is the whole evaluation set.
type Set struct {
	// Families in file order (files sorted by name).
	Families []Family
	// Clean is the common WITH clause every family's SQL follows.
	Clean string
}

// CleanFile is the file holding the common WITH clause.
const CleanFile = "clean.sql"

type classFile struct {
	Class    Class    `yaml:"class"`
	Families []Family `yaml:"families"`
}

// Load reads every *.yaml file of fsys and clean.sql, then validates the whole
// set. The error lists every problem found, each naming its file and family.
func Load(fsys fs.FS) (*Set, error) {
	clean, err := fs.ReadFile(fsys, CleanFile)
	if err != nil {
		return nil, fmt.Errorf("evalset: %w", err)
	}
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("evalset: %w", err)
	}
	sort.Strings(names)
	s := &Set{Clean: string(clean)}
	var probs problems
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("evalset: %w", err)
		}
		var f classFile
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			probs.add("%s: %v", name, err)
			continue
		}
		if want := Class(strings.TrimSuffix(path.Base(name), ".yaml")); f.Class != want {
			probs.add("%s: class %q, want %q (the file's name)", name, f.Class, want)
		}
		for _, fam := range f.Families {
			fam.Class, fam.File = f.Class, name
			s.Families = append(s.Families, fam)
		}
	}
	probs = append(probs, s.Validate()...)
	if err := probs.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Entries returns one entry per question, families in order.
func (s *Set) Entries() []Entry {
	var out []Entry
	for _, f := range s.Families {
		for i, q := range f.Questions {
			out = append(out, Entry{
				ID: fmt.Sprintf("%s/%d", f.ID, i+1), Family: f.ID, Class: f.Class, Question: q,
				Decline: f.Decline, SQL: f.SQL, Expect: f.Expect,
			})
		}
	}
	return out
}

// Query returns the complete SQL of family f's expected answer: the WITH clause
// of clean.sql followed by f's SQL. It reads the RAW schema only.
func (s *Set) Query(f Family) string {
	return strings.TrimRight(s.Clean, "\n") + "\n" + strings.TrimSpace(f.SQL)
}
