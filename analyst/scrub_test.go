package analyst_test

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// credential is one way of authenticating, with every secret string the client
// then holds.
type credential struct {
	name string
	auth analyst.Auth
	key  *rsa.PrivateKey // for key-pair auth
}

func credentials(tb testing.TB) []credential {
	tb.Helper()
	return []credential{
		{name: "PAT", auth: analyst.PAT("pat-Sekr1t-4f9a2b7c1d0e8f3a6b5c")},
		{name: "OAuth", auth: analyst.OAuth("ver:1-hint:77-ETMsDgAAAZ1Sekr1tOAuthToken0123456789")},
		func() credential {
			k := newKey(tb)
			return credential{name: "KeyPair", auth: &analyst.KeyPair{Account: "myorg-myacct", User: "svc", Key: k}, key: k}
		}(),
	}
}

// echoed is what a server sends back, and the secret part of it that must not
// come out (a PEM's header lines are not secret; its body is).
type echoed struct{ echo, secret string }

// keyMaterial is the private key stringified in the forms a server (or a log)
// could hold it: PEM, base64 DER (PKCS#8 and PKCS#1), the private exponent and a prime.
func keyMaterial(tb testing.TB, k *rsa.PrivateKey) map[string]echoed {
	tb.Helper()
	p8, err := x509.MarshalPKCS8PrivateKey(k)
	require.NoError(tb, err)
	p1 := x509.MarshalPKCS1PrivateKey(k)
	plain := func(s string) echoed { return echoed{s, s} }
	return map[string]echoed{
		"pkcs8-pem":    {string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})), base64.StdEncoding.EncodeToString(p8)},
		"pkcs1-pem":    {string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: p1})), base64.StdEncoding.EncodeToString(p1)},
		"pkcs8-base64": plain(base64.StdEncoding.EncodeToString(p8)),
		"pkcs1-base64": plain(base64.StdEncoding.EncodeToString(p1)),
		"d-decimal":    plain(k.D.String()),
		"d-hex":        plain(k.D.Text(16)),
		"prime-p":      plain(k.Primes[0].String()),
	}
}

// echoLocations are the places a hostile or careless server can put a secret it
// received (or knows) into an answer the client turns into an error.
var echoLocations = []struct {
	name   string
	stream bool
	serve  func(w http.ResponseWriter, secret string)
}{
	{"json message", false, func(w http.ResponseWriter, s string) {
		writeJSON(w, 401, fmt.Sprintf(`{"message":%q,"code":"390144"}`, "Invalid token "+s))
	}},
	{"json code", false, func(w http.ResponseWriter, s string) {
		writeJSON(w, 400, fmt.Sprintf(`{"message":"bad","code":%q}`, s))
	}},
	{"json error_code", false, func(w http.ResponseWriter, s string) {
		writeJSON(w, 400, fmt.Sprintf(`{"message":"bad","code":null,"error_code":%q}`, s))
	}},
	{"json request_id", false, func(w http.ResponseWriter, s string) {
		writeJSON(w, 403, fmt.Sprintf(`{"message":"forbidden","request_id":%q}`, s))
	}},
	{"request id header", false, func(w http.ResponseWriter, s string) {
		w.Header().Set("X-Snowflake-Request-Id", strings.ReplaceAll(s, "\n", " "))
		w.WriteHeader(404)
	}},
	{"plain 4xx body", false, func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(401)
		io.WriteString(w, "Authorization: Bearer "+s)
	}},
	{"plain 4xx body cut by the length bound", false, func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(400)
		io.WriteString(w, strings.Repeat("x", 280)+" "+s)
	}},
	{"429 body", false, func(w http.ResponseWriter, s string) {
		writeJSON(w, 429, fmt.Sprintf(`{"message":%q}`, "slow down "+s))
	}},
	{"503 plain body", false, func(w http.ResponseWriter, s string) {
		w.WriteHeader(503)
		io.WriteString(w, s)
	}},
	{"answer with a bad role", false, func(w http.ResponseWriter, s string) {
		writeJSON(w, 200, fmt.Sprintf(`{"message":{"role":%q,"content":[]}}`, s))
	}},
	{"redirect location", false, func(w http.ResponseWriter, s string) {
		w.Header().Set("Location", "https://elsewhere.example/?t="+strings.ReplaceAll(s, "\n", ""))
		w.WriteHeader(http.StatusFound)
	}},
	{"SSE error message", true, func(w http.ResponseWriter, s string) {
		streamHeaders(w)
		sse(w, "error", fmt.Sprintf(`{"message":%q,"code":"392700"}`, "failed for "+s))
	}},
	{"SSE error code", true, func(w http.ResponseWriter, s string) {
		streamHeaders(w)
		sse(w, "error", fmt.Sprintf(`{"message":"failed","code":%q}`, s))
	}},
	{"SSE error request_id", true, func(w http.ResponseWriter, s string) {
		streamHeaders(w)
		sse(w, "error", fmt.Sprintf(`{"message":"failed","request_id":%q}`, s))
	}},
	{"SSE status request_id then error", true, func(w http.ResponseWriter, s string) {
		streamHeaders(w)
		sse(w, "status", fmt.Sprintf(`{"status":"interpreting_question","request_id":%q}`, s))
		sse(w, "error", `{"message":"failed"}`)
	}},
	{"SSE error not JSON", true, func(w http.ResponseWriter, s string) {
		streamHeaders(w)
		sse(w, "error", strings.ReplaceAll(s, "\n", " "))
	}},
}

