//go:build cgo

package offline_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/salesanalytics/salesanalytics/analyst"
)

func TestScratch(t *testing.T) {
	qs := os.Getenv("QS")
	if qs == "" {
		t.Skip()
	}
	a := newAnalyst(t)
	s := &analyst.Session{Analyst: a}
	for _, q := range strings.Split(qs, "|") {
		if q == "RESET" {
			s.Reset()
			continue
		}
		ans, err := s.Ask(context.Background(), q)
		if err != nil {
			fmt.Println("Q:", q, "ERROR", err)
			continue
		}
		fmt.Printf("Q: %s\n  A: %s\n  vq=%s declined=%v\n  SQL: %s %v\n", q, ans.Text, ans.VerifiedQuery, ans.Declined, ans.SQL, ans.Args)
	}
}
