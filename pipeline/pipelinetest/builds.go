package pipelinetest

import (
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Actions maps each build of a set-up's result (Result.ViewBuilds or
// Result.MartBuilds) to its action.
func Actions(builds []pipeline.Build) map[string]pipeline.BuildAction {
	out := map[string]pipeline.BuildAction{}
	for _, b := range builds {
		out[b.Name] = b.Action
	}
	return out
}

// EveryView maps every STAGING view to action a.
func EveryView(a pipeline.BuildAction) map[string]pipeline.BuildAction {
	return every(warehouse.StagingViews(), a)
}

// EveryMart maps every mart to action a.
func EveryMart(a pipeline.BuildAction) map[string]pipeline.BuildAction {
	return every(warehouse.MartTables(), a)
}

func every(tables []warehouse.Table, a pipeline.BuildAction) map[string]pipeline.BuildAction {
	out := make(map[string]pipeline.BuildAction, len(tables))
	for _, t := range tables {
		out[t.Name] = a
	}
	return out
}
