package offline

import (
	"strings"
	"sync"
)

// Everyday words: how people who never saw the model's names ask. Each list is
// read into the lexicon once, by [lexicon.everyday], only where the model holds
// what the words mean.

// revenueWords are everyday names of the revenue a question may use instead of
// the model's ("how much money did we make", "takings in 2025", "what did
// customers spend").
var revenueWords = []string{
	"money", "takings", "turnover", "income", "spend", "spent", "spending", "raked in",
	"rake in", "brought in", "bring in", "pulled in", "sales dollars", "dollar sales",
	"dollars", "dollar", "top line", "topline", "billings", "paid", "pay", "sales amount", "sales value",
	"value of sales", "bill", "billed", "billing", "invoiced", "invoice", "invoices", "earn", "earned", "earnings", "cash", "business", "net", "net sales", "after discounts",
	"after discount", "net of discounts", "net of discount", "after any discounts", "revenue net of discounts", "actual", "actuals",
	"actual sales", "actual revenue", "pull in", "pulls in", "pulling in", "brings in", "bringing in", "rakes in",
	"raking in", "proceeds", "sales proceeds", "receipts", "sales receipts", "bookings", "booked revenue",
	"money made", "money brought in", "money taken in", "money coming in", "money in", "sales revenue",
	"revenue dollars", "sales takings", "made in sales", "made in revenue", "collect", "collected", "took in", "take in",
	"taken in", "sales total", "total takings",
}

// metricWords are everyday names of the model's usual metrics, added where
// the model has a metric of that name.
var metricWords = map[string][]string{
	"order_count": {"deals", "purchases", "transactions", "order volume", "orders placed",
		"sales count", "number of sales", "order numbers"},
	"average_order_value": {"average order size", "order size", "avg order size", "average order",
		"average basket", "basket size", "average sale", "average ticket", "average deal size",
		"typical order", "mean order value", "order value", "value of an order", "value of the average order",
		"order amount", "average order amount", "amount per order", "average amount per order", "mean order amount",
		"average order total", "mean order size", "typical order value", "typical order amount", "dollars per order",
		"average dollars per order", "average order worth", "average purchase", "average purchase value", "average transaction value",
		"average transaction", "average deal value", "average sale value"},
	"units_sold": {"units", "unit sales", "quantity sold", "volume sold", "pieces sold", "pieces", "quantity",
		"unit", "items sold", "things sold", "stuff sold", "goods sold", "units shipped", "items shipped", "units moved", "unit volume", "sales volume"},
	"total_discount": {"discount given", "discounts given", "markdowns", "money off", "discount", "discounting",
		"knocked off", "taken off", "knocked off list price", "taken off list price", "off list price", "off the list price",
		"knocked off the list price", "taken off the list price", "below list price", "under list price", "off list", "savings", "discounted amount", "discount amount", "discount value",
		"given away in discounts", "give away in discounts", "gave away in discounts", "lost to discounts", "lost to discount",
		"money lost to discounts", "lost in discounts", "lost through discounts", "given up in discounts", "gave up in discounts",
		"handed out in discounts", "hand out in discounts", "discount dollars", "dollars of discount", "dollars in discounts",
		"dollars of discounts", "discounts handed out", "discounts granted", "discount total", "discounted amount total",
		"price reductions", "price cuts", "reductions", "rebates", "markdown", "discount spend"},
	"average_unit_price": {"average selling price", "average unit price", "average price per unit", "asp",
		"price per unit", "avg selling price", "mean price", "price per item", "price paid per item", "price paid per unit",
		"average price paid", "mean price paid per item", "average price per item", "price per piece", "unit sell for", "units sell for",
		"unit go for", "units go for", "item sell for", "items sell for", "item go for", "selling price", "typical selling price",
		"mean unit price", "mean selling price", "charge per unit", "charged per unit", "charge per item", "charged per item"},
	"discounted_orders": {"discounted sales", "discounted transactions", "discounted purchases"},
	"average_discount": {"average discount percentage", "average discount percent", "average percent discount",
		"average percentage discount", "mean discount rate", "average discount level", "mean discount", "typical discount",
		"average discount depth", "discount percentage on average"},
	"distinct_customers": {"buyers", "shoppers", "purchasers", "people", "paying customers",
		"customers who bought", "customers who ordered", "customers who purchased"},
	"new_customers": {"new customer", "new customer count", "new clients", "new accounts", "new buyers",
		"first time customers", "first time buyers", "newly acquired customers", "ordered for the first time",
		"bought for the first time", "first time ordering", "customers with their first order",
		"customers ordered for the first time", "customers who ordered for the first time",
		"customers ordering for the first time", "customers bought for the first time",
		"customers who bought for the first time", "first order", "first orders", "first purchase", "first purchases",
		"first time", "first time buyer", "new logos", "customer acquisition", "customer acquisitions", "newly won customers", "customers won"},
	"returning_customers": {"returning customer", "returning customer count", "repeat customer", "repeat buyers", "repeat buyer",
		"repeat clients", "returning clients", "returning buyers", "returning accounts", "repeat accounts", "existing customers",
		"existing clients", "existing accounts", "repeat purchasers", "customers who came back", "customers that came back",
		"customers came back", "customers who ordered again", "customers who bought again", "customers that ordered again",
		"customers ordered again", "customers bought again", "customers who returned", "customers who purchased again",
		"ordered again", "bought again", "purchased again", "repeat purchase", "repeat purchases", "repeat order", "repeat orders",
		"repeat business", "came back to order", "came back to buy", "loyal customers", "returning shoppers", "repeat shoppers",
		// who had ordered before the period: "people who'd bought from us before"
		"bought from us before", "ordered from us before", "purchased from us before", "bought before", "ordered before",
		"purchased before", "had ordered before", "had bought before", "already ordered", "already bought", "already purchased",
		"had already ordered", "had already bought", "ordered previously", "bought previously", "ordered in an earlier year",
		"already ordered in an earlier year", "ordered in a previous year", "ordered in a prior year", "bought in an earlier year",
		"bought in a previous year", "already ordered in a previous year", "ordered in earlier years", "ordered in previous years",
		"had already ordered in an earlier year", "had ordered in an earlier year", "had already bought in an earlier year",
		"had already ordered in a previous year", "had ordered in a previous year"},
	"gross_revenue": {"gmv", "gross merchandise value", "gross sales value", "gross takings", "gross receipts",
		"gross dollars", "gross amount", "gross sales amount", "gross bookings", "sales at list price", "sales before discounts"},
	"quota": {"annual quota", "yearly quota", "quotas", "annual quotas", "sales quotas"},
	// the catalogue, sold or not: never the products sold
	"catalogue_products": {"products in the catalog", "products in our catalogue", "products in our catalog",
		"catalogue size", "catalog size", "products do we carry", "products we carry", "products do we stock",
		"products we stock", "products do we offer", "products we offer", "products are in the catalogue",
		"products are in the catalog", "products are in our catalogue", "products are in our catalog",
		"products in the range", "products listed", "products are listed"},
}

