package sandbox_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// env is a sandbox served over a real HTTP listener.
type env struct {
	t   *testing.T
	s   *sandbox.Server
	ts  *httptest.Server
	tok string
}

func newEnv(t *testing.T, mutate func(*sandbox.Profile)) *env {
	t.Helper()
	p := sandbox.DefaultProfile()
	if mutate != nil {
		mutate(&p)
	}
	s, err := sandbox.New(sandbox.Options{Profile: &p})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		ts.CloseClientConnections()
		_ = s.Close()
		ts.Close()
	})
	e := &env{t: t, s: s, ts: ts}
	e.tok = e.token()
	return e
}

// token fetches an access token with the default credentials.
func (e *env) token() string {
	e.t.Helper()
	p := e.s.Profile()
	status, body := e.tokenRequest(p.ClientID, p.ClientSecret, url.Values{"grant_type": {"account_credentials"}, "account_id": {p.AccountID}}, nil)
	if status != http.StatusOK {
		e.t.Fatalf("token: status %d body %s", status, body)
	}
	var tr struct {
		AccessToken string `json:"access_token"`
	}
	mustJSON(e.t, body, &tr)
	return tr.AccessToken
}

func (e *env) tokenRequest(id, secret string, form, query url.Values) (int, []byte) {
	e.t.Helper()
	u := e.ts.URL + "/oauth/token"
	if query != nil {
		u += "?" + query.Encode()
	}
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(http.MethodPost, u, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if id != "" || secret != "" {
		req.SetBasicAuth(id, secret)
	}
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		e.t.Fatalf("token request: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// response is a decoded API answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	mustJSON(t, r.body, &m)
	return m
}

// wantError asserts a Zoom error answer.
func (r response) wantError(t *testing.T, status, code int, message string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	var e struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	mustJSON(t, r.body, &e)
	if e.Code != code || (message != "" && e.Message != message) {
		t.Fatalf("error = %d %q, want %d %q", e.Code, e.Message, code, message)
	}
}

func (r response) wantStatus(t *testing.T, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
}

// call sends an API request with the env's token; body may be a string or a value to marshal.
func (e *env) call(method, path string, body any) response {
	e.t.Helper()
	return e.callWith(e.tok, method, path, body)
}

func (e *env) callWith(tok, method, path string, body any) response {
	e.t.Helper()
	resp, err := e.do(e.ts.Client(), tok, method, path, body)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

func (e *env) do(client *http.Client, tok, method, path string, body any) (response, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			e.t.Fatalf("marshal: %v", err)
		}
		rd = bytes.NewReader(data)
	}
	req, _ := http.NewRequest(method, e.ts.URL+path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: b}, err
}

// admin sends an admin request.
func (e *env) admin(method, path string, body any) response {
	e.t.Helper()
	return e.callWith("", method, "/_sandbox"+path, body)
}

func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("invalid JSON %q: %v", b, err)
	}
}

// createUser creates a user and returns its id.
func (e *env) createUser(action, email string, typ int) string {
	e.t.Helper()
	info := map[string]any{"email": email, "type": typ, "first_name": "First", "last_name": "Last"}
	if action == "autoCreate" {
		info["password"] = "Secr3tPassw0rd"
	}
	r := e.call(http.MethodPost, "/v2/users", map[string]any{"action": action, "user_info": info})
	r.wantStatus(e.t, http.StatusCreated)
	return r.json(e.t)["id"].(string)
}

// advance moves the sandbox clock and fetches a fresh token (the old one may expire).
func (e *env) advance(d time.Duration) {
	e.t.Helper()
	e.s.Advance(d)
	e.tok = e.token()
}

// setNow sets the sandbox clock and fetches a fresh token (the old one may be expired at the new time).
func (e *env) setNow(t time.Time) {
	e.t.Helper()
	e.s.SetNow(t)
	e.tok = e.token()
}

// wantField asserts a validation error (400 code 300) naming field.
func (r response) wantField(t *testing.T, field string) {
	t.Helper()
	r.wantError(t, http.StatusBadRequest, 300, "Validation Failed.")
	if !strings.Contains(string(r.body), `{"field":"`+field+`","message":"Invalid field."}`) {
		t.Fatalf("errors do not name %s: %s", field, r.body)
	}
}
