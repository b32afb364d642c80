package resources_test

import (
	"fmt"
	"regexp"
	"strings"
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

// meetingImportOnPMIRefused (formerly TestAccMeeting_importOnPMIRefused, now an import block in
// TestAccEvent_edgeCases' plan that must fail): a meeting held on the host's PMI (created in the portal) shares
// the PMI as its ID and cannot be deleted, so importing it is refused with the reason instead of taking it under
// management.
func meetingImportOnPMIRefused(c *eventCase) {
	env := c.env
	start := zoomUTC(futureUTC(48 * time.Hour))
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic: client.Ptr("tf-acc-pmi"), StartTime: client.Ptr(start),
		},
		Settings: &client.MeetingSettings{UsePMI: client.Ptr(true)},
	})
	if err != nil {
		c.t.Fatal(err)
	}
	c.add(fmt.Sprintf(`
import {
  to = zoom_meeting.pmi
  id = "%d"
}

resource "zoom_meeting" "pmi" {
  user_id    = %q
  topic      = "tf-acc-pmi"
  start_time = %q
}
`, m.ID, env.Host, start), eventPlanFail)
	// Terraform reports an import block's error without naming the resource; the message names the meeting.
	c.failText(eventPlanFail, fmt.Sprintf(`Zoom meeting %d is held on the host's Personal Meeting ID.*refuses to delete`, m.ID))
}

// webinarAlternativeHostsCommaSeparated (formerly TestAccWebinar_alternativeHostsCommaSeparated, now in
// TestAccEvent_edgeCases): webinars take alternative hosts comma-separated (meetings use semicolons). Two
// alternative hosts apply with an empty plan afterwards, whether or not the account also splits on semicolons
// (each setting its own sandbox and provider instance, a local name of the provider).
func webinarAlternativeHostsCommaSeparated(c *eventCase) {
	names := []string{"zoomcommas", "zoomsemicolons"}
	envs := map[string]*acctest.Env{
		"zoomcommas":     acctest.New(c.t, func(p *sandbox.Profile) { p.WebinarAltHostsSemicolons = false }),
		"zoomsemicolons": acctest.New(c.t, func(p *sandbox.Profile) { p.WebinarAltHostsSemicolons = true }),
	}
	c.provider(names...)
	var config strings.Builder
	for _, name := range names {
		env := envs[name]
		a, b := env.RandomEmail(), env.RandomEmail()
		config.WriteString(env.ProviderBlock(name))
		fmt.Fprintf(&config, `
resource "zoom_user" "%[1]s_a" {
  provider = %[1]s
  email    = %[2]q
  action   = "autoCreate"
  type     = 2
}

resource "zoom_user" "%[1]s_b" {
  provider = %[1]s
  email    = %[3]q
  action   = "autoCreate"
  type     = 2
}

resource "zoom_webinar" %[1]q {
  provider   = %[1]s
  user_id    = %[4]q
  topic      = "tf-acc-webinar-alts"
  start_time = %[5]q
  settings   = { alternative_hosts = [zoom_user.%[1]s_a.email, zoom_user.%[1]s_b.email] }
}
`, name, a, b, env.Host, zoomUTC(futureUTC(30*time.Hour)))
		c.check(statecheck.ExpectKnownValue("zoom_webinar."+name, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(a), knownvalue.StringExact(b)})))
		c.destroyedCheck(checkWebinarsDestroyed(env))
	}
	c.add(config.String(), eventAfterCreate...)
}

