package warehouse

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// RefreshMode is how Snowflake refreshes a mart's dynamic table. Each mart
// states its mode on purpose instead of AUTO, which Snowflake resolves once at
// creation and may resolve to FULL without saying so.
//
// The rules relied on (Snowflake, "Supported queries for dynamic tables"):
// incremental refresh takes SELECT expressions of deterministic built-in
// functions only (no CURRENT_DATE outside a WHERE/HAVING/QUALIFY filter),
// sources in FROM only (no subqueries elsewhere: no correlated or scalar
// subqueries, no WHERE EXISTS), inner and cross joins, GROUP BY, UNION ALL and
// window functions; and "Optimize queries for incremental refresh": GROUP BY and
// OVER perform well when a change touches few grouping or partition keys, and
// poorly when it touches most of them.
type RefreshMode string

// The refresh modes the marts declare.
const (
	// RefreshIncremental applies only the changes of the sources.
	RefreshIncremental RefreshMode = "INCREMENTAL"
	// RefreshFull recomputes the whole table on every refresh.
	RefreshFull RefreshMode = "FULL"
)

// Valid reports whether r is a mode the marts declare.
func (r RefreshMode) Valid() bool { return r == RefreshIncremental || r == RefreshFull }

// commentPrefix starts the COMMENT in which a dynamic table or a STAGING view
// keeps its definition's fingerprint.
const commentPrefix = "salesanalytics definition "

// fingerprint is a short hash of a definition's text.
func fingerprint(def string) string {
	sum := sha256.Sum256([]byte(def))
	return hex.EncodeToString(sum[:12])
}

// FingerprintText returns the fingerprint of a definition given as text (the
// semantic view's DDL), the same digest the marts and views record.
func FingerprintText(def string) string { return fingerprint(def) }

// FingerprintComment returns the COMMENT text that records fingerprint fp.
func FingerprintComment(fp string) string { return commentPrefix + fp }

// FingerprintOf returns the fingerprint recorded in a dynamic table's or a view's COMMENT,
// or "" when the comment records none (a table made by hand or by an older
// version).
func FingerprintOf(comment string) string {
	fp, ok := strings.CutPrefix(strings.TrimSpace(comment), commentPrefix)
	if !ok {
		return ""
	}
	return fp
}
