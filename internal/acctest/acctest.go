// Package acctest is the harness shared by the acceptance tests of every resource and data source.
//
// By default each test gets its own in-process Zoom sandbox, so tests need no Zoom account, run in parallel and
// can use the sandbox's clock, fault injection and request log. With ZOOM_ACC_TARGET=real (what `make testacc`
// sets) and ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET in the environment, the same tests run against
// that real account instead; tests that need sandbox-only features skip themselves there.
package acctest

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/provider"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Environment variables of the harness.
const (
	// EnvTarget selects the account the tests run against: "sandbox" (default) or "real".
	EnvTarget = "ZOOM_ACC_TARGET"
	// EnvEmailDomain is the e-mail domain of test users in real-account mode (a managed domain of the account).
	EnvEmailDomain = "ZOOM_ACC_EMAIL_DOMAIN"
	// EnvHostEmail is the e-mail of an active licensed user who hosts test meetings in real-account mode.
	EnvHostEmail = "ZOOM_ACC_HOST_EMAIL"
	// NamePrefix starts the name or e-mail of everything a test creates, so that sweepers can find leftovers.
	NamePrefix = "tf-acc-"
)

// ProtoV6ProviderFactories serves the provider in-process to the Terraform CLI that the tests drive.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"zoom": providerserver.NewProtocol6WithError(provider.New("test")()),
}

// RealAccount reports whether the tests run against a real Zoom account.
func RealAccount() bool { return os.Getenv(EnvTarget) == "real" }

// Main is the TestMain of acceptance-test packages: it isolates sandbox runs from the developer's own Zoom
// credentials and runs sweepers when asked to (go test -sweep=all).
func Main(m interface{ Run() int }) {
	if !RealAccount() {
		for _, kv := range os.Environ() {
			if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "ZOOM_") && name != EnvTarget {
				_ = os.Unsetenv(name)
			}
		}
	}
	resource.TestMain(m)
}

// Env is the Zoom account one test runs against.
type Env struct {
	// Sandbox is the in-process sandbox, or nil against a real account.
	Sandbox *sandbox.Server
	// URL is the sandbox's base URL (empty against a real account).
	URL string
	// Client makes out-of-band changes through the public API, as a person in the Zoom portal would.
	Client *client.Client

	// Host is the e-mail of an active licensed user that hosts test meetings: the sandbox's account owner, or
	// ZOOM_ACC_HOST_EMAIL against a real account.
	Host string

	providerBlock string
	emailDomain   string
}

// New returns the account for test t: a fresh sandbox with the given profile changes applied, or the real account.
func New(t *testing.T, profile ...func(*sandbox.Profile)) *Env {
	t.Helper()
	if RealAccount() {
		return newReal(t)
	}
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatalf("starting the Zoom sandbox: %v", err)
	}
	for _, f := range profile {
		sb.UpdateProfile(f)
	}
	srv := httptest.NewServer(sb)
	t.Cleanup(func() {
		srv.Close()
		_ = sb.Close()
	})
	p := sb.Profile()
	c, err := client.New(client.Config{
		APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: p.AccountID, ClientID: p.ClientID, ClientSecret: p.ClientSecret,
		DisablePacing: true,
	})
	if err != nil {
		t.Fatalf("building the out-of-band client: %v", err)
	}
	return &Env{
		Sandbox: sb,
		URL:     srv.URL,
		Client:  c,
		providerBlock: fmt.Sprintf(`
provider "zoom" {
  account_id    = %q
  client_id     = %q
  client_secret = %q
  api_url       = "%s/v2"
  oauth_url     = "%s/oauth/token"
  account_plan  = "business"
}
`, p.AccountID, p.ClientID, p.ClientSecret, srv.URL, srv.URL),
		emailDomain: "example.com",
		Host:        p.OwnerEmail,
	}
}

