package provider_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/provider"
)

// TestAccProvider_plainHTTPFailsBeforeAnyRequest plans with a plain-http URL to a host that is not loopback, in the
// provider block and in the environment: the plan fails with a message asking for https, and neither the token
// endpoint nor the API (a counting server on 127.0.0.1, where plain http is fine) sees a request.
func TestAccProvider_plainHTTPFailsBeforeAnyRequest(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		http.Error(w, "no request may reach this server", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	for _, name := range []string{provider.EnvAccountID, provider.EnvClientID, provider.EnvClientSecret,
		provider.EnvAccessToken, provider.EnvAPIURL, provider.EnvOAuthURL} {
		t.Setenv(name, "")
	}
	const data = `
data "zoom_user" "me" {
  email = "someone@example.com"
}
`
	credentials := `
  account_id    = "acct"
  client_id     = "cid"
  client_secret = "secret"
`
	cases := []struct {
		name, block string
		env         map[string]string
		want        string
	}{
		{"api_url", `provider "zoom" {` + credentials + `
  api_url   = "http://zoom.invalid/v2"
  oauth_url = "` + srv.URL + `/oauth/token"
}`, nil, `(?s)must use https.*api_url.*zoom\.invalid.*use\s+https://`},
		{"oauth_url", `provider "zoom" {` + credentials + `
  api_url   = "` + srv.URL + `/v2"
  oauth_url = "http://zoom.invalid/oauth/token"
}`, nil, `(?s)must use https.*oauth_url.*zoom\.invalid.*use\s+https://`},
		{provider.EnvAPIURL, `provider "zoom" {` + credentials + `}`,
			map[string]string{provider.EnvAPIURL: "http://zoom.invalid/v2", provider.EnvOAuthURL: srv.URL + "/oauth/token"},
			`(?s)must use https.*ZOOM_API_URL.*zoom\.invalid.*use\s+https://`},
		{provider.EnvOAuthURL, `provider "zoom" {` + credentials + `}`,
			map[string]string{provider.EnvAPIURL: srv.URL + "/v2", provider.EnvOAuthURL: "http://zoom.invalid/oauth/token"},
			`(?s)must use https.*ZOOM_OAUTH_URL.*zoom\.invalid.*use\s+https://`},
	}
	// One TestCase, a step per case: each TestCase starts terraform a few times more than a step does. A step's
	// PreConfig sets the environment the provider (served in this process) reads when it is configured.
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				t.Logf("case %s", c.name)
				for _, name := range []string{provider.EnvAPIURL, provider.EnvOAuthURL} {
					t.Setenv(name, c.env[name])
				}
			},
			Config:      c.block + data,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d requests reached the counting server", n)
	}
}
