package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestRedactJSON(t *testing.T) {
	in := `{"topic":"x","password":"P@ss1234","settings":{"host_key":"987654","zak":"zzz"},` +
		`"start_url":"https://zoom.us/s/1?zak=SECRETZAK","join_url":"https://zoom.us/j/1?pwd=SECRETPWD",` +
		`"occurrences":[{"registration_url":"https://zoom.us/r?tk=SECRETTK"}],` +
		`"note":"see https://zoom.us/j/2?pwd=OTHERPWD&x=1 and Bearer eyJabc.def",` +
		`"Access_Token":"tokval","token":"t2","pmi":1234567890,"encrypted_password":"ep","h323_password":"h","pstn_password":"p"}`
	out := string(Redact([]byte(in)))
	for _, secret := range []string{"P@ss1234", "987654", "zzz", "SECRETZAK", "SECRETPWD", "SECRETTK", "OTHERPWD", "eyJabc", "tokval", `"t2"`, `"ep"`, `"h"`, `"p"`} {
		if strings.Contains(out, secret) {
			t.Errorf("redacted output contains %s: %s", secret, out)
		}
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if m["topic"] != "x" || m["pmi"] != json.Number("1234567890") && m["pmi"] != float64(1234567890) || m["password"] != "***" {
		t.Fatalf("non-secret values changed or secret not masked: %v", m)
	}
	if !strings.Contains(out, "https://zoom.us/j/2?pwd=***&x=1") {
		t.Fatalf("URL param not masked in place: %s", out)
	}
}

func TestRedactNonJSON(t *testing.T) {
	cases := []string{
		`{"id":"1","password":"P@ss1234","start_url":"https://zoom.us/s/1?zak=SECRETZAK`, // truncated
		`grant_type=account_credentials&client_secret=P@ss1234&access_token=SECRETZAK`,
		`<a href="https://zoom.us/j/1?pwd=P@ss1234">join</a> "host_key": 123456 Authorization: Basic SECRETZAK=`,
	}
	for _, in := range cases {
		out := string(Redact([]byte(in)))
		for _, secret := range []string{"P@ss1234", "SECRETZAK", "123456"} {
			if strings.Contains(out, secret) {
				t.Errorf("Redact(%q) = %q still contains %s", in, out, secret)
			}
		}
	}
	if got := string(Redact(nil)); got != "" {
		t.Fatalf("Redact(nil) = %q", got)
	}
}

func TestSensitiveKeys(t *testing.T) {
	keys := SensitiveKeys()
	for _, k := range []string{"password", "access_token", "client_secret", "start_url", "join_url", "registration_url", "h323_password", "pstn_password", "encrypted_password", "zak", "token", "host_key"} {
		found := false
		for _, have := range keys {
			found = found || have == k
		}
		if !found {
			t.Errorf("SensitiveKeys lacks %q", k)
		}
	}
	keys[0] = "mutated"
	if SensitiveKeys()[0] == "mutated" {
		t.Fatal("SensitiveKeys returns the internal slice")
	}
	if q := SensitiveQueryParams(); len(q) != 3 {
		t.Fatalf("SensitiveQueryParams = %v", q)
	}
}

func TestSanitizePath(t *testing.T) {
	got := sanitizePath("users/email", url.Values{"email": {"a@b.c"}, "pwd": {"x"}, "access_token": {"y"}})
	if got != "/users/email?access_token=%2A%2A%2A&email=a%40b.c&pwd=%2A%2A%2A" {
		t.Fatalf("sanitizePath = %q", got)
	}
}

func TestRequestLoggingRedacts(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		w.Header().Set("X-RateLimit-Category", "Light")
		w.Header().Set("X-RateLimit-Remaining", "79")
		writeJSON(w, 201, map[string]any{
			"id": "u1", "email": "a@b.c", "type": 1,
			"start_url": "https://zoom.us/s/1?zak=ZAKVALUE", "join_url": "https://zoom.us/j/1?pwd=PWDVALUE",
		})
	})
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeZoomError(w, 404, 1001, "User does not exist: u2.")
	})
	log := &recordLogger{}
	c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.Logger = log })
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{
		Action:   UserActionAutoCreate,
		UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1, Password: "InitialPass9"},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = c.Users.Get(context.Background(), "u2")
	text := log.text()
	for _, secret := range []string{"tok-1", "Bearer", testClientSecret, "InitialPass9", "ZAKVALUE", "PWDVALUE"} {
		if strings.Contains(text, secret) {
			t.Errorf("log contains %q:\n%s", secret, text)
		}
	}
	for _, want := range []string{"method:POST", "path:/users", "status:201", "attempt:1", "x_ratelimit_remaining:79", "category:Light", "zoom_code:1001", `"password":"***"`, "fetched OAuth token"} {
		if !strings.Contains(text, want) {
			t.Errorf("log lacks %q:\n%s", want, text)
		}
	}
	if log.count["TRACE"] == 0 || log.count["DEBUG"] == 0 {
		t.Fatalf("levels = %v", log.count)
	}
}

func TestRetryLoggedAtWarn(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "2")
			writeZoomError(w, 429, 429, "Try again later.")
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	log := &recordLogger{}
	c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.Logger = log })
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.text(), "WARN zoom: rate limited (HTTP 429), retrying") || !strings.Contains(log.text(), "wait:2s") {
		t.Fatalf("log:\n%s", log.text())
	}
}
