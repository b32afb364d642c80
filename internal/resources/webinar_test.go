package resources_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const (
	webinarAddr       = "zoom_webinar.test"
	routePatchWebinar = "PATCH /v2/webinars/{webinarId}"
)

// checkWebinarsDestroyed verifies that no webinar from the state still exists.
func checkWebinarsDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_webinar" {
				continue
			}
			id, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
			if err != nil {
				return err
			}
			_, err = env.Client.Webinars.Get(acctest.Ctx(), id, nil)
			if err == nil {
				return fmt.Errorf("zoom_webinar %d still exists after destroy", id)
			}
			if !client.IsNotFound(err) {
				return fmt.Errorf("checking zoom_webinar %d: %v", id, err)
			}
		}
		return nil
	}
}

// webinarPatches checks through the sandbox's request log that the webinar at a resource address in the state
// was sent want PATCH requests since the log was last cleared (other webinars' requests do not count).
type webinarPatches struct {
	env  *acctest.Env
	addr string
	want int
}

func (c webinarPatches) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if c.env.Sandbox == nil {
		return
	}
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s not in state: the state is empty", c.addr)
		return
	}
	for _, res := range req.State.Values.RootModule.Resources {
		if res.Address != c.addr {
			continue
		}
		path := fmt.Sprintf("/v2/webinars/%v", res.AttributeValues["id"])
		got := 0
		for _, r := range c.env.Sandbox.Requests() {
			if r.Route == routePatchWebinar && r.Path == path {
				got++
			}
		}
		if got != c.want {
			resp.Error = fmt.Errorf("%s: %d PATCH requests to %s, want %d (all: %v)", c.addr, got, path, c.want, c.env.Sandbox.RequestStats().ByRoute)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in state", c.addr)
}

// webinarAddonProfiles are accounts without the webinar add-on (for the account, or for the host), by provider
// local name.
var webinarAddonProfiles = map[string]func(*sandbox.Profile){
	"noaddonaccount": func(p *sandbox.Profile) { p.WebinarAddon = false },
	"noaddonhost":    func(p *sandbox.Profile) { p.WebinarUnlicensedUsers = []string{p.OwnerEmail} },
}

// TestAccEvent_lifecycle runs, in one TestCase (see lifecycleSteps), the lifecycles of webinars
// (webinarLifecycle), of meeting and webinar registrants (registrantLifecycle) and, with the sandbox, the
// registration URL and recurrence end scenarios (eventRegistrationURLKept), which used to be TestCases of their
// own: their first applies, out-of-band changes and second applies, imports and failing applies are one each.
func TestAccEvent_lifecycle(t *testing.T) {
	env := acctest.New(t)
	parts := []lifecyclePart{webinarLifecycle(t, env), registrantLifecycle(t, env)}
	if !acctest.RealAccount() {
		parts = append(parts, eventRegistrationURLKept(t))
	}
	lifecycleSteps(t, env, parts...)
}

// webinarLifecycle (formerly TestAccWebinar_lifecycle, now part of TestAccEvent_lifecycle) runs the matrix on
// webinars with panelist, Q&A and reminder settings, each scenario with its own webinar side by side in one
// configuration:
//   - create (zoom_webinar.test), empty plans after apply and after refresh (the framework's plans after every
//     apply, the second one refreshing), an update in place with one PATCH, nested settings included, import;
//   - changes in the portal show as drift on those fields only (zoom_webinar.drift);
//   - a new host replaces the webinar (zoom_webinar.replaced); deleted in the portal, it is created again
//     (zoom_webinar.gone);
//   - a weekly webinar with a local start time keeps an empty plan, and registrants_confirmation_email (which Zoom
//     only takes on update) is applied right after the create (zoom_webinar.recurring);
//   - without the webinar add-on (for the account, or for the host: a sandbox each) the apply fails with an error
//     that names the add-on, and nothing is created (the apply that must fail);
//   - destroy leaves nothing behind.
func webinarLifecycle(t *testing.T, env *acctest.Env) lifecyclePart {
	var addon sandboxSet
	if !acctest.RealAccount() {
		addon = newSandboxes(t, webinarAddonProfiles)
	}
	start := zoomUTC(futureUTC(120 * time.Hour))
	topic := acctest.RandomName()
	otherHost := env.RandomEmail()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	drift, gone := &meetingRef{}, &meetingRef{}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	day := time.Now().In(tokyo).AddDate(0, 0, 9)
	local := time.Date(day.Year(), day.Month(), day.Day(), 19, 0, 0, 0, tokyo).Format("2006-01-02T15:04:05")
	webinar := func(name, host, topic, settings string) string {
		return fmt.Sprintf(`
resource "zoom_webinar" %q {
  user_id    = %s
  topic      = %q
  start_time = %q
  duration   = 90
  timezone   = "America/New_York"
  password   = "Launch!1"
  settings = {
%s
  }
}
`, name, host, topic, start, settings)
	}
	v1 := `    panelists_video  = true
    practice_session = true
    hd_video         = true
    approval_type    = 0
    question_and_answer = {
      enable                    = true
      allow_anonymous_questions = false
    }
    attendees_and_panelists_reminder_email_notification = {
      enable = true
      type   = 3
    }`
	v2 := `    panelists_video  = true
    practice_session = false
    hd_video         = true
    approval_type    = 0
    registrants_restrict_number = 250
    question_and_answer = {
      enable                    = true
      allow_anonymous_questions = true
    }
    attendees_and_panelists_reminder_email_notification = {
      enable = true
      type   = 3
    }`
	host := fmt.Sprintf("%q", env.Host)
	// config is the configuration before (second false) and after the changes of the second apply; noAddon adds
	// a webinar in each account without the add-on.
	config := func(second, noAddon bool) string {
		var b strings.Builder
		fmt.Fprintf(&b, `
resource "zoom_user" "other_host" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_webinar" "recurring" {
  user_id    = %q
  topic      = %q
  type       = "recurring_fixed_time"
  start_time = %q
  timezone   = "Asia/Tokyo"
  duration   = 45
  recurrence = {
    type        = "weekly"
    weekly_days = [3]
    end_times   = 4
  }
  settings = {
    approval_type                  = 1
    registration_type              = 3
    registrants_confirmation_email = false
  }
}
`, otherHost, env.Host, topic, local)
		b.WriteString(webinar("drift", host, topic+"-drift", v2))
		b.WriteString(webinar("gone", host, topic+"-gone", v2))
		if !second {
			b.WriteString(webinar("test", host, topic, v1))
			b.WriteString(webinar("replaced", host, topic+"-replaced", v2))
		} else {
			b.WriteString(webinar("test", host, topic+"-v2", v2))
			b.WriteString(webinar("replaced", "zoom_user.other_host.email", topic+"-replaced", v2))
		}
		if noAddon {
			for _, name := range addon.names {
				b.WriteString(addon.envs[name].ProviderBlock(name))
				fmt.Fprintf(&b, `
resource "zoom_webinar" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-no-addon"
  start_time = %[3]q
}
`, name, addon.envs[name].Host, start)
			}
		}
		return b.String()
	}
	destroyed := []resource.TestCheckFunc{checkWebinarsDestroyed(env)}
	for _, name := range addon.names {
		aenv := addon.envs[name]
		destroyed = append(destroyed, func(*terraform.State) error {
			if n := aenv.Sandbox.RequestStats().ByRoute["POST /v2/users/{userId}/webinars"]; n != 1 {
				return fmt.Errorf("%s: %d create requests, want 1", name, n)
			}
			aenv.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = true; p.WebinarUnlicensedUsers = nil })
			ws, err := aenv.Client.Webinars.List(acctest.Ctx(), aenv.Host, nil)
			if err != nil || len(ws) != 0 {
				return fmt.Errorf("%s: webinars left behind: %v, %v", name, ws, err)
			}
			return nil
		})
	}
	part := lifecyclePart{
		names:     addon.names,
		config:    config,
		destroyed: destroyed,
		created: []statecheck.StateCheck{
			sameID.AddStateValue(webinarAddr, tfjsonpath.New("id")),
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(meetingIDPattern)),
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("type"), knownvalue.StringExact("scheduled")),
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("enable"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("audio"), knownvalue.StringExact("both")),
			// No webinar answer documents registration_url, so Zoom (and the sandbox) never report it.
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("registration_url"), knownvalue.Null()),
			statecheck.ExpectSensitiveValue(webinarAddr, tfjsonpath.New("start_url")),
			statecheck.ExpectSensitiveValue(webinarAddr, tfjsonpath.New("join_url")),
			statecheck.ExpectSensitiveValue(webinarAddr, tfjsonpath.New("password")),
			statecheck.ExpectKnownValue("zoom_webinar.recurring", tfjsonpath.New("start_time"), knownvalue.StringExact(local)),
			statecheck.ExpectKnownValue("zoom_webinar.recurring", tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(4)),
			statecheck.ExpectKnownValue("zoom_webinar.recurring", tfjsonpath.New("settings").AtMapKey("registrants_confirmation_email"), knownvalue.Bool(false)),
			webinarPatches{env, "zoom_webinar.recurring", 1},
			drift.captureNow("zoom_webinar.drift"),
			gone.captureNow("zoom_webinar.gone"),
		},
		portal: []func(){func() {
			if env.Sandbox != nil {
				env.Sandbox.ClearRequests()
			}
			// Changes in the portal show up as drift on those fields only.
			if err := env.Client.Webinars.Update(acctest.Ctx(), drift.id, &client.WebinarRequest{
				Settings: &client.WebinarSettings{PracticeSession: client.Ptr(true),
					QuestionAndAnswer: &client.QuestionAndAnswer{Enable: client.Ptr(false)}},
			}); err != nil {
				t.Fatalf("out-of-band change: %v", err)
			}
			// Deleted in the portal: created again.
			if err := env.Client.Webinars.Delete(acctest.Ctx(), gone.id, nil); err != nil {
				t.Fatalf("out-of-band delete: %v", err)
			}
		}},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(webinarAddr, plancheck.ResourceActionUpdate),
			plancheck.ExpectResourceAction("zoom_webinar.drift", plancheck.ResourceActionUpdate),
			plancheck.ExpectKnownValue("zoom_webinar.drift", tfjsonpath.New("settings").AtMapKey("practice_session"), knownvalue.Bool(false)),
			plancheck.ExpectKnownValue("zoom_webinar.drift", tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("enable"), knownvalue.Bool(true)),
			// A new host replaces the webinar.
			plancheck.ExpectResourceAction("zoom_webinar.replaced", plancheck.ResourceActionDestroyBeforeCreate),
			plancheck.ExpectResourceAction("zoom_webinar.gone", plancheck.ResourceActionCreate),
			plancheck.ExpectResourceAction("zoom_webinar.recurring", plancheck.ResourceActionNoop),
		},
		// The update in place is one PATCH, nested settings included.
		changed: []statecheck.StateCheck{
			sameID.AddStateValue(webinarAddr, tfjsonpath.New("id")),
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("registrants_restrict_number"), knownvalue.Int64Exact(250)),
			statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("allow_anonymous_questions"), knownvalue.Bool(true)),
			webinarPatches{env, webinarAddr, 1},
		},
		// The import step's working directory needs only the webinar.
		imports: []resource.TestStep{{
			Config:       env.Config(webinar("test", host, topic+"-v2", v2)),
			ResourceName: webinarAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"start_url"},
		}},
	}
	for _, name := range addon.names {
		part.failing = append(part.failing, diagAbout("zoom_webinar."+name, `Error creating Zoom webinar.*Webinar add-on is missing.*webinar licence`))
	}
	return part
}

