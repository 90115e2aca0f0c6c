package analyst_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// fakeAnalyst answers as the documented API does. Each test scripts it with a
// handler; it verifies every request's auth first (the JWT against the public key).
type fakeAnalyst struct {
	t       testing.TB
	srv     *httptest.Server
	pub     *rsa.PublicKey
	account string // as the JWT must name it, e.g. MYORG-MYACCT
	user    string
	pat     string
	calls   atomic.Int32
	mu      sync.Mutex
	bodies  []map[string]any
	handle  func(w http.ResponseWriter, r *http.Request, call int)
}

func newFake(t testing.TB) *fakeAnalyst {
	f := &fakeAnalyst{t: t, account: "MYORG-MYACCT", user: "SVC_SALES", pat: "pat-secret-0123456789"}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAnalyst) serve(w http.ResponseWriter, r *http.Request) {
	n := int(f.calls.Add(1))
	if r.Method != http.MethodPost || !documentedPath(r.URL.EscapedPath()) {
		http.Error(w, `{"message":"not found","code":"404"}`, http.StatusNotFound)
		return
	}
	if r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, `{"message":"content type"}`, http.StatusBadRequest)
		return
	}
	if msg := f.checkAuth(r); msg != "" {
		w.Header().Set("X-Snowflake-Request-Id", "auth-fail")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"code":"390144","message":%q}`, msg)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		http.Error(w, `{"message":"bad json"}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.bodies = append(f.bodies, m)
	f.mu.Unlock()
	f.handle(w, r, n)
}

// agentObjectPath is the documented run endpoint of an agent object.
var agentObjectPath = regexp.MustCompile(`^/api/v2/databases/[^/]+/schemas/[^/]+/agents/[^/]+:run$`)

// documentedPath reports whether the API has an endpoint at path: Cortex
// Analyst's message and feedback, Cortex Agents' runs and threads.
func documentedPath(path string) bool {
	switch path {
	case analyst.MessagePath, analyst.FeedbackPath, analyst.AgentRunPath, analyst.ThreadsPath:
		return true
	}
	return agentObjectPath.MatchString(path)
}

// checkAuth verifies the bearer token: a PAT, or a JWT signed by the registered key
// with the documented claims.
func (f *fakeAnalyst) checkAuth(r *http.Request) string {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "no bearer token"
	}
	switch r.Header.Get("X-Snowflake-Authorization-Token-Type") {
	case analyst.TokenPAT:
		if tok != f.pat {
			return "PAT is invalid"
		}
		return ""
	case analyst.TokenKeyPairJWT:
	default:
		return "unknown token type"
	}
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return "JWT token is invalid"
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return "JWT signature encoding"
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(f.pub, crypto.SHA256, sum[:], sig); err != nil {
		return "JWT signature does not verify"
	}
	raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var c struct {
		Iss, Sub string
		Iat, Exp int64
	}
	if json.Unmarshal(raw, &c) != nil {
		return "JWT claims"
	}
	fp, _ := analyst.Fingerprint(f.pub)
	want := f.account + "." + f.user
	switch {
	case c.Sub != want:
		return "JWT sub " + c.Sub
	case c.Iss != want+"."+fp:
		return "JWT iss " + c.Iss
	case c.Exp-c.Iat > 3600 || c.Exp <= c.Iat:
		return "JWT lifetime"
	}
	return ""
}

func (f *fakeAnalyst) body(i int) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.bodies[i]
}

func newKey(tb testing.TB) *rsa.PrivateKey {
	tb.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(tb, err)
	return k
}

// client returns a client of the fake with key-pair auth and instant, recorded sleeps.
func (f *fakeAnalyst) client(tb testing.TB, waits *[]time.Duration) *analyst.Client {
	key := newKey(tb)
	f.pub = &key.PublicKey
	return &analyst.Client{
		BaseURL: f.srv.URL,
		Auth:    &analyst.KeyPair{Account: "myorg-myacct.us-east-1.privatelink", User: "svc_sales", Key: key},
		Rand:    func() float64 { return 0.5 },
		Sleep: func(ctx context.Context, d time.Duration) error {
			if waits != nil {
				*waits = append(*waits, d)
			}
			return ctx.Err()
		},
	}
}

func writeJSON(w http.ResponseWriter, status int, v string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Snowflake-Request-Id", "hdr-req-1")
	w.WriteHeader(status)
	io.WriteString(w, v)
}
