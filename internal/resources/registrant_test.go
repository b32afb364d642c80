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

const meetingRegistrantAddr = "zoom_meeting_registrant.test"

var registrantIDPattern = regexp.MustCompile(`^[1-9][0-9]{9,11}/[A-Za-z0-9_-]{22}$`)

// registrantRef remembers a registrant's parent and ID for PreConfig functions.
type registrantRef struct {
	parent int64
	id     string
}

func (r *registrantRef) capture(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		p, id, _ := strings.Cut(rs.Primary.ID, "/")
		n, err := strconv.ParseInt(p, 10, 64)
		r.parent, r.id = n, id
		return err
	}
}

// captureNow is capture as a state check, for steps that have ConfigStateChecks anyway (a Check would cost one
// more terraform show).
func (r *registrantRef) captureNow(addr string) statecheck.StateCheck {
	return registrantCapture{r, addr}
}

type registrantCapture struct {
	r    *registrantRef
	addr string
}

func (c registrantCapture) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s not in state: the state is empty", c.addr)
		return
	}
	for _, res := range req.State.Values.RootModule.Resources {
		if res.Address != c.addr {
			continue
		}
		id, _ := res.AttributeValues["id"].(string)
		p, rid, _ := strings.Cut(id, "/")
		n, err := strconv.ParseInt(p, 10, 64)
		c.r.parent, c.r.id, resp.Error = n, rid, err
		return
	}
	resp.Error = fmt.Errorf("%s not in state", c.addr)
}

// checkRegistrantsDestroyed verifies that no registrant from the state is still registered.
func checkRegistrantsDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_meeting_registrant" && rs.Type != "zoom_webinar_registrant" {
				continue
			}
			p, id, _ := strings.Cut(rs.Primary.ID, "/")
			parent, _ := strconv.ParseInt(p, 10, 64)
			var err error
			if rs.Type == "zoom_meeting_registrant" {
				_, err = env.Client.MeetingRegistrants.Get(acctest.Ctx(), parent, id)
			} else {
				_, err = env.Client.WebinarRegistrants.Get(acctest.Ctx(), parent, id)
			}
			if err == nil {
				return fmt.Errorf("%s %s is still registered after destroy", rs.Type, rs.Primary.ID)
			}
		}
		return nil
	}
}

