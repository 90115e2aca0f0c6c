package warehouse

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// StagingView is one STAGING view as the set-up builds it.
type StagingView struct {
	// Table is the view's name and columns.
	Table Table
	// Fingerprint identifies the view's definition in one dialect under one set
	// of names. The set-up records it in the view's COMMENT and re-creates the
	// view only when it changed.
	Fingerprint string
	// SQL creates or replaces the view, then records Fingerprint in its COMMENT
	// ([FingerprintComment]) with COMMENT ON VIEW, which both engines take. A
	// view whose comment is missing (the second statement failed, or an older
	// version made it) counts as changed, so running them apart is safe.
	SQL []string
}

// StagingBuild returns the STAGING views in build order, each with its
// definition's fingerprint and the statements that build it.
func StagingBuild(d dialect.Dialect, n Names) []StagingView {
	b := sqlb{D: d, N: n}
	views := StagingViews()
	out := make([]StagingView, len(views))
	for i, v := range views {
		def := "CREATE OR REPLACE VIEW " + b.Ref(v) + " AS\n" + b.stagingSelect(v)
		fp := fingerprint(def)
		out[i] = StagingView{Table: v, Fingerprint: fp, SQL: []string{
			def, "COMMENT ON VIEW " + b.Ref(v) + " IS '" + FingerprintComment(fp) + "'",
		}}
	}
	return out
}

// StagingSQL returns every statement of [StagingBuild], in order: the whole
// STAGING layer from nothing.
func StagingSQL(d dialect.Dialect, n Names) []string {
	var out []string
	for _, v := range StagingBuild(d, n) {
		out = append(out, v.SQL...)
	}
	return out
}

func (b sqlb) stagingSelect(v Table) string {
	switch v.Name {
	case tblStgCustomers.Name:
		return b.selectFrom(v, tblRawCustomers, map[string]string{
			"CUSTOMER_NAME": "TRIM(%s)", "EMAIL": "LOWER(TRIM(%s))", "SEGMENT": "TRIM(%s)",
			"INDUSTRY": "TRIM(%s)", "CITY": "TRIM(%s)", "STATE": "UPPER(TRIM(%s))",
		})
	case tblStgProducts.Name:
		return b.selectFrom(v, tblRawProducts, map[string]string{
			"PRODUCT_NAME": "TRIM(%s)", "CATEGORY": "UPPER(TRIM(%s))",
		})
	case tblStgSalesReps.Name:
		return b.selectFrom(v, tblRawSalesReps, map[string]string{
			"REP_NAME": "TRIM(%s)", "EMAIL": "LOWER(TRIM(%s))", "REGION": "TRIM(%s)",
		})
	case tblStgOrders.Name:
		return b.stgOrders()
	case tblDataQualitySummary.Name:
		return b.qualitySummary()
	}
	panic("pipeline: no SQL for staging view " + v.Name)
}

// selectFrom selects v's columns from raw table t, each through its format (or as
// is) and cast to its declared type.
func (b sqlb) selectFrom(v, t Table, formats map[string]string) string {
	cols := make([]string, len(v.Columns))
	for i, col := range v.Columns {
		expr := b.C("r", col.Name)
		if f, ok := formats[col.Name]; ok {
			expr = fmt.Sprintf(f, expr)
		}
		cols[i] = "  " + b.As(v, col.Name, expr)
	}
	return "SELECT\n" + strings.Join(cols, ",\n") + "\nFROM " + b.Ref(t) + " r"
}

// netAmount is the one definition of an order's net amount.
func (b sqlb) netAmount(alias string) string {
	return fmt.Sprintf("ROUND(%s * %s * (1 - %s), 2)", b.C(alias, "QUANTITY"), b.C(alias, "UNIT_PRICE"), b.C(alias, "DISCOUNT_PCT"))
}

func (b sqlb) grossAmount(alias string) string {
	return b.C(alias, "QUANTITY") + " * " + b.C(alias, "UNIT_PRICE")
}

