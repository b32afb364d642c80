package resources_test

import (
	"context"
	"fmt"
	"regexp"
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

const meetingAddr = "zoom_meeting.test"

var meetingIDPattern = regexp.MustCompile(`^[1-9][0-9]{9,11}$`)

// futureUTC is a whole hour at least d from now, in Zoom's UTC form.
func futureUTC(d time.Duration) time.Time {
	return time.Now().Add(d).UTC().Truncate(time.Hour)
}

func zoomUTC(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// meetingID reads the meeting number of a resource from the state.
func meetingID(s *terraform.State, addr string) (int64, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return 0, fmt.Errorf("%s not in state", addr)
	}
	return strconv.ParseInt(rs.Primary.ID, 10, 64)
}

// meetingIDFromState is meetingID for PreConfig functions, which have no state: it remembers the ID a Check saw.
type meetingRef struct{ id int64 }

func (r *meetingRef) capture(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := meetingID(s, addr)
		r.id = id
		return err
	}
}

// captureNow is capture as a state check, for steps that have ConfigStateChecks anyway (a Check would cost one
// more terraform show).
func (r *meetingRef) captureNow(addr string) statecheck.StateCheck { return meetingCapture{r, addr} }

type meetingCapture struct {
	r    *meetingRef
	addr string
}

func (c meetingCapture) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s not in state: the state is empty", c.addr)
		return
	}
	for _, res := range req.State.Values.RootModule.Resources {
		if res.Address != c.addr {
			continue
		}
		id, _ := res.AttributeValues["id"].(string)
		c.r.id, resp.Error = strconv.ParseInt(id, 10, 64)
		return
	}
	resp.Error = fmt.Errorf("%s not in state", c.addr)
}

// checkMeetingsDestroyed verifies that no meeting from the state still exists.
func checkMeetingsDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_meeting" {
				continue
			}
			id, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
			if err != nil {
				return err
			}
			_, err = env.Client.Meetings.Get(acctest.Ctx(), id, nil)
			if err == nil {
				return fmt.Errorf("zoom_meeting %d still exists after destroy", id)
			}
			if !client.IsNotFound(err) {
				return fmt.Errorf("checking zoom_meeting %d: %v", id, err)
			}
		}
		return nil
	}
}

// requestCounter counts the sandbox's requests per route between a reset (in PreConfig) and a check.
type requestCounter struct{ env *acctest.Env }

func (c requestCounter) reset() {
	if c.env.Sandbox != nil {
		c.env.Sandbox.ClearRequests()
	}
}

func (c requestCounter) expect(route string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if c.env.Sandbox == nil {
			return nil
		}
		if got := c.env.Sandbox.RequestStats().ByRoute[route]; got != want {
			return fmt.Errorf("%s was called %d times, want %d (all: %v)", route, got, want, c.env.Sandbox.RequestStats().ByRoute)
		}
		return nil
	}
}

// expectNow is expect as a state check, for steps that have ConfigStateChecks anyway.
func (c requestCounter) expectNow(route string, want int) statecheck.StateCheck {
	return acctest.CheckNow(func() error { return c.expect(route, want)(nil) })
}

const (
	routeCreateMeeting = "POST /v2/users/{userId}/meetings"
	routePatchMeeting  = "PATCH /v2/meetings/{meetingId}"
)

