package datasources_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

const routeListMeetings = "GET /v2/users/{userId}/meetings"

// meetingsPagination reads a host with 301 meetings: Zoom pages them by 300, so every read costs exactly two list
// requests (the first page and one next_page_token), and no request per meeting. Seeding 301 meetings for one
// host needs the per-host daily create limit (100) lifted: the account is the one of webinarsPagination without
// page tokens.
func meetingsPagination(s *suite) {
	env := paginationAccount(s, false)
	if env == nil {
		return
	}
	const n = 301
	host := createUser(s.t, env, 2)
	start := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Hour)
	seedMeetings(s.t, env, host.ID, n, start)
	addr := "data.zoom_meetings.all"

	s.list(paginationName(false), fmt.Sprintf(`
data "zoom_meetings" "all" {
  user_id = %q
}
`, host.ID),
		checkPlanNow(func() error {
			stats := env.Sandbox.RequestStats()
			if gets := stats.ByRoute["GET /v2/meetings/{meetingId}"]; gets != 0 {
				return fmt.Errorf("the data source fetched meetings one by one (%d GET /meetings/{meetingId})", gets)
			}
			lists := stats.ByRoute[routeListMeetings]
			var first, next int
			for _, r := range env.Sandbox.Requests() {
				if r.Route != routeListMeetings {
					continue
				}
				q, err := url.ParseQuery(r.Query)
				if err != nil {
					return err
				}
				if q.Get("page_size") != "300" {
					return fmt.Errorf("list request without page_size=300: %q", r.Query)
				}
				if q.Get("next_page_token") == "" {
					first++
				} else {
					next++
				}
			}
			// Each read is one first page and one next page.
			if first == 0 || next != first || lists != 2*first {
				return fmt.Errorf("expected exactly 2 list requests per read, got %d first pages and %d next pages (%d in all)", first, next, lists)
			}
			return nil
		}),
		expectReadValue(addr, tfjsonpath.New("meetings"), knownvalue.ListSizeExact(n)),
		expectReadValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(n)),
		expectReadValue(addr, tfjsonpath.New("meetings").AtSliceIndex(n-1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"topic":      knownvalue.StringRegexp(regexp.MustCompile(`^` + acctest.NamePrefix + `seed-\d{3}$`)),
			"type":       knownvalue.StringExact("scheduled"),
			"host_id":    knownvalue.StringExact(host.ID),
			"start_time": knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:00:00Z$`)),
			"duration":   knownvalue.Int64Exact(30),
			"agenda":     knownvalue.Null(),
			"pmi":        knownvalue.Null(),
			"join_url":   knownvalue.StringRegexp(regexp.MustCompile(`^https://`)),
		})),
		expectReadSensitive(addr, tfjsonpath.New("meetings").AtSliceIndex(0).AtMapKey("join_url")),
	)
}

// seedMeetings creates n scheduled meetings for host out of band, in parallel (so in no particular order), one
// hour apart from start.
func seedMeetings(t *testing.T, env *acctest.Env, host string, n int, start time.Time) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			_, err := env.Client.Meetings.Create(acctest.Ctx(), host, &client.MeetingRequest{
				EventFields: client.EventFields{
					Topic:     client.Ptr(fmt.Sprintf("%sseed-%03d", acctest.NamePrefix, i)),
					StartTime: client.Ptr(start.Add(time.Duration(i) * time.Hour).Format(zoomUTC)),
					Duration:  client.Ptr(30),
				},
			})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("seeding meetings: %v", err)
	}
}

// meetingsScenarios filters a host's meetings: one running now, one upcoming, one with no fixed time; an unknown
// type is rejected and an unknown host is an error.
func meetingsScenarios(s *suite) {
	env := s.sandbox("zoom") // starts a meeting through the sandbox
	if env == nil {
		return
	}
	host := createUser(s.t, env, 2)
	upcoming := createMeeting(s.t, env, host.ID, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(30),
			Agenda:    client.Ptr(longAgenda),
		},
	})
	live := createMeeting(s.t, env, host.ID, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(time.Now().UTC().Add(time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(60),
		},
	})
	anytime := createMeeting(s.t, env, host.ID, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic: client.Ptr(acctest.RandomName()),
			Type:  client.Ptr(client.MeetingTypeRecurringNoFixedTime),
		},
	})
	if err := env.Sandbox.StartMeeting(live.ID); err != nil {
		s.t.Fatalf("starting meeting %d: %v", live.ID, err)
	}
	idOf := func(m *client.Meeting) knownvalue.Check { return knownvalue.StringExact(strconv.FormatInt(m.ID, 10)) }

	s.apply("zoom", fmt.Sprintf(`
data "zoom_meetings" "default" {
  user_id = %[1]q
}

data "zoom_meetings" "live" {
  user_id = %[1]q
  type    = "live"
}

data "zoom_meetings" "upcoming" {
  user_id = %[1]q
  type    = "upcoming"
}

data "zoom_meetings" "previous" {
  user_id = %[1]q
  type    = "previous_meetings"
}
`, host.Email),
		statecheck.ExpectKnownValue("data.zoom_meetings.default", tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{idOf(upcoming), idOf(live), idOf(anytime)})),
		statecheck.ExpectKnownValue("data.zoom_meetings.live", tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{idOf(live)})),
		statecheck.ExpectKnownValue("data.zoom_meetings.upcoming", tfjsonpath.New("ids"),
			knownvalue.SetExact([]knownvalue.Check{idOf(upcoming), idOf(live), idOf(anytime)})),
		statecheck.ExpectKnownValue("data.zoom_meetings.previous", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
		// Lists carry the first 250 characters of the agenda.
		statecheck.ExpectKnownValue("data.zoom_meetings.default", tfjsonpath.New("meetings").AtSliceIndex(0).AtMapKey("agenda"),
			knownvalue.StringExact(longAgenda[:250])),
		statecheck.ExpectKnownValue("data.zoom_meetings.default", tfjsonpath.New("meetings").AtSliceIndex(2),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"type":       knownvalue.StringExact("recurring_no_fixed_time"),
				"start_time": knownvalue.Null(),
			})),
	)
	s.rejected("zoom", fmt.Sprintf(`
data "zoom_meetings" "past" {
  user_id = %q
  type    = "past"
}
`, host.Email), `value must be one of`)
	s.fails("zoom", `
data "zoom_meetings" "nobody" {
  user_id = "nobody-`+acctest.RandomName()+`@example.com"
}
`, `Zoom user not found`)
}

var longAgenda = func() string {
	b := make([]byte, 300)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return string(b)
}()
