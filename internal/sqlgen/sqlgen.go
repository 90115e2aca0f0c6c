// Package sqlgen holds the few helpers every SQL builder of the SDK shares:
// quoting through the dialect, table references through the names, and casts to a
// column's declared type.
package sqlgen

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// B builds SQL text for one dialect and one set of names.
type B struct {
	D dialect.Dialect
	N warehouse.Names
}

// Ref returns the quoted reference to table t.
func (b B) Ref(t warehouse.Table) string { return t.Ref(b.D, b.N) }

// Q quotes an identifier.
func (b B) Q(ident string) string { return b.D.Quote(ident) }

// C returns alias."COLUMN".
func (b B) C(alias, col string) string { return alias + "." + b.D.Quote(col) }

// As returns CAST(expr AS <type of t.name>) AS "NAME". It panics when t has no
// such column: SQL builders only name columns the warehouse defines.
func (b B) As(t warehouse.Table, name, expr string) string {
	col, ok := t.Column(name)
	if !ok {
		panic(fmt.Sprintf("sqlgen: %s has no column %s", t.Name, name))
	}
	return b.D.Cast(expr, col.Type) + " AS " + b.Q(name)
}