// valueWords are everyday names of the sales model's usual values, added where
// the dimension has that value.
var valueWords = map[string]map[string][]string{
	"segment": {"SMB": {"small and medium business", "small and medium businesses", "small business",
		"small businesses", "smbs", "small and midsize businesses", "small and mid sized businesses"},
		"Enterprise": {"enterprises", "large companies", "big companies"},
		"Consumer":   {"consumers", "individuals", "retail customers", "private customers"}},
	"status": {"Returned": {"returns", "returned", "came back", "sent back", "come back"}},
	"channel": {"Retail": {"in store", "in stores", "retail store", "retail stores", "stores", "store", "brick and mortar"},
		"Phone": {"telephone", "over the phone", "by telephone", "phone in"},
		"Online": {"web", "on the web", "web store", "webstore", "ecommerce", "e commerce", "internet",
			"online store", "online shop", "web shop", "webshop", "website", "our website", "the website", "online stores"},
		"Partner": {"partners", "resellers", "reseller", "through partners"}},
	"region": {"West": {"western", "west coast"}, "East": {"eastern", "east coast"},
		"North": {"northern"}, "South": {"southern"}},
	// categories as shoppers name what is in them
	"category": {"HOME": {"home goods", "homeware", "housewares", "home products", "household goods"},
		"OFFICE":      {"office supplies", "office products", "office goods", "stationery"},
		"SPORTS":      {"sporting goods", "sports goods", "sports equipment", "sports products"},
		"AUTOMOTIVE":  {"auto", "auto parts", "car parts", "automotive parts", "car accessories"},
		"BEAUTY":      {"cosmetics", "beauty products", "skincare", "skin care"}, // not "makeup": "the makeup of revenue" is its mix
		"CLOTHING":    {"clothes", "apparel", "garments", "fashion"},
		"TOYS":        {"games and toys", "toys and games"},
		"ELECTRONICS": {"electronic goods", "electronic products", "gadgets", "consumer electronics"},
		"GROCERY":     {"groceries", "food products", "food and grocery"},
		"BOOKS":       {"book sales"}},
	// industries as people name the companies in them
	"industry": {"Technology": {"tech", "tech companies", "technology companies", "tech firms", "tech sector", "tech industry"},
		"Finance":       {"financial customers", "financial clients", "financial sector", "financial services", "financial firms", "financial companies", "banks", "banking", "finance companies"},
		"Healthcare":    {"healthcare companies", "medical", "hospitals", "health sector"},
		"Manufacturing": {"manufacturers", "manufacturing companies", "factories"},
		"Education":     {"schools", "universities", "education sector", "educational institutions"},
		"Energy":        {"energy companies", "utilities", "energy sector"},
		"Hospitality":   {"hospitality companies", "hospitality sector"},
		"Logistics":     {"logistics companies", "logistics firms", "shipping companies", "transportation companies"},
		"Media":         {"media companies", "publishers", "media sector"},
		"Retail":        {"retailers", "retail companies", "retail sector"}},
}

