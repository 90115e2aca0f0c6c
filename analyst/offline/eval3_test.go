//go:build cgo

package offline_test

import (
	"path/filepath"
	"testing"
)

// eval3Dir is evaluation set 3: a second blind set (helper eval3), drafted
// apart from eval2 and from the resolver; scored as eval2, with its own
// held-out slice, whose failures are never printed.
var eval3Dir = filepath.Join("..", "..", "testdata", "analyst", "eval3")

// eval3Floor is the accuracy the resolver must not fall below on eval3's
// working part; raise it as the resolver learns, never lower it.
const eval3Floor = 1.0 // measured 1.000 on 2026-12-07 (held-out 0.937 after the evening's class work, 0.895 after the day's); 0.955 (0.832) before it; 0.764 (0.800) when merged

// TestEvaluationSet3 scores the offline analyst on evaluation set 3 (working
// failures printed with -v and EVAL3_FAILURES=1).
func TestEvaluationSet3(t *testing.T) {
	scoreSet(t, eval3Dir, eval3Floor, "EVAL3_FAILURES")
}
