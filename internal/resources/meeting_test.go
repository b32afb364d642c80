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
func TestAccMeeting_scheduled(t *testing.T) {
	env := acctest.New(t)
	alt, alt2, otherHost := env.RandomEmail(), env.RandomEmail(), env.RandomEmail()
	start := futureUTC(72 * time.Hour)
	topic := acctest.RandomName()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	sameStartURL := statecheck.CompareValue(compare.ValuesSame())
	counter := requestCounter{env}
	ref := &meetingRef{}

	users := fmt.Sprintf(`
resource "zoom_user" "alt" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "alt2" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "other_host" {
  email  = %q
  action = "autoCreate"
  type   = 2
}
`, alt, alt2, otherHost)
	config := func(host, topic string, duration int, settings string) string {
		return env.Config(users + fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %s
  topic      = %q
  start_time = %q
  duration   = %d
  timezone   = "Europe/Berlin"
  agenda     = "Quarterly planning"
  password   = "abc123"
  settings = {
%s
  }
}
`, host, topic, zoomUTC(start), duration, settings))
	}
	v1 := `    waiting_room      = true
    mute_upon_entry   = true
    alternative_hosts = [zoom_user.alt.email]`
	v2 := `    waiting_room      = true
    mute_upon_entry   = false
    alternative_hosts = [zoom_user.alt.email, zoom_user.alt2.email]`
	host := fmt.Sprintf("%q", env.Host)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config(host, topic, 30, v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionCreate),
					// The waiting room turns join-before-host off, and the plan already says so.
					plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("join_before_host"), knownvalue.Bool(false)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
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
					sameStartURL.AddStateValue(meetingAddr, tfjsonpath.New("start_url")),
				},
			},
			// Zoom mints a new start_url token on every read; a refresh-only plan still reports nothing.
			{
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config:            config(host, topic, 30, v1),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{sameStartURL.AddStateValue(meetingAddr, tfjsonpath.New("start_url"))},
			},
			// Import by meeting ID; the imported start_url carries a newer token.
			{
				ResourceName: meetingAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"start_url"},
			},
			// Update in place: topic, duration and two settings in one PATCH.
			{
				PreConfig: counter.reset,
				Config:    config(host, topic+"-renamed", 45, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(meetingAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("topic"), knownvalue.StringExact(topic+"-renamed")),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("duration"), knownvalue.Int64Exact(45)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt), knownvalue.StringExact(alt2)})),
					counter.expectNow(routePatchMeeting, 1),
					counter.expectNow(routeCreateMeeting, 0),
					ref.captureNow(meetingAddr),
				},
			},
			// The passcode and an alternative host changed in the portal show up as drift on exactly those
			// fields, and apply puts them back.
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
				},
				Config: config(host, topic+"-renamed", 45, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("password"), knownvalue.StringExact("abc123")),
					plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt), knownvalue.StringExact(alt2)})),
					// Untouched fields stay as they are.
					plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("audio"), knownvalue.StringExact("both")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("password"), knownvalue.StringExact("abc123")),
				},
			},
			// Changing the host replaces the meeting.
			{
				Config: config("zoom_user.other_host.email", topic+"-renamed", 45, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					differentID.AddStateValue(meetingAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("host_email"), knownvalue.StringExact(otherHost)),
					ref.captureNow(meetingAddr),
				},
			},
			// Naming the same host by ID instead of e-mail is not a change of host.
			{
				Config: config("zoom_user.other_host.id", topic+"-renamed", 45, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionUpdate),
				}},
				Check: ref.capture(meetingAddr),
			},
			// A meeting deleted in the portal before its time leaves the state and is created again.
			{
				PreConfig: func() {
					if err := env.Client.Meetings.Delete(acctest.Ctx(), ref.id, nil); err != nil {
						t.Fatalf("out-of-band delete: %v", err)
					}
				},
				Config: config("zoom_user.other_host.id", topic+"-renamed", 45, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// TestAccMeeting_weeklyRecurring covers a recurring meeting with a local start time: the second plan is empty
// although Zoom reports UTC, occurrences are computed, and a change of the recurrence is applied in place.
func TestAccMeeting_weeklyRecurring(t *testing.T) {
	env := acctest.New(t)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	first := time.Now().In(berlin).AddDate(0, 0, 10)
	local := time.Date(first.Year(), first.Month(), first.Day(), 10, 30, 0, 0, berlin)
	alt, topic := env.RandomEmail(), acctest.RandomName()
	ref := &meetingRef{}
	config := func(endTimes int) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_user" "alt" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = %q
  type       = "recurring_fixed_time"
  start_time = %q
  timezone   = "Europe/Berlin"
  duration   = 60
  recurrence = {
    type        = "weekly"
    weekly_days = [2, 4]
    end_times   = %d
  }
  settings = {
    auto_recording    = "cloud"
    join_before_host  = true
    jbh_time          = 5
    alternative_hosts = [zoom_user.alt.email]
  }
}
`, alt, env.Host, topic, local.Format("2006-01-02T15:04:05"), endTimes))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config(6),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("type"), knownvalue.StringExact("recurring_fixed_time")),
					// The configuration's local spelling is kept; Zoom's UTC value denotes the same instant.
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(local.Format("2006-01-02T15:04:05"))),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(6)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("recurrence").AtMapKey("repeat_interval"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("jbh_time"), knownvalue.Int64Exact(5)),
					ref.captureNow(meetingAddr),
				},
			},
			// An import reads Zoom's UTC spelling of the start time; everything else matches.
			{
				ResourceName: meetingAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"start_url", "start_time"},
			},
			// An alternative host removed in the portal is drift.
			{
				PreConfig: func() {
					if err := env.Client.Meetings.Update(acctest.Ctx(), ref.id, &client.MeetingRequest{
						Settings: &client.MeetingSettings{AlternativeHosts: client.Ptr("")},
					}); err != nil {
						t.Fatalf("out-of-band change: %v", err)
					}
				},
				Config: config(6),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt)})),
				}},
			},
			// More occurrences, in place.
			{
				Config: config(8),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(meetingAddr, tfjsonpath.New("occurrences")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(8)),
				},
			},
		},
	})
}