// dimWords are everyday names of the model's usual dimensions.
var dimWords = map[string][]string{
	"rep_name": {"salespeople", "salespeoples", "sales people", "sellers", "seller", "account executives",
		"aes", "reps", "sales staff", "sales team", "sales reps", "representatives"},
	"category": {"product lines", "product line", "product categories", "departments", "product groups",
		"product types", "lines", "line"},
	"customer_name": {"clients", "accounts", "spenders", "spender", "companies", "buyer", "shopper", "purchaser"},
	"product_name":  {"skus", "sku", "items in the catalogue"},
	"region":        {"territories", "areas", "sales regions"},
	"channel":       {"sales channels", "channels"},
}

// flagWords are everyday names of the model's usual yes/no dimensions: said
// of orders, they mean the dimension is true ("orders that had a discount").
var flagWords = map[string][]string{
	"is_discounted": {"had a discount", "got a discount", "with a discount", "given a discount",
		"had discounts", "with discounts", "discount applied", "sold at a discount", "at a discount",
		"had money off", "with money off", "got money off", "had some money off"},
}

// notFlagWords are everyday names of the model's usual yes/no dimensions
// said to be false: "orders with no discount" are the orders not discounted.
var notFlagWords = map[string][]string{
	"is_discounted": {"no discount", "no discounts", "with no discount", "with no discounts", "without a discount",
		"without discount", "had no discount", "had no discounts", "got no discount", "not discounted", "never discounted",
		"non discounted", "full price", "at full price", "sold at full price", "undiscounted", "not on discount",
		"without any discount", "without discounts", "without any discounts", "at list price", "at full list price"},
}

// commonWords are short words that are also state or segment codes: written in
// lower case they are the word, not the code ("in" is not Indiana).
var commonWords = toSet("in", "or", "me", "hi", "ok", "oh", "pa", "ma", "la", "co", "id", "de", "al",
	"ne", "ar", "so", "we", "us", "my", "an", "as", "at", "be", "by", "do", "go", "he", "if", "is",
	"it", "no", "of", "on", "to", "up", "mi", "mo", "nd", "sc", "va", "wa", "ga", "ct", "ky", "ms")

// topWords and bottomWords extend the superlatives the grammar knows.
var (
	topWords = []string{
		"strongest", "top performing", "best performing", "highest grossing", "top grossing",
		"most successful", "star", "stars", "leaders", "leader", "high performing", "most valuable",
		"largest", "heaviest", "busiest", "most popular", "popular", "number one", "no 1", "led", "leading",
		"furthest above", "farthest above", "furthest over", "farthest over", "furthest ahead of", "most above", "most over",
	}
	bottomWords = []string{
		"poorest", "worst performing", "lowest performing", "least successful", "underperforming",
		"slowest", "least popular", "smallest", "weakest performing", "lowest grossing", "least busy", "quietest",
		"furthest below", "furthest from", "farthest below", "farthest from", "least productive",
		"laggard", "laggards", "lightest", "lagging", "trailing behind",
	}
)

// futureWords ask about what has not happened yet: a forecast, which the
// analyst declines for that reason, never for an unknown word.
var futureWords = []string{
	"will be", "is going to",
	"will", "forecast", "forecasts", "forecasted", "predict", "predicted", "prediction",
	"predictions", "projected", "projection", "projections", "expect", "expected", "expecting",
	"going to", "next", "upcoming", "future", "project", "projects", "estimate", "anticipate", "anticipated",
	"outlook", "gonna", "likely", "likelihood", "at risk", "soon", "probability", "chances", "chance of",
	"run rate", "run-rate", "on track to", "on pace to",
}

// distinctWords ask for a count of different things ("how many different
// customers"): the count of a dimension already is one, so they are accounted
// for there and nowhere else.
var distinctWords = []string{"different", "distinct", "unique", "individual", "separate"}