// TestAccMeetingRegistrant_lifecycle: a registrant of a meeting with manual approval is pending, is approved in
// place, is imported, shows a denial in the portal as drift, is replaced when a registration field changes, is
// registered again after being removed in the portal, and is removed on destroy.
func TestAccMeetingRegistrant_lifecycle(t *testing.T) {
	env := acctest.New(t)
	email := env.RandomEmail()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	ref := &registrantRef{}
	topic := acctest.RandomName()
	config := func(firstName, status string) string {
		statusLine := ""
		if status != "" {
			statusLine = fmt.Sprintf("  status     = %q\n", status)
		}
		return env.Config(fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = %q
  start_time = %q
  settings = {
    approval_type = 1
  }
}

resource "zoom_meeting_registrant" "test" {
  meeting_id = zoom_meeting.m.id
  email      = %q
  first_name = %q
  last_name  = "Hopper"
  org        = "Navy"
  country    = "US"
  custom_questions = [{ title = "Team", value = "Compilers" }]
%s}
`, env.Host, topic, zoomUTC(futureUTC(70*time.Hour)), email, firstName, statusLine))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkRegistrantsDestroyed(env), checkMeetingsDestroyed(env)),
		Steps: []resource.TestStep{
			{
				Config: config("Grace", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(meetingRegistrantAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(registrantIDPattern)),
					statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("pending")),
					statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("join_url"), knownvalue.StringExact("")),
					statecheck.ExpectSensitiveValue(meetingRegistrantAddr, tfjsonpath.New("join_url")),
				},
			},
			{ResourceName: meetingRegistrantAddr, ImportState: true, ImportStateVerify: true},
			// Approving the pending registrant happens in place.
			{
				Config: config("Grace", "approved"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingRegistrantAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(meetingRegistrantAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
					statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("join_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
					ref.captureNow(meetingRegistrantAddr),
				},
			},
			// Denied in the portal: drift, approved again in place.
			{
				PreConfig: func() {
					if err := env.Client.MeetingRegistrants.UpdateStatus(acctest.Ctx(), ref.parent, client.RegistrantActionCancel,
						[]client.RegistrantRef{{ID: ref.id, Email: email}}); err != nil {
						t.Fatalf("out-of-band cancel: %v", err)
					}
				},
				Config: config("Grace", "approved"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingRegistrantAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
				}},
			},
			// Zoom cannot change a registration: a new name replaces it.
			{
				Config: config("Amazing Grace", "approved"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingRegistrantAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: ref.capture(meetingRegistrantAddr),
			},
			// Removed in the portal: registered again.
			{
				PreConfig: func() {
					if err := env.Client.MeetingRegistrants.Delete(acctest.Ctx(), ref.parent, ref.id, ""); err != nil {
						t.Fatalf("out-of-band delete: %v", err)
					}
				},
				Config: config("Amazing Grace", "approved"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(meetingRegistrantAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
				},
			},
		},
	})
}

// TestAccMeetingRegistrant_forEach registers a list of people on a meeting with automatic approval.
func TestAccMeetingRegistrant_forEach(t *testing.T) {
	env := acctest.New(t)
	people := []string{env.RandomEmail(), env.RandomEmail(), env.RandomEmail()}
	meeting := fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = "tf-acc-training"
  start_time = %q
  settings = {
    approval_type = 0
  }
}
`, env.Host, zoomUTC(futureUTC(30*time.Hour)))
	// The legacy state shim behind Check and CheckDestroy cannot address for_each instances, so the checks read
	// the JSON state, and the last step removes the registrants and checks that none is left.
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(meeting + fmt.Sprintf(`
variable "attendees" {
  type    = list(string)
  default = [%q, %q, %q]
}

resource "zoom_meeting_registrant" "attendee" {
  for_each   = toset(var.attendees)
  meeting_id = zoom_meeting.m.id
  email      = each.value
  first_name = split("@", each.value)[0]
}
`, people[0], people[1], people[2])),
			ConfigStateChecks: []statecheck.StateCheck{approvedRegistrants{env: env, meeting: "zoom_meeting.m", want: len(people)}},
		}, {
			Config:            env.Config(meeting),
			ConfigStateChecks: []statecheck.StateCheck{approvedRegistrants{env: env, meeting: "zoom_meeting.m", want: 0}},
		}},
	})
}

// TestAccMeetingRegistrant_registrationOff: registering on a meeting that does not take registrations fails with
// an error that names the meeting setting to change.
func TestAccMeetingRegistrant_registrationOff(t *testing.T) {
	env := acctest.New(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkMeetingsDestroyed(env),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = "tf-acc-no-registration"
  start_time = %q
}

resource "zoom_meeting_registrant" "test" {
  meeting_id = zoom_meeting.m.id
  email      = %q
  first_name = "Ada"
}
`, env.Host, zoomUTC(futureUTC(30*time.Hour)), env.RandomEmail())),
			ExpectError: regexp.MustCompile(`(?s)does not take registrations.*settings.approval_type = 0`),
		}},
	})
}

// TestAccWebinarRegistrant_lifecycle: a webinar registrant with automatic approval, a denial in the portal
// shown as drift, import, and destroy.
func TestAccWebinarRegistrant_lifecycle(t *testing.T) {
	env := acctest.New(t)
	email := env.RandomEmail()
	ref := &registrantRef{}
	config := env.Config(fmt.Sprintf(`
resource "zoom_webinar" "w" {
  user_id    = %q
  topic      = %q
  start_time = %q
  settings = {
    approval_type = 0
  }
}

resource "zoom_webinar_registrant" "test" {
  webinar_id = zoom_webinar.w.id
  email      = %q
  first_name = "Katherine"
  last_name  = "Johnson"
  language   = "en-US"
  status     = "approved"
}
`, env.Host, acctest.RandomName(), zoomUTC(futureUTC(80*time.Hour)), email))
	addr := "zoom_webinar_registrant.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkRegistrantsDestroyed(env), checkWebinarsDestroyed(env)),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(registrantIDPattern)),
					ref.captureNow(addr),
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true},
			{
				PreConfig: func() {
					if err := env.Client.WebinarRegistrants.UpdateStatus(acctest.Ctx(), ref.parent, client.RegistrantActionDeny,
						[]client.RegistrantRef{{ID: ref.id}}); err != nil {
						t.Fatalf("out-of-band cancel: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

// TestAccRegistrant_validation rejects bad input at plan time and bad import IDs.
func TestAccRegistrant_validation(t *testing.T) {
	env := acctest.New(t)
	cases := []struct{ body, want string }{
		{`email = "nobody"`, `not a plain e-mail address`},
		{`email = "a@example.com"` + "\n  language = \"xx-XX\"", `language value must be one of`},
		{`email = "a@example.com"` + "\n  country = \"usa\"", `two-letter`},
		{`email = "a@example.com"` + "\n  status = \"cancelled\"", `status value must be one of`},
		{`email = "a@example.com"` + "\n  custom_questions = [{ title = \"\", value = \"x\" }]", `Each custom question needs its title`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting_registrant" "test" {
  meeting_id = "85746065432"
  first_name = "Ada"
  %s
}
`, c.body)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)` + c.want),
		})
	}
	steps = append(steps, resource.TestStep{
		Config: env.Config(`
