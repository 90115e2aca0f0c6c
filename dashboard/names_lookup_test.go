package dashboard_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
)

// resolveCustomer resolves -customer name as the programs do.
func resolveCustomer(t *testing.T, d *dashboard.Dashboard, name string) ([]int64, error) {
	t.Helper()
	var ff dashboard.FilterFlags
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	ff.Bind(fs)
	require.NoError(t, fs.Parse([]string{"-customer", name}))
	f, err := ff.Resolve(context.Background(), d, asOf)
	return f.Customers, err
}

// TestCustomerNameLookupIsExactFirstAndCountsHonestly adds customers to RAW
// whose names contain another's whole name and sort before it (more than the
// 50 a search lists), and two who share a name; the lookup finds the whole
// name, counts every partial match and lists a shared name's ids. The oracle
// is Go over RAW's customers with orders.
func TestCustomerNameLookupIsExactFirstAndCountsHonestly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := build(t, 0.02)
	t.Cleanup(func() { eng.Close() })
	w, err := pipeline.New(eng, pipeline.Config{Now: clock})
	require.NoError(t, err)

	const firstID = 900_000
	var names []string
	for i := range 60 {
		names = append(names, fmt.Sprintf("Abe%02d Quinn Zedd", i))
	}
	names = append(names, "Quinn Zed", "Twin Nameless", "TWIN NAMELESS")
	for i, n := range names {
		_, err := eng.DB().Exec(`INSERT INTO RAW.CUSTOMERS SELECT ?, ?, EMAIL, SEGMENT, INDUSTRY, CITY, STATE, CREATED_AT
			FROM RAW.CUSTOMERS WHERE CUSTOMER_ID = 1`, firstID+i, n)
		require.NoError(t, err)
	}
	o := pipeline.DefaultOptions()
	o.Data.Scale = 0.02
	g, err := datagen.New(o.Data)
	require.NoError(t, err)
	orders := g.Arrivals(90_000_000, len(names), date("2025-06-01"), date("2025-06-30"), asOf)
	for i := range orders {
		orders[i].CustomerID = int64(firstID + i)
	}
	require.NoError(t, w.AppendOrders(ctx, orders))
	_, err = w.Refresh(ctx)
	require.NoError(t, err)

	all := rawCustomers(t, eng.DB()) // the oracle
	match := func(text string, whole bool) []int64 {
		var ids []int64
		for _, m := range all {
			if n, l := strings.ToLower(m.Name), strings.ToLower(text); n == l || !whole && strings.Contains(n, l) {
				ids = append(ids, m.ID)
			}
		}
		return ids
	}
	d := newDash(t, eng.DB(), dashboard.Options{})

	// A whole name with more than 50 names containing it sorted before it.
	exact := match("quinn zed", true)
	require.Len(t, exact, 1)
	require.Greater(t, slices.Index(match("quinn zed", false), exact[0]), dashboard.MaxFound, "the test's premise")
	ids, err := resolveCustomer(t, d, "QUINN ZED")
	require.NoError(t, err)
	require.Equal(t, exact, ids)

	// A part of names: every match counted, the first ten listed.
	var ne *dashboard.NameError
	_, err = resolveCustomer(t, d, "quinn ze")
	require.ErrorAs(t, err, &ne)
	part := match("quinn ze", false)
	require.Greater(t, len(part), dashboard.MaxFound)
	require.False(t, ne.Shared)
	require.Equal(t, len(part), len(ne.Matches)+ne.More)
	require.Equal(t, part[:10], matchIDs(ne.Matches))
	require.True(t, strings.HasPrefix(err.Error(), fmt.Sprintf("-customer \"quinn ze\": %d match:\n", len(part))), err.Error())
	require.True(t, strings.HasSuffix(err.Error(), fmt.Sprintf("\n  … and %d more\ngive a whole name or an id", len(part)-10)), err.Error())

	// A name two customers share (in any case): both listed with their ids.
	_, err = resolveCustomer(t, d, "twin nameless")
	require.ErrorAs(t, err, &ne)
	require.True(t, ne.Shared)
	require.Equal(t, match("twin nameless", true), matchIDs(ne.Matches))
	require.Len(t, ne.Matches, 2)
	require.Zero(t, ne.More)
	require.True(t, strings.HasPrefix(err.Error(), "-customer \"twin nameless\": 2 have that name:\n"), err.Error())
	require.True(t, strings.HasSuffix(err.Error(), "\ngive an id"), err.Error())

	_, err = resolveCustomer(t, d, "no such person at all")
	require.True(t, errors.Is(err, dashboard.ErrInvalidFilter))
	require.EqualError(t, err, `-customer "no such person at a…": no such customer`, "a long name is clipped")
}

// matchIDs returns the matches' ids in order.
func matchIDs(ms []dashboard.NameMatch) []int64 {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}
