package dashboard_test

import (
	"flag"
	"io"
	"math/rand/v2"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// randomFilter draws a filter: any subset of fields, lists of 0–3 values in any
// order (repeats included), text with spaces, quotes, &, = and non-ASCII runes.
func randomFilter(r *rand.Rand) dashboard.Filter {
	words := []string{"North", "South", "ELECTRONICS", "SMB", "Retail", "a b", `x'y"`, "&=?#", "Zürich", "%20", "+"}
	pick := func() []string {
		n := r.IntN(4)
		if n == 0 {
			return nil
		}
		out := make([]string, n)
		for i := range out {
			out[i] = words[r.IntN(len(words))]
		}
		return out
	}
	ids := func() []int64 {
		n := r.IntN(4)
		if n == 0 {
			return nil
		}
		out := make([]int64, n)
		for i := range out {
			out[i] = r.Int64N(1 << 40)
		}
		return out
	}
	var f dashboard.Filter
	if r.IntN(2) == 0 {
		f.From = time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	}
	if r.IntN(2) == 0 {
		f.To = time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	}
	f.Regions, f.Categories, f.Segments, f.Industries = pick(), pick(), pick(), pick()
	f.Reps, f.Products, f.Customers = ids(), ids(), ids()
	if r.IntN(2) == 0 {
		f.Channel = words[r.IntN(len(words))]
	}
	return f
}

func TestFilterRoundTripsThroughURL(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		f := randomFilter(r)
		// through the encoded query string, as a link carries it
		v, err := url.ParseQuery(f.Values().Encode())
		require.NoError(t, err)
		g, err := dashboard.ParseValues(v)
		require.NoError(t, err)
		require.True(t, f.Equal(g), "%v\n%v", f, g)
		require.Equal(t, f.String(), g.String())
	}
}

func TestFilterRoundTripsThroughFlags(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		f := randomFilter(r)
		var g dashboard.Filter
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		g.Bind(fs)
		require.NoError(t, fs.Parse(f.Args()), "%q", f.Args())
		require.True(t, f.Equal(g), "%v\n%v", f, g)
	}
}

func TestFilterFlagsAcceptCommaLists(t *testing.T) {
	t.Parallel()
	var f dashboard.Filter
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	f.Bind(fs)
	require.NoError(t, fs.Parse([]string{"-region", "North, South", "-region=East", "-rep", "3,4", "-from", "2025-01-01"}))
	require.Equal(t, []string{"North", "South", "East"}, f.Regions)
	require.Equal(t, []int64{3, 4}, f.Reps)
	require.Equal(t, date("2025-01-01"), f.From)
}

func TestFilterCodecErrorsNameTheField(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		query, want string
	}{
		{"from=2025-13-01", `from "2025-13-01" is not a date (want YYYY-MM-DD)`},
		{"to=yesterday", `to "yesterday" is not a date`},
		{"rep=abc", `rep "abc" is not an id`},
		{"product=-1", `product "-1" is not an id`},
	} {
		v, _ := url.ParseQuery(c.query)
		_, err := dashboard.ParseValues(v)
		require.ErrorIs(t, err, dashboard.ErrInvalidFilter)
		require.ErrorContains(t, err, c.want)
		var f dashboard.Filter
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		f.Bind(fs)
		k, val, _ := cutEq(c.query)
		require.ErrorContains(t, fs.Parse([]string{"-" + k + "=" + val}), c.want)
	}
}

func cutEq(s string) (string, string, bool) {
	for i := range s {
		if s[i] == '=' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func TestFilterCheck(t *testing.T) {
	t.Parallel()
	err := dashboard.Filter{From: date("2025-02-01"), To: date("2025-01-01")}.Check()
	require.ErrorIs(t, err, dashboard.ErrInvalidFilter)
	require.ErrorContains(t, err, "from 2025-02-01 is after to 2025-01-01")
	require.ErrorContains(t, dashboard.Filter{Regions: []string{" "}}.Check(), "region: an empty value")
	require.NoError(t, dashboard.Filter{From: date("2025-01-01"), To: date("2025-01-01")}.Check())
}

func TestCanonicalIgnoresOrderAndRepeats(t *testing.T) {
	t.Parallel()
	a := dashboard.Filter{Regions: []string{"West", "East", "West"}, Reps: []int64{9, 2, 9}}
	b := dashboard.Filter{Regions: []string{"East", "West"}, Reps: []int64{2, 9}}
	require.False(t, a.Equal(b))
	require.True(t, a.Canonical().Equal(b.Canonical()))
	require.Equal(t, "region=East&region=West&rep=2&rep=9", a.Canonical().String())
}
