package resources_test

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
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

const vacationAddr = "zoom_mail_vacation.test"

// mailTest runs a test case. Against a real account the mail tests share one mailbox (ZOOM_ACC_HOST_EMAIL), so
// they run one after the other there; each sandbox test has its own account and runs in parallel.
func mailTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	tc.ProtoV6ProviderFactories = acctest.ProtoV6ProviderFactories
	if acctest.RealAccount() {
		acctest.Test(t, tc)
		return
	}
	acctest.ParallelTest(t, tc)
}

// vacationConfig is a zoom_mail_vacation "test" for mailbox with the given arguments.
func vacationConfig(env *acctest.Env, mailbox, args string) string {
	return env.Config(fmt.Sprintf(`
resource "zoom_mail_vacation" "test" {
  mailbox = %q
%s
}
`, mailbox, args))
}

// vacationOff reports why mailbox's responder is not off and cleared, or nil.
func vacationOff(env *acctest.Env, mailbox string) error {
	v, err := env.Client.Mail.GetVacation(acctest.Ctx(), mailbox)
	if err != nil {
		return fmt.Errorf("reading the vacation responder of %s: %v", mailbox, err)
	}
	var left []string
	if v.EnableAutoReply == nil || *v.EnableAutoReply {
		left = append(left, "enableAutoReply")
	}
	for name, s := range map[string]*string{
		"responseSubject": v.ResponseSubject, "responseBodyPlainText": v.ResponseBodyPlainText, "responseBodyHtml": v.ResponseBodyHTML,
		"startTime": v.StartTime, "endTime": v.EndTime, "startTimeISO": v.StartTimeISO, "endTimeISO": v.EndTimeISO,
	} {
		if s != nil && *s != "" {
			left = append(left, name+"="+*s)
		}
	}
	if len(left) > 0 {
		return fmt.Errorf("the vacation responder of %s is not off and cleared: %s", mailbox, strings.Join(left, ", "))
	}
	return nil
}

// checkVacationsOff is the CheckDestroy of mail tests: every mailbox of the state has its responder off and cleared.
func checkVacationsOff(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_mail_vacation" {
				continue
			}
			if err := vacationOff(env, rs.Primary.Attributes["mailbox"]); err != nil {
				return err
			}
		}
		return nil
	}
}

// editVacation is a PreConfig that changes mailbox's responder through the API, as the Zoom Mail client would:
// it reads the whole setting, edits it and writes it back.
func editVacation(t *testing.T, env *acctest.Env, mailbox string, edit func(v *client.MailVacation)) func() {
	return func() {
		v, err := env.Client.Mail.GetVacation(acctest.Ctx(), mailbox)
		if err != nil {
			t.Fatalf("out-of-band read: %v", err)
		}
		edit(v)
		if _, err := env.Client.Mail.UpdateVacation(acctest.Ctx(), mailbox, v); err != nil {
			t.Fatalf("out-of-band change: %v", err)
		}
	}
}

// resetVacation is a PreConfig that resets mailbox's responder out of band: off, texts and dates cleared.
func resetVacation(t *testing.T, env *acctest.Env, mailbox string) func() {
	return func() {
		off := &client.MailVacation{
			EnableAutoReply: client.Ptr(false), ResponseSubject: client.Ptr(""), ResponseBodyPlainText: client.Ptr(""),
			ResponseBodyHTML: client.Ptr(""), StartTime: client.Ptr(""), EndTime: client.Ptr(""),
		}
		if _, err := env.Client.Mail.UpdateVacation(acctest.Ctx(), mailbox, off); err != nil {
			t.Fatalf("out-of-band reset: %v", err)
		}
	}
}

// checkZoomVacation checks what Zoom holds for mailbox.
func checkZoomVacation(env *acctest.Env, mailbox string, check func(v *client.MailVacation) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		v, err := env.Client.Mail.GetVacation(acctest.Ctx(), mailbox)
		if err != nil {
			return err
		}
		return check(v)
	}
}

// zoomVacationNow is checkZoomVacation as a state check, for steps that have ConfigStateChecks anyway (a Check
// would cost one more terraform show).
func zoomVacationNow(env *acctest.Env, mailbox string, check func(v *client.MailVacation) error) statecheck.StateCheck {
	return acctest.CheckNow(func() error { return checkZoomVacation(env, mailbox, check)(nil) })
}

// newMailboxUser creates an active user through the API (sandbox only) and returns its e-mail.
func newMailboxUser(t *testing.T, env *acctest.Env) string {
	t.Helper()
	email := env.RandomEmail()
	_, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{
		Action:   client.UserActionAutoCreate,
		UserInfo: client.CreateUserInfo{Email: email, Type: client.UserTypeLicensed, FirstName: "Shared", LastName: "Mailbox", Password: "Secr3tPassw0rd"},
	})
	if err != nil {
		t.Fatalf("creating a mailbox user: %v", err)
	}
	return email
}

// diagWrapped is pattern for a diagnostic however Terraform wraps it: a space in pattern matches any run of blanks,
// line breaks and the bars of Terraform's diagnostic boxes.
func diagWrapped(pattern string) string { return strings.ReplaceAll(pattern, " ", `[\s│]+`) }

func epochOf(s string) string {
	t, _ := time.Parse(time.RFC3339, s)
	return client.MailTime(t)
}

