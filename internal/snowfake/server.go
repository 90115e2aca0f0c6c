package snowfake

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a [Server]. The zero value accepts any user and password and
// uses the wall clock.
type Options struct {
	// User and Password, if User is set, are the only credentials login accepts.
	User, Password string
	// Now is the clock for refresh times and SHOW results. Nil means time.Now.
	Now func() time.Time
}

// DriverEnv lists the environment variables a test binary should set before the
// gosnowflake driver first connects: no cloud-platform probing, no native
// library extracted at init.
var DriverEnv = map[string]string{
	"SNOWFLAKE_DISABLE_PLATFORM_DETECTION": "true",
	"SF_DISABLE_MINICORE":                  "true",
}

// DSN returns a gosnowflake DSN for a server listening at addr (host:port) over
// plain http, with the JSON result format and short timeouts, for database db.
func DSN(addr, db string) string {
	q := url.Values{}
	q.Set("account", "fakeacct")
	q.Set("protocol", "http")
	q.Set("disableOCSPChecks", "true")
	q.Set("disableTelemetry", "true")
	q.Set("loginTimeout", "10")
	q.Set("requestTimeout", "60")
	q.Set("maxRetryCount", "1")
	q.Set("GO_QUERY_RESULT_FORMAT", "json")
	return fmt.Sprintf("user:pass@%s/%s/PUBLIC?%s", addr, db, q.Encode())
}

// Server is the loopback Snowflake. It is an http.Handler; serve it with
// httptest.NewServer.
type Server struct {
	db   *sql.DB
	opts Options

	mu        sync.Mutex
	sessions  map[string]*session
	dynamic   map[string]*dynamicTable // by upper-cased DB.SCHEMA.NAME
	semantic  map[string]*semanticView // by DB.SCHEMA.NAME as Snowflake resolves it
	stages    map[string]string        // stage key → its directory under stageRoot
	stageRoot string
	seq       int64
	queries   []string
}

type session struct {
	conn *sql.Conn
	mu   sync.Mutex // one statement at a time, as on one Snowflake session
}

// New returns a server that runs statements on db, which must be DuckDB. It
// defines the helper macros its translation calls on db.
func New(ctx context.Context, db *sql.DB, opts Options) (*Server, error) {
	for _, m := range append(append([]string(nil), macros...), divMacros...) {
		if _, err := db.ExecContext(ctx, m); err != nil {
			return nil, fmt.Errorf("snowfake: define macros: %w", err)
		}
	}
	return &Server{db: db, opts: opts, sessions: map[string]*session{}, dynamic: map[string]*dynamicTable{}, semantic: map[string]*semanticView{}, stages: map[string]string{}}, nil
}

func (s *Server) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now().UTC()
	}
	return time.Now().UTC()
}

// Queries returns every SQL text received, in order.
func (s *Server) Queries() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.queries...)
}

// Close ends every session, closing its connection, and removes the stages'
// files.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tok, sess := range s.sessions {
		sess.conn.Close()
		delete(s.sessions, tok)
	}
	if s.stageRoot != "" {
		return os.RemoveAll(s.stageRoot)
	}
	return nil
}

func (s *Server) nextID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return s.seq
}

// ServeHTTP routes the driver's requests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/session/v1/login-request":
		s.login(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/queries/v1/query-request":
		s.query(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/queries/v1/abort-request":
		writeJSON(w, map[string]any{"success": true})
	case r.Method == http.MethodPost && r.URL.Path == "/session" && r.URL.Query().Get("delete") == "true":
		s.logout(w, r)
	case r.URL.Path == "/telemetry/send", r.URL.Path == "/session/heartbeat":
		writeJSON(w, map[string]any{"success": true})
	default:
		writeJSON(w, failure("000004", "0A000", "the loopback server does not implement "+r.Method+" "+r.URL.Path))
	}
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Data struct {
			LoginName string `json:"LOGIN_NAME"`
			Password  string `json:"PASSWORD"`
		} `json:"data"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, failure("390100", "08004", "malformed login request: "+err.Error()))
		return
	}
	if s.opts.User != "" && (body.Data.LoginName != s.opts.User || body.Data.Password != s.opts.Password) {
		writeJSON(w, failure("390100", "08004", "Incorrect username or password was specified."))
		return
	}
	conn, err := s.db.Conn(r.Context())
	if err != nil {
		writeJSON(w, failure("390100", "08004", "engine: "+err.Error()))
		return
	}
	id := s.nextID()
	token := "session-" + strconv.FormatInt(id, 10)
	s.mu.Lock()
	s.sessions[token] = &session{conn: conn}
	s.mu.Unlock()
	q := r.URL.Query()
	writeJSON(w, map[string]any{"success": true, "data": map[string]any{
		"token": token, "masterToken": "master-" + token, "validityInSeconds": 3600, "masterValidityInSeconds": 14400,
		"sessionId": id, "serverVersion": "snowfake",
		"parameters": []map[string]any{{"name": "TIMEZONE", "value": "UTC"}, {"name": "CLIENT_SESSION_KEEP_ALIVE", "value": false}},
		"sessionInfo": map[string]any{"databaseName": q.Get("databaseName"), "schemaName": q.Get("schemaName"),
			"warehouseName": q.Get("warehouse"), "roleName": q.Get("roleName")},
	}})
}

// sessionOf returns the session named by the request's Snowflake token.
func (s *Server) sessionOf(r *http.Request) (string, *session) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), `Snowflake Token="`)
	tok = strings.TrimSuffix(tok, `"`)
	s.mu.Lock()
	defer s.mu.Unlock()
	return tok, s.sessions[tok]
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	tok, sess := s.sessionOf(r)
	if sess != nil {
		s.mu.Lock()
		delete(s.sessions, tok)
		s.mu.Unlock()
		sess.conn.Close()
	}
	writeJSON(w, map[string]any{"success": true})
}

