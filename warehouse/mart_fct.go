package warehouse

import (
	"github.com/salesanalytics/salesanalytics/dialect"
)

// fctOrders is every valid staged order with its customer, product and rep.
//
// Its text columns stay VARCHAR on the embedded engine. Writing them is most of
// the cost of its build (scale 10, DuckDB 1.5.6, copying the 1M rows into a
// table of its schema on a loaded machine: 3.1–3.3 s of CPU with every column,
// 2.1–2.2 s for the eleven text columns alone, 0.3 for the four money columns,
// 0.4 for the thirteen others), and ENUMs for the six closed sets (SEGMENT,
// INDUSTRY, CATEGORY, REGION, STATUS, CHANNEL) cut the copy to 2.4–2.5 s. But
// an ENUM is visible: information_schema shows it as the column's type, where
// the model's live check and the mart readers expect the declared VARCHAR; and
// STATUS and CHANNEL arrive with appended orders, which no closed set bounds,
// so an incremental refresh would fail on a new value.
func fctOrders() Mart {
	t := tblFctOrders.clone()
	from := copiedFrom(map[string]string{ // column → alias it comes from (lineage.go)
		tblStgCustomers.Name: "c", tblStgProducts.Name: "p", tblStgSalesReps.Name: "r",
	})
	// INCREMENTAL: inner joins of STAGING views over RAW tables, and STG_ORDERS'
	// rules read the as-of date from a table and number duplicates with a window
	// partitioned by ORDER_ID — no clock, no subquery — so a load of new orders
	// touches only their own ids.
	m := Mart{Table: t, Key: []KeyColumn{{"ORDER_ID", "ORDER_ID"}}, mode: RefreshIncremental}
	m.base = func(b sqlb, cond string) string {
		exprs := map[string]string{
			"IS_DISCOUNTED": b.C("o", "DISCOUNT_PCT") + " > 0",
		}
		for _, c := range t.Columns {
			if _, ok := exprs[c.Name]; ok {
				continue
			}
			alias, ok := from[c.Name]
			if !ok {
				alias = "o"
			}
			exprs[c.Name] = b.C(alias, c.Name)
		}
		sel := project(b, t, exprs, b.Ref(tblStgOrders)+" o"+
			"\nJOIN "+b.Ref(tblStgCustomers)+" c ON "+b.C("c", "CUSTOMER_ID")+" = "+b.C("o", "CUSTOMER_ID")+
			"\nJOIN "+b.Ref(tblStgProducts)+" p ON "+b.C("p", "PRODUCT_ID")+" = "+b.C("o", "PRODUCT_ID")+
			"\nJOIN "+b.Ref(tblStgSalesReps)+" r ON "+b.C("r", "REP_ID")+" = "+b.C("o", "REP_ID"))
		c := b.C("o", "IS_VALID")
		if cond != "" {
			c += " AND " + cond
		}
		return sel + where(c)
	}
	m.baseCols = t.ColumnNames()
	m.enrich = func(b sqlb, from string) string { return "SELECT * FROM " + from }
	return m
}

// AppendFactsSQL returns the INSERT that appends to FCT_ORDERS the valid staged
// orders with LOADED_AT in (from, to], bound as four arguments: from, to, from,
// to. It stages only the orders whose ORDER_ID has a row in that window
// ([StagedBatchSQL]), not all of STG_ORDERS.
func AppendFactsSQL(d dialect.Dialect, n Names) string {
	b := sqlb{D: d, N: n, narrow: true}
	b.standIn = map[string]string{tblStgOrders.Name: "(\n" + indent(b.stagedBatch()) + "\n)"}
	m := fctOrders()
	return "INSERT INTO " + b.Ref(tblFctOrders) + "\n" + m.base(b, b.C("o", "LOADED_AT")+" > ? AND "+b.C("o", "LOADED_AT")+" <= ?")
}

// buildSelect is the embedded full build's SELECT of FCT_ORDERS: the mart's
// query over [StagedSplitSQL] in place of the STG_ORDERS view, which gives the
// same rows without numbering every order.
func (m Mart) buildSelect(d dialect.Dialect, n Names) string {
	b := sqlb{D: d, N: n, narrow: true}
	b.standIn = map[string]string{tblStgOrders.Name: "(\n" + indent(b.stagedSplit()) + "\n)"}
	return m.enrich(b, "(\n"+indent(m.base(b, ""))+"\n) b")
}
