package resources_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
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

const vacationAddr = "zoom_mail_vacation.test"

// mailTest runs a test case. Against a real account the mail tests share one mailbox (ZOOM_ACC_HOST_EMAIL), so
// they run one after the other there; each sandbox test has its own account and runs in parallel.
func mailTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	tc.ProtoV6ProviderFactories = acctest.ProtoV6ProviderFactories
	if acctest.RealAccount() {
		resource.Test(t, tc)
		return
	}
	resource.ParallelTest(t, tc)
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

// errorRE matches a diagnostic however Terraform wraps it: a space in pattern matches any run of blanks, line
// breaks and the bars of Terraform's diagnostic boxes.
func errorRE(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `[\s│]+`))
}

func epochOf(s string) string {
	t, _ := time.Parse(time.RFC3339, s)
	return client.MailTime(t)
}

// TestAccMailVacation_lifecycle runs the matrix on one mailbox: create, empty plan after apply and refresh,
// import, update in place, a responder switched off in the mail client (drift), an out-of-band reset, and destroy
// leaving the responder off.
//
// Out-of-band reset: a setting cannot be deleted, so the closest thing is someone turning the responder off and
// clearing it in the mail client. The resource stays in the state, the refresh shows the difference and apply
// writes the setting again with an in-place update, without error.
func TestAccMailVacation_lifecycle(t *testing.T) {
	env := acctest.New(t)
	mailbox := env.Host
	const start, end, end2 = "2030-12-23T17:00:00Z", "2031-01-02T07:00:00Z", "2031-01-05T07:00:00Z"
	config := func(subject, end string, always bool) string {
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

	mailTest(t, resource.TestCase{
		CheckDestroy: checkVacationsOff(env),
		Steps: []resource.TestStep{
			{
				Config: config("Closed for the holidays", end, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionCreate),
					// The id is the mailbox, known at plan time.
					plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("id"), knownvalue.StringExact(mailbox)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(vacationAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(start)),
					// Not configured: follows Zoom.
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("restrict_to_contacts"), knownvalue.Bool(false)),
					zoomVacationNow(env, mailbox, func(v *client.MailVacation) error {
						if !*v.EnableAutoReply || *v.ResponseSubject != "Closed for the holidays" || *v.StartTime != epochOf(start) || *v.EndTime != epochOf(end) {
							return fmt.Errorf("Zoom holds %+v", v)
						}
						return nil
					}),
				},
			},
			{
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: vacationAddr, ImportState: true, ImportStateVerify: true},
			// Update in place: subject, end and a recipient flag.
			{
				Config: config("Back on 5 January", end2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(vacationAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("subject"), knownvalue.StringExact("Back on 5 January")),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.StringExact(end2)),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("always_respond"), knownvalue.Bool(true)),
				},
			},
			// The responder switched off in the mail client is drift, and apply turns it back on.
			{
				PreConfig:          editVacation(t, env, mailbox, func(v *client.MailVacation) { v.EnableAutoReply = client.Ptr(false) }),
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(vacationAddr, "enabled", "false"),
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
				}},
			},
			{
				Config: config("Back on 5 January", end2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
				},
			},
			// Other fields changed in the mail client are drift on exactly those fields.
			{
				PreConfig: editVacation(t, env, mailbox, func(v *client.MailVacation) {
					v.ResponseSubject = client.Ptr("Edited in Zoom Mail")
					v.RestrictToDomain = client.Ptr(true)
				}),
				Config: config("Back on 5 January", end2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("subject"), knownvalue.StringExact("Back on 5 January")),
					plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("restrict_to_domain"), knownvalue.Bool(false)),
				}},
			},
			// An out-of-band reset: the resource stays, the plan is an update, and apply succeeds.
			{
				PreConfig: resetVacation(t, env, mailbox),
				Config:    config("Back on 5 January", end2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(vacationAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(start)),
				},
			},
			// Removing the texts and dates clears them in Zoom; a disabled responder needs no text.
			{
				Config: vacationConfig(env, mailbox, "  enabled = false\n"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("subject"), knownvalue.Null()),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.Null()),
					// Unset flags keep what Zoom has.
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("always_respond"), knownvalue.Bool(true)),
					zoomVacationNow(env, mailbox, func(v *client.MailVacation) error {
						if v.ResponseSubject != nil && *v.ResponseSubject != "" || v.StartTime != nil && *v.StartTime != "" {
							return fmt.Errorf("Zoom still holds %+v", v)
						}
						return nil
					}),
				},
			},
		},
	})
}

