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

// updateSteps applies first, then fails applying second (an update) with the row's message, then returns to
// first (the final destroy runs with the last configuration, which must be valid).
func updateSteps(first, second func(env *acctest.Env) string) func(t *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep {
	return func(_ *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep {
		return []resource.TestStep{
			{Config: env.Config(first(env))},
			{Config: env.Config(second(env)), ExpectError: want},
			{Config: env.Config(first(env))},
		}
	}
}

// zoneEvent is a zoom_meeting or zoom_webinar (kind) of env's host in the given time zone.
func zoneEvent(kind, zone string) func(env *acctest.Env) string {
	return func(env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_%s" "x" {
  user_id    = %q
  topic      = "tf-acc-errors"
  start_time = %q
  password   = "abc123"
  timezone   = %q
}`, kind, env.Host, errStart, zone)
	}
}

// basicAltHostEvent is a Basic user and a zoom_meeting or zoom_webinar (kind) of env's host, which names the
// user as an alternative host when withAlt is true. The user's address is made once per test.
func basicAltHostEvent(kind string, withAlt bool, email *string) func(env *acctest.Env) string {
	return func(env *acctest.Env) string {
		if *email == "" {
			*email = env.RandomEmail()
		}
		alt := ""
		if withAlt {
			alt = "\n  settings   = { alternative_hosts = [zoom_user.basic.email] }"
		}
		return fmt.Sprintf(`resource "zoom_user" "basic" {
  email  = %q
  action = "autoCreate"
  type   = 1
}

resource "zoom_%s" "x" {
  user_id    = %q
  topic      = "tf-acc-errors"
  start_time = %q
  password   = "abc123"%s
}`, *email, kind, env.Host, errStart, alt)
	}
}

// deleteActionUser is a user created with action whose delete_action Zoom refuses.
func deleteActionUser(action string) func(t *testing.T, env *acctest.Env) string {
	return func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_user" "x" {
  email         = %q
  action        = %q
  type          = 1
  delete_action = "disassociate"
}`, env.RandomEmail(), action)
	}
}

// zoneUser is a user in the given time zone; its address is the same throughout the test.
func zoneUser(env *acctest.Env, zone string) string {
	return fmt.Sprintf(`resource "zoom_user" "x" {
  email    = "tf-acc-errors-zone@%s"
  action   = "autoCreate"
  type     = 1
  timezone = %q
}`, strings.SplitN(env.RandomEmail(), "@", 2)[1], zone)
}

func altHostScenario(kind string, update bool) errorScenario {
	var email string
	if update {
		return errorScenario{steps: updateSteps(basicAltHostEvent(kind, false, &email), basicAltHostEvent(kind, true, &email))}
	}
	return errorScenario{config: func(_ *testing.T, env *acctest.Env) string { return basicAltHostEvent(kind, true, &email)(env) }}
}

