package analyst_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// roundTripFunc records what would have been sent, and answers with an empty 200.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestBaseURLIsCheckedBeforeAnyTokenIsSent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		base string
		path string // the URL sent, or "" for refused
	}{
		{"https://myorg-acct.snowflakecomputing.com", "https://myorg-acct.snowflakecomputing.com/api/v2/cortex/analyst/feedback"},
		{"https://myorg-acct.snowflakecomputing.com/", "https://myorg-acct.snowflakecomputing.com/api/v2/cortex/analyst/feedback"},
		{"https://proxy.internal/snowflake/", "https://proxy.internal/snowflake/api/v2/cortex/analyst/feedback"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v2/cortex/analyst/feedback"},
		{"http://localhost:8080", "http://localhost:8080/api/v2/cortex/analyst/feedback"},
		{"http://[::1]:8080", "http://[::1]:8080/api/v2/cortex/analyst/feedback"},
		{"http://myorg-acct.snowflakecomputing.com", ""}, // a token over plain http
		{"http://10.0.0.5", ""},
		{"https://user:hunter2pass@myorg-acct.snowflakecomputing.com", ""},
		{"https://myorg-acct.snowflakecomputing.com?x=", ""},
		{"https://myorg-acct.snowflakecomputing.com#frag", ""},
		{"https://evil.example@myorg-acct.snowflakecomputing.com", ""},
		{"ftp://myorg-acct.snowflakecomputing.com", ""},
		{"https://", ""},
		{"myorg-acct.snowflakecomputing.com", ""},
		{"https://myorg-acct.snowflakecomputing.com\r\nX: y", ""},
	} {
		t.Run(tc.base, func(t *testing.T) {
			t.Parallel()
			var sent []string
			c := &analyst.Client{BaseURL: tc.base, Auth: analyst.PAT("pat-never-sent-0123456789"), MaxRetries: -1,
				HTTPClient: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
					sent = append(sent, r.URL.String())
					return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
				})}}
			err := c.Feedback(context.Background(), analyst.FeedbackRequest{RequestID: "r", Positive: true})
			if tc.path == "" {
				require.ErrorIs(t, err, analyst.ErrInvalidRequest)
				require.ErrorContains(t, err, "BaseURL")
				require.NotContains(t, err.Error(), "hunter2pass")
				require.Empty(t, sent, "nothing is sent")
				return
			}
			require.NoError(t, err)
			require.Equal(t, []string{tc.path}, sent)
		})
	}
}

func TestAccountURLRefusesHostInjection(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"https://evil.example.com",
		"https://evil.example.com/x.snowflakecomputing.com",
		"https://myorg-acct.snowflakecomputing.com@evil.example.com",
		"https://evil.example.com#.snowflakecomputing.com",
		"http://myorg-acct.snowflakecomputing.com",
		"https://myorg-acct.snowflakecomputing.com/path",
		"https://myorg-acct.snowflakecomputing.com:8443",
		"acct%2eevil",
		`acct\evil.com`,
		"acct\x00.evil",
		"acct\r\nHost: evil",
		"аcct", // Cyrillic а
		"acct..x",
		"-acct",
		"acct-",
		strings.Repeat("a", 64),
		"acct.snowflakecomputing.com.",
		"",
		" ",
	} {
		u, err := analyst.AccountURL(in)
		require.Error(t, err, "%q gave %q", in, u)
		require.Empty(t, u)
	}
	for in, want := range map[string]string{
		"MyOrg-MyAcct":                                    "https://myorg-myacct.snowflakecomputing.com",
		"acct.snowflakecomputing.com":                     "https://acct.snowflakecomputing.com",
		"https://acct.privatelink.snowflakecomputing.com": "https://acct.privatelink.snowflakecomputing.com",
		"xy12345.cn-north-1.aws.snowflakecomputing.cn":    "https://xy12345.cn-north-1.aws.snowflakecomputing.cn",
		"  myorg-acct  ":                                  "https://myorg-acct.snowflakecomputing.com",
	} {
		u, err := analyst.AccountURL(in)
		require.NoError(t, err, in)
		require.Equal(t, want, u, in)
	}
}
