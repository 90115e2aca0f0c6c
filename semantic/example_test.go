package semantic_test

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/semantic"
)

func ExampleParse() {
	m, err := semantic.Parse("model.yaml", []byte(`
name: shop
tables:
  - name: orders
    base_table: {database: DB, schema: MARTS, table: ORDERS}
    dimensions:
      - name: region
        synonyms: [territory]
        expr: REGION
        data_type: VARCHAR
    facts:
      - name: amount
        expr: AMOUNT
        data_type: NUMBER(38,2)
    metrics:
      - name: revenue
        expr: SUM(orders.amount)
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range m.Fields() {
		fmt.Println(f.Kind, f.QualifiedName(), f.Expr)
	}
	// Output:
	// dimension orders.region REGION
	// fact orders.amount AMOUNT
	// metric orders.revenue SUM(orders.amount)
}

func ExampleParse_errors() {
	_, err := semantic.Parse("model.yaml", []byte(`name: shop
tables:
  - name: orders
    base_table: {database: DB, schema: MARTS, table: ORDERS}
    dimensions:
      - name: region
        expr: REGION
        datatype: VARCHAR
`))
	fmt.Println(err)
	// Output:
	// semantic: invalid model: 2 problems:
	//   model.yaml:6:9: tables[0].dimensions[0].data_type: data_type is required
	//   model.yaml:8:9: tables[0].dimensions[0].datatype: unknown key "datatype" in tables[0].dimensions[0] (valid: cortex_search_service, cortex_search_service_name, data_type, description, expr, is_enum, labels, name, sample_values, synonyms, tags, unique)
}

func ExampleModel_Lookup() {
	m := semantic.SalesModel()
	f, _ := m.Lookup("AOV")
	fmt.Println(f.Name, "=", f.Expr)
	_, err := m.Lookup("revenu", semantic.KindMetric)
	fmt.Println(err != nil)
	// Output:
	// average_order_value = SUM(orders.net_amount) / NULLIF(COUNT(DISTINCT orders.order_id), 0)
	// true
}
