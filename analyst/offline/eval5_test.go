//go:build cgo

package offline_test

import (
	"path/filepath"
	"testing"
)

// eval5Dir is evaluation set 5: a fourth blind set (helper evalwriter5),
// drafted by someone who never saw the resolver; scored as eval2, with its
// own held-out slice, whose failures are never printed.
var eval5Dir = filepath.Join("..", "..", "testdata", "analyst", "eval5")

// eval5Floor is the accuracy the resolver must not fall below on eval5's
// working part; raise it as the resolver learns, never lower it.
const eval5Floor = 0.996 // measured 0.997 (held-out 0.835) on 2026-12-08 after its measure-word, superlative, threshold and entity classes; 0.901 (held-out 0.835) when merged, before any work on it

// TestEvaluationSet5 scores the offline analyst on evaluation set 5 (working
// failures printed with -v and EVAL5_FAILURES=1).
func TestEvaluationSet5(t *testing.T) {
	scoreSet(t, eval5Dir, eval5Floor, "EVAL5_FAILURES")
}