// TestAccMeeting_oneFieldOnePatch: changing one field costs exactly one PATCH (Zoom allows 100 creates and
// updates per host per day), and a change of a destroy-time argument costs none.
func TestAccMeeting_oneFieldOnePatch(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	counter := requestCounter{env}
	start := zoomUTC(futureUTC(48 * time.Hour))
	config := func(topic string, notify bool) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id           = %q
  topic             = %q
  start_time        = %q
  duration          = 30
  notify_on_destroy = %t
  settings = {
    waiting_room = true
    host_video   = true
  }
}
`, env.Host, topic, start, notify))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config("tf-acc-one", false)},
			{
				PreConfig:     counter.reset,
				Config:        config("tf-acc-two", false),
				PostApplyFunc: afterApply(t, counter.expect(routePatchMeeting, 1), counter.expect(routeCreateMeeting, 0)),
			},
			{
				PreConfig:     counter.reset,
				Config:        config("tf-acc-two", true),
				PostApplyFunc: afterApply(t, counter.expect(routePatchMeeting, 0)),
			},
		},
	})
}

// TestAccMeeting_dailyLimit: when a host reaches Zoom's daily create/update limit, that host's extra meeting
// fails with a message naming the host and the reset time, the other resources are created, and a later apply
// after the reset finishes the job.
func TestAccMeeting_dailyLimit(t *testing.T) {
	// Zoom was seen answering the per-host limit without X-RateLimit-Type and Retry-After; both forms are handled.
	for name, headers := range map[string]bool{"bare 429": false, "with headers": true} {
		t.Run(name, func(t *testing.T) { testMeetingDailyLimit(t, headers) })
	}
}

func testMeetingDailyLimit(t *testing.T, headers bool) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.MeetingDailyLimit = 2; p.MeetingDailyLimitHeaders = headers })
	env.RequireSandbox(t)
	other := env.RandomEmail()
	start := zoomUTC(futureUTC(96 * time.Hour))
	config := env.Config(fmt.Sprintf(`
