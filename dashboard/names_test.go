package dashboard_test

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestFindCustomers checks the search against Go over RAW's customers who have
// orders: names containing the text ignoring case, or the id, by name.
func TestFindCustomers(t *testing.T) {
	t.Parallel()
	eng := shared(t)
	d := newDash(t, eng.DB(), dashboard.Options{})
	all := rawCustomers(t, eng.DB())
	require.NotEmpty(t, all)
	someone := all[len(all)/2]
	last := someone.Name[strings.LastIndex(someone.Name, " ")+1:]
	for _, text := range []string{strings.ToUpper(last), strings.ToLower(someone.Name), strconv.FormatInt(someone.ID, 10), "a", "50%_\\", "e!_%", "nobody at all"} {
		var want []dashboard.CustomerName
		for _, c := range all {
			if strings.Contains(strings.ToLower(c.Name), strings.ToLower(text)) || strconv.FormatInt(c.ID, 10) == text {
				want = append(want, c)
			}
		}
		want = want[:min(len(want), 20)]
		got, err := d.FindCustomers(context.Background(), text, 20)
		require.NoError(t, err, text)
		require.Len(t, got, len(want), text)
		for i := range want {
			require.Equal(t, want[i].ID, got[i].ID, text)
			require.Equal(t, want[i].Name, got[i].Name, text)
		}
	}
	_, err := d.FindCustomers(context.Background(), strings.Repeat("x", dashboard.MaxValueBytes+1), 5)
	require.ErrorIs(t, err, dashboard.ErrInvalidFilter)

	names, err := d.CustomerNames(context.Background(), []int64{someone.ID, -1})
	require.NoError(t, err)
	require.Equal(t, map[int64]string{someone.ID: someone.Name}, names)
}

// rawCustomers returns RAW's customers who have orders, by name then id: the
// oracle of the customer searches, in hand-written SQL over RAW.
func rawCustomers(t *testing.T, db *sql.DB) []dashboard.CustomerName {
	t.Helper()
	rows, err := db.Query(`SELECT DISTINCT c.CUSTOMER_ID, c.CUSTOMER_NAME FROM RAW.CUSTOMERS c JOIN RAW.ORDERS o ON o.CUSTOMER_ID = c.CUSTOMER_ID`)
	require.NoError(t, err)
	defer rows.Close()
	var all []dashboard.CustomerName
	for rows.Next() {
		var c dashboard.CustomerName
		require.NoError(t, rows.Scan(&c.ID, &c.Name))
		all = append(all, c)
	}
	require.NoError(t, rows.Err())
	slices.SortFunc(all, func(a, b dashboard.CustomerName) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return all
}