// TestAccMeeting_scheduled runs the whole matrix on a scheduled meeting with settings: create, empty plan after
// apply and refresh, import, update in place with one PATCH, drift on a passcode and an alternative host changed
// in the portal, replacement when the host changes, out-of-band delete and re-creation, destroy.
//
// The same steps carry, on other resources of the configuration:
//   - a weekly recurring meeting with a local start time (zoom_meeting.weekly): the plan stays empty although
//     Zoom reports UTC, occurrences are computed, it imports, an alternative host removed in the portal is drift,
//     and more occurrences are applied in place;
//   - a meeting whose host is named by e-mail and then by ID (zoom_meeting.byid): not a change of host;
//   - a meeting deleted in the portal (zoom_meeting.gone): created again;
//   - one field changed costs exactly one PATCH and a destroy-time argument none (zoom_meeting.onepatch, on an
//     account of its own, provider zoomonepatch, so that its requests are counted apart);
//   - meetings and a webinar created from account templates (meetingTemplate, formerly TestAccMeeting_template,
//     on sandboxes of their own: with the sandbox only);
//   - meetings whose time passes (meetingExpired, formerly TestAccMeeting_expired, on sandboxes of their own:
//     with the sandbox only), which add a last step that must fail.
func TestAccMeeting_scheduled(t *testing.T) {
	env := acctest.New(t)
	onePatchEnv := acctest.New(t)
	var tmpl *meetingTemplate
	var expired *meetingExpired
	names := []string{"zoomonepatch"}
	destroyed := []resource.TestCheckFunc{checkMeetingsDestroyed(env), checkMeetingsDestroyed(onePatchEnv)}
	if !acctest.RealAccount() {
		tmpl, expired = newMeetingTemplate(t), newMeetingExpired(t)
		names = append(append(names, tmpl.names()...), expired.set.names...)
		destroyed = append(append(destroyed, tmpl.destroyed()...), expired.destroyed()...)
	}
	alt, alt2, otherHost := env.RandomEmail(), env.RandomEmail(), env.RandomEmail()
	start := futureUTC(72 * time.Hour)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	first := time.Now().In(berlin).AddDate(0, 0, 10)
	local := time.Date(first.Year(), first.Month(), first.Day(), 10, 30, 0, 0, berlin)
	topic, weeklyTopic := acctest.RandomName(), acctest.RandomName()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	startURL := &attrRef{addr: meetingAddr, attr: "start_url"}
	counter, onePatch := requestCounter{env}, requestCounter{onePatchEnv}
	ref, weeklyRef, goneRef := &meetingRef{}, &meetingRef{}, &meetingRef{}
	const weeklyAddr, byIDAddr, goneAddr = "zoom_meeting.weekly", "zoom_meeting.byid", "zoom_meeting.gone"

	type version struct {
		host, topic string
		duration    int
		settings    string
		weeklyEnd   int    // the weekly meeting's end_times
		byID        string // how zoom_meeting.byid names its host
		onePatch    string // zoom_meeting.onepatch's topic
		notify      bool   // and notify_on_destroy
		apply       int    // the apply (0 to 3), for meetingTemplate
		expired     string // meetingExpired's zoomchanged topic
		importOnly  bool   // leaves meetingTemplate and meetingExpired out (the import steps need none of them)
	}
	config := func(v version) string {
		var template string
		if tmpl != nil && !v.importOnly {
			template = tmpl.config(v.apply) + expired.config(v.expired)
		}
		return env.Config(template + fmt.Sprintf(`
resource "zoom_user" "alt" {
  email  = %[1]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "alt2" {
  email  = %[2]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "other_host" {
  email  = %[3]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_meeting" "test" {
  user_id    = %[4]s
  topic      = %[5]q
  start_time = %[6]q
  duration   = %[7]d
  timezone   = "Europe/Berlin"
  agenda     = "Quarterly planning"
  password   = "abc123"
  settings = {
%[8]s
  }
}

resource "zoom_meeting" "weekly" {
  user_id    = %[9]q
  topic      = %[10]q
  type       = "recurring_fixed_time"
  start_time = %[11]q
  timezone   = "Europe/Berlin"
  duration   = 60
  recurrence = {
    type        = "weekly"
    weekly_days = [2, 4]
    end_times   = %[12]d
  }
  settings = {
    auto_recording    = "cloud"
    join_before_host  = true
    jbh_time          = 5
    alternative_hosts = [zoom_user.alt.email]
  }
}

resource "zoom_meeting" "byid" {
  user_id    = zoom_user.other_host.%[13]s
  topic      = %[18]q
  start_time = %[6]q
}

resource "zoom_meeting" "gone" {
  user_id    = %[9]q
  topic      = %[18]q
  start_time = %[6]q
  settings   = { waiting_room = true }
}
%[14]s
resource "zoom_meeting" "onepatch" {
  provider          = zoomonepatch
  user_id           = %[15]q
  topic             = %[16]q
  start_time        = %[6]q
  duration          = 30
  notify_on_destroy = %[17]t
  settings = {
    waiting_room = true
    host_video   = true
  }
}
`, alt, alt2, otherHost, v.host, v.topic, zoomUTC(start), v.duration, v.settings,
			env.Host, weeklyTopic, local.Format("2006-01-02T15:04:05"), v.weeklyEnd, v.byID,
			onePatchEnv.ProviderBlock("zoomonepatch"), onePatchEnv.Host, v.onePatch, v.notify, topic))
	}
	v1 := version{
		host: fmt.Sprintf("%q", env.Host), topic: topic, duration: 30,
		settings: `    waiting_room      = true
    mute_upon_entry   = true
    alternative_hosts = [zoom_user.alt.email]`,
		weeklyEnd: 6, byID: "email", onePatch: "tf-acc-one", expired: "tf-acc-a",
	}
	// Update in place: topic, duration and two settings of zoom_meeting.test; the topic of zoom_meeting.onepatch.
	v2 := v1
	v2.topic, v2.duration, v2.onePatch, v2.apply = topic+"-renamed", 45, "tf-acc-two", 1
	v2.settings = `    waiting_room      = true
    mute_upon_entry   = false
    alternative_hosts = [zoom_user.alt.email, zoom_user.alt2.email]`
	// zoom_meeting.onepatch: a destroy-time argument.
	v3 := v2
	v3.notify, v3.apply = true, 2
	// A new host for zoom_meeting.test, the same host by ID for zoom_meeting.byid, more occurrences.
	v4 := v3
	v4.host, v4.byID, v4.weeklyEnd, v4.apply = "zoom_user.other_host.email", "id", 8, 3
	// The import steps run in working directories of their own, which need only what the imported meetings'
	// blocks refer to: the fewer providers, the cheaper terraform init and import.
	imports := v1
	imports.importOnly = true
	// meetingTemplate's checks and taints per apply.
	var tmplPlan [4][]plancheck.PlanCheck
	var tmplState [4][]statecheck.StateCheck
	var tmplTaint [4][]string
	if tmpl != nil {
		for i := range 4 {
			tmplPlan[i], tmplState[i] = tmpl.checks(i)
			tmplTaint[i] = tmpl.taint(i)
		}
		tmplState[0] = append(tmplState[0], expired.created()...)
		tmplPlan[2] = append(tmplPlan[2], expired.endPlan()...)
		tmplState[2] = append(tmplState[2], expired.endState()...)
	}
	// meetingExpired's steps: the clocks move before the refresh step, the held meetings end before v3, and a
	// last step changes an expired meeting.
	refreshCheck := startURL.same()
	started, ended := func() {}, func() {}
	var last []resource.TestStep
	if expired != nil {
		refreshCheck = resource.ComposeAggregateTestCheckFunc(refreshCheck, expired.refreshed())
		fatal := func(f func() error) func() {
			return func() {
				if err := f(); err != nil {
					t.Fatal(err)
				}
			}
		}
		started, ended = fatal(expired.started), fatal(expired.end)
		v5 := v4
		v5.expired = "tf-acc-b"
		last = append(last, resource.TestStep{PreConfig: expired.expireChanged, Config: config(v5), ExpectError: changedError})
	}

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(names...),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		Steps: append([]resource.TestStep{
			// The first apply creates everything (the state is empty). The waiting room turning join-before-host
			// off already in the plan is checked where zoom_meeting.gone is created again (last step).
			{
				Config: config(v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(tmplState[0],
						sameID.AddStateValue(meetingAddr, tfjsonpath.New("id")),
						differentID.AddStateValue(meetingAddr, tfjsonpath.New("id")),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(meetingIDPattern)),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("type"), knownvalue.StringExact("scheduled")),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("status"), knownvalue.StringExact("waiting")),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(zoomUTC(start))),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("host_email"), knownvalue.StringExact(env.Host)),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
							knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt)})),
						// Settings that were not set follow Zoom's defaults.
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("audio"), knownvalue.StringExact("both")),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(0)),
						statecheck.ExpectSensitiveValue(meetingAddr, tfjsonpath.New("start_url")),
						statecheck.ExpectSensitiveValue(meetingAddr, tfjsonpath.New("join_url")),
						statecheck.ExpectSensitiveValue(meetingAddr, tfjsonpath.New("password")),
						statecheck.ExpectSensitiveValue(meetingAddr, tfjsonpath.New("encrypted_password")),
						startURL.captureNow(),
						statecheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("type"), knownvalue.StringExact("recurring_fixed_time")),
						// The configuration's local spelling is kept; Zoom's UTC value denotes the same instant.
						statecheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(local.Format("2006-01-02T15:04:05"))),
						statecheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(6)),
						statecheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("recurrence").AtMapKey("repeat_interval"), knownvalue.Int64Exact(1)),
						statecheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("settings").AtMapKey("jbh_time"), knownvalue.Int64Exact(5)),
						weeklyRef.captureNow(weeklyAddr),
						goneRef.captureNow(goneAddr),
					)...)},
				},
			},
			// Zoom mints a new start_url token on every read; a refresh keeps the one in state, and the plan after
			// it is empty.
			{
				PreConfig:         started,
				RefreshState:      true,
				Check:             refreshCheck,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Import by meeting ID; the imported start_url carries a newer token.
			{
				Config:       config(imports),
				ResourceName: meetingAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"start_url"},
			},
			// An import reads Zoom's UTC spelling of the start time; everything else matches.
			{
				Config:       config(imports),
				ResourceName: weeklyAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"start_url", "start_time"},
			},
			// Update in place (the same ID, no create) with one PATCH; one field of zoom_meeting.onepatch, one PATCH.
			{
				PreConfig: func() { counter.reset(); onePatch.reset() },
				Config:    config(v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: tmplPlan[1], PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(tmplState[1],
					sameID.AddStateValue(meetingAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("topic"), knownvalue.StringExact(topic+"-renamed")),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("duration"), knownvalue.Int64Exact(45)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt), knownvalue.StringExact(alt2)})),
					counter.expectNow(routePatchMeeting, 1),
					counter.expectNow(routeCreateMeeting, 0),
					onePatch.expectNow(routePatchMeeting, 1),
					onePatch.expectNow(routeCreateMeeting, 0),
					ref.captureNow(meetingAddr),
				)...)}},
			},
			// The passcode and an alternative host changed in the portal show up as drift on exactly those
			// fields, and apply puts them back; so does an alternative host removed from the weekly meeting.
			// A change of zoom_meeting.onepatch's destroy-time argument costs no PATCH.
			{
				PreConfig: func() {
					if err := env.Client.Meetings.Update(acctest.Ctx(), ref.id, &client.MeetingRequest{
						EventFields: client.EventFields{
							Password: client.Ptr("portal99"),
						},
						Settings: &client.MeetingSettings{AlternativeHosts: client.Ptr(alt)},
					}); err != nil {
						t.Fatalf("out-of-band change: %v", err)
					}
					if err := env.Client.Meetings.Update(acctest.Ctx(), weeklyRef.id, &client.MeetingRequest{
						Settings: &client.MeetingSettings{AlternativeHosts: client.Ptr("")},
					}); err != nil {
						t.Fatalf("out-of-band change: %v", err)
					}
					onePatch.reset()
					ended()
				},
				Config: config(v3), Taint: tmplTaint[2],
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: append(tmplPlan[2],
						plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("password"), knownvalue.StringExact("abc123")),
						plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
							knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt), knownvalue.StringExact(alt2)})),
						// Untouched fields stay as they are.
						plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("audio"), knownvalue.StringExact("both")),
						plancheck.ExpectResourceAction(weeklyAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
							knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt)})),
					),
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(tmplState[2],
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("password"), knownvalue.StringExact("abc123")),
						onePatch.expectNow(routePatchMeeting, 0),
					)...)},
				},
			},
			// Changing the host replaces the meeting; naming the same host by ID instead of e-mail is not a change
			// of host; a meeting deleted in the portal before its time leaves the state and is created again; more
			// occurrences of the weekly meeting are applied in place.
			{
				PreConfig: func() {
					if err := env.Client.Meetings.Delete(acctest.Ctx(), goneRef.id, nil); err != nil {
						t.Fatalf("out-of-band delete: %v", err)
					}
				},
				Config: config(v4),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: append(tmplPlan[3],
						plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectResourceAction(byIDAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(goneAddr, plancheck.ResourceActionCreate),
						// The waiting room turns join-before-host off, and the plan already says so.
						plancheck.ExpectKnownValue(goneAddr, tfjsonpath.New("settings").AtMapKey("join_before_host"), knownvalue.Bool(false)),
						plancheck.ExpectResourceAction(weeklyAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(weeklyAddr, tfjsonpath.New("occurrences")),
					),
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(tmplState[3],
						differentID.AddStateValue(meetingAddr, tfjsonpath.New("id")),
						statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("host_email"), knownvalue.StringExact(otherHost)),
						statecheck.ExpectKnownValue(weeklyAddr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(8)),
					)...)},
				},
			},
		}, last...),
	})
}

