package offline

import (
	"slices"
	"strconv"
	"strings"
)

// repNouns name the sales reps, or the staff.
var repNouns = toSet("salespeople", "salesperson", "reps", "rep", "sellers", "executives", "staff", "employees",
	"representatives", "team", "salesman", "salesmen", "saleswoman", "saleswomen")

// payVerbs say what someone was paid.
var payVerbs = toSet("earn", "earned", "earns", "paid", "pay", "salary", "salaries", "wages", "compensation", "commission", "commissions", "bonus", "bonuses")

// forUs are words after a pay verb that make it the business's takings: "what
// did each rep earn us", "earned in revenue".
var forUs = toSet("us", "revenue", "sales", "money", "dollars", "for", "the", "most", "least", "more", "less")

// repPay declines a question about what the reps earned ("what did our
// salespeople earn in 2025"): their pay, which the model does not hold; it
// was read as their revenue, another question. "What did each rep earn
// us", "which rep earned the most revenue" stay the revenue they brought in.
func repPay(ws []word) *decline {
	for i, w := range ws {
		if !payVerbs[w.text] || !slices.ContainsFunc(ws[max(0, i-3):i], func(v word) bool { return repNouns[v.text] }) {
			continue
		}
		if i+1 < len(ws) && forUs[ws[i+1].text] {
			continue
		}
		return &decline{kind: DeclineNotInModel, outside: []string{w.orig}, reason: "The model has no data on what the sales reps are paid (" + strconv.Quote(w.orig) +
			"): it holds the revenue, orders and quotas of each rep, not salaries, commissions or bonuses. Ask for revenue by rep instead."}
	}
	return nil
}

// weekdayWords name days of the week, or kinds of them.
var weekdayWords = toSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
	"weekday", "weekdays", "weekend", "weekends", "weekdays'", "weekends'")

// monthWords are the months' names and their usual abbreviations.
var monthWords = toSet("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// dayOfWeek finds a question by the day of the week ("revenue on
// weekends", "which weekday has the most orders", "revenue by day of the
// week"), which the model's dates do not hold (they were read as weeks, or
// as a change): it returns the words without the weekday ones, to be read
// for a better reason to decline first (a forecast: "what will we sell next
// Monday"), and the decline that follows when there is none. A weekday said
// before a date ("Monday, March 3 2025") is only the date's, and is dropped.
func dayOfWeek(ws []word) ([]word, *decline) {
	if !slices.ContainsFunc(ws, func(w word) bool { return weekdayWords[w.text] || w.text == "day" || w.text == "days" }) {
		return ws, nil
	}
	out := ws[:0:0]
	var d *decline
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		dated := i+1 < len(ws) && (monthWords[ws[i+1].text] || ws[i+1].text != "" && ws[i+1].text[0] >= '0' && ws[i+1].text[0] <= '9')
		switch {
		case weekdayWords[w.text] && dated && !strings.HasSuffix(w.text, "s"):
			continue // "Monday, March 3 2025": the date says it
		case weekdayWords[w.text]:
		case (w.text == "day" || w.text == "days") && i+3 < len(ws) && ws[i+1].text == "of" && ws[i+3].text == "week":
			i += 3
		default:
			out = append(out, w)
			continue
		}
		d = &decline{kind: DeclineNotInModel, outside: []string{w.orig}, reason: "The model's dates have no day of the week (weekdays, weekends or a named day): " +
			"I can give figures by day, week, month, quarter or year, or for a range of dates"}
	}
	return out, d
}

// customerNouns name the customers one at a time or all together.
var customerNouns = toSet("customer", "customers", "account", "accounts", "client", "clients", "buyer", "buyers", "shopper", "shoppers")

// customerSpends say what a customer spent.
var customerSpends = toSet("spend", "spent", "spends", "pay", "paid", "pays")

