package offline

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// monthCounts are the counts of months a part of a year is said in, as
// digits and words.
var monthCounts = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}

// init adds the parts of a year said as a count of its months: "the first
// nine months of 2025" is January through September, "the last 4 months of
// 2025" September through December (the first 3 and 6 are a quarter and a
// half, already rewritten so).
func init() {
	for n := 1; n < len(monthCounts); n++ {
		first := strings.ToLower(time.Month(n).String())
		last := strings.ToLower(time.Month(13 - n).String())
		for _, c := range []string{strconv.Itoa(n), monthCounts[n]} {
			for _, of := range []string{"of", "in"} {
				addRewrite("first "+c+" months "+of, "january through "+first+" of")
				addRewrite("last "+c+" months "+of, last+" through december of")
				addRewrite("final "+c+" months "+of, last+" through december of")
			}
		}
	}
	// "top5", "bottom3": the count written onto the word
	for n := 1; n <= 100; n++ {
		addRewrite("top"+strconv.Itoa(n), "top "+strconv.Itoa(n))
		addRewrite("bottom"+strconv.Itoa(n), "bottom "+strconv.Itoa(n))
	}
	// spending said as people say it: "shelled out", "forked over"
	for _, w := range [][2]string{{"shell out", "spend"}, {"shells out", "spends"}, {"shelled out", "spent"}, {"shelling out", "spending"},
		{"fork out", "spend"}, {"fork over", "spend"}, {"forked out", "spent"}, {"forked over", "spent"}, {"forks out", "spends"},
		{"cough up", "spend"}, {"coughed up", "spent"}, {"lay out", "spend"}, {"laid out", "spent"}, {"splashed out", "spent"},
		{"splash out", "spend"}, {"dropped", "spent"}} {
		if w[0] != "dropped" {
			addRewrite(w[0], w[1])
		}
	}
	// discounts said as what was taken off, or left on the table
	for _, p := range []string{"knock off prices", "knocked off prices", "knock off", "take off prices", "took off prices",
		"taken off prices", "dollars knocked off", "dollars taken off", "money knocked off", "money taken off",
		"leave on the table with discounts", "left on the table with discounts", "leave on the table", "left on the table",
		"money left on the table", "give up to discounts", "gave up to discounts"} {
		addRewrite(p, "discount")
	}
	// an order said as a purchase, a transaction, a sale: "per purchase"
	for _, p := range []string{"per purchase", "per transaction", "per sale", "per checkout", "per basket", "per ticket"} {
		addRewrite(p, "per order")
		for _, avg := range []string{"", "average ", "mean ", "typical ", "avg "} {
			addRewrite(avg+"spend "+p, "average order value")
			addRewrite(avg+"amount "+p, "average order value")
		}
	}
	addRewrite("amount per order", "order value")
	addRewrite("typical amount per order", "average order value")
	addRewrite("average amount per order", "average order value")
	addRewrite("spend per order", "order value")
	// units that left us: sold
	for _, p := range []string{"left the warehouse", "left our warehouse", "went out the door", "shipped out"} {
		addRewrite(p, "sold")
	}
	addRewrite("volume in units", "units")
	addRewrite("unit volume", "units")
	// the halves of a year said front and back
	addRewrite("back half", "second half")
	addRewrite("front half", "first half")
	// earners: what earned most
	for _, p := range []string{"top earners", "biggest earners", "best earners", "highest earners", "top earning", "leading earners"} {
		addRewrite(p, "top")
	}
	addRewrite("lowest earners", "bottom")
	addRewrite("weakest earners", "bottom")
	// customers who came back: returning ones ("came back" alone is a return)
	for _, p := range []string{"customers who came back and ordered", "customers who came back and bought", "customers that came back and ordered",
		"customers who came back", "customers that came back", "came back and ordered", "came back and bought", "came back and purchased",
		"came back to order again", "existing customer count", "existing customers count"} {
		addRewrite(p, "returning customers")
	}
	// customers whose first order fell in the period: new customers
	for _, who := range []string{"customers", "clients", "accounts", "buyers"} {
		for _, rel := range []string{"who", "that"} {
			for _, verb := range []string{"first ordered", "first bought", "first purchased", "ordered for the first time", "bought for the first time"} {
				addRewrite(who+" "+rel+" "+verb, "new customers")
			}
		}
		for _, verb := range []string{"first ordered", "first bought", "first purchased"} {
			addRewrite(who+" "+verb, "new customers") // "how many customers first ordered in 2024"
		}
		addRewrite(who+" whose first order was", "new customers")
		addRewrite(who+" whose first order came", "new customers")
	}
	// the most frequent customer: by orders, not revenue
	for _, who := range [][2]string{{"customer", "customer"}, {"customers", "customers"}, {"buyer", "customer"}, {"buyers", "customers"},
		{"shopper", "customer"}, {"shoppers", "customers"}, {"client", "customer"}, {"clients", "customers"}} {
		addRewrite("most frequent "+who[0], who[1]+" with the most orders")
		addRewrite("least frequent "+who[0], who[1]+" with the fewest orders")
	}
	// placed last or first in a ranking
	for _, v := range []string{"came", "finished", "ranked", "placed", "ended up"} {
		addRewrite(v+" last", "was the worst")
		addRewrite(v+" first", "was the best")
		addRewrite(v+" top", "was the best")
		addRewrite(v+" bottom", "was the worst")
	}
	// quarters written the other ways round: "1Q 2025", "2025Q1", "Q1'25"
	for q := 1; q <= 4; q++ {
		qs := strconv.Itoa(q)
		addRewrite(qs+"q", "q"+qs)
		for y := 2020; y <= 2030; y++ {
			ys := strconv.Itoa(y)
			addRewrite(ys+"q"+qs, "q"+qs+" "+ys)
			addRewrite("q"+qs+ys[2:], "q"+qs+" "+ys) // "Q1'25", its apostrophe dropped
			addRewrite(qs+"q"+ys[2:], "q"+qs+" "+ys)
		}
	}
	// shipped to a place: sold there, not the Shipped status
	for _, w := range [][2]string{{"shipped to", "sold to"}, {"ship to", "sell to"}, {"ships to", "sells to"}, {"shipping to", "selling to"},
		{"delivered to", "sold to"}, {"deliver to", "sell to"}} {
		addRewrite(w[0], w[1])
	}
	// a whole split into its parts: the share of each
	for _, w := range [][2]string{{"split across", "share by"}, {"split between", "share by"}, {"split among", "share by"},
		{"divided across", "share by"}, {"divided between", "share by"}, {"what part of", "what share of"},
		{"which part of", "what share of"}, {"discount rate", "average discount"}} {
		addRewrite(w[0], w[1])
	}
	// "as of June 2025": to the end of it, from a start not said
	addRewrite("as of", "through")
	// every date there is: no period
	for _, p := range []string{"all dates", "across all dates", "over all dates", "all dates combined", "any date"} {
		addRewrite(p, "all time")
	}
	// "orders worth from 250 up to 750": amounts, as "between"
	addRewrite("worth from", "worth between")
	addRewrite("valued from", "valued between")
	// "who … among reps": the pool ranked, not how many are listed
	for _, d := range [][2]string{{"reps", "rep"}, {"sales reps", "rep"}, {"salespeople", "rep"}, {"customers", "customer"},
		{"clients", "customer"}, {"accounts", "customer"}, {"products", "product"}, {"categories", "category"},
		{"regions", "region"}, {"states", "state"}, {"channels", "channel"}, {"segments", "segment"}, {"industries", "industry"}} {
		for _, det := range []string{"", "our ", "the ", "all ", "all the ", "all our "} {
			addRewrite("among "+det+d[0], d[1])
		}
	}
	// takings said as a till or a haul: revenue
	for _, w := range [][2]string{{"ring up", "bring in"}, {"rang up", "brought in"}, {"rung up", "brought in"}, {"rings up", "brings in"},
		{"haul in", "bring in"}, {"hauled in", "brought in"}, {"hauls in", "brings in"}, {"total haul", "revenue"}, {"our haul", "revenue"},
		{"the haul", "revenue"}, {"widgets", "units"}, {"checkouts", "orders"}, {"mark down", "discount"}, {"marked down", "discounted"},
		{"transaction value", "order value"}, {"transaction size", "order value"}, {"sale value", "order value"},
		{"paying accounts", "paying customers"}, {"paying clients", "paying customers"}, {"paying buyers", "paying customers"},
		{"typical discount percentage", "average discount"}, {"typical discount rate", "average discount"},
		{"usual discount", "average discount"}, {"deep were our discounts", "big was our average discount"},
		{"deep were the discounts", "big was the average discount"}, {"deep were discounts", "big was the average discount"}} {
		addRewrite(w[0], w[1])
	}
	// a count of one order ("more than 1 order": "order" alone is a stop
	// word, so it was read as orders over $1), and of times ordered; "placed
	// one order" alone is not a threshold (it read as a top one)
	// a sub-category is not in the model ("sub" alone is less than)
	for _, w := range []string{"sub category", "sub categories", "sub-category", "sub-categories"} {
		addRewrite(w, "subcategory")
	}
	// "at least twice as much as Books" is a multiple, not a count of orders:
	// read as said (which no rule places)
	for _, w := range []string{"at least twice as", "more than twice as", "twice as"} {
		addRewrite(w, w)
	}
	for _, w := range [][2]string{{"than 1 order", "than 1 orders"}, {"than one order", "than 1 orders"},
		{"least 1 order", "least 1 orders"}, {"least one order", "least 1 orders"}, {"more than once", "more than 1 orders"},
		{"at least twice", "at least 2 orders"}, {"twice or more", "at least 2 orders"}, {"two or more times", "at least 2 orders"},
		{"more than one time", "more than 1 orders"}, {"multiple times", "more than 1 orders"}, {"over and over", "more than 1 orders"}} {
		addRewrite(w[0], w[1])
	}
	// "how much did December differ from November": the change between
	for _, w := range []string{"differ from", "differed from", "differs from", "different from", "vary from", "varied from"} {
		addRewrite(w, "change versus")
	}
	// the halves and quarters of a year said once for two: "the first and
	// second half of 2025"
	for _, j := range []string{"and", "vs", "versus", "against", "to"} {
		addRewrite("first "+j+" second half", "h1 "+j+" h2")
		addRewrite("first "+j+" second halves", "h1 "+j+" h2")
		addRewrite("second "+j+" first half", "h2 "+j+" h1")
	}
	// function words mistyped, which the lexicon's corrections leave alone
	for _, w := range [][2]string{{"hwo", "how"}, {"teh", "the"}, {"hte", "the"}, {"whihc", "which"}, {"wich", "which"},
		{"whcih", "which"}, {"whta", "what"}, {"adn", "and"}, {"nad", "and"}, {"hwat", "what"}, {"mnay", "many"}, {"amny", "many"}} {
		addRewrite(w[0], w[1])
	}
	// "revenue less discounts": the revenue, which is net of them already
	addRewrite("less discounts", "net of discounts")
	addRewrite("less discount", "net of discounts")
	addRewrite("minus discounts", "net of discounts")
	// "how much bigger was 2025 than 2024": higher, said of a figure
	addRewrite("how much bigger", "how much higher")
	addRewrite("how much larger", "how much higher")
	addRewrite("how much smaller", "how much lower")
	// "compare all four regions": all of them, not a top four
	for n := 2; n < len(monthCounts); n++ {
		addRewrite("all "+monthCounts[n], "all")
		addRewrite("all "+strconv.Itoa(n), "all")
		addRewrite("all the "+monthCounts[n], "all the")
	}
	// "name our three weakest categories": list them
	addRewrite("name our", "list our")
	addRewrite("name all", "list all")
	// "which products sold the most": the products ranked by what they
	// sold, not the count of products sold ("products sold" is that measure)
	for _, what := range []string{"products", "items", "skus", "categories"} {
		for _, most := range []string{"the most", "most", "the least", "least", "the fewest", "fewest", "the best", "best", "the worst", "worst"} {
			addRewrite(what+" sold "+most, what+" that sold "+most)
		}
	}
}

