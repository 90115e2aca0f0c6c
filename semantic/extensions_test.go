package semantic_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// The SDK's two extensions of the model — stored date parts of a time
// dimension, a metric that is a rate per month — are checked with the rest,
// every problem named at once, and survive a Marshal round trip.
func TestDatePartsAndRatesPerMonthAreChecked(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModel()
	require.Equal(t, []semantic.DatePart{{Grain: dialect.Week, Expr: "ORDER_WEEK"}, {Grain: dialect.Month, Expr: "ORDER_MONTH"}, {Grain: dialect.Quarter, Expr: "ORDER_QUARTER"}},
		m.Tables[0].TimeDimensions[0].DateParts)
	f, err := m.Lookup("quota")
	require.NoError(t, err)
	require.Equal(t, dialect.Month, f.Per)

	yaml, err := m.Marshal()
	require.NoError(t, err)
	back, err := semantic.Parse("again.yaml", yaml)
	require.NoError(t, err)
	require.True(t, m.Equal(back))

	bad := semantic.SalesModel()
	od := &bad.Tables[0].TimeDimensions[0]
	od.DateParts = append(od.DateParts, semantic.DatePart{Grain: dialect.Month, Expr: "ORDER_MONTH"}, semantic.DatePart{Grain: dialect.Day, Expr: "ORDER_DATE"})
	bad.Tables[0].TimeDimensions[4].DateParts = []semantic.DatePart{{Grain: dialect.Month, Expr: "ORDER_MONTH"}} // order_year is a number
	bad.Tables[2].Metrics[0].Per = dialect.Week
	err = bad.Validate()
	require.ErrorIs(t, err, semantic.ErrInvalidModel)
	for _, want := range []string{
		"tables[0].time_dimensions[0].date_parts[3].grain: grain month is declared twice",
		`tables[0].time_dimensions[0].date_parts[4].grain: grain "day" is not a stored date part (valid: week, month, quarter)`,
		"tables[0].time_dimensions[4].date_parts: date_parts need a DATE time dimension, not NUMBER(38,0)",
		`tables[2].metrics[0].per: per "week" is not supported: a table's metric may be a rate per month (per: month)`,
	} {
		require.ErrorContains(t, err, want)
	}
}
