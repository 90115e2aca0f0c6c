// Package pipelinetest binds engines to pipeline warehouses for tests, which
// describe a test warehouse by one value ([Opts]: its set-up options, names and
// clock), and checks the STAGING rules against hand-written SQL over RAW
// ([CheckRules]), so every engine's tests run the same checks:
//
//	o := pipelinetest.Default()
//	o.Data.Scale = 0.01
//	res, err := pipelinetest.Setup(ctx, eng, o)
//	require.NoError(t, err)
//	require.Equal(t, pipelinetest.EveryMart(pipeline.BuildCreated), pipelinetest.Actions(res.MartBuilds))
//
// It is to package pipeline what net/http/httptest is to net/http: imported by
// tests only.
package pipelinetest
