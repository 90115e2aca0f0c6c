package pipeline

import "github.com/salesanalytics/salesanalytics/warehouse"

// BuildAction says what the set-up did to one definition-bearing object: a
// STAGING view, or a mart's dynamic table.
type BuildAction string

// The build actions.
const (
	BuildCreated   BuildAction = "created"   // it did not exist
	BuildReplaced  BuildAction = "replaced"  // its definition changed (or was not recorded)
	BuildUnchanged BuildAction = "unchanged" // it already has this definition: no DDL ran
)

// Valid reports whether a is one of the build actions.
func (a BuildAction) Valid() bool {
	return a == BuildCreated || a == BuildReplaced || a == BuildUnchanged
}

// Build reports what the set-up did to one view or mart.
type Build struct {
	Name   string
	Action BuildAction
	// Fingerprint identifies the definition the object now has; the object's
	// COMMENT records it (warehouse.FingerprintComment).
	Fingerprint string
}

// buildAction compares the fingerprint want with the fingerprints recorded in
// the COMMENTs of the existing objects (name → comment).
func buildAction(comments map[string]string, name, want string) BuildAction {
	comment, ok := comments[name]
	switch {
	case !ok:
		return BuildCreated
	case warehouse.FingerprintOf(comment) != want:
		return BuildReplaced
	}
	return BuildUnchanged
}