// TestAccMailVacation_replace: a new mailbox replaces the resource (the old one's responder is turned off), while
// the same mailbox in another letter case is an in-place update.
func TestAccMailVacation_replace(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	first, second := newMailboxUser(t, env), newMailboxUser(t, env)
	args := "  enabled = true\n  subject = \"Out of office\"\n"
	mailTest(t, resource.TestCase{
		CheckDestroy: checkVacationsOff(env),
		Steps: []resource.TestStep{
			{Config: vacationConfig(env, first, args)},
			{
				Config: vacationConfig(env, second, args),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("id"), knownvalue.StringExact(second)),
					acctest.CheckNow(func() error { return vacationOff(env, first) }),
				},
			},
			{
				Config: vacationConfig(env, strings.ToUpper(second), args),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("id"), knownvalue.StringExact(strings.ToUpper(second))),
				},
			},
		},
	})
}

// TestAccMailVacation_offsetTimes: times written with an offset are sent as the same instant, kept in the
// configuration's spelling, and compare equal to other spellings of that instant.
func TestAccMailVacation_offsetTimes(t *testing.T) {
	env := acctest.New(t)
	mailbox := env.Host
	const startOffset, endOffset = "2030-12-23T18:00:00+01:00", "2031-01-02T02:00:00-05:00"
	const startUTC, endUTC = "2030-12-23T17:00:00Z", "2031-01-02T07:00:00Z"
	config := func(start, end string) string {
		return vacationConfig(env, mailbox, fmt.Sprintf("  enabled    = true\n  subject    = \"Away\"\n  start_time = %q\n  end_time   = %q\n", start, end))
	}
	mailTest(t, resource.TestCase{
		CheckDestroy: checkVacationsOff(env),
		Steps: []resource.TestStep{
			{
				Config: config(startOffset, endOffset),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.StringExact(startOffset)),
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.StringExact(endOffset)),
					zoomVacationNow(env, mailbox, func(v *client.MailVacation) error {
						if *v.StartTime != epochOf(startUTC) || *v.EndTime != epochOf(endUTC) ||
							*v.StartTimeISO != "2030-12-23T17:00:00.000Z" || *v.EndTimeISO != "2031-01-02T07:00:00.000Z" {
							return fmt.Errorf("Zoom holds %+v", v)
						}
						return nil
					}),
				},
			},
			{
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// The same instants in UTC, or with other offsets, are no change.
			{
				Config:           config(startUTC, "2031-01-02T08:00:00+01:00"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// An import reads Zoom's UTC spelling, which denotes the same instants.
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
			// Another instant is a change.
			{
				Config: config("2030-12-23T19:00:00+01:00", endOffset),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
				}},
				PostApplyFunc: afterApply(t, checkZoomVacation(env, mailbox, func(v *client.MailVacation) error {
					if *v.StartTime != epochOf("2030-12-23T18:00:00Z") {
						return fmt.Errorf("Zoom holds start %s", *v.StartTime)
					}
					return nil
				})),
			},
		},
	})
}

