package pipelinetest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

func TestActionsMapsEachBuildByName(t *testing.T) {
	got := pipelinetest.Actions([]pipeline.Build{
		{Name: "FCT_ORDERS", Action: pipeline.BuildReplaced},
		{Name: "DAILY_SALES", Action: pipeline.BuildUnchanged},
	})
	require.Equal(t, map[string]pipeline.BuildAction{
		"FCT_ORDERS":  pipeline.BuildReplaced,
		"DAILY_SALES": pipeline.BuildUnchanged,
	}, got)
	require.Empty(t, pipelinetest.Actions(nil))
}

func TestEveryMartAndViewNameTheWarehouse(t *testing.T) {
	marts := pipelinetest.EveryMart(pipeline.BuildCreated)
	// The marts the SPEC names, written out here rather than read from the
	// warehouse package the helper reads.
	for _, name := range []string{"FCT_ORDERS", "DAILY_SALES", "SALES_BY_REGION", "SALES_BY_PRODUCT", "SALES_BY_CUSTOMER", "SALES_BY_REP"} {
		require.Equal(t, pipeline.BuildCreated, marts[name], name)
	}
	views := pipelinetest.EveryView(pipeline.BuildUnchanged)
	for _, name := range []string{"STG_ORDERS", "DATA_QUALITY_SUMMARY"} {
		require.Equal(t, pipeline.BuildUnchanged, views[name], name)
	}
	for _, a := range views {
		require.Equal(t, pipeline.BuildUnchanged, a)
	}
	for name := range marts {
		require.NotContains(t, views, name, "a mart is not a view")
	}
}
