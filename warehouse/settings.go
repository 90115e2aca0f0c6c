package warehouse

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// tblSettings is the warehouse's one-row table of settings the STAGING rules read
// as data, so that the same rows are judged the same way on every engine, on
// every day, and Snowflake can refresh the marts incrementally (a rule that
// reads CURRENT_DATE is not deterministic, which forces full refreshes).
var tblSettings = Table{Layer: Raw, Name: "SETTINGS", Comment: "One row: the settings the STAGING rules read.", Columns: []Column{
	col("AS_OF_DATE", dialect.Date(), "The date the data is read as of: an order dated after it breaks future_date"),
}}

// DefaultAsOf returns the as-of date of the demo data, 2026-01-01: the generator
// writes orders through 2025, so "last month" is December 2025. It is the one
// definition of that date; pipeline's set-up writes it to [tblSettings] unless told
// otherwise.
func DefaultAsOf() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// SettingsSQL returns the statements that create [tblSettings] and set its one row
// to asOf, for the printed set-up script. (The set-up itself loads the row
// through the engine's atomic Load.)
func SettingsSQL(d dialect.Dialect, n Names, asOf time.Time) []string {
	ref := tblSettings.Ref(d, n)
	return []string{
		tblSettings.CreateSQL(d, n, false),
		"DELETE FROM " + ref,
		fmt.Sprintf("INSERT INTO %s (%s) VALUES (DATE '%s')", ref, d.Quote("AS_OF_DATE"), asOf.UTC().Format(time.DateOnly)),
	}
}