// TestAccMailVacation_sanitisedHTML: HTML that Zoom sanitises gives no difference, while an HTML body edited in
// the mail client is drift.
func TestAccMailVacation_sanitisedHTML(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t) // the sandbox's sanitiser is what makes Zoom's copy differ here
	mailbox := env.Host
	html := "<p>We are away.</p>\n<p onclick=\"track()\">Back in January.</p>\n<script>track()</script>\n"
	const sanitised = "<p>We are away.</p><p>Back in January.</p>"
	config := vacationConfig(env, mailbox, fmt.Sprintf("  enabled   = true\n  body_html = %q\n", html))
	mailTest(t, resource.TestCase{
		CheckDestroy: checkVacationsOff(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("body_html"), knownvalue.StringExact(html)),
					zoomVacationNow(env, mailbox, func(v *client.MailVacation) error {
						if *v.ResponseBodyHTML != sanitised {
							return fmt.Errorf("Zoom holds %q", *v.ResponseBodyHTML)
						}
						return nil
					}),
				},
			},
			{
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// An import can only see Zoom's sanitised copy.
			{
				ResourceName: vacationAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"body_html"},
				ImportStateCheck: func(s []*terraform.InstanceState) error {
					if got := s[0].Attributes["body_html"]; got != sanitised {
						return fmt.Errorf("imported body_html %q", got)
					}
					return nil
				},
			},
			// An edit in the mail client is drift on body_html, showing Zoom's HTML.
			{
				PreConfig: editVacation(t, env, mailbox, func(v *client.MailVacation) {
					v.ResponseBodyHTML = client.Ptr("<p>We are away until February.</p>")
				}),
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(vacationAddr, "body_html", "<p>We are away until February.</p>"),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("body_html"), knownvalue.StringExact(html)),
				}},
				PostApplyFunc: afterApply(t, checkZoomVacation(env, mailbox, func(v *client.MailVacation) error {
					if *v.ResponseBodyHTML != sanitised {
						return fmt.Errorf("Zoom holds %q", *v.ResponseBodyHTML)
					}
					return nil
				})),
			},
			// Another configured HTML that sanitises to the same copy is applied and then stable.
			{
				Config: vacationConfig(env, mailbox, fmt.Sprintf("  enabled   = true\n  body_html = %q\n", strings.ReplaceAll(html, "\n", "\n\n"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

// TestAccMailVacation_sandboxKnobs runs the lifecycle under every sandbox setting that changes what Zoom answers
// for the unconfirmed parts of the Mail API: PUT clearing or keeping omitted fields, how empty fields are
// rendered, and which time form wins. Each setting has its own sandbox, reached through its own provider instance
// (another local name of the provider), and its own zoom_mail_vacation, all in one configuration: one TestCase for
// all the settings.
func TestAccMailVacation_sandboxKnobs(t *testing.T) {
	// The names are local names of the provider: each setting's resource uses its own.
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
	names := slices.Sorted(maps.Keys(knobs))
	envs := map[string]*acctest.Env{}
	for _, name := range names {
		var profile []func(*sandbox.Profile)
		if knobs[name] != nil {
			profile = append(profile, knobs[name])
		}
		envs[name] = acctest.New(t, profile...)
		envs[name].RequireSandbox(t)
	}
	addr := func(name string) string { return "zoom_mail_vacation." + name }
	// config has one zoom_mail_vacation per setting, each with args, in its own account.
	config := func(args string) string {
		var b strings.Builder
		for _, name := range names {
			b.WriteString(envs[name].ProviderBlock(name))
			fmt.Fprintf(&b, "\nresource \"zoom_mail_vacation\" %q {\n  provider = %s\n  mailbox  = %q\n%s}\n", name, name, envs[name].Host, args)
		}
		return envs[names[0]].Config(b.String())
	}
	const fullArgs = `  enabled    = true
  subject    = "Away"
  body_text  = "Back soon."
  start_time = "2030-12-23T18:00:00+01:00"
  end_time   = "2031-01-02T07:00:00Z"
`
	full := config(fullArgs)
	// each returns a PreConfig that runs f for every setting's account.
	each := func(f func(env *acctest.Env) func()) func() {
		return func() {
			for _, name := range names {
				f(envs[name])()
			}
		}
	}
	var (
		created, cleared  []statecheck.StateCheck
		turnedOn, updated []plancheck.PlanCheck
		imports           []resource.TestStep
	)
	for _, name := range names {
		// Before Terraform, someone restricted replies to the domain in the mail client. With a PUT that keeps
		// omitted fields the unset flag keeps that value; with one that clears them it is reset. Either way
		// the state follows Zoom without a difference.
		wantDomain := envs[name].Sandbox.Profile().MailPutOmitted == sandbox.MailPutKeep
		created = append(created,
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("restrict_to_domain"), knownvalue.Bool(wantDomain)),
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("start_time"), knownvalue.StringExact("2030-12-23T18:00:00+01:00")),
		)
		cleared = append(cleared,
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("body_text"), knownvalue.Null()),
			statecheck.ExpectKnownValue(addr(name), tfjsonpath.New("start_time"), knownvalue.Null()),
		)
		turnedOn = append(turnedOn,
			plancheck.ExpectResourceAction(addr(name), plancheck.ResourceActionUpdate),
			plancheck.ExpectKnownValue(addr(name), tfjsonpath.New("enabled"), knownvalue.Bool(true)),
		)
		updated = append(updated, plancheck.ExpectResourceAction(addr(name), plancheck.ResourceActionUpdate))
		imports = append(imports, resource.TestStep{
			ResourceName: addr(name), ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"start_time"},
		})
	}

	steps := []resource.TestStep{
		{
			PreConfig: each(func(env *acctest.Env) func() {
				return func() {
					if _, err := env.Client.Mail.UpdateVacation(acctest.Ctx(), env.Host, &client.MailVacation{
						EnableAutoReply: client.Ptr(false), RestrictToDomain: client.Ptr(true), ResponseSubject: client.Ptr("Old"),
					}); err != nil {
						t.Fatal(err)
					}
				}
			}),
			Config:            full,
			ConfigStateChecks: created,
		},
		{
			RefreshState:      true,
			RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	}
	steps = append(steps, imports...)
	steps = append(steps,
		// Dropping the body and the dates clears them whatever Zoom does with omitted fields.
		resource.TestStep{
			Config:            config("  enabled = true\n  subject = \"Away\"\n"),
			ConfigStateChecks: cleared,
		},
		resource.TestStep{
			PreConfig: each(func(env *acctest.Env) func() {
				return editVacation(t, env, env.Host, func(v *client.MailVacation) { v.EnableAutoReply = client.Ptr(false) })
			}),
			Config:           full,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: turnedOn},
		},
		resource.TestStep{
			PreConfig:        each(func(env *acctest.Env) func() { return resetVacation(t, env, env.Host) }),
			Config:           full,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: updated},
		},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(names...),
		CheckDestroy: func(*terraform.State) error {
			for _, name := range names {
				if err := vacationOff(envs[name], envs[name].Host); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
			return nil
		},
		Steps: steps,
	})
}

