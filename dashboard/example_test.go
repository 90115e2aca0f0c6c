package dashboard_test

import (
	"fmt"
	"net/url"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

func ExampleFilter_Values() {
	f := dashboard.Filter{
		From:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		To:      time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC),
		Regions: []string{"North", "West"},
		Reps:    []int64{7},
	}
	fmt.Println(f.Values().Encode())
	fmt.Println(f.Args())
	g, _ := dashboard.ParseValues(url.Values{"region": {"East"}, "page": {"2"}})
	fmt.Println(g.Regions, g.From.IsZero())
	// Output:
	// from=2025-01-01&region=North&region=West&rep=7&to=2025-03-31
	// [-from=2025-01-01 -to=2025-03-31 -region=North -region=West -rep=7]
	// [East] true
}