func (s *Server) query(w http.ResponseWriter, r *http.Request) {
	_, sess := s.sessionOf(r)
	if sess == nil {
		writeJSON(w, failure("390104", "08001", "User must login again to access the service."))
		return
	}
	var req struct {
		SQLText    string             `json:"sqlText"`
		Bindings   map[string]binding `json:"bindings"`
		Parameters map[string]any     `json:"parameters"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSON(w, failure("000900", "42000", "malformed query request: "+err.Error()))
		return
	}
	s.mu.Lock()
	s.queries = append(s.queries, req.SQLText)
	s.mu.Unlock()
	if n, err := statementCount(req.SQLText); err != nil {
		writeJSON(w, failure("001003", "42000", "SQL compilation error: "+err.Error()))
		return
	} else if count, set := req.Parameters["MULTI_STATEMENT_COUNT"]; n > 1 && (!set || fmt.Sprint(count) == "1") {
		writeJSON(w, failure("000008", "0A000", fmt.Sprintf("Actual statement count %d did not match the desired statement count 1.", n)))
		return
	} else if set && fmt.Sprint(count) != "1" {
		// MULTI_STATEMENT_COUNT=1 is Snowflake's default said aloud: one statement.
		writeJSON(w, failure("000004", "0A000", "the loopback server does not implement multi-statement requests"))
		return
	}
	args, err := bindArgs(req.Bindings)
	if err != nil {
		writeJSON(w, failure("002049", "22000", err.Error()))
		return
	}
	sess.mu.Lock()
	defer sess.mu.Unlock()
	res, err := s.run(r.Context(), sess.conn, req.SQLText, args)
	if err != nil {
		writeJSON(w, engineFailure(err))
		return
	}
	res.QueryID = fmt.Sprintf("01fa%012d", s.nextID())
	res.Format = "json"
	res.SQLState = "00000"
	res.Total, res.Returned = len(res.Rowset), len(res.Rowset)
	writeJSON(w, map[string]any{"success": true, "data": res})
}

// result is the data of a successful query-request response.
type result struct {
	QueryID         string      `json:"queryId"`
	StatementTypeID int         `json:"statementTypeId"`
	Format          string      `json:"queryResultFormat"`
	Rowtype         []column    `json:"rowtype"`
	Rowset          [][]*string `json:"rowset"`
	Total           int         `json:"total"`
	Returned        int         `json:"returned"`
	SQLState        string      `json:"sqlState"`

	// A PUT's answer: what the driver uploads, and where.
	Command           string     `json:"command,omitempty"`
	SrcLocations      []string   `json:"src_locations,omitempty"`
	AutoCompress      bool       `json:"autoCompress,omitempty"`
	Overwrite         bool       `json:"overwrite,omitempty"`
	SourceCompression string     `json:"sourceCompression,omitempty"`
	Parallel          int        `json:"parallel,omitempty"`
	StageInfo         *stageInfo `json:"stageInfo,omitempty"`
}

// column is one entry of a result's rowtype.
type column struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Precision int    `json:"precision,omitempty"`
	Scale     int    `json:"scale"`
	Nullable  bool   `json:"nullable"`
}

// Statement type ids the driver reads to build Exec results.
const (
	typeSelect = 0x1000
	typeInsert = 0x3100
	typeUpdate = 0x3200
	typeDelete = 0x3300
	typeTCL    = 0x5000
	typePut    = 0x7000
	typeDDL    = 0x6000
)

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// failure is an error response: HTTP 200, success false, a numeric code.
func failure(code, state, msg string) map[string]any {
	return map[string]any{"success": false, "code": code, "message": msg, "data": map[string]any{"sqlState": state}}
}

// engineFailure maps a DuckDB error to the Snowflake error class it resembles.
func engineFailure(err error) map[string]any {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Catalog Error"):
		return failure("002003", "42S02", "SQL compilation error: "+msg)
	case strings.Contains(msg, "Parser Error"):
		return failure("001003", "42000", "SQL compilation error: "+msg)
	case strings.Contains(msg, "Binder Error"):
		return failure("000904", "42000", "SQL compilation error: "+msg)
	case strings.Contains(msg, "Constraint Error"):
		return failure("100072", "22000", msg)
	case strings.Contains(msg, "context canceled"), strings.Contains(msg, "INTERRUPT"):
		return failure("000604", "57014", "SQL execution canceled")
	}
	return failure("100035", "22000", msg)
}
