package sandbox_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestAdminSurfaceIsOpenWithoutAnAdminToken(t *testing.T) {
	e := newEnv(t, nil)
	e.admin(http.MethodGet, "/profile", nil).wantStatus(t, http.StatusOK)
}

func TestAdminTokenGuardsEveryAdminEndpoint(t *testing.T) {
	const adminToken = "admin-token-for-tests"
	s, err := sandbox.New(sandbox.Options{AdminToken: adminToken})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); _ = s.Close() })
	e := &env{t: t, s: s, ts: ts}
	e.tok = e.token()
	owner := s.Profile().OwnerEmail

	for _, c := range []struct{ method, path string }{
		{http.MethodGet, "/_sandbox/profile"},
		{http.MethodPut, "/_sandbox/profile"},
		{http.MethodPost, "/_sandbox/reset"},
		{http.MethodGet, "/_sandbox/faults"},
		{http.MethodPost, "/_sandbox/faults"},
		{http.MethodGet, "/_sandbox/requests"},
		{http.MethodPost, "/_sandbox/clock"},
		{http.MethodDelete, "/_sandbox/tokens"},
		{http.MethodPost, "/_sandbox/seed/users"},
		{http.MethodPost, "/_sandbox/meetings/123/start"},
		{http.MethodGet, "/_sandbox/nothing-here"},
		{http.MethodGet, "/_sandbox"},
	} {
		for _, auth := range []string{"", "Bearer wrong", "Bearer " + adminToken + "x", "Basic " + adminToken, adminToken, "Bearer " + e.tok} {
			req, _ := http.NewRequest(c.method, ts.URL+c.path, strings.NewReader(`{"advance_seconds":3600,"count":1}`))
			if auth != "" {
				req.Header.Set("Authorization", auth)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s %s with %q: HTTP %d, want 401", c.method, c.path, auth, resp.StatusCode)
			}
		}
	}
	// Nothing of the above took effect: the clock did not move, tokens were not revoked, no user was seeded.
	if r := e.call(http.MethodGet, "/v2/users/"+owner, nil); r.status != http.StatusOK {
		t.Fatalf("the API token stopped working: HTTP %d %s", r.status, r.body)
	}
	if r := e.call(http.MethodGet, "/v2/users?page_size=300", nil); strings.Contains(string(r.body), "seed-user") {
		t.Fatal("an unauthorized seed request created users")
	}

	// The right token opens every endpoint; the scheme is case-insensitive.
	for _, auth := range []string{"Bearer " + adminToken, "bearer " + adminToken} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/_sandbox/profile", nil)
		req.Header.Set("Authorization", auth)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /_sandbox/profile with %q: HTTP %d, want 200", auth, resp.StatusCode)
		}
	}
	r, _ := e.do(ts.Client(), "", http.MethodGet, "/_sandbox/profile", nil)
	if !strings.Contains(string(r.body), sandbox.EnvAdminToken) || !strings.Contains(string(r.body), "-admin-token") {
		t.Errorf("the 401 does not say what to send: %s", r.body)
	}
	if strings.Contains(string(r.body), adminToken) {
		t.Error("the 401 shows the admin token")
	}
	// The admin token is not an API token.
	e.callWith(adminToken, http.MethodGet, "/v2/users/"+owner, nil).wantStatus(t, http.StatusUnauthorized)
}