// invalidReason is the one definition of an order's validity: the first rule the
// row breaks, or NULL. It reads no clock and runs no subquery, so Snowflake can
// refresh what is built on it incrementally:
//
//   - future_date compares ORDER_DATE with the as-of date of [tblSettings] (alias
//     st), so the same data validates the same way next year;
//   - duplicate_id numbers the rows of each ORDER_ID in load order and flags all
//     but the first. Rows loaded at the same instant are ordered by their content
//     ([duplicateOrder]), so exactly one of them counts, the same one on both
//     engines. A corrected re-delivery (the same ORDER_ID loaded again later with
//     other values) is therefore a duplicate: the first delivery stays in the
//     marts and the correction is reported under duplicate_id.
//
// Without numbered the duplicate_id rule is left out: for rows whose ORDER_ID
// has no other row, where ROW_NUMBER() is 1 and the rule cannot fire.
func (b sqlb) invalidReason(numbered bool) string {
	cond := map[Rule]string{
		RuleMissingCustomer: b.C("o", "CUSTOMER_ID") + " IS NULL",
		RuleUnknownCustomer: b.C("c", "CUSTOMER_ID") + " IS NULL",
		RuleUnknownProduct:  b.C("p", "PRODUCT_ID") + " IS NULL",
		RuleUnknownRep:      b.C("s", "REP_ID") + " IS NULL",
		RuleBadQuantity:     b.C("o", "QUANTITY") + " <= 0",
		RuleFutureDate:      b.C("o", "ORDER_DATE") + " > " + b.C("st", "AS_OF_DATE"),
		RuleDuplicateID: fmt.Sprintf("ROW_NUMBER() OVER (PARTITION BY %s ORDER BY %s) > 1",
			b.C("o", "ORDER_ID"), strings.Join(b.duplicateOrder(), ", ")),
	}
	var w strings.Builder
	w.WriteString("CASE")
	for _, r := range OrderRules() {
		if r == RuleDuplicateID && !numbered {
			continue
		}
		fmt.Fprintf(&w, "\n      WHEN %s THEN '%s'", cond[r], r)
	}
	w.WriteString("\n    END")
	return w.String()
}

// duplicateOrder is the order in which the rows of one ORDER_ID count: by
// LOADED_AT, then by every other RAW column, NULLs last, so that the order is
// total and the same on both engines whatever order the rows are stored in.
func (b sqlb) duplicateOrder() []string {
	out := []string{b.C("o", "LOADED_AT")}
	for _, c := range tblRawOrders.Columns {
		if c.Name == "ORDER_ID" || c.Name == "LOADED_AT" {
			continue
		}
		e := b.C("o", c.Name)
		if c.Nullable {
			e += " NULLS LAST"
		}
		out = append(out, e)
	}
	return out
}

func (b sqlb) stgOrders() string { return b.stgOrdersFrom(b.Ref(tblRawOrders), true) }

// StagedBatchSQL returns a SELECT of the STG_ORDERS rows of every ORDER_ID that
// has a RAW order loaded in (from, to], bound as two arguments: all the rows of
// those ids, whenever they were loaded. It equals STG_ORDERS restricted to those
// ids — every rule but duplicate_id reads only its own row and the dimension
// rows it joins, and duplicate_id numbers the rows of one ORDER_ID, all of which
// the restriction keeps — but it numbers only those ids' rows instead of every
// RAW order, so an incremental refresh costs what its batch costs.
func StagedBatchSQL(d dialect.Dialect, n Names) string { return sqlb{D: d, N: n}.stagedBatch() }

func (b sqlb) stagedBatch() string {
	ro, id, at := b.Ref(tblRawOrders), b.Q("ORDER_ID"), b.Q("LOADED_AT")
	batch := fmt.Sprintf("(SELECT * FROM %s WHERE %s IN (SELECT %s FROM %s WHERE %s > ? AND %s <= ?))", ro, id, id, ro, at, at)
	return b.stgOrdersFrom(batch, true)
}

// StagedSplitSQL returns a SELECT equal to STG_ORDERS, row for row, that numbers
// duplicates only where there can be any; the embedded engine's full build reads
// it. STG_ORDERS numbers the rows of every ORDER_ID (ROW_NUMBER over 10 million
// partitions at scale 100, a sort of every staged row), yet an ORDER_ID with one
// staged row is numbered 1 and never breaks duplicate_id. So the rows split in
// two, by their ORDER_ID:
//
//   - ids with more than one staged row are staged as STG_ORDERS stages them,
//     with the window over just their rows ([StagedBatchSQL]'s argument: the
//     rule numbers the rows of one ORDER_ID, all of which the split keeps). An
//     id has more than one staged row when RAW holds it more than once, or when
//     one of its rows' customer, product or rep key is held more than once by
//     its dimension table, or SETTINGS holds more than one row (the view's
//     joins then repeat the row);
//   - every other row is staged without the duplicate_id rule.
func StagedSplitSQL(d dialect.Dialect, n Names) string { return sqlb{D: d, N: n}.stagedSplit() }

func (b sqlb) stagedSplit() string {
	ro, id := b.Ref(tblRawOrders), b.Q("ORDER_ID")
	repeated := func(t Table, key string) string {
		return fmt.Sprintf("%s IN (SELECT %s FROM %s GROUP BY %s HAVING COUNT(*) > 1)", b.Q(key), b.Q(key), b.Ref(t), b.Q(key))
	}
	const multi = `"__MULTI"`
	with := fmt.Sprintf("WITH %s AS (\n  SELECT %s FROM %s GROUP BY %s HAVING COUNT(*) > 1\n  UNION\n  SELECT %s FROM %s WHERE %s OR %s OR %s OR (SELECT COUNT(*) FROM %s) > 1\n)\n",
		multi, id, ro, id, id, ro,
		repeated(tblRawCustomers, "CUSTOMER_ID"), repeated(tblRawProducts, "PRODUCT_ID"), repeated(tblRawSalesReps, "REP_ID"), b.Ref(tblSettings))
	single := fmt.Sprintf("(SELECT * FROM %s WHERE %s NOT IN (SELECT %s FROM %s))", ro, id, id, multi)
	several := fmt.Sprintf("(SELECT * FROM %s WHERE %s IN (SELECT %s FROM %s))", ro, id, id, multi)
	return "SELECT * FROM (\n" + indent(with+b.stgOrdersFrom(single, false)+"\nUNION ALL\n"+b.stgOrdersFrom(several, true)) + "\n) s"
}