// rewrites turn a phrase into the words the grammar reads, for phrases that
// mean two things at once: "best seller" is the top product.
var rewrites = map[string]string{
	"per head": "per customer",
	// a ratio per customer said of another word for them: the model's revenue
	// per customer, not revenue by customer
	"per account": "per customer", "per client": "per customer", "per buyer": "per customer", "per shopper": "per customer",
	"per paying customer": "per customer",
	// what the discounts cost, said as revenue lost: the discount
	"money did we lose to discounts": "discount did we give", "revenue did we lose to discounts": "discount did we give", "revenue did we lose to discounting": "discount did we give",
	"revenue was lost to discounts": "discount was given", "revenue lost to discounts": "discount given",
	"did we lose to discounts": "discount did we give", "lose to discounts": "discount given",
	// what orders were worth: their revenue ("the value of returned orders"
	// was their count)
	"value of returned orders": "revenue of returned orders", "value of the returned orders": "revenue of the returned orders",
	"value of the orders": "revenue of the orders", "value of returns": "revenue of returns",
	"value of discounted orders": "revenue of discounted orders",
	// volume said as a mass noun
	"how much product": "how many units", "how much merchandise": "how many units",
	// units per order: a ratio the model does not define, declined saying so
	"units per order": "units sold divided by orders", "items per order": "units sold divided by orders",
	"number of units per order": "units sold divided by orders", "number of items per order": "units sold divided by orders",
	"units per customer": "units sold divided by customers", "items per customer": "units sold divided by customers",
	"return count": "returned orders", "return counts": "returned orders", "number of returns": "returned orders",
	// the latest whole period is the last one: "the latest month" is no ranking
	"latest month":                 "last month",
	"most recent month":            "last month",
	"last full month":              "last month",
	"last complete month":          "last month",
	"last whole month":             "last month",
	"latest full month":            "last month",
	"latest complete month":        "last month",
	"most recent full month":       "last month",
	"most recent complete month":   "last month",
	"latest quarter":               "last quarter",
	"most recent quarter":          "last quarter",
	"last full quarter":            "last quarter",
	"last complete quarter":        "last quarter",
	"last whole quarter":           "last quarter",
	"latest full quarter":          "last quarter",
	"latest complete quarter":      "last quarter",
	"most recent full quarter":     "last quarter",
	"most recent complete quarter": "last quarter",
	"latest year":                  "last year",
	"most recent year":             "last year",
	"last full year":               "last year",
	"last complete year":           "last year",
	"last whole year":              "last year",
	"latest full year":             "last year",
	"latest complete year":         "last year",
	"most recent full year":        "last year",
	"most recent complete year":    "last year",
	"latest week":                  "last week",
	"most recent week":             "last week",
	"last full week":               "last week",
	"last complete week":           "last week",
	"last whole week":              "last week",
	"latest full week":             "last week",
	"latest complete week":         "last week",
	"most recent full week":        "last week",
	"most recent complete week":    "last week",
	// "the past 12 months by month": the period's unit, then its grain (not
	// "month by month", which would take the unit's word)
	"months by month":     "months split by month",
	"weeks by week":       "weeks split by week",
	"quarters by quarter": "quarters split by quarter",
	"years by year":       "years split by year",
	"days by day":         "days split by day",
	// "number of sales" is the orders' count: before a rep it counts reps
	"number of sales reps":            "number of reps",
	"number of sales representatives": "number of reps",
	"number of sales people":          "number of reps",
	"best seller":                     "top product",
	"best sellers":                    "top products",
	"bestseller":                      "top product",
	"bestsellers":                     "top products",
	"best selling":                    "top",
	"return rate":                     "share of orders returned",
	"returns rate":                    "share of orders returned",
	"top seller":                      "top product",
	"top sellers":                     "top products",
	"worst seller":                    "bottom product",
	"worst sellers":                   "bottom products",
	"most bought":                     "top",
	"average orders":                  "average number of orders",
	"avg orders":                      "average number of orders",
	"mean orders":                     "average number of orders",
	"year before last":                "2 years ago",
	"lifetime revenue":                "revenue", // all dates: the revenue of a customer's every order
	"lifetime sales":                  "sales",
	"lifetime spend":                  "spend",
	"how many times":                  "how many orders", // "how many times did customers order"
	"least often":                     "fewest orders",
	"least frequently":                "fewest orders",
	"most often":                      "most orders",
	"most frequently":                 "most orders",
	"how often":                       "how many orders",
	// "customers by region, counting each customer once per region": distinct per group
	"counting each customer once":      "distinct customers",
	"counting each customer only once": "distinct customers",
	"each customer counted once":       "distinct customers",
	"each customer only counted once":  "distinct customers",
	"once per":                         "per",
	"once in each":                     "in each",
	"once for each":                    "for each",
	// "how often did orders get returned": the share of the orders that were
	"how often did orders":       "what share of orders did",
	"how often were orders":      "what share of orders were",
	"how often do orders":        "what share of orders do",
	"how often are orders":       "what share of orders are",
	"how many things":            "how many units",
	"how much stuff":             "how many units",
	"how many goods":             "how many units",
	"how much was discounted":    "how much discount",
	"how much did we discount":   "how much discount",
	"how much we discounted":     "how much discount",
	"dollar volume":              "revenue",
	"year on year":               "year over year",
	"month on month":             "month over month",
	"quarter on quarter":         "quarter over quarter",
	"at least one order":         "",
	"at least one orders":        "",
	"at least 1 order":           "",
	"at least one purchase":      "",
	"at least once":              "",
	"one or more orders":         "",
	"1 or more orders":           "",
	"topped the sales charts":    "top sales",
	"topped the charts":          "top",
	"top of the charts":          "top",
	"top of the table":           "top",
	"top of the leaderboard":     "top",
	"bottom of the table":        "bottom",
	"bottom of the leaderboard":  "bottom",
	"final quarter of":           "fourth quarter of",
	"final month of":             "december of",
	"back half of":               "second half of",
	"front half of":              "first half of",
	"first 3 months of":          "first quarter of",
	"first three months of":      "first quarter of",
	"last 3 months of":           "fourth quarter of",
	"last three months of":       "fourth quarter of",
	"final 3 months of":          "fourth quarter of",
	"final three months of":      "fourth quarter of",
	"first 2 quarters of":        "first half of",
	"first two quarters of":      "first half of",
	"last 2 quarters of":         "second half of",
	"last two quarters of":       "second half of",
	"calendar year":              "year",
	"broken out by":              "by",
	"broken down by":             "by",
	"1st quarter":                "first quarter",
	"2nd quarter":                "second quarter",
	"3rd quarter":                "third quarter",
	"4th quarter":                "fourth quarter",
	"spend per customer":         "revenue per customer",
	"spend per client":           "revenue per customer",
	"spend per buyer":            "revenue per customer",
	"spend per account":          "revenue per customer",
	"spending per customer":      "revenue per customer",
	"spending per client":        "revenue per customer",
	"spending per buyer":         "revenue per customer",
	"spending per account":       "revenue per customer",
	"money per customer":         "revenue per customer",
	"money per client":           "revenue per customer",
	"money per buyer":            "revenue per customer",
	"money per account":          "revenue per customer",
	"takings per customer":       "revenue per customer",
	"takings per client":         "revenue per customer",
	"takings per buyer":          "revenue per customer",
	"takings per account":        "revenue per customer",
	"sales per customer":         "revenue per customer",
	"sales per client":           "revenue per customer",
	"sales per buyer":            "revenue per customer",
	"sales per account":          "revenue per customer",
	"income per customer":        "revenue per customer",
	"income per client":          "revenue per customer",
	"income per buyer":           "revenue per customer",
	"income per account":         "revenue per customer",
	"grand total":                "total",
	"grand totals":               "total",
	"half dozen":                 "6",
	"half a dozen":               "6",
	"company wide":               "company",
	"business wide":              "company",
	"org wide":                   "company",
	"organization wide":          "company",
	"dollar volume of orders":    "revenue",
	"dollar value of orders":     "revenue",
	"value of orders":            "revenue",
	"value of all orders":        "revenue",
	"value of our orders":        "revenue",
	"total value of orders":      "revenue",
	"worth of orders":            "revenue",
	"sales volume in dollars":    "revenue",
	"spend per order":            "average order value",
	"value of goods sold":        "revenue",
	"value of items sold":        "revenue",
	"value of products sold":     "revenue",
	"value of units sold":        "revenue",
	"value of what we sold":      "revenue",
	"value of everything sold":   "revenue",
	"what did we make":           "what revenue",
	"how much did we make":       "how much revenue",
	"how much have we made":      "how much revenue",
	"what have we made":          "what revenue",
	"how much we made":           "how much revenue",
	"what we made":               "what revenue",
	"how much did we take in":    "how much revenue",
	"how much did we haul in":    "how much revenue",
	"went out the door":          "sold",
	"how much of our revenue":    "what share of revenue",
	"how much of the revenue":    "what share of revenue",
	"how much of revenue":        "what share of revenue",
	"how much of total revenue":  "what share of revenue",
	"how much of our sales":      "what share of sales",
	"how much of total sales":    "what share of sales",
	"how much of the sales":      "what share of sales",
	"biggest single order":       "top order id by revenue",
	"largest single order":       "top order id by revenue",
	"biggest order":              "top order id by revenue",
	"largest order":              "top order id by revenue",
	"most expensive order":       "top order id by revenue",
	"top order":                  "top order id by revenue",
	"smallest single order":      "bottom order id by revenue",
	"smallest order":             "bottom order id by revenue",
	"cheapest order":             "bottom order id by revenue",
	"which order":                "which order id",
	"which single order":         "which order id",
	"before and after discounts": "gross and net",
	"before and after discount":  "gross and net",
	"i e":                        "", // "i.e."
	"account for":                "",
	"accounts for":               "",
	"accounted for":              "",
	"add up to":                  "revenue",
	"added up to":                "revenue",
	"adds up to":                 "revenue",
	"at or over":                 "at least",
	"dollars plus":               "dollars or more",
	"bucks plus":                 "dollars or more",
	"grow or shrink":             "change",
	"grew or shrank":             "change",
	"grow or decline":            "change",
	"order the most":             "most orders",
	"ordered the most":           "most orders",
	"order the least":            "fewest orders",
	"ordered the least":          "fewest orders",
	"order the fewest":           "fewest orders",
	"ordered the fewest":         "fewest orders",
	"order average":              "average number of orders",
	"order rate":                 "average number of orders",
	"were not new":               "returning customers",
	"are not new":                "returning customers",
	"was not new":                "returning customers",
	"not new customers":          "returning customers",
	"different items":            "different products",
	"distinct items":             "distinct products",
	"unique items":               "unique products",
	"no discount was applied":    "no discount",
	"no discount applied":        "no discount",
	"came back and ordered":      "ordered",
	"came back and bought":       "bought",
	"came back and purchased":    "purchased",
	"high value":                 "large",
	"low value":                  "small",
	"highest earning":            "top revenue",
	"top earning":                "top revenue",
	"best earning":               "top revenue",
	"biggest earning":            "top revenue",
	"lowest earning":             "bottom revenue",
	"least earning":              "bottom revenue",
	"worst earning":              "bottom revenue",
	"most lucrative":             "top revenue",
	"least lucrative":            "bottom revenue",
	"least valuable":             "bottom revenue",
	"highest volume":             "top",
	"lowest volume":              "bottom",
	"discounted most":            "most discount",
	"discounted the most":        "the most discount",
	"discounted least":           "least discount",
	"discounted the least":       "the least discount",
	"most discounted orders":     "most discounted orders", // the count of them, not the discount
	"fewest discounted orders":   "fewest discounted orders",
	"least discounted orders":    "fewest discounted orders",
	"most discounted":            "most discount",
	"most heavily discounted":    "most discount",
	"least discounted":           "least discount",
	"placed orders":              "ordered", // "how many customers placed orders": the customers
	"placed any orders":          "ordered",
	"made purchases":             "bought",
	"made a purchase":            "bought",
	"out the door":               "sold",
	"opening quarter":            "first quarter",
	"opening month of":           "january of",
	"closing quarter":            "fourth quarter",
	"closing month of":           "december of",
	"fortnight":                  "2 weeks",
	"first six months":           "first half",
	"last six months":            "second half",
	"trailing":                   "past",
	"rolling":                    "past",
	"average order count":        "average number of orders",
	"avg order count":            "average number of orders",
	"big ticket":                 "large",
	"health care":                "healthcare",
	"trio of":                    "3",
	"top trio":                   "top 3",
	"revenue per order":          "average order value",
	"sales per order":            "average order value",
	"value per order":            "average order value",
	"order worth":                "order value",
	"an order worth":             "average order value", // "what was an order worth, on average"
	"a typical order worth":      "average order value",
	"an average order worth":     "average order value",
	"the average order worth":    "average order value",
	"the typical order worth":    "average order value",
	"basket value":               "order value",
	"mean basket":                "average order",
	"last quarter of":            "fourth quarter of", // "the last quarter of 2025"
	"last month of":              "december of",
	"last half of":               "second half of",
	"fastest selling":            "top",
	"how big is":                 "what is", // "how big is the combined quota": how much
	"how big was":                "what was",
	"how large is":               "what is",
	"how large was":              "what was",
	"how high is":                "what is",
	"how high was":               "what was",
	"slowest selling":            "bottom",
}

