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
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const routeListWebinars = "GET /v2/users/{userId}/webinars"

// paginationName is the provider local name of the account of the pagination scenarios for a setting of the
// sandbox's WebinarListPageToken knob.
func paginationName(tokens bool) string {
	if tokens {
		return "pagetokens"
	}
	return "pages"
}

// paginationAccount is the account of the pagination scenarios for a setting of the WebinarListPageToken knob:
// without the per-host daily create limit (100), so that one host can have 301 meetings or webinars. Its request
// log is cleared right before the plan-only step.
func paginationAccount(s *suite, tokens bool) *acctest.Env {
	name := paginationName(tokens)
	if env, ok := s.envs[name]; ok {
		return env
	}
	env := s.sandbox(name, func(p *sandbox.Profile) { p.MeetingDailyLimit = 0; p.WebinarListPageToken = tokens })
	if env != nil {
		s.beforeList = append(s.beforeList, env.Sandbox.ClearRequests)
	}
	return env
}

// webinarsPagination reads, for each setting of the WebinarListPageToken knob (whether the account also honours
// a next_page_token), a host with 301 webinars: Zoom pages them by 300, and the operation's parameters document
// page_number (not next_page_token), so a read costs exactly two list requests (page_number 1 and 2), and no
// request per webinar. It reads them all either way.
func webinarsPagination(s *suite) {
	for _, tokens := range []bool{false, true} {
		webinarsPaginationWith(s, tokens)
	}
}

func webinarsPaginationWith(s *suite, tokens bool) {
	env := paginationAccount(s, tokens)
	if env == nil {
		return
	}
	const n = 301
	host := createUser(s.t, env, 2)
	start := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Hour)
	seedWebinars(s.t, env, host.ID, n, start)
	name := paginationName(tokens)
	addr := "data.zoom_webinars." + name

	s.list(name, fmt.Sprintf(`
data "zoom_webinars" %q {
  user_id = %q
}
`, name, host.ID),
		// Runs after the first plan, which reads the data source once.
		checkPlanNow(func() error {
			stats := env.Sandbox.RequestStats()
			if gets := stats.ByRoute["GET /v2/webinars/{webinarId}"]; gets != 0 {
				return fmt.Errorf("%s: the data source fetched webinars one by one (%d GET /webinars/{webinarId})", name, gets)
			}
			if lists := stats.ByRoute[routeListWebinars]; lists != 2 {
				return fmt.Errorf("%s: expected exactly 2 list requests, got %d", name, lists)
			}
			var pages []string
			for _, r := range env.Sandbox.Requests() {
				if r.Route != routeListWebinars {
					continue
				}
				q, err := url.ParseQuery(r.Query)
				if err != nil {
					return err
				}
				if q.Get("page_size") != "300" {
					return fmt.Errorf("%s: list request without page_size=300: %q", name, r.Query)
				}
				if q.Has("next_page_token") {
					return fmt.Errorf("%s: list request with next_page_token, which the operation does not document: %q", name, r.Query)
				}
				pages = append(pages, q.Get("page_number"))
			}
			if fmt.Sprint(pages) != "[1 2]" {
				return fmt.Errorf("%s: expected page_number 1 then 2, got %v", name, pages)
			}
			return nil
		}),
		expectReadValue(addr, tfjsonpath.New("webinars"), knownvalue.ListSizeExact(n)),
		expectReadValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(n)),
		expectReadValue(addr, tfjsonpath.New("webinars").AtSliceIndex(n-1), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":          knownvalue.StringRegexp(regexp.MustCompile(`^[1-9]\d{9,}$`)),
			"uuid":        knownvalue.NotNull(),
			"topic":       knownvalue.StringRegexp(regexp.MustCompile(`^` + acctest.NamePrefix + `seed-\d{3}$`)),
			"type":        knownvalue.StringExact("scheduled"),
			"host_id":     knownvalue.StringExact(host.ID),
			"start_time":  knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:00:00Z$`)),
			"duration":    knownvalue.Int64Exact(45),
			"timezone":    knownvalue.NotNull(),
			"created_at":  knownvalue.NotNull(),
			"agenda":      knownvalue.Null(),
			"is_simulive": knownvalue.Bool(false),
			"join_url":    knownvalue.StringRegexp(regexp.MustCompile(`^https://`)),
		})),
		expectReadSensitive(addr, tfjsonpath.New("webinars").AtSliceIndex(0).AtMapKey("join_url")),
	)
}

