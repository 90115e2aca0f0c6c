package term

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/engine"
)

// person is a rep, product or customer as RAW holds it.
type person struct {
	id   int64
	name string
}

// rawNames reads id and name pairs from the small warehouse's RAW tables with
// hand-written SQL: the oracle of the name lookups.
func rawNames(t *testing.T, db, query string) []person {
	t.Helper()
	eng, err := engine.Open(context.Background(), engine.Config{Name: "embedded", Path: db, ReadOnly: true})
	require.NoError(t, err)
	defer eng.Close()
	rows, err := eng.DB().Query(query)
	require.NoError(t, err)
	defer rows.Close()
	var out []person
	for rows.Next() {
		var p person
		require.NoError(t, rows.Scan(&p.id, &p.name))
		out = append(out, p)
	}
	require.NoError(t, rows.Err())
	return out
}

// unique returns the first person whose name no one else has.
func unique(t *testing.T, ps []person) person {
	t.Helper()
	for _, p := range ps {
		if slices.IndexFunc(ps, func(q person) bool { return q.id != p.id && strings.EqualFold(q.name, p.name) }) < 0 {
			return p
		}
	}
	t.Fatal("no unique name")
	return person{}
}

// sessionFilter runs the program with args and returns the filter its view got.
func sessionFilter(t *testing.T, args ...string) dashboard.Filter {
	t.Helper()
	var got dashboard.Filter
	code, _, errw := runProgram(t, args, func(_ context.Context, s *Session) error { got = s.Filter; return nil })
	require.Equal(t, 0, code, errw)
	return got
}

// TestNamesResolveToIDs: -rep, -product and -customer take a whole name in any
// case, as well as an id; text values any case.
func TestNamesResolveToIDs(t *testing.T) {
	db := small(t)
	rep := unique(t, rawNames(t, db, `SELECT DISTINCT r.REP_ID, r.REP_NAME FROM RAW.SALES_REPS r JOIN RAW.ORDERS o ON o.REP_ID = r.REP_ID ORDER BY 1`))
	prod := unique(t, rawNames(t, db, `SELECT DISTINCT p.PRODUCT_ID, p.PRODUCT_NAME FROM RAW.PRODUCTS p JOIN RAW.ORDERS o ON o.PRODUCT_ID = p.PRODUCT_ID ORDER BY 1`))
	cust := unique(t, rawNames(t, db, `SELECT DISTINCT c.CUSTOMER_ID, c.CUSTOMER_NAME FROM RAW.CUSTOMERS c JOIN RAW.ORDERS o ON o.CUSTOMER_ID = c.CUSTOMER_ID ORDER BY 1`))

	f := sessionFilter(t, "-db", db, "-rep", strings.ToUpper(rep.name), "-product", strings.ToLower(prod.name),
		"-customer", cust.name, "-region", "west", "-segment", "ENTERPRISE")
	require.Equal(t, []int64{rep.id}, f.Reps)
	require.Equal(t, []int64{prod.id}, f.Products)
	require.Equal(t, []int64{cust.id}, f.Customers)
	require.Equal(t, []string{"West"}, f.Regions)
	require.Equal(t, []string{"Enterprise"}, f.Segments)

	f = sessionFilter(t, "-db", db, "-rep", strconv.FormatInt(rep.id, 10)+","+rep.name)
	require.Equal(t, []int64{rep.id, rep.id}, f.Reps, "ids still work, beside names")
}

// TestPartialNameListsTheMatches: a part of several names is refused with
// every rep whose name contains it, a line each with its id; a name no one
// has names the valid ids; all problems at once.
func TestPartialNameListsTheMatches(t *testing.T) {
	db := small(t)
	reps := rawNames(t, db, `SELECT DISTINCT r.REP_ID, r.REP_NAME FROM RAW.SALES_REPS r JOIN RAW.ORDERS o ON o.REP_ID = r.REP_ID ORDER BY 1`)
	var part string
	var want []person
	for _, p := range reps { // a first name two reps share, or the letters "an"
		first := strings.Fields(p.name)[0]
		var hits []person
		for _, q := range reps {
			if strings.Contains(strings.ToLower(q.name), strings.ToLower(first)) {
				hits = append(hits, q)
			}
		}
		if len(hits) >= 2 && len(hits) <= 10 {
			part, want = first, hits
			break
		}
	}
	require.NotEmpty(t, part, "no first name shared by 2 to 10 reps")

	code, out, errw := runProgram(t, []string{"-db", db, "-rep", strings.ToLower(part), "-product", "Nothing Like It"}, neverCalled(t))
	require.Equal(t, ExitUsage, code)
	require.Empty(t, out)
	lines := strings.Split(strings.TrimSuffix(errw, "\n"), "\n")
	require.Equal(t, `viewer: -rep "`+strings.ToLower(part)+`": `+strconv.Itoa(len(want))+` match:`, lines[0])
	var ids []string
	for _, l := range lines[1 : 1+len(want)] {
		require.True(t, strings.HasPrefix(l, "  "), l)
		ids = append(ids, strings.Fields(l)[0])
	}
	var wantIDs []string
	for _, p := range want {
		wantIDs = append(wantIDs, strconv.FormatInt(p.id, 10))
	}
	require.ElementsMatch(t, wantIDs, ids)
	require.Equal(t, []string{"give a whole name or an id", `-product "Nothing Like It": no such product`}, lines[1+len(want):])
}

