package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

// unset is a provider block with no arguments.
func unset() providerModel {
	return providerModel{
		AccountID: types.StringNull(), ClientID: types.StringNull(), ClientSecret: types.StringNull(),
		AccessToken: types.StringNull(), APIURL: types.StringNull(), OAuthURL: types.StringNull(),
		AccountPlan: types.StringNull(), RequestTimeout: types.StringNull(), MaxRetries: types.Int64Null(),
	}
}

func TestResolveSettingsFromEnvironment(t *testing.T) {
	got, diags := resolveSettings(unset(), env(map[string]string{
		EnvAccountID: "acct", EnvClientID: "cid", EnvClientSecret: "s3cret",
		EnvAPIURL: "https://api.zoomgov.com/v2", EnvRequestTimeout: "45s", EnvMaxRetries: "0",
	}))
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if got.AccountID != "acct" || got.ClientID != "cid" || got.ClientSecret != "s3cret" {
		t.Errorf("credentials not taken from the environment: %+v", got)
	}
	if got.APIURL != "https://api.zoomgov.com/v2" || got.OAuthURL != client.DefaultOAuthURL || got.Plan != client.DefaultPlan {
		t.Errorf("URLs/plan: %q %q %q", got.APIURL, got.OAuthURL, got.Plan)
	}
	if got.RequestTimeout != 45*time.Second || got.MaxRetries == nil || *got.MaxRetries != 0 {
		t.Errorf("timeout %s, retries %v; want 45s and 0 (no retries)", got.RequestTimeout, got.MaxRetries)
	}
}

func TestResolveSettingsArgumentsWinOverEnvironment(t *testing.T) {
	cfg := providerModel{
		AccountID: types.StringValue("a"), ClientID: types.StringValue("c"), ClientSecret: types.StringValue("s"),
		AccessToken: types.StringNull(), APIURL: types.StringNull(), OAuthURL: types.StringNull(),
		AccountPlan: types.StringValue("business"), RequestTimeout: types.StringNull(), MaxRetries: types.Int64Value(3),
	}
	got, diags := resolveSettings(cfg, env(map[string]string{EnvAccountID: "other", EnvAccountPlan: "free"}))
	if diags.HasError() || got.AccountID != "a" || got.Plan != "business" || got.MaxRetries == nil || *got.MaxRetries != 3 {
		t.Fatalf("got %+v, %v", got, diags)
	}
}

func TestResolveSettingsErrorsNameTheVariable(t *testing.T) {
	cases := []struct {
		name string
		vars map[string]string
		want []string
	}{
		{"nothing set", nil, []string{EnvAccountID, EnvClientID, EnvClientSecret}},
		{"secret missing", map[string]string{EnvAccountID: "a", EnvClientID: "c"}, []string{EnvClientSecret}},
		{"token and credentials", map[string]string{EnvAccessToken: "tok", EnvClientID: "c", EnvClientSecret: "s"}, []string{"Conflicting", EnvAccessToken}},
		{"bad plan", map[string]string{EnvAccessToken: "tok", EnvAccountPlan: "gold"}, []string{EnvAccountPlan}},
		{"bad url", map[string]string{EnvAccessToken: "tok", EnvOAuthURL: "zoom.us/oauth"}, []string{EnvOAuthURL}},
		{"bad timeout", map[string]string{EnvAccessToken: "tok", EnvRequestTimeout: "soon"}, []string{EnvRequestTimeout}},
		{"bad retries", map[string]string{EnvAccessToken: "tok", EnvMaxRetries: "many"}, []string{EnvMaxRetries}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, diags := resolveSettings(unset(), env(c.vars))
			if !diags.HasError() {
				t.Fatal("expected an error")
			}
			var text strings.Builder
			for _, d := range diags.Errors() {
				text.WriteString(d.Summary() + " " + d.Detail() + "\n")
			}
			for _, w := range c.want {
				if !strings.Contains(text.String(), w) {
					t.Errorf("diagnostics do not mention %q:\n%s", w, text.String())
				}
			}
		})
	}
}

func TestResolveSettingsAccessTokenAlone(t *testing.T) {
	got, diags := resolveSettings(unset(), env(map[string]string{EnvAccessToken: "tok"}))
	if diags.HasError() || got.AccessToken != "tok" {
		t.Fatalf("got %+v, %v", got, diags)
	}
}

func TestResolveSettingsPlainHTTPOnlyForLoopback(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  func(*providerModel)
		vars map[string]string
		attr string
		env  string
	}{
		{"api_url argument", func(m *providerModel) { m.APIURL = types.StringValue("http://api.zoom.us/v2") }, nil, "api_url", EnvAPIURL},
		{"oauth_url argument", func(m *providerModel) { m.OAuthURL = types.StringValue("http://zoom.us/oauth/token") }, nil, "oauth_url", EnvOAuthURL},
		{"ZOOM_API_URL", nil, map[string]string{EnvAPIURL: "http://zoom.invalid/v2"}, "api_url", EnvAPIURL},
		{"ZOOM_OAUTH_URL", nil, map[string]string{EnvOAuthURL: "http://10.1.2.3:8787/oauth/token"}, "oauth_url", EnvOAuthURL},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := unset()
			cfg.AccountID, cfg.ClientID, cfg.ClientSecret = types.StringValue("a"), types.StringValue("c"), types.StringValue("s3cret")
			if c.cfg != nil {
				c.cfg(&cfg)
			}
			_, diags := resolveSettings(cfg, env(c.vars))
			if len(diags.Errors()) != 1 {
				t.Fatalf("want one error, got %v", diags)
			}
			d := diags.Errors()[0]
			text := d.Summary() + " " + d.Detail()
			for _, want := range []string{"https", c.attr, c.env, "unencrypted", "127.0.0.1"} {
				if !strings.Contains(text, want) {
					t.Errorf("%q does not mention %q", text, want)
				}
			}
			if strings.Contains(text, "s3cret") {
				t.Error("the message shows the secret")
			}
		})
	}
	for _, loopback := range []string{"http://127.0.0.1:8787", "http://[::1]:8787", "http://localhost:8787"} {
		_, diags := resolveSettings(unset(), env(map[string]string{
			EnvAccessToken: "tok", EnvAPIURL: loopback + "/v2", EnvOAuthURL: loopback + "/oauth/token",
		}))
		if diags.HasError() {
			t.Errorf("%s refused: %v", loopback, diags)
		}
	}
}
