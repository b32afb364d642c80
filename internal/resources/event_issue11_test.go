package resources_test

import (
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

// TestAccMeeting_importOnPMIRefused: a meeting held on the host's PMI (created in the portal) shares the PMI as
// its ID and cannot be deleted, so importing it is refused with the reason instead of taking it under management.
func TestAccMeeting_importOnPMIRefused(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	start := zoomUTC(futureUTC(48 * time.Hour))
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic: client.Ptr("tf-acc-pmi"), StartTime: client.Ptr(start),
		},
		Settings: &client.MeetingSettings{UsePMI: client.Ptr(true)},
	})
	if err != nil {
		t.Fatal(err)
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = "tf-acc-pmi"
  start_time = %q
}
`, env.Host, start)),
			ResourceName:  meetingAddr,
			ImportState:   true,
			ImportStateId: strconv.FormatInt(m.ID, 10),
			ExpectError:   regexp.MustCompile(`(?s)held on the host's Personal Meeting ID.*refuses to delete`),
		}},
	})
}

// TestAccWebinar_alternativeHostsCommaSeparated: webinars take alternative hosts comma-separated (meetings use
// semicolons). Two alternative hosts apply with an empty plan afterwards, whether or not the account also splits
// on semicolons.
func TestAccWebinar_alternativeHostsCommaSeparated(t *testing.T) {
	// Both settings in one TestCase: each its own sandbox, provider instance (a local name of the provider) and
	// webinar in one configuration.
	names := []string{"zoomcommas", "zoomsemicolons"}
	envs := map[string]*acctest.Env{
		"zoomcommas":     acctest.New(t, func(p *sandbox.Profile) { p.WebinarAltHostsSemicolons = false }),
		"zoomsemicolons": acctest.New(t, func(p *sandbox.Profile) { p.WebinarAltHostsSemicolons = true }),
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
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
		checks = append(checks, statecheck.ExpectKnownValue("zoom_webinar."+name, tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(a), knownvalue.StringExact(b)})))
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(names...),
		CheckDestroy: func(s *terraform.State) error {
			for _, name := range names {
				for _, rs := range s.RootModule().Resources {
					if rs.Type != "zoom_webinar" || rs.Primary.Attributes["topic"] != "tf-acc-webinar-alts" {
						continue
					}
					id, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
					if err != nil {
						return err
					}
					_, err = envs[name].Client.Webinars.Get(acctest.Ctx(), id, nil)
					if err == nil {
						return fmt.Errorf("zoom_webinar %d still exists after destroy", id)
					}
					if !client.IsNotFound(err) {
						return fmt.Errorf("checking zoom_webinar %d: %v", id, err)
					}
				}
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:           envs[names[0]].Config(config.String()),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(checks...)}},
		}},
	})
}

// TestAccEvent_importGeneratedPasscode: a passcode Zoom generated may hold characters a request may not send
// (here "(" or "{"). Importing the meeting or webinar and writing that passcode into the configuration
// validates and plans no change; changing it to a value Zoom would refuse is still refused. The meeting and the
// webinar are in one TestCase and one configuration.
func TestAccEvent_importGeneratedPasscode(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.PasscodeRequired = true; p.GeneratedPasscodeSpecials = "({" })
	env.RequireSandbox(t)
	start := zoomUTC(futureUTC(48 * time.Hour))
	topic := acctest.RandomName()
	kinds := []string{"meeting", "webinar"}
	ids, passcodes := map[string]int64{}, map[string]string{}
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr(topic), StartTime: client.Ptr(start)}})
	if err != nil {
		t.Fatal(err)
	}
	ids["meeting"], passcodes["meeting"] = m.ID, m.Password
	w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{EventFields: client.EventFields{Topic: client.Ptr(topic), StartTime: client.Ptr(start)}})
	if err != nil {
		t.Fatal(err)
	}
	ids["webinar"], passcodes["webinar"] = w.ID, w.Password
	for _, kind := range kinds {
		if !regexp.MustCompile(`[({]`).MatchString(passcodes[kind]) {
			t.Fatalf("the sandbox generated %q for the %s", passcodes[kind], kind)
		}
	}
	config := func(pw map[string]string) string {
		var b strings.Builder
		for _, kind := range kinds {
			fmt.Fprintf(&b, `
resource "zoom_%s" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = %q
}
`, kind, env.Host, topic, start, pw[kind])
		}
		return env.Config(b.String())
	}
	refused := map[string]string{"meeting": "new{pass", "webinar": "new{pass"}
	steps := []resource.TestStep{}
	var want []wantDiag
	for _, kind := range kinds {
		addr := "zoom_" + kind + ".test"
		steps = append(steps, resource.TestStep{
			Config: config(passcodes), ResourceName: addr, ImportState: true, ImportStateId: strconv.FormatInt(ids[kind], 10), ImportStatePersist: true,
		})
		want = append(want, diagAbout(addr, `password must be 1 to 10 characters`))
	}
	errs := &stepErrors{t: t}
	steps = append(steps,
		resource.TestStep{Config: config(passcodes), PlanOnly: true},
		resource.TestStep{PreConfig: errs.expect(want...), Config: config(refused), PlanOnly: true},
	)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		ErrorCheck:               errs.check,
		Steps:                    steps,
	})
	errs.done()
}

// TestAccEvent_registrationURLKept: GET /meetings/{meetingId} documents no registration_url (only the create
// answer does) and no webinar answer documents it. The link learnt at creation is kept through refreshes and
// applies, never blanked; what Zoom never reported stays null. Runs with and without the undocumented fields.
// The same TestCase and steps carry the recurrence end scenario (recurrenceEnd, sandboxes of its own).
func TestAccEvent_registrationURLKept(t *testing.T) {
	// The two settings, each with a meeting and a webinar, in one TestCase and one configuration: each setting its
	// own sandbox and provider instance (a local name of the provider).
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
		return envs[names[0]].Config(b.String())
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
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(append(names, recurrence.set.names...)...),
		Steps: []resource.TestStep{
			{
				Config:           config("tf-acc-reg-1", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(checks(), recurrence.created()...)...)}},
			},
			// An apply refreshes first (GET) and then updates the topic (PATCH, then GET); the recurrences end later.
			{
				Config: config("tf-acc-reg-2", 4),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:            recurrence.updates(),
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(checks(), recurrence.updated()...)...)},
				},
			},
		},
	})
}
