package ephemeral_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// TestAccAccessToken_clientCredentials opens zoom_access_token with Server-to-Server OAuth credentials: the token
// is one the sandbox issued, it expires within the hour, and it appears in no state but the echo resource's, not
// even next to a zoom_meeting in the same configuration.
func TestAccAccessToken_clientCredentials(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
}

ephemeral "zoom_access_token" "test" {}
`, env.Host, acctest.RandomName(), time.Now().Add(72*time.Hour).UTC().Truncate(time.Hour).Format(time.RFC3339)) +
				echoConfig("zoom_access_token.test")),
			ConfigStateChecks: []statecheck.StateCheck{
				checkState(func(s *tfjson.State) error {
					data, err := echoed(s)
					if err != nil {
						return err
					}
					token, _ := data["access_token"].(string)
					if token == "" {
						return fmt.Errorf("access_token is empty")
					}
					if !slices.Contains(env.Sandbox.IssuedTokens(), token) {
						return fmt.Errorf("access_token is not a token the sandbox issued")
					}
					now := env.Sandbox.Now()
					// Zoom tokens live an hour and the provider replaces its own five minutes before expiry.
					at, err := expiresAt(data, now.Add(32*time.Minute), 28*time.Minute)
					if err != nil {
						return err
					}
					if !at.After(now) {
						return fmt.Errorf("expires_at %s is not in the future", at)
					}
					return notInZoomState(s, token)
				}),
			},
		}},
	})
}

// TestAccAccessToken_preMinted configures the provider with a pre-minted access_token: zoom_access_token returns
// it unchanged with an unknown (null) expiry.
func TestAccAccessToken_preMinted(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	token, _, err := env.Client.Token(acctest.Ctx())
	if err != nil {
		t.Fatalf("getting a token out of band: %v", err)
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: factories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "zoom" {
  access_token = %q
  api_url      = "%s/v2"
  oauth_url    = "%s/oauth/token"
  account_plan = "business"
}

ephemeral "zoom_access_token" "test" {}
`, token, env.URL, env.URL) + echoConfig("zoom_access_token.test"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(echoAddr, tfjsonpath.New("data").AtMapKey("access_token"), knownvalue.StringExact(token)),
				statecheck.ExpectKnownValue(echoAddr, tfjsonpath.New("data").AtMapKey("expires_at"), knownvalue.Null()),
			},
		}},
	})
}