resource "zoom_user" "other" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_meeting" "busy" {
  count      = 3
  user_id    = %q
  topic      = "tf-acc-busy-${count.index}"
  start_time = %q
}

resource "zoom_meeting" "other" {
  user_id    = zoom_user.other.id
  topic      = "tf-acc-other"
  start_time = %q
}
`, other, env.Host, start, start))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Error creating Zoom meeting for host ` + regexp.QuoteMeta(env.Host) + `.*daily limit.*resets at \d{4}-\d{2}-\d{2}T00:00:00Z`),
			},
			{
				PreConfig: func() {
					// The other host's meeting and two of the busy host's exist.
					for _, host := range []string{env.Host, other} {
						ms, err := env.Client.Meetings.List(acctest.Ctx(), host, nil)
						if err != nil {
							t.Fatal(err)
						}
						want := map[string]int{env.Host: 2, other: 1}[host]
						if len(ms) != want {
							t.Fatalf("%s has %d meetings after the failed apply, want %d", host, len(ms), want)
						}
					}
					env.Sandbox.Advance(24 * time.Hour)
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("zoom_meeting.busy[2]", tfjsonpath.New("status"), knownvalue.StringExact("waiting")),
				},
			},
		},
	})
}

// TestAccMeeting_validation rejects bad input at plan time with a message that names the problem.
func TestAccMeeting_validation(t *testing.T) {
	env := acctest.New(t)
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
	// so the cases found while planning (they need the clock or the account's passcode rules) have a step of
	// their own.
	atPlan := map[string]bool{"past start": true, "bad passcode": true, "webinar passcode character": true}
	var validated, planned strings.Builder
	var wantValidated, wantPlanned []wantDiag
	for _, c := range cases {
		name := strings.ReplaceAll(c.name, " ", "_")
		topic := "tf-acc-validation"
		if c.name == "long topic" {
			topic = longTopic()
		}
		config, want := &validated, &wantValidated
		if atPlan[c.name] {
			config, want = &planned, &wantPlanned
		}
		fmt.Fprintf(config, `
resource "zoom_meeting" %q {
  user_id = "someone@example.com"
  topic   = %q
%s
}
`, name, topic, c.body)
		*want = append(*want, diagAbout("zoom_meeting."+name, c.want))
	}
	errs := &stepErrors{t: t}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		ErrorCheck:               errs.check,
		Steps: []resource.TestStep{
			{PreConfig: errs.expect(wantValidated...), Config: env.Config(validated.String()), PlanOnly: true},
			{PreConfig: errs.expect(wantPlanned...), Config: env.Config(planned.String()), PlanOnly: true},
		},
	})
	errs.done()
}

func longTopic() string {
	b := make([]byte, 201)
	for i := range b {
		b[i] = 'x'
	}
	return string(b)
}

