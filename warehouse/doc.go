// Package warehouse is the one source of truth for every schema, table and column
// name in the sales warehouse, and for each column's type.
//
// SQL for both engines, the generator's rows, the typed mart rows and the semantic
// model's base tables all take their names from here, and a test checks the
// semantic model against the live schema built from these definitions.
//
//	names := warehouse.DefaultNames()
//	t := warehouse.RawOrders
//	fmt.Println(names.SchemaFor(t.Layer), t.Name, t.ColumnNames())
//
// Names are configurable (a different database or schema names); tables and
// columns are fixed by the product.
package warehouse
