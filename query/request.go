package query

import (
	"github.com/salesanalytics/salesanalytics/dialect"
)

// Request is a typed semantic query: what to measure, by what, over which rows.
// Names are model field names or synonyms, matched ignoring case.
type Request struct {
	// Metrics are the model's metrics (or facts, summed) to compute.
	Metrics []string
	// Dimensions group the result.
	Dimensions []string
	// Time groups by a time dimension truncated to a grain.
	Time *TimeGrain
	// Where filters rows before aggregation; it may name dimensions, time
	// dimensions and facts.
	Where Filter
	// Having filters groups after aggregation; it names metrics.
	Having Filter
	// Filters are the model's named filters, ANDed into Where.
	Filters []string
	// Dates restricts a time dimension to a date range (absolute or relative).
	Dates *DateFilter
	// OrderBy sorts the result by output fields. Empty means by the time grain and
	// dimensions, ascending, so output is deterministic.
	OrderBy []Order
	// Limit caps the rows returned; zero means no limit. Offset skips rows.
	Limit, Offset int

	// Analysis layers, built over the aggregate above: a period comparison
	// ([Compare]), shares of a total ([Share]), a rank with top/bottom N and an
	// Other row ([Rank]), windows over the time grain ([Window]) and averages
	// per period ([PerPeriod]).
	Compare   *Compare
	Shares    []Share
	Rank      *Rank
	Windows   []Window
	PerPeriod *PerPeriod
}

// TimeGrain groups by a time dimension at a grain.
type TimeGrain struct {
	Dimension string
	Grain     Grain
}

// Order sorts by one output field.
type Order struct {
	Field string
	Desc  bool
}

// Asc orders by field ascending.
func Asc(field string) Order { return Order{Field: field} }

// Desc orders by field descending.
func Desc(field string) Order { return Order{Field: field, Desc: true} }

// DateFilter restricts a time dimension to a range.
type DateFilter struct {
	// Dimension is the time dimension; empty means the request's Time dimension,
	// or else the model's first time dimension.
	Dimension string
	Range     DateRange
}

// Kind is the Go kind of a result column: dialect.Kind, the one closed set of
// column kinds of the SDK.
type Kind = dialect.Kind

// The result kinds and the Go types their values have.
const (
	KindText      = dialect.KindText      // string
	KindInt       = dialect.KindInt       // int64
	KindDecimal   = dialect.KindDecimal   // decimal.Decimal
	KindFloat     = dialect.KindFloat     // float64 (never money)
	KindBool      = dialect.KindBool      // bool
	KindDate      = dialect.KindDate      // time.Time at UTC midnight
	KindTimestamp = dialect.KindTimestamp // time.Time
)