// meetingDailyLimit (formerly TestAccMeeting_dailyLimit, now in TestAccEvent_edgeCases): when a host reaches
// Zoom's daily create/update limit, that host's extra meeting fails with a message naming the host and the reset
// time, the other resources are created (the apply that must fail first), and a later apply after the reset
// finishes the job (the main apply). Zoom was seen answering the per-host limit without X-RateLimit-Type and
// Retry-After; both forms are handled, each on a sandbox of its own.
func meetingDailyLimit(c *eventCase) {
	set := newSandboxes(c.t, map[string]func(*sandbox.Profile){
		"zoombare":    func(p *sandbox.Profile) { p.MeetingDailyLimit = 2; p.MeetingDailyLimitHeaders = false },
		"zoomheaders": func(p *sandbox.Profile) { p.MeetingDailyLimit = 2; p.MeetingDailyLimitHeaders = true },
	})
	start := zoomUTC(futureUTC(96 * time.Hour))
	others := map[string]string{}
	for _, name := range set.names {
		env := set.envs[name]
		others[name] = env.RandomEmail()
		c.fail(eventFirstFail, diagAbout("zoom_meeting."+name+"_busy",
			`Error creating Zoom meeting for host `+regexp.QuoteMeta(env.Host)+`.*daily limit.*resets at \d{4}-\d{2}-\d{2}T00:00:00Z`))
		c.check(statecheck.ExpectKnownValue("zoom_meeting."+name+"_busy[2]", tfjsonpath.New("status"), knownvalue.StringExact("waiting")))
		c.destroyedCheck(checkMeetingsDestroyed(env))
	}
	c.addSet(set, func(name string, env *acctest.Env) string {
		return fmt.Sprintf(`
resource "zoom_user" "%[1]s_other" {
  provider = %[1]s
  email    = %[2]q
  action   = "autoCreate"
  type     = 2
}

resource "zoom_meeting" "%[1]s_busy" {
  provider   = %[1]s
  count      = 3
  user_id    = %[3]q
  topic      = "tf-acc-busy-${count.index}"
  start_time = %[4]q
}

resource "zoom_meeting" "%[1]s_other" {
  provider   = %[1]s
  user_id    = zoom_user.%[1]s_other.id
  topic      = "tf-acc-other"
  start_time = %[4]q
}
`, name, others[name], env.Host, start)
	}, append([]eventPhase{eventFirstFail}, eventAfterCreate...)...)
	c.pre(eventCreate, func() {
		// The other host's meeting and two of the busy host's exist.
		for _, name := range set.names {
			env := set.envs[name]
			for _, host := range []string{env.Host, others[name]} {
				ms, err := env.Client.Meetings.List(acctest.Ctx(), host, nil)
				if err != nil {
					c.t.Fatal(err)
				}
				want := map[string]int{env.Host: 2, others[name]: 1}[host]
				if len(ms) != want {
					c.t.Fatalf("%s: %s has %d meetings after the failed apply, want %d", name, host, len(ms), want)
				}
			}
			env.Sandbox.Advance(24 * time.Hour)
		}
	})
}

