//go:build cgo

package offline_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/query"
)

// A variant is a question of evaluation set 2 with one qualifier changed or
// removed, derived mechanically from the question's words. A changed
// qualifier (another year, region, channel or segment, a longer top N) is
// changed in the family's SQL over RAW as well, whose result is the variant's
// expected answer; a removed one (per/each and its group, only, excluding and
// what it excludes) has no such SQL, so only the original's answer is known:
// the variant must not get it.
type variant struct {
	question, sql, what string
	top                 bool // a longer top N
}

// TestNoConfidentlyWrongAnswers asks each working family's wordings with a
// qualifier changed or removed and requires the correct different answer (by
// the changed SQL over RAW, never by the resolver) or a decline — never the
// original's answer to a question that no longer asks it.
func TestNoConfidentlyWrongAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	fsys := os.DirFS(eval2Dir)
	set, err := evalset.Load(fsys)
	require.NoError(t, err)
	held, err := evalset.LoadHeldOut(fsys)
	require.NoError(t, err)
	a := newAnalyst(t)
	db := warehouse(t).DB()
	ctx := context.Background()
	var changed, removed, declined int
	var failures []string
	for _, f := range set.Families {
		if held[f.ID] || f.Decline != "" {
			continue
		}
		orig, err := evalset.LoadAnswer(fsys, f.ID)
		require.NoError(t, err)
		ranking := f.Class == "superlatives" || f.Class == "number_words" || f.Class == "per_group_rank"
		ordered := ranking && f.Expect != nil && f.Expect.Order != ""
		want := map[string]evalset.Answer{} // by changed SQL
		for _, q := range f.Questions {
			verified := a.Resolve(nil, q).Verified != ""
			// A wording the evaluation already counts wrong (its columns or
			// figures differ from the family's answer) cannot be held to the
			// right answer once changed: it is held to a different one, so a
			// dropped qualifier still fails here.
			first, err := a.Ask(ctx, nil, q)
			require.NoError(t, err, q)
			origRight := !first.Declined && sameAnswer(orig, withoutEmptyGroups(first.Result), ordered) == ""
			for _, v := range variants(q, f.SQL) {
				if verified && v.top {
					// a verified query's columns are its own ("top 10 products"
					// with their category); another N is the grammar's list,
					// which the family's SQL does not shape
					continue
				}
				ans, err := a.Ask(ctx, nil, v.question)
				require.NoError(t, err, v.question)
				if v.sql == "" {
					removed++
				} else {
					changed++
				}
				if ans.Declined {
					declined++
					continue
				}
				if v.sql == "" {
					// The same figures are wrong when read the same way: the
					// qualifier was dropped. Read without it (the reading no
					// longer says it), the same figures are the data's.
					if sameAnswer(orig, ans.Result, ordered) == "" && a.Resolve(nil, v.question).Reading == a.Resolve(nil, q).Reading {
						failures = append(failures, fmt.Sprintf("%s: %q (%s) gets the answer of %q (read as: %s)", f.ID, v.question, v.what, q, ans.Text))
					}
					continue
				}
				if !origRight {
					if sameAnswer(orig, ans.Result, ordered) == "" || (!first.Declined && sameFigures(first.Result, ans.Result)) {
						failures = append(failures, fmt.Sprintf("%s: %q (%s) gets the answer of %q (read as: %s)", f.ID, v.question, v.what, q, ans.Text))
					}
					continue
				}
				w, ok := want[v.sql]
				if !ok {
					f2 := f
					f2.SQL = v.sql
					w, err = evalset.Run(ctx, db, set.Query(f2))
					require.NoError(t, err, v.sql)
					want[v.sql] = w
				}
				if why := sameAnswer(w, withoutEmptyGroups(ans.Result), ordered); why != "" {
					failures = append(failures, fmt.Sprintf("%s: %q (%s): %s (read as: %s)", f.ID, v.question, v.what, why, ans.Text))
				}
			}
		}
	}
	t.Logf("%d variants with a qualifier changed, %d with one removed; %d declined", changed, removed, declined)
	require.Greater(t, changed, 100, "variants derived")
	require.Greater(t, removed, 30, "variants derived")
	require.Empty(t, failures, "confidently wrong answers:\n%s", strings.Join(failures, "\n"))
}

// variants derives a question's variants, each with its SQL where the change
// is one the SQL says too.
func variants(q, sql string) []variant {
	var out []variant
	add := func(v variant) {
		if v.question != q && strings.TrimSpace(v.question) != "" {
			out = append(out, v)
		}
	}
	if v, ok := otherYear(q, sql); ok && !openEnded.MatchString(q) {
		add(v)
	}
	for _, cycle := range valueCycles {
		if v, ok := otherValue(q, sql, cycle); ok {
			add(v)
		}
	}
	if v, ok := longerTop(q, sql); ok {
		add(v)
	}
	for _, re := range removals {
		if loc := re.FindStringIndex(q); loc != nil {
			add(variant{question: squeeze(q[:loc[0]] + " " + q[loc[1]:]), what: "removed " + strconv.Quote(q[loc[0]:loc[1]])})
		}
	}
	return out
}

