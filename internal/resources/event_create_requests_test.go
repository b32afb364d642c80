package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// TestAccEvent_createRequests: a webinar's create costs one request (webinarCreate's answer documents all that
// webinarGet does and fills the state; the empty plan after apply shows it matches what a refresh reads), and a
// meeting's create two, since only meetingGet documents its UUID, host ID, status and encrypted passcode; one when
// Zoom's answer carries them anyway (the sandbox's UndocumentedResponseFields).
func TestAccEvent_createRequests(t *testing.T) {
	t.Parallel() // see TestAccChaos_faultMix
	for _, undocumented := range []bool{false, true} {
		t.Run(fmt.Sprintf("undocumented_fields=%t", undocumented), func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.UndocumentedResponseFields = undocumented })
			env.RequireSandbox(t)
			counter := requestCounter{env}
			start := zoomUTC(futureUTC(96 * time.Hour))
			config := env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %[1]q
  topic      = "tf-acc-requests"
  start_time = %[2]q
  duration   = 30
}

resource "zoom_webinar" "test" {
  user_id    = %[1]q
  topic      = "tf-acc-requests"
  start_time = %[2]q
  duration   = 30
  settings = {
    approval_type     = 1
    registration_type = 1
  }
}
`, env.Host, start))
			meetingReads := 1
			if undocumented {
				meetingReads = 0
			}
			acctest.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             resource.ComposeTestCheckFunc(checkMeetingsDestroyed(env), checkWebinarsDestroyed(env)),
				Steps: []resource.TestStep{{
					PreConfig: counter.reset,
					Config:    config,
					Check: resource.ComposeTestCheckFunc(
						counter.expect("POST /v2/users/{userId}/webinars", 1),
						counter.expect("GET /v2/webinars/{webinarId}", 0),
						counter.expect(routeCreateMeeting, 1),
						counter.expect("GET /v2/meetings/{meetingId}", meetingReads),
						resource.TestCheckResourceAttrSet("zoom_meeting.test", "uuid"),
						resource.TestCheckResourceAttrSet("zoom_meeting.test", "encrypted_password"),
					),
				}},
			})
		})
	}
}

// TestAccEvent_meetingReadBackFails: when reading a new meeting back fails, what only meetingGet documents is
// saved as null (never an empty value), the meeting is not tainted, and the refresh after the apply fills it in
// (empty plan).
func TestAccEvent_meetingReadBackFails(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	config := withMaxRetries(env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = "tf-acc-readback"
  start_time = %q
  duration   = 30
}
`, env.Host, zoomUTC(futureUTC(96*time.Hour)))), 1)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{{
			// The read-back and its one retry are cut short.
			PreConfig: func() {
				addFaults(t, env, sandbox.Fault{Method: "GET", Path: `^/v2/meetings/[0-9]+$`, Kind: sandbox.FaultTruncatedAfter, Count: 2})
			},
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("uuid"), knownvalue.Null()),
				statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("host_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("status"), knownvalue.Null()),
			},
		}},
	})
}