// TestAccMailVacation_lifecycle runs the matrix on one mailbox: bad input rejected at plan time
// (vacationValidationSteps, before anything exists), create, empty plan after apply and refresh,
// import, update in place, a responder switched off in the mail client (drift), an out-of-band reset, and destroy
// leaving the responder off.
//
// Times written with an offset are sent as the same instant, kept in the configuration's spelling, and compare
// equal to other spellings of that instant (the create's window is written with offsets; a plan-only step
// respells it; the import reads Zoom's UTC spelling); another instant is a change (the update moves start_time).
//
// Out-of-band reset: a setting cannot be deleted, so the closest thing is someone turning the responder off and
// clearing it in the mail client. The resource stays in the state, the refresh shows the difference and apply
// writes the setting again with an in-place update, without error.
func TestAccMailVacation_lifecycle(t *testing.T) {
	env := acctest.New(t)
	mailbox := env.Host
	const startOffset, endOffset = "2030-12-23T18:00:00+01:00", "2031-01-02T02:00:00-05:00"
	const startUTC, endUTC = "2030-12-23T17:00:00Z", "2031-01-02T07:00:00Z"
	// The update's window: another start instant (18:00 UTC) and another end.
	const start2, end2 = "2030-12-23T19:00:00+01:00", "2031-01-05T07:00:00Z"
	config := func(subject, start, end string, always bool) string {
		return vacationConfig(env, mailbox, fmt.Sprintf(`  enabled            = true
  subject            = %q
  body_text          = "The support desk is closed over the holidays."
  body_html          = "<p>The support desk is closed over the holidays.</p>"
  start_time         = %q
  end_time           = %q
  always_respond     = %t
  restrict_to_domain = false
`, subject, start, end, always))
	}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	errs := &stepErrors{t: t}

	mailTest(t, resource.TestCase{
		CheckDestroy: checkVacationsOff(env),
		ErrorCheck:   errs.check,
		Steps: append(vacationValidationSteps(env, errs), []resource.TestStep{
			{
				Config: config("Closed for the holidays", startOffset, endOffset, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionCreate),
						// The id is the mailbox, known at plan time.
						plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("id"), knownvalue.StringExact(mailbox)),
					},
					PostApplyPreRefresh: []plancheck.PlanCheck{
						stateAfterApply(
							sameID.AddStateValue(vacationAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
							// Kept as written.
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(startOffset)),
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.StringExact(endOffset)),
							// Not configured: follows Zoom.
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("restrict_to_contacts"), knownvalue.Bool(false)),
						),
						// Sent as the same instants.
						checkAfterApply(checkZoomVacation(env, mailbox, func(v *client.MailVacation) error {
							if !*v.EnableAutoReply || *v.ResponseSubject != "Closed for the holidays" ||
								*v.StartTime != epochOf(startUTC) || *v.EndTime != epochOf(endUTC) ||
								*v.StartTimeISO != "2030-12-23T17:00:00.000Z" || *v.EndTimeISO != "2031-01-02T07:00:00.000Z" {
								return fmt.Errorf("Zoom holds %+v", v)
							}
							return nil
						})),
					},
				},
			},
			// That the plan after apply and after a refresh is empty is checked by the test framework itself, which
			// plans with and without a refresh after every apply and fails on a difference.
			// The same instants in UTC, or with other offsets, are no change (a plan-only step fails on any).
			{Config: config("Closed for the holidays", startUTC, "2031-01-02T08:00:00+01:00", false), PlanOnly: true},
			// An import reads Zoom's UTC spelling, which denotes the same instants; every other attribute as in the
			// state.
			{
				ResourceName: vacationAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"start_time", "end_time"},
				ImportStateCheck: func(s []*terraform.InstanceState) error {
					if a := s[0].Attributes; a["start_time"] != startUTC || a["end_time"] != endUTC {
						return fmt.Errorf("imported times %s, %s", a["start_time"], a["end_time"])
					}
					return nil
				},
			},
			// Update in place: subject, start (another instant), end and a recipient flag. Meanwhile the responder
			// was switched off and other fields were changed in the mail client: the refresh shows that drift on
			// exactly those fields (the plan's before values), and apply turns the responder back on and writes the
			// configured values.
			{
				PreConfig: editVacation(t, env, mailbox, func(v *client.MailVacation) {
					v.EnableAutoReply = client.Ptr(false)
					v.ResponseSubject = client.Ptr("Edited in Zoom Mail")
					v.RestrictToDomain = client.Ptr(true)
				}),
				Config: config("Back on 5 January", start2, end2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
						expectBefore(vacationAddr, "enabled", false),
						expectBefore(vacationAddr, "subject", "Edited in Zoom Mail"),
						expectBefore(vacationAddr, "restrict_to_domain", true),
						expectBefore(vacationAddr, "end_time", endOffset),
						expectBefore(vacationAddr, "always_respond", false),
						plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
						plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("subject"), knownvalue.StringExact("Back on 5 January")),
						plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("restrict_to_domain"), knownvalue.Bool(false)),
						// Another instant is a change.
						expectBefore(vacationAddr, "start_time", startOffset),
						plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(start2)),
					},
					PostApplyPreRefresh: []plancheck.PlanCheck{
						stateAfterApply(
							sameID.AddStateValue(vacationAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("subject"), knownvalue.StringExact("Back on 5 January")),
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.StringExact(end2)),
							statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("always_respond"), knownvalue.Bool(true)),
						),
						checkAfterApply(checkZoomVacation(env, mailbox, func(v *client.MailVacation) error {
							if *v.StartTime != epochOf("2030-12-23T18:00:00Z") {
								return fmt.Errorf("Zoom holds start %s", *v.StartTime)
							}
							return nil
						})),
					},
				},
			},
			// An out-of-band reset: the resource stays, the plan is an update, and apply succeeds.
			{
				PreConfig: resetVacation(t, env, mailbox),
				Config:    config("Back on 5 January", start2, end2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(
						sameID.AddStateValue(vacationAddr, tfjsonpath.New("id")),
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(start2)),
					)},
				},
			},
			// Removing the texts and dates clears them in Zoom; a disabled responder needs no text.
			{
				Config: vacationConfig(env, mailbox, "  enabled = false\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					stateAfterApply(
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("subject"), knownvalue.Null()),
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.Null()),
						// Unset flags keep what Zoom has.
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("always_respond"), knownvalue.Bool(true)),
					),
					checkAfterApply(checkZoomVacation(env, mailbox, func(v *client.MailVacation) error {
						if v.ResponseSubject != nil && *v.ResponseSubject != "" || v.StartTime != nil && *v.StartTime != "" {
							return fmt.Errorf("Zoom still holds %+v", v)
						}
						return nil
					})),
				}},
			},
		}...),
	})
	errs.done()
}

