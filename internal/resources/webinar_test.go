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
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const (
	webinarAddr       = "zoom_webinar.test"
	routePatchWebinar = "PATCH /v2/webinars/{webinarId}"
)

// checkWebinarsDestroyed verifies that no webinar from the state still exists.
func checkWebinarsDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_webinar" {
				continue
			}
			id, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
			if err != nil {
				return err
			}
			_, err = env.Client.Webinars.Get(acctest.Ctx(), id, nil)
			if err == nil {
				return fmt.Errorf("zoom_webinar %d still exists after destroy", id)
			}
			if !client.IsNotFound(err) {
				return fmt.Errorf("checking zoom_webinar %d: %v", id, err)
			}
		}
		return nil
	}
}

// TestAccWebinar_lifecycle runs the matrix on a webinar with panelist, Q&A and reminder settings: create, empty
// plan after apply and refresh, import, update in place with one PATCH, drift from the portal, replacement when
// the host changes, out-of-band delete and re-creation, destroy.
func TestAccWebinar_lifecycle(t *testing.T) {
	env := acctest.New(t)
	start := futureUTC(120 * time.Hour)
	topic := acctest.RandomName()
	otherHost := env.RandomEmail()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	counter := requestCounter{env}
	ref := &meetingRef{}
	config := func(host, topic, settings string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_user" "other_host" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_webinar" "test" {
  user_id    = %s
  topic      = %q
  start_time = %q
  duration   = 90
  timezone   = "America/New_York"
  password   = "Launch!1"
  settings = {
%s
  }
}
`, otherHost, host, topic, zoomUTC(start), settings))
	}
	v1 := `    panelists_video  = true
    practice_session = true
    hd_video         = true
    approval_type    = 0
    question_and_answer = {
      enable                    = true
      allow_anonymous_questions = false
    }
    attendees_and_panelists_reminder_email_notification = {
      enable = true
      type   = 3
    }`
	v2 := `    panelists_video  = true
    practice_session = false
    hd_video         = true
    approval_type    = 0
    registrants_restrict_number = 250
    question_and_answer = {
      enable                    = true
      allow_anonymous_questions = true
    }
    attendees_and_panelists_reminder_email_notification = {
      enable = true
      type   = 3
    }`
	host := fmt.Sprintf("%q", env.Host)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkWebinarsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config(host, topic, v1),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(webinarAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(meetingIDPattern)),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("type"), knownvalue.StringExact("scheduled")),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("enable"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("audio"), knownvalue.StringExact("both")),
					// No webinar answer documents registration_url, so Zoom (and the sandbox) never report it.
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("registration_url"), knownvalue.Null()),
					statecheck.ExpectSensitiveValue(webinarAddr, tfjsonpath.New("start_url")),
					statecheck.ExpectSensitiveValue(webinarAddr, tfjsonpath.New("join_url")),
					statecheck.ExpectSensitiveValue(webinarAddr, tfjsonpath.New("password")),
				},
			},
			{
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: webinarAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"start_url"}},
			// Update in place with one PATCH, nested settings included.
			{
				PreConfig: counter.reset,
				Config:    config(host, topic+"-v2", v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webinarAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(webinarAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("registrants_restrict_number"), knownvalue.Int64Exact(250)),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("allow_anonymous_questions"), knownvalue.Bool(true)),
					counter.expectNow(routePatchWebinar, 1),
					ref.captureNow(webinarAddr),
				},
			},
			// Changes in the portal show up as drift on those fields only.
			{
				PreConfig: func() {
					if err := env.Client.Webinars.Update(acctest.Ctx(), ref.id, &client.WebinarRequest{
						Settings: &client.WebinarSettings{PracticeSession: client.Ptr(true),
							QuestionAndAnswer: &client.QuestionAndAnswer{Enable: client.Ptr(false)}},
					}); err != nil {
						t.Fatalf("out-of-band change: %v", err)
					}
				},
				Config: config(host, topic+"-v2", v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webinarAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("practice_session"), knownvalue.Bool(false)),
					plancheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("question_and_answer").AtMapKey("enable"), knownvalue.Bool(true)),
				}},
			},
			// A new host replaces the webinar.
			{
				Config: config("zoom_user.other_host.email", topic+"-v2", v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webinarAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: ref.capture(webinarAddr),
			},
			// Deleted in the portal: created again.
			{
				PreConfig: func() {
					if err := env.Client.Webinars.Delete(acctest.Ctx(), ref.id, nil); err != nil {
						t.Fatalf("out-of-band delete: %v", err)
					}
				},
				Config: config("zoom_user.other_host.email", topic+"-v2", v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webinarAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// TestAccWebinar_recurringAndUpdateOnlySetting: a weekly webinar with a local start time keeps an empty plan, and
// registrants_confirmation_email (which Zoom only takes on update) is applied right after the create.
func TestAccWebinar_recurringAndUpdateOnlySetting(t *testing.T) {
	env := acctest.New(t)
	counter := requestCounter{env}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	day := time.Now().In(tokyo).AddDate(0, 0, 9)
	local := time.Date(day.Year(), day.Month(), day.Day(), 19, 0, 0, 0, tokyo).Format("2006-01-02T15:04:05")
	config := env.Config(fmt.Sprintf(`
resource "zoom_webinar" "test" {
  user_id    = %q
  topic      = %q
  type       = "recurring_fixed_time"
  start_time = %q
  timezone   = "Asia/Tokyo"
  duration   = 45
  recurrence = {
    type        = "weekly"
    weekly_days = [3]
    end_times   = 4
  }
  settings = {
    approval_type                  = 1
    registration_type              = 3
    registrants_confirmation_email = false
  }
}
`, env.Host, acctest.RandomName(), local))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkWebinarsDestroyed(env),
		Steps: []resource.TestStep{
			{
				PreConfig: counter.reset,
				Config:    config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(local)),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(4)),
					statecheck.ExpectKnownValue(webinarAddr, tfjsonpath.New("settings").AtMapKey("registrants_confirmation_email"), knownvalue.Bool(false)),
					counter.expectNow(routePatchWebinar, 1),
				},
			},
		},
	})
}

// TestAccWebinar_addonMissing: without the webinar add-on (for the account, or for the host) the apply fails with
// an error that names the add-on, and nothing is created.
func TestAccWebinar_addonMissing(t *testing.T) {
	for name, profile := range map[string]func(*sandbox.Profile){
		"account": func(p *sandbox.Profile) { p.WebinarAddon = false },
		"host":    func(p *sandbox.Profile) { p.WebinarUnlicensedUsers = []string{p.OwnerEmail} },
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.New(t, profile)
			env.RequireSandbox(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy: func(*terraform.State) error {
					if n := env.Sandbox.RequestStats().ByRoute["POST /v2/users/{userId}/webinars"]; n != 1 {
						return fmt.Errorf("%d create requests, want 1", n)
					}
					env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = true; p.WebinarUnlicensedUsers = nil })
					ws, err := env.Client.Webinars.List(acctest.Ctx(), env.Host, nil)
					if err != nil || len(ws) != 0 {
						return fmt.Errorf("webinars left behind: %v, %v", ws, err)
					}
					return nil
				},
				Steps: []resource.TestStep{{
					Config: env.Config(fmt.Sprintf(`
resource "zoom_webinar" "test" {
  user_id    = %q
  topic      = "tf-acc-no-addon"
  start_time = %q
}
`, env.Host, zoomUTC(futureUTC(50*time.Hour)))),
					ExpectError: regexp.MustCompile(`(?s)Error creating Zoom webinar.*Webinar add-on is missing.*webinar licence`),
				}},
			})
		})
	}
}

// TestAccWebinar_validation rejects bad input at plan time.
func TestAccWebinar_validation(t *testing.T) {
	env := acctest.New(t)
	start := zoomUTC(futureUTC(48 * time.Hour))
	cases := []struct{ body, want string }{
		{`  type = "instant"`, `is not a webinar type`},
		{``, `A scheduled webinar needs a start_time`},
		{"  start_time = \"" + start + "\"\n  password = \"toolongpass1\"", `password string length must be between 1 and 10`},
		{"  start_time = \"" + start + "\"\n  password = \"ok!but(no\"", `must be 1 to 10 characters from letters`},
		{"  start_time = \"" + start + "\"\n  settings = { registrants_restrict_number = 20001 }", `registrants_restrict_number value must be between 0 and`},
		{"  start_time = \"" + start + "\"\n  settings = { question_and_answer = { answer_questions = \"some\" } }", `answer_questions value must be one of`},
		{"  start_time = \"" + start + "\"\n  settings = { attendees_and_panelists_reminder_email_notification = { type = 8 } }", `notification.type\s+value must be one of`},
		{"  start_time = \"" + start + "\"\n  settings = { post_webinar_survey = false, survey_url = \"https://example.com\" }", `survey_url is only used with post_webinar_survey`},
		{"  type = \"recurring_fixed_time\"\n  start_time = \"" + start + "\"", `needs a recurrence block`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_webinar" "test" {
  user_id = "someone@example.com"
  topic   = "tf-acc-validation"
%s
}
`, c.body)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)` + c.want),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
}
