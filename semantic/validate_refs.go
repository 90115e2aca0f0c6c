package semantic

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

func (v *validator) relationship(i int, r Relationship) {
	p := indexPath("relationships", i)
	if strings.TrimSpace(r.Name) == "" {
		v.ps.errorf(join(p, "name"), "name is required")
	}
	for j := 0; j < i; j++ {
		if r.Name != "" && strings.EqualFold(v.m.Relationships[j].Name, r.Name) {
			v.ps.errorf(join(p, "name"), "relationship %q is already defined at relationships[%d]", r.Name, j)
		}
	}
	left, lok := v.tableRef(join(p, "left_table"), r.LeftTable)
	right, rok := v.tableRef(join(p, "right_table"), r.RightTable)
	if lok && rok && left == right {
		v.ps.errorf(join(p, "right_table"), "a relationship cannot join table %q to itself; model the second role as another logical table", r.LeftTable)
	}
	if len(r.RelationshipColumns) == 0 {
		v.ps.errorf(join(p, "relationship_columns"), "relationship_columns is required: list the left_column/right_column pairs to join on")
	}
	for j, c := range r.RelationshipColumns {
		cp := indexPath(join(p, "relationship_columns"), j)
		if lok {
			v.joinColumn(join(cp, "left_column"), left, c.LeftColumn)
		}
		if rok {
			v.joinColumn(join(cp, "right_column"), right, c.RightColumn)
		}
	}
	switch {
	case r.JoinType == "" && !v.sv:
		v.ps.errorf(join(p, "join_type"), "join_type is required (inner or left_outer)")
	case r.JoinType != "" && oneOf(string(r.JoinType), deprecatedJoinTypes):
		v.ps.warnf(join(p, "join_type"), "join_type %s is deprecated; use inner or left_outer", r.JoinType)
	case r.JoinType != "" && !r.JoinType.Valid():
		v.enumError(join(p, "join_type"), string(r.JoinType), joinTypes)
	}
	switch {
	case r.RelationshipType == "" && !v.sv:
		v.ps.errorf(join(p, "relationship_type"), "relationship_type is required (many_to_one or one_to_one)")
	case r.RelationshipType != "" && oneOf(string(r.RelationshipType), deprecatedRelationshipTypes):
		v.ps.warnf(join(p, "relationship_type"), "relationship_type %s is deprecated; use many_to_one or one_to_one", r.RelationshipType)
	case r.RelationshipType != "" && !r.RelationshipType.Valid():
		v.enumError(join(p, "relationship_type"), string(r.RelationshipType), relationshipTypes)
	}
	if r.RelationshipType == ManyToOne && rok && lok {
		pk := v.m.Tables[right].PrimaryKey
		for j, c := range r.RelationshipColumns {
			if pk == nil || !containsFold(pk.Columns, c.RightColumn) {
				v.ps.warnf(join(indexPath(join(p, "relationship_columns"), j), "right_column"),
					"%q is not part of table %q's primary_key; a many_to_one join should land on the one side's key", c.RightColumn, r.RightTable)
			}
		}
	}
}

func (v *validator) tableRef(path, name string) (int, bool) {
	if strings.TrimSpace(name) == "" {
		v.ps.errorf(path, "a logical table name is required")
		return 0, false
	}
	ti, ok := v.tables[strings.ToLower(name)]
	if !ok {
		v.ps.errorf(path, "%q is not a logical table (tables: %s)", name, strings.Join(v.tableNames(), ", "))
	}
	return ti, ok
}

func (v *validator) joinColumn(path string, ti int, col string) {
	switch {
	case strings.TrimSpace(col) == "":
		v.ps.errorf(path, "a column is required")
	case v.columns[ti][strings.ToLower(col)] != "":
	case v.physical(ti, col):
		v.ps.warnf(path, "%q is a physical column of table %q; prefer its logical name", col, v.m.Tables[ti].Name)
	default:
		v.ps.errorf(path, "%q is not a column of table %q", col, v.m.Tables[ti].Name)
	}
}

func (v *validator) tableNames() []string {
	out := make([]string, len(v.m.Tables))
	for i, t := range v.m.Tables {
		out[i] = t.Name
	}
	return out
}

