package offline_test

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func ExampleResolver_Resolve() {
	now := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	r, _ := offline.NewResolver(semantic.SalesModel(), map[string][]string{"rep_name": {"Mark Martin"}}, now, 0)

	res := r.Resolve(nil, "top 3 reps by revnue in Q4 2025")
	q := res.Request
	from, to, _ := q.Dates.Range.Resolve(now())
	fmt.Println(q.Metrics, q.Dimensions, q.OrderBy, q.Limit, from.Format(time.DateOnly), to.Format(time.DateOnly))
	fmt.Println(res.Notes)

	follow := r.Resolve(res.State(), "only online")
	fmt.Println(follow.Request.Filters, follow.Request.Limit)

	no := r.Resolve(nil, "what was our profit margin?")
	fmt.Println(no.Declined, no.Reason)
	// Output:
	// [total_revenue] [rep_name] [{total_revenue true}] 3 2025-10-01 2025-12-31
	// [Read "revnue" as "revenue".]
	// [online_orders] 3
	// true The model has no data on "profit" and "margin": it holds orders, revenue, discounts, units, customers, products, sales reps and regions, not costs, margins, suppliers or anything outside sales.
}
