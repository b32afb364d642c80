package resources_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Zoom accepts only the zones of its time-zone list. Meetings, webinars and users refuse any other IANA name at
// plan time, and the error names the nearest zone Zoom lists.
func TestAccTimezone_outsideZoomListRefusedAtPlan(t *testing.T) {
	env := acctest.New(t)
	start := zoomUTC(futureUTC(48 * time.Hour))
	cases := []struct{ zone, want string }{
		{"Europe/Kyiv", `use "Europe/Kiev", the same zone under the name Zoom lists`},
		{"US/Eastern", `use "America/New_York"`},
		{"Etc/GMT+5", `nearest zone Zoom accepts is "America/Panama"`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		for _, body := range []string{
			fmt.Sprintf("resource \"zoom_meeting\" \"test\" {\n  user_id = %q\n  topic = \"tf-acc-tz\"\n  start_time = %q\n  timezone = %q\n}\n", env.Host, start, c.zone),
			fmt.Sprintf("resource \"zoom_webinar\" \"test\" {\n  user_id = %q\n  topic = \"tf-acc-tz\"\n  start_time = %q\n  timezone = %q\n}\n", env.Host, start, c.zone),
			fmt.Sprintf("resource \"zoom_user\" \"test\" {\n  email = \"tf-acc-tz@example.com\"\n  type = 1\n  timezone = %q\n}\n", c.zone),
		} {
			steps = append(steps, resource.TestStep{
				Config:      env.Config(body),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Zoom accepts only the time zones of its list.*` + flexSpace(c.want)),
			})
		}
	}
	// SST is in Zoom's list but not in the IANA database: a local start_time cannot be placed in time there.
	sst := "resource \"zoom_meeting\" \"test\" {\n  user_id = %q\n  topic = \"tf-acc-tz\"\n  start_time = %q\n  timezone = \"SST\"\n}\n"
	steps = append(steps, resource.TestStep{
		Config:      env.Config(fmt.Sprintf(sst, env.Host, strings.TrimSuffix(start, "Z"))),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)Start time needs a zone.*"SST" is in Zoom's time-zone list`),
	}, resource.TestStep{
		Config:             env.Config(fmt.Sprintf(sst, env.Host, start)),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
}

// The listed zones that are legacy names (Europe/Kiev, Asia/Calcutta, America/Indianapolis) are kept as written,
// with no diff, whether the sandbox refuses unlisted zones or substitutes them.
func TestAccTimezone_listedZonesUnderEveryKnob(t *testing.T) {
	for _, mode := range []string{sandbox.UnlistedTimezoneRefuse, sandbox.UnlistedTimezoneSubstitute} {
		t.Run(mode, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.UnlistedTimezone = mode })
			start, email := futureUTC(72*time.Hour), env.RandomEmail()
			local := start.In(time.FixedZone("", 2*3600)).Format("2006-01-02T15:04:05")
			config := func(meetingZone, userZone string) string {
				return env.Config(fmt.Sprintf(`
resource "zoom_user" "test" {
  email    = %q
  action   = "autoCreate"
  type     = 2
  timezone = %q
}

resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = "tf-acc-tz"
  start_time = %q
  timezone   = %q
}

resource "zoom_webinar" "test" {
  user_id    = %q
  topic      = "tf-acc-tz"
  start_time = %q
  timezone   = "Asia/Calcutta"
}
`, email, userZone, env.Host, local, meetingZone, env.Host, zoomUTC(start)))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: config("Europe/Kiev", "America/Indianapolis"),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Kiev")),
							statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("start_time"), knownvalue.StringExact(local)),
							statecheck.ExpectKnownValue("zoom_webinar.test", tfjsonpath.New("timezone"), knownvalue.StringExact("Asia/Calcutta")),
							statecheck.ExpectKnownValue("zoom_user.test", tfjsonpath.New("timezone"), knownvalue.StringExact("America/Indianapolis")),
						},
					},
				},
			})
		})
	}
}

// flexSpace quotes s for a regexp in which any space may also be a line break (Terraform wraps diagnostics).
func flexSpace(s string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(s)), `\s+`)
}
