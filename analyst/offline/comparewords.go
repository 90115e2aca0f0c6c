package offline

import (
	"slices"
	"strings"
)

// againstOne declines groups measured against one named value of their own
// kind ("which states had fewer orders than Texas", "reps who sold more
// than Nancy Clark"): read alone it would list that value only, or every
// group unfiltered. Two named values ("did the West sell more than the
// East") are set side by side elsewhere.
func againstOne(items []item, in *intent) *decline {
	for i := range items {
		if it := &items[i]; it.kind != kKeyword || it.text != "than" && !strings.HasSuffix(it.text, " than") {
			continue
		}
		next := neighbour(items, i+1)
		if next != nil && next.text == "the" {
			next = neighbour(items, i+2)
		}
		if next == nil || !next.is(kValue) {
			continue
		}
		v, _ := next.reading(kValue)
		for _, f := range in.filters {
			if f.dim == v.name && len(f.values) == 1 && !f.not {
				return unsupported("I could not place %q: I can set named %s side by side (\"%s vs …\") or list every %s with its figure, but not keep those above or below one %s",
					items[i].orig+" "+next.orig, plural(label(f.dim)), next.orig, label(f.dim), label(f.dim))
			}
		}
	}
	return nil
}

// gainWords are the words of winning customers that, said of no customers,
// say a figure grew ("which channel gained the most in 2025").
var gainWords = toSet("gain", "gained", "gaining", "gains")

// grewSaidAsGained reports whether a gain word is said of no customers
// ("which region gained the most"): a figure grew.
func grewSaidAsGained(items []item) bool {
	gained, customers := false, false
	for i := range items {
		it := &items[i]
		gained = gained || it.kw(kwGain) && gainWords[it.text]
		for _, m := range it.ms {
			customers = customers || (m.kind == kMetric || m.kind == kDim) && strings.Contains(m.name, "customer")
		}
	}
	return gained && !customers
}

// whichOf reports whether the question picks one of a plural ("which of our
// regions brought in the most", "which one of the reps"): one, not ten.
func whichOf(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].text != "which" {
			continue
		}
		next := ws[i+1].text
		if next == "one" && i+2 < len(ws) {
			next = ws[i+2].text
		}
		if next == "of" {
			return true
		}
	}
	return false
}

// pickOne lists one group where the question picks one of a plural with no
// number ("which of our regions brought in the most").
func pickOne(in *intent, ws []word, items []item) {
	if in.rank != 0 && in.limit == 10 && whichOf(ws) && !slices.ContainsFunc(items, func(it item) bool { return it.kind == kNumber }) {
		in.limit = 1
	}
}

// noOrderVerbs say that something was sold or bought.
var noOrderVerbs = toSet("sell", "sold", "order", "ordered", "buy", "bought", "purchase", "purchased", "shop", "shopped")

// notWords say that it was not.
var notWords = toSet("not", "n't", "never")

// nothingSold declines a question about what had no orders ("which products
// didn't sell in 2025", "customers who haven't ordered since 2024", "reps
// who sold nothing", "products with no sales"): the data holds orders, so
// what had none is not among them; it was declined on the word "n't" or
// "nothing" before, as a word not understood.
func nothingSold(ws []word) *decline {
	for i, w := range ws {
		after := func(k int) string {
			if i+k < len(ws) {
				return ws[i+k].text
			}
			return ""
		}
		none := notWords[w.text] && (noOrderVerbs[after(1)] || noOrderVerbs[after(2)]) ||
			noOrderVerbs[w.text] && after(1) == "nothing" ||
			(w.text == "no" || w.text == "zero") && (after(1) == "sales" || after(1) == "orders" || after(1) == "purchases")
		if none {
			return unsupported("I can answer about what was ordered, but not list what had no orders: the data holds orders, so what had none is not in them. " +
				"Ask for the ones with the fewest orders, or for how many had orders in the period")
		}
	}
	return nil
}

// averageWords ask for a mean.
var averageWords = toSet("average", "mean", "typical", "avg")

// catalogueWords name the product catalogue, sold or not.
var catalogueWords = toSet("catalogue", "catalog", "list", "catalogues", "catalogs")

// cataloguePrice reads a mean of the catalogue's list prices ("the average
// list price per category, across the catalogue", "catalog average price")
// as the catalogue's average list price: the price words become the
// metric's name and the words naming the catalogue are dropped, the
// catalogue being where that metric is measured. Read as the orders' unit
// price it would answer another question (the prices of what sold, once
// per order line), so a price is the catalogue's only when the question
// names the catalogue or the list price.
func cataloguePrice(ws []word) []word {
	price, catalogue, mean := -1, false, false
	for i, w := range ws {
		if (w.text == "price" || w.text == "prices") && price < 0 {
			price = i
		}
		catalogue = catalogue || catalogueWords[w.text]
		mean = mean || averageWords[w.text]
	}
	if price < 0 || !catalogue || !mean || !catalogueNamed(ws, price) {
		return ws
	}
	out := make([]word, 0, len(ws)+2)
	for i, w := range ws {
		switch {
		case i == price:
			for _, t := range []string{"average", "list", "price"} {
				out = append(out, word{text: t, sing: t, orig: w.orig})
			}
		case averageWords[w.text] || catalogueWords[w.text]:
		case catalogueLead[w.text] && i+1 < len(ws) && leadsToCatalogue(ws[i+1:]):
		default:
			out = append(out, w)
		}
	}
	return out
}

// catalogueNamed reports whether the catalogue is named as such ("catalogue",
// "catalog") or the price at i is a list price ("list price").
func catalogueNamed(ws []word, price int) bool {
	if price > 0 && ws[price-1].text == "list" {
		return true
	}
	return slices.ContainsFunc(ws, func(w word) bool { return w.text != "list" && catalogueWords[w.text] })
}

// catalogueLead are the words that lead to the catalogue's name: "across the
// catalogue", "in our catalog".
var catalogueLead = toSet("across", "in", "from", "of", "the", "our", "entire", "whole", "full")

// leadsToCatalogue reports whether ws starts with lead words then the
// catalogue's name.
func leadsToCatalogue(ws []word) bool {
	for _, w := range ws {
		if w.text != "list" && catalogueWords[w.text] {
			return true
		}
		if !catalogueLead[w.text] {
			return false
		}
	}
	return false
}

// gainedCounted reports whether customers said won or gained are counted,
// not listed: beside another group ("top 3 reps by customers gained") or
// right after a superlative ("who signed up the most customers").
func (r *Resolver) gainedCounted(in *intent, items []item) bool {
	if !slices.Contains(in.dims, "customer_name") || in.rank == 0 {
		return false
	}
	if len(in.dims) > 1 {
		return true
	}
	for i := 1; i < len(items); i++ {
		m, ok := items[i].reading(kDim)
		if !ok {
			m, ok = r.dimReading(items[i].sing()) // "the most customers": the dimension ranked
		}
		if ok && m.name == "customer_name" && (items[i-1].kw(kwTop) || items[i-1].kw(kwBottom)) {
			return true
		}
	}
	return false
}
