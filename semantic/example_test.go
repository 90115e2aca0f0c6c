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

func ExampleModel_MarshalOssie() {
	m, err := semantic.Parse("model.yaml", []byte(`
name: shop
tables:
  - name: orders
    base_table: {database: DB, schema: MARTS, table: ORDERS}
    facts:
      - name: amount
        synonyms: [order value]
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
	doc, err := m.MarshalOssie(semantic.Ossie02, semantic.OssieYAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(doc))
	back, err := semantic.ParseOssie("shop.ossie.yaml", doc)
	fmt.Println(err, back.Equal(m))
	// Output:
	// version: 0.2.0.dev0
	// semantic_model:
	//   - name: shop
	//     datasets:
	//       - name: orders
	//         source: DB.MARTS.ORDERS
	//         fields:
	//           - name: amount
	//             expression:
	//               dialects:
	//                 - dialect: SNOWFLAKE
	//                   expression: AMOUNT
	//             datatype: Decimal
	//             ai_context:
	//               synonyms:
	//                 - order value
	//             custom_extensions:
	//               - vendor_name: SALESANALYTICS
	//                 data: '{"salesanalytics":{"fact":{"data_type":"NUMBER(38,2)"},"format":1}}'
	//     metrics:
	//       - name: revenue
	//         expression:
	//           dialects:
	//             - dialect: SNOWFLAKE
	//               expression: SUM(orders.amount)
	//         datatype: Decimal
	//         custom_extensions:
	//           - vendor_name: SALESANALYTICS
	//             data: '{"salesanalytics":{"format":1,"metric_table":"orders"}}'
	// <nil> true
}
