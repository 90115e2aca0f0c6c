package semantic_test

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// A model becomes one CREATE SEMANTIC VIEW statement, and the statement becomes
// the model again.
func ExampleModel_SemanticViewDDL() {
	m := &semantic.Model{
		Name:        "sales",
		Description: "Orders by region.",
		Tables: []semantic.Table{{
			Name:       "orders",
			BaseTable:  semantic.BaseTable{Database: "DB", Schema: "MARTS", Table: "FCT_ORDERS"},
			PrimaryKey: &semantic.Key{Columns: []string{"order_id"}},
			Dimensions: []semantic.Dimension{
				{Name: "order_id", Expr: "ORDER_ID", DataType: "NUMBER(38,0)"},
				{Name: "region", Synonyms: []string{"territory"}, Expr: "REGION", DataType: "VARCHAR",
					SampleValues: []string{"North", "South"}, IsEnum: true},
			},
			Facts:   []semantic.Fact{{Name: "net_amount", Expr: "NET_AMOUNT", DataType: "NUMBER(38,2)"}},
			Metrics: []semantic.Metric{{Name: "revenue", Expr: "SUM(orders.net_amount)", Description: "Net revenue."}},
		}},
	}
	ddl, _, err := m.SemanticViewDDL("DB.MARTS.SALES")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(ddl)
	back, view, err := semantic.ParseSemanticViewDDL("sales.sql", []byte(ddl))
	fmt.Println(view, back.Equal(m), err)
	// Output:
	// CREATE OR REPLACE SEMANTIC VIEW DB.MARTS.SALES
	//   TABLES (
	//     orders AS DB.MARTS.FCT_ORDERS
	//       PRIMARY KEY (order_id)
	//   )
	//   FACTS (
	//     orders.net_amount AS NET_AMOUNT
	//   )
	//   DIMENSIONS (
	//     orders.order_id AS ORDER_ID,
	//     orders.region AS REGION
	//       WITH SYNONYMS = ('territory')
	//   )
	//   METRICS (
	//     orders.revenue AS SUM(orders.net_amount)
	//       COMMENT = 'Net revenue.'
	//   )
	//   COMMENT = 'Orders by region.'
	//   WITH EXTENSION (CA = '{
	//   "name": "sales",
	//   "tables": [
	//     {
	//       "name": "orders",
	//       "dimensions": [
	//         {
	//           "name": "order_id",
	//           "data_type": "NUMBER(38,0)"
	//         },
	//         {
	//           "name": "region",
	//           "data_type": "VARCHAR",
	//           "sample_values": [
	//             "North",
	//             "South"
	//           ],
	//           "is_enum": true
	//         }
	//       ],
	//       "facts": [
	//         {
	//           "name": "net_amount",
	//           "data_type": "NUMBER(38,2)"
	//         }
	//       ]
	//     }
	//   ]
	// }');
	// DB.MARTS.SALES true <nil>
}