// TestAccMailVacation_validation rejects bad input at plan time with a message that names the problem, and a
// mailbox on Zoom for Government.
func TestAccMailVacation_validation(t *testing.T) {
	env := acctest.New(t)
	cases := []struct{ mailbox, args, want string }{
		{"a@example.com", "  enabled = true\n  start_time = \"2031-01-02T00:00:00Z\"\n  end_time = \"2031-01-01T00:00:00Z\"\n  subject = \"x\"", `end_time is not after start_time`},
		{"a@example.com", "  enabled = true\n  start_time = \"2031-01-01T01:00:00+01:00\"\n  end_time = \"2031-01-01T00:00:00Z\"\n  subject = \"x\"", `end_time 2031-01-01T00:00:00Z is not after start_time`},
		{"a@example.com", "  enabled = true", `Missing auto-reply text.*subject, body_text or body_html`},
		{"a@example.com", "  enabled = true\n  start_time = \"2031-01-01T00:00:00Z\"", `Missing auto-reply text`},
		{"a@example.com", "  enabled = false\n  subject = \"\"", `subject string length must be at least 1`},
		{"not-an-address", "  enabled = false", `(?s)Invalid mailbox.*not a plain e-mail address`},
		{"me", "  enabled = false", `(?s)Invalid mailbox.*Server-to-Server OAuth app acts for the account`},
		{"a@example.com", "  enabled = false\n  start_time = \"23.12.2030 18:00\"", `is not a time of the form`},
		{"a@example.com", "  enabled = false\n  end_time = \"2031-01-01T00:00:00.250Z\"", `whole seconds only`},
		{"a@example.com", "  enabled = false\n  start_time = \"2030-12-23T18:00:00\"", `(?s)Time without a zone.*no time zone setting`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      vacationConfig(env, c.mailbox, c.args),
			PlanOnly:    true,
			ExpectError: errorRE(c.want),
		})
	}
	// Zoom Mail does not exist on Zoom for Government; the plan says so without a request (the provider's
	// credentials here are never used).
	steps = append(steps, resource.TestStep{
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
		PlanOnly:    true,
		ExpectError: errorRE(`Zoom Mail is not available on Zoom for Government.*commercial Zoom cloud`),
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
}

// TestAccMailVacation_mailUnavailable: an account without Zoom Mail, a mailbox that is not provisioned and Mail
// end-to-end encryption each fail with the list of prerequisites, under each answer the sandbox can give for them.
//
// The nine cases are the steps of one test case (one Terraform working directory instead of nine): each step has
// its own sandbox account, named by the provider block of its configuration, and fails at apply, so the state
// stays empty from one step to the next.
func TestAccMailVacation_mailUnavailable(t *testing.T) {
	const args = "  enabled = true\n  subject = \"Away\"\n"
	var steps []resource.TestStep
	for _, knob := range []string{sandbox.MailUnavailableInvalid, sandbox.MailUnavailableDescriptive, sandbox.MailUnavailableNotFound} {
		for _, c := range []struct {
			name    string
			profile func(*sandbox.Profile)
		}{
			{"mail disabled", func(p *sandbox.Profile) { p.MailEnabled = false }},
			{"unprovisioned", func(p *sandbox.Profile) { p.MailUnprovisionedMailboxes = []string{p.OwnerEmail} }},
			{"e2ee", func(p *sandbox.Profile) { p.MailE2EE = true }},
		} {
			env := acctest.New(t, func(p *sandbox.Profile) { p.MailUnavailableError = knob }, c.profile)
			env.RequireSandbox(t)
			n := len(steps) + 1
			steps = append(steps, resource.TestStep{
				PreConfig: func() { t.Logf("step %d: %s, %s", n, knob, c.name) },
				Config:    vacationConfig(env, env.Host, args),
				ExpectError: errorRE(`Error setting the Zoom Mail vacation responder of ` + regexp.QuoteMeta(env.Host) +
					`.*Zoom Mail Service is enabled.*end-to-end encryption is turned off.*provisioned Zoom Mail mailbox`),
			})
		}
	}
	mailTest(t, resource.TestCase{Steps: steps})
}

// TestAccMailVacation_mailLost: when Mail becomes unavailable after apply, a refresh fails with the prerequisites
// (Zoom's 400 cannot tell a lost mailbox from a disabled service); when Zoom says the mailbox does not exist (404),
// the resource leaves the state and the plan creates it again.
func TestAccMailVacation_mailLost(t *testing.T) {
	const args = "  enabled = true\n  subject = \"Away\"\n"
	t.Run("invalid request", func(t *testing.T) {
		env := acctest.New(t)
		env.RequireSandbox(t)
		config := vacationConfig(env, env.Host, args)
		mailTest(t, resource.TestCase{
			CheckDestroy: checkVacationsOff(env),
			Steps: []resource.TestStep{
				{Config: config},
				{
					PreConfig:    func() { env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.MailEnabled = false }) },
					RefreshState: true,
					ExpectError:  errorRE(`Error reading the Zoom Mail vacation responder.*Invalid Request.*terraform state rm`),
				},
				{
					PreConfig:        func() { env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.MailEnabled = true }) },
					Config:           config,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
	t.Run("not found", func(t *testing.T) {
		env := acctest.New(t, func(p *sandbox.Profile) { p.MailUnavailableError = sandbox.MailUnavailableNotFound })
		env.RequireSandbox(t)
		config := vacationConfig(env, env.Host, args)
		setUnprovisioned := func(list ...string) func() {
			return func() { env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.MailUnprovisionedMailboxes = list }) }
		}
		mailTest(t, resource.TestCase{
			CheckDestroy: checkVacationsOff(env),
			Steps: []resource.TestStep{
				{Config: config},
				{
					PreConfig:          setUnprovisioned(env.Host),
					RefreshState:       true,
					ExpectNonEmptyPlan: true,
					RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionCreate),
					}},
				},
				{
					PreConfig: setUnprovisioned(),
					Config:    config,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(vacationAddr, plancheck.ResourceActionCreate),
					}},
				},
			},
		})
	})
}

