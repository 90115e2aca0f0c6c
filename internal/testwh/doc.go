// Package testwh binds engines to pipeline warehouses for the SDK's own tests,
// which describe a warehouse by one value: its set-up options, names and clock.
package testwh