// TestAccMeeting_expired: once a meeting's time has passed Zoom answers 404 code 3001 as for a deleted one. The
// meeting stays in state as expired, the plan stays empty, and destroy succeeds. With an account that keeps
// past meetings (no expiry), the meeting reads normally and destroy succeeds too.
func TestAccMeeting_expired(t *testing.T) {
	// Both settings in one TestCase and one configuration, each with its own sandbox and provider instance.
	set := newSandboxes(t, map[string]func(*sandbox.Profile){
		"zoomexpires":      func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = 0 },
		"zoomneverexpires": func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = -1 },
	})
	wantStatus := map[string]string{"zoomexpires": "expired", "zoomneverexpires": "waiting"}
	config := set.config(func(name string, env *acctest.Env) string {
		return fmt.Sprintf(`
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-soon-over"
  start_time = %[3]q
  duration   = 30
}
`, name, env.Host, zoomUTC(futureUTC(2*time.Hour)))
	})
	var statuses []statecheck.StateCheck
	var destroyed []resource.TestCheckFunc
	for _, name := range set.names {
		statuses = append(statuses, statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("status"), knownvalue.StringExact(wantStatus[name])))
		destroyed = append(destroyed, checkMeetingsDestroyed(set.envs[name]))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: set.factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:         set.each(func(env *acctest.Env) { env.Sandbox.Advance(6 * time.Hour) }),
				Config:            config,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: statuses,
			},
			{
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccMeeting_expiredCannotChange: changing an expired meeting is refused at plan time with advice.
func TestAccMeeting_expiredCannotChange(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	start := zoomUTC(futureUTC(2 * time.Hour))
	config := func(topic string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
}
`, env.Host, topic, start))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("tf-acc-a")},
			{
				PreConfig:   func() { env.Sandbox.Advance(24 * time.Hour) },
				Config:      config("tf-acc-b"),
				ExpectError: regexp.MustCompile(`(?s)Meeting has expired.*so topic cannot`),
			},
		},
	})
}

// TestAccMeeting_endedThenDestroyed: Zoom refuses to delete a meeting that has ended (code 3007); destroy treats
// it as done. The status Zoom reports after the end is shown without a diff.
func TestAccMeeting_endedThenDestroyed(t *testing.T) {
	for _, status := range []string{sandbox.EndedStatusWaiting, sandbox.EndedStatusFinished} {
		t.Run(status, func(t *testing.T) { testMeetingEndedThenDestroyed(t, status) })
	}
}

func testMeetingEndedThenDestroyed(t *testing.T, endedStatus string) {
	env := acctest.New(t, func(p *sandbox.Profile) {
		p.MeetingExpiryGraceMinutes = -1
		p.EndedMeetingStatus = endedStatus
	})
	env.RequireSandbox(t)
	ref := &meetingRef{}
	config := env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = "tf-acc-held"
  start_time = %q
}
`, env.Host, zoomUTC(futureUTC(3*time.Hour))))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if got := env.Sandbox.RequestStats().ByRoute["DELETE /v2/meetings/{meetingId}"]; got != 1 {
				return fmt.Errorf("destroy sent %d DELETE requests, want 1", got)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: config, Check: ref.capture(meetingAddr)},
			{
				PreConfig: func() {
					if err := env.Sandbox.StartMeeting(ref.id); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("status"), knownvalue.StringExact("started")),
				},
			},
			{
				PreConfig: func() {
					if err := env.Sandbox.EndMeeting(ref.id); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("status"), knownvalue.StringExact(endedStatus)),
				},
			},
		},
	})
}

// TestAccMeeting_recurringReportsNextOccurrence: accounts that report a recurring meeting's next occurrence as its
// start time (an unconfirmed Zoom behaviour, a sandbox knob) keep an empty plan once the first occurrences passed.
func TestAccMeeting_recurringReportsNextOccurrence(t *testing.T) {
	// Both settings in one TestCase and one configuration, each with its own sandbox and provider instance.
	set := newSandboxes(t, map[string]func(*sandbox.Profile){
		"zoomstartfirst": func(p *sandbox.Profile) { p.RecurringStartTime = sandbox.RecurringStartFirst },
		"zoomstartnext":  func(p *sandbox.Profile) { p.RecurringStartTime = sandbox.RecurringStartNextOccurrence },
	})
	config := set.config(func(name string, env *acctest.Env) string {
		return fmt.Sprintf(`
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
`, name, env.Host, zoomUTC(futureUTC(2*time.Hour)))
	})
	var occurrences []statecheck.StateCheck
	var destroyed []resource.TestCheckFunc
	for _, name := range set.names {
		// Past occurrences drop off.
		occurrences = append(occurrences, statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(7)))
		destroyed = append(destroyed, checkMeetingsDestroyed(set.envs[name]))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: set.factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:         set.each(func(env *acctest.Env) { env.Sandbox.Advance(3 * 24 * time.Hour) }),
				Config:            config,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: occurrences,
			},
		},
	})
}

