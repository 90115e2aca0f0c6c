package embedded

// FunctionDecision reports whether name is on the allow-list and whether it is
// refused on purpose, for the test that enumerates duckdb_functions().
func FunctionDecision(name string) (allowed, refused bool) {
	return allowedFunctions[name] || allowedTableFunctions[name], refusedFunctions[name] != ""
}
