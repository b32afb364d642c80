package resources_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/errortable"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// errorScenario meets one row of the error-conformance table through Terraform. The scenarios of a TestCase share
// its sandboxes and its configuration: each has resources of its own (named n, a name the TestCase gives it), and
// the TestCase has one failing step per scenario, whose configuration is every other scenario's before and this
// scenario's failing. TestCases and steps start terraform processes; resources in a configuration barely cost.
type errorScenario struct {
	// sandbox names the sandbox (a key of errorSandboxes, also the provider's local name) the scenario runs
	// against when it needs profile changes; "" is a sandbox with the default profile.
	sandbox string
	// before returns the objects that exist before the failing step, or is nil: the TestCase's first step
	// applies them, and every step but the scenario's failing one keeps them.
	before func(t *testing.T, env *acctest.Env, n string) string
	// failing returns the configuration that meets the row, in place of before's ("" deletes before's objects).
	failing func(t *testing.T, env *acctest.Env, n string) string
	// pre runs just before the failing step (making the condition), post just after it (undoing it).
	pre, post func(t *testing.T, env *acctest.Env, n string)
	// validated: Terraform meets the row when it validates the configuration (an attribute's validator),
	// before it plans anything.
	validated bool
}

// errorSandboxes are the profile changes of the sandboxes that scenarios name.
var errorSandboxes = map[string]func(*sandbox.Profile){
	"noaddon":    func(p *sandbox.Profile) { p.WebinarAddon = false },
	"custcreate": func(p *sandbox.Profile) { p.CustCreateAllowed = true },
	"nomail":     func(p *sandbox.Profile) { p.MailEnabled = false },
	"mailrefuse": func(p *sandbox.Profile) {
		p.MailEmptyTime, p.MailPutOmitted = sandbox.MailEmptyTimeRefuse, sandbox.MailPutKeep
	},
}

const errStart = "2031-03-02T10:00:00Z"

// errName is the name of scenario n's Zoom objects (topics, group names).
func errName(n string) string { return "tf-acc-errors-" + n }

// eventConfig is a zoom_meeting or zoom_webinar (kind) n of env's host with the given topic.
func eventConfig(env *acctest.Env, kind, n, topic string) string {
	return fmt.Sprintf(`
resource "zoom_%s" %q {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = "abc123"
}
`, kind, n, env.Host, topic, errStart)
}

// failsWith is a scenario whose failing configuration is config, with nothing before it.
func failsWith(config func(t *testing.T, env *acctest.Env, n string) string) errorScenario {
	return errorScenario{failing: config}
}

// changes is a scenario that applies first, then fails applying second (an update, or a delete when second
// returns ""), and keeps first afterwards.
func changes(first, second func(env *acctest.Env, n string) string) errorScenario {
	return errorScenario{
		before:  func(_ *testing.T, env *acctest.Env, n string) string { return first(env, n) },
		failing: func(_ *testing.T, env *acctest.Env, n string) string { return second(env, n) },
	}
}

// nothing is a configuration without objects.
func nothing(*acctest.Env, string) string { return "" }

// validated marks sc as met by an attribute's validator.
func validated(sc errorScenario) errorScenario { sc.validated = true; return sc }