// expectBefore is a plan check: the value of attribute attr of addr before the change (the refreshed state)
// is want. A step whose PreConfig changes something out of band checks so that the refresh saw the change.
func expectBefore(addr, attr string, want any) plancheck.PlanCheck {
	return beforeCheck{addr, attr, want}
}

type beforeCheck struct {
	addr, attr string
	want       any
}

func (c beforeCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		if got := before[c.attr]; got != c.want {
			resp.Error = fmt.Errorf("%s: %s before the change is %v, want %v", c.addr, c.attr, got, c.want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.addr)
}

// importSteps checks the import of several resources at once, where ImportState steps would cost a working
// directory and four terraform commands each: an earlier step creates them under other addresses (first: the
// address with "_first" after the name), and the import step forgets those (removed blocks, the objects stay in
// Zoom) and imports the objects again to the resources' own addresses with import blocks. The plan must import
// each without any change, and the imported state must equal the state that snapshot took before
// (ImportStateVerify, but for all of them), apart from the ignored attributes. config is the configuration with
// the resources; ids maps each address to its import ID and the local name of its provider, and says how a
// resource whose import cannot match the configuration is checked instead.
type importSteps struct {
	snapshot map[string]map[string]any // attribute values by address, taken by take
}

// importID is how a resource is imported: its import ID and the local name of its provider. A resource with
// imported set is one whose import reads values other than the configured ones: the plan imports it and
// updates it, the imported values (the change's before values) must equal the snapshot apart from the ignored
// attributes and the attributes of ignore, and imported checks them.
type importID struct {
	id, provider string
	ignore       []string
	imported     func(values map[string]any) error
}

// firstAddr is the address under which addr is created before its import.
func firstAddr(addr string) string { return addr + "_first" }

// first returns config with the resources of addrs under their first addresses.
func (s *importSteps) first(config string, addrs ...string) string {
	for _, addr := range addrs {
		typ, name, _ := strings.Cut(addr, ".")
		header := fmt.Sprintf("\nresource %q %q {\n", typ, name)
		if !strings.Contains(config, header) {
			panic("no block of " + addr + " in the configuration")
		}
		config = strings.Replace(config, header, fmt.Sprintf("\nresource %q %q {\n", typ, name+"_first"), 1)
	}
	return config
}

// take is a state check that records the attribute values of addrs, at their first addresses.
func (s *importSteps) take(addrs ...string) statecheck.StateCheck {
	return stateCheckFunc(func(state *tfjson.State) error {
		s.snapshot = map[string]map[string]any{}
		for _, addr := range addrs {
			r := stateResource(state, firstAddr(addr))
			if r == nil {
				return fmt.Errorf("%s is not in the state", firstAddr(addr))
			}
			s.snapshot[addr] = r.AttributeValues
		}
		return nil
	})
}

// step returns the import step.
func (s *importSteps) step(config string, ids map[string]importID, ignore ...string) resource.TestStep {
	imports := config
	var planChecks []plancheck.PlanCheck
	var stateChecks []statecheck.StateCheck
	var firsts []string
	for _, addr := range slices.Sorted(maps.Keys(ids)) {
		firsts = append(firsts, firstAddr(addr))
		imports += fmt.Sprintf("\nremoved {\n  from = %s\n  lifecycle {\n    destroy = false\n  }\n}\n", firstAddr(addr))
		imports += fmt.Sprintf("\nimport {\n  provider = %s\n  to       = %s\n  id       = %q\n}\n", ids[addr].provider, addr, ids[addr].id)
		planChecks = append(planChecks, importedCheck(addr))
		if f := ids[addr].imported; f != nil {
			skip := append(slices.Clone(ignore), ids[addr].ignore...)
			planChecks = append(planChecks, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				beforeValuesCheck{addr, func(before map[string]any) error {
					if err := f(before); err != nil {
						return err
					}
					want, got := maps.Clone(s.snapshot[addr]), acctest.JSONNumbers(before).(map[string]any)
					for _, k := range skip {
						delete(want, k)
						delete(got, k)
					}
					if !reflect.DeepEqual(want, got) {
						return fmt.Errorf("imported %v, want %v", got, want)
					}
					return nil
				}})
			continue
		}
		planChecks = append(planChecks, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop))
		stateChecks = append(stateChecks, stateCheckFunc(func(state *tfjson.State) error {
			r := stateResource(state, addr)
			if r == nil {
				return fmt.Errorf("%s is not in the state after the import", addr)
			}
			want, got := maps.Clone(s.snapshot[addr]), maps.Clone(r.AttributeValues)
			for _, k := range ignore {
				delete(want, k)
				delete(got, k)
			}
			if !reflect.DeepEqual(want, got) {
				return fmt.Errorf("%s: imported %v, want %v", addr, got, want)
			}
			return nil
		}))
	}
	return resource.TestStep{
		Config: imports,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: planChecks,
			// The first addresses were forgotten.
			PostApplyPreRefresh: []plancheck.PlanCheck{stateless(firsts...), stateAfterApply(stateChecks...)},
		},
	}
}

// beforeValuesCheck is a plan check: check accepts the values of addr before the change.
type beforeValuesCheck struct {
	addr  string
	check func(before map[string]any) error
}

func (c beforeValuesCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address == c.addr {
			before, _ := rc.Change.Before.(map[string]any)
			if err := c.check(before); err != nil {
				resp.Error = fmt.Errorf("%s: %w", c.addr, err)
			}
			return
		}
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.addr)
}

// stateCheckFunc is a state check made of a function.
type stateCheckFunc func(*tfjson.State) error

func (f stateCheckFunc) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f(req.State)
}

// stateResource returns the resource at addr in the root module of state, or nil.
func stateResource(state *tfjson.State, addr string) *tfjson.StateResource {
	if state == nil || state.Values == nil || state.Values.RootModule == nil {
		return nil
	}
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == addr {
			return r
		}
	}
	return nil
}

