package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// A share with a part and no groups is the part's share of the whole, never
// the whole at 100%; a filter between the share word and the measure says
// what the whole is; a share with neither a part nor groups is declined.
func TestSharesOfAPart(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]struct {
		metric string
		where  query.Filter
		named  []string
		whole  []string // the whole's named filters
	}{
		"what share of revenue came from the West":         {"total_revenue", query.Eq("region", "West"), nil, nil},
		"percent of sales from the East in 2025":           {"total_revenue", query.Eq("region", "East"), nil, nil},
		"what percentage of orders were placed online":     {"order_count", nil, []string{"online_orders"}, nil},
		"share of orders through the Phone channel":        {"order_count", query.Eq("channel", "Phone"), nil, nil},
		"what share of 2024 revenue was not online":        {"total_revenue", query.Ne("channel", "Online"), nil, nil},
		"what % of orders had a discount":                  {"order_count", query.Eq("is_discounted", true), nil, nil},
		"percentage of discounted orders":                  {"order_count", query.Eq("is_discounted", true), nil, nil},
		"return rate of orders in 2025":                    {"order_count", query.Eq("status", "Returned"), nil, nil},
		"what fraction of units were sold to SMB":          {"units_sold", query.Eq("segment", "SMB"), nil, nil},
		"what percentage of Enterprise orders were online": {"order_count", nil, []string{"online_orders"}, []string{"enterprise_customers"}},
		"what share of orders were above $1000":            {"order_count", query.Gt("net_amount", "1000"), nil, nil},
		"percent of revenue from orders of at least 5k":    {"total_revenue", query.Ge("net_amount", "5000"), nil, nil},
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%s: %s", q, res.Reason)
		require.NotNil(t, res.Part, q)
		require.Equal(t, want.metric, res.Part.Metric, q)
		require.Equal(t, want.where, res.Part.Where, q)
		require.Equal(t, want.named, res.Part.Filters, q)
		require.ElementsMatch(t, want.whole, res.Request.Filters, q)
		require.Nil(t, res.Request.Where, "%s: the part is not a filter of the whole", q)
		require.Contains(t, res.Reading, "as a share of all", q)
	}
	res := r.Resolve(nil, "share of orders under $50 by channel")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"channel"}, res.Request.Dimensions, "each channel's small orders against all its orders")
	require.Equal(t, query.Lt("net_amount", "50"), res.Part.Where)
	res = r.Resolve(nil, "each region's share of revenue")
	require.Nil(t, res.Part, "groups: each group's share of the total")
	require.Len(t, res.Request.Shares, 1)
	for _, q := range []string{"what percentage of orders in 2025", "share of revenue"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, q)
		require.Equal(t, DeclineUnsupported, res.Kind, q)
	}
}
