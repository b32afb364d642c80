package resources_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/errortable"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// errorScenario is a configuration that meets one row of the error-conformance table.
type errorScenario struct {
	profile func(*sandbox.Profile)
	// config returns the configuration (without the provider block); setup may create objects out of band.
	config func(t *testing.T, env *acctest.Env) string
	// steps, when set, replaces the single failing step: it gets the pattern the failing step must match.
	steps func(t *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep
}

// eventConfig is a zoom_meeting or zoom_webinar (kind) of env's host with the given topic.
func eventConfig(env *acctest.Env, kind, topic string) string {
	return env.Config(fmt.Sprintf(`resource "zoom_%s" "x" {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = "abc123"
}`, kind, env.Host, topic, errStart))
}

// liveEventSteps creates a meeting or webinar, starts it in the sandbox, then runs the failing step (an update
// when update is true, a destroy otherwise), and ends it so that the final destroy succeeds.
func liveEventSteps(kind string, update bool) func(t *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep {
	return func(t *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep {
		var id int64
		find := func() {
			var ids []int64
			if kind == "meeting" {
				ms, err := env.Client.Meetings.List(acctest.Ctx(), env.Host, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range ms {
					ids = append(ids, m.ID)
				}
			} else {
				ws, err := env.Client.Webinars.List(acctest.Ctx(), env.Host, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range ws {
					ids = append(ids, w.ID)
				}
			}
			if len(ids) != 1 {
				t.Fatalf("want one %s, found %v", kind, ids)
			}
			id = ids[0]
		}
		start := func() {
			find()
			var err error
			if kind == "meeting" {
				err = env.Sandbox.StartMeeting(id)
			} else {
				err = env.Sandbox.StartWebinar(id)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		end := func() {
			var err error
			if kind == "meeting" {
				err = env.Sandbox.EndMeeting(id)
			} else {
				err = env.Sandbox.EndWebinar(id)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		first := eventConfig(env, kind, "tf-acc-errors")
		failing := resource.TestStep{PreConfig: start, Config: first, Destroy: true, ExpectError: want}
		if update {
			failing = resource.TestStep{PreConfig: start, Config: eventConfig(env, kind, "tf-acc-errors-changed"), ExpectError: want}
		}
		return []resource.TestStep{
			{Config: first},
			failing,
			// Ended, the event counts as destroyed (Zoom refuses to delete an ended meeting with 3007).
			{PreConfig: end, Config: first, PlanOnly: true},
		}
	}
}

const errStart = "2031-03-02T10:00:00Z"

var errorScenarios = map[string]errorScenario{
	"userCreate 409 1005": {config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_user" "x" {
  email = %q
  type  = 1
}`, env.Host)
	}},
	"meetingCreate 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_meeting" "x" {
  user_id    = "nobody@example.com"
  topic      = "tf-acc-errors"
  start_time = "` + errStart + `"
  password   = "abc123"
}`
	}},
	"webinarCreate 400 200": {profile: func(p *sandbox.Profile) { p.WebinarAddon = false }, config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_webinar" "x" {
  user_id    = %q
  topic      = "tf-acc-errors"
  start_time = %q
  password   = "abc123"
}`, env.Host, errStart)
	}},
	"webinarCreate 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_webinar" "x" {
  user_id    = "nobody@example.com"
  topic      = "tf-acc-errors"
  start_time = "` + errStart + `"
  password   = "abc123"
}`
	}},
	"meetings 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_meetings" "x" { user_id = "nobody@example.com" }`
	}},
	"listMeetingTemplates 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_meeting_templates" "x" { user_id = "nobody@example.com" }`
	}},
	"webinars 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_webinars" "x" { user_id = "nobody@example.com" }`
	}},
	"listWebinarTemplates 400 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_webinar_templates" "x" { user_id = "nobody@example.com" }`
	}},
	"webinarRegistrantCreate 400 3000": {config: func(t *testing.T, env *acctest.Env) string {
		// A webinar without registration, made out of band so the step only meets the registrant's error.
		w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{Topic: client.Ptr("tf-acc-errors"),
			Type: client.Ptr(5), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123")})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf(`resource "zoom_webinar_registrant" "x" {
  webinar_id = "%d"
  email      = "r@example.com"
  first_name = "R"
}`, w.ID)
	}},
	"meetingRegistrantCreate 404 404": {config: func(t *testing.T, env *acctest.Env) string {
		m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{Topic: client.Ptr("tf-acc-errors"),
			Type: client.Ptr(2), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123")})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf(`resource "zoom_meeting_registrant" "x" {
  meeting_id = "%d"
  email      = "r@example.com"
  first_name = "R"
}`, m.ID)
	}},
	"meetingCreate 400 3161": {config: func(t *testing.T, env *acctest.Env) string {
		u, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{Action: "autoCreate",
			UserInfo: client.CreateUserInfo{Email: env.RandomEmail(), Type: 4, FirstName: "N"}})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf(`resource "zoom_meeting" "x" {
  user_id    = %q
  topic      = "tf-acc-errors"
  start_time = %q
  password   = "abc123"
}`, u.ID, errStart)
	}},
	"meetingUpdate 400 3000": {steps: liveEventSteps("meeting", true)},
	"meetingDelete 400 3002": {steps: liveEventSteps("meeting", false)},
	"webinarUpdate 400 3000": {steps: liveEventSteps("webinar", true)},
	"webinarDelete 400 3002": {steps: liveEventSteps("webinar", false)},
	"update_mailbox_vacation_response_setting 400 400": {profile: func(p *sandbox.Profile) { p.MailEnabled = false }, config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_mail_vacation" "x" {
  mailbox = %q
  enabled = true
  subject = "Out of office"
}`, env.Host)
	}},
}

