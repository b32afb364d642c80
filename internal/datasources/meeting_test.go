package datasources_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

const zoomUTC = "2006-01-02T15:04:05Z"

// createMeeting schedules a meeting out of band and deletes it when the test ends.
func createMeeting(t *testing.T, env *acctest.Env, host string, req *client.MeetingRequest) *client.Meeting {
	t.Helper()
	m, err := env.Client.Meetings.Create(acctest.Ctx(), host, req)
	if err != nil {
		t.Fatalf("creating a meeting for %s: %v", host, err)
	}
	t.Cleanup(func() { _ = env.Client.Meetings.Delete(acctest.Ctx(), m.ID, nil) })
	// The create answer documents no uuid, host_id or status: read the meeting back as the data source does.
	got, err := env.Client.Meetings.Get(acctest.Ctx(), m.ID, nil)
	if err != nil {
		t.Fatalf("reading meeting %d back: %v", m.ID, err)
	}
	return got
}

// createUser creates an active user out of band and deletes it when the test ends.
func createUser(t *testing.T, env *acctest.Env, userType int) *client.User {
	t.Helper()
	u, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{
		Action:   "autoCreate",
		UserInfo: client.CreateUserInfo{Email: env.RandomEmail(), Type: userType, FirstName: "Test", LastName: "Host"},
	})
	if err != nil {
		t.Fatalf("creating a user: %v", err)
	}
	t.Cleanup(func() {
		_ = env.Client.Users.Delete(acctest.Ctx(), u.ID, &client.DeleteUserOptions{Action: "delete"})
	})
	return u
}

// nextWeekday returns the first day d at least minDays from now, at hour:00 in loc.
func nextWeekday(d time.Weekday, minDays int, hour int, loc *time.Location) time.Time {
	t := time.Now().In(loc).AddDate(0, 0, minDays)
	for t.Weekday() != d {
		t = t.AddDate(0, 0, 1)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), hour, 0, 0, 0, loc)
}

// previousWeek is the account of the scenarios that read recurring events after their first two occurrences
// took place ("prev", whose clock moves), and the Monday, at midnight UTC, of their first occurrences: a week or
// more from now. The clock moves to the Thursday after it, 15:00 UTC, right before the applied step (every
// event of the account is scheduled by then).
func previousWeek(s *suite) (*acctest.Env, time.Time) {
	env := s.sandbox("prev")
	if env == nil {
		return nil, time.Time{}
	}
	if s.prevMonday.IsZero() {
		s.prevMonday = nextWeekday(time.Monday, 7, 0, time.UTC)
		monday := s.prevMonday
		s.beforeApply = append(s.beforeApply, func() { env.Sandbox.SetNow(monday.AddDate(0, 0, 3).Add(15 * time.Hour)) })
	}
	return env, s.prevMonday
}

// meetingScenarios reads single meetings: a scheduled one made out of band, a weekly one scheduled in local
// Berlin time, one managed by the zoom_meeting resource, a deleted one, malformed IDs, and a weekly one after its
// first two occurrences took place.
func meetingScenarios(s *suite) {
	meetingScheduled(s)
	meetingWeekly(s)
	meetingMatchesResource(s)
	meetingNotFound(s)
	meetingPreviousOccurrences(s)
}