// importedCheck is a plan check: the plan imports addr.
type importedCheck string

func (c importedCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address == string(c) {
			if rc.Change.Importing == nil {
				resp.Error = fmt.Errorf("%s: the plan does not import it", c)
			}
			return
		}
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c)
}

// stateless is a plan check: none of addrs is in the prior state of the plan (they were forgotten).
func stateless(addrs ...string) plancheck.PlanCheck { return statelessCheck(addrs) }

type statelessCheck []string

func (c statelessCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan.PriorState == nil || req.Plan.PriorState.Values == nil || req.Plan.PriorState.Values.RootModule == nil {
		return
	}
	for _, r := range req.Plan.PriorState.Values.RootModule.Resources {
		if slices.Contains(c, r.Address) {
			resp.Error = fmt.Errorf("%s is still in the state", r.Address)
			return
		}
	}
}

// TestAccMailVacation_sandboxKnobs runs the lifecycle under every sandbox setting that changes what Zoom answers
// for the unconfirmed parts of the Mail API, and the scenarios that only the sandbox can stage, each with its own
// sandbox, reached through its own provider instance (another local name of the provider), and its own
// zoom_mail_vacation resources, all in one configuration: one TestCase of three steps for all of them (create;
// import; the changes, where a scenario whose resource already changes in that step has a resource of its own,
// on another mailbox of its account).
//
//   - zoomdefaults, zoomputkeeps, zoomzero, zoomkeepzero, zoomisowins, zoomdisagreefails: PUT clearing or keeping
//     omitted fields, how empty fields are rendered, and which time form wins: create (over a setting edited
//     before Terraform), import, dropping the body and the dates; the body and dates added to a responder
//     switched off in the mail client (<knob>_off), and an out-of-band reset (<knob>_reset).
//   - zoomclearclear, zoomrefuseclear, zoomclearkeep: Zoom Mail may refuse "" for a vacation time. Dropping
//     start_time and end_time from the configuration clears them whether Zoom accepts "" or not, and whether a PUT
//     clears or keeps the fields it leaves out (and adding them works: <name>_readd); destroy clears them too.
//     (Only when Zoom both keeps omitted fields and refuses "" is there no way to clear a time:
//     TestAccMailVacation_failures, refusekeep.)
//   - zoomreplace: a new mailbox replaces the resource (the old one's responder is turned off), while the same
//     mailbox in another letter case is an in-place update (zoomreplace_case).
//   - zoomsanitised: HTML that Zoom sanitises gives no difference (an import can only see Zoom's copy), an HTML
//     body edited in the mail client is drift, and another HTML that sanitises to the same copy is applied and
//     then stable (zoomsanitised_other).
func TestAccMailVacation_sandboxKnobs(t *testing.T) {
	knobs := map[string]func(*sandbox.Profile){
		"zoomdefaults": nil,
		"zoomputkeeps": func(p *sandbox.Profile) { p.MailPutOmitted = sandbox.MailPutKeep },
		"zoomzero":     func(p *sandbox.Profile) { p.MailEmptyFields = sandbox.MailEmptyZero },
		"zoomkeepzero": func(p *sandbox.Profile) {
			p.MailPutOmitted = sandbox.MailPutKeep
			p.MailEmptyFields = sandbox.MailEmptyZero
		},
		"zoomisowins":       func(p *sandbox.Profile) { p.MailTimePrecedence = sandbox.MailTimeISO },
		"zoomdisagreefails": func(p *sandbox.Profile) { p.MailTimePrecedence = sandbox.MailTimeReject },
	}
	clearKnob := func(empty, omitted string) func(*sandbox.Profile) {
		return func(p *sandbox.Profile) { p.MailEmptyTime, p.MailPutOmitted = empty, omitted }
	}
	clears := map[string]func(*sandbox.Profile){
		"zoomclearclear":  clearKnob(sandbox.MailEmptyTimeClear, sandbox.MailPutClear),
		"zoomrefuseclear": clearKnob(sandbox.MailEmptyTimeRefuse, sandbox.MailPutClear),
		"zoomclearkeep":   clearKnob(sandbox.MailEmptyTimeClear, sandbox.MailPutKeep),
	}
	profiles := map[string]func(*sandbox.Profile){"zoomreplace": nil, "zoomsanitised": nil}
	maps.Copy(profiles, knobs)
	maps.Copy(profiles, clears)
	s := vacationSet{newSandboxes(t, profiles)}
	knobNames, clearNames := slices.Sorted(maps.Keys(knobs)), slices.Sorted(maps.Keys(clears))
	addr := func(name string) string { return "zoom_mail_vacation." + name }

	const fullArgs = `  enabled    = true
  subject    = "Away"
  body_text  = "Back soon."
  start_time = "2030-12-23T18:00:00+01:00"
  end_time   = "2031-01-02T07:00:00Z"
`
	const withoutTimes = "  enabled = true\n  subject = \"Away\"\n"
	replaceEnv, sanitisedEnv := s.envs["zoomreplace"], s.envs["zoomsanitised"]
	first, second := newMailboxUser(t, replaceEnv), newMailboxUser(t, replaceEnv)
	html := "<p>We are away.</p>\n<p onclick=\"track()\">Back in January.</p>\n<script>track()</script>\n"
	const sanitised = "<p>We are away.</p><p>Back in January.</p>"
	htmlArgs := func(html string) string { return fmt.Sprintf("  enabled   = true\n  body_html = %q\n", html) }
	zoomSanitised := zoomVacationNow(sanitisedEnv, sanitisedEnv.Host, func(v *client.MailVacation) error {
		if *v.ResponseBodyHTML != sanitised {
			return fmt.Errorf("Zoom holds %q", *v.ResponseBodyHTML)
		}
		return nil
	})
	// The last step's scenarios each need a resource of their own, on another mailbox of the scenario's account,
	// as the resources above are changed in that step too: every knob's account has zoom_mail_vacation.<knob>_reset
	// (fullArgs throughout, reset out of band in the last step) and <knob>_off (without body and dates until the
	// last step adds them, while its responder was switched off in the mail client); every clearing account has
	// <name>_readd (without dates until the last step adds them again); zoomreplace_case is on mailbox third,
	// which the last step writes in capitals; zoomsanitised_other's HTML becomes another HTML with the same
	// sanitised copy in the last step.
	mailboxes := map[string]string{}
	for _, name := range knobNames {
		mailboxes[name+"_reset"], mailboxes[name+"_off"] = newMailboxUser(t, s.envs[name]), newMailboxUser(t, s.envs[name])
	}
	for _, name := range clearNames {
		mailboxes[name+"_readd"] = newMailboxUser(t, s.envs[name])
	}
	third, other := newMailboxUser(t, replaceEnv), newMailboxUser(t, sanitisedEnv)
	resetAddr := func(name string) string { return addr(name) + "_reset" }
	offAddr := func(name string) string { return addr(name) + "_off" }
	html2 := strings.ReplaceAll(html, "\n", "\n\n")
	// late is the configuration of those resources, before the last step or (final) in it.
	late := func(final bool) string {
		var b strings.Builder
		block := func(name, provider, mailbox, args string) {
			fmt.Fprintf(&b, "\nresource \"zoom_mail_vacation\" %q {\n  provider = %s\n  mailbox  = %q\n%s}\n", name, provider, mailbox, args)
		}
		adds := withoutTimes
		if final {
			adds = fullArgs
		}
		for _, name := range knobNames {
			block(name+"_reset", name, mailboxes[name+"_reset"], fullArgs)
			block(name+"_off", name, mailboxes[name+"_off"], adds)
		}
		for _, name := range clearNames {
			block(name+"_readd", name, mailboxes[name+"_readd"], adds)
		}
		if final {
			block("zoomreplace_case", "zoomreplace", strings.ToUpper(third), withoutTimes)
			block("zoomsanitised_other", "zoomsanitised", other, htmlArgs(html2))
		} else {
			block("zoomreplace_case", "zoomreplace", third, withoutTimes)
			block("zoomsanitised_other", "zoomsanitised", other, htmlArgs(html))
		}
		return b.String()
	}
	// config: the knobs' resources with knobArgs, the clearing ones with clearArgs, the replaced one on mailbox
	// replaceOn, the sanitised one with sanitisedHTML, and the last step's resources (final: as in it).
	config := func(knobArgs, clearArgs, replaceOn, sanitisedHTML string, final bool) string {
		return late(final) + s.config(map[string]string{"zoomreplace": replaceOn}, func(name string) (string, bool) {
			switch {
			case slices.Contains(knobNames, name):
				return knobArgs, true
			case slices.Contains(clearNames, name):
				return clearArgs, true
			case name == "zoomreplace":
				return withoutTimes, true
			}
			return htmlArgs(sanitisedHTML), true
		})
	}
	full := config(fullArgs, fullArgs, first, html, false)
	// eachKnob returns a PreConfig that runs f for every knob's account.
	eachKnob := func(f func(env *acctest.Env) func()) func() {
		return func() {
			for _, name := range knobNames {
				f(s.envs[name])()
			}
		}
	}
	var (
		created, cleared  []statecheck.StateCheck
		turnedOn, updated []plancheck.PlanCheck
		importIDs         = map[string]importID{}
		knobImports       importSteps
	)
	for _, name := range knobNames {
		// Before Terraform, someone restricted replies to the domain in the mail client. With a PUT that keeps
		// omitted fields the unset flag keeps that value; with one that clears them it is reset. Either way
		// the state follows Zoom without a difference.
		wantDomain := s.envs[name].Sandbox.Profile().MailPutOmitted == sandbox.MailPutKeep
		created = append(created,
			statecheck.ExpectKnownValue(firstAddr(addr(name)), tfjsonpath.New("restrict_to_domain"), knownvalue.Bool(wantDomain)),
			statecheck.ExpectKnownValue(firstAddr(addr(name)), tfjsonpath.New("start_time"), knownvalue.StringExact("2030-12-23T18:00:00+01:00")),
		)
		// Dropping the body and the dates clears them whatever Zoom does with omitted fields.
		cleared = append(cleared,
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("body_text"), knownvalue.Null()),
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("start_time"), knownvalue.Null()),
		)
		turnedOn = append(turnedOn,
			plancheck.ExpectResourceAction(offAddr(name), plancheck.ResourceActionUpdate),
			expectBefore(offAddr(name), "enabled", false),
			plancheck.ExpectKnownValue(offAddr(name), tfjsonpath.New("enabled"), knownvalue.Bool(true)),
		)
		updated = append(updated, plancheck.ExpectResourceAction(resetAddr(name), plancheck.ResourceActionUpdate))
		importIDs[addr(name)] = importID{id: s.envs[name].Host, provider: name}
	}
	for _, name := range clearNames {
		env := s.envs[name]
		cleared = append(cleared,
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("start_time"), knownvalue.Null()),
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("end_time"), knownvalue.Null()),
			zoomVacationNow(env, env.Host, func(v *client.MailVacation) error {
				if _, ok, _ := v.Start(); ok {
					return fmt.Errorf("%s: Zoom still has a start time", name)
				}
				if _, ok, _ := v.End(); ok {
					return fmt.Errorf("%s: Zoom still has an end time", name)
				}
				return nil
			}),
		)
	}
	// An import of the sanitised one can only see Zoom's sanitised copy (and the plan then writes the
	// configured HTML again).
	importIDs[addr("zoomsanitised")] = importID{
		id: sanitisedEnv.Host, provider: "zoomsanitised", ignore: []string{"body_html"},
		imported: func(values map[string]any) error {
			if got := values["body_html"]; got != sanitised {
				return fmt.Errorf("imported body_html %q", got)
			}
			return nil
		},
	}

	steps := []resource.TestStep{
		// That the plan after apply and after a refresh is empty is checked by the test framework itself, which
		// plans with and without a refresh after every apply and fails on a difference.
		{
			PreConfig: eachKnob(func(env *acctest.Env) func() {
				return func() {
					if _, err := env.Client.Mail.UpdateVacation(acctest.Ctx(), env.Host, &client.MailVacation{
						EnableAutoReply: client.Ptr(false), RestrictToDomain: client.Ptr(true), ResponseSubject: client.Ptr("Old"),
					}); err != nil {
						t.Fatal(err)
					}
				}
			}),
			// The knobs' and the sanitised resources are created under their first addresses (importSteps).
			Config: knobImports.first(full, slices.Collect(maps.Keys(importIDs))...),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(created,
				statecheck.ExpectKnownValue(firstAddr(addr("zoomsanitised")), tfjsonpath.New("body_html"), knownvalue.StringExact(html)),
				zoomSanitised,
				knobImports.take(slices.Collect(maps.Keys(importIDs))...),
			)...)}},
		},
	}
	// The knobs' resources and the sanitised one are imported together (Zoom's UTC spelling of start_time
	// denotes the same instant).
	steps = append(steps, knobImports.step(full, importIDs, "start_time"))
	steps = append(steps,
		resource.TestStep{
			// An edit of the sanitised HTML in the mail client is drift on body_html, showing Zoom's HTML, and
			// apply writes the configured HTML again. Every knob's _off responder was switched off in the mail
			// client: the refresh shows it, and apply turns it on with the body and dates added. Every knob's
			// _reset responder is reset out of band: its plan is an update, and apply succeeds.
			PreConfig: func() {
				editVacation(t, sanitisedEnv, sanitisedEnv.Host, func(v *client.MailVacation) {
					v.ResponseBodyHTML = client.Ptr("<p>We are away until February.</p>")
				})()
				for _, name := range knobNames {
					editVacation(t, s.envs[name], mailboxes[name+"_off"], func(v *client.MailVacation) { v.EnableAutoReply = client.Ptr(false) })()
					resetVacation(t, s.envs[name], mailboxes[name+"_reset"])()
				}
			},
			Config: config(withoutTimes, withoutTimes, second, html, true),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: append(append([]plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr("zoomreplace"), plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(addr("zoomsanitised"), plancheck.ResourceActionUpdate),
					expectBefore(addr("zoomsanitised"), "body_html", "<p>We are away until February.</p>"),
					plancheck.ExpectKnownValue(addr("zoomsanitised"), tfjsonpath.New("body_html"), knownvalue.StringExact(html)),
					// The same mailbox in other letters is an in-place update; another HTML too.
					plancheck.ExpectResourceAction(addr("zoomreplace_case"), plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(addr("zoomsanitised_other"), plancheck.ResourceActionUpdate),
				}, turnedOn...), updated...),
				PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(cleared,
					statecheck.ExpectKnownValue(addr("zoomreplace"), tfjsonpath.New("id"), knownvalue.StringExact(second)),
					acctest.CheckNow(func() error { return vacationOff(replaceEnv, first) }),
					zoomSanitised,
					statecheck.ExpectKnownValue(addr("zoomreplace_case"), tfjsonpath.New("id"), knownvalue.StringExact(strings.ToUpper(third))),
				)...)},
			},
		},
	)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: s.factories(),
		CheckDestroy:             s.vacationsOff,
		Steps:                    steps,
	})
}

