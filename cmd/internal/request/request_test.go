package request_test

import (
	"encoding/json"
	"flag"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func TestSchemaIsGeneratedAndResolves(t *testing.T) {
	s, err := request.Schema()
	require.NoError(t, err)
	_, err = s.Resolve(nil)
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.Contains(t, string(b), `"grain":{"type":"string"`)
	require.Contains(t, string(b), `"additionalProperties":false`)
	require.Contains(t, string(b), `"type":["string","integer","boolean"]`, "a value is a string, integer or boolean")
}

func TestParseIsStrict(t *testing.T) {
	r, err := request.Parse([]byte(`{"metrics":["revenue"],"where":[{"field":"quantity","op":">","values":[3]}]}`))
	require.NoError(t, err)
	require.Equal(t, int64(3), r.Where[0].Values[0].Any())
	for _, bad := range []string{
		`{"metrics":["revenue"],"sql":"DROP TABLE X"}`,
		`{"metrics":["revenue"],"where":[{"field":"net_amount","values":[10.5]}]}`,
		`{"metrics":["revenue"],"where":[{"field":"region","values":[["North"]]}]}`,
		`{"metrics":["revenue"]} {}`,
	} {
		_, err := request.Parse([]byte(bad))
		require.Error(t, err, bad)
	}
}

func TestQueryReportsEveryProblem(t *testing.T) {
	m := semantic.SalesModel()
	_, err := request.Request{Grain: "fortnight", Period: "someday", Limit: -1, Compare: "sideways"}.Query(m)
	require.ErrorIs(t, err, request.ErrInvalid)
	for _, key := range []string{"metrics:", "grain:", "period:", "limit:", "compare:"} {
		require.Contains(t, err.Error(), key)
	}
	q, err := request.Request{Metrics: []string{"revenue"}, By: []string{"region"}, Top: 3,
		Where: []request.Condition{{Any: []request.Comparison{{Field: "segment", Values: []request.Value{request.String("SMB")}}, {Field: "is_discounted", Values: []request.Value{request.String("true")}, Not: true}}}}}.Query(m)
	require.NoError(t, err)
	require.Equal(t, 3, q.Limit)
	require.Equal(t, []query.Order{query.Desc("revenue")}, q.OrderBy)
	require.Equal(t, query.AndFilter{query.OrFilter{query.Cmp{Field: "segment", Op: query.OpEq, Values: []any{"SMB"}},
		query.Not(query.Cmp{Field: "is_discounted", Op: query.OpEq, Values: []any{true}})}}, q.Where, "true is a boolean for a boolean field")

	back, ok := request.FromQuery(q)
	require.True(t, ok)
	again, err := back.Query(m)
	require.NoError(t, err)
	require.Equal(t, q, again, "FromQuery round-trips")
}

func TestFlags(t *testing.T) {
	var f request.Flags
	fs := flag.NewFlagSet("q", flag.ContinueOnError)
	f.Register(fs)
	require.NoError(t, fs.Parse([]string{"-metrics", "revenue,aov", "-by", "region", "-where", "segment=SMB,Enterprise", "-where", "net_amount>=1000.50", "-order", "-revenue"}))
	r, err := f.Request()
	require.NoError(t, err)
	require.Equal(t, []string{"revenue", "aov"}, r.Metrics)
	require.Equal(t, "in", r.Where[0].Op)
	require.Len(t, r.Where[0].Values, 2)
	require.Equal(t, ">=", r.Where[1].Op)
	require.Equal(t, "1000.50", r.Where[1].Values[0].Any())
	require.Equal(t, []request.Order{{Field: "revenue", Desc: true}}, r.OrderBy)
	_, err = request.Request{Metrics: r.Metrics, By: r.By, Where: r.Where, OrderBy: r.OrderBy}.Query(semantic.SalesModel())
	require.NoError(t, err)
}

// TestFlagProblemsNameTheFlags: a request given as flags is told in the flags'
// words (-top, -last-days, -order), one given as JSON in its keys'.
func TestFlagProblemsNameTheFlags(t *testing.T) {
	m := semantic.SalesModel()
	for _, tc := range []struct {
		args      []string
		flags     []string // what the flags' error says
		json      string
		jsonWords []string // what the same request as JSON says
	}{
		{[]string{"-metrics", "revenue", "-top", "-3"}, []string{"-top: -3 is not between 1 and"},
			`{"metrics":["revenue"],"top":-3}`, []string{"top: -3 is not between 1 and"}},
		{[]string{"-metrics", "revenue", "-period", "last-year", "-last-days", "7"},
			[]string{"-from: give -from/-to, -period or -last-days, not several"},
			`{"metrics":["revenue"],"period":"last_year","last_days":7}`,
			[]string{"from: give from/to, period or last_days, not several"}},
		{[]string{"-metrics", "revenue", "-top", "3", "-limit", "5", "-from", "2025-01-01"},
			[]string{"-top: give -top or -limit, not both", "-to: missing: -from and -to go together"},
			`{"metrics":["revenue"],"top":3,"limit":5,"from":"2025-01-01"}`,
			[]string{"top: give top or limit, not both", "to: missing: from and to go together"}},
	} {
		var f request.Flags
		fs := flag.NewFlagSet("q", flag.ContinueOnError)
		f.Register(fs)
		require.NoError(t, fs.Parse(tc.args))
		r, err := f.Request()
		require.NoError(t, err)
		_, err = r.Query(m)
		require.ErrorIs(t, err, request.ErrInvalid)
		for _, w := range tc.flags {
			require.Contains(t, err.Error(), w, tc.args)
		}
		j, err := request.Parse([]byte(tc.json))
		require.NoError(t, err)
		_, err = j.Query(m)
		require.ErrorIs(t, err, request.ErrInvalid)
		for _, w := range tc.jsonWords {
			require.Contains(t, err.Error(), w, tc.json)
		}
		require.NotContains(t, err.Error(), "-top")
	}
}
