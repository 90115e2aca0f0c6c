// Package offline is an analyst that answers questions about sales from the
// semantic model alone, with no network and no language model. It implements
// [analyst.Analyst], like the Cortex Analyst client, so programs use either.
//
//	a, err := offline.New(ctx, semantic.SalesModel(), db, offline.Options{Dialect: dialect.DuckDB, Now: clock})
//	s := &analyst.Session{Analyst: a}
//	ans, err := s.Ask(ctx, "What was total revenue last month?")
//	fmt.Println(ans.Text)            // the sentence, with the exact figures
//	fmt.Println(ans.SQL, ans.Args)   // what ran: compiled SQL, bound values
//	ans, err = s.Ask(ctx, "and in 2024?") // a follow-up edits the last question
//
// # How a question is resolved
//
// A question never becomes SQL text: it becomes a typed [query.Request], which
// package query compiles (identifiers from the model, values bound), the
// read-only guard checks, and the engine runs with exact decimals.
//
//  1. Verified queries. Each verified query's SQL is read once into a request; a
//     question whose canonical reading — words mapped to the model's names,
//     case, punctuation, word order, stop words and plurals ignored, misspellings
//     corrected — equals a verified question's gets that request.
//  2. The grammar, over the model's metrics, dimensions, synonyms, sample values
//     and named filters, plus the product, rep, customer and state names read
//     from the warehouse by [LoadValues]: a measure overall or by one or two
//     dimensions, top or bottom N, time phrases (last month, Q3 2024, since
//     March 2025, between two dates, by month, trend), value filters,
//     comparisons of two periods, and follow-ups that edit the previous
//     question.
//
// The grammar reads question classes, not phrasings: measures in everyday
// words ("takings", "spent", "buyers", "before discounts" for gross), number
// words, superlatives and their opposites, ranks within groups ("for every
// region, which rep …"), comparisons of periods and of values ("East vs
// West", "did the West sell more than the East" — one row each, never a sum),
// shares of the whole by group and shares of a part ("what percentage of 2025
// orders were placed online", through query.PartShare: the Resolution's
// Part), ratios the model defines ("the average customer's spend", "revenue
// divided by customers"), averages per period, thresholds on an order's
// amount ("over $1k", "$10,000+", "between $100 and $500"), distinct counts,
// negation ("non-online orders", "everyone except consumers"), full state
// names, names in part when only one person has that part ("Maldonado",
// "Natalie", "Khan, Natalie", "product 239"), who sells (a rep) and who buys
// (a customer), quota attainment with the revenue and quota it divides, the
// reps kept or counted by it ("which reps hit their quota", "how many reps
// missed their quota": query.Compiler.CompileKept and CompileCountGroups,
// the Resolution's Keep and CountAs), new customers however named ("first-time
// buyers", "customers we won"), amounts as people write them ("$1,000-$2,000",
// never a year), a period that has not happened yet declined as a forecast,
// and relative dates ("the year before", "until now", "Mar-Jun 2025",
// "trailing 90 days", "the first six months of 2025"), dates as people write
// them ("4/15/2025", "2/1 through 4/15/2025", "the fifteenth of April",
// "March, April and May combined", "the week before this one"), negation
// after its value and of a period ("the West excluded", "orders that
// weren't returned", "orders with no discount", "2025 excluding December"),
// new and returning customers and the share of customers that were new (a
// [Division] of the two counts, computed exactly after the query), returning
// customers over more than one month by one rule however asked — the
// period's customers who had first ordered before it, so new + returning =
// the period's customers (beside the new ones, a [Difference] computed after
// the query) — thresholds on each group's or period's own total ("which
// months had revenue over $2M", "states with more than 100 customers",
// "reps below 80% of quota"), and counts of groups per a further group
// ("number of reps by region": query.Compiler.CompileCountGroupsBy, the
// Resolution's CountBy), a year after "than" as a period ("revenue in Texas
// more than in 2024": this year against 2024, never orders over $2,024), a
// range whose start names the year ("from the start of 2025 to the end of
// June"), the week of a day (Monday to Sunday; "starting" the seven days
// from it), halves compared ("H1 vs H2 2025": one change), "the same
// quarter last year" (the quarter a year before today's, said in the
// answer; beside another period, or "the same period" with none, declined),
// a total of "all" of a group ("total annual quota of all reps": one
// figure), customers gained or won as new customers, and a measure of the
// product catalogue ("average unit cost of our products") over the whole
// catalogue, declined by a group or period the catalogue does not have.
// When this year has no orders yet, a comparison with it says in its
// reading which year stands for it, and keeps a year named beside it. A
// threshold that keeps nothing says which groups ("no months match"). A
// word that only counts
// in a context ("bigger", "more", "hit") is read with it, and not understood
// without it. A question read, it begins its answer with the reading (the
// measures, groups, filters and period in words).
//
// A misspelt word is corrected only when exactly one of the model's words is
// within one edit (two for words of eight letters or more); names of people and
// products are never corrected. A value that names two dimensions (a rep and a
// customer called the same) is read as the dimension with fewer values, and the
// answer says so.
//
// # Declines
//
// A question with a word the analyst does not know, a subject outside the model
// (profit, cost, margin, suppliers, a target other than the reps' quota …), a
// forecast, a request to change data or a question with no word of the sales
// data at all is declined, with its [DeclineKind]: the answer says plainly
// what was not understood and suggests questions built from the model. A
// reading the query compiler refuses is declined with the reading, never an
// error. Questions are bounded ([MaxQuestionBytes],
// [MaxWords]).
//
// # Suggestions
//
// Every answer suggests what to ask next — a breakdown by another dimension,
// the next period, a shorter list or a trend — and each suggestion is a whole
// question that says all it keeps of the one answered: after "revenue by
// region in 2025" it is "Total revenue by region and segment in 2025", not
// "break that down by segment". Asked on its own (a link on the web
// dashboard's analyst page, a one-question run of examples/analyst) or in the
// conversation, it gets the same answer. Each is read back by the resolver
// before it is offered, so none means something else when asked.
//
// # Streaming
//
// The analyst is an [analyst.Streamer]: AskStream emits each stage as it
// happens — a status, the sentence's lead (what the question was read as,
// "Revenue by region in 2025: "), the SQL before it runs, the result table once
// it has run, the rest of the sentence with the figures, the suggestions — and
// returns the answer Ask gives. An error from emit stops it before the next
// stage; the query runs under the caller's context.
//
// [Resolver] is the resolution alone, for tests and benchmarks; it runs nothing.
package offline