// meetingValidation (formerly TestAccMeeting_validation, now in TestAccEvent_edgeCases) rejects bad input at plan
// time with a message that names the problem.
func meetingValidation(c *eventCase) {
	start := zoomUTC(futureUTC(48 * time.Hour))
	past := zoomUTC(time.Now().Add(-48 * time.Hour))
	weekly := `  type       = "recurring_fixed_time"
  start_time = "` + start + `"
`
	cases := []struct{ name, body, want string }{
		{"instant", `  type = "instant"`, `Instant meetings cannot be managed`},
		{"pmi", `  type = "pmi"`, `PMI meetings cannot be managed`},
		{"unknown type", `  type = "webinar"`, `is not a meeting type`},
		{"missing start", ``, `A scheduled meeting needs a start_time`},
		{"past start", `  start_time = "` + past + `"`, `(?s)has passed.*already over`},
		{"bad start", `  start_time = "2026-12-01 10:00"`, `is not a time of the form`},
		{"fraction", `  start_time = "2030-12-01T10:00:00.5Z"`, `whole seconds only`},
		{"bad timezone", "  start_time = \"" + start + "\"\n  timezone = \"Mars/Olympus\"", `not an IANA time-zone name`},
		{"short duration", "  start_time = \"" + start + "\"\n  duration = 0", `duration value must be at least 1`},
		{"bad passcode", "  start_time = \"" + start + "\"\n  password = \"has space\"", `1 to 10 characters from letters`},
		{"long passcode", "  start_time = \"" + start + "\"\n  password = \"abcdefghijk\"", `password string length must be between 1 and 10`},
		{"webinar passcode character", "  start_time = \"" + start + "\"\n  password = \"abc!\"", `1 to 10 characters from letters`},
		{"two passcodes", "  start_time = \"" + start + "\"\n  password = \"abc\"\n  default_password = true", `Set either password or default_password`},
		{"recurrence on scheduled", "  start_time = \"" + start + "\"\n  recurrence = { type = \"daily\", end_times = 2 }", `Zoom only uses recurrence for recurring_fixed_time`},
		{"no recurrence", weekly, `needs a recurrence block`},
		{"no end", weekly + `  recurrence = { type = "daily" }`, `Say when the recurrence ends`},
		{"two ends", weekly + `  recurrence = { type = "daily", end_times = 2, end_date_time = "2031-01-01T00:00:00Z" }`, `Set either end_times or end_date_time`},
		{"weekly without days", weekly + `  recurrence = { type = "weekly", end_times = 2 }`, `weekly recurrence needs weekly_days`},
		{"day 8", weekly + `  recurrence = { type = "weekly", weekly_days = [8], end_times = 2 }`, `must be between 1 and 7`},
		{"weekly interval", weekly + `  recurrence = { type = "weekly", weekly_days = [2], repeat_interval = 13, end_times = 2 }`, `at most every 12 weeks`},
		{"days on daily", weekly + `  recurrence = { type = "daily", weekly_days = [2], end_times = 2 }`, `only used by a weekly recurrence`},
		{"monthly both", weekly + `  recurrence = { type = "monthly", monthly_day = 3, monthly_week = 1, monthly_week_day = 2, end_times = 2 }`, `Set either monthly_day, or monthly_week`},
		{"monthly half", weekly + `  recurrence = { type = "monthly", monthly_week = 1, end_times = 2 }`, `monthly_week and monthly_week_day go together`},
		{"local end date", weekly + `  recurrence = { type = "daily", end_date_time = "2031-01-01T00:00:00" }`, `end_date_time needs a zone`},
		{"too many", weekly + `  recurrence = { type = "daily", end_times = 366 }`, `end_times value must be between 1 and 365`},
		{"no fixed time with start", "  type = \"recurring_no_fixed_time\"\n  start_time = \"" + start + "\"", `Zoom ignores start_time for a recurring meeting with no fixed time`},
		{"pmi recurring", weekly + "  recurrence = { type = \"daily\", end_times = 2 }\n  settings = { use_pmi = true }", `use_pmi = true cannot be managed`},
		{"pmi scheduled", "  start_time = \"" + start + "\"\n  settings = { use_pmi = true }", `(?s)use_pmi = true cannot be managed.*refuses to delete`},
		{"bad audio", "  start_time = \"" + start + "\"\n  settings = { audio = \"radio\" }", `audio value must be one of`},
		{"bad jbh", "  start_time = \"" + start + "\"\n  settings = { jbh_time = 7 }", `jbh_time value must be one of`},
		{"bad alt host", "  start_time = \"" + start + "\"\n  settings = { alternative_hosts = [\"nobody\"] }", `not a plain e-mail address`},
		{"empty tracking label", "  start_time = \"" + start + "\"\n  tracking_fields = [{ field = \" \", value = \"x\" }]", `Each tracking field needs the label`},
	}
	cases = append(cases, struct{ name, body, want string }{
		"long topic", "  start_time = \"" + start + "\"", `topic string length must be between 1 and 200`,
	})
	// Every case is a resource of one configuration, so one plan (a single terraform process) reports them all;
	// each message must come with the resource it is about. Terraform plans only a configuration that validates,
	// so the cases found while planning (they need the clock or the account's passcode rules) are in the later
	// plan that must fail (eventPlanFail).
	atPlan := map[string]bool{"past start": true, "bad passcode": true, "webinar passcode character": true}
	for _, tc := range cases {
		name := strings.ReplaceAll(tc.name, " ", "_")
		topic := "tf-acc-validation"
		if tc.name == "long topic" {
			topic = longTopic()
		}
		phase := eventValidate
		if atPlan[tc.name] {
			phase = eventPlanFail
		}
		c.add(fmt.Sprintf(`
resource "zoom_meeting" %q {
  user_id = "someone@example.com"
  topic   = %q
%s
}
`, name, topic, tc.body), phase)
		c.fail(phase, diagAbout("zoom_meeting."+name, tc.want))
	}
}

