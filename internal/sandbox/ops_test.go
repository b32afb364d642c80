package sandbox_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestRateLimitQPS(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) {
		p.RateLimitsEnabled = true
		p.RateLimitOverrides = map[string]sandbox.RateLimitOverride{"Light": {PerWindow: 3}}
	})
	for i := 0; i < 3; i++ {
		r := e.call(http.MethodGet, "/v2/users/me", nil)
		r.wantStatus(t, 200)
		if r.header.Get("X-RateLimit-Category") != "Light" || r.header.Get("X-RateLimit-Type") != "QPS" || r.header.Get("X-RateLimit-Limit") != "3" {
			t.Fatalf("headers %v", r.header)
		}
	}
	r := e.call(http.MethodGet, "/v2/users/me", nil)
	r.wantError(t, 429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
	if r.header.Get("X-RateLimit-Type") != "QPS" || r.header.Get("X-RateLimit-Remaining") != "0" || r.header.Get("Retry-After") != "" {
		t.Fatalf("429 headers %v", r.header)
	}
	// Other categories have their own bucket (business Medium = 60/s).
	r = e.call(http.MethodGet, "/v2/users", nil)
	r.wantStatus(t, 200)
	if r.header.Get("X-RateLimit-Category") != "Medium" || r.header.Get("X-RateLimit-Limit") != "60" {
		t.Fatalf("medium headers %v", r.header)
	}
	// The window refills with the wall clock.
	time.Sleep(400 * time.Millisecond)
	e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, 200)
	st := e.s.RequestStats()
	if st.RateLimited != 1 || st.TooManyRequests != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestRateLimitDaily(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) {
		p.Plan = sandbox.PlanFree
		p.RateLimitsEnabled = true
		p.RateLimitOverrides = map[string]sandbox.RateLimitOverride{"Medium": {PerWindow: 100, Daily: 2}}
	})
	e.s.SetNow(time.Date(2030, 5, 30, 15, 0, 0, 0, time.UTC))
	e.tok = e.token()
	r := e.call(http.MethodGet, "/v2/users", nil)
	if r.header.Get("X-RateLimit-Type") != "Daily-limit" || r.header.Get("X-RateLimit-Limit") != "2" || r.header.Get("X-RateLimit-Remaining") != "1" {
		t.Fatalf("headers %v", r.header)
	}
	e.call(http.MethodGet, "/v2/users", nil).wantStatus(t, 200)
	r = e.call(http.MethodGet, "/v2/users", nil)
	r.wantError(t, 429, 429, "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.")
	if r.header.Get("X-RateLimit-Type") != "Daily-limit" || r.header.Get("X-RateLimit-Remaining") != "0" ||
		r.header.Get("Retry-After") != "2030-05-31T00:00:00Z" {
		t.Fatalf("daily 429 headers %v", r.header)
	}
	// Free Light keeps its own daily quota (6000).
	if r := e.call(http.MethodGet, "/v2/users/me", nil); r.header.Get("X-RateLimit-Limit") != "6000" {
		t.Fatalf("light headers %v", r.header)
	}
	e.s.SetNow(time.Date(2030, 5, 31, 0, 0, 1, 0, time.UTC))
	e.tok = e.token()
	e.call(http.MethodGet, "/v2/users", nil).wantStatus(t, 200)
}

