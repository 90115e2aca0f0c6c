package pipeline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestChecklistShowsFiguresOfFailedChecksOnly(t *testing.T) {
	r := &Report{Checks: []Check{
		{Phase: "raw", Name: "ORDERS rows", Expected: "5000", Actual: "5000", Pass: true},
		{Phase: "marts", Name: "FCT_ORDERS revenue = generated revenue", Expected: "19915309.52", Actual: "19915309.50"},
	}}
	require.Equal(t, ""+
		"ok    raw    ORDERS rows\n"+
		"FAIL  marts  FCT_ORDERS revenue = generated revenue\n"+
		"             expected 19915309.52\n"+
		"             found    19915309.50\n"+
		"2 checks, 1 failed\n", r.Checklist())
}