// TestAccMeeting_generatedPasscode: with no passcode, waiting room or authentication, Zoom's security rule (or an
// account that requires passcodes) generates a passcode; it is kept in state and the plan stays empty. Without
// either rule the meeting has no passcode.
func TestAccMeeting_generatedPasscode(t *testing.T) {
	// The three settings in one TestCase and one configuration, each with its own sandbox and provider instance.
	set := newSandboxes(t, map[string]func(*sandbox.Profile){
		"zoomsecurityrule":     func(p *sandbox.Profile) { p.SecurityOptionRequired, p.PasscodeRequired = true, false },
		"zoompasscoderequired": func(p *sandbox.Profile) { p.SecurityOptionRequired, p.PasscodeRequired = false, true },
		"zoomnorule":           func(p *sandbox.Profile) { p.SecurityOptionRequired, p.PasscodeRequired = false, false },
	})
	want := map[string]string{
		"zoomsecurityrule":     `^[A-Za-z0-9]{6}$`,
		"zoompasscoderequired": `^[A-Za-z0-9]{6}$`,
		"zoomnorule":           `^$`,
	}
	var checks []statecheck.StateCheck
	var destroyed []resource.TestCheckFunc
	for _, name := range set.names {
		checks = append(checks, statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("password"), knownvalue.StringRegexp(regexp.MustCompile(want[name]))))
		destroyed = append(destroyed, checkMeetingsDestroyed(set.envs[name]))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: set.factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		Steps: []resource.TestStep{{
			Config: set.config(func(name string, env *acctest.Env) string {
				return fmt.Sprintf(`
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = %[3]q
  start_time = %[4]q
}
`, name, env.Host, acctest.RandomName(), zoomUTC(futureUTC(30*time.Hour)))
			}),
			ConfigStateChecks: checks,
		}},
	})
}

// TestAccMeeting_settingRefused: a setting Zoom does not apply fails the apply naming it, whichever way the
// account answers (an error, or silently dropping the value).
func TestAccMeeting_settingRefused(t *testing.T) {
	cases := map[string]struct {
		profile func(*sandbox.Profile)
		body    string
		want    string
	}{
		"alternative host rejected": {
			func(p *sandbox.Profile) { p.InvalidAlternativeHost = sandbox.AlternativeHostError },
			`alternative_hosts = ["stranger@example.com"]`, `(?s)Error creating Zoom meeting.*stranger@example.com`,
		},
		"alternative host dropped": {
			func(p *sandbox.Profile) { p.InvalidAlternativeHost = sandbox.AlternativeHostDrop },
			`alternative_hosts = ["stranger@example.com"]`, `(?s)Zoom did not apply a setting.*alternative_hosts`,
		},
		"basic host registration rejected": {
			func(p *sandbox.Profile) { p.BasicHostRegistration = sandbox.BasicRegistrationError },
			`approval_type = 0`, `(?s)Error creating Zoom meeting.*basic user`,
		},
		"basic host registration ignored": {
			func(p *sandbox.Profile) { p.BasicHostRegistration = sandbox.BasicRegistrationIgnore },
			`approval_type = 0`, `(?s)Zoom did not apply a setting.*approval_type`,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			env := acctest.New(t, c.profile)
			env.RequireSandbox(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkMeetingsDestroyed(env),
				Steps: []resource.TestStep{{
					Config: env.Config(fmt.Sprintf(`
resource "zoom_user" "basic" {
  email  = %q
  action = "autoCreate"
  type   = 1
}

resource "zoom_meeting" "test" {
  user_id    = zoom_user.basic.id
  topic      = "tf-acc-refused"
  start_time = %q
  settings   = { %s }
}
`, env.RandomEmail(), zoomUTC(futureUTC(30*time.Hour)), c.body)),
					ExpectError: regexp.MustCompile(c.want),
				}},
			})
		})
	}
}