func meetingScheduled(s *suite) {
	env := s.account("zoom")
	alt := createUser(s.t, env, 2)
	start := time.Now().UTC().Add(7 * 24 * time.Hour).Truncate(time.Hour)
	topic := acctest.RandomName()
	m := createMeeting(s.t, env, env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(topic),
			Type:      client.Ptr(client.MeetingTypeScheduled),
			StartTime: client.Ptr(start.Format(zoomUTC)),
			Timezone:  client.Ptr("Europe/Berlin"),
			Duration:  client.Ptr(45),
			Agenda:    client.Ptr("Quarterly planning"),
			Password:  client.Ptr("Tf1234"),
		},
		Settings: &client.MeetingSettings{
			WaitingRoom:      client.Ptr(true),
			MuteUponEntry:    client.Ptr(true),
			AutoRecording:    client.Ptr("cloud"),
			HostVideo:        client.Ptr(true),
			AlternativeHosts: client.Ptr(alt.Email),
		},
	})
	id := strconv.FormatInt(m.ID, 10)
	addr := "data.zoom_meeting.scheduled"
	settings := tfjsonpath.New("settings")

	s.apply("zoom", fmt.Sprintf(`
data "zoom_meeting" "scheduled" {
  id = %q
}
`, id),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(id)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("topic"), knownvalue.StringExact(topic)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.StringExact("scheduled")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_time"), knownvalue.StringExact(start.Format(zoomUTC))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Berlin")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("duration"), knownvalue.Int64Exact(45)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("agenda"), knownvalue.StringExact("Quarterly planning")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("waiting")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("host_id"), knownvalue.StringExact(m.HostID)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("host_email"),
			knownvalue.StringRegexp(regexp.MustCompile(`(?i)^`+regexp.QuoteMeta(env.Host)+`$`))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("uuid"), knownvalue.StringExact(m.UUID)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("recurrence"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("show_previous_occurrences"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("waiting_room"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("join_before_host"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("mute_upon_entry"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("host_video"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("alternative_hosts"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt.Email)})),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("password"), knownvalue.StringExact("Tf1234")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("join_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/j/`+id))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/s/`+id))),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("password")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("join_url")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("start_url")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("h323_password")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("pstn_password")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("encrypted_password")),
	)
}

// meetingWeekly reads a weekly meeting scheduled in local Berlin time: the data source reports the start in UTC,
// the recurrence rule and every occurrence.
func meetingWeekly(s *suite) {
	env := s.account("zoom")
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		s.t.Fatal(err)
	}
	first := nextWeekday(time.Monday, 14, 10, berlin)
	m := createMeeting(s.t, env, env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			Type:      client.Ptr(client.MeetingTypeRecurringFixedTime),
			StartTime: client.Ptr(first.Format("2006-01-02T15:04:05")),
			Timezone:  client.Ptr("Europe/Berlin"),
			Duration:  client.Ptr(30),
			Recurrence: &client.Recurrence{
				Type: client.RecurrenceWeekly, WeeklyDays: "2,4", EndTimes: client.Ptr(12),
			},
		},
	})
	id := strconv.FormatInt(m.ID, 10)
	addr := "data.zoom_meeting.weekly"
	rec := tfjsonpath.New("recurrence")
	occ := tfjsonpath.New("occurrences")
	wednesday := first.AddDate(0, 0, 2)

	s.apply("zoom", fmt.Sprintf(`
data "zoom_meeting" "weekly" {
  id = %q
}
`, id),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.StringExact("recurring_fixed_time")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_time"), knownvalue.StringExact(first.UTC().Format(zoomUTC))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Berlin")),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("type"), knownvalue.StringExact("weekly")),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("repeat_interval"), knownvalue.Int64Exact(1)),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("weekly_days"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(2), knownvalue.Int64Exact(4)})),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("end_times"), knownvalue.Int64Exact(12)),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("monthly_day"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, occ, knownvalue.ListSizeExact(12)),
		statecheck.ExpectKnownValue(addr, occ.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"occurrence_id": knownvalue.StringExact(strconv.FormatInt(first.UnixMilli(), 10)),
			"start_time":    knownvalue.StringExact(first.UTC().Format(zoomUTC)),
			"duration":      knownvalue.Int64Exact(30),
			"status":        knownvalue.StringExact("available"),
		})),
		statecheck.ExpectKnownValue(addr, occ.AtSliceIndex(1).AtMapKey("start_time"),
			knownvalue.StringExact(wednesday.UTC().Format(zoomUTC))),
	)
}