// metrics checks table metrics (prefix tables[i]) or derived metrics (prefix "").
func (v *validator) metrics(prefix string, ms []Metric) {
	for i, mt := range ms {
		p := indexPath(join(prefix, "metrics"), i)
		if prefix == "" {
			v.name(p, mt.Name)
		}
		v.synonymList(p, mt.Synonyms)
		v.access(p, mt.AccessModifier)
		ep := join(p, "expr")
		if strings.TrimSpace(mt.Expr) == "" {
			v.ps.errorf(ep, "expr is required")
			continue
		}
		toks, err := checkExpr(mt.Expr)
		if err != nil {
			v.ps.errorf(ep, "expr %q is not a valid SQL expression: %v", mt.Expr, err)
			continue
		}
		if prefix != "" && !aggregates(toks) {
			v.ps.errorf(ep, "metric expr %q does not aggregate; use SUM, COUNT, AVG, … (a row-level value belongs in facts)", mt.Expr)
		}
		for _, ref := range qualifiedRefs(toks) {
			ti, ok := v.tables[ref[0]]
			if !ok {
				if prefix == "" && v.metricNamed(ref[0], ref[1]) {
					continue
				}
				v.ps.errorf(ep, "%s.%s: %q is not a logical table (tables: %s)", ref[0], ref[1], ref[0], strings.Join(v.tableNames(), ", "))
				continue
			}
			if v.columns[ti][ref[1]] == "" {
				v.ps.errorf(ep, "%s.%s: %q is not a column of table %q", ref[0], ref[1], ref[1], v.m.Tables[ti].Name)
			}
		}
		if mt.Per != "" && (mt.Per != dialect.Month || prefix == "") {
			v.ps.errorf(join(p, "per"), "per %q is not supported: a table's metric may be a rate per month (per: month)", mt.Per)
		}
		for j, nd := range mt.NonAdditiveDimensions {
			np := indexPath(join(p, "non_additive_dimensions"), j)
			if ti, ok := v.tableRef(join(np, "table"), nd.Table); ok && v.columns[ti][strings.ToLower(nd.Dimension)] == "" {
				v.ps.errorf(join(np, "dimension"), "%q is not a dimension of table %q", nd.Dimension, nd.Table)
			}
			if nd.SortDirection != "" && !nd.SortDirection.Valid() {
				v.enumError(join(np, "sort_direction"), string(nd.SortDirection), sortDirections)
			}
			if nd.NullOrder != "" && !nd.NullOrder.Valid() {
				v.enumError(join(np, "null_order"), string(nd.NullOrder), nullOrders)
			}
		}
		for j, rel := range mt.UsingRelationships {
			if !v.relationshipNamed(rel) {
				v.ps.errorf(indexPath(join(p, "using_relationships"), j), "%q is not a relationship of the model", rel)
			}
		}
	}
}

func (v *validator) metricNamed(table, name string) bool {
	ti, ok := v.tables[table]
	return ok && v.columns[ti][name] == "metric"
}

func (v *validator) relationshipNamed(name string) bool {
	for _, r := range v.m.Relationships {
		if strings.EqualFold(r.Name, name) {
			return true
		}
	}
	return false
}

func (v *validator) verifiedQueries() {
	names := map[string]int{}
	pairs := map[string]int{}
	for i, q := range v.m.VerifiedQueries {
		p := indexPath("verified_queries", i)
		for _, f := range []struct{ key, val string }{{"name", q.Name}, {"question", q.Question}, {"sql", q.SQL}} {
			if strings.TrimSpace(f.val) == "" {
				v.ps.errorf(join(p, f.key), "%s is required", f.key)
			}
		}
		if q.Name != "" {
			if first, dup := names[strings.ToLower(q.Name)]; dup {
				v.ps.errorf(join(p, "name"), "verified query %q is already defined at verified_queries[%d]", q.Name, first)
			} else {
				names[strings.ToLower(q.Name)] = i
			}
		}
		pair := strings.TrimSpace(q.Question) + "\x00" + strings.TrimSpace(q.SQL)
		if first, dup := pairs[pair]; dup && q.SQL != "" {
			v.ps.errorf(p, "the same question and sql as verified_queries[%d]", first)
		} else {
			pairs[pair] = i
		}
		if strings.TrimSpace(q.SQL) != "" {
			v.verifiedSQL(join(p, "sql"), q.SQL)
		}
	}
}

func (v *validator) verifiedSQL(path, sql string) {
	toks, err := checkExpr(strings.TrimRight(strings.TrimSpace(sql), ";"))
	if err != nil {
		v.ps.errorf(path, "not a single valid SQL statement: %v", err)
		return
	}
	if len(toks) == 0 || !toks[0].Is("SELECT") && !toks[0].Is("WITH") {
		v.ps.errorf(path, "must be a SELECT (or WITH … SELECT) query")
		return
	}
	refs, ctes := tableRefs(toks)
	for _, ref := range refs {
		switch {
		case containsFold(ctes, ref):
		case strings.HasPrefix(ref, "__"):
			if _, ok := v.tables[strings.TrimPrefix(ref, "__")]; !ok {
				v.ps.errorf(path, "reads %s, but %q is not a logical table (tables: %s)", ref, strings.TrimPrefix(ref, "__"), strings.Join(v.tableNames(), ", "))
			}
		case v.isTable(ref):
			v.ps.warnf(path, "reads the bare logical name %s; write __%s", ref, ref)
		default:
			v.ps.warnf(path, "reads %s, which is not a logical table; verified queries should read __<table>", ref)
		}
	}
}

func (v *validator) isTable(name string) bool {
	_, ok := v.tables[name]
	return ok
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
