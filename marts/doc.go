// Package marts is the read side of the warehouse: typed rows of FCT_ORDERS and
// the aggregate marts, read with bound parameters over any database handle.
//
// The marts' definitions — their columns and the SQL that builds them on each
// engine — live in package warehouse; package pipeline builds and refreshes them.
package marts