// vacationValidationSteps reject bad input at plan time with a message that names the problem, and a mailbox on
// Zoom for Government. They are plan-only steps that fail, which TestAccMailVacation_lifecycle runs before its
// first apply (its own test case would cost three more terraform commands): one step with a resource per bad
// input, which Terraform's validation refuses all at once (errs checks that each has its own error), and one for
// Zoom for Government, which the provider refuses while planning, after validation.
func vacationValidationSteps(env *acctest.Env, errs *stepErrors) []resource.TestStep {
	cases := []struct{ mailbox, args, want string }{
		{"a@example.com", "  enabled = true\n  start_time = \"2031-01-02T00:00:00Z\"\n  end_time = \"2031-01-01T00:00:00Z\"\n  subject = \"x\"", `end_time is not after start_time`},
		{"a@example.com", "  enabled = true\n  start_time = \"2031-01-01T01:00:00+01:00\"\n  end_time = \"2031-01-01T00:00:00Z\"\n  subject = \"x\"", `end_time 2031-01-01T00:00:00Z is not after start_time`},
		{"a@example.com", "  enabled = true", `Missing auto-reply text.*subject, body_text or body_html`},
		{"a@example.com", "  enabled = true\n  start_time = \"2031-01-01T00:00:00Z\"", `Missing auto-reply text`},
		{"a@example.com", "  enabled = false\n  subject = \"\"", `subject string length must be at least 1`},
		{"not-an-address", "  enabled = false", `Invalid mailbox.*not a plain e-mail address`},
		{"me", "  enabled = false", `Invalid mailbox.*Server-to-Server OAuth app acts for the account`},
		{"a@example.com", "  enabled = false\n  start_time = \"23.12.2030 18:00\"", `is not a time of the form`},
		{"a@example.com", "  enabled = false\n  end_time = \"2031-01-01T00:00:00.250Z\"", `whole seconds only`},
		{"a@example.com", "  enabled = false\n  start_time = \"2030-12-23T18:00:00\"", `Time without a zone.*no time zone setting`},
	}
	var b strings.Builder
	var want []wantDiag
	for i, c := range cases {
		name := fmt.Sprintf("bad%d", i)
		fmt.Fprintf(&b, "\nresource \"zoom_mail_vacation\" %q {\n  mailbox = %q\n%s\n}\n", name, c.mailbox, c.args)
		want = append(want, diagAbout("zoom_mail_vacation."+name, diagWrapped(c.want)))
	}
	return []resource.TestStep{
		{PreConfig: errs.expect(want...), Config: env.Config(b.String()), PlanOnly: true},
		// Zoom Mail does not exist on Zoom for Government; the plan says so without a request (the provider's
		// credentials here are never used).
		{
			PreConfig: errs.expect(diagAbout(vacationAddr, diagWrapped(`Zoom Mail is not available on Zoom for Government.*commercial Zoom cloud`))),
			Config: `
provider "zoom" {
  account_id    = "gov-account"
  client_id     = "gov-client"
  client_secret = "gov-secret"
  api_url       = "https://api.zoomgov.com/v2"
  oauth_url     = "https://zoomgov.com/oauth/token"
}

resource "zoom_mail_vacation" "test" {
  mailbox = "support@agency.gov"
  enabled = true
  subject = "Away"
}
`,
			PlanOnly: true,
		},
	}
}

