package resources_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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

// planNoiseTests names, for each resource type, the part of TestAccPlanNoise_everyKind that covers it.
var planNoiseTests = map[string]string{
	"zoom_user":               "user",
	"zoom_meeting":            "meeting",
	"zoom_webinar":            "webinar",
	"zoom_meeting_registrant": "meeting",
	"zoom_webinar_registrant": "webinar",
	"zoom_mail_vacation":      "mail",
	"zoom_tracking_field":     "tracking",
	// Roles and user assistants: one part for the four.
	"zoom_role":           "roles",
	"zoom_role_member":    "roles",
	"zoom_role_members":   "roles",
	"zoom_user_assistant": "roles",
	"zoom_group":          "groups",
	"zoom_group_member":   "groups",
	"zoom_group_members":  "groups",
	"zoom_group_admin":    "groups",
	// settings (set15): one part for the five settings resources
	"zoom_account_settings":      "settings",
	"zoom_account_lock_settings": "settings",
	"zoom_group_settings":        "settings",
	"zoom_group_lock_settings":   "settings",
	"zoom_user_settings":         "settings",
}

// TestPlanNoise_everyResource fails when a resource has no plan-noise test.
func TestPlanNoise_everyResource(t *testing.T) {
	for _, newResource := range resources.All() {
		var md fwresource.MetadataResponse
		newResource().Metadata(context.Background(), fwresource.MetadataRequest{ProviderTypeName: "zoom"}, &md)
		if planNoiseTests[md.TypeName] == "" {
			t.Errorf("%s has no plan-noise test: add one to TestAccPlanNoise_everyKind and to planNoiseTests", md.TypeName)
		}
	}
}

// noiseCase is one small in-place change of a resource and the attributes it may leave unknown.
type noiseCase struct {
	name          string   // the resource's address in the configuration
	before, after string   // the resource's block (its type and name included) before and after the change
	unknown       []string // the attributes the change may leave unknown
}

// noiseKind is the plan-noise part of one kind of resource: the configuration before and after its changes (the
// blocks of every case, each on its own resource, and blocks no case changes) and the checks of the change's plan.
type noiseKind struct {
	before, after string
	checks        []plancheck.PlanCheck
	destroyed     resource.TestCheckFunc // the CheckDestroy of the part, or nil
}

// noiseCases makes the part of a kind from its cases and the blocks in shared, which no case changes.
func noiseCases(shared string, cases ...noiseCase) noiseKind {
	k := noiseKind{before: shared, after: shared}
	for _, c := range cases {
		k.before += c.before
		k.after += c.after
		k.checks = append(k.checks, expectUnknowns(c.name, c.unknown...))
	}
	return k
}

// resourceBlockStart matches the first line of a resource block.
// isProvider tells whether the provider address of a resource in the state (registry.terraform.io/hashicorp/x,
// or provider["registry.terraform.io/hashicorp/x"]) is the one of local name name.
func isProvider(addr, name string) bool {
	return strings.HasSuffix(strings.TrimSuffix(addr, `"]`), "/"+name)
}

// inProvider runs check on the part of the state that the provider of local name name manages: a CheckDestroy
// that asks one account about the resources of another would find nothing there and pass.
func inProvider(name string, check resource.TestCheckFunc) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		root := s.RootModule()
		part := &terraform.ModuleState{Path: root.Path, Resources: map[string]*terraform.ResourceState{}}
		for k, rs := range root.Resources {
			if isProvider(rs.Provider, name) {
				part.Resources[k] = rs
			}
		}
		if len(part.Resources) == 0 {
			return fmt.Errorf("the state has no resource of provider %s", name)
		}
		return check(&terraform.State{Modules: []*terraform.ModuleState{part}})
	}
}

