package semantic

import (
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// table reads [alias AS] { db.schema.table | ( query ) } and its options.
func (p *ddlParser) table(a, b int) {
	ti := len(p.m.Tables)
	tp := indexPath("tables", ti)
	t := Table{}
	p.mark(tp, a)
	k := a
	if n, ok := p.name(a); ok && p.kw(a+1, "AS") {
		t.Name = n
		p.mark(join(tp, "name"), a)
		k = a + 2
	}
	switch {
	case p.punct(k, "("):
		t.BaseTable.Definition = strings.TrimSpace(p.ddlTokens.src[p.toks[k].End:p.toks[p.match[k]].Pos])
		p.mark(join(tp, "base_table"), k)
		k = p.match[k] + 1
	default:
		parts, next := p.qualified(k)
		if len(parts) == 0 || len(parts) > 3 {
			p.errorf(k, tp, "expected a table name, found %s", p.text(k))
			return
		}
		p.mark(join(tp, "base_table"), k)
		for len(parts) < 3 {
			parts = append([]string{""}, parts...)
		}
		t.BaseTable = BaseTable{Database: parts[0], Schema: parts[1], Table: parts[2]}
		if t.Name == "" {
			t.Name = parts[2]
			p.mark(join(tp, "name"), k)
		}
		k = next
	}
	for k < b {
		switch {
		case p.kw(k, "PRIMARY", "KEY"):
			cols, next := p.idents(k+2, join(tp, "primary_key.columns"))
			t.PrimaryKey = &Key{Columns: cols}
			k = next
		case p.kw(k, "UNIQUE"):
			cols, next := p.idents(k+1, indexPath(join(tp, "unique_keys"), len(t.UniqueKeys))+".columns")
			t.UniqueKeys = append(t.UniqueKeys, Key{Columns: cols})
			k = next
		case p.kw(k, "CONSTRAINT"):
			p.errorf(k, tp, "CONSTRAINT … DISTINCT RANGE has no place in a semantic model (range relationships are not supported)")
			k = b
		default:
			k = p.common(k, b, tp, &t.Synonyms, &t.Description, &t.Tags)
		}
	}
	if _, dup := p.aliases[strings.ToLower(t.Name)]; !dup {
		p.aliases[strings.ToLower(t.Name)] = ti
	}
	p.m.Tables = append(p.m.Tables, t)
}

// common reads the options every kind of entry shares: WITH SYNONYMS, COMMENT,
// [WITH] TAG. On anything else it reports an error and returns b.
func (p *ddlParser) common(k, b int, path string, syns *[]string, comment *string, tags *[]Tag) int {
	switch {
	case p.kw(k, "WITH", "SYNONYMS"):
		list, next := p.strings(k+2, join(path, "synonyms"))
		*syns = list
		return next
	case p.kw(k, "COMMENT"):
		s, next, ok := p.str(k+1, "COMMENT")
		if ok {
			*comment = s
			p.mark(join(path, "description"), next-1)
		}
		return next
	case p.kw(k, "WITH", "TAG") || p.kw(k, "TAG"):
		if p.kw(k, "WITH") {
			k++
		}
		list, next := p.tags(k+1, join(path, "tags"))
		*tags = list
		return next
	}
	p.errorf(k, path, "unexpected %s", p.text(k))
	return b
}

// idents reads ( name, … ).
func (p *ddlParser) idents(i int, path string) ([]string, int) {
	return p.singles(i, path, "a column name", p.name)
}

// strings reads [=] ( 'text', … ).
func (p *ddlParser) strings(i int, path string) ([]string, int) {
	if p.punct(i, "=") {
		i++
	}
	return p.singles(i, path, "a quoted string", func(k int) (string, bool) {
		return p.toks[k].Text, p.toks[k].Kind == sqlparse.String
	})
}

// singles reads a parenthesised list of one-token items, each read by get.
func (p *ddlParser) singles(i int, path, what string, get func(int) (string, bool)) ([]string, int) {
	if !p.punct(i, "(") {
		p.errorf(i, path, "expected ( and a list of %ss, found %s", strings.TrimPrefix(what, "a "), p.text(i))
		return nil, len(p.toks)
	}
	var out []string
	for _, r := range p.split(i) {
		v, ok := get(r[0])
		if !ok || r[1] != r[0]+1 {
			p.errorf(r[0], path, "expected %s, found %s", what, p.text(r[0]))
			continue
		}
		p.mark(indexPath(path, len(out)), r[0])
		out = append(out, v)
	}
	return out, p.match[i] + 1
}

// tags reads ( db.schema.tag = 'value', … ).
func (p *ddlParser) tags(i int, path string) ([]Tag, int) {
	if !p.punct(i, "(") {
		p.errorf(i, path, "expected ( and tag = 'value' pairs, found %s", p.text(i))
		return nil, len(p.toks)
	}
	var out []Tag
	for _, r := range p.split(i) {
		parts, k := p.qualified(r[0])
		if len(parts) == 0 || len(parts) > 3 || !p.punct(k, "=") || k+2 != r[1] || p.toks[k+1].Kind != sqlparse.String {
			p.errorf(r[0], path, "expected tag_name = 'value', found %s", p.text(r[0]))
			continue
		}
		for len(parts) < 3 {
			parts = append([]string{""}, parts...)
		}
		p.mark(indexPath(path, len(out)), r[0])
		out = append(out, Tag{Name: TagName{Database: parts[0], Schema: parts[1], Tag: parts[2]}, Value: p.toks[k+1].Text})
	}
	return out, p.match[i] + 1
}

// relationship reads [name AS] alias ( cols ) REFERENCES ref [ ( [ASOF] cols |
// BETWEEN start AND end EXCLUSIVE ) ].
func (p *ddlParser) relationship(a, b int) {
	ri := len(p.m.Relationships)
	rp := indexPath("relationships", ri)
	p.mark(rp, a)
	r := Relationship{}
	k := a
	if n, ok := p.name(k); ok && p.kw(k+1, "AS") {
		r.Name = n
		p.mark(join(rp, "name"), k)
		k += 2
	}
	left, ok := p.name(k)
	if !ok {
		p.errorf(k, rp, "expected the referring table's alias, found %s", p.text(k))
		return
	}
	r.LeftTable = left
	p.mark(join(rp, "left_table"), k)
	leftOpen := k + 1
	cols, k := p.idents(leftOpen, join(rp, "relationship_columns"))
	if !p.kw(k, "REFERENCES") {
		p.errorf(k, rp, "expected REFERENCES, found %s", p.text(k))
		return
	}
	right, ok := p.name(k + 1)
	if !ok {
		p.errorf(k+1, rp, "expected the referenced table's alias, found %s", p.text(k+1))
		return
	}
	r.RightTable = right
	p.mark(join(rp, "right_table"), k+1)
	k += 2
	if r.Name == "" {
		r.Name = left + "_to_" + right
		p.warnf(a, join(rp, "name"), "the relationship has no name; it is named %s in the model", r.Name)
	}
	r.RelationshipColumns = p.refColumns(k, b, rp, leftOpen, cols, right)
	p.m.Relationships = append(p.m.Relationships, r)
}

// refColumns pairs the referring columns with the referenced ones, which
// default to the referenced table's primary key.
func (p *ddlParser) refColumns(k, b int, rp string, leftOpen int, left []string, right string) []RelationshipColumn {
	cp := join(rp, "relationship_columns")
	var out []RelationshipColumn
	if k < b && p.punct(k, "(") && p.kw(k+1, "BETWEEN") {
		j := k + 2
		start, ok1 := p.name(j)
		end, ok2 := p.name(j + 2)
		if !ok1 || !p.kw(j+1, "AND") || !ok2 || !p.kw(j+3, "EXCLUSIVE") || len(left) != 1 {
			p.errorf(k, cp, "expected (BETWEEN start AND end EXCLUSIVE) after one referring column")
			return nil
		}
		return []RelationshipColumn{{LeftColumn: left[0], Type: "range", RightRange: &RightRange{StartColumn: start, EndColumn: end}}}
	}
	var rights []string
	asof := -1
	if k < b && p.punct(k, "(") {
		for _, r := range p.split(k) {
			j := r[0]
			if p.kw(j, "ASOF") {
				asof = len(rights)
				j++
			}
			n, ok := p.name(j)
			if !ok || j+1 != r[1] {
				p.errorf(r[0], cp, "expected a referenced column, found %s", p.text(r[0]))
				return nil
			}
			rights = append(rights, n)
		}
		k = p.match[k] + 1
	} else if ti, ok := p.aliases[strings.ToLower(right)]; ok && p.m.Tables[ti].PrimaryKey != nil {
		rights = p.m.Tables[ti].PrimaryKey.Columns
	}
	if k < b {
		p.errorf(k, rp, "unexpected %s after the referenced columns", p.text(k))
	}
	if len(rights) != len(left) {
		p.errorf(leftOpen, cp, "%d referring columns but %d referenced ones", len(left), len(rights))
		return nil
	}
	for i := range left {
		c := RelationshipColumn{LeftColumn: left[i], RightColumn: rights[i]}
		if i == asof {
			c.Type = "asof"
		}
		out = append(out, c)
	}
	return out
}

// variable reads name [data_type] [DEFAULT | := expr] [COMMENT 'text'].
func (p *ddlParser) variable(a, b int) {
	vp := indexPath("variables", len(p.m.Variables))
	n, ok := p.name(a)
	if !ok {
		p.errorf(a, vp, "expected a variable name, found %s", p.text(a))
		return
	}
	p.mark(vp, a)
	v := Variable{Name: n}
	k := a + 1
	stop := func(j int) bool { return p.kw(j, "DEFAULT") || p.punct(j, ":") || p.kw(j, "COMMENT") }
	j := k
	for j < b && !stop(j) {
		j = p.skip(j)
	}
	v.DataType = DataType(p.raw(k, j))
	k = j
	if k < b && !p.kw(k, "COMMENT") {
		if p.punct(k, ":") {
			k++ // :=
		}
		k++
		j = k
		for j < b && !p.kw(j, "COMMENT") {
			j = p.skip(j)
		}
		v.DefaultValue = p.raw(k, j)
		k = j
	}
	if k < b {
		s, next, ok := p.str(k+1, "COMMENT")
		if ok {
			v.Description = s
		}
		if next < b {
			p.errorf(next, vp, "unexpected %s", p.text(next))
		}
	}
	p.m.Variables = append(p.m.Variables, v)
}

// verifiedQuery reads name AS ( QUESTION '…' [VERIFIED_AT n]
// [ONBOARDING_QUESTION bool] [VERIFIED_BY '…'] SQL '…' ).
func (p *ddlParser) verifiedQuery(a, b int) {
	qp := indexPath("verified_queries", len(p.m.VerifiedQueries))
	n, ok := p.name(a)
	if !ok || !p.kw(a+1, "AS") || !p.punct(a+2, "(") || p.match[a+2]+1 != b {
		p.errorf(a, qp, "expected name AS ( QUESTION '…' … SQL '…' ), found %s", p.text(a))
		return
	}
	p.mark(qp, a)
	p.mark(join(qp, "name"), a)
	q := VerifiedQuery{Name: n}
	for k := a + 3; k < b-1; {
		key := strings.ToUpper(p.raw(k, k+1))
		switch key {
		case "QUESTION", "VERIFIED_BY", "SQL":
			s, next, ok := p.str(k+1, key)
			if !ok {
				return
			}
			switch key {
			case "QUESTION":
				q.Question = s
				p.mark(join(qp, "question"), k)
			case "VERIFIED_BY":
				q.VerifiedBy = s
				p.mark(join(qp, "verified_by"), k)
			default:
				q.SQL = s
				p.mark(join(qp, "sql"), k)
			}
			k = next
		case "VERIFIED_AT":
			if k+1 >= len(p.toks) || p.toks[k+1].Kind != sqlparse.Number {
				p.errorf(k+1, join(qp, "verified_at"), "expected seconds since the Unix epoch, found %s", p.text(k+1))
				return
			}
			v, err := strconv.ParseInt(p.toks[k+1].Text, 10, 64)
			if err != nil || v < 0 {
				p.errorf(k+1, join(qp, "verified_at"), "expected seconds since the Unix epoch, found %s", p.text(k+1))
				return
			}
			q.VerifiedAt = UnixTime(v)
			p.mark(join(qp, "verified_at"), k+1)
			k += 2
		case "ONBOARDING_QUESTION":
			switch {
			case p.kw(k+1, "TRUE"):
				q.UseAsOnboardingQuestion = true
			case p.kw(k+1, "FALSE"):
			default:
				p.errorf(k+1, join(qp, "use_as_onboarding_question"), "expected TRUE or FALSE, found %s", p.text(k+1))
				return
			}
			p.mark(join(qp, "use_as_onboarding_question"), k+1)
			k += 2
		default:
			p.errorf(k, qp, "unexpected %s: expected QUESTION, VERIFIED_AT, ONBOARDING_QUESTION, VERIFIED_BY or SQL", p.text(k))
			return
		}
	}
	p.m.VerifiedQueries = append(p.m.VerifiedQueries, q)
}
