package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testAccountID    = "acct-123"
	testClientID     = "client-abc"
	testClientSecret = "s3cr3t-CLIENT-value"
)

// fakeEnv is an injectable clock and sleeper: sleeping records the wait and
// (unless frozen) advances the clock, so tests never really wait.
type fakeEnv struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
	frozen bool
}

func newFakeEnv() *fakeEnv {
	return &fakeEnv{t: time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)}
}

func (f *fakeEnv) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeEnv) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sleeps = append(f.sleeps, d)
	if !f.frozen && d > 0 {
		f.t = f.t.Add(d)
	}
	return nil
}

func (f *fakeEnv) advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

func (f *fakeEnv) recorded() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.sleeps...)
}

func (f *fakeEnv) install(c *Client) {
	c.env.now = f.now
	c.env.sleep = f.sleep
	c.env.jitter = func(time.Duration) time.Duration { return 0 }
}

// testServer is a fake Zoom: an OAuth token endpoint at /oauth/token and
// API handlers under /v2/ registered by each test.
type testServer struct {
	*httptest.Server
	mux *http.ServeMux

	tokenRequests atomic.Int64
	// tokenHandler, when set, replaces the default token endpoint.
	tokenHandler atomic.Pointer[http.HandlerFunc]
	// expiresIn is the default token endpoint's expires_in (default 3600).
	expiresIn atomic.Int64
	// tokenDelay delays the default token endpoint.
	tokenDelay atomic.Int64

	mu        sync.Mutex
	tokenForm []url.Values
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	ts := &testServer{mux: http.NewServeMux()}
	ts.expiresIn.Store(3600)
	ts.mux.HandleFunc("/oauth/token", func(w http.ResponseWriter, r *http.Request) {
		if h := ts.tokenHandler.Load(); h != nil {
			ts.tokenRequests.Add(1)
			(*h)(w, r)
			return
		}
		n := ts.tokenRequests.Add(1)
		if d := time.Duration(ts.tokenDelay.Load()); d > 0 {
			time.Sleep(d)
		}
		id, secret, ok := r.BasicAuth()
		_ = r.ParseForm()
		ts.mu.Lock()
		ts.tokenForm = append(ts.tokenForm, r.PostForm)
		ts.mu.Unlock()
		if r.Method != http.MethodPost || !ok || id != testClientID || secret != testClientSecret {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`)
			return
		}
		if r.PostForm.Get("grant_type") != "account_credentials" || r.PostForm.Get("account_id") != testAccountID {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"reason":"Invalid account_id","error":"invalid_request"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"access_token": fmt.Sprintf("tok-%d", n),
			"token_type":   "bearer",
			"expires_in":   ts.expiresIn.Load(),
			"scope":        "user:read:user:admin",
			"api_url":      "https://api.zoom.us",
		})
	})
	ts.Server = httptest.NewServer(ts.mux)
	t.Cleanup(ts.Close)
	return ts
}

// handle registers an API handler; pattern is relative to /v2, e.g. "GET /users/{id}".
func (ts *testServer) handle(pattern string, h http.HandlerFunc) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		path, method = pattern, ""
	}
	full := "/v2" + path
	if method != "" {
		full = method + " " + full
	}
	ts.mux.HandleFunc(full, h)
}

func (ts *testServer) setTokenHandler(h http.HandlerFunc) { ts.tokenHandler.Store(&h) }

func (ts *testServer) forms() []url.Values {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]url.Values(nil), ts.tokenForm...)
}

// newTestClient returns a client for ts with a fake clock and sleeper,
// pacing off (tests of pacing turn it on) and jitter zero.
func newTestClient(t *testing.T, ts *testServer, mutate func(*Config)) (*Client, *fakeEnv) {
	t.Helper()
	cfg := Config{
		APIURL:        ts.URL + "/v2/",
		OAuthURL:      ts.URL + "/oauth/token",
		AccountID:     testAccountID,
		ClientID:      testClientID,
		ClientSecret:  testClientSecret,
		DisablePacing: true,
	}
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	env := newFakeEnv()
	env.install(c)
	recordRequests(c)
	return c, env
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeZoomError writes a Zoom error body.
func writeZoomError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{"code": code, "message": msg})
}

// recordLogger keeps every log line.
type recordLogger struct {
	mu    sync.Mutex
	lines []string
	count map[string]int
}

func (l *recordLogger) add(level, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.count == nil {
		l.count = map[string]int{}
	}
	l.count[level]++
	l.lines = append(l.lines, fmt.Sprintf("%s %s %v", level, msg, fields))
}

func (l *recordLogger) Debug(_ context.Context, msg string, f map[string]any) { l.add("DEBUG", msg, f) }
func (l *recordLogger) Trace(_ context.Context, msg string, f map[string]any) { l.add("TRACE", msg, f) }
func (l *recordLogger) Warn(_ context.Context, msg string, f map[string]any)  { l.add("WARN", msg, f) }

func (l *recordLogger) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}
