package query

import "github.com/salesanalytics/salesanalytics/dialect"

// Grain is a time granularity a time dimension is truncated to. It is
// dialect.Grain, named here so that a request needs only this package.
type Grain = dialect.Grain

// The grains, for [TimeGrain]: query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth}.
const (
	ByDay     = dialect.Day
	ByWeek    = dialect.Week
	ByMonth   = dialect.Month
	ByQuarter = dialect.Quarter
	ByYear    = dialect.Year
)