func longTopic() string {
	b := make([]byte, 201)
	for i := range b {
		b[i] = 'x'
	}
	return string(b)
}

// meetingExpired (formerly TestAccMeeting_expired, now on TestAccMeeting_scheduled's steps): meetings whose time
// passes, each scenario on a sandbox of its own (a provider local name), the clock moved per sandbox:
//   - once a meeting's time has passed Zoom answers 404 code 3001 as for a deleted one: the meeting stays in state
//     as expired, the plan stays empty, and destroy succeeds; with an account that keeps past meetings (no
//     expiry), it reads normally and destroy succeeds too (zoomexpires, zoomneverexpires);
//   - changing an expired meeting is refused at plan time with advice (zoomchanged);
//   - Zoom refuses to delete a meeting that has ended (code 3007) and destroy treats it as done; the status Zoom
//     reports once it started and after the end (either knob setting) is shown without a diff (zoomendedwaiting,
//     zoomendedfinished);
//   - accounts that report a recurring meeting's next occurrence as its start time (an unconfirmed Zoom
//     behaviour, a sandbox knob) keep an empty plan once the first occurrences passed (zoomstartfirst,
//     zoomstartnext).
//
// The first apply creates the meetings; the refresh step after hours (days) passed and the held meetings
// started shows their status and the occurrences left, with an empty plan; the held meetings end before a later
// apply, which plans no change for any of them and keeps the status Zoom reports; the last step changes an
// expired meeting's topic, which must fail at plan time.
type meetingExpired struct {
	set        sandboxSet
	ended      map[string]string
	refs       map[string]*meetingRef
	in2h, in3h string
}