// stgOrdersFrom is STG_ORDERS' SELECT over the RAW orders in relation orders (a
// table or a parenthesised query of RAW.ORDERS' columns); numbered says whether
// it checks duplicate_id ([sqlb.invalidReason]).
func (b sqlb) stgOrdersFrom(orders string, numbered bool) string {
	v := tblStgOrders
	date := b.C("o", "ORDER_DATE")
	net := b.netAmount("o")
	if b.narrow {
		net = b.netAmountNarrow("o")
	}
	derived := map[string]string{
		"ORDER_WEEK":      b.D.DateTrunc(dialect.Week, date),
		"ORDER_MONTH":     b.D.DateTrunc(dialect.Month, date),
		"ORDER_QUARTER":   b.D.DateTrunc(dialect.Quarter, date),
		"ORDER_YEAR":      b.D.Year(date),
		"GROSS_AMOUNT":    b.grossAmount("o"),
		"NET_AMOUNT":      net,
		"DISCOUNT_AMOUNT": b.grossAmount("o") + " - " + net,
		"STATUS":          "TRIM(" + b.C("o", "STATUS") + ")",
		"CHANNEL":         "TRIM(" + b.C("o", "CHANNEL") + ")",
		"INVALID_REASON":  b.invalidReason(numbered),
	}
	var cols []string
	for _, col := range v.Columns {
		if col.Name == "IS_VALID" {
			continue
		}
		expr, ok := derived[col.Name]
		if !ok {
			expr = b.C("o", col.Name)
		}
		cols = append(cols, "    "+b.As(v, col.Name, expr))
	}
	rp := b.Ref(tblRawProducts)
	inner := fmt.Sprintf(`  SELECT
%s
  FROM %s o
  LEFT JOIN %s c ON %s = %s
  LEFT JOIN %s p ON %s = %s
  LEFT JOIN %s s ON %s = %s
  CROSS JOIN %s st`,
		strings.Join(cols, ",\n"), orders,
		b.Ref(tblRawCustomers), b.C("c", "CUSTOMER_ID"), b.C("o", "CUSTOMER_ID"),
		rp, b.C("p", "PRODUCT_ID"), b.C("o", "PRODUCT_ID"),
		b.Ref(tblRawSalesReps), b.C("s", "REP_ID"), b.C("o", "REP_ID"), b.Ref(tblSettings))
	return fmt.Sprintf("SELECT\n  v.*,\n  %s IS NULL AS %s\nFROM (\n%s\n) v", b.C("v", "INVALID_REASON"), b.Q("IS_VALID"), inner)
}

// qualitySummary counts, per table and rule, the rows checked and the failures.
func (b sqlb) qualitySummary() string {
	stg := b.Ref(tblStgOrders)
	var parts []string
	for _, r := range OrderRules() {
		parts = append(parts, fmt.Sprintf(
			"SELECT '%s' AS %s, '%s' AS %s, COUNT(*) AS %s, COUNT(CASE WHEN %s = '%s' THEN 1 END) AS %s FROM %s",
			tblRawOrders.Name, b.Q("TABLE_NAME"), r, b.Q("RULE_NAME"), b.Q("ROWS_CHECKED"),
			b.Q("INVALID_REASON"), r, b.Q("FAILURES"), stg))
	}
	for _, t := range []struct {
		raw Table
		key string
	}{{tblRawCustomers, "CUSTOMER_ID"}, {tblRawProducts, "PRODUCT_ID"}, {tblRawSalesReps, "REP_ID"}} {
		parts = append(parts, fmt.Sprintf(
			"SELECT '%s', '%s', COUNT(*), COUNT(*) - COUNT(DISTINCT %s) FROM %s",
			t.raw.Name, RuleDuplicateID, b.Q(t.key), b.Ref(t.raw)))
	}
	return "SELECT " + b.Q("TABLE_NAME") + ", " + b.Q("RULE_NAME") + ", " +
		b.D.Cast(b.Q("ROWS_CHECKED"), dialect.Int()) + " AS " + b.Q("ROWS_CHECKED") + ", " +
		b.D.Cast(b.Q("FAILURES"), dialect.Int()) + " AS " + b.Q("FAILURES") +
		" FROM (\n  " + strings.Join(parts, "\n  UNION ALL ") + "\n) q"
}