// vacationSet is a sandbox per name (a provider local name) for mail tests that run several scenarios, each with
// its own account, provider instance and zoom_mail_vacation.<name>, in one TestCase and one configuration.
type vacationSet struct{ sandboxSet }

// config has, for every name that args returns arguments for (ok), that name's provider block and a
// zoom_mail_vacation.<name> of the name's mailbox (its account's owner unless mailboxes says otherwise).
func (s vacationSet) config(mailboxes map[string]string, args func(name string) (string, bool)) string {
	var b strings.Builder
	for _, name := range s.names {
		a, ok := args(name)
		if !ok {
			continue
		}
		mailbox := s.envs[name].Host
		if m, ok := mailboxes[name]; ok {
			mailbox = m
		}
		b.WriteString(s.envs[name].ProviderBlock(name))
		fmt.Fprintf(&b, "\nresource \"zoom_mail_vacation\" %q {\n  provider = %s\n  mailbox  = %q\n%s}\n", name, name, mailbox, a)
	}
	return b.String()
}

// factories serves the provider under every name of the set, and not as zoom, which the set's configurations do
// not use: terraform reads the schema of every provider a test case serves in each of its commands (about
// 0.015 CPU-s per provider and command), used or not.
func (s vacationSet) factories() map[string]func() (tfprotov6.ProviderServer, error) {
	f := acctest.ProviderFactoriesNamed(s.names...)
	delete(f, "zoom")
	return f
}

