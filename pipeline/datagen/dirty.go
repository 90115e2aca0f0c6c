package datagen

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Rule names one data-quality rule, and so one kind of defect the generator can
// inject. It is the staging layer's rule type: the generator breaks the rules that
// STAGING checks (package warehouse defines them).
type Rule = warehouse.Rule

// The rules the generator can break. Each dirty order breaks exactly one.
const (
	RuleNone            = warehouse.RuleNone
	RuleMissingCustomer = warehouse.RuleMissingCustomer
	RuleUnknownProduct  = warehouse.RuleUnknownProduct
	RuleBadQuantity     = warehouse.RuleBadQuantity
	RuleFutureDate      = warehouse.RuleFutureDate
	RuleDuplicateID     = warehouse.RuleDuplicateID
)

// Rules lists the rules the generator injects, in a fixed order.
func Rules() []Rule {
	return []Rule{RuleMissingCustomer, RuleUnknownProduct, RuleBadQuantity, RuleFutureDate, RuleDuplicateID}
}

// vocFutureDateFrom is the first date a future-dated defect may carry: far enough
// ahead that "after today" holds for any real clock this century.
var vocFutureDateFrom = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)

// Injection is one injected defect.
type Injection struct {
	Index   int64 // row index in RAW.ORDERS load order
	OrderID int64 // the ORDER_ID the row carries
	Rule    Rule
	Reason  string
}

// Injected records exactly what the generator injected.
type Injected struct {
	Counts map[Rule]int64
	Rows   []Injection
}

// Total returns the number of dirty rows.
func (in Injected) Total() int64 {
	var n int64
	for _, c := range in.Counts {
		n += c
	}
	return n
}

// Injected walks every order and reports each defect it carries.
func (g *Generator) Injected() Injected {
	in := Injected{Counts: make(map[Rule]int64)}
	for _, r := range Rules() {
		in.Counts[r] = 0
	}
	if g.cfg.DirtyFraction == 0 {
		return in
	}
	for i := int64(0); i < g.orders; i++ {
		rule, d := g.defect(i)
		if rule == RuleNone {
			continue
		}
		o := g.Order(i)
		in.Counts[rule]++
		in.Rows = append(in.Rows, Injection{Index: i, OrderID: o.ID, Rule: rule, Reason: reason(rule, o, g, i, d)})
	}
	return in
}

// threshold is the dirty fraction as a count out of 1<<32.
func (g *Generator) threshold() uint64 {
	return uint64(g.cfg.DirtyFraction * (1 << 32))
}

// defect says which rule order i breaks, if any, and returns the random bits that
// shape the defect.
func (g *Generator) defect(i int64) (Rule, uint64) {
	if g.cfg.DirtyFraction == 0 {
		return RuleNone, 0
	}
	r := newStream(g.cfg.Seed, saltDirty, i)
	d := r.next()
	if d&0xffffffff >= g.threshold() {
		return RuleNone, 0
	}
	rules := Rules()
	rule := rules[(d>>32)%uint64(len(rules))]
	if rule == RuleDuplicateID && g.duplicateOf(i, d) < 0 {
		rule = RuleMissingCustomer // nothing clean before the first rows to copy
	}
	return rule, d
}

// duplicateOf returns the clean order a duplicate at i copies, or -1.
func (g *Generator) duplicateOf(i int64, d uint64) int64 {
	j := i - 1 - int64((d>>40)%1000)
	if j < 0 {
		j = i - 1
	}
	for ; j >= 0; j-- {
		if rule, _ := g.defectNoDup(j); rule == RuleNone {
			return j
		}
	}
	return -1
}

// defectNoDup is defect without the duplicate fallback, to avoid recursion.
func (g *Generator) defectNoDup(i int64) (Rule, uint64) {
	r := newStream(g.cfg.Seed, saltDirty, i)
	d := r.next()
	if d&0xffffffff >= g.threshold() {
		return RuleNone, 0
	}
	return Rule("dirty"), d
}

func applyDefect(o *Order, rule Rule, d uint64, g *Generator) {
	o.Defect = rule
	switch rule {
	case RuleMissingCustomer:
		o.CustomerID, o.HasCustomer = 0, false
	case RuleUnknownProduct:
		o.ProductID = NumProducts + 1 + int64((d>>40)%1000)
	case RuleBadQuantity:
		o.Quantity = -int64((d >> 40) % 3) // 0, -1 or -2
	case RuleFutureDate:
		o.OrderDate = vocFutureDateFrom.AddDate(0, 0, int((d>>40)%365)) // loaded when it arrived, as any row
	}
}

func reason(rule Rule, o Order, g *Generator, i int64, d uint64) string {
	switch rule {
	case RuleMissingCustomer:
		return "CUSTOMER_ID is NULL"
	case RuleUnknownProduct:
		return fmt.Sprintf("PRODUCT_ID %d is not in PRODUCTS", o.ProductID)
	case RuleBadQuantity:
		return fmt.Sprintf("QUANTITY %d is not positive", o.Quantity)
	case RuleFutureDate:
		return "ORDER_DATE " + o.OrderDate.Format(time.DateOnly) + " is in the future"
	case RuleDuplicateID:
		return fmt.Sprintf("ORDER_ID %d repeats row %d", o.ID, g.duplicateOf(i, d))
	}
	return ""
}