// webinarValidation (formerly TestAccWebinar_validation, now in TestAccEvent_edgeCases) rejects bad input at plan
// time: the configuration checks in the plan that fails validation (a webinar each), the passcode (checked when
// the plan is made, only for a passcode that is going to be sent) in the later plan that must fail.
func webinarValidation(c *eventCase) {
	start := zoomUTC(futureUTC(48 * time.Hour))
	cases := []struct{ body, want string }{
		{`  type = "instant"`, `is not a webinar type`},
		{``, `A scheduled webinar needs a start_time`},
		{"  start_time = \"" + start + "\"\n  password = \"toolongpass1\"", `password string length must be between 1 and 10`},
		{"  start_time = \"" + start + "\"\n  settings = { registrants_restrict_number = 20001 }", `registrants_restrict_number value must be between 0 and`},
		{"  start_time = \"" + start + "\"\n  settings = { question_and_answer = { answer_questions = \"some\" } }", `answer_questions value must be one of`},
		{"  start_time = \"" + start + "\"\n  settings = { attendees_and_panelists_reminder_email_notification = { type = 8 } }", `notification.type\s+value must be one of`},
		{"  start_time = \"" + start + "\"\n  settings = { post_webinar_survey = false, survey_url = \"https://example.com\" }", `survey_url is only used with post_webinar_survey`},
		{"  type = \"recurring_fixed_time\"\n  start_time = \"" + start + "\"", `needs a recurrence block`},
	}
	for i, tc := range cases {
		c.add(fmt.Sprintf(`
resource "zoom_webinar" "c%d" {
  user_id = "someone@example.com"
  topic   = "tf-acc-validation"
%s
}
`, i, tc.body), eventValidate)
		c.fail(eventValidate, diagAbout(fmt.Sprintf("zoom_webinar.c%d", i), tc.want))
	}
	c.add(fmt.Sprintf(`
resource "zoom_webinar" "passcode_at_plan" {
  user_id    = "someone@example.com"
  topic      = "tf-acc-validation"
  start_time = %q
  password   = "ok!but(no"
}
`, start), eventPlanFail)
	c.fail(eventPlanFail, diagAbout("zoom_webinar.passcode_at_plan", `must be 1 to 10 characters from letters`))
}