func TestFaults(t *testing.T) {
	e := newEnv(t, nil)
	noKeepAlive := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}

	add := func(f sandbox.Fault) {
		t.Helper()
		if err := e.s.AddFault(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.s.AddFault(sandbox.Fault{Kind: "boom"}); err == nil {
		t.Fatal("unknown kind accepted")
	}
	if err := e.s.AddFault(sandbox.Fault{Kind: "500", Path: "("}); err == nil {
		t.Fatal("bad regexp accepted")
	}

	t.Run("429 with retry-after, twice", func(t *testing.T) {
		add(sandbox.Fault{Method: "GET", Path: `^/v2/users/[^/]+$`, Kind: "429", Count: 2, RetryAfterSeconds: 7})
		for i := 0; i < 2; i++ {
			r := e.call(http.MethodGet, "/v2/users/me", nil)
			r.wantError(t, 429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
			if r.header.Get("Retry-After") != "7" || r.header.Get("X-RateLimit-Type") != "QPS" || r.header.Get("X-RateLimit-Category") != "Light" {
				t.Fatalf("headers %v", r.header)
			}
		}
		e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, 200)
	})
	t.Run("5xx", func(t *testing.T) {
		for _, k := range []string{"500", "502", "503", "504"} {
			add(sandbox.Fault{Path: `^/v2/users$`, Kind: k})
			r := e.call(http.MethodGet, "/v2/users", nil)
			if r.status != int(k[0]-'0')*100+int(k[2]-'0') || !strings.Contains(string(r.body), `"code":`) {
				t.Fatalf("%s: %d %s", k, r.status, r.body)
			}
		}
	})
	t.Run("html", func(t *testing.T) {
		add(sandbox.Fault{Path: `^/v2/users$`, Kind: "html"})
		r := e.call(http.MethodGet, "/v2/users", nil)
		if r.status != 502 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			t.Fatalf("%d %v", r.status, r.header)
		}
	})
	t.Run("truncated", func(t *testing.T) {
		add(sandbox.Fault{Path: `^/v2/users/me$`, Kind: "truncated"})
		r := e.call(http.MethodGet, "/v2/users/me", nil)
		var v any
		if r.status != 200 || json.Unmarshal(r.body, &v) == nil {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("drop", func(t *testing.T) {
		add(sandbox.Fault{Method: "POST", Path: `^/v2/users$`, Kind: "drop"})
		_, err := e.do(noKeepAlive, e.tok, http.MethodPost, "/v2/users", `{"action":"autoCreate","user_info":{"email":"drop@x.co","type":1,"password":"Secr3tPassw0rd"}}`)
		if err == nil {
			t.Fatal("drop: no error")
		}
		e.call(http.MethodGet, "/v2/users/drop@x.co", nil).wantError(t, 404, 1001, "")
	})
	t.Run("drop_after changes state", func(t *testing.T) {
		add(sandbox.Fault{Method: "POST", Path: `^/v2/users$`, Kind: "drop_after"})
		_, err := e.do(noKeepAlive, e.tok, http.MethodPost, "/v2/users", `{"action":"autoCreate","user_info":{"email":"after@x.co","type":1,"password":"Secr3tPassw0rd"}}`)
		if err == nil {
			t.Fatal("drop_after: no error")
		}
		e.call(http.MethodGet, "/v2/users/after@x.co", nil).wantStatus(t, 200)
	})
	t.Run("5xx_after changes state", func(t *testing.T) {
		add(sandbox.Fault{Method: "DELETE", Kind: "5xx_after"})
		e.call(http.MethodDelete, "/v2/users/after@x.co?action=delete", nil).wantError(t, 500, 500, "")
		e.call(http.MethodGet, "/v2/users/after@x.co", nil).wantError(t, 404, 1001, "")
	})
	t.Run("hang until client gives up", func(t *testing.T) {
		add(sandbox.Fault{Path: `^/v2/users/me$`, Kind: "hang"})
		c := &http.Client{Timeout: 150 * time.Millisecond}
		start := time.Now()
		if _, err := e.do(c, e.tok, http.MethodGet, "/v2/users/me", nil); err == nil {
			t.Fatal("hang: no error")
		}
		if time.Since(start) < 100*time.Millisecond {
			t.Fatal("hang returned early")
		}
	})
	t.Run("bounded hang then processed", func(t *testing.T) {
		add(sandbox.Fault{Path: `^/v2/users/me$`, Kind: "hang", HangMS: 100})
		start := time.Now()
		e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, 200)
		if time.Since(start) < 100*time.Millisecond {
			t.Fatal("no delay")
		}
	})
	t.Run("token endpoint", func(t *testing.T) {
		add(sandbox.Fault{Path: `^/oauth/token$`, Kind: "503"})
		status, _ := e.tokenRequest("sandbox-client", "sandbox-secret", nil, nil)
		if status != 503 {
			t.Fatalf("status %d", status)
		}
		e.token()
	})
	t.Run("fraction is deterministic", func(t *testing.T) {
		run := func() string {
			e.s.ClearFaults()
			add(sandbox.Fault{Path: `^/v2/users/email$`, Kind: "500", Fraction: 0.5, Seed: 42})
			var sb strings.Builder
			for i := 0; i < 40; i++ {
				if e.call(http.MethodGet, "/v2/users/email?email=a@b.co", nil).status == 500 {
					sb.WriteByte('x')
				} else {
					sb.WriteByte('.')
				}
			}
			return sb.String()
		}
		a, b := run(), run()
		if a != b || !strings.Contains(a, "x") || !strings.Contains(a, ".") {
			t.Fatalf("pattern %q vs %q", a, b)
		}
		f := e.s.Faults()
		if len(f) != 1 || f[0].Matched != 40 || f[0].Fired != strings.Count(a, "x") {
			t.Fatalf("counts %+v", f)
		}
	})
	e.s.ClearFaults()
	if st := e.s.RequestStats(); st.Faults < 10 {
		t.Errorf("fault stats %+v", st)
	}
}

func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	e := &env{t: t, s: s, ts: ts}
	e.tok = e.token()
	id := e.createUser("autoCreate", "keep@example.com", 2)
	e.call(http.MethodPatch, "/v2/users/"+id, `{"job_title":"Keeper"}`).wantStatus(t, 204)
	s.UpdateProfile(func(p *sandbox.Profile) { p.WebHost = "us02web.zoom.us" })
	s.Advance(48 * time.Hour)
	ts.Close()
	// State is already on disk before Close.
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "Keeper") || strings.Contains(string(data), "Secr3tPassw0rd") {
		t.Fatalf("state file: %v %s", err, data)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if d := time.Until(s2.Now()); d < 47*time.Hour {
		t.Errorf("clock offset not restored: %v", d)
	}
	if s2.Profile().WebHost != "us02web.zoom.us" {
		t.Errorf("profile not restored")
	}
	ts2 := httptest.NewServer(s2)
	defer ts2.Close()
	e2 := &env{t: t, s: s2, ts: ts2}
	e2.tok = e2.token()
	m := e2.call(http.MethodGet, "/v2/users/"+id, nil).json(t)
	if m["job_title"] != "Keeper" || !strings.HasPrefix(m["personal_meeting_url"].(string), "https://us02web.zoom.us/j/") {
		t.Fatalf("restored user %v", m)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temp files left: %v", entries)
	}
}

func TestPersistenceCorruptFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"garbage":   "{not json",
		"empty":     "",
		"version":   `{"version":99,"state":{}}`,
		"duplicate": `{"version":1,"profile":` + mustProfileJSON(t) + `,"state":{"next_seq":2,"users":[{"seq":1,"id":"a","email":"x@y.z","status":"active"},{"seq":2,"id":"a","email":"w@y.z","status":"active"}]}}`,
	} {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(path)
		_, err := sandbox.New(sandbox.Options{StatePath: path})
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		after, _ := os.ReadFile(path)
		st, _ := os.Stat(path)
		if string(after) != content || !st.ModTime().Equal(before.ModTime()) {
			t.Fatalf("%s: file modified", name)
		}
	}
	// An unreadable path (a directory) is an error too.
	if _, err := sandbox.New(sandbox.Options{StatePath: dir}); err == nil {
		t.Fatal("directory accepted as state file")
	}
}

