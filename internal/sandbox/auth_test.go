package sandbox_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestTokenEndpoint(t *testing.T) {
	e := newEnv(t, nil)
	good := url.Values{"grant_type": {"account_credentials"}, "account_id": {"sandbox-account"}}

	t.Run("form body", func(t *testing.T) {
		status, body := e.tokenRequest("sandbox-client", "sandbox-secret", good, nil)
		if status != http.StatusOK {
			t.Fatalf("status %d %s", status, body)
		}
		var tr map[string]any
		mustJSON(t, body, &tr)
		if tr["token_type"] != "bearer" || tr["expires_in"] != float64(3600) {
			t.Errorf("token response %v", tr)
		}
		if tr["api_url"] != e.ts.URL {
			t.Errorf("api_url = %v, want %s", tr["api_url"], e.ts.URL)
		}
		if tok, _ := tr["access_token"].(string); strings.Count(tok, ".") != 2 || len(tok) < 200 {
			t.Errorf("access_token %q is not JWT-shaped", tok)
		}
		if sc, _ := tr["scope"].(string); !strings.Contains(sc, "user:read:list_users:admin") {
			t.Errorf("scope %q lacks the granular user scopes", sc)
		}
	})
	t.Run("query string", func(t *testing.T) {
		if status, body := e.tokenRequest("sandbox-client", "sandbox-secret", nil, good); status != http.StatusOK {
			t.Fatalf("status %d %s", status, body)
		}
	})
	cases := []struct {
		name, id, secret string
		form             url.Values
		want             string
	}{
		{"wrong secret", "sandbox-client", "nope", good, `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`},
		{"no basic auth", "", "", good, `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`},
		{"wrong grant", "sandbox-client", "sandbox-secret", url.Values{"grant_type": {"client_credentials"}, "account_id": {"sandbox-account"}}, `{"reason":"unsupported grant type","error":"unsupported_grant_type"}`},
		{"missing grant", "sandbox-client", "sandbox-secret", url.Values{"account_id": {"sandbox-account"}}, `{"reason":"unsupported grant type","error":"unsupported_grant_type"}`},
		{"bad account", "sandbox-client", "sandbox-secret", url.Values{"grant_type": {"account_credentials"}, "account_id": {"other"}}, `{"reason":"Invalid account_id","error":"invalid_request"}`},
		{"missing account", "sandbox-client", "sandbox-secret", url.Values{"grant_type": {"account_credentials"}}, `{"reason":"Invalid account_id","error":"invalid_request"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := e.tokenRequest(tc.id, tc.secret, tc.form, nil)
			if status != http.StatusBadRequest || string(body) != tc.want {
				t.Fatalf("got %d %s, want 400 %s", status, body, tc.want)
			}
		})
	}
	t.Run("json body is unsupported grant", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, e.ts.URL+"/oauth/token", strings.NewReader(`{"grant_type":"account_credentials","account_id":"sandbox-account"}`))
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth("sandbox-client", "sandbox-secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
	t.Run("endpoint down", func(t *testing.T) {
		e.s.UpdateProfile(func(p *sandbox.Profile) { p.TokenEndpointDown = true })
		defer e.s.UpdateProfile(func(p *sandbox.Profile) { p.TokenEndpointDown = false })
		status, body := e.tokenRequest("sandbox-client", "sandbox-secret", good, nil)
		if status != http.StatusServiceUnavailable || !strings.Contains(string(body), "<html>") {
			t.Fatalf("got %d %s", status, body)
		}
	})
}

func TestBearerAuth(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.TokenLifetimeSeconds = 60 })
	e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, http.StatusOK)
	e.callWith("", http.MethodGet, "/v2/users/me", nil).wantError(t, 401, 124, "Invalid access token.")
	e.callWith("garbage", http.MethodGet, "/v2/users/me", nil).wantError(t, 401, 124, "Invalid access token.")

	// Several tokens are valid at once.
	second := e.token()
	e.callWith(second, http.MethodGet, "/v2/users/me", nil).wantStatus(t, http.StatusOK)
	e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, http.StatusOK)

	e.s.Advance(61 * time.Second)
	e.call(http.MethodGet, "/v2/users/me", nil).wantError(t, 401, 124, "Access token is expired.")
	fresh := e.token()
	e.callWith(fresh, http.MethodGet, "/v2/users/me", nil).wantStatus(t, http.StatusOK)

	// Revoked app: existing tokens fail and no new token is issued.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.Revoked = true })
	e.callWith(fresh, http.MethodGet, "/v2/users/me", nil).wantError(t, 401, 124, "Invalid access token.")
	status, body := e.tokenRequest("sandbox-client", "sandbox-secret", url.Values{"grant_type": {"account_credentials"}, "account_id": {"sandbox-account"}}, nil)
	if status != 400 || !strings.Contains(string(body), "invalid_client") {
		t.Fatalf("revoked token endpoint: %d %s", status, body)
	}
}

func TestNewTokenRevokesOld(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.NewTokenRevokesOld = true })
	old := e.tok
	_ = e.token()
	e.callWith(old, http.MethodGet, "/v2/users/me", nil).wantError(t, 401, 124, "Invalid access token.")
}

func TestScopes(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.GrantedScopes = []string{"user:read:list_users:admin", "user:read:admin"} })
	e.call(http.MethodGet, "/v2/users", nil).wantStatus(t, http.StatusOK)
	e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, http.StatusOK) // classic user:read:admin
	e.call(http.MethodPost, "/v2/users", `{"action":"create"}`).
		wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[user:write:user:admin].")

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.GrantedScopes = []string{"user:read:list_users:admin"} })
	// Scopes are fixed when the token is issued.
	e.call(http.MethodGet, "/v2/users/me", nil).wantStatus(t, http.StatusOK)
	e.tok = e.token()
	e.call(http.MethodGet, "/v2/users/me", nil).
		wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin].")
	e.call(http.MethodPatch, "/v2/users/me", `{}`).
		wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[user:update:user, user:update:user:admin].")
}

func TestUnknownRoute(t *testing.T) {
	e := newEnv(t, nil)
	e.call(http.MethodGet, "/v2/nothing/here", nil).wantError(t, 404, 2300, "This API endpoint is not recognized.")
	e.call(http.MethodPut, "/v2/users", nil).wantError(t, 404, 2300, "")
	e.call(http.MethodGet, "/elsewhere", nil).wantError(t, 404, 2300, "")
}