// TestPeriodFlag: -period takes the web's words and resolves them against the
// data's end (the eve of its as-of date); without dates the view opens on the
// last complete year.
func TestPeriodFlag(t *testing.T) {
	db := small(t)
	var last time.Time
	eng, err := engine.Open(context.Background(), engine.Config{Name: "embedded", Path: db, ReadOnly: true})
	require.NoError(t, err)
	var asOf time.Time
	require.NoError(t, eng.DB().QueryRow(`SELECT MAX(CAST(ORDER_DATE AS DATE)) FROM RAW.ORDERS`).Scan(&last))
	require.NoError(t, eng.DB().QueryRow(`SELECT AS_OF_DATE FROM RAW.SETTINGS`).Scan(&asOf))
	require.NoError(t, eng.Close())
	// The data ends on the day before its as-of date (every day before it is
	// over), or on its last order day if that is later.
	last = last.UTC()
	if eve := asOf.UTC().AddDate(0, 0, -1); eve.After(last) {
		last = eve
	}
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	y := last.Year()
	// The last complete year and quarter, counted by hand: a block is
	// complete when the data reaches its last day.
	lastYear := y - 1
	if last.Equal(date(y, 12, 31)) {
		lastYear = y
	}
	qEnd := date(y, time.Month((int(last.Month())-1)/3*3+4), 1).AddDate(0, 0, -1) // the end of last's quarter
	if !last.Equal(qEnd) {
		qEnd = date(y, time.Month((int(last.Month())-1)/3*3+1), 1).AddDate(0, 0, -1)
	}
	qStart := date(qEnd.Year(), qEnd.Month()-2, 1)

	for _, c := range []struct {
		args     []string
		from, to time.Time
	}{
		{nil, date(lastYear, 1, 1), date(lastYear, 12, 31)},
		{[]string{"-period", "last-quarter"}, qStart, qEnd},
		{[]string{"-period", "YTD"}, date(y, 1, 1), last},
		{[]string{"-period", "last-30-days"}, last.AddDate(0, 0, -29), last},
		{[]string{"-from", "2025-03-01"}, date(2025, 3, 1), time.Time{}},
	} {
		f := sessionFilter(t, append([]string{"-db", db}, c.args...)...)
		require.Equal(t, c.from, f.From, "%v", c.args)
		require.Equal(t, c.to, f.To, "%v", c.args)
	}
}

// TestCSVDirectory: -csv DIR writes each table into its own file, named as
// the web names its downloads, without the pages' columns; -csv - needs one
// table.
func TestCSVDirectory(t *testing.T) {
	db := small(t)
	view := exportedCustomers(t)
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errw := runProgram(t, []string{"-db", db, "-from", "2025-01-01", "-to", "2025-12-31", "-region", "west", "-csv", dir}, view)
	require.Equal(t, 0, code, errw)
	var want []string
	for _, table := range []string{"segments", "industries", "top-customers", "new-vs-returning"} {
		want = append(want, filepath.Join(dir, "customers-"+table+"-2025-West.csv"))
	}
	require.Equal(t, strings.Join(want, "\n")+"\n", out, "the files written, a line each")
	for _, path := range want {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		require.NoError(t, err, path)
		for _, internal := range []string{"drill", "key", "other", "count"} {
			require.NotContains(t, recs[0], internal, path)
		}
	}

	code, out, errw = runProgram(t, []string{"-db", db, "-csv", "-"}, view)
	require.Equal(t, ExitUsage, code)
	require.Empty(t, out)
	require.Equal(t, "viewer: -csv - prints one table; name it with -table (segments, industries, top_customers, new_vs_returning), or give -csv a directory\n", errw)
}
