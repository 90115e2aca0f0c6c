package embedded_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Small data sets validate too: the discounted-orders share is checked within
// four standard errors of 10% for the sample at hand, not a fixed ±0.5 point
// that only large samples meet (scale 0.01 has 8.7% discounted).
func TestValidationPassesAtSmallScales(t *testing.T) {
	t.Parallel()
	for _, scale := range []float64{0.01, 0.002} {
		eng := openMem(t)
		o := options(scale, 0.01)
		mustSetup(t, eng, o)
		rep, err := pipelinetest.Validate(context.Background(), eng, o)
		require.NoError(t, err)
		require.True(t, rep.Passed(), "scale %g:\n%s", scale, rep)
	}
}

// The future-date rule reads the as-of date, not the clock; the duplicate rule
// counts same-instant twins once and keeps a first delivery over its correction.
func TestQualityRulesUseTheAsOfDateAndCountTwinsOnce(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	pipelinetest.CheckRules(t, eng, func(ctx context.Context) error {
		_, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
		return err
	})
}