// seedWebinars creates n scheduled webinars for host out of band, in parallel (so in no particular order), one
// hour apart from start.
func seedWebinars(t *testing.T, env *acctest.Env, host string, n int, start time.Time) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			_, err := env.Client.Webinars.Create(acctest.Ctx(), host, &client.WebinarRequest{
				EventFields: client.EventFields{
					Topic:     client.Ptr(fmt.Sprintf("%sseed-%03d", acctest.NamePrefix, i)),
					StartTime: client.Ptr(start.Add(time.Duration(i) * time.Hour).Format(zoomUTC)),
					Duration:  client.Ptr(45),
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
		t.Fatalf("seeding webinars: %v", err)
	}
}

// webinarsScenarios filters a host's webinars: one that took place (and has not expired yet), one running now,
// one upcoming, one with no fixed time; an unknown type is rejected and an unknown host is an error. The account
// is its own ("wtype"): its clock moves and past webinars stay listed for a day before they expire.
func webinarsScenarios(s *suite) {
	env := s.sandbox("wtype", func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = 24 * 60 })
	if env == nil {
		return
	}
	host := createUser(s.t, env, 2)
	now := env.Sandbox.Now().UTC()
	past := createWebinar(s.t, env, host.ID, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(now.Add(2 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(60),
		},
	})
	live := createWebinar(s.t, env, host.ID, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(now.Add(5 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(60),
		},
	})
	upcoming := createWebinar(s.t, env, host.ID, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic:     client.Ptr(acctest.RandomName()),
			StartTime: client.Ptr(now.Add(72 * time.Hour).Truncate(time.Hour).Format(zoomUTC)),
			Duration:  client.Ptr(30),
			Agenda:    client.Ptr(longAgenda),
		},
	})
	anytime := createWebinar(s.t, env, host.ID, &client.WebinarRequest{
		EventFields: client.EventFields{
			Topic: client.Ptr(acctest.RandomName()),
			Type:  client.Ptr(client.WebinarTypeRecurringNoFixedTime),
		},
	})
	// Six hours on, the first webinar is over; the second is started a little late.
	env.Sandbox.SetNow(now.Add(6 * time.Hour))
	if err := env.Sandbox.StartWebinar(live.ID); err != nil {
		s.t.Fatalf("starting webinar %d: %v", live.ID, err)
	}
	idOf := func(w *client.Webinar) knownvalue.Check { return knownvalue.StringExact(strconv.FormatInt(w.ID, 10)) }

	s.apply("wtype", fmt.Sprintf(`
data "zoom_webinars" "default" {
  user_id = %[1]q
}

data "zoom_webinars" "scheduled" {
  user_id = %[1]q
  type    = "scheduled"
}

data "zoom_webinars" "upcoming" {
  user_id = %[1]q
  type    = "upcoming"
}
`, host.Email),
		statecheck.ExpectKnownValue("data.zoom_webinars.default", tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{idOf(past), idOf(live), idOf(upcoming), idOf(anytime)})),
		statecheck.ExpectKnownValue("data.zoom_webinars.scheduled", tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{idOf(past), idOf(live), idOf(upcoming), idOf(anytime)})),
		statecheck.ExpectKnownValue("data.zoom_webinars.upcoming", tfjsonpath.New("ids"),
			knownvalue.SetExact([]knownvalue.Check{idOf(live), idOf(upcoming), idOf(anytime)})),
		// Lists carry the first 250 characters of the agenda.
		statecheck.ExpectKnownValue("data.zoom_webinars.default", tfjsonpath.New("webinars").AtSliceIndex(2).AtMapKey("agenda"),
			knownvalue.StringExact(longAgenda[:250])),
		statecheck.ExpectKnownValue("data.zoom_webinars.default", tfjsonpath.New("webinars").AtSliceIndex(3),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"type":       knownvalue.StringExact("recurring_no_fixed_time"),
				"start_time": knownvalue.Null(),
			})),
	)
	s.rejected("zoom", fmt.Sprintf(`
data "zoom_webinars" "live" {
  user_id = %q
  type    = "live"
}
`, host.Email), `value must be one of`)
	s.fails("wtype", `
data "zoom_webinars" "nobody" {
  user_id = "nobody-`+acctest.RandomName()+`@example.com"
}
`, `Zoom user not found`)
}
