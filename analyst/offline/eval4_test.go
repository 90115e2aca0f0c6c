//go:build cgo

package offline_test

import (
	"path/filepath"
	"testing"
)

// eval4Dir is evaluation set 4: a third blind set (helper evalwriter),
// drafted by someone who never saw the resolver; scored as eval2, with its
// own held-out slice, whose failures are never printed.
var eval4Dir = filepath.Join("..", "..", "testdata", "analyst", "eval4")

// eval4Floor is the accuracy the resolver must not fall below on eval4's
// working part; raise it as the resolver learns, never lower it.
const eval4Floor = 1.0 // measured 1.000 (held-out 0.919) on 2026-12-07 late after the catalogue's average list price by category; 0.985 (held-out 0.919) on 2026-12-07 evening after group-total thresholds, shares/returning/dates wordings; 0.958 before (0.955, 0.949, 0.889, 0.867 on the way); 0.837 (held-out 0.919) when merged, before any work on it

// TestEvaluationSet4 scores the offline analyst on evaluation set 4 (working
// failures printed with -v and EVAL4_FAILURES=1).
func TestEvaluationSet4(t *testing.T) {
	scoreSet(t, eval4Dir, eval4Floor, "EVAL4_FAILURES")
}