var (
	yearRE = regexp.MustCompile(`\b20\d\d\b`)
	// openEnded ranges run to today: moving their start year does not move
	// their end, so the SQL's dates cannot simply move with it.
	openEnded = regexp.MustCompile(`(?i)\b(since|until now|till now|so far|to date|ytd)\b`)
	// removals are the qualifiers removed with what they qualify.
	removals = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b(for each|in each|for every|in every|per|each|every)\s+(customer |sales |market |product )?` + groupNouns + `('s)?`),
		regexp.MustCompile(`(?i)\bonly\b`),
		regexp.MustCompile(`(?i)\b(excluding|except|apart from|other than|not counting|leaving out|without|not)\s+\w+`),
	}
	// valueCycles change a value into another of its dimension.
	valueCycles = [][]string{
		{"East", "West", "North", "South"},
		{"Online", "Retail", "Partner", "Phone"},
		{"Enterprise", "SMB", "Consumer"},
	}
	groupNouns  = `(region|regions|territory|segment|channel|category|categories|rep|salesperson|customer|client|product|month|week|day|quarter|year|state|industry|line)\b`
	numberNames = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)

// otherYear moves a question that names one year (2025) to the other year of
// the data, and every date of its SQL by as many years.
func otherYear(q, sql string) (variant, bool) {
	years := map[string]bool{}
	for _, y := range yearRE.FindAllString(q, -1) {
		years[y] = true
	}
	if len(years) != 1 || !yearRE.MatchString(sql) {
		return variant{}, false
	}
	delta := -1
	if years["2024"] {
		delta = 1
	}
	shift := func(s string) string {
		return yearRE.ReplaceAllStringFunc(s, func(y string) string {
			n, _ := strconv.Atoi(y)
			return strconv.Itoa(n + delta)
		})
	}
	return variant{question: shift(q), sql: shift(sql), what: fmt.Sprintf("years moved by %+d", delta)}, true
}

// otherValue changes the one value of cycle the question and the SQL name
// ('West') into the next.
func otherValue(q, sql string, cycle []string) (variant, bool) {
	found := -1
	for i, v := range cycle {
		inQ := regexp.MustCompile(`(?i)\b` + v + `\b`).MatchString(q)
		inSQL := strings.Contains(sql, "'"+v+"'")
		switch {
		case inQ != inSQL:
			return variant{}, false
		case inQ && found >= 0:
			return variant{}, false // two values: a comparison, left alone
		case inQ:
			found = i
		}
	}
	if found < 0 {
		return variant{}, false
	}
	from, to := cycle[found], cycle[(found+1)%len(cycle)]
	re := regexp.MustCompile(`(?i)\b` + from + `\b`)
	nq := re.ReplaceAllStringFunc(q, func(w string) string {
		if w == strings.ToLower(w) {
			return strings.ToLower(to)
		}
		return to
	})
	return variant{question: nq, sql: strings.ReplaceAll(sql, "'"+from+"'", "'"+to+"'"), what: from + " → " + to}, true
}

// longerTop turns "top 3" (or "top three") into "top 5", and the SQL's LIMIT
// 3 or rank ≤ 3 with it.
func longerTop(q, sql string) (variant, bool) {
	m := regexp.MustCompile(`(?i)\btop (\d+|[a-z]+)\b`).FindStringSubmatchIndex(q)
	if m == nil {
		return variant{}, false
	}
	word := q[m[2]:m[3]]
	n, err := strconv.Atoi(word)
	named := err != nil
	if named {
		n = -1
		for i, w := range numberNames {
			if strings.EqualFold(w, word) {
				n = i
			}
		}
	}
	if n < 1 {
		return variant{}, false
	}
	cut := regexp.MustCompile(`(LIMIT|<=) ` + strconv.Itoa(n) + `\b`)
	if len(cut.FindAllString(sql, -1)) != 1 {
		return variant{}, false
	}
	to := strconv.Itoa(n + 2)
	if named && n+2 < len(numberNames) {
		to = numberNames[n+2]
	}
	nsql := cut.ReplaceAllStringFunc(sql, func(s string) string { return strings.Fields(s)[0] + " " + strconv.Itoa(n+2) })
	return variant{question: q[:m[2]] + to + q[m[3]:], sql: nsql, what: "top " + word + " → " + to, top: true}, true
}

// withoutEmptyGroups leaves out the groups whose figures are all zero: a
// month with no new customers is the month the expected SQL has no row for.
func withoutEmptyGroups(res *query.Result) *query.Result {
	if res == nil {
		return nil
	}
	out := *res
	out.Rows = nil
	for _, row := range res.Rows {
		zero, metrics := true, 0
		for c, col := range res.Columns {
			if col.Role == query.RoleMetric {
				metrics++
				n, ok := row[c].(int64)
				zero = zero && ok && n == 0
			}
		}
		if metrics == 0 || !zero {
			out.Rows = append(out.Rows, row)
		}
	}
	return &out
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameFigures reports whether two results hold the same rows, value for value.
func sameFigures(a, b *query.Result) bool {
	if a == nil || b == nil {
		return a == b
	}
	return fmt.Sprint(a.Rows) == fmt.Sprint(b.Rows)
}
