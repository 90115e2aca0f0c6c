package web

import (
	"html/template"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
	"github.com/salesanalytics/salesanalytics/query"
)

// maxChartSeries is the most lines an answer's chart draws; an answer with
// more groups over time gets its table alone.
const maxChartSeries = 8

// answerChart draws an answer with the dashboard's charts: a line over time
// when the answer has a time grain (a line per group when it is grouped by one
// dimension too), bars when it is a ranking (req orders and limits it). The
// chart shows the metric the answer is ranked by, else its first; its figures
// are the table's, formatted from the exact values. Any other answer has none.
func answerChart(req *query.Request, res *query.Result) template.HTML {
	if res == nil || len(res.Rows) == 0 {
		return ""
	}
	tcol, metric := -1, -1
	var dims []int
	for i, c := range res.Columns {
		switch c.Role {
		case query.RoleTime:
			tcol = i
		case query.RoleDimension:
			dims = append(dims, i)
		case query.RoleMetric:
			if metric < 0 || req != nil && len(req.OrderBy) > 0 && sameField(req.OrderBy[0].Field, c) {
				metric = i
			}
		}
	}
	if metric < 0 || !chartable(res.Columns[metric]) {
		return ""
	}
	switch {
	case tcol >= 0 && len(dims) <= 1:
		return timeChart(res, tcol, dims, metric)
	case tcol < 0 && len(dims) > 0 && req != nil && req.Limit > 0 && len(req.OrderBy) > 0 && len(res.Rows) <= 50:
		return rankChart(res, dims, metric)
	}
	return ""
}

// sameField reports whether an order's field names column c.
func sameField(field string, c query.Column) bool {
	return field == c.Name || field == c.Field || strings.HasSuffix(c.Field, "."+field)
}

// chartable reports whether a metric column's values can place marks.
func chartable(c query.Column) bool {
	return c.Kind == query.KindDecimal || c.Kind == query.KindInt
}

// timeChart is a line per group (or one line) over the time column's periods.
func timeChart(res *query.Result, tcol int, dims []int, metric int) template.HTML {
	mc := res.Columns[metric]
	var labels []string
	at := map[string]int{} // period label → index
	var series []svg.Series
	byName := map[string]int{}
	for _, row := range res.Rows {
		t, ok := row[tcol].(time.Time)
		if !ok || row[metric] == nil {
			continue
		}
		l := periodText(res.Columns[tcol].Name, t, true)
		if _, ok := at[l]; !ok {
			at[l] = len(labels)
			labels = append(labels, l)
		}
		name := label(mc.Name)
		if len(dims) == 1 {
			name = resultText(res.Columns[dims[0]], row[dims[0]])
		}
		if _, ok := byName[name]; !ok {
			if len(series) == maxChartSeries {
				return ""
			}
			byName[name] = len(series)
			series = append(series, svg.Series{Name: name})
		}
		s := &series[byName[name]]
		for len(s.Values) < at[l] { // a group with no orders in an earlier period
			s.Values, s.Texts = append(s.Values, 0), append(s.Texts, "—")
		}
		s.Values = append(s.Values, mark(row[metric]))
		s.Texts = append(s.Texts, resultText(mc, row[metric]))
	}
	if len(labels) < 2 {
		return ""
	}
	for i := range series {
		for len(series[i].Values) < len(labels) {
			series[i].Values, series[i].Texts = append(series[i].Values, 0), append(series[i].Texts, "—")
		}
	}
	axis := svg.Compact
	if moneyColumn(mc) {
		axis = svg.Money
	}
	return svg.Line{Title: label(mc.Name) + " over time", Labels: labels, Series: series, Axis: axis, Width: wideChart, Height: 260}.SVG()
}

// rankChart is a bar per row, in the ranking's order.
func rankChart(res *query.Result, dims []int, metric int) template.HTML {
	mc := res.Columns[metric]
	bars := svg.Bar{Title: label(mc.Name) + " by " + label(res.Columns[dims[0]].Name), Width: wideChart}
	for _, row := range res.Rows {
		if row[metric] == nil {
			continue
		}
		parts := make([]string, len(dims))
		for i, d := range dims {
			parts[i] = resultText(res.Columns[d], row[d])
		}
		bars.Bars = append(bars.Bars, svg.BarItem{Label: strings.Join(parts, " · "), Value: mark(row[metric]), Text: resultText(mc, row[metric])})
	}
	if len(bars.Bars) == 0 {
		return ""
	}
	return bars.SVG()
}

// mark is a value as a float, only to place its mark; labels use the exact text.
func mark(v any) float64 {
	switch x := v.(type) {
	case decimal.Decimal:
		return float(x)
	case int64:
		return float64(x)
	}
	return 0
}

// periodText names a period of a time grain (by the suffix of its column's
// name) as the analyst's sentence does, "January 2025", or short for a chart's
// axis, "Jan 25".
func periodText(col string, t time.Time, short bool) string {
	pick := func(long, brief string) string {
		if short {
			return brief
		}
		return long
	}
	switch {
	case strings.HasSuffix(col, "_year"):
		return t.Format("2006")
	case strings.HasSuffix(col, "_quarter"):
		return "Q" + itoa((int(t.Month())-1)/3+1) + " " + t.Format(pick("2006", "06"))
	case strings.HasSuffix(col, "_month"):
		return t.Format(pick("January 2006", "Jan 06"))
	case strings.HasSuffix(col, "_week"):
		return pick("week of ", "") + t.Format(pick(time.DateOnly, "2 Jan 06"))
	}
	return t.Format(pick(time.DateOnly, "2 Jan 06"))
}

// label is a column name as words: "total_revenue" → "Total revenue".
func label(name string) string { return upperFirst(strings.ReplaceAll(name, "_", " ")) }
