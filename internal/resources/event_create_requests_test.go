package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// TestAccEvent_edgeCases runs, in one TestCase (see eventCase), the meeting and webinar scenarios that each need
// one apply or none, each on sandboxes of its own (provider local names) where it needs one:
//   - bad input of meetings, webinars and registrants rejected at plan time (meetingValidation,
//     webinarValidation, registrantValidation);
//   - the daily meeting limit of a host (meetingDailyLimit: the apply that must fail first, then the main one);
//   - the requests a create costs, and a failed read-back (eventCreateRequests, eventMeetingReadBackFails);
//   - a create whose answer is lost (meetingInterruptedCreate);
//   - passcodes Zoom generates, and meetings with no fixed time, imported (meetingGeneratedPasscode);
//   - webinar alternative hosts (webinarAlternativeHostsCommaSeparated);
//   - imports of a PMI meeting (refused) and of events with generated passcodes (meetingImportOnPMIRefused,
//     eventImportGeneratedPasscode);
//   - settings Zoom does not apply (meetingSettingRefused, the last apply, which must fail).
//
// Against a real account only the scenarios that need no sandbox run.
func TestAccEvent_edgeCases(t *testing.T) {
	c := newEventCase(t, acctest.New(t))
	meetingValidation(c)
	webinarValidation(c)
	registrantValidation(c)
	webinarAlternativeHostsCommaSeparated(c)
	if !acctest.RealAccount() {
		meetingDailyLimit(c)
		eventCreateRequests(c)
		eventMeetingReadBackFails(c)
		meetingInterruptedCreate(c)
		meetingGeneratedPasscode(c)
		meetingImportOnPMIRefused(c)
		eventImportGeneratedPasscode(c)
		meetingSettingRefused(c)
	}
	c.run()
}

// eventCreateRequests (formerly TestAccEvent_createRequests): a webinar's create costs one request
// (webinarCreate's answer documents all that webinarGet does and fills the state; the empty plan after apply
// shows it matches what a refresh reads), and a meeting's create two, since only meetingGet documents its UUID,
// host ID, status and encrypted passcode; one when Zoom's answer carries them anyway (the sandbox's
// UndocumentedResponseFields). Each setting is a sandbox of its own; the requests are counted from the start of
// the main apply to the plan right after it, which reads nothing.
func eventCreateRequests(c *eventCase) {
	for _, undocumented := range []bool{false, true} {
		name := "zoomcreatedocumented"
		if undocumented {
			name = "zoomcreateundocumented"
		}
		env := acctest.New(c.t, func(p *sandbox.Profile) { p.UndocumentedResponseFields = undocumented })
		c.provider(name)
		counter := requestCounter{env}
		start := zoomUTC(futureUTC(96 * time.Hour))
		c.add(env.ProviderBlock(name)+fmt.Sprintf(`
resource "zoom_meeting" %[3]q {
  provider   = %[3]s
  user_id    = %[1]q
  topic      = "tf-acc-requests"
  start_time = %[2]q
  duration   = 30
}

resource "zoom_webinar" %[3]q {
  provider   = %[3]s
  user_id    = %[1]q
  topic      = "tf-acc-requests"
  start_time = %[2]q
  duration   = 30
  settings = {
    approval_type     = 1
    registration_type = 1
  }
}
`, env.Host, start, name), eventAfterCreate...)
		meetingReads := 1
		if undocumented {
			meetingReads = 0
		}
		c.pre(eventCreate, counter.reset)
		c.check(
			counter.expectNow("POST /v2/users/{userId}/webinars", 1),
			counter.expectNow("GET /v2/webinars/{webinarId}", 0),
			counter.expectNow(routeCreateMeeting, 1),
			counter.expectNow("GET /v2/meetings/{meetingId}", meetingReads),
			statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("uuid"), knownvalue.StringRegexp(nonEmpty)),
			statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("encrypted_password"), knownvalue.StringRegexp(nonEmpty)),
		)
		c.destroyedCheck(checkMeetingsDestroyed(env), checkWebinarsDestroyed(env))
	}
}

// eventMeetingReadBackFails (formerly TestAccEvent_meetingReadBackFails): when reading a new meeting back fails,
// what only meetingGet documents is saved as null (never an empty value), the meeting is not tainted, and the
// refresh after the apply fills it in (empty plan).
func eventMeetingReadBackFails(c *eventCase) {
	const name = "zoomreadbackfails"
	env := acctest.New(c.t)
	c.provider(name)
	c.add(withMaxRetries(env.ProviderBlock(name), 1)+fmt.Sprintf(`
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-readback"
  start_time = %[3]q
  duration   = 30
}
`, name, env.Host, zoomUTC(futureUTC(96*time.Hour))), eventAfterCreate...)
	// The read-back and its one retry are cut short.
	c.pre(eventCreate, func() {
		addFaults(c.t, env, sandbox.Fault{Method: "GET", Path: `^/v2/meetings/[0-9]+$`, Kind: sandbox.FaultTruncatedAfter, Count: 2})
	})
	addr := "zoom_meeting." + name
	c.check(
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("uuid"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("host_id"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.Null()),
	)
	c.destroyedCheck(checkMeetingsDestroyed(env))
}