// TestAccErrorTable_providerMessages meets, through Terraform against the sandbox, each row of the
// error-conformance table that names this test, and checks that the provider's diagnostic says what to do
// (the row's Message). It fails for a row without a scenario and for a scenario without a row.
func TestAccErrorTable_providerMessages(t *testing.T) {
	const name = "internal/resources.TestAccErrorTable_providerMessages"
	rows := map[string]errortable.Row{}
	for _, r := range errortable.Rows() {
		if r.Terraform == name {
			rows[r.Key()] = r
		}
	}
	for k := range errorScenarios {
		if _, ok := rows[k]; !ok {
			t.Errorf("%s: a scenario without a row naming this test", k)
		}
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		row := rows[k]
		sc, ok := errorScenarios[k]
		if !ok {
			t.Errorf("%s: the row names this test, which has no scenario for it", k)
			continue
		}
		t.Run(k, func(t *testing.T) {
			var profile []func(*sandbox.Profile)
			if sc.profile != nil {
				profile = append(profile, sc.profile)
			}
			env := acctest.New(t, profile...)
			env.RequireSandbox(t)
			// Terraform wraps diagnostics, so any space of the pattern may be a line break.
			wrap := func(s string) string { return strings.ReplaceAll(s, " ", `\s+`) }
			want := regexp.MustCompile(`(?s)` + wrap(fmt.Sprintf(`HTTP %d, Zoom code %d`, row.Status, row.Code)) + `.*` + wrap(row.Message))
			if row.Op == "meetings" || row.Op == "listMeetingTemplates" || row.Op == "webinars" || row.Op == "listWebinarTemplates" {
				// The data sources replace Zoom's answer with their own diagnostic.
				want = regexp.MustCompile(`(?s)` + wrap(row.Message))
			}
			var steps []resource.TestStep
			if sc.steps != nil {
				steps = sc.steps(t, env, want)
			} else {
				steps = []resource.TestStep{{Config: env.Config(sc.config(t, env)), ExpectError: want}}
			}
			resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
		})
	}
}
