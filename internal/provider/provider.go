// Package provider implements the Zoom provider: its configuration schema, the environment fallbacks, and the
// single API client that every resource and data source shares. It holds nothing else.
package provider

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/datasources"
	zoomephemeral "github.com/zoom-terraform/terraform-provider-zoom/internal/ephemeral"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/resources"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

// Environment variables read when the matching provider argument is not set.
const (
	EnvAccountID      = "ZOOM_ACCOUNT_ID"
	EnvClientID       = "ZOOM_CLIENT_ID"
	EnvClientSecret   = "ZOOM_CLIENT_SECRET"
	EnvAccessToken    = "ZOOM_ACCESS_TOKEN"
	EnvAPIURL         = "ZOOM_API_URL"
	EnvOAuthURL       = "ZOOM_OAUTH_URL"
	EnvAccountPlan    = "ZOOM_ACCOUNT_PLAN"
	EnvRequestTimeout = "ZOOM_REQUEST_TIMEOUT"
	EnvMaxRetries     = "ZOOM_MAX_RETRIES"
	// EnvDisablePacing turns client-side rate pacing off. It is deliberately not a schema attribute: it exists so
	// that benchmarks can show what pacing buys, not for production use.
	EnvDisablePacing = "ZOOM_DISABLE_PACING"
)

var (
	_ provider.Provider                       = (*zoomProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*zoomProvider)(nil)
)

// New returns a constructor for the provider at the given version, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &zoomProvider{version: version} }
}

type zoomProvider struct {
	version string
}