// requireNoSecret fails if any 16-byte window of a secret appears in anything
// printable about err: its text in every verb, the typed fields, the chain. (A
// PEM's lines are checked through its base64 body: a window across two lines
// cannot appear where the lines are apart.)
func requireNoSecret(tb testing.TB, err error, secret string) {
	tb.Helper()
	require.Error(tb, err)
	texts := []string{fmt.Sprintf("%v\n%+v\n%#v\n%s\n%q", err, err, err, err, err)}
	var ae *analyst.APIError
	if errors.As(err, &ae) {
		texts = append(texts, ae.Message, ae.Code, ae.ErrorCode, ae.RequestID, fmt.Sprintf("%#v %+v", *ae, *ae))
	}
	for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(u) {
		texts = append(texts, u.Error(), fmt.Sprintf("%#v", u))
	}
	const window = 16
	for _, txt := range texts {
		for i := 0; i+window <= len(secret); i += window / 2 {
			if part := secret[i : i+window]; strings.Contains(txt, part) {
				tb.Fatalf("secret part %q leaked into %q", part, txt)
			}
		}
	}
}

func TestNoCredentialEchoedByTheServerAppearsInErrors(t *testing.T) {
	t.Parallel()
	for _, cred := range credentials(t) {
		secrets := map[string]echoed{"token": {}} // the token is what the server received
		if cred.key != nil {
			for k, v := range keyMaterial(t, cred.key) {
				secrets[k] = v
			}
		}
		for secretName, fixed := range secrets {
			for _, loc := range echoLocations {
				t.Run(cred.name+"/"+secretName+"/"+loc.name, func(t *testing.T) {
					t.Parallel()
					var got string
					srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						got = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
						s := fixed.echo
						if s == "" {
							s = got
						}
						loc.serve(w, s)
					}))
					defer srv.Close()
					c := &analyst.Client{BaseURL: srv.URL, Auth: cred.auth, MaxRetries: 1,
						Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}
					req := analyst.StagedModel(stage, "q")
					req.Stream = loc.stream
					_, err := c.Message(context.Background(), req)
					require.NotEmpty(t, got, "the server saw a token")
					secret := fixed.secret
					if secret == "" {
						secret = got
					}
					requireNoSecret(t, err, secret)
				})
			}
		}
	}
}

func TestNoCredentialInTheRetryWaitError(t *testing.T) {
	t.Parallel()
	const pat = "pat-Sekr1t-waiting-0123456789abcdef"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 429, fmt.Sprintf(`{"message":%q,"request_id":%q}`, "throttled "+pat, pat))
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	c := &analyst.Client{BaseURL: srv.URL, Auth: analyst.PAT(pat),
		Sleep: func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() }}
	_, err := c.Message(ctx, analyst.StagedModel(stage, "q"))
	require.ErrorIs(t, err, context.Canceled)
	requireNoSecret(t, err, pat)
}

func TestRenewedKeyPairTokensStayScrubbed(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	kp := &analyst.KeyPair{Account: "myorg-myacct", User: "svc", Key: newKey(t), Now: func() time.Time { return now }}
	var first string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if first == "" {
			first = tok
			writeJSON(w, 200, fullAnswer)
			return
		}
		require.NotEqual(t, first, tok, "the token was renewed")
		writeJSON(w, 401, fmt.Sprintf(`{"message":%q}`, "your old token "+first+" is expired"))
	}))
	defer srv.Close()
	c := &analyst.Client{BaseURL: srv.URL, Auth: kp}
	_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	now = now.Add(56 * time.Minute) // past the renewal point
	_, err = c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	requireNoSecret(t, err, first)
}

func TestStreamErrorEventDataIsScrubbed(t *testing.T) {
	t.Parallel()
	const pat = "pat-Sekr1t-event-data-0123456789"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		streamHeaders(w)
		sse(w, "error", fmt.Sprintf(`{"message":%q,"code":"392700"}`, "bad token "+pat))
	}))
	defer srv.Close()
	c := &analyst.Client{BaseURL: srv.URL, Auth: analyst.PAT(pat)}
	s, err := c.Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	defer s.Close()
	var seen int
	for ev, err := range s.Events() {
		require.Error(t, err)
		require.Equal(t, "error", ev.Type)
		require.NotContains(t, string(ev.Data), pat)
		require.Contains(t, string(ev.Data), "392700", "the rest of the event is kept")
		requireNoSecret(t, ev.Err, pat)
		requireNoSecret(t, err, pat)
		seen++
	}
	require.Equal(t, 1, seen)
}