// liveEvent creates a meeting or webinar, starts it in the sandbox, then fails updating it (update) or deleting
// it, and ends it; ended, the event counts as destroyed (Zoom refuses to delete an ended meeting with 3007, which
// the provider takes for gone), so the final destroy succeeds.
func liveEvent(kind string, update bool) errorScenario {
	var id int64
	sc := changes(
		func(env *acctest.Env, n string) string { return eventConfig(env, kind, n, errName(n)) },
		func(env *acctest.Env, n string) string {
			if update {
				return eventConfig(env, kind, n, errName(n)+"-changed")
			}
			return nothing(env, n)
		})
	sc.pre = func(t *testing.T, env *acctest.Env, n string) {
		var ids []int64
		if kind == "meeting" {
			ms, err := env.Client.Meetings.List(acctest.Ctx(), env.Host, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if m.Topic == errName(n) {
					ids = append(ids, m.ID)
				}
			}
		} else {
			ws, err := env.Client.Webinars.List(acctest.Ctx(), env.Host, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range ws {
				if w.Topic == errName(n) {
					ids = append(ids, w.ID)
				}
			}
		}
		if len(ids) != 1 {
			t.Fatalf("want one %s with topic %s, found %v", kind, errName(n), ids)
		}
		id = ids[0]
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
	sc.post = func(t *testing.T, env *acctest.Env, _ string) {
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
	return sc
}

// zoneEvent is a zoom_meeting or zoom_webinar (kind) n of env's host in the given time zone.
func zoneEvent(kind, zone string) func(env *acctest.Env, n string) string {
	return func(env *acctest.Env, n string) string {
		return fmt.Sprintf(`
resource "zoom_%s" %q {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = "abc123"
  timezone   = %q
}
`, kind, n, env.Host, errName(n), errStart, zone)
	}
}

// zoneUser is a user n in the given time zone.
func zoneUser(zone string) func(env *acctest.Env, n string) string {
	return func(env *acctest.Env, n string) string {
		return fmt.Sprintf(`
resource "zoom_user" %q {
  email    = "%s@%s"
  action   = "autoCreate"
  type     = 1
  timezone = %q
}
`, n, errName(n), strings.SplitN(env.RandomEmail(), "@", 2)[1], zone)
	}
}

// basicUser is a Basic user n.
func basicUser(_ *acctest.Env, n string) string {
	return fmt.Sprintf(`
resource "zoom_user" %q {
  email  = "%s@example.com"
  action = "autoCreate"
  type   = 1
}
`, n, errName(n))
}

// basicAltHostEvent is a Basic user n and a zoom_meeting or zoom_webinar (kind) n of env's host, which names the
// user as an alternative host when withAlt is true.
func basicAltHostEvent(kind string, withAlt bool) func(env *acctest.Env, n string) string {
	return func(env *acctest.Env, n string) string {
		alt := ""
		if withAlt {
			alt = fmt.Sprintf("\n  settings   = { alternative_hosts = [zoom_user.%s.email] }", n)
		}
		return basicUser(env, n) + fmt.Sprintf(`
resource "zoom_%s" %q {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = "abc123"%s
}
`, kind, n, env.Host, errName(n), errStart, alt)
	}
}

// altHostScenario creates a Basic user, then fails creating (or, when update, updating) an event that names
// the user as an alternative host.
func altHostScenario(kind string, update bool) errorScenario {
	if update {
		return changes(basicAltHostEvent(kind, false), basicAltHostEvent(kind, true))
	}
	return changes(basicUser, basicAltHostEvent(kind, true))
}

// deleteActionUser is a user created with action whose delete_action Zoom refuses.
func deleteActionUser(action string) errorScenario {
	return failsWith(func(_ *testing.T, env *acctest.Env, n string) string {
		return fmt.Sprintf(`
resource "zoom_user" %q {
  email         = %q
  action        = %q
  type          = 1
  delete_action = "disassociate"
}
`, n, env.RandomEmail(), action)
	})
}

// nobodysList is a data source n listing the objects of a user who does not exist.
func nobodysList(typ string) errorScenario {
	return failsWith(func(_ *testing.T, _ *acctest.Env, n string) string {
		return fmt.Sprintf("\ndata %q %q { user_id = \"nobody@example.com\" }\n", typ, n)
	})
}

// nobodysEvent is a zoom_meeting or zoom_webinar (kind) n of a user who does not exist.
func nobodysEvent(kind string) errorScenario {
	return failsWith(func(_ *testing.T, _ *acctest.Env, n string) string {
		return fmt.Sprintf(`
resource "zoom_%s" %q {
  user_id    = "nobody@example.com"
  topic      = %q
  start_time = %q
  password   = "abc123"
}
`, kind, n, errName(n), errStart)
	})
}

// errGroup is a group n.
func errGroup(_ *acctest.Env, n string) string {
	return fmt.Sprintf("\nresource \"zoom_group\" %q {\n  name = %q\n}\n", n, errName(n))
}

// groupAndNobody is a group n, then a zoom_group_member or zoom_group_admin (typ) n naming a user who does not
// exist.
func groupAndNobody(typ string) errorScenario {
	return changes(errGroup, func(env *acctest.Env, n string) string {
		return errGroup(env, n) + fmt.Sprintf(`
resource %[2]q %[1]q {
  group_id = zoom_group.%[1]s.id
  user_id  = "nobody@example.com"
}
`, n, typ)
	})
}

const unlistedZone, listedZone = "Europe/Kyiv", "Europe/Kiev"

// errorScenarios returns the scenario of every row that names TestAccErrorTable_providerMessages, by row ID.
func errorScenarios() map[string]errorScenario {
	return map[string]errorScenario{
		"userCreate 409 1005": failsWith(func(_ *testing.T, env *acctest.Env, n string) string {
			return fmt.Sprintf("\nresource \"zoom_user\" %q {\n  email = %q\n  type  = 1\n}\n", n, env.Host)
		}),
		"meetingCreate 404 1001": nobodysEvent("meeting"),
		"webinarCreate 400 200": {sandbox: "noaddon", failing: func(_ *testing.T, env *acctest.Env, n string) string {
			return eventConfig(env, "webinar", n, errName(n))
		}},
		"webinarCreate 404 1001":        nobodysEvent("webinar"),
		"meetings 404 1001":             nobodysList("zoom_meetings"),
		"listMeetingTemplates 404 1001": nobodysList("zoom_meeting_templates"),
		"webinars 404 1001":             nobodysList("zoom_webinars"),
		"listWebinarTemplates 400 1001": nobodysList("zoom_webinar_templates"),
		"webinarRegistrantCreate 400 3000": failsWith(func(t *testing.T, env *acctest.Env, n string) string {
			// A webinar without registration, made out of band so the step only meets the registrant's error.
			w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{
				EventFields: client.EventFields{Topic: client.Ptr(errName(n)),
					Type: client.Ptr(5), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123"),
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf(`
resource "zoom_webinar_registrant" %q {
  webinar_id = "%d"
  email      = "r@example.com"
  first_name = "R"
}
`, n, w.ID)
		}),
		"meetingRegistrantCreate 404 404": failsWith(func(t *testing.T, env *acctest.Env, n string) string {
			m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
				EventFields: client.EventFields{Topic: client.Ptr(errName(n)),
					Type: client.Ptr(2), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123"),
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf(`
resource "zoom_meeting_registrant" %q {
  meeting_id = "%d"
  email      = "r@example.com"
  first_name = "R"
}
`, n, m.ID)
		}),
		"meetingCreate 400 3161": failsWith(func(t *testing.T, env *acctest.Env, n string) string {
			u, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{Action: "autoCreate",
				UserInfo: client.CreateUserInfo{Email: env.RandomEmail(), Type: 4, FirstName: "N"}})
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf(`
resource "zoom_meeting" %q {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = "abc123"
}
`, n, u.ID, errName(n), errStart)
		}),
		"userDelete 400 300 API user disassociated": func() errorScenario {
			sc := deleteActionUser("custCreate")
			sc.sandbox = "custcreate"
			return sc
		}(),
		"userDelete 400 1107":                               deleteActionUser("autoCreate"),
		"userUpdate 400 300 unlisted time zone":             validated(changes(zoneUser(listedZone), zoneUser(unlistedZone))),
		"meetingCreate 400 300 unlisted time zone":          validated(changes(nothing, zoneEvent("meeting", unlistedZone))),
		"meetingUpdate 400 300 unlisted time zone":          validated(changes(zoneEvent("meeting", listedZone), zoneEvent("meeting", unlistedZone))),
		"webinarCreate 400 300 unlisted time zone":          validated(changes(nothing, zoneEvent("webinar", unlistedZone))),
		"webinarUpdate 400 300 unlisted time zone":          validated(changes(zoneEvent("webinar", listedZone), zoneEvent("webinar", unlistedZone))),
		"meetingCreate 400 300 unlicensed alternative host": altHostScenario("meeting", false),
		"meetingUpdate 400 300 unlicensed alternative host": altHostScenario("meeting", true),
		"webinarCreate 400 300 unlicensed alternative host": altHostScenario("webinar", false),
		"webinarUpdate 400 300 unlicensed alternative host": altHostScenario("webinar", true),
		"meetingDelete 400 3018": validated(failsWith(func(_ *testing.T, env *acctest.Env, n string) string {
			return fmt.Sprintf(`
resource "zoom_meeting" %q {
  user_id    = %q
  topic      = %q
  start_time = %q
  settings   = { use_pmi = true }
}
`, n, env.Host, errName(n), errStart)
		})),
		"meetingUpdate 400 3000": liveEvent("meeting", true),
		"meetingDelete 400 3002": liveEvent("meeting", false),
		"webinarUpdate 400 3000": liveEvent("webinar", true),
		"webinarDelete 400 3002": liveEvent("webinar", false),
		"groupCreate 409 4132": changes(errGroup, func(env *acctest.Env, n string) string {
			// The second name differs from the first only in case.
			return errGroup(env, n) + fmt.Sprintf("\nresource \"zoom_group\" \"%s_dup\" {\n  name = %q\n}\n", n, strings.ToUpper(errName(n)))
		}),
		"groupDelete 400 300": func() errorScenario {
			sc := changes(errGroup, nothing)
			var id string
			sc.pre = func(t *testing.T, env *acctest.Env, n string) {
				gs, err := env.Client.Groups.List(acctest.Ctx())
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range gs {
					if g.Name == errName(n) {
						id = g.ID
					}
				}
				if id == "" {
					t.Fatalf("no group %s in %v", errName(n), gs)
				}
				if _, err = env.Client.Groups.AddMembers(acctest.Ctx(), id, []client.UserRef{{Email: env.Host}}); err != nil {
					t.Fatal(err)
				}
			}
			sc.post = func(t *testing.T, env *acctest.Env, _ string) {
				if err := env.Client.Groups.RemoveMember(acctest.Ctx(), id, env.Host); err != nil {
					t.Fatal(err)
				}
			}
			return sc
		}(),
		"groupMembersCreate 404 1001": groupAndNobody("zoom_group_member"),
		"groupAdminsCreate 404 1001":  groupAndNobody("zoom_group_admin"),
		"update_mailbox_vacation_response_setting 400 400 empty time refused": func() errorScenario {
			vacation := func(args string) func(env *acctest.Env, n string) string {
				return func(env *acctest.Env, n string) string {
					return fmt.Sprintf("\nresource \"zoom_mail_vacation\" %q {\n  mailbox = %q\n%s}\n", n, env.Host, args)
				}
			}
			sc := changes(
				vacation("  enabled    = true\n  subject    = \"Away\"\n"+
					"  start_time = \"2030-12-23T18:00:00Z\"\n  end_time   = \"2031-01-02T07:00:00Z\"\n"),
				vacation("  enabled = true\n  subject = \"Away\"\n"))
			sc.sandbox = "mailrefuse"
			return sc
		}(),
		"update_mailbox_vacation_response_setting 400 400": {sandbox: "nomail", failing: func(_ *testing.T, env *acctest.Env, n string) string {
			return fmt.Sprintf(`
resource "zoom_mail_vacation" %q {
  mailbox = %q
  enabled = true
  subject = "Out of office"
}
`, n, env.Host)
		}},
	}
}

// TestAccErrorTable_providerMessages meets, through Terraform against the sandbox, each row of the
// error-conformance table that names this test, and checks that the provider's diagnostic says what to do
// (the row's Message). It fails for a row without a scenario and for a scenario without a row.
//
// All scenarios share one TestCase: a first step applies what exists before the failing steps (every
// scenario's before), one step applies every scenario's failing configuration whose row Zoom answers during
// the apply, one plans the configurations refused while planning (after undoing the conditions the apply
// step needed: ending the events, emptying the group), one those refused by validators, and a last one plans
// the befores again, which must show no change.
// Each failing step must fail with exactly one error per scenario, on the scenario's own resource, matching
// its row.
func TestAccErrorTable_providerMessages(t *testing.T) {
	const name = "internal/resources.TestAccErrorTable_providerMessages"
	rows := map[string]errortable.Row{}
	for _, r := range errortable.Rows() {
		if r.Terraform == name {
			rows[r.ID()] = r
		}
	}
	scenarios := errorScenarios()
	for k := range scenarios {
		if _, ok := rows[k]; !ok {
			t.Errorf("%s: a scenario without a row naming this test", k)
		}
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		if _, ok := scenarios[k]; !ok {
			t.Errorf("%s: the row names this test, which has no scenario for it", k)
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)

	envs := map[string]*acctest.Env{"": acctest.New(t)}
	envs[""].RequireSandbox(t)
	named := slices.Sorted(maps.Keys(errorSandboxes))
	var providers strings.Builder
	for _, sb := range named {
		envs[sb] = acctest.New(t, errorSandboxes[sb])
		providers.WriteString(envs[sb].ProviderBlock(sb))
	}
	n := func(i int) string { return fmt.Sprintf("e%02d", i) }
	// befores[i] and failings[i] are scenario i's configurations; stage[i] says when Terraform meets its row.
	befores, failings := make([]string, len(keys)), make([]string, len(keys))
	stage := make([]errorStage, len(keys))
	for i, k := range keys {
		sc, env := scenarios[k], envs[scenarios[k].sandbox]
		if sc.before != nil {
			befores[i] = withProvider(sc.sandbox, sc.before(t, env, n(i)))
		}
		failings[i] = withProvider(sc.sandbox, sc.failing(t, env, n(i)))
		switch {
		case sc.validated:
			stage[i] = atValidate
		case planTimeRow(rows[k]):
			stage[i] = atPlan
		}
	}
	// config returns the befores, with the failing configuration instead for the scenarios that failing selects.
	config := func(failing func(i int) bool) string {
		var b strings.Builder
		b.WriteString(providers.String())
		for i := range keys {
			if failing(i) {
				b.WriteString(failings[i])
			} else {
				b.WriteString(befores[i])
			}
		}
		return envs[""].Config(b.String())
	}
	// each returns a PreConfig that runs hook (pre or post) of every scenario.
	each := func(hook func(errorScenario) func(*testing.T, *acctest.Env, string)) func() {
		return func() {
			for i, k := range keys {
				if h := hook(scenarios[k]); h != nil {
					h(t, envs[scenarios[k].sandbox], n(i))
				}
			}
		}
	}
	// expect is the failing step running: the scenarios whose errors it must give, checked by ErrorCheck.
	var expect []int
	checked := 0
	expecting := func(st errorStage, hook func()) func() {
		return func() {
			if len(expect) > 0 {
				t.Fatal("the previous step should have failed")
			}
			expect = nil
			for i := range keys {
				if stage[i] == st {
					expect = append(expect, i)
				}
			}
			if hook != nil {
				hook()
			}
		}
	}
	done := func() {
		if len(expect) > 0 {
			t.Fatal("the previous step should have failed")
		}
	}
	errorCheck := func(err error) error {
		if len(expect) == 0 {
			return err
		}
		byName, patterns := map[string]string{}, map[string]*regexp.Regexp{}
		for _, i := range expect {
			title := fmt.Sprintf("%s (%s)", keys[i], n(i))
			byName[n(i)], patterns[title] = title, rowPattern(rows[keys[i]])
		}
		problems := scenarioErrors(err.Error(), func(addr string) string { return byName[byFirstPart(addr)] }, patterns)
		if len(problems) > 0 {
			return fmt.Errorf("%s\n\nin: %w", strings.Join(problems, "\n"), err)
		}
		checked += len(expect)
		expect = nil
		return nil
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(named...),
		ErrorCheck:               errorCheck,
		Steps: []resource.TestStep{
			{Config: config(func(int) bool { return false })},
			{
				PreConfig: expecting(atApply, each(func(sc errorScenario) func(*testing.T, *acctest.Env, string) { return sc.pre })),
				Config:    config(func(i int) bool { return stage[i] == atApply }),
			},
			{
				PreConfig: expecting(atPlan, each(func(sc errorScenario) func(*testing.T, *acctest.Env, string) { return sc.post })),
				Config:    config(func(i int) bool { return stage[i] == atPlan }),
			},
			{PreConfig: expecting(atValidate, nil), Config: config(func(i int) bool { return stage[i] == atValidate })},
			{PreConfig: done, Config: config(func(int) bool { return false }), PlanOnly: true},
		},
	})
	if !t.Failed() && checked != len(keys) {
		t.Errorf("%d of %d scenarios met their row", checked, len(keys))
	}
}

// errorStage is when Terraform meets a row: when it applies, plans or validates the configuration. Each stage
// has a failing step of its own, as Terraform stops at the first stage that fails.
type errorStage int

const (
	atApply errorStage = iota
	atPlan
	atValidate
)

// planTimeRow says that Terraform meets row when it plans: the data sources, which read while planning, and the
// configurations the provider refuses at plan time.
func planTimeRow(row errortable.Row) bool {
	switch row.Op {
	case "meetings", "listMeetingTemplates", "webinars", "listWebinarTemplates":
		return true
	}
	return row.Handling == errortable.PlanTime
}

// rowPattern is what the provider's diagnostic for row must match.
func rowPattern(row errortable.Row) *regexp.Regexp {
	// Terraform wraps diagnostics, so any space of the pattern may be a line break.
	wrap := func(s string) string { return strings.ReplaceAll(s, " ", `\s+`) }
	if planTimeRow(row) {
		// The data sources replace Zoom's answer with their own diagnostic; a configuration refused at plan time
		// never reaches Zoom.
		return regexp.MustCompile(`(?s)` + wrap(row.Message))
	}
	return regexp.MustCompile(`(?s)` + wrap(fmt.Sprintf(`HTTP %d, Zoom code %d`, row.Status, row.Code)) + `.*` + wrap(row.Message))
}

// errorSubject is the address of the resource or data source a diagnostic is about.
var errorSubject = regexp.MustCompile(`(?m)^\s*with ((?:data\.)?[a-z0-9_]+\.[^\s,\[]+)`)

// byFirstPart is an owner for scenarioErrors: the first part of the resource's name (up to an underscore) is the
// scenario's key.
func byFirstPart(addr string) string {
	name := addr[strings.LastIndex(addr, ".")+1:]
	key, _, _ := strings.Cut(name, "_")
	return key
}

// scenarioErrors checks Terraform's error output out against the scenarios a failing step runs, by key: each
// must have exactly one error diagnostic, about one of its resources (owner maps a resource's address to the key
// of its scenario) or about none (a delete's), matching its pattern; and there must be no other error.
// It returns what is wrong.
func scenarioErrors(out string, owner func(addr string) string, patterns map[string]*regexp.Regexp) []string {
	found := map[string][]string{}
	var problems []string
	for _, d := range errorDiagnostics(out) {
		var key string
		if sub := errorSubject.FindStringSubmatch(d); sub != nil {
			key = owner(sub[1])
			if _, ok := patterns[key]; !ok {
				problems = append(problems, "an error about "+sub[1]+", which should have none: "+firstLine(d))
				continue
			}
		} else {
			// A delete's error names no resource (the resource has left the configuration): it belongs to the
			// one scenario without an error yet whose pattern it matches.
			var match []string
			for k, p := range patterns {
				if len(found[k]) == 0 && p.MatchString(d) {
					match = append(match, k)
				}
			}
			if len(match) != 1 {
				problems = append(problems, fmt.Sprintf("an error about no resource that %d scenarios' patterns match: %s", len(match), firstLine(d)))
				continue
			}
			key = match[0]
		}
		found[key] = append(found[key], d)
	}
	for _, k := range slices.Sorted(maps.Keys(patterns)) {
		switch ds := found[k]; {
		case len(ds) == 0:
			problems = append(problems, k+": no error")
		case len(ds) > 1:
			problems = append(problems, fmt.Sprintf("%s: %d errors", k, len(ds)))
		case !patterns[k].MatchString(ds[0]):
			problems = append(problems, fmt.Sprintf("%s: the error does not match %s", k, patterns[k]))
		}
	}
	return problems
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