resource "zoom_meeting_registrant" "test" {
  meeting_id = "abc"
  email      = "a@example.com"
  first_name = "Ada"
}
`),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`must be a meeting ID`),
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
}

// approvedRegistrants checks through the API that a meeting (a resource address in the state) has want approved
// registrants.
type approvedRegistrants struct {
	env     *acctest.Env
	meeting string
	want    int
}

func (c approvedRegistrants) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != c.meeting {
			continue
		}
		id, err := strconv.ParseInt(fmt.Sprint(r.AttributeValues["id"]), 10, 64)
		if err != nil {
			resp.Error = err
			return
		}
		rs, err := c.env.Client.MeetingRegistrants.List(ctx, id, nil)
		if err != nil || len(rs) != c.want {
			resp.Error = fmt.Errorf("approved registrants = %d (%v), want %d", len(rs), err, c.want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in state", c.meeting)
}

// TestAccMeetingRegistrant_portalChangesUnderEachAnswer: whether Zoom answers an unknown registrant with 400 or
// 404, and whether a cancelled registration stays (denied) or disappears (both unconfirmed, sandbox knobs), a
// registration removed or cancelled in the portal is drift that the next apply repairs without error.
func TestAccMeetingRegistrant_portalChangesUnderEachAnswer(t *testing.T) {
	for _, unknown := range []string{sandbox.UnknownRegistrant400, sandbox.UnknownRegistrant404} {
		for _, cancelled := range []string{sandbox.RegistrantCancelDenied, sandbox.RegistrantCancelDeleted} {
			t.Run(unknown+"/"+cancelled, func(t *testing.T) {
				env := acctest.New(t, func(p *sandbox.Profile) { p.UnknownRegistrant = unknown; p.RegistrantCancelStatus = cancelled })
				env.RequireSandbox(t)
				email, ref := env.RandomEmail(), &registrantRef{}
				config := env.Config(fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = "tf-acc-knobs"
  start_time = %q
  settings   = { approval_type = 0 }
}

resource "zoom_meeting_registrant" "test" {
  meeting_id = zoom_meeting.m.id
  email      = %q
  first_name = "Ada"
  status     = "approved"
}
`, env.Host, zoomUTC(futureUTC(40*time.Hour)), email))
				// A cancellation that deletes the registration is planned as a new registration.
				afterCancel := plancheck.ResourceActionUpdate
				if cancelled == sandbox.RegistrantCancelDeleted {
					afterCancel = plancheck.ResourceActionCreate
				}
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
					CheckDestroy:             checkRegistrantsDestroyed(env),
					Steps: []resource.TestStep{
						{Config: config, Check: ref.capture(meetingRegistrantAddr)},
						{
							PreConfig: func() {
								if err := env.Client.MeetingRegistrants.UpdateStatus(acctest.Ctx(), ref.parent, client.RegistrantActionCancel,
									[]client.RegistrantRef{{ID: ref.id}}); err != nil {
									t.Fatalf("out-of-band cancel: %v", err)
								}
							},
							Config: config,
							ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(meetingRegistrantAddr, afterCancel),
							}},
							Check: ref.capture(meetingRegistrantAddr),
						},
						{
							PreConfig: func() {
								if err := env.Client.MeetingRegistrants.Delete(acctest.Ctx(), ref.parent, ref.id, ""); err != nil {
									t.Fatalf("out-of-band delete: %v", err)
								}
							},
							Config: config,
							ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(meetingRegistrantAddr, plancheck.ResourceActionCreate),
							}},
						},
					},
				})
			})
		}
	}
}
