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

// registrantPortalKnobs are the settings of the two unconfirmed answers around a registration changed in the
// portal: whether Zoom answers an unknown registrant with 400 or 404, and whether a cancelled registration stays
// (denied) or disappears. Each runs in its own sandbox, under the provider local name given here.
var registrantPortalKnobs = []struct{ name, unknown, cancelled string }{
	{"badrequestdenied", sandbox.UnknownRegistrant400, sandbox.RegistrantCancelDenied},
	{"badrequestdeleted", sandbox.UnknownRegistrant400, sandbox.RegistrantCancelDeleted},
	{"notfounddenied", sandbox.UnknownRegistrant404, sandbox.RegistrantCancelDenied},
	{"notfounddeleted", sandbox.UnknownRegistrant404, sandbox.RegistrantCancelDeleted},
}

// registrantLifecycle (formerly TestAccRegistrant_lifecycle, now part of TestAccEvent_lifecycle) runs the matrix
// of meeting and webinar registrants, each scenario with its own resources side by side in one configuration, and
// the scenarios that depend on unconfirmed Zoom
// behaviour under every setting of their sandbox knobs (one sandbox and provider instance per setting, see
// sandboxSet; against a real account they run once, on it, or not at all when they need the sandbox):
//   - a registrant of a meeting with manual approval is pending (and imported so), then approved in place;
//   - a denial in the portal is drift, approved again in place, for a meeting and a webinar registrant (imported
//     after the repair);
//   - a new registration field replaces the registration; one removed in the portal is registered again;
//   - a for_each list of people is registered on a meeting with automatic approval, and deregistered when removed;
//   - under each unknown-registrant answer and cancellation outcome, a registration cancelled or removed in the
//     portal is drift that the next apply repairs without error;
//   - custom questions keep the configured answers under either questions knob (registrant_questions_test.go);
//   - registering on a meeting that takes no registrations fails with an error naming the setting (the apply that
//     must fail);
//   - destroy leaves no registrant, meeting or webinar behind.
func registrantLifecycle(t *testing.T, env *acctest.Env) lifecyclePart {
	var set sandboxSet
	if !acctest.RealAccount() {
		profiles := map[string]func(*sandbox.Profile){}
		for _, k := range registrantPortalKnobs {
			profiles[k.name] = func(p *sandbox.Profile) { p.UnknownRegistrant = k.unknown; p.RegistrantCancelStatus = k.cancelled }
		}
		for name, profile := range registrantQuestionsProfiles {
			profiles[name] = profile
		}
		set = newSandboxes(t, profiles)
	}
	webinarRegistrantAddr := "zoom_webinar_registrant.test"
	email := map[string]string{}
	for _, n := range []string{"test", "pending", "denied", "renamed", "removed", "webinar", "closed"} {
		email[n] = env.RandomEmail()
	}
	attendees := []string{env.RandomEmail(), env.RandomEmail(), env.RandomEmail()}
	refs := map[string]*registrantRef{}
	capture := func(addr string) statecheck.StateCheck {
		refs[addr] = &registrantRef{}
		return refs[addr].captureNow(addr)
	}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	topic, start := acctest.RandomName(), zoomUTC(futureUTC(70*time.Hour))

	questions := map[string]string{"zoom": registrantQuestionsConfig("zoom", env)}
	for name := range registrantQuestionsProfiles {
		if kenv := set.envs[name]; kenv != nil {
			questions[name] = registrantQuestionsConfig(name, kenv)
		}
	}

	// registrant is a registrant of zoom_meeting.m (manual approval) with every registration field.
	registrant := func(name, firstName, status string) string {
		statusLine := ""
		if status != "" {
			statusLine = fmt.Sprintf("  status     = %q\n", status)
		}
		return fmt.Sprintf(`
resource "zoom_meeting_registrant" %q {
  meeting_id = zoom_meeting.m.id
  email      = %q
  first_name = %q
  last_name  = "Hopper"
  org        = "Navy"
  country    = "US"
  custom_questions = [{ title = "Team", value = "Compilers" }]
%s}
`, name, email[name], firstName, statusLine)
	}
	// build is the configuration before (second false) and after the changes of the second apply; closed adds
	// a registrant of a meeting that takes no registrations; base leaves out the knob and questions scenarios
	// (for the import steps, whose working directories need only the imported registrants and their parents).
	build := func(second, closed, base bool) string {
		var b strings.Builder
		fmt.Fprintf(&b, `
resource "zoom_meeting" "m" {
  user_id    = %[1]q
  topic      = %[2]q
  start_time = %[3]q
  settings = {
    approval_type = 1
  }
}

resource "zoom_webinar" "w" {
  user_id    = %[1]q
  topic      = %[2]q
  start_time = %[3]q
  settings = {
    approval_type = 0
  }
}

resource "zoom_webinar_registrant" "test" {
  webinar_id = zoom_webinar.w.id
  email      = %[4]q
  first_name = "Katherine"
  last_name  = "Johnson"
  language   = "en-US"
  status     = "approved"
}

resource "zoom_meeting" "training" {
  user_id    = %[1]q
  topic      = "tf-acc-training"
  start_time = %[3]q
  settings = {
    approval_type = 0
  }
}
`, env.Host, topic, start, email["webinar"])
		b.WriteString(registrant("pending", "Grace", ""))
		b.WriteString(registrant("denied", "Grace", "approved"))
		b.WriteString(registrant("removed", "Grace", "approved"))
		if !second {
			b.WriteString(registrant("test", "Grace", ""))
			b.WriteString(registrant("renamed", "Grace", "approved"))
			fmt.Fprintf(&b, `
variable "attendees" {
  type    = list(string)
  default = [%q, %q, %q]
}

resource "zoom_meeting_registrant" "attendee" {
  for_each   = toset(var.attendees)
  meeting_id = zoom_meeting.training.id
  email      = each.value
  first_name = split("@", each.value)[0]
}
`, attendees[0], attendees[1], attendees[2])
		} else {
			b.WriteString(registrant("test", "Grace", "approved"))
			b.WriteString(registrant("renamed", "Amazing Grace", "approved"))
		}
		if closed {
			fmt.Fprintf(&b, `
resource "zoom_meeting" "closed" {
  user_id    = %q
  topic      = "tf-acc-no-registration"
  start_time = %q
}

resource "zoom_meeting_registrant" "closed" {
  meeting_id = zoom_meeting.closed.id
  email      = %q
  first_name = "Ada"
}
`, env.Host, start, email["closed"])
		}
		if base {
			return b.String()
		}
		if set.names == nil {
			b.WriteString(questions["zoom"])
		}
		for _, k := range registrantPortalKnobs {
			if kenv := set.envs[k.name]; kenv != nil {
				b.WriteString(kenv.ProviderBlock(k.name))
				fmt.Fprintf(&b, `
resource "zoom_meeting" %[1]q {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-knobs"
  start_time = %[3]q
  settings   = { approval_type = 0 }
}

resource "zoom_meeting_registrant" "%[1]s_cancelled" {
  provider   = %[1]s
  meeting_id = zoom_meeting.%[1]s.id
  email      = "cancelled-%[1]s@example.com"
  first_name = "Ada"
  status     = "approved"
}

resource "zoom_meeting_registrant" "%[1]s_removed" {
  provider   = %[1]s
  meeting_id = zoom_meeting.%[1]s.id
  email      = "removed-%[1]s@example.com"
  first_name = "Ada"
  status     = "approved"
}
`, k.name, kenv.Host, start)
			}
		}
		for name := range registrantQuestionsProfiles {
			if kenv := set.envs[name]; kenv != nil {
				b.WriteString(kenv.ProviderBlock(name))
				b.WriteString(questions[name])
			}
		}
		return b.String()
	}
	config := func(second, closed bool) string { return build(second, closed, false) }

	created := []statecheck.StateCheck{
		sameID.AddStateValue(meetingRegistrantAddr, tfjsonpath.New("id")),
		statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(registrantIDPattern)),
		statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("pending")),
		statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("join_url"), knownvalue.StringExact("")),
		statecheck.ExpectSensitiveValue(meetingRegistrantAddr, tfjsonpath.New("join_url")),
		statecheck.ExpectKnownValue("zoom_meeting_registrant.pending", tfjsonpath.New("status"), knownvalue.StringExact("pending")),
		statecheck.ExpectKnownValue(webinarRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
		statecheck.ExpectKnownValue(webinarRegistrantAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(registrantIDPattern)),
		approvedRegistrants{env: env, meeting: "zoom_meeting.training", want: len(attendees)},
		capture("zoom_meeting_registrant.denied"),
		capture("zoom_meeting_registrant.removed"),
		capture(webinarRegistrantAddr),
	}
	// Out-of-band changes in the portal, and what the plan makes of them.
	portal := []func(){
		func() {
			r := refs["zoom_meeting_registrant.denied"]
			if err := env.Client.MeetingRegistrants.UpdateStatus(acctest.Ctx(), r.parent, client.RegistrantActionCancel,
				[]client.RegistrantRef{{ID: r.id, Email: email["denied"]}}); err != nil {
				t.Fatalf("out-of-band cancel: %v", err)
			}
		},
		func() {
			r := refs["zoom_meeting_registrant.removed"]
			if err := env.Client.MeetingRegistrants.Delete(acctest.Ctx(), r.parent, r.id, ""); err != nil {
				t.Fatalf("out-of-band delete: %v", err)
			}
		},
		func() {
			r := refs[webinarRegistrantAddr]
			if err := env.Client.WebinarRegistrants.UpdateStatus(acctest.Ctx(), r.parent, client.RegistrantActionDeny,
				[]client.RegistrantRef{{ID: r.id}}); err != nil {
				t.Fatalf("out-of-band deny: %v", err)
			}
		},
	}
	planned := []plancheck.PlanCheck{
		// Approving the pending registrant happens in place.
		plancheck.ExpectResourceAction(meetingRegistrantAddr, plancheck.ResourceActionUpdate),
		// Denied in the portal: drift, approved again in place.
		plancheck.ExpectResourceAction("zoom_meeting_registrant.denied", plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue("zoom_meeting_registrant.denied", tfjsonpath.New("status"), knownvalue.StringExact("approved")),
		plancheck.ExpectResourceAction(webinarRegistrantAddr, plancheck.ResourceActionUpdate),
		// Zoom cannot change a registration: a new name replaces it.
		plancheck.ExpectResourceAction("zoom_meeting_registrant.renamed", plancheck.ResourceActionDestroyBeforeCreate),
		// Removed in the portal: registered again.
		plancheck.ExpectResourceAction("zoom_meeting_registrant.removed", plancheck.ResourceActionCreate),
	}
	changed := []statecheck.StateCheck{
		sameID.AddStateValue(meetingRegistrantAddr, tfjsonpath.New("id")),
		statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
		statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("join_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
		statecheck.ExpectKnownValue("zoom_meeting_registrant.removed", tfjsonpath.New("status"), knownvalue.StringExact("approved")),
		approvedRegistrants{env: env, meeting: "zoom_meeting.training", want: 0},
	}
	destroyed := []resource.TestCheckFunc{checkRegistrantsDestroyed(env), checkMeetingsDestroyed(env), checkWebinarsDestroyed(env)}
	for _, k := range registrantPortalKnobs {
		kenv := set.envs[k.name]
		if kenv == nil {
			continue
		}
		cancelled, removed := "zoom_meeting_registrant."+k.name+"_cancelled", "zoom_meeting_registrant."+k.name+"_removed"
		created = append(created, capture(cancelled), capture(removed))
		portal = append(portal, func() {
			r := refs[cancelled]
			if err := kenv.Client.MeetingRegistrants.UpdateStatus(acctest.Ctx(), r.parent, client.RegistrantActionCancel,
				[]client.RegistrantRef{{ID: r.id}}); err != nil {
				t.Fatalf("%s: out-of-band cancel: %v", k.name, err)
			}
			r = refs[removed]
			if err := kenv.Client.MeetingRegistrants.Delete(acctest.Ctx(), r.parent, r.id, ""); err != nil {
				t.Fatalf("%s: out-of-band delete: %v", k.name, err)
			}
		})
		// A cancellation that deletes the registration is planned as a new registration.
		afterCancel := plancheck.ResourceActionUpdate
		if k.cancelled == sandbox.RegistrantCancelDeleted {
			afterCancel = plancheck.ResourceActionCreate
		}
		planned = append(planned,
			plancheck.ExpectResourceAction(cancelled, afterCancel),
			plancheck.ExpectResourceAction(removed, plancheck.ResourceActionCreate))
		changed = append(changed,
			statecheck.ExpectKnownValue(cancelled, tfjsonpath.New("status"), knownvalue.StringExact("approved")),
			statecheck.ExpectKnownValue(removed, tfjsonpath.New("status"), knownvalue.StringExact("approved")))
		destroyed = append(destroyed, checkRegistrantsDestroyed(kenv))
	}
	if set.names == nil {
		created = append(created, registrantQuestionsChecks("zoom")...)
	}
	for name := range registrantQuestionsProfiles {
		if set.envs[name] != nil {
			created = append(created, registrantQuestionsChecks(name)...)
		}
	}

	return lifecyclePart{
		names: set.names, config: config, created: created, portal: portal, planned: planned, changed: changed,
		imports: []resource.TestStep{
			{Config: env.Config(build(true, false, true)), ResourceName: "zoom_meeting_registrant.pending", ImportState: true, ImportStateVerify: true},
			{Config: env.Config(build(true, false, true)), ResourceName: webinarRegistrantAddr, ImportState: true, ImportStateVerify: true},
		},
		failing:   []wantDiag{diagAbout("zoom_meeting_registrant.closed", `does not take registrations.*settings.approval_type = 0`)},
		destroyed: destroyed,
	}
}

// registrantValidation (formerly TestAccRegistrant_validation, now in TestAccEvent_edgeCases) rejects bad input
// and a bad meeting ID at plan time, in the plan that fails validation (a registrant each).
func registrantValidation(c *eventCase) {
	cases := []struct{ body, want string }{
		{`meeting_id = "85746065432"` + "\n  email = \"nobody\"", `not a plain e-mail address`},
		{`meeting_id = "85746065432"` + "\n  email = \"a@example.com\"\n  language = \"xx-XX\"", `language value must be one of`},
		{`meeting_id = "85746065432"` + "\n  email = \"a@example.com\"\n  country = \"usa\"", `two-letter`},
		{`meeting_id = "85746065432"` + "\n  email = \"a@example.com\"\n  status = \"cancelled\"", `status value must be one of`},
		{`meeting_id = "85746065432"` + "\n  email = \"a@example.com\"\n  custom_questions = [{ title = \"\", value = \"x\" }]", `Each custom question needs its title`},
		{`meeting_id = "abc"` + "\n  email = \"a@example.com\"", `must be a meeting ID`},
	}
	for i, tc := range cases {
		c.add(fmt.Sprintf(`
resource "zoom_meeting_registrant" "c%d" {
  first_name = "Ada"
  %s
}
`, i, tc.body), eventValidate)
		c.fail(eventValidate, diagAbout(fmt.Sprintf("zoom_meeting_registrant.c%d", i), tc.want))
	}
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