// abbreviations are the short forms people type for the grammar's words:
// read as the words ("revenue last yr", "rev by qtr", "orders w/o a discount").
var abbreviations = map[string]string{
	"yr": "year", "yrs": "years", "qtr": "quarter", "qtrs": "quarters", "mth": "month", "mths": "months",
	"mnth": "month", "mnths": "months", "wk": "week", "wks": "weeks", "rev": "revenue", "revs": "revenue",
	"amt": "amount", "cust": "customer", "custs": "customers", "prod": "product", "prods": "products",
	"num": "number", "tot": "total", "dept": "department", "depts": "departments", "yoy": "year over year",
	"mom": "month over month", "qoq": "quarter over quarter", "w o": "without", "b w": "between", "cnt": "count",
	"qty": "quantity", "rep s": "reps", "nbr": "number", "no of": "number of", "approx": "about",
	"excl": "excluding", "incl": "including",
}

// rewriteWords is the most words a phrase of rewrites has.
const rewriteWords = 6

// rewriteFirst maps the first word of each phrase of rewrites to the most
// words such a phrase has: a word that starts none is passed at once.
var rewriteFirst = sync.OnceValue(func() map[string]int {
	out := map[string]int{}
	for p := range rewrites {
		ws := strings.Fields(p)
		out[ws[0]] = max(out[ws[0]], len(ws))
	}
	return out
})