// perCustomer reads a ratio per customer with the customers' kind said
// inside it ("revenue per SMB client", "what did the average SMB account
// spend", "how much did each small business customer spend on average") as
// the model's revenue per customer for that kind ("revenue per customer for
// SMB"); they were read as the revenue of the kind, or declined on
// "average" or "buyer".
func (r *Resolver) perCustomer(ws []word) []word {
	for i := 0; i < len(ws); i++ {
		for j := i + 2; j < len(ws) && j <= i+4; j++ {
			if !customerNouns[ws[j].text] {
				continue
			}
			between := ws[i+1 : j]
			if !r.valuesOnly(between) {
				break // "per channel, each customer": no kind of customer
			}
			switch {
			case ws[i].text == "per":
				return spliceCustomer(ws, i, j+1, between, "per customer")
			case averageWords[ws[i].text] && j+1 < len(ws) && customerSpends[ws[j+1].text]:
				return spliceCustomer(ws, i, j+2, between, "revenue per customer")
			case (ws[i].text == "each" || ws[i].text == "every") && j+1 < len(ws) && customerSpends[ws[j+1].text] && onAverage(ws[j+2:]):
				return spliceCustomer(ws, i, j+2, between, "revenue per customer")
			}
		}
	}
	return ws
}

// valuesOnly reports whether ws read as values of the model only ("SMB",
// "small business", "West").
func (r *Resolver) valuesOnly(ws []word) bool {
	items, _ := r.lex.classify(ws)
	return len(items) > 0 && !slices.ContainsFunc(items, func(it item) bool { return !it.is(kValue) && !it.is(kFilter) })
}

// spliceCustomer replaces ws[from:to] by the ratio said, then "for" and the
// kind of customer between.
func spliceCustomer(ws []word, from, to int, between []word, ratio string) []word {
	out := append([]word(nil), ws[:from]...)
	orig := joinOrig(ws[from:to])
	for _, t := range strings.Fields(ratio + " for") {
		out = append(out, word{text: t, sing: singular(t), orig: orig})
	}
	out = append(out, between...)
	for _, w := range ws[to:] {
		if w.text != "average" || len(out) == 0 || out[len(out)-1].text != "on" {
			out = append(out, w)
		} else {
			out = out[:len(out)-1] // "on average": said by the ratio
		}
	}
	return out
}

// onAverage reports whether ws say "on average" or "average".
func onAverage(ws []word) bool {
	return slices.ContainsFunc(ws, func(w word) bool { return averageWords[w.text] })
}

// bookCategory are the words after "book" that make it the category:
// "the book category", "book sales".
var bookCategory = toSet("category", "categories", "sales", "revenue", "orders", "products", "department", "line", "lines", "genre", "section",
	"units", "unit", "items", "titles", "volume", "discounts", "discount", "customers", "buyers")

// bookVerbBefore are the words before "book" said as a verb: "did the West
// book", "reps who book"; elsewhere "book" is the Books category ("revenue
// from book and toys").
var bookVerbBefore = toSet("did", "do", "does", "we", "they", "you", "who", "to", "reps", "rep", "he", "she", "i", "will", "didn't", "not")

// bookVerb reports whether "book" at i is said as a verb: after a subject
// ("did the West book", "reps who book") or before the period, never after
// "from", "of" or "and" ("revenue from book and toys").
func bookVerb(ws []word, i int) bool {
	if i == 0 {
		return false
	}
	prev := ws[i-1].text
	if bookVerbBefore[prev] {
		return true
	}
	if bookNounBefore[prev] {
		return false
	}
	return i+1 == len(ws) || bookVerbAfter[ws[i+1].text]
}

// bookNounBefore and bookVerbAfter place "book" between the words around it.
var (
	bookNounBefore = toSet("from", "of", "for", "and", "or", "the", "in", "on", "by", "than", "vs", "versus", "but", "except")
	bookVerbAfter  = toSet("in", "during", "last", "this", "over", "since", "through", "between", "from")
)

// ordersBefore reports whether the orders are said before i: "how many
// orders sold over $500" keeps each order by its amount.
func ordersBefore(ws []word, i int) bool {
	return slices.ContainsFunc(ws[:i], func(w word) bool { return strings.HasPrefix(w.text, "order") })
}

// notStarts start a value left out: "every state other than CA".
var notStarts = toSet("other", "except", "excluding", "but", "apart", "besides", "outside", "aside", "save", "not", "bar", "barring")

// sideBySide set things next to each other.
var sideBySide = toSet("next", "side", "against", "vs", "versus", "beside", "alongside", "compared")