// vacationsOff is the CheckDestroy of a vacationSet: the mailbox of every zoom_mail_vacation.<name> of the state
// has its responder off and cleared in the account of name.
func (s vacationSet) vacationsOff(state *terraform.State) error { return s.vacationsOffExcept()(state) }

// vacationsOffExcept is vacationsOff for all but the named scenarios.
func (s vacationSet) vacationsOffExcept(skip ...string) resource.TestCheckFunc {
	return func(state *terraform.State) error { return s.checkOff(state, skip) }
}

func (s vacationSet) checkOff(state *terraform.State, skip []string) error {
	for _, rs := range state.RootModule().Resources {
		if rs.Type != "zoom_mail_vacation" {
			continue
		}
		i := slices.IndexFunc(s.names, func(n string) bool { return isProvider(rs.Provider, n) })
		if i < 0 {
			return fmt.Errorf("no account for the zoom_mail_vacation of provider %s", rs.Provider)
		}
		if slices.Contains(skip, s.names[i]) {
			continue
		}
		if err := vacationOff(s.envs[s.names[i]], rs.Primary.Attributes["mailbox"]); err != nil {
			return fmt.Errorf("%s: %w", s.names[i], err)
		}
	}
	return nil
}

// unavailableProfiles are the sandboxes of the unavailable scenarios of TestAccMailVacation_failures: an
// account without Zoom Mail, a mailbox that is not provisioned and Mail end-to-end encryption, under each answer
// the sandbox can give for them.
func unavailableProfiles() map[string]func(*sandbox.Profile) {
	profiles := map[string]func(*sandbox.Profile){}
	for knob, kname := range map[string]string{sandbox.MailUnavailableInvalid: "invalid", sandbox.MailUnavailableDescriptive: "descriptive",
		sandbox.MailUnavailableNotFound: "notfound"} {
		for cname, cause := range map[string]func(*sandbox.Profile){
			"disabled":      func(p *sandbox.Profile) { p.MailEnabled = false },
			"unprovisioned": func(p *sandbox.Profile) { p.MailUnprovisionedMailboxes = []string{p.OwnerEmail} },
			"eee":           func(p *sandbox.Profile) { p.MailE2EE = true },
		} {
			profiles["unavailable"+kname+cname] = func(p *sandbox.Profile) { p.MailUnavailableError = knob; cause(p) }
		}
	}
	return profiles
}