func newMeetingExpired(t *testing.T) *meetingExpired {
	endedProfile := func(status string) func(*sandbox.Profile) {
		return func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = -1; p.EndedMeetingStatus = status }
	}
	return &meetingExpired{
		set: newSandboxes(t, map[string]func(*sandbox.Profile){
			"zoomexpires":       func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = 0 },
			"zoomneverexpires":  func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = -1 },
			"zoomchanged":       nil,
			"zoomendedwaiting":  endedProfile(sandbox.EndedStatusWaiting),
			"zoomendedfinished": endedProfile(sandbox.EndedStatusFinished),
			"zoomstartfirst":    func(p *sandbox.Profile) { p.RecurringStartTime = sandbox.RecurringStartFirst },
			"zoomstartnext":     func(p *sandbox.Profile) { p.RecurringStartTime = sandbox.RecurringStartNextOccurrence },
		}),
		ended: map[string]string{"zoomendedwaiting": sandbox.EndedStatusWaiting, "zoomendedfinished": sandbox.EndedStatusFinished},
		refs:  map[string]*meetingRef{"zoomendedwaiting": {}, "zoomendedfinished": {}},
		in2h:  zoomUTC(futureUTC(2 * time.Hour)), in3h: zoomUTC(futureUTC(3 * time.Hour)),
	}
}

// config is the scenario's provider blocks and meetings, zoomchanged's with the given topic.
func (m *meetingExpired) config(changedTopic string) string {
	var b strings.Builder
	for _, name := range m.set.names {
		env := m.set.envs[name]
		b.WriteString(env.ProviderBlock(name))
		switch name {
		case "zoomchanged":
			fmt.Fprintf(&b, `
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = %[3]q
  start_time = %[4]q
}
`, name, env.Host, changedTopic, m.in2h)
		case "zoomendedwaiting", "zoomendedfinished":
			fmt.Fprintf(&b, `
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-held"
  start_time = %[3]q
}
`, name, env.Host, m.in3h)
		case "zoomstartfirst", "zoomstartnext":
			fmt.Fprintf(&b, `
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-daily"
  type       = "recurring_fixed_time"
  start_time = %[3]q
  duration   = 30
  recurrence = {
    type      = "daily"
    end_times = 10
  }
}
`, name, env.Host, m.in2h)
		default:
			fmt.Fprintf(&b, `
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-soon-over"
  start_time = %[3]q
  duration   = 30
}
`, name, env.Host, m.in2h)
		}
	}
	return b.String()
}

func (m *meetingExpired) sessions(f func(s *sandbox.Server, id int64) error) error {
	for name, ref := range m.refs {
		if err := f(m.set.envs[name].Sandbox, ref.id); err != nil {
			return err
		}
	}
	return nil
}

// created are the state checks of the first apply.
func (m *meetingExpired) created() []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for name, ref := range m.refs {
		out = append(out, ref.captureNow("zoom_meeting."+name))
	}
	return out
}

// started moves the clocks and starts the held meetings, before the refresh step.
func (m *meetingExpired) started() error {
	m.set.envs["zoomexpires"].Sandbox.Advance(6 * time.Hour)
	m.set.envs["zoomneverexpires"].Sandbox.Advance(6 * time.Hour)
	m.set.envs["zoomstartfirst"].Sandbox.Advance(3 * 24 * time.Hour)
	m.set.envs["zoomstartnext"].Sandbox.Advance(3 * 24 * time.Hour)
	return m.sessions((*sandbox.Server).StartMeeting)
}

// refreshed checks the state the refresh step read (its plan must be empty).
func (m *meetingExpired) refreshed() resource.TestCheckFunc {
	status := func(name, want string) resource.TestCheckFunc {
		return resource.TestCheckResourceAttr("zoom_meeting."+name, "status", want)
	}
	return resource.ComposeAggregateTestCheckFunc(
		status("zoomexpires", "expired"),
		status("zoomneverexpires", "waiting"),
		status("zoomendedwaiting", "started"),
		status("zoomendedfinished", "started"),
		// Past occurrences drop off.
		resource.TestCheckResourceAttr("zoom_meeting.zoomstartfirst", "occurrences.#", "7"),
		resource.TestCheckResourceAttr("zoom_meeting.zoomstartnext", "occurrences.#", "7"),
	)
}

// end ends the held meetings, before a later apply; endPlan and endState check that apply's plan (no change
// for any of the scenario's meetings) and the state after it.
func (m *meetingExpired) end() error { return m.sessions((*sandbox.Server).EndMeeting) }