// addRewrite adds a rewrite unless the phrase has one already.
func addRewrite(from, to string) {
	if _, ok := rewrites[from]; !ok {
		rewrites[from] = to
	}
}

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

// edgeWindow reads a window of days at one end of a named period or ending
// at one: "the last 30 days of 2025", "the first 10 days of January 2025",
// "the last two weeks of December 2025" (declined as two periods read
// together before), "the 12 months ending June 2025", "the six months to
// June 2025", "the year ending March 2025" (declined on "ending"). It
// returns false when items at i say no such window.
func edgeWindow(items []item, i int, today time.Time) (period, int, bool, error) {
	at := func(k int) *item {
		if i+k < len(items) {
			return &items[i+k]
		}
		return nil
	}
	it := at(0)
	switch {
	case (it.kw(kwLast) || it.kw(kwOrdinal) && it.ms[0].n == 1) && at(1) != nil && at(1).kind == kNumber && at(2) != nil && at(2).kind == kGrain && at(3) != nil:
		g := at(2).ms[0].grain
		if g != dialect.Day && g != dialect.Week {
			return period{}, 0, false, nil
		}
		of, n, ok, err := spanAt(items, i+3, today)
		if !ok || err != nil || of.unit == "" || of.unit == dialect.Day {
			return period{}, 0, false, err
		}
		days := at(1).n
		if g == dialect.Week {
			days *= 7
		}
		if days > of.days() {
			return period{}, 0, false, fmt.Errorf("%s has %d days, fewer than the %d asked for", of.label, of.days(), days)
		}
		w := period{from: of.from, to: of.from.AddDate(0, 0, days-1), label: fmt.Sprintf("the first %d %ss of %s", at(1).n, g, of.label)}
		if it.kw(kwLast) {
			w = period{from: of.to.AddDate(0, 0, 1-days), to: of.to, label: fmt.Sprintf("the last %d %ss of %s", at(1).n, g, of.label)}
		}
		return w, n + 3, true, nil
	case it.kind == kNumber && at(1) != nil && at(1).kind == kGrain && at(2) != nil && (at(2).kw(kwTo) || endingWords[at(2).text]) && at(3) != nil:
		return windowEnding(items, i+3, at(1).ms[0].grain, it.n, 4, today)
	case it.kind == kGrain && it.text == string(it.ms[0].grain) && at(1) != nil && endingWords[at(1).text] && at(2) != nil:
		return windowEnding(items, i+2, it.ms[0].grain, 1, 3, today) // "the year ending March 2025"
	}
	return period{}, 0, false, nil
}

// endingWords end a window at a period: "the 12 months ending June 2025".
var endingWords = toSet("ending", "ended", "ending in", "ending with", "ended in")

// windowEnding is count grains ending with the period at items[j] (whole
// months for a month or longer grain), read from k items before it.
func windowEnding(items []item, j int, g dialect.Grain, count, k int, today time.Time) (period, int, bool, error) {
	end, n, ok, err := spanAt(items, j, today)
	if !ok || err != nil || end.unit == "" || count < 1 || count > 1000 {
		return period{}, 0, false, err
	}
	var from time.Time
	switch g {
	case dialect.Day:
		from = end.to.AddDate(0, 0, 1-count)
	case dialect.Week:
		from = end.to.AddDate(0, 0, 1-7*count)
	default:
		months := map[dialect.Grain]int{dialect.Month: 1, dialect.Quarter: 3, dialect.Year: 12}[g] * count
		last := date(end.to.Year(), int(end.to.Month()), 1)
		from = last.AddDate(0, 1-months, 0)
	}
	unit := fmt.Sprintf("%d %ss", count, g)
	if count == 1 {
		unit = string(g)
	}
	return period{from: from, to: end.to, label: fmt.Sprintf("the %s to %s", unit, end.label)}, n + k - 1, true, nil
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