// TestAccPlanNoise_everyKind makes small changes to existing resources of every kind and lists every attribute that
// the plan shows as "known after apply". Each kind has its own account (its own sandbox, and a provider of its own
// local name, zoom<kind>) and its own resources, all in one configuration: one step creates everything, the next
// makes every change and checks each update's unknown attributes (one step per change, or a test case per kind,
// would cost several terraform commands each). Against the sandbox it runs the time-zone scenarios too
// (timezoneScenarios).
func TestAccPlanNoise_everyKind(t *testing.T) {
	kinds := map[string]func(t *testing.T, env *acctest.Env) noiseKind{
		"user": noiseUser, "meeting": noiseMeeting, "webinar": noiseWebinar, "mail": noiseMailVacation,
		"tracking": noiseTrackingField, "roles": noiseRoles, "groups": noiseGroups, "settings": noiseSettings,
	}
	names := slices.Sorted(maps.Keys(kinds))
	var before, after strings.Builder
	var checks []plancheck.PlanCheck
	var destroyed []resource.TestCheckFunc
	var providers []string
	for _, kind := range names {
		env, name := acctest.New(t), "zoom"+kind
		k := kinds[kind](t, env)
		providers = append(providers, name)
		before.WriteString(env.ProviderBlock(name) + withProvider(name, k.before))
		after.WriteString(env.ProviderBlock(name) + withProvider(name, k.after))
		checks = append(checks, k.checks...)
		if k.destroyed != nil {
			destroyed = append(destroyed, inProvider(name, k.destroyed))
		}
	}
	// Against a real account the mail part shares the one test mailbox with the other mail tests.
	if acctest.RealAccount() {
		acctest.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: withoutZoom(acctest.ProviderFactoriesNamed(providers...)),
			CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
			Steps: []resource.TestStep{
				{Config: before.String()},
				{Config: after.String(), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: checks}},
			},
		})
		return
	}
	// Against the sandbox the time-zone scenarios share the test case: their refused zones first, then their
	// listed zones in both configurations (unchanged by the second step).
	tz := newTimezoneScenarios(t)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: withoutZoom(acctest.ProviderFactoriesNamed(append(providers, tz.names...)...)),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		ErrorCheck:               tz.errorCheck,
		Steps: []resource.TestStep{
			tz.refused,
			{
				Config:           before.String() + tz.listed,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(tz.checks...)}},
			},
			{Config: after.String() + tz.listed, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: checks}},
		},
	})
	tz.done()
}

// withoutZoom returns factories without the provider name zoom, which the configurations do not use (see
// vacationSet.factories).
func withoutZoom(factories map[string]func() (tfprotov6.ProviderServer, error)) map[string]func() (tfprotov6.ProviderServer, error) {
	delete(factories, "zoom")
	return factories
}

func noiseUser(_ *testing.T, env *acctest.Env) noiseKind {
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
	k := noiseCases("",
		change("dept", "Ada", "Research", ""),
		change("job_title", "Ada", "Engineering", `  job_title = "Analyst"`),
		change("timezone", "Ada", "Engineering", `  timezone = "Europe/Paris"`),
		// The display name follows the first and last name when it is not set.
		change("first_name", "Augusta", "Engineering", "", "display_name"),
		// The personal meeting link carries the PMI.
		change("pmi", "Ada", "Engineering", `  pmi = 5551234567`, "personal_meeting_url"),
		newEmail,
	)
	k.destroyed = checkUserDestroyed(env)
	return k
}

// noiseMeeting covers zoom_meeting and zoom_meeting_registrant.
func noiseMeeting(_ *testing.T, env *acctest.Env) noiseKind {
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
	k := noiseCases(registration,
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
	)
	k.destroyed = resource.ComposeTestCheckFunc(checkRegistrantsDestroyed(env), checkMeetingsDestroyed(env))
	return k
}

// noiseWebinar covers zoom_webinar and zoom_webinar_registrant.
func noiseWebinar(_ *testing.T, env *acctest.Env) noiseKind {
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
	k := noiseCases(registration,
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
	)
	k.destroyed = resource.ComposeTestCheckFunc(checkRegistrantsDestroyed(env), checkWebinarsDestroyed(env))
	return k
}

// noiseMailVacation: a new subject, and always_respond added to a responder, leave nothing unknown. Against the
// sandbox each change has its own mailbox; a real account has one test mailbox, which makes both changes at once.
func noiseMailVacation(t *testing.T, env *acctest.Env) noiseKind {
	vacation := func(name, mailbox, subject, extra string) string {
		return fmt.Sprintf(`
resource "zoom_mail_vacation" %q {
  mailbox    = %q
  enabled    = true
  subject    = %q
  body_text  = "Closed."
  start_time = "2030-12-23T17:00:00Z"
  end_time   = "2031-01-02T07:00:00Z"
%s
}
`, name, mailbox, subject, extra)
	}
	subject := noiseCase{
		name:   "zoom_mail_vacation.subject",
		before: vacation("subject", env.Host, "Closed", ""),
		after:  vacation("subject", env.Host, "Closed for the holidays", ""),
	}
	if env.Sandbox == nil {
		subject.after = vacation("subject", env.Host, "Closed for the holidays", `  always_respond = true`)
		return noiseKind{before: subject.before, after: subject.after, checks: []plancheck.PlanCheck{expectUnknowns(subject.name)},
			destroyed: checkVacationsOff(env)}
	}
	other := newMailboxUser(t, env)
	k := noiseCases("", subject, noiseCase{
		name:   "zoom_mail_vacation.always",
		before: vacation("always", other, "Closed for the holidays", ""),
		after:  vacation("always", other, "Closed for the holidays", `  always_respond = true`),
	})
	k.destroyed = checkVacationsOff(env)
	return k
}

