package semantic

import (
	"os"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// ParseSemanticViewDDLFile reads and parses the statement in the file at path.
// See [ParseSemanticViewDDL].
func ParseSemanticViewDDLFile(path string) (m *Model, view string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	return ParseSemanticViewDDL(path, data)
}

// ParseSemanticViewDDL reads one CREATE [OR REPLACE | OR ALTER] SEMANTIC VIEW
// statement, in the subset of Snowflake's grammar [Model.SemanticViewDDL] writes
// (every clause of the documented grammar but CONSTRAINT … DISTINCT RANGE), into a
// model, and returns it with the view's name as written (parts unquoted, joined
// by dots). A WITH EXTENSION (CA='…') clause supplies what DDL cannot say (data
// types above all); a dimension or fact without a data type there is an error,
// as DDL leaves the type to Snowflake.
//
// The model is validated as [Parse] validates YAML. On error it returns a nil
// model and an [*Error] listing every problem with file, line and column; the
// clauses and list entries are read independently, so one bad entry does not
// hide the next. The statement may be at most [MaxDDLSize] bytes and nest
// parentheses [MaxDDLDepth] deep.
func ParseSemanticViewDDL(file string, data []byte) (m *Model, view string, err error) {
	src := &source{file: file, pos: map[string]Position{"": {File: file, Line: 1, Column: 1}}}
	ps := &problems{src: src}
	if len(data) > MaxDDLSize {
		ps.addAt(Position{File: file, Line: 1, Column: 1}, SeverityError, "",
			"the statement is "+strconv.Itoa(len(data))+" bytes; it may be at most "+strconv.Itoa(MaxDDLSize))
		return nil, "", &Error{Problems: ps.list}
	}
	d, lexErr := lexDDL(file, string(data))
	if lexErr != nil {
		return nil, "", &Error{Problems: []Problem{*lexErr}}
	}
	p := &ddlParser{ddlTokens: d, ps: ps, msrc: src, m: &Model{src: src}, aliases: map[string]int{}}
	p.statement()
	p.assemble()
	if len(ps.list) == 0 || !hasErrors(ps.list) {
		validate(p.m, ps)
	}
	errs, warns := split(ps.list)
	src.warnings = warns
	if len(errs) > 0 {
		return nil, "", &Error{Problems: errs}
	}
	p.m.idx()
	return p.m, p.view, nil
}

// ddlParser reads the statement clause by clause. Facts, dimensions and metrics
// are collected as columns first and placed into the model's tables by
// assemble, once the extension has said which dimensions are time dimensions.
type ddlParser struct {
	*ddlTokens
	ps      *problems
	msrc    *source // the model's positions
	m       *Model
	view    string
	aliases map[string]int // lower table alias → index
	columns []*ddlColumn
	ext     *caExtension
	extTok  int
}

func (p *ddlParser) errorf(i int, path, format string, args ...any) {
	p.ps.addAt(p.posOf(i), SeverityError, path, sprintf(format, args...))
}

func (p *ddlParser) warnf(i int, path, format string, args ...any) {
	p.ps.addAt(p.posOf(i), SeverityWarning, path, sprintf(format, args...))
}

// mark records that the key at path was written at token i.
func (p *ddlParser) mark(path string, i int) { p.msrc.pos[path] = p.posOf(i) }

// ddlClauses is the clause order of CREATE SEMANTIC VIEW, each clause by the
// keywords that open it: Snowflake rejects a clause out of this order (FACTS
// before DIMENSIONS, and so on). parseClause reads each.
var ddlClauses = [][]string{
	{"TABLES"}, {"RELATIONSHIPS"}, {"VARIABLES"}, {"FACTS"}, {"DIMENSIONS"}, {"METRICS"},
	{"COMMENT"}, {"MAX_STALENESS"}, {"AI_SQL_GENERATION"}, {"AI_QUESTION_CATEGORIZATION"},
	{"AI_VERIFIED_QUERIES"}, {"TAG"}, {"EXTENSION"}, {"COPY", "GRANTS"},
}

// parseClause reads clause c from token i, after its keywords.
func (p *ddlParser) parseClause(c, i int) int {
	switch ddlClauses[c][0] {
	case "TABLES":
		return p.group(i, "TABLES", p.table)
	case "RELATIONSHIPS":
		return p.group(i, "RELATIONSHIPS", p.relationship)
	case "VARIABLES":
		return p.group(i, "VARIABLES", p.variable)
	case "FACTS":
		return p.group(i, "FACTS", p.column(kindFact))
	case "DIMENSIONS":
		return p.group(i, "DIMENSIONS", p.column(kindDim))
	case "METRICS":
		return p.group(i, "METRICS", p.column(kindMetric))
	case "COMMENT":
		return p.viewComment(i)
	case "MAX_STALENESS":
		return p.maxStaleness(i)
	case "AI_SQL_GENERATION":
		return p.instructions(i, true)
	case "AI_QUESTION_CATEGORIZATION":
		return p.instructions(i, false)
	case "AI_VERIFIED_QUERIES":
		return p.group(i, "AI_VERIFIED_QUERIES", p.verifiedQuery)
	case "TAG":
		return p.viewTags(i)
	case "EXTENSION":
		return p.extension(i)
	}
	return i // COPY GRANTS
}

// clauseAt returns the clause starting at token i and the index after its
// keywords, or -1. WITH is optional before TAG and required before EXTENSION.
func (p *ddlParser) clauseAt(i int) (int, int) {
	j := i
	if p.kw(i, "WITH") {
		j++
	}
	for c, words := range ddlClauses {
		if p.kw(j, words...) {
			if j > i && words[0] != "TAG" && words[0] != "EXTENSION" || j == i && words[0] == "EXTENSION" {
				return -1, i
			}
			return c, j + len(words)
		}
	}
	return -1, i
}

func clauseName(c int) string { return strings.Join(ddlClauses[c], " ") }

func (p *ddlParser) statement() {
	i := p.header()
	if i < 0 {
		return
	}
	last, seen := -1, map[int]bool{}
	for i < len(p.toks) {
		if p.punct(i, ";") {
			if i+1 < len(p.toks) {
				p.errorf(i+1, "", "unexpected %s after the end of the statement; give one statement", p.text(i+1))
			}
			break
		}
		c, next := p.clauseAt(i)
		if c < 0 {
			p.errorf(i, "", "unexpected %s: expected a clause (%s)", p.text(i), p.expectedClauses(last))
			i = p.recover(i)
			continue
		}
		switch {
		case seen[c]:
			p.errorf(i, "", "%s is given twice", clauseName(c))
		case c < last:
			p.errorf(i, "", "%s must come before %s (Snowflake's clause order)", clauseName(c), clauseName(last))
		}
		seen[c] = true
		if c > last {
			last = c
		}
		i = p.parseClause(c, next)
	}
	if !seen[0] {
		p.errorf(len(p.toks), "tables", "TABLES is required: a semantic view needs at least one logical table")
	}
	if !seen[4] && !seen[5] {
		p.errorf(len(p.toks), "", "a semantic view needs a DIMENSIONS or a METRICS clause")
	}
}

func (p *ddlParser) expectedClauses(after int) string {
	var names []string
	for c := after + 1; c < len(ddlClauses); c++ {
		names = append(names, clauseName(c))
	}
	if len(names) == 0 {
		return "none may follow " + clauseName(after)
	}
	return strings.Join(names, ", ")
}

// recover skips to the next clause keyword at the statement's top level.
func (p *ddlParser) recover(i int) int {
	for i = p.skip(i); i < len(p.toks); i = p.skip(i) {
		if c, _ := p.clauseAt(i); c >= 0 || p.punct(i, ";") {
			return i
		}
	}
	return i
}

// header reads CREATE [OR REPLACE | OR ALTER] SEMANTIC VIEW [IF NOT EXISTS] name
// and returns the index after it, or -1.
func (p *ddlParser) header() int {
	i := 0
	if !p.kw(i, "CREATE") {
		p.errorf(i, "", "expected CREATE [OR REPLACE] SEMANTIC VIEW, found %s", p.text(i))
		return -1
	}
	i++
	if p.kw(i, "OR", "REPLACE") || p.kw(i, "OR", "ALTER") {
		i += 2
	}
	if !p.kw(i, "SEMANTIC", "VIEW") {
		p.errorf(i, "", "expected SEMANTIC VIEW, found %s", p.text(i))
		return -1
	}
	i += 2
	if p.kw(i, "IF", "NOT", "EXISTS") {
		i += 3
	}
	parts, next := p.qualified(i)
	if len(parts) == 0 || len(parts) > 3 {
		p.errorf(i, "name", "expected the view's name (name, schema.name or database.schema.name), found %s", p.text(i))
		return -1
	}
	p.view = strings.Join(parts, ".")
	p.m.Name = parts[len(parts)-1]
	p.mark("name", i+2*(len(parts)-1))
	return next
}

// qualified reads name(.name)* from i.
func (p *ddlParser) qualified(i int) ([]string, int) {
	var parts []string
	for {
		n, ok := p.name(i)
		if !ok {
			return parts, i
		}
		parts = append(parts, n)
		i++
		if !p.punct(i, ".") {
			return parts, i
		}
		i++
	}
}

// group reads KEYWORD ( item, … ), handing each item's token range to item.
func (p *ddlParser) group(i int, keyword string, item func(a, b int)) int {
	if !p.punct(i, "(") {
		p.errorf(i, "", "expected ( after %s, found %s", keyword, p.text(i))
		return p.recover(i)
	}
	entries := p.split(i)
	if len(entries) == 0 {
		p.errorf(i, "", "%s ( ) is empty; give at least one entry or leave the clause out", keyword)
	}
	for _, r := range entries {
		if r[0] == r[1] {
			p.errorf(r[0], "", "empty entry in %s", keyword)
			continue
		}
		item(r[0], r[1])
	}
	return p.match[i] + 1
}

// str reads an optional '=' and a string literal from i.
func (p *ddlParser) str(i int, what string) (string, int, bool) {
	if p.punct(i, "=") {
		i++
	}
	if i >= len(p.toks) || p.toks[i].Kind != sqlparse.String {
		p.errorf(i, "", "expected a quoted string for %s, found %s", what, p.text(i))
		return "", i, false
	}
	return p.toks[i].Text, i + 1, true
}

func (p *ddlParser) viewComment(i int) int {
	s, next, ok := p.str(i, "COMMENT")
	if ok {
		p.m.Description = s
		p.mark("description", next-1)
	}
	return next
}

func (p *ddlParser) maxStaleness(i int) int {
	if p.punct(i, "=") {
		i++
	}
	if i < len(p.toks) && p.toks[i].Kind == sqlparse.Number {
		if n, err := strconv.Atoi(p.toks[i].Text); err == nil {
			p.m.MaxStaleness = &n
			p.mark("max_staleness", i)
			return i + 1
		}
	}
	p.errorf(i, "max_staleness", "expected MAX_STALENESS = <seconds>, found %s", p.text(i))
	return p.recover(i)
}

func (p *ddlParser) instructions(i int, sqlGeneration bool) int {
	s, next, ok := p.str(i, "the instructions")
	if !ok {
		return p.recover(i)
	}
	if p.m.ModuleCustomInstructions == nil {
		p.m.ModuleCustomInstructions = &ModuleCustomInstructions{}
	}
	if sqlGeneration {
		p.m.ModuleCustomInstructions.SQLGeneration = s
		p.mark("module_custom_instructions.sql_generation", next-1)
	} else {
		p.m.ModuleCustomInstructions.QuestionCategorization = s
		p.mark("module_custom_instructions.question_categorization", next-1)
	}
	return next
}

func (p *ddlParser) viewTags(i int) int {
	tags, next := p.tags(i, "tags")
	p.m.Tags = tags
	return next
}