// TestAccMailVacation_missingScopes: a Zoom app without the Mail scopes fails with the scopes to add, granular and
// classic.
func TestAccMailVacation_missingScopes(t *testing.T) {
	const args = "  enabled = true\n  subject = \"Away\"\n"
	t.Run("write", func(t *testing.T) {
		env := acctest.New(t, func(p *sandbox.Profile) { p.GrantedScopes = []string{"user:read:admin", "mail:read:admin"} })
		env.RequireSandbox(t)
		mailTest(t, resource.TestCase{
			Steps: []resource.TestStep{{
				Config: vacationConfig(env, env.Host, args),
				ExpectError: errorRE(`Error setting the Zoom Mail vacation responder.*missing an OAuth scope.*` +
					`email:update:setting_vacation, email:update:setting_vacation:admin.*classic scopes need mail:write:admin`),
			}},
		})
	})
	t.Run("read", func(t *testing.T) {
		env := acctest.New(t, func(p *sandbox.Profile) { p.GrantedScopes = []string{"mail:write:admin"} })
		env.RequireSandbox(t)
		mailTest(t, resource.TestCase{
			CheckDestroy: checkVacationsOff(env),
			Steps: []resource.TestStep{
				// The PUT works; the refresh after it cannot read the setting.
				{
					Config: vacationConfig(env, env.Host, args),
					ExpectError: errorRE(`Error reading the Zoom Mail vacation responder.*missing an OAuth scope.*` +
						`email:read:setting_vacation:admin.*classic scopes need mail:read:admin`),
				},
				// With the scope granted (new tokens), the state matches and destroy can refresh.
				{
					PreConfig:        func() { env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.GrantedScopes = nil }) },
					Config:           vacationConfig(env, env.Host, args),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// TestAccMailVacation_valueRefused: when Zoom refuses the setting itself ("Invalid Argument." while the mailbox
// can be read), the error says that a value was refused rather than listing the Mail prerequisites. An HTML body
// made only of a script passes the plan but is empty once Zoom has sanitised it.
func TestAccMailVacation_valueRefused(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	mailTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      vacationConfig(env, env.Host, "  enabled   = true\n  body_html = \"<script>alert(1)</script>\"\n"),
			ExpectError: errorRE(`Invalid Argument.*The mailbox can be read, so Zoom refused a value of the setting`),
		}},
	})
}
