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

const userAddr = "zoom_user.test"

func userConfig(env *acctest.Env, email, body string) string {
	return env.Config(fmt.Sprintf(`
resource "zoom_user" "test" {
  email = %q
%s
}
`, email, body))
}

// checkUserDestroyed verifies that no user from the state is still in the account.
func checkUserDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_user" {
				continue
			}
			_, err := env.Client.Users.Get(acctest.Ctx(), rs.Primary.ID)
			if err == nil {
				return fmt.Errorf("zoom_user %s still exists after destroy", rs.Primary.ID)
			}
			if !client.IsNotFound(err) {
				return fmt.Errorf("checking zoom_user %s: %v", rs.Primary.ID, err)
			}
		}
		return nil
	}
}

// TestAccUser_lifecycle runs the whole matrix on an active (autoCreate) user, zoom_user.test: bad input rejected
// at plan time (userValidationSteps, before anything exists), create, import by ID
// and by e-mail, update in place (e-mail included), out-of-band change as drift, out-of-band delete and
// re-creation, and destroy. Beside it, in the same configuration (one TestCase; the account allows custCreate),
// each with a resource of its own:
//
//   - invited: action = "create": the user stays pending, the plan stays empty, an import works, a pending user
//     cannot be activated (a plan-time error says why), and destroy disassociates the pending user;
//   - api: API users (custCreate) are active and sign in as API users, an import infers custCreate from the
//     API-user login type, so nothing needs ignoring, and destroy deletes them by default;
//   - password: an autoCreate user with a write-only password, which never reaches state;
//   - heir, transfer: destroy with delete_action = "delete" and a transfer target;
//   - a delete_action Zoom refuses for how the user was created fails at plan time with the reason:
//     disassociate for custCreate and autoCreate users, including a user (api) whose API-user login type shows it
//     is one although the configuration does not say custCreate;
//   - unknown, refused: with an action unknown at plan time (the output of a terraform_data), delete_action is
//     planned unknown and follows the action at apply; a delete_action the action turns out not to allow fails
//     before any user is created;
//   - drift: a change made in the portal shows as drift on those fields, and apply puts it back;
//   - gone: created inactive; deleted in the portal, it leaves the state on refresh and is created again (inactive),
//     without error;
//   - rich: an active (autoCreate) user with the profile zoom_user.test is created with, imported by ID and by
//     e-mail into copies (importCopies; invited and api are imported so too) in the last step, which changes
//     none of them; destroy deletes each user more than once, and Delete takes a user already gone as deleted.
//
// The errors of several scenarios share a step (stepErrors ties each message to its resource): the validation
// errors, the plan-time refusals, and the apply-time ones.
//
// Against the sandbox, the scenarios that only the sandbox can stage (userSandbox, each on a sandbox of its own)
// run beside these, in the same configurations and TestCase, with two steps of their own at the end.
func TestAccUser_lifecycle(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.CustCreateAllowed = true })
	email, email2 := env.RandomEmail(), env.RandomEmail()
	invitedEmail, apiEmail, refusedEmail := env.RandomEmail(), env.RandomEmail(), env.RandomEmail()
	passwordEmail, heirEmail, transferEmail, unknownEmail := env.RandomEmail(), env.RandomEmail(), env.RandomEmail(), env.RandomEmail()
	driftEmail, goneEmail, richEmail := env.RandomEmail(), env.RandomEmail(), env.RandomEmail()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	// The ID of zoom_user.gone before and after its re-creation: another user.
	goneID := statecheck.CompareValue(compare.ValuesDiffer())
	errs := &stepErrors{t: t}
	// The scenarios only the sandbox can stage (userSandbox), beside these.
	var sb userSandbox
	factories := acctest.ProtoV6ProviderFactories
	if !acctest.RealAccount() {
		sb = userSandboxScenarios(t)
		factories = sb.set.factories()
	}

	v1 := `
  action      = "autoCreate"
  type        = 1
  first_name  = "Ada"
  last_name   = "Lovelace"
  dept        = "Engineering"
  timezone    = "Europe/London"
  phone_numbers = [{ country = "GB", code = "+44", number = "2071234567", label = "Office" }]
`
	v2 := `
  action      = "autoCreate"
  type        = 2
  first_name  = "Augusta"
  last_name   = "Lovelace"
  dept        = "Analytical Engines"
  job_title   = "Programmer"
  timezone    = "Europe/Paris"
  status      = "inactive"
`
	user := func(name, email, body string) string {
		return fmt.Sprintf("\nresource \"zoom_user\" %q {\n  email = %q\n%s\n}\n", name, email, body)
	}
	const invited = "  type          = 1\n  first_name    = \"Grace\"\n  delete_action = \"delete\""
	const api = "  action     = \"custCreate\"\n  type       = 2\n  first_name = \"Api\"\n  last_name  = \"Host\""
	// The users beside zoom_user.test, each with its block, which a step may change (over).
	others := func(over map[string]string) string {
		blocks := map[string]string{
			"invited": user("invited", invitedEmail, invited),
			"api":     user("api", apiEmail, api),
			"drift": user("drift", driftEmail, `  action = "autoCreate"
  type   = 2
  dept   = "Analytical Engines"
  status = "inactive"`),
			"gone": user("gone", goneEmail, `  action = "autoCreate"
  type   = 2
  status = "inactive"`),
			"rich": user("rich", richEmail, v1),
			"password": user("password", passwordEmail, `  action      = "autoCreate"
  type        = 1
  password_wo = "Zx9-kQ2m-Lp7"`),
			"transfer": fmt.Sprintf(`
resource "zoom_user" "heir" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "transfer" {
  email         = %q
  action        = "autoCreate"
  type          = 2
  delete_action = "delete"
  transfer = {
    email      = zoom_user.heir.email
    meetings   = true
    recordings = true
  }
}
`, heirEmail, transferEmail),
			// Each terraform_data's output is unknown until it is created.
			"unknown": fmt.Sprintf(`
resource "terraform_data" "second" {
  input = "custCreate"
}
`) + user("unknown", unknownEmail, "  action = terraform_data.second.output\n  type   = 1"),
		}
		maps.Copy(blocks, over)
		var b strings.Builder
		for _, name := range slices.Sorted(maps.Keys(blocks)) {
			b.WriteString(blocks[name])
		}
		return b.String()
	}
	config := func(email, body string, over map[string]string) string {
		return env.Config(user("test", email, body) + others(over))
	}
	// Import, by ID and then by e-mail. `action` is a create-time instruction that Zoom does not store: an imported
	// active e-mail user reads as "create", and its delete_action defaults to disassociate (userSandbox,
	// zoomimported, covers destroying such a user). An imported pending user's delete_action is disassociate too. An
	// import infers custCreate from the API-user login type, so nothing needs ignoring.
	last := config(email2, v2, nil)
	var imports importCopies
	imports.add(last, "zoom_user.rich", "", "zoom_user.rich.id", "action", "delete_action")
	imports.addAs("rich_by_email", last, "zoom_user.rich", "", "zoom_user.rich.email", "action", "delete_action")
	imports.add(last, "zoom_user.invited", "", "zoom_user.invited.id", "delete_action")
	imports.add(last, "zoom_user.api", "", "zoom_user.api.id")
	steps := []resource.TestStep{
		// Bad input rejected at plan time (Terraform's validation), every case in one configuration.
		userValidationStep(env, errs),
		{
			Config: config(email, v1, nil) + sb.created,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue("zoom_user.unknown", tfjsonpath.New("delete_action")),
			}, PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append([]statecheck.StateCheck{
				sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`))),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
				// Zoom cannot disassociate a managed-domain (autoCreate) user, so destroy deletes by default.
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("delete_action"), knownvalue.StringExact("delete")),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Ada Lovelace")),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("pmi"), knownvalue.Int64Func(func(v int64) error {
					if v < 1000000000 || v > 9999999999 {
						return fmt.Errorf("pmi %d is not 10 digits", v)
					}
					return nil
				})),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone_numbers").AtSliceIndex(0).AtMapKey("label"), knownvalue.StringExact("Office")),
				statecheck.ExpectSensitiveValue(userAddr, tfjsonpath.New("personal_meeting_url")),

				statecheck.ExpectKnownValue("zoom_user.invited", tfjsonpath.New("status"), knownvalue.StringExact("pending")),
				statecheck.ExpectKnownValue("zoom_user.invited", tfjsonpath.New("action"), knownvalue.StringExact("create")),

				statecheck.ExpectKnownValue("zoom_user.api", tfjsonpath.New("status"), knownvalue.StringExact("active")),
				statecheck.ExpectKnownValue("zoom_user.api", tfjsonpath.New("login_types"), knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(99)})),
				// Zoom cannot unlink an API user, so destroy deletes by default.
				statecheck.ExpectKnownValue("zoom_user.api", tfjsonpath.New("delete_action"), knownvalue.StringExact("delete")),

				statecheck.ExpectKnownValue("zoom_user.password", tfjsonpath.New("password_wo"), knownvalue.Null()),
				statecheck.ExpectKnownValue("zoom_user.password", tfjsonpath.New("status"), knownvalue.StringExact("active")),

				statecheck.ExpectKnownValue("zoom_user.transfer", tfjsonpath.New("transfer").AtMapKey("meetings"), knownvalue.Bool(true)),

				statecheck.ExpectKnownValue("zoom_user.unknown", tfjsonpath.New("delete_action"), knownvalue.StringExact("delete")),

				statecheck.ExpectKnownValue("zoom_user.drift", tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				statecheck.ExpectKnownValue("zoom_user.gone", tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				goneID.AddStateValue("zoom_user.gone", tfjsonpath.New("id")),
			}, sb.checks[0]...)...)}},
		},
		// That re-applying the same configuration plans nothing is checked by the test framework itself, which
		// plans again after every apply and fails on a non-empty plan.
		// Refused at plan time, each with the reason: a delete_action Zoom refuses for custCreate and for autoCreate
		// users; for the API user although the configuration no longer says custCreate (the login type does); a
		// status on a new invited user.
		{
			PreConfig: errs.expect(
				diagAbout("zoom_user.refused_cust", `Zoom refuses this delete_action.*Unable to unlink API\s+user`),
				diagAbout("zoom_user.refused_auto", `Zoom refuses this delete_action.*managed\s+domain`),
				diagAbout("zoom_user.api", `Zoom refuses this delete_action.*API\s+user`),
				diagAbout("zoom_user.invite_status", `Status cannot be set for an invited user`),
			),
			Config: config(email, v1, map[string]string{
				"refused_cust":  user("refused_cust", env.RandomEmail(), "  action = \"custCreate\"\n  type = 1\n  delete_action = \"disassociate\""),
				"refused_auto":  user("refused_auto", env.RandomEmail(), "  action = \"autoCreate\"\n  type = 1\n  delete_action = \"disassociate\""),
				"api":           user("api", apiEmail, "  type = 1\n  delete_action = \"disassociate\""),
				"invite_status": user("invite_status", env.RandomEmail(), "  type = 1\n  status = \"inactive\""),
			}) + sb.created,
			PlanOnly: true,
		},
		// Refused at apply: a pending user cannot be activated (the error says why); the action, unknown at plan
		// time, turns out to be custCreate, which does not allow disassociate. And the failures of userSandbox.
		{
			PreConfig: func() {
				errs.expect(append([]wantDiag{
					diagAbout("zoom_user.invited", `Cannot change the status of a pending user.*accepted\s+Zoom's\s+invitation`),
					diagAbout("zoom_user.refused", `Zoom refuses this delete_action.*Unable to unlink API\s+user`),
				}, sb.failuresWant...)...)()
				if sb.beforeFailures != nil {
					sb.beforeFailures()
				}
			},
			Config: config(email, v1, map[string]string{
				"invited": user("invited", invitedEmail, invited+"\n  status        = \"active\""),
				"refused": "\nresource \"terraform_data\" \"first\" {\n  input = \"custCreate\"\n}\n" +
					user("refused", refusedEmail, "  action = terraform_data.first.output\n  type   = 1\n  delete_action = \"disassociate\""),
			}) + sb.created + sb.failures,
		},
		// Update in place: names, type, profile fields, status and the e-mail, without replacement (the same ID).
		// Drift: a change made in the portal shows up as drift on those fields, and apply puts it back. Gone: a user
		// deleted in the portal leaves the state on refresh and is created again (another ID), without error.
		// Import: see imports.
		{
			PreConfig: func() {
				if _, err := env.Client.Users.Get(acctest.Ctx(), refusedEmail); !client.IsNotFound(err) {
					t.Fatalf("the refused create left a user behind (%v)", err)
				}
				u, err := env.Client.Users.Get(acctest.Ctx(), driftEmail)
				if err != nil {
					t.Fatalf("out-of-band read: %v", err)
				}
				if err := env.Client.Users.Update(acctest.Ctx(), u.ID, &client.UpdateUserRequest{Dept: client.Ptr("Changed in the portal")}); err != nil {
					t.Fatalf("out-of-band change: %v", err)
				}
				if err := env.Client.Users.UpdateStatus(acctest.Ctx(), u.ID, "activate"); err != nil {
					t.Fatalf("out-of-band status change: %v", err)
				}
				g, err := env.Client.Users.Get(acctest.Ctx(), goneEmail)
				if err != nil {
					t.Fatalf("out-of-band read: %v", err)
				}
				if err := env.Client.Users.Delete(acctest.Ctx(), g.ID, &client.DeleteUserOptions{Action: "delete"}); err != nil {
					t.Fatalf("out-of-band delete: %v", err)
				}
			},
			Config: last + imports.config() + sb.pending,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction("zoom_user.drift", plancheck.ResourceActionUpdate),
				expectBefore("zoom_user.drift", "dept", "Changed in the portal"),
				expectBefore("zoom_user.drift", "status", "active"),
				plancheck.ExpectKnownValue("zoom_user.drift", tfjsonpath.New("dept"), knownvalue.StringExact("Analytical Engines")),
				plancheck.ExpectKnownValue("zoom_user.drift", tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				plancheck.ExpectResourceAction("zoom_user.gone", plancheck.ResourceActionCreate),
			}, imports.checks...), PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append([]statecheck.StateCheck{
				sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("type"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Programmer")),
				// Zoom derives a display name only when it is blank, so renaming keeps the one it has.
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Ada Lovelace")),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact(email2)),
				statecheck.ExpectKnownValue("zoom_user.drift", tfjsonpath.New("dept"), knownvalue.StringExact("Analytical Engines")),
				statecheck.ExpectKnownValue("zoom_user.gone", tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				goneID.AddStateValue("zoom_user.gone", tfjsonpath.New("id")),
			}, slices.Concat(imports.stateChecks, sb.checks[1])...)...)}},
		},
	}
	destroyed := checkUserDestroyed(env)
	if !acctest.RealAccount() {
		steps = append(steps,
			// userSandbox: the invited persons accept; the next plan sends what Zoom lacks (nothing where Zoom
			// applied the change). The import of zoomimported.
			resource.TestStep{
				PreConfig: func() {
					sb.accept()
					sb.beforeImport()
				},
				Config: last + imports.config() + sb.last + sb.imported,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:            slices.Concat(sb.accepted, sb.importPlan),
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(slices.Concat(sb.checks[2], sb.importChecks)...)},
				},
			})
		destroyed = resource.ComposeTestCheckFunc(destroyed, sb.destroyed)
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             destroyed,
		ErrorCheck:               errs.check,
		Steps:                    steps,
	})
	errs.done()
}

