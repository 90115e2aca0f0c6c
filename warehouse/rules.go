package warehouse

// Rule names one data-quality rule that STG_ORDERS checks. A row that breaks one
// is kept in STAGING with IS_VALID false and the rule as its INVALID_REASON, and
// is left out of the marts.
type Rule string

// The data-quality rules of STG_ORDERS.
const (
	RuleNone            Rule = ""
	RuleMissingCustomer Rule = "missing_customer" // CUSTOMER_ID is NULL
	RuleUnknownCustomer Rule = "unknown_customer" // CUSTOMER_ID not in CUSTOMERS
	RuleUnknownProduct  Rule = "unknown_product"  // PRODUCT_ID not in PRODUCTS
	RuleUnknownRep      Rule = "unknown_rep"      // REP_ID not in SALES_REPS
	RuleBadQuantity     Rule = "bad_quantity"     // QUANTITY <= 0
	RuleFutureDate      Rule = "future_date"      // ORDER_DATE after the as-of date of tblSettings
	RuleDuplicateID     Rule = "duplicate_id"     // ORDER_ID loaded before (earlier, or at the same instant and sorting first)
)

// OrderRules lists every rule STG_ORDERS checks, in the order it checks them: a
// row is reported under the first rule it breaks.
func OrderRules() []Rule {
	return []Rule{
		RuleMissingCustomer, RuleUnknownCustomer, RuleUnknownProduct, RuleUnknownRep,
		RuleBadQuantity, RuleFutureDate, RuleDuplicateID,
	}
}

// Valid reports whether r is one of [OrderRules].
func (r Rule) Valid() bool {
	for _, x := range OrderRules() {
		if r == x {
			return true
		}
	}
	return false
}