func newReal(t *testing.T) *Env {
	t.Helper()
	for _, name := range []string{provider.EnvAccountID, provider.EnvClientID, provider.EnvClientSecret, EnvEmailDomain, EnvHostEmail} {
		if os.Getenv(name) == "" {
			t.Fatalf("%s=real needs %s", EnvTarget, name)
		}
	}
	c, err := RealClient()
	if err != nil {
		t.Fatalf("building the out-of-band client: %v", err)
	}
	return &Env{Client: c, providerBlock: "provider \"zoom\" {\n}\n", emailDomain: os.Getenv(EnvEmailDomain), Host: os.Getenv(EnvHostEmail)}
}

// RealClient builds a client for the real account from the environment (used by sweepers as well).
func RealClient() (*client.Client, error) {
	return client.New(client.Config{
		APIURL:       envOr(provider.EnvAPIURL, client.DefaultAPIURL),
		OAuthURL:     envOr(provider.EnvOAuthURL, client.DefaultOAuthURL),
		AccountID:    os.Getenv(provider.EnvAccountID),
		ClientID:     os.Getenv(provider.EnvClientID),
		ClientSecret: os.Getenv(provider.EnvClientSecret),
		Plan:         envOr(provider.EnvAccountPlan, client.DefaultPlan),
	})
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// RequireSandbox skips t when it runs against a real account, for tests that move the sandbox's clock, inject
// faults or count requests.
func (e *Env) RequireSandbox(t *testing.T) {
	t.Helper()
	if e.Sandbox == nil {
		t.Skip("needs the Zoom sandbox (clock, faults or request log)")
	}
}

// Config returns a Terraform configuration: the provider block for this account followed by body.
func (e *Env) Config(body string) string { return e.providerBlock + body }

// ProviderBlock returns a provider block for this account under another local name of the provider (one of the
// extra names given to ProviderFactoriesNamed). A test that runs the same scenario against several sandboxes
// (each with other profile knobs) can put them all in one configuration, one resource per account (provider =
// <name>), and so in one TestCase: each TestCase and each step start several terraform processes, whatever the
// number of resources. Aliases of one provider do not do here: the tests serve the provider in-process, where all
// aliases share one provider server, and so one configuration.
func (e *Env) ProviderBlock(name string) string {
	return strings.Replace(e.providerBlock, `provider "zoom"`, fmt.Sprintf("provider %q", name), 1)
}

// ProviderFactoriesNamed is ProtoV6ProviderFactories with the provider also served under each of names, each name
// by its own provider instance (see ProviderBlock).
func ProviderFactoriesNamed(names ...string) map[string]func() (tfprotov6.ProviderServer, error) {
	f := map[string]func() (tfprotov6.ProviderServer, error){}
	for k, v := range ProtoV6ProviderFactories {
		f[k] = v
	}
	for _, name := range names {
		f[name] = providerserver.NewProtocol6WithError(provider.New("test")())
		servedNames.Store(name, true)
	}
	return f
}

// RandomName returns a unique name with the tf-acc- prefix.
func RandomName() string {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 10)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(letters))))
		b[i] = letters[n.Int64()]
	}
	return NamePrefix + string(b)
}

// RandomEmail returns a unique test e-mail in the account's test domain.
func (e *Env) RandomEmail() string { return RandomName() + "@" + e.emailDomain }

// Ctx is the context for out-of-band calls in tests.
func Ctx() context.Context { return context.Background() }

// CheckNow is a state check that runs f, which inspects something other than the Terraform state (the sandbox's
// request log, or the account through the API), at the point where the step's ConfigStateChecks run: right after
// the step's apply, as a TestStep.Check would. A step that has ConfigStateChecks anyway should put such checks
// there instead of in Check, because Check costs one more `terraform show` of the whole state, which is slow when
// the state is large (a data source listing thousands of objects).
func CheckNow(f func() error) statecheck.StateCheck { return checkNow(f) }

type checkNow func() error

func (f checkNow) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}
