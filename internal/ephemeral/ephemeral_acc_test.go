package ephemeral_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// TestAccEphemeral runs the scenarios of both ephemeral resources in one TestCase (each TestCase and each step
// starts several terraform processes, whatever the number of blocks in its configuration):
//
//   - step 1: malformed meeting IDs fail validation before any API call;
//   - step 2: an unknown meeting fails with a clear "not found" error when the ephemeral resource is opened
//     during plan (and the malformed IDs of step 1 reached no API);
//   - step 3, one applied configuration whose ephemeral results echo.test records side by side (echoed):
//     zoom_meeting_start_url for a meeting managed in the same configuration ("managed", see checkManagedStartURL)
//     and for one created outside Terraform ("out_of_band", checkOutOfBandStartURL); zoom_access_token with
//     Server-to-Server OAuth credentials ("credentials", checkCredentialsToken) and from a provider configured
//     with a pre-minted access_token ("pre_minted", under the provider local name "minted", checkPreMintedToken).
//     The access token scenarios need the sandbox and are left out against a real account.
func TestAccEphemeral(t *testing.T) {
	env := acctest.New(t)
	sandbox := env.Sandbox != nil

	// The meeting created outside Terraform.
	topic := acctest.RandomName()
	start := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Hour).Format("2006-01-02T15:04:05Z")
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic: &topic, StartTime: &start, Type: ptr(client.MeetingTypeScheduled),
		},
	})
	if err != nil {
		t.Fatalf("creating the meeting out of band: %v", err)
	}
	t.Cleanup(func() { _ = env.Client.Meetings.Delete(acctest.Ctx(), m.ID, nil) })
	oobID := strconv.FormatInt(m.ID, 10)
	oobZAK, err := zak(m.StartURL)
	if err != nil {
		t.Fatal(err)
	}

	factories := factories()
	var minted, mintedBlocks string
	if sandbox {
		token, _, err := env.Client.Token(acctest.Ctx())
		if err != nil {
			t.Fatalf("getting a token out of band: %v", err)
		}
		minted = token
		for k, v := range acctest.ProviderFactoriesNamed("minted") {
			factories[k] = v
		}
		mintedBlocks = fmt.Sprintf(`
provider "minted" {
  access_token = %q
  api_url      = "%s/v2"
  oauth_url    = "%s/oauth/token"
  account_plan = "business"
}

ephemeral "zoom_access_token" "credentials" {}

ephemeral "zoom_access_token" "pre_minted" {
  provider = minted
}
`, minted, env.URL, env.URL)
	}

	// Step 1 and 2: malformed IDs, then an unknown meeting.
	invalid := []string{"abc", "-85746065432", "0", " 85746065432"}
	var invalidBlocks strings.Builder
	var echoInvalid []string
	for i, id := range invalid {
		fmt.Fprintf(&invalidBlocks, "\nephemeral \"zoom_meeting_start_url\" \"invalid_%d\" {\n  meeting_id = %q\n}\n", i, id)
		echoInvalid = append(echoInvalid, fmt.Sprintf("ephemeral.zoom_meeting_start_url.invalid_%d", i))
	}
	notFound := resource.TestStep{
		Config: env.Config(`
ephemeral "zoom_meeting_start_url" "unknown" {
  meeting_id = "99999999999"
}
` + echoConfig("ephemeral.zoom_meeting_start_url.unknown")),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`Zoom meeting not found(.|\n)*Meeting 99999999999 does not exist`),
		PreConfig: func() {
			// The malformed IDs of the step before were rejected before the provider called Zoom.
			if env.Sandbox != nil {
				if n := env.Sandbox.RequestStats().ByRoute[routeGetMeeting]; n != 0 {
					t.Errorf("%s was called %d times for malformed meeting IDs, want 0", routeGetMeeting, n)
				}
			}
		},
	}

	// Step 3.
	echoed := map[string]string{
		"managed":     "ephemeral.zoom_meeting_start_url.managed",
		"out_of_band": "ephemeral.zoom_meeting_start_url.out_of_band",
	}
	checks := []func(*tfjson.State) error{
		func(s *tfjson.State) error { return checkManagedStartURL(env, s) },
		func(s *tfjson.State) error { return checkOutOfBandStartURL(env, s, oobID, oobZAK) },
	}
	if sandbox {
		echoed["credentials"] = "ephemeral.zoom_access_token.credentials"
		echoed["pre_minted"] = "ephemeral.zoom_access_token.pre_minted"
		checks = append(checks,
			func(s *tfjson.State) error { return checkCredentialsToken(env, s) },
			func(s *tfjson.State) error { return checkPreMintedToken(s, minted) },
		)
	}
	var echoFields []string
	for _, k := range slices.Sorted(maps.Keys(echoed)) {
		echoFields = append(echoFields, fmt.Sprintf("%s = %s", k, echoed[k]))
	}
	applied := env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
}

ephemeral "zoom_meeting_start_url" "managed" {
  meeting_id = zoom_meeting.test.id
}

ephemeral "zoom_meeting_start_url" "out_of_band" {
  meeting_id = %q
}
`, env.Host, acctest.RandomName(), time.Now().Add(72*time.Hour).UTC().Truncate(time.Hour).Format(time.RFC3339), oobID) +
		mintedBlocks + echoConfig("{\n    "+strings.Join(echoFields, "\n    ")+"\n  }"))
	stateChecks := make([]statecheck.StateCheck, len(checks))
	for i, c := range checks {
		stateChecks[i] = checkState(c)
	}

	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(invalidBlocks.String() + echoConfig("["+strings.Join(echoInvalid, ", ")+"]")),
				PlanOnly:    true,
				ExpectError: invalidIDs(len(invalid)),
			},
			notFound,
			{Config: applied, ConfigStateChecks: stateChecks},
		},
	})
}

// invalidIDs matches the errors for the blocks invalid_0 to invalid_<n-1>: Terraform prints its diagnostics in
// the order of the blocks they are about, each naming its block after the summary.
func invalidIDs(n int) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)`)
	for i := range n {
		fmt.Fprintf(&b, `Invalid meeting ID.*"invalid_%d".*`, i)
	}
	return regexp.MustCompile(b.String())
}