type providerModel struct {
	AccountID      types.String `tfsdk:"account_id"`
	ClientID       types.String `tfsdk:"client_id"`
	ClientSecret   types.String `tfsdk:"client_secret"`
	AccessToken    types.String `tfsdk:"access_token"`
	APIURL         types.String `tfsdk:"api_url"`
	OAuthURL       types.String `tfsdk:"oauth_url"`
	AccountPlan    types.String `tfsdk:"account_plan"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
}

func (p *zoomProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "zoom"
	resp.Version = p.version
}

func (p *zoomProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manages a Zoom account (users, meetings, webinars, registrants and Zoom Mail settings) through " +
			"the Zoom REST API with a Server-to-Server OAuth app.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				Optional: true,
				Description: "Account ID of the Server-to-Server OAuth app (App Credentials page). Falls back to the " +
					EnvAccountID + " environment variable.",
			},
			"client_id": schema.StringAttribute{
				Optional:    true,
				Description: "Client ID of the Server-to-Server OAuth app. Falls back to " + EnvClientID + ".",
			},
			"client_secret": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				Description: "Client secret of the Server-to-Server OAuth app. Falls back to " + EnvClientSecret +
					". Never logged.",
			},
			"access_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				Description: "A pre-minted OAuth access token, as an alternative to the client credentials (it " +
					"cannot be refreshed, so it must outlive the run). Falls back to " + EnvAccessToken +
					". Conflicts with client_id/client_secret.",
			},
			"api_url": schema.StringAttribute{
				Optional: true,
				Description: "Base URL of the Zoom REST API, including /v2. Default " + client.DefaultAPIURL +
					"; https://api.zoomgov.com/v2 for the Zoom for Government cluster; <sandbox>/v2 for the Zoom " +
					"sandbox. Must be https:// (plain http:// only for a loopback host: 127.0.0.1, ::1, " +
					"localhost). Falls back to " + EnvAPIURL + ".",
				Validators: []validator.String{zoomURL{attr: "api_url", env: EnvAPIURL}},
			},
			"oauth_url": schema.StringAttribute{
				Optional: true,
				Description: "URL of the OAuth token endpoint. Default " + client.DefaultOAuthURL +
					"; https://zoomgov.com/oauth/token for the Zoom for Government cluster; <sandbox>/oauth/token " +
					"for the Zoom sandbox. Must be https:// (plain http:// only for a loopback host: 127.0.0.1, " +
					"::1, localhost). Falls back to " + EnvOAuthURL + ".",
				Validators: []validator.String{zoomURL{attr: "oauth_url", env: EnvOAuthURL}},
			},
			"account_plan": schema.StringAttribute{
				Optional: true,
				Description: "The account's plan, which sets Zoom's per-second rate limits that the provider paces " +
					"its requests to: " + planList() + " (Business, Education, Enterprise and " +
					"Partner accounts). Falls back to " + EnvAccountPlan + ".",
				Validators: []validator.String{stringvalidator.OneOf(client.Plans()...)},
			},
			"request_timeout": schema.StringAttribute{
				Optional: true,
				Description: "Time limit for one HTTP request attempt, as a Go duration such as `" + client.DefaultRequestTimeout.String() + "` (default). " +
					"Falls back to " + EnvRequestTimeout + ".",
				Validators: []validator.String{validators.Duration(time.Second, 10*time.Minute)},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				Description: "How many times a failed request (server error, dropped connection, answer cut short) is " +
					"retried before the operation fails; default " + strconv.Itoa(client.DefaultMaxRetries) + ", 0 to disable. Rate-limit answers (HTTP 429) do not " +
					"count: they are waited out for at most 2 minutes per request. Falls back to " + EnvMaxRetries + ".",
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
		},
	}
}

// planList names the client's plans for the documentation, marking the default: "`free`, `pro` (default) or
// `business`".
func planList() string {
	plans := client.Plans()
	names := make([]string, len(plans))
	for i, p := range plans {
		names[i] = "`" + p + "`"
		if p == client.DefaultPlan {
			names[i] += " (default)"
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func (p *zoomProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// A value that is unknown during plan (for example taken from another resource) cannot be used yet. Leave the
	// provider unconfigured: resources that do not need the API during plan still plan, and any that do say why.
	for name, v := range map[string]types.String{
		"account_id": cfg.AccountID, "client_id": cfg.ClientID, "client_secret": cfg.ClientSecret,
		"access_token": cfg.AccessToken, "api_url": cfg.APIURL, "oauth_url": cfg.OAuthURL,
		"account_plan": cfg.AccountPlan, "request_timeout": cfg.RequestTimeout,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeWarning(path.Root(name), "Zoom provider setting not known yet",
				fmt.Sprintf("%s is unknown until apply, so the provider cannot reach Zoom during this plan. Resources "+
					"that need to read from Zoom will report an error until the value is known.", name))
			return
		}
	}
	if cfg.MaxRetries.IsUnknown() {
		return
	}

	settings, diags := resolveSettings(cfg, os.LookupEnv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings.UserAgent = "terraform-provider-zoom/" + p.version + " (+https://registry.terraform.io/providers/zoom-terraform/zoom)"
	settings.Logger = newLogger(settings.ClientSecret, settings.AccessToken)

	c, err := client.New(settings)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Zoom provider configuration", err.Error())
		return
	}
	resp.ResourceData = c
	resp.DataSourceData = c
	resp.EphemeralResourceData = c
}

// resolveSettings merges the configuration with the environment and checks that the result is complete and
// consistent. It makes no network call.
func resolveSettings(cfg providerModel, lookupEnv func(string) (string, bool)) (client.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	str := func(v types.String, env, def string) (string, string) {
		if !v.IsNull() {
			return v.ValueString(), "the provider argument"
		}
		if s, ok := lookupEnv(env); ok && s != "" {
			return s, "the " + env + " environment variable"
		}
		return def, ""
	}

	var out client.Config
	var accountFrom, clientIDFrom, secretFrom, tokenFrom string
	out.AccountID, accountFrom = str(cfg.AccountID, EnvAccountID, "")
	out.ClientID, clientIDFrom = str(cfg.ClientID, EnvClientID, "")
	out.ClientSecret, secretFrom = str(cfg.ClientSecret, EnvClientSecret, "")
	out.AccessToken, tokenFrom = str(cfg.AccessToken, EnvAccessToken, "")
	var apiURLFrom, oauthURLFrom string
	// Defaults are the client's (client.Default*): filled in here only so that they are checked and logged like
	// configured values.
	out.APIURL, apiURLFrom = str(cfg.APIURL, EnvAPIURL, client.DefaultAPIURL)
	out.OAuthURL, oauthURLFrom = str(cfg.OAuthURL, EnvOAuthURL, client.DefaultOAuthURL)
	out.Plan, _ = str(cfg.AccountPlan, EnvAccountPlan, client.DefaultPlan)

	if !validators.IsOneOf(out.Plan, client.Plans()) {
		diags.AddAttributeError(path.Root("account_plan"), "Invalid Zoom account plan",
			fmt.Sprintf("%q (from %s) is not one of %s.", out.Plan, EnvAccountPlan, strings.Join(client.Plans(), ", ")))
	}
	for _, u := range []zoomURL{{"api_url", EnvAPIURL}, {"oauth_url", EnvOAuthURL}} {
		val, from := out.APIURL, apiURLFrom
		if u.attr == "oauth_url" {
			val, from = out.OAuthURL, oauthURLFrom
		}
		if summary, detail, bad := u.check(val, from); bad {
			diags.AddAttributeError(path.Root(u.attr), summary, detail)
		}
	}

	timeout, _ := str(cfg.RequestTimeout, EnvRequestTimeout, "")
	out.RequestTimeout = client.DefaultRequestTimeout
	if timeout != "" {
		d, err := time.ParseDuration(timeout)
		if err != nil || d < time.Second {
			diags.AddAttributeError(path.Root("request_timeout"), "Invalid request timeout",
				fmt.Sprintf("%q (request_timeout or %s) must be a Go duration of at least 1s, such as 30s.",
					timeout, EnvRequestTimeout))
		}
		out.RequestTimeout = d
	}

	// Unset, MaxRetries stays nil: the client's default. 0 means no retries.
	switch {
	case !cfg.MaxRetries.IsNull():
		out.MaxRetries = client.Ptr(int(cfg.MaxRetries.ValueInt64()))
	default:
		if s, ok := lookupEnv(EnvMaxRetries); ok && s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > 20 {
				diags.AddAttributeError(path.Root("max_retries"), "Invalid retry bound",
					fmt.Sprintf("%s=%q must be a whole number from 0 to 20.", EnvMaxRetries, s))
			}
			out.MaxRetries = client.Ptr(n)
		}
	}
	if s, ok := lookupEnv(EnvDisablePacing); ok {
		out.DisablePacing = s == "1" || s == "true"
	}

	usingToken := out.AccessToken != ""
	switch {
	case usingToken && (out.ClientID != "" || out.ClientSecret != ""):
		diags.AddAttributeError(path.Root("access_token"), "Conflicting Zoom credentials",
			fmt.Sprintf("An access token is set (from %s) together with client credentials (client_id from %s, "+
				"client_secret from %s). Use either access_token/%s or account_id, client_id and client_secret "+
				"(%s, %s, %s), not both.", tokenFrom, orUnset(clientIDFrom), orUnset(secretFrom), EnvAccessToken,
				EnvAccountID, EnvClientID, EnvClientSecret))
	case !usingToken:
		for _, m := range []struct{ attr, env, from string }{
			{"account_id", EnvAccountID, accountFrom},
			{"client_id", EnvClientID, clientIDFrom},
			{"client_secret", EnvClientSecret, secretFrom},
		} {
			if m.from == "" {
				diags.AddAttributeError(path.Root(m.attr), "Missing Zoom credential",
					fmt.Sprintf("The provider needs %s: set it in the provider block or in the %s environment "+
						"variable (it is on the App Credentials page of your Server-to-Server OAuth app). "+
						"Alternatively set access_token / %s.", m.attr, m.env, EnvAccessToken))
			}
		}
	}
	return out, diags
}

// zoomURL checks api_url or oauth_url: an absolute https URL, or plain http to a loopback host only, because every
// request to it carries credentials (the client secret on the token request, a bearer token on the others). It is
// the attribute's validator (plan time, when the value is in the configuration) and the configure-time check of
// the value finally used (which may come from the environment).
type zoomURL struct{ attr, env string }

// check returns the diagnostic for raw (taken from the given source), if it is not acceptable.
func (z zoomURL) check(raw, from string) (summary, detail string, bad bool) {
	err := client.CheckURL(raw)
	if err == nil {
		return "", "", false
	}
	shown := raw
	if u, perr := url.Parse(raw); perr == nil {
		shown = u.Redacted()
	}
	if from != "" {
		from = " (from " + from + ")"
	}
	summary = "Invalid Zoom URL"
	var insecure *client.InsecureURLError
	if errors.As(err, &insecure) {
		summary = "Zoom URL must use https"
	}
	return summary, fmt.Sprintf("%s (or %s) is %q%s, which %s.", z.attr, z.env, shown, from,
		strings.Replace(err.Error(), "must be", "is not", 1)), true
}

func (z zoomURL) Description(context.Context) string {
	return "must be an https:// URL (plain http:// only for 127.0.0.1, ::1 or localhost)"
}

func (z zoomURL) MarkdownDescription(ctx context.Context) string { return z.Description(ctx) }

func (z zoomURL) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if summary, detail, bad := z.check(req.ConfigValue.ValueString(), "the provider argument"); bad {
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
}

func orUnset(from string) string {
	if from == "" {
		return "unset"
	}
	return from
}

func (p *zoomProvider) Resources(_ context.Context) []func() resource.Resource {
	return resources.All()
}

func (p *zoomProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return datasources.All()
}

func (p *zoomProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return zoomephemeral.All()
}