// userValidationStep rejects bad input at plan time with a message that names the problem: a plan-only step
// whose configuration holds every case, one zoom_user each, which TestAccUser_lifecycle runs before its first
// apply. Each message must name its resource (stepErrors).
func userValidationStep(env *acctest.Env, errs *stepErrors) resource.TestStep {
	cases := []struct {
		name, email, body, want string
	}{
		{"bad_email", "not-an-email", `  type = 1`, `not a plain e-mail address`},
		{"bad_type", "a@example.com", `  type = 3`, `type value must be one of`},
		// Type 99 (None) is struck out of the User spec.
		{"type_99", "a@example.com", `  type = 99`, `type value must be one of: \["1" "2" "4"\]`},
		{"type_99_sso", "a@example.com", "  type = 99\n  action = \"ssoCreate\"", `type value must be one of: \["1" "2" "4"\]`},
		{"bad_action", "a@example.com", "  type = 1\n  action = \"invite\"", `action value must be one of`},
		{"password_needs_autocreate", "a@example.com", "  type = 1\n  password_wo = \"Zx9-kQ2m-Lp7\"", `Password only applies to autoCreate`},
		{"weak_password", "a@example.com", "  type = 1\n  action = \"autoCreate\"\n  password_wo = \"abcdefgh\"", `upper-case letters, lower-case letters and digits`},
		{"bad_timezone", "a@example.com", "  type = 1\n  timezone = \"Mars/Olympus\"", `not an IANA time-zone name`},
		{"long_first_name", "a@example.com", "  type = 1\n  first_name = \"" + longName + "\"", `string length must be between 1 and 64`},
		{"empty_dept", "a@example.com", "  type = 1\n  dept = \"\"", `string length must be between 1 and 128`},
		{"bad_phone_label", "a@example.com", "  type = 1\n  phone_numbers = [{ country = \"US\", code = \"+1\", number = \"5550100\", label = \"Pager\" }]", `label must be one of Mobile, Office, Home, Fax`},
		{"bad_pmi", "a@example.com", "  type = 1\n  pmi = 123", `pmi value must be between 1000000000 and 9999999999`},
		{"pending_not_settable", "a@example.com", "  type = 1\n  action = \"autoCreate\"\n  status = \"pending\"", `status value must be one of`},
	}
	var b strings.Builder
	want := make([]wantDiag, 0, len(cases))
	for _, c := range cases {
		fmt.Fprintf(&b, "\nresource \"zoom_user\" %q {\n  email = %q\n%s\n}\n", c.name, c.email, c.body)
		want = append(want, diagAbout("zoom_user."+c.name, c.want))
	}
	return resource.TestStep{PreConfig: errs.expect(want...), Config: env.Config(b.String()), PlanOnly: true}
}

