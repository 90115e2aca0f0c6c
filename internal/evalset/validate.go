package evalset

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// The set's minimum sizes.
const (
	MinQuestions = 300 // questions in the whole set
	MinDeclines  = 40  // questions that must be declined
	MinWordings  = 5   // wordings per family
)

// problems collects every problem found, to report them all at once.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return errors.New("evalset: " + strings.Join(p, "\n  "))
}

var familyID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// tableRef finds the relation after every FROM and JOIN, schema-qualified or not.
var tableRef = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+([A-Z_][A-Z0-9_]*)(?:\s*\.\s*([A-Z_][A-Z0-9_]*))?`)

// cteName finds the name of every common table expression a query defines.
var cteName = regexp.MustCompile(`(?i)(?:\bWITH|,)\s*([A-Z_][A-Z0-9_]*)\s+AS\s*\(`)

// readsOnlyRaw returns every relation query reads that is neither a RAW table
// nor one of its own common table expressions.
func readsOnlyRaw(query string) []string {
	ctes := map[string]bool{}
	for _, m := range cteName.FindAllStringSubmatch(query, -1) {
		ctes[strings.ToLower(m[1])] = true
	}
	var bad []string
	for _, m := range tableRef.FindAllStringSubmatch(query, -1) {
		switch {
		case m[2] != "" && !strings.EqualFold(m[1], "RAW"):
			bad = append(bad, m[1]+"."+m[2])
		case m[2] == "" && !ctes[strings.ToLower(m[1])]:
			bad = append(bad, m[1])
		}
	}
	return bad
}

// Validate returns every problem of the set: fields, sizes, classes, reasons,
// duplicates, and queries that read anything but RAW.
func (s *Set) Validate() []string {
	var p problems
	families := map[string]bool{}
	questions := map[string]string{}
	classes := map[Class]int{}
	reasons := map[Reason]int{}
	total, declines := 0, 0
	for _, f := range s.Families {
		at := f.File + ": family " + f.ID
		switch {
		case f.ID == "":
			p.add("%s: a family has no id", f.File)
		case !familyID.MatchString(f.ID):
			p.add("%s: id must be lower-case words joined by '-'", at)
		case families[f.ID]:
			p.add("%s: id used twice", at)
		}
		families[f.ID] = true
		if !f.Class.Valid() {
			p.add("%s: unknown class %q", at, f.Class)
		}
		classes[f.Class]++
		if strings.TrimSpace(f.Intent) == "" {
			p.add("%s: no intent", at)
		}
		if len(f.Questions) < MinWordings {
			p.add("%s: %d wordings, want at least %d", at, len(f.Questions), MinWordings)
		}
		for _, q := range f.Questions {
			key := strings.ToLower(strings.Join(strings.Fields(q), " "))
			if key == "" {
				p.add("%s: an empty question", at)
			} else if other, ok := questions[key]; ok {
				p.add("%s: question %q also in family %s", at, q, other)
			}
			questions[key] = f.ID
		}
		total += len(f.Questions)
		if f.Decline != "" {
			declines += len(f.Questions)
			reasons[f.Decline]++
		}
		p = append(p, f.validateAnswer(at)...)
		if f.SQL != "" {
			for _, t := range readsOnlyRaw(s.Query(f)) {
				p.add("%s: sql reads %s; expected answers read RAW tables only", at, t)
			}
		}
	}
	if total < MinQuestions {
		p.add("%d questions, want at least %d", total, MinQuestions)
	}
	if declines < MinDeclines {
		p.add("%d questions to decline, want at least %d", declines, MinDeclines)
	}
	for _, c := range Classes() {
		if classes[c] == 0 {
			p.add("no family of class %s", c)
		}
	}
	for _, r := range Reasons() {
		if reasons[r] == 0 {
			p.add("no family declined for %s", r)
		}
	}
	return p
}

// validateAnswer checks that f is either declined or answered, never both, and
// that an answer's SQL reads RAW only and its shape is stated.
func (f Family) validateAnswer(at string) []string {
	var p problems
	switch {
	case f.Decline != "" && (f.SQL != "" || f.Expect != nil):
		p.add("%s: declined for %s but has sql or expect", at, f.Decline)
	case f.Decline != "":
		if !f.Decline.Valid() {
			p.add("%s: unknown decline reason %q", at, f.Decline)
		}
		if f.Class != ClassDeclines {
			p.add("%s: declined families belong in class %s", at, ClassDeclines)
		}
	case strings.TrimSpace(f.SQL) == "":
		p.add("%s: neither decline nor sql", at)
	default:
		if f.Class == ClassDeclines {
			p.add("%s: class %s but no decline reason", at, ClassDeclines)
		}
		p = append(p, f.validateExpect(at)...)
	}
	return p
}

func (f Family) validateExpect(at string) []string {
	var p problems
	e := f.Expect
	if e == nil {
		p.add("%s: no expect", at)
		return p
	}
	if e.Rows < 1 {
		p.add("%s: expect.rows must be positive", at)
	}
	if len(e.Columns) == 0 {
		p.add("%s: expect.columns is empty", at)
	}
	for i, c := range e.Columns {
		if c.Name == "" || c.Meaning == "" {
			p.add("%s: expect.columns[%d] needs a name and a meaning", at, i)
		}
	}
	single := e.Rows == 1 && len(e.Columns) == 1
	if single && e.Value == "" {
		p.add("%s: a single-value answer needs expect.value", at)
	}
	if !single && e.Value != "" {
		p.add("%s: expect.value is for single-value answers only", at)
	}
	if e.Rows > 1 && e.Order == "" {
		p.add("%s: an answer of %d rows needs expect.order", at, e.Rows)
	}
	return p
}
