package query

import (
	"fmt"
	"sort"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// join is one JOIN clause the query needs.
type join struct {
	kind  string // "JOIN" or "LEFT JOIN"
	table tableInfo
	on    string
}

// joinsFor returns the joins that bring every table in need into a query over base,
// following the model's relationships from the many side to the one side only, so
// no join can multiply the base table's rows. Tables are joined in path order.
func (c *Compiler) joinsFor(base string, need []string) ([]join, error) {
	base = strings.ToLower(base)
	if len(need) == 0 || (len(need) == 1 && need[0] == base) {
		return nil, nil // one table: no joins
	}
	// Breadth-first search over many_to_one / one_to_one relationships.
	type edge struct {
		rel  semantic.Relationship
		from string
	}
	via := map[string]edge{base: {}}
	queue := []string{base}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, r := range c.model.Relationships {
			if strings.ToLower(r.LeftTable) != cur {
				continue
			}
			if r.RelationshipType != "" && r.RelationshipType != semantic.ManyToOne && r.RelationshipType != semantic.OneToOne {
				continue
			}
			next := strings.ToLower(r.RightTable)
			if _, seen := via[next]; !seen {
				via[next] = edge{rel: r, from: cur}
				queue = append(queue, next)
			}
		}
	}
	// Collect every table on the paths to the needed ones.
	on := map[string]bool{}
	var tables []string
	for _, t := range need {
		if t == base {
			continue
		}
		if _, ok := via[t]; !ok {
			return nil, invalid("no many_to_one or one_to_one relationship leads from table %q to table %q; a query reads one table's metrics and the tables it joins to", base, t)
		}
		for cur := t; cur != base; cur = via[cur].from {
			if !on[cur] {
				on[cur] = true
				tables = append(tables, cur)
			}
		}
	}
	depth := func(t string) int {
		d := 0
		for cur := t; cur != base; cur = via[cur].from {
			d++
		}
		return d
	}
	sort.Slice(tables, func(i, j int) bool {
		if di, dj := depth(tables[i]), depth(tables[j]); di != dj {
			return di < dj
		}
		return tables[i] < tables[j]
	})
	out := make([]join, 0, len(tables))
	for _, t := range tables {
		e := via[t]
		conds := make([]string, len(e.rel.RelationshipColumns))
		for i, rc := range e.rel.RelationshipColumns {
			l, err := c.columnOf(e.rel.LeftTable, rc.LeftColumn)
			if err != nil {
				return nil, err
			}
			r, err := c.columnOf(e.rel.RightTable, rc.RightColumn)
			if err != nil {
				return nil, err
			}
			conds[i] = l + " = " + r
		}
		kind := "JOIN"
		if e.rel.JoinType == semantic.JoinLeftOuter {
			kind = "LEFT JOIN"
		}
		out = append(out, join{kind: kind, table: c.tables[t], on: strings.Join(conds, " AND ")})
	}
	return out, nil
}

// columnOf renders a relationship column: a logical field of the table, or else a
// physical column of it.
func (c *Compiler) columnOf(table, col string) (string, error) {
	if f, err := c.model.Lookup(table+"."+col, semantic.KindDimension, semantic.KindTimeDimension, semantic.KindFact); err == nil {
		return c.render(f).sql, nil
	}
	t, ok := c.tables[strings.ToLower(table)]
	if !ok {
		return "", fmt.Errorf("query: relationship names unknown table %q", table)
	}
	return t.alias + "." + c.d.Quote(strings.ToUpper(col)), nil
}
