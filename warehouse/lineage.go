package warehouse

// Copy is a column of FCT_ORDERS that copies a column of a staged table, the
// row of it that FCT_ORDERS joins on Key (the same column name on both sides):
// an order's REGION is its rep's REGION, the row of STG_SALES_REPS whose REP_ID
// is the order's. FCT_ORDERS's SQL is built from these declarations, and a
// query planner reads them to group another table's figures by an order's
// dimension exactly: a rep's quota by the region of the rep's orders is the
// quota by the rep's own REGION.
type Copy struct {
	Column string // the FCT_ORDERS column
	Table  string // the staged table it comes from, e.g. STG_SALES_REPS
	Source string // that table's column
	Key    string // the column FCT_ORDERS joins that table on
}

// FctOrdersCopies returns the columns FCT_ORDERS copies from the staged
// customers, products and sales reps.
func FctOrdersCopies() []Copy {
	var out []Copy
	for _, from := range []struct {
		t       Table
		key     string
		columns []string
	}{
		{tblStgCustomers, "CUSTOMER_ID", []string{"CUSTOMER_NAME", "SEGMENT", "INDUSTRY", "STATE", "CITY"}},
		{tblStgProducts, "PRODUCT_ID", []string{"PRODUCT_NAME", "CATEGORY"}},
		{tblStgSalesReps, "REP_ID", []string{"REP_NAME", "REGION"}},
	} {
		for _, c := range from.columns {
			out = append(out, Copy{Column: c, Table: from.t.Name, Source: c, Key: from.key})
		}
	}
	return out
}

// copiedFrom maps each column FCT_ORDERS copies to the alias of the table it
// comes from in FCT_ORDERS's SQL.
func copiedFrom(alias map[string]string) map[string]string {
	out := map[string]string{}
	for _, c := range FctOrdersCopies() {
		out[c.Column] = alias[c.Table]
	}
	return out
}
