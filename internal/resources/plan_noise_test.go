package resources_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/resources"
)

// The plan-noise tests make one small change at a time to an existing resource and list every attribute that the
// plan shows as "known after apply". Only what the change can really alter may be unknown: a change of department
// must not hide the user's role, nor a new topic the meeting's join link.

// expectUnknowns is a plan check: the update of addr leaves exactly the attribute paths want unknown (in any
// order; list elements are written name[0], nested attributes name.child).
func expectUnknowns(addr string, want ...string) plancheck.PlanCheck {
	return updatePathsCheck{addr: addr, want: want, report: "the plan leaves [%s] unknown",
		paths: func(c *tfjson.Change) []string { return unknownPaths("", c.AfterUnknown) }}
}

// updatePathsCheck is a plan check: addr is updated in place and paths, applied to its change, lists exactly the
// attribute paths want (in any order). report describes what paths found, with a %s for the list.
type updatePathsCheck struct {
	addr   string
	want   []string
	report string
	paths  func(*tfjson.Change) []string
}

func (c updatePathsCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		if !rc.Change.Actions.Update() {
			resp.Error = fmt.Errorf("%s: planned %v, want an in-place update", c.addr, rc.Change.Actions)
			return
		}
		got := c.paths(rc.Change)
		want := slices.Clone(c.want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			resp.Error = fmt.Errorf("%s: "+c.report+", want [%s]", c.addr, strings.Join(got, ", "), strings.Join(want, ", "))
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.addr)
}

// unknownPaths lists the paths marked true in a plan's after_unknown tree.
func unknownPaths(at string, v any) []string {
	var out []string
	switch v := v.(type) {
	case bool:
		if v {
			out = append(out, at)
		}
	case map[string]any:
		for k, e := range v {
			p := k
			if at != "" {
				p = at + "." + k
			}
			out = append(out, unknownPaths(p, e)...)
		}
	case []any:
		for i, e := range v {
			out = append(out, unknownPaths(fmt.Sprintf("%s[%d]", at, i), e)...)
		}
	}
	return out
}

// planNoiseTests names the plan-noise test of each resource type.
var planNoiseTests = map[string]func(*testing.T){
	"zoom_user":               TestAccPlanNoise_user,
	"zoom_meeting":            TestAccPlanNoise_meeting,
	"zoom_webinar":            TestAccPlanNoise_webinar,
	"zoom_meeting_registrant": TestAccPlanNoise_meeting,
	"zoom_webinar_registrant": TestAccPlanNoise_webinar,
	"zoom_mail_vacation":      TestAccPlanNoise_mailVacation,
	"zoom_tracking_field":     TestAccPlanNoise_trackingField,
	// Roles and user assistants: one test for the four.
	"zoom_role":           TestAccPlanNoise_roles,
	"zoom_role_member":    TestAccPlanNoise_roles,
	"zoom_role_members":   TestAccPlanNoise_roles,
	"zoom_user_assistant": TestAccPlanNoise_roles,
	"zoom_group":          TestAccPlanNoise_groups,
	"zoom_group_member":   TestAccPlanNoise_groups,
	"zoom_group_members":  TestAccPlanNoise_groups,
	"zoom_group_admin":    TestAccPlanNoise_groups,
	// settings (set15): one test for the five settings resources
	"zoom_account_settings":      TestAccPlanNoise_settings,
	"zoom_account_lock_settings": TestAccPlanNoise_settings,
	"zoom_group_settings":        TestAccPlanNoise_settings,
	"zoom_group_lock_settings":   TestAccPlanNoise_settings,
	"zoom_user_settings":         TestAccPlanNoise_settings,
}

// TestPlanNoise_everyResource fails when a resource has no plan-noise test.
func TestPlanNoise_everyResource(t *testing.T) {
	for _, newResource := range resources.All() {
		var md fwresource.MetadataResponse
		newResource().Metadata(context.Background(), fwresource.MetadataRequest{ProviderTypeName: "zoom"}, &md)
		if planNoiseTests[md.TypeName] == nil {
			t.Errorf("%s has no plan-noise test: add one to plan_noise_test.go and to planNoiseTests", md.TypeName)
		}
	}
}

// noiseCase is one small in-place change of a resource and the attributes it may leave unknown.
type noiseCase struct {
	name          string   // the resource's name in the configuration
	before, after string   // the resource's block (its type and name included) before and after the change
	unknown       []string // the attributes the change may leave unknown
}

