package warehouse

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Column is one column of a warehouse table.
type Column struct {
	Name     string
	Type     dialect.Type
	Nullable bool
	Comment  string
}

// Table is one warehouse table or view: its layer, name and columns in order.
type Table struct {
	Layer   Layer
	Name    string
	Columns []Column
	Comment string
}

// ColumnNames returns the table's column names in order.
func (t Table) ColumnNames() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

// Column returns the column called name (case-insensitively) and whether it exists.
func (t Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c, true
		}
	}
	return Column{}, false
}

// Ref returns the quoted reference to t in dialect d under names n.
func (t Table) Ref(d dialect.Dialect, n Names) string {
	n = n.WithDefaults()
	return d.Table(n.Database, n.SchemaFor(t.Layer), t.Name)
}

// CreateSQL returns the CREATE TABLE statement for t in d. With replace set it is
// CREATE OR REPLACE; otherwise CREATE TABLE IF NOT EXISTS.
func (t Table) CreateSQL(d dialect.Dialect, n Names, replace bool) string {
	var b strings.Builder
	if replace {
		b.WriteString("CREATE OR REPLACE TABLE ")
	} else {
		b.WriteString("CREATE TABLE IF NOT EXISTS ")
	}
	b.WriteString(t.Ref(d, n))
	b.WriteString(" (\n")
	for i, c := range t.Columns {
		b.WriteString("  ")
		b.WriteString(d.Quote(c.Name))
		b.WriteByte(' ')
		b.WriteString(d.TypeName(c.Type))
		b.WriteString(d.ColumnStorage(c.Type))
		if !c.Nullable {
			b.WriteString(" NOT NULL")
		}
		if i < len(t.Columns)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(")")
	return b.String()
}

func col(name string, t dialect.Type, comment string) Column {
	return Column{Name: name, Type: t, Comment: comment}
}

func nullable(c Column) Column { c.Nullable = true; return c }
