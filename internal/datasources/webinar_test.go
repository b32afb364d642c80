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
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// createWebinar schedules a webinar out of band and deletes it when the test ends.
func createWebinar(t *testing.T, env *acctest.Env, host string, req *client.WebinarRequest) *client.Webinar {
	t.Helper()
	w, err := env.Client.Webinars.Create(acctest.Ctx(), host, req)
	if err != nil {
		t.Fatalf("creating a webinar for %s: %v", host, err)
	}
	t.Cleanup(func() { _ = env.Client.Webinars.Delete(acctest.Ctx(), w.ID, nil) })
	return w
}

// webinarScenarios reads single webinars: a scheduled one made out of band, a weekly one scheduled in local
// Berlin time, one managed by the zoom_webinar resource, a deleted one, malformed IDs, a meeting's number, a
// weekly one after its first two occurrences took place, and webinars of an account without the Webinar add-on.
func webinarScenarios(s *suite) {
	webinarScheduled(s)
	webinarWeekly(s)
	webinarPreviousOccurrences(s)
	webinarMatchesResource(s)
	webinarNotFound(s)
	webinarMeetingID(s)
	webinarAddonMissing(s)
}

func webinarScheduled(s *suite) {
	env := s.account("zoom")
	alt := createUser(s.t, env, 2)
	start := time.Now().UTC().Add(6 * 24 * time.Hour).Truncate(time.Hour)
	topic := acctest.RandomName()
	w := createWebinar(s.t, env, env.Host, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(topic),
			Type:      client.Ptr(client.WebinarTypeScheduled),
			StartTime: client.Ptr(start.Format(zoomUTC)),
			Timezone:  client.Ptr("America/New_York"),
			Duration:  client.Ptr(90),
			Agenda:    client.Ptr("What is new in 3.0"),
			Password:  client.Ptr("Launch!1"),
		},
		Settings: &client.WebinarSettings{
			PanelistsVideo:   client.Ptr(true),
			PracticeSession:  client.Ptr(true),
			HDVideo:          client.Ptr(true),
			ApprovalType:     client.Ptr(0),
			AutoRecording:    client.Ptr("cloud"),
			AlternativeHosts: client.Ptr(alt.Email),
			QuestionAndAnswer: &client.QuestionAndAnswer{
				Enable: client.Ptr(true), AllowAnonymousQuestions: client.Ptr(false), AnswerQuestions: client.Ptr("all"),
			},
			AttendeesAndPanelistsReminderEmailNotification: &client.EmailNotificationPlan{Enable: client.Ptr(true), Type: client.Ptr(3)},
		},
	})
	id := strconv.FormatInt(w.ID, 10)
	addr := "data.zoom_webinar.scheduled"
	settings := tfjsonpath.New("settings")
	qa := settings.AtMapKey("question_and_answer")

	s.apply("zoom", fmt.Sprintf(`
data "zoom_webinar" "scheduled" {
  id = %q
}
`, id),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(id)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("topic"), knownvalue.StringExact(topic)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.StringExact("scheduled")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_time"), knownvalue.StringExact(start.Format(zoomUTC))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("timezone"), knownvalue.StringExact("America/New_York")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("duration"), knownvalue.Int64Exact(90)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("agenda"), knownvalue.StringExact("What is new in 3.0")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("host_id"), knownvalue.StringExact(w.HostID)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("host_email"),
			knownvalue.StringRegexp(regexp.MustCompile(`(?i)^`+regexp.QuoteMeta(env.Host)+`$`))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("uuid"), knownvalue.StringExact(w.UUID)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("is_simulive"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("recurrence"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("tracking_fields"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("show_previous_occurrences"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("panelists_video"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("practice_session"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("hd_video"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("approval_type"), knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("audio"), knownvalue.StringExact("both")),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("alternative_hosts"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(alt.Email)})),
		statecheck.ExpectKnownValue(addr, qa, knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"enable":                    knownvalue.Bool(true),
			"allow_anonymous_questions": knownvalue.Bool(false),
			"answer_questions":          knownvalue.StringExact("all"),
		})),
		statecheck.ExpectKnownValue(addr, settings.AtMapKey("attendees_and_panelists_reminder_email_notification"),
			knownvalue.ObjectExact(map[string]knownvalue.Check{"enable": knownvalue.Bool(true), "type": knownvalue.Int64Exact(3)})),
		// No webinar answer documents registration_url: the data source does not pretend to know it.
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("registration_url"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("password"), knownvalue.StringExact("Launch!1")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("join_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/`+id))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/s/`+id))),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("password")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("join_url")),
		statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("start_url")),
	)
}

// webinarWeekly reads a weekly webinar scheduled in local Berlin time: the data source reports
// the start in UTC, the recurrence rule and every occurrence.
func webinarWeekly(s *suite) {
	env := s.account("zoom")
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		s.t.Fatal(err)
	}
	first := nextWeekday(time.Tuesday, 14, 17, berlin)
	w := createWebinar(s.t, env, env.Host, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			Type:      client.Ptr(client.WebinarTypeRecurringFixedTime),
			StartTime: client.Ptr(first.Format("2006-01-02T15:04:05")),
			Timezone:  client.Ptr("Europe/Berlin"),
			Duration:  client.Ptr(60),
			Recurrence: &client.Recurrence{
				Type: client.RecurrenceWeekly, WeeklyDays: "3,5", EndTimes: client.Ptr(6),
			},
		},
		Settings: &client.WebinarSettings{ApprovalType: client.Ptr(1), RegistrationType: client.Ptr(3)},
	})
	id := strconv.FormatInt(w.ID, 10)
	addr := "data.zoom_webinar.weekly"
	rec := tfjsonpath.New("recurrence")
	occ := tfjsonpath.New("occurrences")
	thursday := first.AddDate(0, 0, 2)

	s.apply("zoom", fmt.Sprintf(`
data "zoom_webinar" "weekly" {
  id = %q
}
`, id),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.StringExact("recurring_fixed_time")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_time"), knownvalue.StringExact(first.UTC().Format(zoomUTC))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Berlin")),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("type"), knownvalue.StringExact("weekly")),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("repeat_interval"), knownvalue.Int64Exact(1)),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("weekly_days"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(3), knownvalue.Int64Exact(5)})),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("end_times"), knownvalue.Int64Exact(6)),
		statecheck.ExpectKnownValue(addr, rec.AtMapKey("monthly_day"), knownvalue.Null()),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("settings").AtMapKey("registration_type"), knownvalue.Int64Exact(3)),
		statecheck.ExpectKnownValue(addr, occ, knownvalue.ListSizeExact(6)),
		statecheck.ExpectKnownValue(addr, occ.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"occurrence_id": knownvalue.StringExact(strconv.FormatInt(first.UnixMilli(), 10)),
			"start_time":    knownvalue.StringExact(first.UTC().Format(zoomUTC)),
			"duration":      knownvalue.Int64Exact(60),
			"status":        knownvalue.StringExact("available"),
		})),
		statecheck.ExpectKnownValue(addr, occ.AtSliceIndex(1).AtMapKey("start_time"),
			knownvalue.StringExact(thursday.UTC().Format(zoomUTC))),
	)
}

