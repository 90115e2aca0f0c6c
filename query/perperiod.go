package query

import (
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// MaxPeriodMonths is the longest date range, in months, a rate per month is
// summed over: a request beyond it is refused.
const MaxPeriodMonths = 1200

// A rate per month (semantic.Metric.Per: the reps' quota) is a value per row of
// its table and per calendar month. Over a request it is the sum, over the
// months of the request's date range, of each row's value — times the share of
// the month's days the range covers, rounded to 12 places, for a month covered
// in part — rounded to the value's scale: the dashboard's prorated quota. The
// months are bound as a VALUES list (month, days covered, days in the month),
// cross-joined with the table, grouped by the request's time grain (month or
// coarser) and its dimensions through the relationship columns that correspond
// to them. It is never joined to the rows of another table, so it is never
// multiplied by them.

// perPeriodCTE compiles a table's rates per month grouped as the request groups.
func (c *Compiler) perPeriodCTE(x *tableCTE, req Request) error {
	m0 := x.metrics[0]
	if req.Dates == nil {
		return notExact(m0, "it is a rate per month: the request needs a date range, the months to sum it over")
	}
	from, to, err := req.Dates.Range.Resolve(c.now())
	if err != nil {
		return invalid("date range: %v", err)
	}
	months := monthsOf(from, to)
	if len(months) > MaxPeriodMonths {
		return invalid("date range: %d months; a rate per month is summed over at most %d", len(months), MaxPeriodMonths)
	}
	if len(req.Filters) > 0 {
		return notExact(m0, "named filter %q restricts rows that %s does not have", req.Filters[0], x.table)
	}
	tbl := c.tables[x.table]
	s := &compileState{c: c, base: x.table, conform: c.conformed(x.table)} // what the filter may read
	var items, groupBy []string
	for i, name := range req.Dimensions {
		d, err := c.lookup("dimension", name, semantic.KindDimension, semantic.KindTimeDimension)
		if err != nil {
			return err
		}
		r, ok := c.correspond(d, x.table)
		if !ok {
			return notExact(m0, "it cannot be grouped by %s: table %s has no column that corresponds to it", d.QualifiedName(), x.table)
		}
		s.conform[d.Index] = r
		name := outputName(req.Dimensions[i], d)
		quoted := c.d.Quote(name)
		items, groupBy = append(items, r.sql+" AS "+quoted), append(groupBy, r.sql)
		x.cols = append(x.cols, Column{Name: name, Kind: r.typ.kind, Scale: r.typ.scale, Field: c.names[d.Index], Role: RoleDimension, quoted: quoted})
	}
	spine := c.d.Quote("spine")
	month, days, inMonth := spine+"."+c.d.Quote("M"), spine+"."+c.d.Quote("D"), spine+"."+c.d.Quote("N")
	if req.Time != nil {
		td, err := c.lookup("time dimension", req.Time.Dimension, semantic.KindTimeDimension)
		if err != nil {
			return err
		}
		g := req.Time.Grain
		if g != dialect.Month && g != dialect.Quarter && g != dialect.Year {
			return notExact(m0, "it is a rate per month; a %s's share of it is not defined", g)
		}
		expr := month
		if g != dialect.Month {
			expr = c.d.DateTrunc(g, month)
		}
		tn := c.timeNames[td.Index][g]
		items, groupBy = append([]string{expr + " AS " + tn.quoted}, items...), append([]string{expr}, groupBy...)
		x.cols = append([]Column{{Name: tn.name, Kind: KindDate, Field: c.names[td.Index], Role: RoleTime, quoted: tn.quoted}}, x.cols...)
	}
	var where string
	var whereArgs []any
	if req.Where != nil {
		if err := checkFilter(req.Where, "where"); err != nil {
			return err
		}
		w, err := s.filter(req.Where, false)
		if err != nil {
			return err
		}
		if s.why != "" {
			return notExact(m0, "the filter cannot restrict it: %s in table %s", s.why, x.table)
		}
		if where, whereArgs, err = w.ToSql(); err != nil {
			return err
		}
	}
	var values []string // each metric's row value, computed once per row of the table
	for i, m := range x.metrics {
		value, t, err := c.perRowValue(m)
		if err != nil {
			return err
		}
		rate := c.d.Quote("__rate" + strconv.Itoa(i))
		values = append(values, value+" AS "+rate)
		value = tbl.alias + "." + rate
		// A month the range covers whole takes the value as it is; a month in
		// part its share, the dividend at 12 places first, so that Snowflake's
		// quotient has them too (its quotient's scale is the dividend's plus 6,
		// at most 12). A quotient fact has at most 12 places (rateValue) and the
		// model's other facts fewer, so the share of a whole month would be the
		// value itself: the CASE changes no result, and spares the engine the
		// exact division on every row and month. (A fact declared with more than
		// 12 places would be rounded once here, where a month in part rounds
		// twice; none is.)
		twelve := typ{kind: KindDecimal, scale: 12}
		prorated := "CASE WHEN " + days + " = " + inMonth + " THEN " + c.castTo(value, twelve) +
			" ELSE " + c.d.DivRound(c.castTo("("+value+") * "+days, twelve), inMonth, 12, 0, 12) + " END"
		expr := "ROUND(SUM(" + prorated + "), " + strconv.Itoa(t.scale) + ")"
		quoted := c.quoted[m.Index]
		items = append(items, c.castTo(expr, c.metTyp[m.Index])+" AS "+quoted)
		x.cols = append(x.cols, Column{Name: m.Name, Kind: c.metTyp[m.Index].kind, Scale: c.metTyp[m.Index].scale, Field: c.names[m.Index], Role: RoleMetric, quoted: quoted})
		x.fields = append(x.fields, c.names[m.Index])
	}
	rows := make([]string, len(months))
	args := make([]any, 0, 3*len(months)+len(whereArgs))
	integer := c.d.Cast("?", dialect.Int())
	for i, mo := range months {
		rows[i] = "(" + c.phDate + ", " + integer + ", " + integer + ")"
		args = append(args, mo.start, mo.days, mo.inMonth)
	}
	var b strings.Builder
	// The table's rows with their values, under the table's alias, so that the
	// dimensions and the filter read its columns as they would the table's.
	rowsWith := "(SELECT " + tbl.alias + ".*, " + strings.Join(values, ", ") + " FROM " + tbl.ref + " AS " + tbl.alias + ")"
	b.WriteString("SELECT " + strings.Join(items, ", ") + " FROM " + rowsWith + " AS " + tbl.alias +
		" CROSS JOIN (VALUES " + strings.Join(rows, ", ") + ") AS " + spine + "(" + c.d.Quote("M") + ", " + c.d.Quote("D") + ", " + c.d.Quote("N") + ")")
	if where != "" {
		b.WriteString(" WHERE " + where)
	}
	if len(groupBy) > 0 {
		b.WriteString(" GROUP BY " + strings.Join(groupBy, ", "))
	}
	x.sql, x.args, x.source = b.String(), append(args, whereArgs...), strings.ToUpper(tbl.name)
	if bt, ok := c.baseTable(x.table); ok {
		x.source = bt
	}
	x.fields = append(x.fields, s.fields...)
	return nil
}

// perRowValue returns the row value a rate per month sums: the metric must be
// SUM of a fact of its table.
func (c *Compiler) perRowValue(m semantic.Field) (string, typ, error) {
	ast, err := c.parsed(m)
	if err != nil {
		return "", tNull, err
	}
	call, ok := ast.(sqlparse.Call)
	if ok && call.Name == "SUM" && !call.Distinct && len(call.Args) == 1 {
		if ref, isRef := call.Args[0].(sqlparse.Ref); isRef && ref.Table != "" {
			if f, err := c.model.Lookup(ref.Table+"."+ref.Name, semantic.KindFact); err == nil && strings.EqualFold(f.Table, m.Table) {
				return c.rateValue(f) // perperiod_exact.go: rounded once, after the sum
			}
		}
	}
	return "", tNull, notExact(m, "a rate per month must be SUM of a fact of its table, not %s", m.Expr)
}

// correspond returns the SQL, over table, of dimension d: d itself when it is
// table's, table's column that a relationship pairs with d's, or the column
// of table that d's column copies (conform.go).
func (c *Compiler) correspond(d semantic.Field, table string) (rendered, bool) {
	if strings.EqualFold(d.Table, table) {
		return c.render(d), true
	}
	if r, ok := c.copied(d, table); ok {
		return r, true
	}
	for _, rel := range c.model.Relationships {
		if !strings.EqualFold(rel.LeftTable, d.Table) || !strings.EqualFold(rel.RightTable, table) {
			continue
		}
		for _, rc := range rel.RelationshipColumns {
			if strings.EqualFold(rc.LeftColumn, d.Name) {
				sql, err := c.columnOf(rel.RightTable, rc.RightColumn)
				if err != nil {
					return rendered{}, false
				}
				return rendered{sql: sql, typ: c.render(d).typ}, true
			}
		}
	}
	return rendered{}, false
}

// month is one calendar month of a date range: its first day, the days of it
// the range covers and the days it has.
type month struct {
	start         time.Time
	days, inMonth int64
}

// monthsOf lists the months of [from, to].
func monthsOf(from, to time.Time) []month {
	var out []month
	for m := firstOfMonth(from); !m.After(to) && len(out) <= MaxPeriodMonths; m = m.AddDate(0, 1, 0) {
		end := m.AddDate(0, 1, -1)
		lo, hi := m, end
		if lo.Before(from) {
			lo = from
		}
		if hi.After(to) {
			hi = to
		}
		out = append(out, month{start: m, days: int64(hi.Sub(lo)/(24*time.Hour)) + 1, inMonth: int64(end.Day())})
	}
	return out
}
