package dashboard

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// internalColumns serve the pages only: a row's drill-down link, the Other
// row's flag and the count of what it holds (its name says it: "Other (12)").
var internalColumns = []string{"drill", "other", "count"}

// PublicTable returns t without its internal columns. A "key" column goes
// too where a "name" column says the same for a person; where it is the only
// name (a segment, an industry) it is named for what it holds.
func PublicTable(t Table) Table {
	hasName := slices.Contains(t.Columns, "name")
	out := Table{Name: t.Name}
	var keep []int
	for i, c := range t.Columns {
		switch {
		case slices.Contains(internalColumns, c), c == "key" && hasName:
			continue
		case c == "key":
			c = keyName(t.Name)
		}
		keep = append(keep, i)
		out.Columns = append(out.Columns, c)
	}
	for _, row := range t.Rows {
		cells := make([]Cell, 0, len(keep))
		for _, i := range keep {
			cells = append(cells, row[i])
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

// keyName names a table's key column: "segment" in the segments table.
func keyName(table string) string {
	switch table {
	case TableSegments:
		return "segment"
	case TableIndustries:
		return "industry"
	}
	return "name"
}

// unsafeName is what a file name leaves out.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// maxNameBytes bounds an export's file name; a long filter is cut.
const maxNameBytes = 120

// ExportName names an export of a view's table for the view (page: executive,
// regional, product, reps, customers), the table and the filter — the web's
// downloads and the terminal's -csv files alike: the period as a
// year ("2025"), a quarter ("2025-Q3"), a month ("2025-03") or two days, then
// the filter's values: executive-regions-2025-West.csv. Reps, products and
// customers are named by id (rep12).
func ExportName(page, table string, f Filter) string {
	parts := []string{page, strings.ReplaceAll(table, "_", "-"), periodName(f.From, f.To)}
	parts = append(parts, f.Regions...)
	parts = append(parts, f.Categories...)
	parts = append(parts, f.Segments...)
	parts = append(parts, f.Industries...)
	if f.Channel != "" {
		parts = append(parts, f.Channel)
	}
	for _, l := range []struct {
		name string
		ids  []int64
	}{{"rep", f.Reps}, {"product", f.Products}, {"customer", f.Customers}} {
		for _, id := range l.ids {
			parts = append(parts, l.name+strconv.FormatInt(id, 10))
		}
	}
	name := ""
	for _, p := range parts {
		if p = strings.Trim(unsafeName.ReplaceAllString(p, "_"), "_"); p == "" {
			continue
		}
		if name != "" && len(name)+1+len(p) > maxNameBytes {
			break
		}
		if name != "" {
			name += "-"
		}
		name += p
	}
	return name + ".csv"
}

// periodName names a range of days as a person would.
func periodName(from, to time.Time) string {
	switch {
	case from.IsZero() || to.IsZero():
		return "all"
	case from.Month() == time.January && from.Day() == 1 && to.Equal(from.AddDate(1, 0, -1)):
		return from.Format("2006")
	case from.Day() == 1 && (from.Month()-1)%3 == 0 && to.Equal(from.AddDate(0, 3, -1)):
		return from.Format("2006") + "-Q" + strconv.Itoa(int(from.Month()-1)/3+1)
	case from.Day() == 1 && to.Equal(from.AddDate(0, 1, -1)):
		return from.Format("2006-01")
	}
	return from.Format(time.DateOnly) + "_" + to.Format(time.DateOnly)
}
