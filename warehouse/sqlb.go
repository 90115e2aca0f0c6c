package warehouse

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// sqlb builds SQL text for one dialect and one set of names.
type sqlb struct {
	D dialect.Dialect
	N Names
	// standIn maps a table's name to the relation read in its place (a
	// parenthesised query), for SQL that reads part of a view.
	standIn map[string]string
	// narrow computes net amounts in 64-bit decimals where they fit
	// ([sqlb.netAmountNarrow]): the embedded builds set it, the views do not.
	narrow bool
}

// Ref returns the quoted reference to table t, or the relation standing in for it.
func (b sqlb) Ref(t Table) string {
	if r, ok := b.standIn[t.Name]; ok {
		return r
	}
	return t.Ref(b.D, b.N)
}

// Q quotes an identifier.
func (b sqlb) Q(ident string) string { return b.D.Quote(ident) }

// C returns alias."COLUMN".
func (b sqlb) C(alias, col string) string { return alias + "." + b.D.Quote(col) }

// As returns CAST(expr AS <type of t.name>) AS "NAME". It panics when t has no
// such column: SQL builders only name columns the warehouse defines.
func (b sqlb) As(t Table, name, expr string) string {
	col, ok := t.Column(name)
	if !ok {
		panic(fmt.Sprintf("warehouse: %s has no column %s", t.Name, name))
	}
	return b.D.Cast(expr, col.Type) + " AS " + b.Q(name)
}