// init adds the rewrites said of every grain: "the week before this one" is
// last week, "the month before last" two months ago.
func init() {
	for short, long := range abbreviations {
		if _, ok := rewrites[short]; !ok {
			rewrites[short] = long
		}
	}
	for _, g := range []string{"day", "week", "month", "quarter", "year"} {
		for _, p := range []string{"before this one", "before this", "before the current one", "before the current",
			"prior to this one", "prior to this", "preceding this one", "preceding this", "just gone", "just ended",
			"that just ended", "we just finished", "just finished", "just past"} {
			rewrites[g+" "+p] = "last " + g
		}
		rewrites[g+" before last"] = "2 " + g + "s ago"
		rewrites[g+" prior to last"] = "2 " + g + "s ago"
	}
}

func init() {
	// "how much did a customer spend per order": the average order, not one
	// row per customer
	for _, who := range []string{"customers", "clients", "buyers", "shoppers", "people", "a customer", "a client", "a buyer",
		"a shopper", "the average customer", "the typical customer", "an average customer", "a typical customer"} {
		for _, verb := range []string{"spend", "spent", "spends", "pay", "paid", "pays"} {
			rewrites[who+" "+verb+" per order"] = "average order value"
			rewrites[who+" "+verb+" on each order"] = "average order value"
			rewrites[who+" "+verb+" per purchase"] = "average order value"
			rewrites[who+" "+verb+" on average per order"] = "average order value"
		}
	}
	// "how much did we bring in per order": the average order, said of what
	// we took
	for _, verb := range []string{"bring in", "make", "earn", "take in", "take", "get", "generate", "collect", "bill", "sell"} {
		rewrites["we "+verb+" per order"] = "average order value"
		rewrites["we "+verb+" on each order"] = "average order value"
		rewrites["we "+verb+" on average per order"] = "average order value"
	}
}

