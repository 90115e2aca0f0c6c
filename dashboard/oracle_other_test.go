package dashboard_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// An Other row stands for four parts or more: a region's reps, cut at their
// number less one, two or three, are all listed; cut at their number less
// four, the last four are Other (4). The number of reps is RAW's.
func TestOtherHoldsFourPartsOrMore(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	f := dashboard.Filter{Regions: []string{"West"}}
	from, to := resolve(f)
	reps := oracle(t, db, f, from, to, "REP_ID")
	require.Greater(t, len(reps), 5)
	for rest := 1; rest <= 4; rest++ {
		t.Run(fmt.Sprint(rest), func(t *testing.T) {
			v, err := d.Regional(context.Background(), f, dashboard.RegionalOptions{TopN: len(reps) - rest})
			require.NoError(t, err)
			require.NotNil(t, v.Detail)
			list := v.Detail.Reps
			checkShares(t, list, reps, len(reps)-rest)
			last := list[len(list)-1]
			if rest < 4 {
				require.Len(t, list, len(reps))
				require.False(t, last.Other, "an Other row of %d", rest)
				return
			}
			require.Len(t, list, len(reps)-rest+1)
			require.True(t, last.Other)
			require.Equal(t, 4, last.Count)
		})
	}
}