// noiseSteps returns two steps that test every case at once, each on its own resource: the first creates them
// all (with the blocks in shared, which no case changes), the second makes every change and checks each update's
// unknown attributes. One step per case would cost seven terraform commands each.
func noiseSteps(env *acctest.Env, shared string, cases ...noiseCase) []resource.TestStep {
	var before, after strings.Builder
	before.WriteString(shared)
	after.WriteString(shared)
	var checks []plancheck.PlanCheck
	for _, c := range cases {
		before.WriteString(c.before)
		after.WriteString(c.after)
		checks = append(checks, expectUnknowns(c.name, c.unknown...))
	}
	return []resource.TestStep{
		{Config: env.Config(before.String())},
		{
			Config:           env.Config(after.String()),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: checks},
		},
	}
}

// noiseStep is one in-place change and the attributes it may leave unknown.
func noiseStep(config, addr string, unknown ...string) resource.TestStep {
	return resource.TestStep{
		Config:           config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{expectUnknowns(addr, unknown...)}},
	}
}

func TestAccPlanNoise_user(t *testing.T) {
	env := acctest.New(t)
	user := func(name, email, first, dept, extra string) string {
		return fmt.Sprintf(`
resource "zoom_user" %q {
  email      = %q
  action     = "autoCreate"
  type       = 1
  first_name = %q
  last_name  = "Lovelace"
  dept       = %q
%s
}
`, name, email, first, dept, extra)
	}
	change := func(name, first, dept, extra string, unknown ...string) noiseCase {
		email := env.RandomEmail()
		return noiseCase{
			name:    "zoom_user." + name,
			before:  user(name, email, "Ada", "Engineering", ""),
			after:   user(name, email, first, dept, extra),
			unknown: unknown,
		}
	}
	// A new e-mail address has not been verified.
	newEmail := change("email", "Ada", "Engineering", "", "verified")
	newEmail.after = user("email", env.RandomEmail(), "Ada", "Engineering", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkUserDestroyed(env),
		Steps: noiseSteps(env, "",
			change("dept", "Ada", "Research", ""),
			change("job_title", "Ada", "Engineering", `  job_title = "Analyst"`),
			change("timezone", "Ada", "Engineering", `  timezone = "Europe/Paris"`),
			// The display name follows the first and last name when it is not set.
			change("first_name", "Augusta", "Engineering", "", "display_name"),
			// The personal meeting link carries the PMI.
			change("pmi", "Ada", "Engineering", `  pmi = 5551234567`, "personal_meeting_url"),
			newEmail,
		),
	})
}

// TestAccPlanNoise_meeting covers zoom_meeting and zoom_meeting_registrant.
func TestAccPlanNoise_meeting(t *testing.T) {
	env := acctest.New(t)
	start := futureUTC(72 * time.Hour)
	meeting := func(name, typ, topic string, start time.Time, extra string) string {
		recurrence := ""
		if typ == "recurring_fixed_time" {
			recurrence = `  recurrence = { type = "daily", repeat_interval = 1, end_times = 3 }`
		}
		return fmt.Sprintf(`
resource "zoom_meeting" %q {
  user_id    = %q
  type       = %q
  topic      = %q
  start_time = %q
  duration   = 45
  timezone   = "Europe/Berlin"
%s
%s
}
`, name, env.Host, typ, topic, zoomUTC(start), recurrence, extra)
	}
	change := func(name, typ, topic string, at time.Time, extra string, unknown ...string) noiseCase {
		return noiseCase{
			name:    "zoom_meeting." + name,
			before:  meeting(name, "scheduled", "Planning", start, ""),
			after:   meeting(name, typ, topic, at, extra),
			unknown: unknown,
		}
	}
	recurring := change("recurring_topic", "recurring_fixed_time", "Planning v2", start, "")
	recurring.before = meeting("recurring_topic", "recurring_fixed_time", "Planning", start, "")
	registrant := func(name, email, status, extra string) string {
		return fmt.Sprintf(`
resource "zoom_meeting_registrant" %q {
  meeting_id = zoom_meeting.registration.id
  email      = %q
  first_name = "Grace"
  status     = %q
%s
}
`, name, email, status, extra)
	}
	approvedEmail, pendingEmail := env.RandomEmail(), env.RandomEmail()
	registration := fmt.Sprintf(`
resource "zoom_meeting" "registration" {
  user_id    = %q
  topic      = "Registration"
  start_time = %q
  settings = {
    approval_type = 1
  }
}
`, env.Host, zoomUTC(futureUTC(70*time.Hour)))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkRegistrantsDestroyed(env), checkMeetingsDestroyed(env)),
		Steps: noiseSteps(env, registration,
			change("topic", "scheduled", "Planning v2", start, ""),
			change("agenda", "scheduled", "Planning", start, `  agenda = "Budget"`),
			// A one-time meeting has no occurrences, whatever its start.
			change("start", "scheduled", "Planning", start.Add(time.Hour), ""),
			change("settings", "scheduled", "Planning", start, `  settings = { mute_upon_entry = true }`),
			// A new passcode changes the links and passcodes derived from it.
			change("password", "scheduled", "Planning", start, `  password = "xyz789"`,
				"join_url", "h323_password", "pstn_password", "encrypted_password"),
			// Turning it into a recurring meeting changes its occurrences.
			change("to_recurring", "recurring_fixed_time", "Planning", start, "", "occurrences"),
			// A recurring meeting's occurrences stay known when its topic changes.
			recurring,
			// Approval gives the registrant a join link; nothing else changes.
			noiseCase{
				name:    "zoom_meeting_registrant.approve",
				before:  registrant("approve", pendingEmail, "pending", ""),
				after:   registrant("approve", pendingEmail, "approved", ""),
				unknown: []string{"join_url"},
			},
			// An argument Zoom does not report, added later, is only recorded: the link stays.
			noiseCase{
				name:   "zoom_meeting_registrant.employees",
				before: registrant("employees", approvedEmail, "approved", ""),
				after:  registrant("employees", approvedEmail, "approved", `  no_of_employees = "1-20"`),
			},
		),
	})
}

