package resources_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
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
	resource.ParallelTest(t, resource.TestCase{
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

// TestAccEvent_basicAlternativeHost: a Basic user cannot be an alternative host. Whether Zoom answers with an
// error or drops the entry, the apply fails naming the user and the fix (license them or remove them).
func TestAccEvent_basicAlternativeHost(t *testing.T) {
	for _, kind := range []string{"meeting", "webinar"} {
		for knob, want := range map[string]string{
			sandbox.AlternativeHostError: `(?s)Error creating Zoom %[1]s.*%[2]s must be an active, licensed user.*remove them`,
			sandbox.AlternativeHostDrop:  `(?s)Zoom did not apply a setting.*alternative_hosts.*%[2]s.*licensed user`,
		} {
			t.Run(kind+"/"+knob, func(t *testing.T) {
				env := acctest.New(t, func(p *sandbox.Profile) { p.InvalidAlternativeHost = knob })
				env.RequireSandbox(t)
				basic := env.RandomEmail()
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
					Steps: []resource.TestStep{{
						Config: env.Config(fmt.Sprintf(`
resource "zoom_user" "basic" {
  email  = %q
  action = "autoCreate"
  type   = 1
}

resource "zoom_%s" "test" {
  user_id    = %q
  topic      = "tf-acc-basic-alt"
  start_time = %q
  settings   = { alternative_hosts = [zoom_user.basic.email] }
}
`, basic, kind, env.Host, zoomUTC(futureUTC(30*time.Hour)))),
						ExpectError: regexp.MustCompile(fmt.Sprintf(want, kind, regexp.QuoteMeta(basic))),
					}},
				})
			})
		}
	}
}

// TestAccWebinar_alternativeHostsCommaSeparated: webinars take alternative hosts comma-separated (meetings use
// semicolons). Two alternative hosts apply with an empty plan afterwards, whether or not the account also splits
// on semicolons.
func TestAccWebinar_alternativeHostsCommaSeparated(t *testing.T) {
	for _, semicolons := range []bool{false, true} {
		t.Run(fmt.Sprintf("semicolons=%v", semicolons), func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.WebinarAltHostsSemicolons = semicolons })
			a, b := env.RandomEmail(), env.RandomEmail()
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkWebinarsDestroyed(env),
				Steps: []resource.TestStep{{
					Config: env.Config(fmt.Sprintf(`
resource "zoom_user" "a" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "b" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_webinar" "test" {
  user_id    = %q
  topic      = "tf-acc-webinar-alts"
  start_time = %q
  settings   = { alternative_hosts = [zoom_user.a.email, zoom_user.b.email] }
}
`, a, b, env.Host, zoomUTC(futureUTC(30*time.Hour)))),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("zoom_webinar.test", tfjsonpath.New("settings").AtMapKey("alternative_hosts"),
							knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(a), knownvalue.StringExact(b)})),
					},
				}},
			})
		})
	}
}

// TestAccEvent_importGeneratedPasscode: a passcode Zoom generated may hold characters a request may not send
// (here "(" or "{"). Importing the meeting or webinar and writing that passcode into the configuration
// validates and plans no change; changing it to a value Zoom would refuse is still refused.
func TestAccEvent_importGeneratedPasscode(t *testing.T) {
	for _, kind := range []string{"meeting", "webinar"} {
		t.Run(kind, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.PasscodeRequired = true; p.GeneratedPasscodeSpecials = "({" })
			env.RequireSandbox(t)
			start := zoomUTC(futureUTC(48 * time.Hour))
			topic := acctest.RandomName()
			var id int64
			var passcode string
			if kind == "meeting" {
				m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr(topic), StartTime: client.Ptr(start)}})
				if err != nil {
					t.Fatal(err)
				}
				id, passcode = m.ID, m.Password
			} else {
				w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{EventFields: client.EventFields{Topic: client.Ptr(topic), StartTime: client.Ptr(start)}})
				if err != nil {
					t.Fatal(err)
				}
				id, passcode = w.ID, w.Password
			}
			if !regexp.MustCompile(`[({]`).MatchString(passcode) {
				t.Fatalf("the sandbox generated %q", passcode)
			}
			config := func(pw string) string {
				return env.Config(fmt.Sprintf(`
resource "zoom_%s" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
  password   = %q
}
`, kind, env.Host, topic, start, pw))
			}
			addr := "zoom_" + kind + ".test"
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{Config: config(passcode), ResourceName: addr, ImportState: true, ImportStateId: strconv.FormatInt(id, 10), ImportStatePersist: true},
					{Config: config(passcode), PlanOnly: true},
					{Config: config("new{pass"), PlanOnly: true, ExpectError: regexp.MustCompile(`password must be 1 to 10 characters`)},
				},
			})
		})
	}
}

// TestAccEvent_registrationURLKept: GET /meetings/{meetingId} documents no registration_url (only the create
// answer does) and no webinar answer documents it. The link learnt at creation is kept through refreshes and
// applies, never blanked; what Zoom never reported stays null. Runs with and without the undocumented fields.
func TestAccEvent_registrationURLKept(t *testing.T) {
	for _, undocumented := range []bool{false, true} {
		for _, kind := range []string{"meeting", "webinar"} {
			t.Run(fmt.Sprintf("%s/undocumented=%v", kind, undocumented), func(t *testing.T) {
				env := acctest.New(t, func(p *sandbox.Profile) { p.UndocumentedResponseFields = undocumented })
				env.RequireSandbox(t)
				addr := "zoom_" + kind + ".test"
				config := func(topic string) string {
					return env.Config(fmt.Sprintf(`
resource "zoom_%s" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
  settings   = { approval_type = 0 }
}
`, kind, env.Host, topic, zoomUTC(futureUTC(30*time.Hour))))
				}
				var want knownvalue.Check = knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/` + kind + `/register/`))
				if kind == "webinar" && !undocumented {
					want = knownvalue.Null()
				}
				same := statecheck.CompareValue(compare.ValuesSame())
				checks := func() []statecheck.StateCheck {
					out := []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("registration_url"), want),
						same.AddStateValue(addr, tfjsonpath.New("registration_url")),
					}
					if kind == "meeting" && !undocumented {
						out = append(out, statecheck.ExpectKnownValue(addr, tfjsonpath.New("pstn_password"), knownvalue.Null()))
					}
					return out
				}
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
					Steps: []resource.TestStep{
						{Config: config("tf-acc-reg-1"), ConfigStateChecks: checks()},
						// An apply refreshes first (GET) and then updates the topic (PATCH, then GET).
						{Config: config("tf-acc-reg-2"), ConfigStateChecks: checks()},
					},
				})
			})
		}
	}
}