// noiseTrackingField: recommended values, and required added to a field that has some, leave nothing unknown.
func noiseTrackingField(_ *testing.T, env *acctest.Env) noiseKind {
	recommended, required := acctest.RandomName(), acctest.RandomName()
	block := func(name, label, extra string) string {
		return fmt.Sprintf("\nresource \"zoom_tracking_field\" %q {\n  field = %q\n%s}\n", name, label, extra)
	}
	k := noiseCases("",
		noiseCase{
			name:   "zoom_tracking_field.recommended",
			before: block("recommended", recommended, ""),
			after:  block("recommended", recommended, "  recommended_values = [\"a\", \"b\"]\n"),
		},
		noiseCase{
			name:   "zoom_tracking_field.required",
			before: block("required", required, "  recommended_values = [\"a\", \"b\"]\n"),
			after:  block("required", required, "  recommended_values = [\"a\", \"b\"]\n  required = true\n"),
		},
	)
	k.destroyed = checkTrackingFieldsDestroyed(env)
	return k
}

// noiseRoles: a role's name, description and privileges leave nothing unknown; a member or assistant written with
// the user's other spelling leaves only the resource ID unknown; a changed member set nothing.
func noiseRoles(t *testing.T, env *acctest.Env) noiseKind {
	a, b := licensedUser(t, env), licensedUser(t, env)
	name := acctest.RandomName()
	config := func(desc, ref, members string) string {
		return fmt.Sprintf(`
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
`, name, desc, ref, members, env.Host)
	}
	return noiseKind{
		before: config("one", a.email, ""),
		after:  config("two", a.id, fmt.Sprintf("%q", b.email)),
		checks: []plancheck.PlanCheck{
			expectUnknowns(roleAddr), expectUnknowns(roleMemberAddr, "id"), expectUnknowns(roleMembersAddr),
			expectUnknowns(userAssistantAddr, "id"),
		},
	}
}

// noiseGroups covers the four group resources at once: a rename, a member set change, the primary flag, and a
// user written by ID instead of e-mail leave nothing unknown.
func noiseGroups(t *testing.T, env *acctest.Env) noiseKind {
	u := newGroupUsers(t, env, 2)
	config := func(name, members, member string, primary bool, admin string) string {
		return fmt.Sprintf(`
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
`, name, name, members, member, primary, admin)
	}
	name := acctest.RandomName()
	var checks []plancheck.PlanCheck
	for _, a := range []string{"zoom_group.test", "zoom_group_members.test", "zoom_group_member.test", "zoom_group_admin.test"} {
		checks = append(checks, expectUnknowns(a))
	}
	return noiseKind{
		before:    config(name, fmt.Sprintf("%q", u[0].email), u[1].email, false, u[0].email),
		after:     config(name+"-2", fmt.Sprintf("%q, %q", u[0].email, u[1].id), u[1].id, true, u[0].id),
		checks:    checks,
		destroyed: checkGroupsGone(env),
	}
}

// noiseSettings changes one setting of each settings resource at once: nothing may become unknown (the settings
// the configuration leaves out keep Zoom's values from state).
func noiseSettings(_ *testing.T, env *acctest.Env) noiseKind {
	email, group := env.RandomEmail(), acctest.RandomName()
	config := func(on bool) string {
		return fmt.Sprintf(`
resource "zoom_user" "settings" {
  email  = %[1]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_group" "settings" {
  name = %[2]q
}

resource "zoom_account_settings" "test" {
  in_meeting = { breakout_room = %[3]t }
}

resource "zoom_account_lock_settings" "test" {
  in_meeting = { co_host = %[3]t }
}

resource "zoom_group_settings" "test" {
  group_id  = zoom_group.settings.id
  telephony = { third_party_audio = %[3]t }
}

resource "zoom_group_lock_settings" "test" {
  group_id           = zoom_group.settings.id
  email_notification = { jbh_reminder = %[3]t }
}

resource "zoom_user_settings" "test" {
  user_id          = zoom_user.settings.id
  schedule_meeting = { host_video = %[3]t }
}
`, email, group, on)
	}
	var checks []plancheck.PlanCheck
	for _, addr := range []string{"zoom_account_settings.test", "zoom_account_lock_settings.test", "zoom_group_settings.test",
		"zoom_group_lock_settings.test", "zoom_user_settings.test"} {
		checks = append(checks, expectUnknowns(addr))
	}
	return noiseKind{before: config(false), after: config(true), checks: checks}
}