// TestAccPlanNoise_webinar covers zoom_webinar and zoom_webinar_registrant.
func TestAccPlanNoise_webinar(t *testing.T) {
	env := acctest.New(t)
	start := futureUTC(120 * time.Hour)
	webinar := func(name, topic string, start time.Time, extra string) string {
		return fmt.Sprintf(`
resource "zoom_webinar" %q {
  user_id    = %q
  topic      = %q
  start_time = %q
  duration   = 90
  timezone   = "America/New_York"
%s
}
`, name, env.Host, topic, zoomUTC(start), extra)
	}
	change := func(name, topic string, at time.Time, extra string, unknown ...string) noiseCase {
		return noiseCase{
			name:    "zoom_webinar." + name,
			before:  webinar(name, "Launch", start, ""),
			after:   webinar(name, topic, at, extra),
			unknown: unknown,
		}
	}
	email := env.RandomEmail()
	registrant := func(status string) string {
		return fmt.Sprintf(`
resource "zoom_webinar_registrant" "test" {
  webinar_id = zoom_webinar.registration.id
  email      = %q
  first_name = "Grace"
  status     = %q
}
`, email, status)
	}
	registration := fmt.Sprintf(`
resource "zoom_webinar" "registration" {
  user_id    = %q
  topic      = "Registration"
  start_time = %q
  settings = {
    approval_type = 1
  }
}
`, env.Host, zoomUTC(futureUTC(70*time.Hour)))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkRegistrantsDestroyed(env), checkWebinarsDestroyed(env)),
		Steps: noiseSteps(env, registration,
			change("topic", "Launch v2", start, ""),
			change("settings", "Launch", start, `  settings = { hd_video = true }`),
			// A one-time webinar has no occurrences, whatever its start.
			change("start", "Launch", start.Add(time.Hour), ""),
			change("password", "Launch", start, `  password = "Launch!1"`, "join_url"),
			// Approval gives the registrant a join link; nothing else changes.
			noiseCase{
				name:    "zoom_webinar_registrant.test",
				before:  registrant("pending"),
				after:   registrant("approved"),
				unknown: []string{"join_url"},
			},
		),
	})
}

func TestAccPlanNoise_mailVacation(t *testing.T) {
	env := acctest.New(t)
	config := func(subject, extra string) string {
		return vacationConfig(env, env.Host, fmt.Sprintf(`  enabled    = true
  subject    = %q
  body_text  = "Closed."
  start_time = "2030-12-23T17:00:00Z"
  end_time   = "2031-01-02T07:00:00Z"
%s`, subject, extra))
	}
	mailTest(t, resource.TestCase{
		CheckDestroy: checkVacationsOff(env),
		Steps: []resource.TestStep{
			{Config: config("Closed", "")},
			noiseStep(config("Closed for the holidays", ""), vacationAddr),
			noiseStep(config("Closed for the holidays", `  always_respond = true`), vacationAddr),
		},
	})
}