// meetingMatchesResource reads a meeting managed by the zoom_meeting resource: both report the same values.
func meetingMatchesResource(s *suite) {
	env := s.account("zoom")
	start := time.Now().UTC().Add(10 * 24 * time.Hour).Truncate(time.Hour)
	pairs := []string{"topic", "type", "start_time", "timezone", "duration", "agenda", "password", "host_id",
		"uuid", "join_url", "settings", "recurrence", "occurrences", "h323_password", "pstn_password"}
	checks := make([]statecheck.StateCheck, 0, len(pairs))
	for _, name := range pairs {
		checks = append(checks, statecheck.CompareValuePairs("data.zoom_meeting.managed", tfjsonpath.New(name),
			"zoom_meeting.managed", tfjsonpath.New(name), compare.ValuesSame()))
	}
	s.apply("zoom", fmt.Sprintf(`
resource "zoom_meeting" "managed" {
  user_id    = %q
  topic      = %q
  start_time = %q
  duration   = 30
  agenda     = "Read back by the data source"

  settings = {
    waiting_room   = true
    auto_recording = "none"
  }
}

data "zoom_meeting" "managed" {
  id = zoom_meeting.managed.id
}
`, env.Host, acctest.RandomName(), start.Format(zoomUTC)), checks...)
}

// meetingNotFound: a deleted meeting is an error that says so; malformed IDs are rejected.
func meetingNotFound(s *suite) {
	env := s.account("zoom")
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(30),
		},
	})
	if err != nil {
		s.t.Fatalf("creating a meeting: %v", err)
	}
	if err := env.Client.Meetings.Delete(acctest.Ctx(), m.ID, nil); err != nil {
		s.t.Fatalf("deleting the meeting: %v", err)
	}
	id := strconv.FormatInt(m.ID, 10)
	s.fails("zoom", fmt.Sprintf(`
data "zoom_meeting" "gone" {
  id = %q
}
`, id), `Zoom meeting not found.*Meeting `+id+` does not exist: it was deleted`)
	s.rejected("zoom", `
data "zoom_meeting" "leading_zero" {
  id = "0123"
}
`, `Invalid meeting ID`)
	s.rejected("zoom", `
data "zoom_meeting" "not_a_number" {
  id = "abc"
}
`, `"abc" is not a Zoom meeting ID`)
}

// meetingPreviousOccurrences reads a weekly meeting after its first two occurrences took place: they drop off
// `occurrences` unless show_previous_occurrences is set.
func meetingPreviousOccurrences(s *suite) {
	env, monday := previousWeek(s) // moves the sandbox's clock
	if env == nil {
		return
	}
	first := monday.Add(9 * time.Hour)
	host := createUser(s.t, env, 1)
	m := createMeeting(s.t, env, host.ID, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:      client.Ptr(acctest.RandomName()),
			Type:       client.Ptr(client.MeetingTypeRecurringFixedTime),
			StartTime:  client.Ptr(first.Format(zoomUTC)),
			Timezone:   client.Ptr("UTC"),
			Duration:   client.Ptr(60),
			Recurrence: &client.Recurrence{Type: client.RecurrenceWeekly, WeeklyDays: "2,4", EndTimes: client.Ptr(6)},
		},
	})
	// The applied step runs on Thursday of the first week: Monday's and Wednesday's occurrences are over.
	occ := tfjsonpath.New("occurrences")
	third := first.AddDate(0, 0, 7).Format(zoomUTC)

	s.apply("prev", fmt.Sprintf(`
data "zoom_meeting" "upcoming" {
  id = "%[1]d"
}

data "zoom_meeting" "all" {
  id                        = "%[1]d"
  show_previous_occurrences = true
}
`, m.ID),
		statecheck.ExpectKnownValue("data.zoom_meeting.upcoming", occ, knownvalue.ListSizeExact(4)),
		statecheck.ExpectKnownValue("data.zoom_meeting.upcoming", occ.AtSliceIndex(0).AtMapKey("start_time"), knownvalue.StringExact(third)),
		statecheck.ExpectKnownValue("data.zoom_meeting.all", occ, knownvalue.ListSizeExact(6)),
		statecheck.ExpectKnownValue("data.zoom_meeting.all", occ.AtSliceIndex(0).AtMapKey("start_time"), knownvalue.StringExact(first.Format(zoomUTC))),
		statecheck.ExpectKnownValue("data.zoom_meeting.all", tfjsonpath.New("show_previous_occurrences"), knownvalue.Bool(true)),
	)
}
