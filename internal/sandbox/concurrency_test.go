package sandbox_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// TestConcurrentUse exercises the server from many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) {
		p.RateLimitsEnabled = true
		p.RateLimitOverrides = map[string]sandbox.RateLimitOverride{"Light": {PerWindow: 100000}, "Medium": {PerWindow: 100000}}
	})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				email := fmt.Sprintf("c%d-%d@example.com", g, i)
				body := `{"action":"autoCreate","user_info":{"email":"` + email + `","type":1,"password":"Secr3tPassw0rd"}}`
				if r, err := e.do(e.ts.Client(), e.tok, http.MethodPost, "/v2/users", body); err != nil || r.status != 201 {
					t.Errorf("create %s: %v %d", email, err, r.status)
					return
				}
				_, _ = e.do(e.ts.Client(), e.tok, http.MethodPatch, "/v2/users/"+email, `{"dept":"x"}`)
				_, _ = e.do(e.ts.Client(), e.tok, http.MethodGet, "/v2/users?page_size=5", nil)
				if r, err := e.do(e.ts.Client(), e.tok, http.MethodPost, "/v2/users/"+email+"/meetings", `{"type":8,"recurrence":{"type":1,"end_times":3}}`); err != nil || r.status != 201 {
					t.Errorf("create meeting for %s: %v %d", email, err, r.status)
				} else {
					var m struct{ ID int64 }
					_ = json.Unmarshal(r.body, &m)
					_ = e.s.StartMeeting(m.ID)
					_, _ = e.do(e.ts.Client(), e.tok, http.MethodGet, fmt.Sprintf("/v2/meetings/%d", m.ID), nil)
					_ = e.s.EndMeeting(m.ID)
				}
				_ = e.s.RequestStats()
				e.s.UpdateProfile(func(p *sandbox.Profile) { p.LatencyMS = 0 })
			}
		}(g)
	}
	wg.Wait()
	if m := e.call(http.MethodGet, "/v2/users", nil).json(t); m["total_records"] != float64(81) {
		t.Fatalf("total_records %v", m["total_records"])
	}
}

// TestInProcess drives the handler directly, as a test harness may.
func TestInProcess(t *testing.T) {
	s, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	req := httptest.NewRequest(http.MethodPost, "/oauth/token?grant_type=account_credentials&account_id=sandbox-account", nil)
	req.SetBasicAuth("sandbox-client", "sandbox-secret")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"api_url":"http://example.com"`) {
		t.Fatalf("token: %d %s", rec.Code, rec.Body)
	}
	if st := s.RequestStats(); st.TokenRequests != 1 || st.ByRoute["POST /oauth/token"] != 1 {
		t.Fatalf("stats %+v", st)
	}
}