func TestAccPlanNoise_trackingField(t *testing.T) {
	env := acctest.New(t)
	label := acctest.RandomName()
	config := func(extra string) string {
		return trackingFieldConfig(env, fmt.Sprintf("  field = %q\n%s", label, extra))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkTrackingFieldsDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config("")},
			noiseStep(config("  recommended_values = [\"a\", \"b\"]\n"), trackingFieldAddr),
			noiseStep(config("  recommended_values = [\"a\", \"b\"]\n  required = true\n"), trackingFieldAddr),
		},
	})
}

// TestAccPlanNoise_roles: a role's name, description and privileges leave nothing unknown; a member or assistant
// written with the user's other spelling leaves only the resource ID unknown; a changed member set nothing.
func TestAccPlanNoise_roles(t *testing.T) {
	env := acctest.New(t)
	a, b := licensedUser(t, env), licensedUser(t, env)
	name := acctest.RandomName()
	config := func(desc, ref, members string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_role" "test" {
  name        = %[1]q
  description = %[2]q
}

resource "zoom_role" "other" {
  name = "%[1]s-other"
}

resource "zoom_role_member" "test" {
  role_id = zoom_role.test.id
  user_id = %[3]q
}

resource "zoom_role_members" "test" {
  role_id = zoom_role.other.id
  members = [%[4]s]
}

resource "zoom_user_assistant" "test" {
  user_id      = %[5]q
  assistant_id = %[3]q
}
`, name, desc, ref, members, env.Host))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("one", a.email, "")},
			{
				Config: config("two", a.id, fmt.Sprintf("%q", b.email)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					expectUnknowns(roleAddr), expectUnknowns(roleMemberAddr, "id"), expectUnknowns(roleMembersAddr),
					expectUnknowns(userAssistantAddr, "id"),
				}},
			},
		},
	})
}

// TestAccPlanNoise_groups covers the four group resources at once: a rename, a member set change, the primary
// flag, and a user written by ID instead of e-mail leave nothing unknown.
func TestAccPlanNoise_groups(t *testing.T) {
	env := acctest.New(t)
	u := newGroupUsers(t, env, 2)
	config := func(name, members, member string, primary bool, admin string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_group" "test" {
  name = %q
}

resource "zoom_group" "other" {
  name = "%s-other"
}

resource "zoom_group_members" "test" {
  group_id = zoom_group.test.id
  members  = [%s]
}

resource "zoom_group_member" "test" {
  group_id = zoom_group.other.id
  user_id  = %q
  primary  = %t
}

resource "zoom_group_admin" "test" {
  group_id = zoom_group.test.id
  user_id  = %q
}
`, name, name, members, member, primary, admin))
	}
	name := acctest.RandomName()
	step := func(config string, addrs ...string) resource.TestStep {
		var checks []plancheck.PlanCheck
		for _, a := range addrs {
			checks = append(checks, expectUnknowns(a))
		}
		return resource.TestStep{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: checks}}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGroupsGone(env),
		Steps: []resource.TestStep{
			{Config: config(name, fmt.Sprintf("%q", u[0].email), u[1].email, false, u[0].email)},
			step(config(name+"-2", fmt.Sprintf("%q, %q", u[0].email, u[1].id), u[1].id, true, u[0].id),
				"zoom_group.test", "zoom_group_members.test", "zoom_group_member.test", "zoom_group_admin.test"),
		},
	})
}

// TestAccPlanNoise_settings changes one setting of each settings resource at once: nothing may become unknown (the
// settings the configuration leaves out keep Zoom's values from state).
func TestAccPlanNoise_settings(t *testing.T) {
	env := acctest.New(t)
	email, group := env.RandomEmail(), acctest.RandomName()
	config := func(on bool) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_user" "test" {
  email  = %[1]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_group" "test" {
  name = %[2]q
}

resource "zoom_account_settings" "test" {
  in_meeting = { breakout_room = %[3]t }
}

resource "zoom_account_lock_settings" "test" {
  in_meeting = { co_host = %[3]t }
}

resource "zoom_group_settings" "test" {
  group_id  = zoom_group.test.id
  telephony = { third_party_audio = %[3]t }
}

resource "zoom_group_lock_settings" "test" {
  group_id           = zoom_group.test.id
  email_notification = { jbh_reminder = %[3]t }
}

resource "zoom_user_settings" "test" {
  user_id          = zoom_user.test.id
  schedule_meeting = { host_video = %[3]t }
}
`, email, group, on))
	}
	var checks []plancheck.PlanCheck
	for _, addr := range []string{"zoom_account_settings.test", "zoom_account_lock_settings.test", "zoom_group_settings.test",
		"zoom_group_lock_settings.test", "zoom_user_settings.test"} {
		checks = append(checks, expectUnknowns(addr))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(false)},
			{Config: config(true), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: checks}},
		},
	})
}