// webinarPreviousOccurrences reads a weekly webinar after its first two occurrences took place: they drop off
// `occurrences` unless show_previous_occurrences is set.
func webinarPreviousOccurrences(s *suite) {
	env, monday := previousWeek(s) // moves the sandbox's clock
	if env == nil {
		return
	}
	first := monday.Add(15 * time.Hour)
	host := createUser(s.t, env, 2)
	w := createWebinar(s.t, env, host.ID, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:      client.Ptr(acctest.RandomName()),
			Type:       client.Ptr(client.WebinarTypeRecurringFixedTime),
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
data "zoom_webinar" "upcoming" {
  id = "%[1]d"
}

data "zoom_webinar" "all" {
  id                        = "%[1]d"
  show_previous_occurrences = true
}
`, w.ID),
		statecheck.ExpectKnownValue("data.zoom_webinar.upcoming", occ, knownvalue.ListSizeExact(4)),
		statecheck.ExpectKnownValue("data.zoom_webinar.upcoming", occ.AtSliceIndex(0).AtMapKey("start_time"), knownvalue.StringExact(third)),
		statecheck.ExpectKnownValue("data.zoom_webinar.all", occ, knownvalue.ListSizeExact(6)),
		statecheck.ExpectKnownValue("data.zoom_webinar.all", occ.AtSliceIndex(0).AtMapKey("start_time"), knownvalue.StringExact(first.Format(zoomUTC))),
		statecheck.ExpectKnownValue("data.zoom_webinar.all", tfjsonpath.New("show_previous_occurrences"), knownvalue.Bool(true)),
	)
}

// webinarMatchesResource reads a webinar managed by the zoom_webinar resource: both report the same values,
// nested settings included.
func webinarMatchesResource(s *suite) {
	env := s.account("zoom")
	start := time.Now().UTC().Add(9 * 24 * time.Hour).Truncate(time.Hour)
	pairs := []string{"id", "topic", "type", "start_time", "timezone", "duration", "agenda", "password", "host_id",
		"host_email", "uuid", "join_url", "registration_url", "settings", "recurrence", "occurrences", "tracking_fields",
		"created_at", "status"}
	checks := make([]statecheck.StateCheck, 0, len(pairs)+1)
	for _, name := range pairs {
		checks = append(checks, statecheck.CompareValuePairs("data.zoom_webinar.managed", tfjsonpath.New(name),
			"zoom_webinar.managed", tfjsonpath.New(name), compare.ValuesSame()))
	}
	checks = append(checks, statecheck.ExpectKnownValue("data.zoom_webinar.managed",
		tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("attendees_can_upvote"), knownvalue.Bool(true)))
	s.apply("zoom", fmt.Sprintf(`
resource "zoom_webinar" "managed" {
  user_id    = %q
  topic      = %q
  start_time = %q
  duration   = 60
  agenda     = "Read back by the data source"

  settings = {
    panelists_video = true
    approval_type   = 1
    question_and_answer = {
      enable               = true
      attendees_can_upvote = true
    }
    follow_up_attendees_email_notification = {
      enable = true
      type   = 2
    }
  }
}

data "zoom_webinar" "managed" {
  id = zoom_webinar.managed.id
}
`, env.Host, acctest.RandomName(), start.Format(zoomUTC)), checks...)
}

// webinarNotFound: a deleted webinar is an error that says so; malformed IDs are rejected.
func webinarNotFound(s *suite) {
	env := s.account("zoom")
	w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(30),
		},
	})
	if err != nil {
		s.t.Fatalf("creating a webinar: %v", err)
	}
	if err := env.Client.Webinars.Delete(acctest.Ctx(), w.ID, nil); err != nil {
		s.t.Fatalf("deleting the webinar: %v", err)
	}
	id := strconv.FormatInt(w.ID, 10)
	s.fails("zoom", fmt.Sprintf(`
data "zoom_webinar" "gone" {
  id = %q
}
`, id), `Zoom webinar not found.*Webinar `+id+` does not exist: it was deleted`)
	s.rejected("zoom", `
data "zoom_webinar" "leading_zero" {
  id = "0123"
}
`, `Invalid webinar ID`)
	s.rejected("zoom", `
data "zoom_webinar" "not_a_number" {
  id = "abc"
}
`, `"abc" is not a Zoom webinar ID`)
}

// webinarMeetingID reads a meeting's number as a webinar: the error points to zoom_meeting.
func webinarMeetingID(s *suite) {
	env := s.sandbox("zoom") // Zoom's answer for a meeting ID on a webinar endpoint is unconfirmed (docs/development/zoom-api.md#not-found-answers)
	if env == nil {
		return
	}
	m := createMeeting(s.t, env, env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(30),
		},
	})
	s.fails("zoom", fmt.Sprintf(`
data "zoom_webinar" "meeting" {
  id = "%d"
}
`, m.ID), `Not a Zoom webinar.*zoom_meeting data\s+source`)
}

// webinarAddonMissing: without the Webinar add-on every webinar data source fails with an error that names the
// add-on. The account is its own ("noaddon"), whose add-on goes off once its webinar is scheduled.
func webinarAddonMissing(s *suite) {
	env := s.sandbox("noaddon") // switches the account's add-on off
	if env == nil {
		return
	}
	w := createWebinar(s.t, env, env.Host, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(time.Now().UTC().Add(72 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(30),
		},
	})
	env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = false })
	s.t.Cleanup(func() { env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = true }) })
	addon := `Webinar add-on is missing.*Every Zoom webinar API call needs the Webinar\s+add-on.*webinar\s+licence`

	s.fails("noaddon", fmt.Sprintf(`
data "zoom_webinar" "no_addon" {
  id = "%d"
}
`, w.ID), `Cannot read Zoom webinar \d+: the Zoom `+addon)
	s.fails("noaddon", fmt.Sprintf(`
data "zoom_webinars" "no_addon" {
  user_id = %q
}
`, env.Host), `Cannot list the Zoom webinars of .*: the Zoom `+addon)
	s.fails("noaddon", fmt.Sprintf(`
data "zoom_webinar_templates" "no_addon" {
  user_id = %q
}
`, env.Host), `Cannot list the Zoom webinar templates of .*: the Zoom `+addon)
}