func (m *meetingExpired) endPlan() []plancheck.PlanCheck {
	var out []plancheck.PlanCheck
	for _, name := range m.set.names {
		out = append(out, plancheck.ExpectResourceAction("zoom_meeting."+name, plancheck.ResourceActionNoop))
	}
	return out
}

func (m *meetingExpired) endState() []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for name, status := range m.ended {
		out = append(out, statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("status"), knownvalue.StringExact(status)))
	}
	return out
}

// expireChanged lets a day pass for zoomchanged, before the last step.
func (m *meetingExpired) expireChanged() { m.set.envs["zoomchanged"].Sandbox.Advance(24 * time.Hour) }

// changedError is the last step's error.
var changedError = regexp.MustCompile(`(?s)Meeting has expired.*so topic cannot`)

// destroyed checks that destroy left nothing behind, and sent one DELETE for each ended meeting.
func (m *meetingExpired) destroyed() []resource.TestCheckFunc {
	out := []resource.TestCheckFunc{
		checkMeetingsDestroyed(m.set.envs["zoomexpires"]), checkMeetingsDestroyed(m.set.envs["zoomneverexpires"]),
		checkMeetingsDestroyed(m.set.envs["zoomstartfirst"]), checkMeetingsDestroyed(m.set.envs["zoomstartnext"]),
	}
	for name := range m.ended {
		env := m.set.envs[name]
		out = append(out, func(*terraform.State) error {
			if got := env.Sandbox.RequestStats().ByRoute["DELETE /v2/meetings/{meetingId}"]; got != 1 {
				return fmt.Errorf("%s: destroy sent %d DELETE requests, want 1", name, got)
			}
			return nil
		})
	}
	return out
}

// meetingGeneratedPasscode (formerly TestAccMeeting_generatedPasscode, now in TestAccEvent_edgeCases): with no
// passcode, waiting room or authentication, Zoom's security rule (or an account that requires passcodes)
// generates a passcode; it is kept in state and the plan stays empty. Without either rule the meeting has no
// passcode.
//
// It also covers what was TestAccMeeting_noFixedTime: a recurring meeting with no fixed time has no start time;
// whether Zoom reports one anyway (unconfirmed, a sandbox knob) makes no difference to the plan, nor to an import.
// Every setting is a sandbox of its own (a provider local name).
func meetingGeneratedPasscode(c *eventCase) {
	set := newSandboxes(c.t, map[string]func(*sandbox.Profile){
		"zoomsecurityrule":     func(p *sandbox.Profile) { p.SecurityOptionRequired, p.PasscodeRequired = true, false },
		"zoompasscoderequired": func(p *sandbox.Profile) { p.SecurityOptionRequired, p.PasscodeRequired = false, true },
		"zoomnorule":           func(p *sandbox.Profile) { p.SecurityOptionRequired, p.PasscodeRequired = false, false },
		"zoomanytime":          func(p *sandbox.Profile) { p.RecurringNoFixedTimeReturnsStartTime = false },
		"zoomanytimestart":     func(p *sandbox.Profile) { p.RecurringNoFixedTimeReturnsStartTime = true },
	})
	want := map[string]string{
		"zoomsecurityrule":     `^[A-Za-z0-9]{6}$`,
		"zoompasscoderequired": `^[A-Za-z0-9]{6}$`,
		"zoomnorule":           `^$`,
	}
	anyTime := []string{"zoomanytime", "zoomanytimestart"}
	for _, name := range set.names {
		addr := "zoom_meeting." + name
		if want[name] != "" {
			c.check(statecheck.ExpectKnownValue(addr, tfjsonpath.New("password"), knownvalue.StringRegexp(regexp.MustCompile(want[name]))))
		} else {
			c.check(
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_time"), knownvalue.Null()),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("recurrence"), knownvalue.Null()),
			)
		}
		c.destroyedCheck(checkMeetingsDestroyed(set.envs[name]))
	}
	body := func(name string, env *acctest.Env) string {
		if want[name] == "" {
			return fmt.Sprintf(`
resource "zoom_meeting" %[1]q {
  provider = %[1]s
  user_id  = %[2]q
  topic    = "tf-acc-any-time"
  type     = "recurring_no_fixed_time"
  settings = {
    join_before_host = true
  }
}
`, name, env.Host)
		}
		return fmt.Sprintf(`
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = %[3]q
  start_time = %[4]q
}
`, name, env.Host, acctest.RandomName(), zoomUTC(futureUTC(30*time.Hour)))
	}
	c.addSet(set, body, eventAfterCreate...)
	for _, name := range anyTime {
		// The import's working directory needs only the meeting's configuration (see importStep).
		env := set.envs[name]
		c.importStep(resource.TestStep{
			Config:       env.ProviderBlock(name) + body(name, env),
			ResourceName: "zoom_meeting." + name, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"start_url"},
		})
	}
}

