package semantic

import (
	_ "embed"
)

//go:embed sales_model.yaml
var salesModelYAML []byte

// SalesModelFile is the file name the sales model is uploaded under.
const SalesModelFile = "sales_model.yaml"

// SalesModelYAML returns the sales model's YAML text, as embedded in the
// module. The slice is a copy.
func SalesModelYAML() []byte { return append([]byte(nil), salesModelYAML...) }

// SalesModel returns the sales model: orders over MARTS.FCT_ORDERS (15
// dimensions, 5 time dimensions, 6 facts, 14 metrics, named filters), customers
// over MARTS.SALES_BY_CUSTOMER (first order date), sales_reps over
// STAGING.STG_SALES_REPS (quota, a rate per month) and products over
// STAGING.STG_PRODUCTS (unit cost), related many_to_one from orders, quota
// attainment across orders and reps, and verified queries. Each call
// returns a fresh copy that the caller may change freely; parse it once and keep
// it (query.New prepares a compiler from it once).
func SalesModel() *Model { return SalesModelFor("", "") }

// martsSchema is the schema the model's tables over marts name; the sales reps
// and products sit on STAGING views, whose schema SalesModelFor keeps.
const martsSchema = "MARTS"

// SalesModelFor returns a fresh copy of the sales model whose tables live in the
// given database and whose tables over marts live in the given schema (empty
// keeps the default).
func SalesModelFor(database, schema string) *Model {
	m, err := Parse(SalesModelFile, salesModelYAML)
	if err != nil {
		panic("semantic: the embedded sales model is invalid: " + err.Error())
	}
	for i := range m.Tables {
		if database != "" {
			m.Tables[i].BaseTable.Database = database
		}
		if schema != "" && m.Tables[i].BaseTable.Schema == martsSchema {
			m.Tables[i].BaseTable.Schema = schema
		}
	}
	return m
}