// eventImportGeneratedPasscode (formerly TestAccEvent_importGeneratedPasscode, now in TestAccEvent_edgeCases): a
// passcode Zoom generated may hold characters a request may not send (here "(" or "{"). Importing the meeting or
// webinar (import blocks of the main apply) with that passcode written into the configuration validates and
// plans no change (no PATCH, and the framework's plans after the apply are empty); changing it to a value Zoom
// would refuse is still refused (the plan that must fail).
func eventImportGeneratedPasscode(c *eventCase) {
	const name = "zoomgeneratedspecials"
	env := acctest.New(c.t, func(p *sandbox.Profile) { p.PasscodeRequired = true; p.GeneratedPasscodeSpecials = "({" })
	c.provider(name)
	start := zoomUTC(futureUTC(48 * time.Hour))
	topic := acctest.RandomName()
	kinds := []string{"meeting", "webinar"}
	ids, passcodes := map[string]int64{}, map[string]string{}
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr(topic), StartTime: client.Ptr(start)}})
	if err != nil {
		c.t.Fatal(err)
	}
	ids["meeting"], passcodes["meeting"] = m.ID, m.Password
	w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{EventFields: client.EventFields{Topic: client.Ptr(topic), StartTime: client.Ptr(start)}})
	if err != nil {
		c.t.Fatal(err)
	}
	ids["webinar"], passcodes["webinar"] = w.ID, w.Password
	for _, kind := range kinds {
		if !regexp.MustCompile(`[({]`).MatchString(passcodes[kind]) {
			c.t.Fatalf("the sandbox generated %q for the %s", passcodes[kind], kind)
		}
	}
	config := func(pw map[string]string) string {
		b := env.ProviderBlock(name)
		for _, kind := range kinds {
			b += fmt.Sprintf(`
import {
  provider = %[1]s
  to       = zoom_%[2]s.%[1]s
  id       = "%[7]d"
}

resource "zoom_%[2]s" %[1]q {
  provider   = %[1]s
  user_id    = %[3]q
  topic      = %[4]q
  start_time = %[5]q
  password   = %[6]q
}
`, name, kind, env.Host, topic, start, pw[kind], ids[kind])
		}
		return b
	}
	counter := requestCounter{env}
	c.pre(eventCreate, counter.reset)
	c.check(
		acctest.CheckNow(func() error { return counter.expect(routePatchMeeting, 0)(nil) }),
		acctest.CheckNow(func() error { return counter.expect(routePatchWebinar, 0)(nil) }),
	)
	c.add(config(passcodes), eventCreate, eventLastFail)
	c.add(config(map[string]string{"meeting": "new{pass", "webinar": "new{pass"}), eventPlanFail)
	for _, kind := range kinds {
		c.fail(eventPlanFail, diagAbout("zoom_"+kind+"."+name, `password must be 1 to 10 characters`))
	}
	c.destroyedCheck(checkMeetingsDestroyed(env), checkWebinarsDestroyed(env))
}

// eventRegistrationURLKept (formerly TestAccEvent_registrationURLKept, now part of TestAccEvent_lifecycle, with
// the sandbox only): GET /meetings/{meetingId} documents no registration_url (only the create answer does) and no
// webinar answer documents it. The link learnt at creation is kept through refreshes and applies, never blanked;
// what Zoom never reported stays null. Runs with and without the undocumented fields. It also carries the
// recurrence end scenario (recurrenceEnd, sandboxes of its own).
func eventRegistrationURLKept(t *testing.T) lifecyclePart {
	// The two settings, each with a meeting and a webinar, in one configuration: each setting its own sandbox and
	// provider instance (a local name of the provider).
	names := []string{"zoomdocumented", "zoomundocumented"}
	envs := map[string]*acctest.Env{}
	for _, name := range names {
		undocumented := name == "zoomundocumented"
		envs[name] = acctest.New(t, func(p *sandbox.Profile) { p.UndocumentedResponseFields = undocumented })
		envs[name].RequireSandbox(t)
	}
	recurrence := newRecurrenceEnd(t)
	start := zoomUTC(futureUTC(30 * time.Hour))
	config := func(topic string, endDays int) string {
		var b strings.Builder
		for _, name := range names {
			b.WriteString(envs[name].ProviderBlock(name))
			for _, kind := range []string{"meeting", "webinar"} {
				fmt.Fprintf(&b, `
resource "zoom_%s" %q {
  provider   = %s
  user_id    = %q
  topic      = %q
  start_time = %q
  settings   = { approval_type = 0 }
}
`, kind, name, name, envs[name].Host, topic, start)
			}
		}
		b.WriteString(recurrence.config(endDays))
		return b.String()
	}
	// One comparison per resource: its registration_url stays the same across the steps.
	same := map[string]interface {
		AddStateValue(string, tfjsonpath.Path) statecheck.StateCheck
	}{}
	checks := func() []statecheck.StateCheck {
		var out []statecheck.StateCheck
		for _, name := range names {
			undocumented := name == "zoomundocumented"
			for _, kind := range []string{"meeting", "webinar"} {
				addr := "zoom_" + kind + "." + name
				var want knownvalue.Check = knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/` + kind + `/register/`))
				if kind == "webinar" && !undocumented {
					want = knownvalue.Null()
				}
				if same[addr] == nil {
					same[addr] = statecheck.CompareValue(compare.ValuesSame())
				}
				out = append(out,
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("registration_url"), want),
					same[addr].AddStateValue(addr, tfjsonpath.New("registration_url")),
				)
				if kind == "meeting" && !undocumented {
					out = append(out, statecheck.ExpectKnownValue(addr, tfjsonpath.New("pstn_password"), knownvalue.Null()))
				}
			}
		}
		return out
	}
	created := append(checks(), recurrence.created()...)
	// An apply refreshes first (GET) and then updates the topic (PATCH, then GET); the recurrences end later.
	changed := append(checks(), recurrence.updated()...)
	return lifecyclePart{
		names: append(names, recurrence.set.names...),
		config: func(second, _ bool) string {
			if second {
				return config("tf-acc-reg-2", 4)
			}
			return config("tf-acc-reg-1", 2)
		},
		created: created,
		planned: recurrence.updates(),
		changed: changed,
	}
}