func mustProfileJSON(t *testing.T) string {
	b, err := json.Marshal(sandbox.DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAdminAPI(t *testing.T) {
	e := newEnv(t, nil)
	id := e.createUser("autoCreate", "a@example.com", 1)

	// Profile merge.
	r := e.admin(http.MethodPut, "/profile", `{"plan":"pro","latency_ms":0}`)
	r.wantStatus(t, 200)
	if p := e.s.Profile(); p.Plan != "pro" || p.ClientID != "sandbox-client" {
		t.Fatalf("merged profile %+v", p)
	}
	e.admin(http.MethodPut, "/profile", `{"plan":"gold"}`).wantStatus(t, 400)
	e.admin(http.MethodPut, "/profile", `{"no_such_knob":1}`).wantStatus(t, 400)
	var prof sandbox.Profile
	mustJSON(t, e.admin(http.MethodGet, "/profile", nil).body, &prof)
	if prof.Plan != "pro" {
		t.Fatalf("GET profile %+v", prof)
	}

	// Faults.
	e.admin(http.MethodPost, "/faults", `{"method":"GET","path":"^/v2/users$","kind":"503","count":1}`).wantStatus(t, 201)
	e.admin(http.MethodPost, "/faults", `{"kind":"nope"}`).wantStatus(t, 400)
	e.call(http.MethodGet, "/v2/users", nil).wantStatus(t, 503)
	var fl struct{ Faults []sandbox.Fault }
	mustJSON(t, e.admin(http.MethodGet, "/faults", nil).body, &fl)
	if len(fl.Faults) != 1 || fl.Faults[0].Fired != 1 {
		t.Fatalf("faults %+v", fl)
	}
	e.admin(http.MethodDelete, "/faults", nil).wantStatus(t, 204)

	// Request log: no tokens, route templates, counts.
	e.call(http.MethodPatch, "/v2/users/"+id, `{"dept":"R&D"}`).wantStatus(t, 204)
	var rv struct {
		Requests []sandbox.RequestRecord
		Stats    sandbox.RequestStats
	}
	raw := e.admin(http.MethodGet, "/requests", nil).body
	mustJSON(t, raw, &rv)
	if strings.Contains(string(raw), e.tok) || strings.Contains(string(raw), "sandbox-secret") || strings.Contains(string(raw), "R&D") {
		t.Fatal("request log leaks secrets or bodies")
	}
	if rv.Stats.ByRoute["PATCH /v2/users/{userId}"] != 1 || rv.Stats.TokenRequests != 1 || rv.Stats.ByStatus[503] != 1 || rv.Stats.ByCategory["Light"] < 2 {
		t.Fatalf("stats %+v", rv.Stats)
	}
	last := rv.Requests[len(rv.Requests)-1]
	if last.Route != "PATCH /v2/users/{userId}" || last.Status != 204 || last.Category != "Light" {
		t.Fatalf("last record %+v", last)
	}
	e.admin(http.MethodDelete, "/requests", nil).wantStatus(t, 204)
	if n := len(e.s.Requests()); n != 0 {
		t.Fatalf("%d records after clear", n)
	}

	// Clock.
	var cv struct {
		Now           time.Time `json:"now"`
		OffsetSeconds float64   `json:"offset_seconds"`
	}
	mustJSON(t, e.admin(http.MethodPost, "/clock", `{"advance_seconds":3600}`).body, &cv)
	if cv.OffsetSeconds < 3599 || cv.OffsetSeconds > 3601 {
		t.Fatalf("clock %+v", cv)
	}
	mustJSON(t, e.admin(http.MethodPost, "/clock", `{"now":"2031-01-02T03:04:05Z"}`).body, &cv)
	if d := cv.Now.Sub(time.Date(2031, 1, 2, 3, 4, 5, 0, time.UTC)); d < 0 || d > time.Second {
		t.Fatalf("clock set %+v", cv)
	}
	e.admin(http.MethodPost, "/clock", `{"now":"yesterday"}`).wantStatus(t, 400)
	e.admin(http.MethodGet, "/clock", nil).wantStatus(t, 200)

	// Reset keeps the profile; ?profile=1 restores the start-up one.
	e.admin(http.MethodPost, "/reset", nil).wantStatus(t, 200)
	e.tok = e.token()
	e.call(http.MethodGet, "/v2/users/"+id, nil).wantError(t, 404, 1001, "")
	if m := e.call(http.MethodGet, "/v2/users", nil).json(t); m["total_records"] != float64(1) {
		t.Fatalf("after reset %v", m)
	}
	if e.s.Profile().Plan != "pro" {
		t.Fatal("reset changed the profile")
	}
	e.admin(http.MethodPost, "/reset?profile=1", nil).wantStatus(t, 200)
	if e.s.Profile().Plan != "business" {
		t.Fatal("reset?profile=1 kept the profile")
	}
	e.admin(http.MethodGet, "/reset", nil).wantStatus(t, 405)
	e.admin(http.MethodGet, "/nothing", nil).wantStatus(t, 404)
	e.admin(http.MethodDelete, "/tokens", nil).wantStatus(t, 204)
	e.call(http.MethodGet, "/v2/users/me", nil).wantError(t, 401, 124, "Invalid access token.")
}

func TestClockAndLatency(t *testing.T) {
	e := newEnv(t, nil)
	before := e.s.Now()
	e.s.Advance(10 * time.Hour)
	if d := e.s.Now().Sub(before); d < 10*time.Hour || d > 10*time.Hour+time.Second {
		t.Fatalf("advance: %v", d)
	}
	target := time.Date(2029, 2, 3, 4, 5, 6, 0, time.UTC)
	e.s.SetNow(target)
	if d := e.s.Now().Sub(target); d < 0 || d > time.Second {
		t.Fatalf("set: %v", d)
	}
	e.tok = e.token()
	id := e.createUser("autoCreate", "c@example.com", 1)
	if ts := e.call(http.MethodGet, "/v2/users/"+id, nil).json(t)["user_created_at"]; ts != "2029-02-03T04:05:06Z" {
		t.Errorf("user_created_at %v", ts)
	}

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.LatencyMS = 60 })
	start := time.Now()
	e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, 200)
	if time.Since(start) < 60*time.Millisecond {
		t.Fatal("latency not injected")
	}
}

func TestNewRejectsInvalidProfile(t *testing.T) {
	p := sandbox.DefaultProfile()
	p.Plan = "platinum"
	if _, err := sandbox.New(sandbox.Options{Profile: &p}); err == nil {
		t.Fatal("invalid plan accepted")
	}
	if _, err := sandbox.PresetProfile("free"); err != nil {
		t.Fatal(err)
	}
	if _, err := sandbox.PresetProfile("gold"); err == nil {
		t.Fatal("unknown preset accepted")
	}
}
