package offline

import (
	"slices"

	"github.com/salesanalytics/salesanalytics/query"
)

// catalogueTable is the model's product catalogue, one row per product.
const catalogueTable = "products"

// catalogueOnly reads a measure of the product catalogue (a metric of
// the catalogue's table: the average unit cost, the products in the
// catalogue), which reaches none of the orders' groups, dates or filters.
// "The average unit cost of our products" is the whole catalogue's (it was
// read as one figure per product, and refused by the compiler); asked by a
// group, over a period or for part of the orders it is declined saying why,
// never read as another question.
func (r *Resolver) catalogueOnly(in *intent, ws []word) *decline {
	var own []string
	for _, m := range in.metrics {
		if f, ok := r.model.Field(m); ok && f.Table == catalogueTable {
			own = append(own, m)
		}
	}
	if len(own) == 0 {
		return nil
	}
	if i := slices.Index(in.dims, "product_name"); i >= 0 && !productEach(ws) && in.rank == 0 && in.grain == "" {
		in.dims = slices.Delete(slices.Clone(in.dims), i, i+1) // "of our products": the catalogue's, all of them
		in.notes = append(in.notes, "The products are every product in the catalogue.")
	}
	grouped := !slices.ContainsFunc(in.dims, func(d string) bool { return !catalogueGroups[d] })
	if grouped && in.grain == "" && len(in.periods) == 0 && len(in.filters) == 0 && len(in.named) == 0 && len(in.amounts) == 0 &&
		len(in.flags) == 0 && len(in.notFlags) == 0 && len(own) == len(in.metrics) {
		if len(in.dims) > 0 {
			in.companion = catalogueCompanion
		}
		return nil
	}
	what := joinAnd(labels(own))
	return unsupported("The model holds %s for the product catalogue, over every product or by category; the catalogue has no dates, "+
		"other groups or orders of its own to split it by, so I can give the %s of the whole catalogue (ask \"%s\") or by category, not by another group, a period or a part of the orders", what, what, what)
}

// catalogueCompanion is the orders' metric a catalogue's measure by category
// is asked beside, then hidden: the semantic layer groups a table by its
// own copy of an order's column (STG_PRODUCTS.CATEGORY, which FCT_ORDERS
// copies) only in a request over several tables, where the catalogue's part
// comes first and keeps every category of the catalogue. The figure is the
// catalogue's own, whatever the orders hold.
const catalogueCompanion = "order_count"

// hideCompanion drops the companion metric's column from res, which the
// question did not ask for.
func hideCompanion(res *query.Result, name string) {
	i := slices.IndexFunc(res.Columns, func(c query.Column) bool { return c.Name == name })
	if i < 0 {
		return
	}
	res.Columns = slices.Delete(slices.Clone(res.Columns), i, i+1)
	for k, row := range res.Rows {
		res.Rows[k] = slices.Delete(slices.Clone(row), i, i+1)
	}
}

// catalogueGroups are the groups of the orders a catalogue's measure is split
// by: the product's own columns, which the orders copy from the catalogue
// (the query groups the catalogue by its own column, not by the orders').
var catalogueGroups = map[string]bool{"category": true}

// productEach reports whether products are asked one by one: "by product",
// "for each product" (an average "of our products", "per product", is over
// them all).
func productEach(ws []word) bool {
	for i := 1; i < len(ws); i++ {
		if ws[i].sing == "product" && (eachWords[ws[i-1].text] && ws[i-1].text != "per" || ws[i-1].text == "by") {
			return true
		}
	}
	return false
}
