package offline

import "slices"

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
	each := slices.ContainsFunc(ws, func(w word) bool { return eachWords[w.text] && w.text != "per" || w.text == "by" }) // an average "per product" is over them
	if len(in.dims) == 1 && in.dims[0] == "product_name" && !each && in.rank == 0 && in.grain == "" {
		in.dims = nil // "of our products": the catalogue's, all of them
		in.notes = append(in.notes, "The products are every product in the catalogue.")
	}
	if len(in.dims) == 0 && in.grain == "" && len(in.periods) == 0 && len(in.filters) == 0 && len(in.named) == 0 && len(in.amounts) == 0 &&
		len(in.flags) == 0 && len(in.notFlags) == 0 && len(own) == len(in.metrics) {
		return nil
	}
	what := joinAnd(labels(own))
	return unsupported("The model holds %s for the product catalogue as a whole, one figure over every product; the catalogue has no dates, groups or orders of its own to split it by, so I can give the %s of the whole catalogue (ask \"%s\"), not by a group, a period or a part of the orders", what, what, what)
}