const unlistedZone, listedZone = "Europe/Kyiv", "Europe/Kiev"

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
		w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{
			EventFields: client.EventFields{Topic: client.Ptr("tf-acc-errors"),
				Type: client.Ptr(5), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123"),
			},
		})
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
		m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
			EventFields: client.EventFields{Topic: client.Ptr("tf-acc-errors"),
				Type: client.Ptr(2), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123"),
			},
		})
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
	"userDelete 400 300 API user disassociated": {profile: func(p *sandbox.Profile) { p.CustCreateAllowed = true }, config: deleteActionUser("custCreate")},
	"userDelete 400 1107":                       {config: deleteActionUser("autoCreate")},
	"userUpdate 400 300 unlisted time zone": {steps: updateSteps(
		func(env *acctest.Env) string { return zoneUser(env, listedZone) }, func(env *acctest.Env) string { return zoneUser(env, unlistedZone) })},
	"meetingCreate 400 300 unlisted time zone":          {config: func(_ *testing.T, env *acctest.Env) string { return zoneEvent("meeting", unlistedZone)(env) }},
	"meetingUpdate 400 300 unlisted time zone":          {steps: updateSteps(zoneEvent("meeting", listedZone), zoneEvent("meeting", unlistedZone))},
	"webinarCreate 400 300 unlisted time zone":          {config: func(_ *testing.T, env *acctest.Env) string { return zoneEvent("webinar", unlistedZone)(env) }},
	"webinarUpdate 400 300 unlisted time zone":          {steps: updateSteps(zoneEvent("webinar", listedZone), zoneEvent("webinar", unlistedZone))},
	"meetingCreate 400 300 unlicensed alternative host": altHostScenario("meeting", false),
	"meetingUpdate 400 300 unlicensed alternative host": altHostScenario("meeting", true),
	"webinarCreate 400 300 unlicensed alternative host": altHostScenario("webinar", false),
	"webinarUpdate 400 300 unlicensed alternative host": altHostScenario("webinar", true),
	"meetingDelete 400 3018": {config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_meeting" "x" {
  user_id    = %q
  topic      = "tf-acc-errors"
  start_time = %q
  settings   = { use_pmi = true }
}`, env.Host, errStart)
	}},
	"meetingUpdate 400 3000": {steps: liveEventSteps("meeting", true)},
	"meetingDelete 400 3002": {steps: liveEventSteps("meeting", false)},
	"webinarUpdate 400 3000": {steps: liveEventSteps("webinar", true)},
	"webinarDelete 400 3002": {steps: liveEventSteps("webinar", false)},
	"groupCreate 409 4132": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_group" "x" {
  name = "tf-acc-errors"
}

resource "zoom_group" "y" {
  name = "TF-ACC-ERRORS"
}`
	}},
	"groupDelete 400 300": {steps: func(t *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep {
		config := env.Config(`resource "zoom_group" "x" {
  name = "tf-acc-errors"
}`)
		var group string
		member := func(add bool) func() {
			return func() {
				gs, err := env.Client.Groups.List(acctest.Ctx())
				if err != nil || len(gs) != 1 {
					t.Fatalf("groups: %v, %v", gs, err)
				}
				group = gs[0].ID
				if add {
					_, err = env.Client.Groups.AddMembers(acctest.Ctx(), group, []client.UserRef{{Email: env.Host}})
				} else {
					err = env.Client.Groups.RemoveMember(acctest.Ctx(), group, env.Host)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		return []resource.TestStep{
			{Config: config},
			{PreConfig: member(true), Config: config, Destroy: true, ExpectError: want},
			{PreConfig: member(false), Config: config, PlanOnly: true},
		}
	}},
	"groupMembersCreate 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_group" "x" {
  name = "tf-acc-errors"
}

resource "zoom_group_member" "x" {
  group_id = zoom_group.x.id
  user_id  = "nobody@example.com"
}`
	}},
	"groupAdminsCreate 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_group" "x" {
  name = "tf-acc-errors"
}

resource "zoom_group_admin" "x" {
  group_id = zoom_group.x.id
  user_id  = "nobody@example.com"
}`
	}},
	"update_mailbox_vacation_response_setting 400 400 empty time refused": {
		profile: func(p *sandbox.Profile) {
			p.MailEmptyTime, p.MailPutOmitted = sandbox.MailEmptyTimeRefuse, sandbox.MailPutKeep
		},
		steps: func(_ *testing.T, env *acctest.Env, want *regexp.Regexp) []resource.TestStep {
			withTimes := vacationConfig(env, env.Host, "  enabled    = true\n  subject    = \"Away\"\n"+
				"  start_time = \"2030-12-23T18:00:00Z\"\n  end_time   = \"2031-01-02T07:00:00Z\"\n")
			withoutTimes := vacationConfig(env, env.Host, "  enabled = true\n  subject = \"Away\"\n")
			return []resource.TestStep{{Config: withTimes}, {Config: withoutTimes, ExpectError: want}, {Config: withTimes}}
		},
	},
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
			rows[r.ID()] = r
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
			if row.Op == "meetings" || row.Op == "listMeetingTemplates" || row.Op == "webinars" || row.Op == "listWebinarTemplates" ||
				row.Handling == errortable.PlanTime {
				// The data sources replace Zoom's answer with their own diagnostic; a configuration refused at
				// plan time never reaches Zoom.
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