// TestAccMeeting_template creates a meeting from an account template (its settings apply, a set setting wins),
// and a change of template replaces the meeting.
func TestAccMeeting_template(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	start := zoomUTC(futureUTC(50 * time.Hour))
	config := func(name string) string {
		return env.Config(fmt.Sprintf(`
data "zoom_meeting_templates" "t" {
  user_id = %q
  name    = %q
}

resource "zoom_meeting" "test" {
  user_id     = %q
  topic       = "tf-acc-from-template"
  start_time  = %q
  template_id = data.zoom_meeting_templates.t.ids[0]
  settings = {
    host_video = true
  }
}
`, env.Host, name, env.Host, start))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config("All-hands"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("host_video"), knownvalue.Bool(true)),
				},
			},
			// The template is only used at creation: another one leaves the existing meeting as it is (with a
			// warning); replacing it (taint, or apply -replace) creates it from the new template.
			{
				Config: config("Training"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionNoop),
				}},
			},
			{
				Config: config("Training"), Taint: []string{meetingAddr},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("host_video"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("settings").AtMapKey("participant_video"), knownvalue.Bool(false)),
				},
			},
		},
	})
}

// TestAccMeeting_noFixedTime: a recurring meeting with no fixed time has no start time; whether Zoom reports one
// anyway (unconfirmed, a sandbox knob) makes no difference to the plan.
func TestAccMeeting_noFixedTime(t *testing.T) {
	for name, returns := range map[string]bool{"no start reported": false, "start reported": true} {
		t.Run(name, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.RecurringNoFixedTimeReturnsStartTime = returns })
			env.RequireSandbox(t)
			config := env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id = %q
  topic   = "tf-acc-any-time"
  type    = "recurring_no_fixed_time"
  settings = {
    join_before_host = true
  }
}
`, env.Host))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkMeetingsDestroyed(env),
				Steps: []resource.TestStep{
					{
						Config: config,
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("start_time"), knownvalue.Null()),
							statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("recurrence"), knownvalue.Null()),
						},
					},
					{ResourceName: meetingAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"start_url"}},
				},
			})
		})
	}
}

// TestAccMeeting_interruptedCreate: Zoom creates the meeting but the answer is lost (a 5xx after the change, or a
// dropped connection). The provider finds the meeting it created and adopts it: exactly one meeting exists.
func TestAccMeeting_interruptedCreate(t *testing.T) {
	for _, kind := range []string{sandbox.Fault5xxAfter, sandbox.FaultDropAfter} {
		t.Run(kind, func(t *testing.T) {
			env := acctest.New(t)
			env.RequireSandbox(t)
			topic := acctest.RandomName()
			if err := env.Sandbox.AddFault(sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/meetings$`, Kind: kind}); err != nil {
				t.Fatal(err)
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkMeetingsDestroyed(env),
				Steps: []resource.TestStep{{
					Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
}
`, env.Host, topic, zoomUTC(futureUTC(40*time.Hour)))),
					Check: func(s *terraform.State) error {
						ms, err := env.Client.Meetings.List(acctest.Ctx(), env.Host, nil)
						if err != nil {
							return err
						}
						id, err := meetingID(s, meetingAddr)
						if err != nil {
							return err
						}
						if len(ms) != 1 || ms[0].ID != id {
							return fmt.Errorf("want exactly the adopted meeting %d, found %+v", id, ms)
						}
						if f := env.Sandbox.Faults(); len(f) != 1 || f[0].Fired != 1 {
							return fmt.Errorf("the fault did not fire once: %+v", f)
						}
						if n := env.Sandbox.RequestStats().ByRoute[routeCreateMeeting]; n != 1 {
							return fmt.Errorf("%d create requests, want 1 (the provider must not create again)", n)
						}
						return nil
					},
				}},
			})
		})
	}
}