// TestAccMailVacation_failures: the ways Zoom refuses the setting, each scenario with its own sandbox, provider
// instance and resource, in one TestCase. The refusals fail in one apply (step 2), each on its own resource with
// its own error (steps that fail leave the state as it was, so each failing scenario appears in that step's
// configuration only):
//
//   - scopeswrite, scopesread: a Zoom app without the Mail scopes fails with the scopes to add, granular and
//     classic; without the read scope the PUT works and the refresh after it fails, and with the scope granted
//     (new tokens) the state matches;
//   - refused: when Zoom refuses the setting itself ("Invalid Argument." while the mailbox can be read), the error
//     says that a value was refused rather than listing the Mail prerequisites (an HTML body made only of a script
//     passes the plan but is empty once Zoom has sanitised it);
//   - refusekeep: when Zoom both keeps omitted fields and refuses "" for a time, dropping the times fails and says
//     so (TestAccMailVacation_sandboxKnobs has the settings under which they clear);
//   - unavailable<answer><cause> (nine): an account without Zoom Mail, a mailbox that is not provisioned and Mail
//     end-to-end encryption each fail with the list of prerequisites, under each answer the sandbox can give for
//     them (step 2);
//   - lostinvalid, lostnotfound: when Mail becomes unavailable after apply, a refresh fails with the
//     prerequisites (Zoom's 400 cannot tell a lost mailbox from a disabled service) and works again once Mail is
//     back; when Zoom says the mailbox does not exist (404), the resource leaves the state and the plan creates it
//     again.
func TestAccMailVacation_failures(t *testing.T) {
	const args = "  enabled = true\n  subject = \"Away\"\n"
	const withTimes = `  enabled    = true
  subject    = "Away"
  start_time = "2030-12-23T18:00:00+01:00"
  end_time   = "2031-01-02T07:00:00Z"
`
	profiles := map[string]func(*sandbox.Profile){
		"scopeswrite": func(p *sandbox.Profile) { p.GrantedScopes = []string{"user:read:admin", "mail:read:admin"} },
		"scopesread":  func(p *sandbox.Profile) { p.GrantedScopes = []string{"mail:write:admin"} },
		"refused":     nil,
		"refusekeep": func(p *sandbox.Profile) {
			p.MailEmptyTime, p.MailPutOmitted = sandbox.MailEmptyTimeRefuse, sandbox.MailPutKeep
		},
		"lostinvalid":  nil,
		"lostnotfound": func(p *sandbox.Profile) { p.MailUnavailableError = sandbox.MailUnavailableNotFound },
	}
	unavailable := unavailableProfiles()
	maps.Copy(profiles, unavailable)
	s := vacationSet{newSandboxes(t, profiles)}
	env := func(name string) *acctest.Env { return s.envs[name] }
	// present is the configuration in which the named scenarios have their resources (with args, or with
	// what argsOf says for them).
	present := func(argsOf map[string]string, names ...string) string {
		return s.config(nil, func(name string) (string, bool) {
			if a, ok := argsOf[name]; ok {
				return a, true
			}
			return args, slices.Contains(names, name)
		})
	}
	lasting := []string{"lostinvalid", "lostnotfound", "refusekeep"}
	lastingArgs := map[string]string{"refusekeep": withTimes}
	setProfile := func(name string, f func(*sandbox.Profile)) func() {
		return func() { env(name).Sandbox.UpdateProfile(f) }
	}
	re := diagWrapped
	var unavailableErrors []wantDiag
	for _, name := range slices.Sorted(maps.Keys(unavailable)) {
		unavailableErrors = append(unavailableErrors, diagAbout("zoom_mail_vacation."+name,
			re(`Error setting the Zoom Mail vacation responder of `+regexp.QuoteMeta(s.envs[name].Host)+
				`.*Zoom Mail Service is enabled.*end-to-end encryption is turned off.*provisioned Zoom Mail mailbox`)))
	}
	errs := &stepErrors{t: t}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: s.factories(),
		// Under refusekeep, destroy cannot clear the times either.
		CheckDestroy: s.vacationsOffExcept("refusekeep"),
		ErrorCheck:   errs.check,
		Steps: []resource.TestStep{
			{Config: present(lastingArgs, lasting...)},
			// Every refusal in one apply, each on its own resource: scopeswrite's, refused's and the unavailable
			// ones' creates and refusekeep's update dropping the times. scopesread's create is in it too: its PUT
			// works.
			{
				PreConfig: errs.expect(append(unavailableErrors,
					diagAbout("zoom_mail_vacation.scopeswrite", re(`Error setting the Zoom Mail vacation responder.*missing an OAuth scope.*`+
						`email:update:setting_vacation, email:update:setting_vacation:admin.*classic scopes need mail:write:admin`)),
					diagAbout("zoom_mail_vacation.refused", re(`Invalid Argument.*The mailbox can be read, so Zoom refused a value of the setting`)),
					diagAbout("zoom_mail_vacation.refusekeep", re(`Zoom kept the responder's start_time and end_time.*refused an empty value`)),
				)...),
				Config: present(map[string]string{"refusekeep": args, "refused": "  enabled   = true\n  body_html = \"<script>alert(1)</script>\"\n"},
					append(slices.Concat(lasting, slices.Sorted(maps.Keys(unavailable))), "scopeswrite", "refused", "scopesread")...),
			},
			// The refresh of this step's plan cannot read scopesread's setting without the read scope, nor
			// lostinvalid's with Mail turned off, which fails with the prerequisites.
			{
				PreConfig: func() {
					setProfile("lostinvalid", func(p *sandbox.Profile) { p.MailEnabled = false })()
					errs.expect(
						diagAbout("zoom_mail_vacation.scopesread", re(`Error reading the Zoom Mail vacation responder.*missing an OAuth scope.*`+
							`email:read:setting_vacation:admin.*classic scopes need mail:read:admin`)),
						diagAbout("zoom_mail_vacation.lostinvalid", re(`Error reading the Zoom Mail vacation responder.*Invalid Request.*terraform state rm`)),
					)()
				},
				Config: present(lastingArgs, append(slices.Clone(lasting), "scopesread")...),
			},
			// With the scope granted (new tokens) scopesread's state matches. Mail back for lostinvalid: its refresh
			// works again. lostnotfound's mailbox is gone (404): it leaves the state and the plan creates it again;
			// the mailbox is back before the apply, which creates the responder again. refusekeep's times were never
			// dropped.
			{
				PreConfig: func() {
					setProfile("scopesread", func(p *sandbox.Profile) { p.GrantedScopes = nil })()
					setProfile("lostinvalid", func(p *sandbox.Profile) { p.MailEnabled = true })()
					setProfile("lostnotfound", func(p *sandbox.Profile) { p.MailUnprovisionedMailboxes = []string{p.OwnerEmail} })()
				},
				Config: present(lastingArgs, append(slices.Clone(lasting), "scopesread")...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					expectOnlyChanges(map[string]plancheck.ResourceActionType{
						"zoom_mail_vacation.lostnotfound": plancheck.ResourceActionCreate,
						"zoom_mail_vacation.lostinvalid":  plancheck.ResourceActionNoop,
						"zoom_mail_vacation.scopesread":   plancheck.ResourceActionNoop,
						"zoom_mail_vacation.refusekeep":   plancheck.ResourceActionNoop,
					}),
					betweenPlanAndApply(setProfile("lostnotfound", func(p *sandbox.Profile) { p.MailUnprovisionedMailboxes = nil })),
				}},
			},
		},
	})
	errs.done()
}