// meetingSettingRefused (formerly TestAccMeeting_settingRefused, now the last step of TestAccEvent_edgeCases): a
// setting Zoom does not apply fails the apply naming it, whichever way the account answers (an error, or silently
// dropping the value). The four cases are sandboxes of their own (provider local names) in one configuration:
// Terraform applies what it can and reports every failure.
//
// The two alternative-host sandboxes also carry TestAccEvent_basicAlternativeHost: a Basic user cannot be an
// alternative host. Whether Zoom answers with an error or drops the entry, the apply of a meeting and of a webinar
// fails naming the user and the fix (license them or remove them).
func meetingSettingRefused(c *eventCase) {
	cases := map[string]struct {
		profile func(*sandbox.Profile)
		body    string
		want    string
	}{
		"zoomalthostrejected": {
			func(p *sandbox.Profile) { p.InvalidAlternativeHost = sandbox.AlternativeHostError },
			`alternative_hosts = ["stranger@example.com"]`, `Error creating Zoom meeting.*stranger@example.com`,
		},
		"zoomalthostdropped": {
			func(p *sandbox.Profile) { p.InvalidAlternativeHost = sandbox.AlternativeHostDrop },
			`alternative_hosts = ["stranger@example.com"]`, `Zoom did not apply a setting.*alternative_hosts`,
		},
		"zoombasicregistrationrejected": {
			func(p *sandbox.Profile) { p.BasicHostRegistration = sandbox.BasicRegistrationError },
			`approval_type = 0`, `Error creating Zoom meeting.*basic user`,
		},
		"zoombasicregistrationignored": {
			func(p *sandbox.Profile) { p.BasicHostRegistration = sandbox.BasicRegistrationIgnore },
			`approval_type = 0`, `Zoom did not apply a setting.*approval_type`,
		},
	}
	profiles := map[string]func(*sandbox.Profile){}
	for name, tc := range cases {
		profiles[name] = tc.profile
	}
	set := newSandboxes(c.t, profiles)
	basicAlt := map[string]string{
		"zoomalthostrejected": `Error creating Zoom %[1]s.*%[2]s must be an active, licensed user.*remove them`,
		"zoomalthostdropped":  `Zoom did not apply a setting.*alternative_hosts.*%[2]s.*licensed user`,
	}
	basic := map[string]string{}
	for _, name := range set.names {
		basic[name] = set.envs[name].RandomEmail()
		c.fail(eventLastFail, diagAbout("zoom_meeting."+name, cases[name].want))
		if basicAlt[name] != "" {
			for _, kind := range []string{"meeting", "webinar"} {
				c.fail(eventLastFail, diagAbout("zoom_"+kind+"."+name+"_basicalt", fmt.Sprintf(basicAlt[name], kind, regexp.QuoteMeta(basic[name]))))
			}
		}
		c.destroyedCheck(checkMeetingsDestroyed(set.envs[name]), checkWebinarsDestroyed(set.envs[name]))
	}
	c.addSet(set, func(name string, env *acctest.Env) string {
		var alt string
		if basicAlt[name] != "" {
			for _, kind := range []string{"meeting", "webinar"} {
				alt += fmt.Sprintf(`
resource "zoom_%[2]s" "%[1]s_basicalt" {
  provider   = %[1]s
  user_id    = %[3]q
  topic      = "tf-acc-basic-alt"
  start_time = %[4]q
  settings   = { alternative_hosts = [zoom_user.%[1]s_basic.email] }
}
`, name, kind, env.Host, zoomUTC(futureUTC(30*time.Hour)))
			}
		}
		return alt + fmt.Sprintf(`
resource "zoom_user" "%[1]s_basic" {
  provider = %[1]s
  email    = %[2]q
  action   = "autoCreate"
  type     = 1
}

resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = zoom_user.%[1]s_basic.id
  topic      = "tf-acc-refused"
  start_time = %[3]q
  settings   = { %[4]s }
}
`, name, basic[name], zoomUTC(futureUTC(30*time.Hour)), cases[name].body)
	}, eventLastFail)
}

// meetingInterruptedCreate (formerly TestAccMeeting_interruptedCreate, now in TestAccEvent_edgeCases): Zoom
// creates the meeting but the answer is lost (a 5xx after the change, or a dropped connection). The provider
// finds the meeting it created and adopts it: exactly one meeting exists. Each fault on a sandbox of its own.
func meetingInterruptedCreate(c *eventCase) {
	set := newSandboxes(c.t, map[string]func(*sandbox.Profile){"zoomfivexxafter": nil, "zoomdropafter": nil})
	kinds := map[string]string{"zoomfivexxafter": sandbox.Fault5xxAfter, "zoomdropafter": sandbox.FaultDropAfter}
	for _, name := range set.names {
		env := set.envs[name]
		if err := env.Sandbox.AddFault(sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/meetings$`, Kind: kinds[name]}); err != nil {
			c.t.Fatal(err)
		}
		ref := &meetingRef{}
		c.check(ref.captureNow("zoom_meeting."+name), acctest.CheckNow(func() error {
			ms, err := env.Client.Meetings.List(acctest.Ctx(), env.Host, nil)
			if err != nil {
				return err
			}
			if len(ms) != 1 || ms[0].ID != ref.id {
				return fmt.Errorf("%s: want exactly the adopted meeting %d, found %+v", name, ref.id, ms)
			}
			if f := env.Sandbox.Faults(); len(f) != 1 || f[0].Fired != 1 {
				return fmt.Errorf("%s: the fault did not fire once: %+v", name, f)
			}
			if n := env.Sandbox.RequestStats().ByRoute[routeCreateMeeting]; n != 1 {
				return fmt.Errorf("%s: %d create requests, want 1 (the provider must not create again)", name, n)
			}
			return nil
		}))
		c.destroyedCheck(checkMeetingsDestroyed(env))
	}
	c.addSet(set, func(name string, env *acctest.Env) string {
		return fmt.Sprintf(`
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = %[3]q
  start_time = %[4]q
}
`, name, env.Host, acctest.RandomName(), zoomUTC(futureUTC(40*time.Hour)))
	}, eventAfterCreate...)
}
