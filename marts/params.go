package marts

import "time"

// DateRange is an inclusive range of dates. A zero From or To leaves that side
// open. For the monthly marts it bounds the MONTH column (the first day of each
// month), so Months(From, To) selects every month that starts inside it.
type DateRange struct {
	From, To time.Time
}

// DailySalesParams selects rows of DAILY_SALES. Empty lists select everything.
type DailySalesParams struct {
	Dates   DateRange
	Regions []string
}

// SalesByRegionParams selects rows of SALES_BY_REGION.
type SalesByRegionParams struct {
	Months  DateRange
	Regions []string
}

// SalesByProductParams selects rows of SALES_BY_PRODUCT.
type SalesByProductParams struct {
	Months     DateRange
	Categories []string
	ProductIDs []int64
}

// SalesByCustomerParams selects rows of SALES_BY_CUSTOMER. With Limit set, the
// rows are the Limit customers of highest lifetime revenue (ties by id);
// otherwise all, by id.
type SalesByCustomerParams struct {
	Segments    []string
	Industries  []string
	CustomerIDs []int64
	Limit       int
}

// SalesByRepParams selects rows of SALES_BY_REP.
type SalesByRepParams struct {
	Months  DateRange
	Regions []string
	RepIDs  []int64
}

// FctOrdersParams selects rows of FCT_ORDERS.
type FctOrdersParams struct {
	Dates       DateRange
	Regions     []string
	Categories  []string
	Segments    []string
	Industries  []string
	Channels    []string
	RepIDs      []int64
	ProductIDs  []int64
	CustomerIDs []int64
}