// scopeWords put a whole in scope: "for every state other than CA".
var scopeWords = toSet("for", "in", "across", "from", "over")

// rankWords rank groups: with them "every region except the West" is a
// ranking within each.
var rankWords = toSet("top", "best", "most", "least", "bottom", "worst", "highest", "lowest", "leading", "biggest", "largest", "smallest", "fewest")

// verbsAndWholes reads two words by what is around them: "book" said as a
// verb ("how many orders did the West book") is sold, not the Books
// category (it was the category); "every state other than CA" is all the
// states but CA, one figure (it was one row per state) unless a ranking
// makes it each state's.
func verbsAndWholes(ws []word) []word {
	out := ws
	copied := false
	set := func(i int, text string) {
		if !copied {
			out, copied = slices.Clone(ws), true
		}
		out[i].text, out[i].sing = text, singular(text)
	}
	ranked := slices.ContainsFunc(ws, func(w word) bool { return rankWords[w.text] })
	if len(ws) > 1 && ws[0].text == "put" && slices.ContainsFunc(ws, func(w word) bool { return sideBySide[w.text] }) {
		set(0, "show") // "put online and retail revenue next to each other": shown, not written
	}
	for i := 1; i+1 < len(ws); i++ {
		if ws[i].text == "mark" && ws[i+1].text == "down" {
			// "how much did we mark down": the discount; said first ("mark
			// down the price of …") it is a request to change the data
			out = slices.Delete(slices.Clone(out), i+1, i+2)
			out[i].text, out[i].sing = "discount", "discount"
			ws, copied = out, true
			break
		}
	}
	if g := lastAlone(ws); g >= 0 {
		// "this year versus last": last year
		i := slices.IndexFunc(ws, func(w word) bool { return w.text == "this" })
		out = slices.Insert(slices.Clone(ws), g+1, word{text: ws[i+1].text, sing: ws[i+1].sing, orig: ws[g].orig})
		ws, copied = out, true
	}
	for i, w := range ws {
		nextIs := func(k int, set map[string]bool) bool { return i+k < len(ws) && set[ws[i+k].text] }
		switch {
		case w.text == "booked" && !nextIs(1, bookCategory), w.text == "book" && bookVerb(ws, i):
			set(i, map[string]string{"book": "sell", "booked": "sold"}[w.text])
		case sellWords[w.text] && moneyAfter(ws, i+1) && !ordersBefore(ws, i):
			set(i, "billed") // "reps who sold more than $5 million": each rep's revenue, not each order's amount
		case w.text == "every" && i > 0 && scopeWords[ws[i-1].text] && !ranked && nextIs(2, notStarts):
			set(i, "all") // "units for every state other than CA": "show each region but North" is one row each
		}
	}
	return out
}

// grainNames are the grains said after "this" or "last".
var grainNames = toSet("year", "quarter", "month", "week")

// vsWords set one period against another.
var vsWords = toSet("vs", "versus", "against", "with", "to", "than", "v")

// lastAlone is the index of a "last" said alone against "this" grain
// ("this year versus last"), or -1.
func lastAlone(ws []word) int {
	this := slices.IndexFunc(ws, func(w word) bool { return w.text == "this" })
	if this < 0 || this+1 >= len(ws) || !grainNames[ws[this+1].text] {
		return -1
	}
	for i := this + 2; i < len(ws); i++ {
		if ws[i].text == "last" && vsWords[ws[i-1].text] && (i+1 == len(ws) || !grainNames[ws[i+1].text] && ws[i+1].text != "one") {
			return i
		}
	}
	return -1
}

// sellWords say a group sold: what it sold in all is its revenue.
var sellWords = toSet("sold", "sell", "sells", "generated", "generate", "booked")

// thresholdWords lead to an amount: "more than", "over", "at least".
var thresholdWords = toSet("more", "than", "over", "above", "under", "below", "less", "at", "least", "most", "upwards", "of", "in", "excess", "north", "south")

// moneyAfter reports whether an amount of money follows threshold words
// from i ("more than $5 million").
func moneyAfter(ws []word, i int) bool {
	for j := i; j < len(ws) && j < i+4; j++ {
		if ws[j].dollar {
			return j > i
		}
		if !thresholdWords[ws[j].text] {
			return false
		}
	}
	return false
}