func init() {
	// "new vs returning customers": each kind of customer named in full, so
	// both are counted
	for _, n := range []string{"new", "first time"} {
		for _, o := range []string{"returning", "repeat", "existing"} {
			for _, j := range []string{"and", "vs", "versus", "or", "against", "compared to", "compared with"} {
				for _, who := range []string{"customers", "clients", "buyers", "accounts", "customer", "shoppers"} {
					rewrites[n+" "+j+" "+o+" "+who] = n + " " + who + " " + j + " " + o + " " + who
					rewrites[o+" "+j+" "+n+" "+who] = o + " " + who + " " + j + " " + n + " " + who
				}
			}
		}
	}
	// "how many customers were new", "what share of customers were
	// returning": the kind said of customers
	for _, be := range []string{"were", "are", "was", "is"} {
		for _, k := range []string{"new", "first time", "returning", "repeat", "existing", "brand new"} {
			rewrites[be+" "+k] = be + " " + k + " customers"
		}
	}
}

// whoSells and whoBuys say who "who" is when nothing else does: who sells is
// a sales rep, who buys a customer ("who sold the most in 2025", "who spent
// the most").
var (
	whoSells = toSet("sells", "sold", "sell", "selling", "closed", "closes", "close")
	whoBuys  = toSet("bought", "buys", "buy", "buying", "spent", "spends", "spend", "spending", "ordered",
		"orders", "purchased", "purchases", "paid", "pays")
)