const longName = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft"

// userSandbox is the user scenarios that only the sandbox can stage, each with its own sandbox, reached through its
// own provider instance (a local name of the provider), and its own zoom_user, which TestAccUser_lifecycle runs
// beside its own, in its configurations and TestCase: created (its create step), changed while pending (its last
// step), accepted (a step of their own, which imports zoomimported too), failing (its step of apply-time errors:
// steps that fail leave the state as it was, so each failing scenario appears in that step's configuration only).
type userSandbox struct {
	set                    sandboxSet
	created, pending, last string                     // the configurations of the steps (without a zoom provider block)
	checks                 [3][]statecheck.StateCheck // after the apply of created, pending and last
	accepted               []plancheck.PlanCheck      // the plan after the invitations are accepted
	accept                 func()                     // PreConfig: the invited persons accept
	failures               string                     // the resources that fail
	failuresWant           []wantDiag
	beforeFailures         func() // PreConfig of the failing step
	beforeImport           func() // PreConfig of the import
	imported               string // the imported user and its import block
	importPlan             []plancheck.PlanCheck
	importChecks           []statecheck.StateCheck
	destroyed              resource.TestCheckFunc
}

// userSandboxScenarios sets up the scenarios below (see userSandbox).
//
//   - zoomstatus200, zoomstatus204: activating and deactivating works whether Zoom answers userStatus with 200 (as
//     the User spec documents) or 204.
//   - zoomignored, zoomapplied: Zoom may answer success to a profile update of a pending (invited) user and change
//     nothing. Under both settings the configured values stay in state without error or diff while the user is
//     pending; once the person accepts, the next plan shows what Zoom still lacks and apply sends it.
//   - zoompreserveassent, zoomlowerdigits, zoomlowerinternational: Zoom may store e-mails lower-cased and reformat
//     phone numbers. Under every setting the configured spelling stays in state, with no error and no difference
//     on the next plan, and changing both in place works the same way.
//   - zoomnotallowed: on an account without custCreate the error says so and nothing is left behind.
//   - zoomduplicate: creating a user whose e-mail is already in the account fails with advice to import, when that
//     user is older than a day (a recent one with the configured names is adopted: an interrupted earlier apply
//     created it, see TestAccAdoption_lostAnswers).
//   - zoomimported: an imported autoCreate user looks like an invited one (nothing in Zoom's record tells a
//     managed-domain user), so delete_action defaults to disassociate; when Zoom refuses that on destroy, the user
//     is deleted with a warning instead of destroy failing.
func userSandboxScenarios(t *testing.T) userSandbox {
	set := newSandboxes(t, map[string]func(*sandbox.Profile){
		"zoomstatus200": func(p *sandbox.Profile) { p.UserStatusSuccessCode = 200 },
		"zoomstatus204": func(p *sandbox.Profile) { p.UserStatusSuccessCode = 204 },
		"zoomignored":   func(p *sandbox.Profile) { p.PendingUsersIgnoreProfileUpdates = true },
		"zoomapplied":   func(p *sandbox.Profile) { p.PendingUsersIgnoreProfileUpdates = false },
		"zoompreserveassent": func(p *sandbox.Profile) {
			p.UserEmailCase, p.PhoneNumberFormat = sandbox.UserEmailPreserve, sandbox.PhoneFormatAsSent
		},
		"zoomlowerdigits": func(p *sandbox.Profile) {
			p.UserEmailCase, p.PhoneNumberFormat = sandbox.UserEmailLower, sandbox.PhoneFormatDigits
		},
		"zoomlowerinternational": func(p *sandbox.Profile) {
			p.UserEmailCase, p.PhoneNumberFormat = sandbox.UserEmailLower, sandbox.PhoneFormatInternational
		},
		"zoomnotallowed": nil, "zoomduplicate": nil, "zoomimported": nil,
	})
	notAllowed, duplicate, imported := set.envs["zoomnotallowed"], set.envs["zoomduplicate"], set.envs["zoomimported"]
	failureNames := []string{"zoomduplicate", "zoomimported", "zoomnotallowed"}
	statusNames := []string{"zoomstatus200", "zoomstatus204"}
	pendingNames := []string{"zoomapplied", "zoomignored"}
	normNames := []string{"zoomlowerdigits", "zoomlowerinternational", "zoompreserveassent"}
	emails, emails2 := map[string]string{}, map[string]string{}
	var destroyed []resource.TestCheckFunc
	for _, name := range set.names {
		env := set.envs[name]
		emails[name] = env.RandomEmail()
		if slices.Contains(normNames, name) {
			mixed := func() string {
				local, domain, _ := strings.Cut(env.RandomEmail(), "@")
				return local + "@" + strings.ToUpper(domain)
			}
			emails[name], emails2[name] = mixed(), mixed()
		}
		if !slices.Contains(failureNames, name) || name == "zoomimported" {
			destroyed = append(destroyed, inProvider(name, checkUserDestroyed(env)))
		}
	}
	destroyed = append(destroyed, func(*terraform.State) error {
		users, err := notAllowed.Client.Users.List(acctest.Ctx(), &client.ListUsersOptions{})
		if err != nil {
			return err
		}
		if len(users) != 1 {
			return fmt.Errorf("zoomnotallowed: expected only the account owner, found %d users", len(users))
		}
		return nil
	})
	// failing is the zoom_user of a failure scenario (name) with body.
	failing := func(name, body string) string {
		return fmt.Sprintf("\nresource \"zoom_user\" %[1]q {\n  provider = %[1]s\n  email    = %[2]q\n%[3]s\n}\n", name, emails[name], body)
	}

	const pendingV1 = `
  type       = 1
  first_name = "Grace"
  dept       = "Research"
  job_title  = "Rear Admiral"
  phone_numbers = [{ country = "US", code = "+1", number = "2025550100", label = "Office" }]
`
	const pendingV2 = `
  type       = 2
  first_name = "Grace"
  dept       = "Navy"
  job_title  = "Rear Admiral"
  timezone   = "America/New_York"
  phone_numbers = [{ country = "US", code = "+1", number = "2025550100", label = "Office" }]
`
	// config: the status users with status, the pending users with pendingBody, the normalised users with the
	// e-mails of changed (emails2 or emails) and number.
	config := func(status, pendingBody string, changed bool, number string) string {
		// Without the zoom provider block, which TestAccUser_lifecycle's configuration has.
		return strings.TrimPrefix(set.config(func(name string, _ *acctest.Env) string {
			block := func(email, body string) string {
				return fmt.Sprintf("\nresource \"zoom_user\" %[1]q {\n  provider = %[1]s\n  email    = %[2]q\n%[3]s\n}\n", name, email, body)
			}
			switch {
			case slices.Contains(statusNames, name):
				return block(emails[name], fmt.Sprintf("  action   = \"autoCreate\"\n  type     = 1\n  status   = %q", status))
			case slices.Contains(pendingNames, name):
				return block(emails[name], pendingBody)
			case slices.Contains(normNames, name):
				email := emails[name]
				if changed {
					email = emails2[name]
				}
				return block(email, fmt.Sprintf(`  action   = "autoCreate"
  type     = 1
  manager  = "The.Boss@Example.COM"
  phone_numbers = [{ country = "US", code = "+1", number = %q, label = "Mobile" }]`, number))
			}
			return ""
		}), set.envs[set.names[0]].Config(""))
	}
	statusIs := func(status string) (checks []statecheck.StateCheck) {
		for _, name := range statusNames {
			checks = append(checks, statecheck.ExpectKnownValue("zoom_user."+name, tfjsonpath.New("status"), knownvalue.StringExact(status)))
		}
		return checks
	}
	inState := func(addr string, typ int64, dept string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.Int64Exact(typ)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("dept"), knownvalue.StringExact(dept)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("job_title"), knownvalue.StringExact("Rear Admiral")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("phone_numbers").AtSliceIndex(0).AtMapKey("number"), knownvalue.StringExact("2025550100")),
		}
	}
	// zoomHas checks what Zoom itself holds.
	zoomHas := func(env *acctest.Env, email string, typ int, dept string) statecheck.StateCheck {
		return acctest.CheckNow(func() error {
			u, err := env.Client.Users.Get(acctest.Ctx(), email)
			if err != nil {
				return err
			}
			if u.Type != typ || u.Dept != dept {
				return fmt.Errorf("zoom has type %d dept %q for %s, want %d %q", u.Type, u.Dept, email, typ, dept)
			}
			return nil
		})
	}
	created, pending, accepted := statusIs("inactive"), statusIs("active"), statusIs("inactive")
	var afterAccept []plancheck.PlanCheck
	for _, name := range pendingNames {
		addr, env, email := "zoom_user."+name, set.envs[name], emails[name]
		ignored := name == "zoomignored"
		created = append(append(created, inState(addr, 1, "Research")...),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("pending")))
		pendingType, pendingDept := 2, "Navy"
		if ignored {
			pendingType, pendingDept = 1, ""
		}
		pending = append(append(pending, inState(addr, 2, "Navy")...), zoomHas(env, email, pendingType, pendingDept))
		accepted = append(append(accepted, inState(addr, 2, "Navy")...),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("active")), zoomHas(env, email, 2, "Navy"))
		if ignored {
			afterAccept = append(afterAccept,
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("dept"), knownvalue.StringExact("Navy")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.Int64Exact(2)),
			)
		} else {
			afterAccept = append(afterAccept, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop))
		}
	}
	for _, name := range normNames {
		addr := "zoom_user." + name
		created = append(created,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.StringExact(emails[name])),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("manager"), knownvalue.StringExact("The.Boss@Example.COM")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("phone_numbers").AtSliceIndex(0).AtMapKey("number"), knownvalue.StringExact("(202) 555-0100")),
		)
		pending = append(pending,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.StringExact(emails2[name])),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("phone_numbers").AtSliceIndex(0).AtMapKey("number"), knownvalue.StringExact("202.555.0199")),
		)
	}
	return userSandbox{
		set:      set,
		created:  config("inactive", pendingV1, false, "(202) 555-0100"),
		pending:  config("active", pendingV2, true, "202.555.0199"),
		last:     config("inactive", pendingV2, true, "202.555.0199"),
		checks:   [3][]statecheck.StateCheck{created, pending, accepted},
		accepted: afterAccept,
		accept: func() {
			for _, name := range pendingNames {
				if err := set.envs[name].Sandbox.AcceptInvitation(emails[name]); err != nil {
					t.Fatalf("accepting the invitation of %s: %v", emails[name], err)
				}
			}
		},
		// zoomnotallowed: custCreate refused by the account. zoomduplicate: the e-mail of an older user.
		failures: failing("zoomnotallowed", "  action = \"custCreate\"\n  type = 1") +
			failing("zoomduplicate", "  action = \"autoCreate\"\n  type = 1"),
		failuresWant: []wantDiag{
			diagAbout("zoom_user.zoomnotallowed", `Error creating Zoom user`),
			diagAbout("zoom_user.zoomduplicate", `already exists in the\s+account.*terraform import`),
		},
		beforeFailures: func() {
			_, err := duplicate.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{
				Action: "autoCreate", UserInfo: client.CreateUserInfo{Email: emails["zoomduplicate"], Type: 1},
			})
			if err != nil {
				t.Fatalf("out-of-band create: %v", err)
			}
			duplicate.Sandbox.Advance(25 * time.Hour)
		},
		// zoomimported: a user created in the portal, imported by e-mail with an import block; the plan imports it
		// without a change, and its delete_action is disassociate.
		beforeImport: func() {
			if _, err := imported.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{
				Action: "autoCreate", UserInfo: client.CreateUserInfo{Email: emails["zoomimported"], Type: 1},
			}); err != nil {
				t.Fatalf("out-of-band create: %v", err)
			}
		},
		imported: failing("zoomimported", "  type = 1") +
			fmt.Sprintf("\nimport {\n  provider = zoomimported\n  to       = zoom_user.zoomimported\n  id       = %q\n}\n", emails["zoomimported"]),
		importPlan: []plancheck.PlanCheck{
			importedCheck("zoom_user.zoomimported"),
			plancheck.ExpectResourceAction("zoom_user.zoomimported", plancheck.ResourceActionNoop),
		},
		importChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("zoom_user.zoomimported", tfjsonpath.New("delete_action"), knownvalue.StringExact("disassociate")),
		},
		destroyed: resource.ComposeTestCheckFunc(destroyed...),
	}
}
