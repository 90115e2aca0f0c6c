package query

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// copied returns, over table, the column that dimension d's column copies: d is
// a bare column of a table over FCT_ORDERS that the warehouse declares a copy
// of a column of table's base table ([warehouse.FctOrdersCopies]: an order's
// REGION is its rep's), and a many_to_one relationship from d's table to table
// joins them on the key the copy was made through. Then grouping table's rows
// by that column groups them exactly as d groups the orders: a rep's quota by
// the rep's REGION is the quota by the region of the rep's orders, with no
// order counted.
func (c *Compiler) copied(d semantic.Field, table string) (rendered, bool) {
	col, ok := c.physicalColumn(d)
	from, okFrom := c.baseTable(d.Table)
	to, okTo := c.baseTable(table)
	if !ok || !okFrom || !okTo || !strings.EqualFold(from, warehouse.FctOrders().Name) {
		return rendered{}, false
	}
	for _, cp := range warehouse.FctOrdersCopies() {
		if cp.Column == col && strings.EqualFold(cp.Table, to) && c.joinedOn(d.Table, table, cp.Key) {
			return rendered{sql: c.tables[strings.ToLower(table)].alias + "." + c.d.Quote(cp.Source), typ: c.render(d).typ}, true
		}
	}
	return rendered{}, false
}

// joinedOn reports whether a many_to_one relationship from table from to table
// to joins the physical column key of one to the same column of the other.
func (c *Compiler) joinedOn(from, to, key string) bool {
	for _, rel := range c.model.Relationships {
		if !strings.EqualFold(rel.LeftTable, from) || !strings.EqualFold(rel.RightTable, to) || rel.RelationshipType != semantic.ManyToOne {
			continue
		}
		for _, rc := range rel.RelationshipColumns {
			l, errL := c.model.Lookup(from+"."+rc.LeftColumn, semantic.KindDimension)
			r, errR := c.model.Lookup(to+"."+rc.RightColumn, semantic.KindDimension)
			if errL != nil || errR != nil {
				continue
			}
			lc, okL := c.physicalColumn(l)
			rc, okR := c.physicalColumn(r)
			if okL && okR && lc == key && rc == key {
				return true
			}
		}
	}
	return false
}