// whoIs returns the dimension "who" names in ws by its verb: the rep's name
// for selling, the customer's for buying; "" when there is no "who" or no
// such verb within three words of it.
func whoIs(ws []word) string {
	for i, w := range ws {
		if w.text != "who" {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+3; j++ {
			switch {
			case whoSells[ws[j].text]:
				return "rep_name"
			case whoBuys[ws[j].text]:
				return "customer_name"
			}
		}
	}
	return ""
}

// usStates maps each US state's name (and the District of Columbia) to its
// two-letter code, so "California" finds the state stored as CA.
var usStates = map[string]string{
	"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
	"colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
	"hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
	"kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
	"michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
	"nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
	"new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
	"ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI",
	"south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT",
	"vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
	"wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC", "washington dc": "DC",
}

// stateAbbreviations are the states' usual abbreviations longer than their
// codes (the newspapers' "Calif.", "Fla."), each no English word, so "revenue
// in Calif" is California's.
var stateAbbreviations = map[string]string{
	"ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cali": "CA", "colo": "CO", "conn": "CT",
	"fla": "FL", "kans": "KS", "mass": "MA", "mich": "MI", "minn": "MN", "mont": "MT", "nebr": "NE",
	"nev": "NV", "okla": "OK", "penn": "PA", "penna": "PA", "tenn": "TN", "tex": "TX", "wisc": "WI", "wyo": "WY",
}

// compass are the first words of state names also written as one letter.
var compass = toSet("north", "south", "west", "new")

// everyday adds the everyday words whose meaning the model holds: revenue words
// when it has a revenue metric, state names for the state codes it knows,
// superlatives, forecast words and distinct-count words.
func (l *lexicon) everyday() {
	if ms, ok := l.phrases["total revenue"]; ok {
		for _, w := range revenueWords {
			l.add(w, ms[0], false)
		}
	}
	for metric, words := range metricWords {
		if ms, ok := l.phrases[spoken(metric)]; ok && ms[0].kind == kMetric {
			for _, w := range words {
				l.add(w, ms[0], false)
			}
		}
	}
	for dim, words := range dimWords {
		if ms, ok := l.phrases[spoken(dim)]; ok {
			for _, m := range ms {
				if m.kind == kDim && m.name == dim {
					for _, w := range words {
						l.add(w, m, !strings.Contains(w, " ")) // "clinets" is clients
					}
				}
			}
		}
	}
	for dim, words := range flagWords {
		for _, m := range l.phrases[spoken(dim)] {
			if m.kind == kDim && m.name == dim {
				for _, w := range words {
					l.add(w, m, false)
				}
			}
		}
	}
	for dim, words := range notFlagWords {
		for _, m := range l.phrases[spoken(dim)] {
			if m.kind == kDim && m.name == dim {
				m.neg = true
				for _, w := range words {
					l.add(w, m, false)
				}
			}
		}
	}
	for dim, byValue := range valueWords {
		for value, words := range byValue {
			for _, m := range l.phrases[strings.ToLower(value)] {
				if m.kind == kValue && m.name == dim && m.value == value {
					v := m
					v.upper = false
					for _, w := range words {
						l.add(w, v, false)
					}
				}
			}
		}
	}
	for name, code := range usStates {
		for _, m := range l.phrases[strings.ToLower(code)] {
			if m.kind == kValue && m.value == code {
				v := m
				v.upper = false
				l.add(name, v, !strings.Contains(name, " "))
				if first, rest, ok := strings.Cut(name, " "); ok && compass[first] {
					l.add(first[:1]+" "+rest, v, false) // N. Carolina, W Virginia
				}
			}
		}
	}
	for abbr, code := range stateAbbreviations {
		for _, m := range l.phrases[strings.ToLower(code)] {
			if m.kind == kValue && m.value == code {
				v := m
				v.upper = false
				l.add(abbr, v, false)
			}
		}
	}
	kw := func(name string, phrases []string) {
		for _, p := range phrases {
			l.add(p, meaning{kind: kKeyword, name: name}, false)
		}
	}
	kw(kwTop, topWords)
	kw(kwBottom, bottomWords)
	kw(kwDistinct, distinctWords)
	for _, w := range futureWords {
		l.add(w, meaning{kind: kFuture, name: w}, false)
	}
}

// rewrite replaces the phrases of [rewrites] in ws, keeping what was written
// of the first word so an answer can quote it.
func rewrite(ws []word) []word {
	out := ws[:0:0]
	first := rewriteFirst()
	for i := 0; i < len(ws); {
		n, to := 0, ""
		for k := min(rewriteWords, first[ws[i].text]); k >= 1 && n == 0; k-- {
			if i+k > len(ws) {
				continue
			}
			parts := make([]string, k)
			for j := range k {
				parts[j] = ws[i+j].text
			}
			if r, ok := rewrites[strings.Join(parts, " ")]; ok {
				n, to = k, r
			}
		}
		if n == 0 {
			out = append(out, ws[i])
			i++
			continue
		}
		orig := joinOrig(ws[i : i+n])
		kept := true // the words a rewrite starts with unchanged keep their own ("products" of "products sold the most")
		for j, t := range strings.Fields(to) {
			kept = kept && j < n-1 && ws[i+j].text == t
			if kept {
				out = append(out, ws[i+j])
				continue
			}
			out = append(out, word{text: t, sing: singular(t), orig: orig})
		}
		i += n
	}
	return out
}
