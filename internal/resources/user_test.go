package resources_test

import (
	"fmt"
	"regexp"
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

// TestAccUser_lifecycle runs the whole matrix on an active (autoCreate) user: create, import by ID and by e-mail,
// update in place, e-mail change in place, out-of-band change as drift, out-of-band delete and re-creation, and
// destroy.
func TestAccUser_lifecycle(t *testing.T) {
	env := acctest.New(t)
	email, email2 := env.RandomEmail(), env.RandomEmail()
	sameID := statecheck.CompareValue(compare.ValuesSame())

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
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkUserDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: userConfig(env, email, v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Ada Lovelace")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("pmi"), knownvalue.Int64Func(func(v int64) error {
						if v < 1000000000 || v > 9999999999 {
							return fmt.Errorf("pmi %d is not 10 digits", v)
						}
						return nil
					})),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone_numbers").AtSliceIndex(0).AtMapKey("label"), knownvalue.StringExact("Office")),
					statecheck.ExpectSensitiveValue(userAddr, tfjsonpath.New("personal_meeting_url")),
				},
			},
			// Re-applying the same configuration plans nothing.
			{
				Config: userConfig(env, email, v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			// Import by ID, then by e-mail. `action` is a create-time instruction that Zoom does not store: an
			// imported active e-mail user reads as "create".
			{
				ResourceName: userAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"action"},
			},
			{
				ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateId: email,
				ImportStateVerifyIgnore: []string{"action"},
			},
			// Update in place: names, type, profile fields and status, without replacement.
			{
				Config: userConfig(env, email, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("type"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Programmer")),
					// Zoom derives a display name only when it is blank, so renaming keeps the one it has.
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Ada Lovelace")),
				},
			},
			// The e-mail changes in place too.
			{
				Config: userConfig(env, email2, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact(email2)),
				},
			},
			// A change made in the portal shows up as drift on that field, and apply puts it back.
			{
				PreConfig: func() {
					u, err := env.Client.Users.Get(acctest.Ctx(), email2)
					if err != nil {
						t.Fatalf("out-of-band read: %v", err)
					}
					if err := env.Client.Users.Update(acctest.Ctx(), u.ID, &client.UpdateUserRequest{Dept: client.Ptr("Changed in the portal")}); err != nil {
						t.Fatalf("out-of-band change: %v", err)
					}
					if err := env.Client.Users.UpdateStatus(acctest.Ctx(), u.ID, "activate"); err != nil {
						t.Fatalf("out-of-band status change: %v", err)
					}
				},
				Config: userConfig(env, email2, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("dept"), knownvalue.StringExact("Analytical Engines")),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("dept"), knownvalue.StringExact("Analytical Engines")),
				},
			},
			// A user deleted in the portal leaves the state on refresh and is created again, without error.
			{
				PreConfig: func() {
					u, err := env.Client.Users.Get(acctest.Ctx(), email2)
					if err != nil {
						t.Fatalf("out-of-band read: %v", err)
					}
					if err := env.Client.Users.Delete(acctest.Ctx(), u.ID, &client.DeleteUserOptions{Action: "delete"}); err != nil {
						t.Fatalf("out-of-band delete: %v", err)
					}
				},
				Config: userConfig(env, email2, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				},
			},
		},
	})
}

// TestAccUser_invited covers action = "create": the user stays pending, the plan stays empty, and destroy
// disassociates the pending user.
func TestAccUser_invited(t *testing.T) {
	env := acctest.New(t)
	email := env.RandomEmail()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkUserDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: userConfig(env, email, `
  type          = 1
  first_name    = "Grace"
  delete_action = "delete"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("pending")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("action"), knownvalue.StringExact("create")),
				},
			},
			{
				ResourceName: userAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"delete_action"},
			},
			// A pending user cannot be activated: the plan-time error says why.
			{
				Config: userConfig(env, email, `
  type          = 1
  first_name    = "Grace"
  status        = "active"
  delete_action = "delete"
`),
				ExpectError: regexp.MustCompile(`(?s)Cannot change the status of a pending user.*accepted Zoom's invitation`),
			},
		},
	})
}

// TestAccUser_custCreate covers API users: allowed by the account profile, they are active and sign in as API
// users; on an account without custCreate the error says so and nothing is left behind.
func TestAccUser_custCreate(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.CustCreateAllowed = true })
	email := env.RandomEmail()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkUserDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: userConfig(env, email, `
  action     = "custCreate"
  type       = 2
  first_name = "Api"
  last_name  = "Host"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("login_types"), knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(99)})),
				},
			},
			// An import infers custCreate from the API-user login type, so nothing needs ignoring.
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
		},
	})
}

func TestAccUser_custCreateNotAllowed(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      userConfig(env, env.RandomEmail(), `  action = "custCreate"`+"\n  type = 1"),
			ExpectError: regexp.MustCompile(`Error creating Zoom user`),
		}},
		CheckDestroy: func(*terraform.State) error {
			users, err := env.Client.Users.List(acctest.Ctx(), &client.ListUsersOptions{})
			if err != nil {
				return err
			}
			if len(users) != 1 {
				return fmt.Errorf("expected only the account owner, found %d users", len(users))
			}
			return nil
		},
	})
}

// TestAccUser_passwordWriteOnly creates an autoCreate user with a write-only password, which never reaches state.
func TestAccUser_passwordWriteOnly(t *testing.T) {
	env := acctest.New(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkUserDestroyed(env),
		Steps: []resource.TestStep{{
			Config: userConfig(env, env.RandomEmail(), `
  action      = "autoCreate"
  type        = 1
  password_wo = "Zx9-kQ2m-Lp7"
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
			},
		}},
	})
}

// TestAccUser_duplicateEmail: creating a user whose e-mail is already in the account fails with advice to import,
// when that user is older than a day (a recent one with the configured names is adopted: an interrupted earlier
// apply created it, see TestAccAdoption_applyGivesUp).
func TestAccUser_duplicateEmail(t *testing.T) {
	env := acctest.New(t)
	email := env.RandomEmail()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				_, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{
					Action: "autoCreate", UserInfo: client.CreateUserInfo{Email: email, Type: 1},
				})
				if err != nil {
					t.Fatalf("out-of-band create: %v", err)
				}
				env.Sandbox.Advance(25 * time.Hour)
			},
			Config:      userConfig(env, email, `  action = "autoCreate"`+"\n  type = 1"),
			ExpectError: regexp.MustCompile(`(?s)already exists in the\s+account.*terraform import`),
		}},
	})
}

// TestAccUser_deleteWithTransfer destroys with delete_action = "delete" and a transfer target.
func TestAccUser_deleteWithTransfer(t *testing.T) {
	env := acctest.New(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkUserDestroyed(env),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_user" "heir" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "test" {
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
`, env.RandomEmail(), env.RandomEmail())),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("transfer").AtMapKey("meetings"), knownvalue.Bool(true)),
			},
		}},
	})
}

// TestAccUser_validation rejects bad input at plan time with a message that names the problem.
func TestAccUser_validation(t *testing.T) {
	env := acctest.New(t)
	cases := []struct {
		name, email, body, want string
	}{
		{"bad email", "not-an-email", `  type = 1`, `not a plain e-mail address`},
		{"bad type", "a@example.com", `  type = 3`, `type value must be one of`},
		{"type 99 needs sso", "a@example.com", `  type = 99`, `User type 99 needs ssoCreate`},
		{"bad action", "a@example.com", "  type = 1\n  action = \"invite\"", `action value must be one of`},
		{"password needs autoCreate", "a@example.com", "  type = 1\n  password_wo = \"Zx9-kQ2m-Lp7\"", `Password only applies to autoCreate`},
		{"weak password", "a@example.com", "  type = 1\n  action = \"autoCreate\"\n  password_wo = \"abcdefgh\"", `upper-case letters, lower-case letters and digits`},
		{"bad timezone", "a@example.com", "  type = 1\n  timezone = \"Mars/Olympus\"", `not an IANA time-zone name`},
		{"long first name", "a@example.com", "  type = 1\n  first_name = \"" + longName + "\"", `string length must be between 1 and 64`},
		{"empty dept", "a@example.com", "  type = 1\n  dept = \"\"", `string length must be between 1 and 128`},
		{"bad phone label", "a@example.com", "  type = 1\n  phone_numbers = [{ country = \"US\", code = \"+1\", number = \"5550100\", label = \"Pager\" }]", `label must be one of Mobile, Office, Home, Fax`},
		{"bad pmi", "a@example.com", "  type = 1\n  pmi = 123", `pmi value must be between 1000000000 and 9999999999`},
		{"status on invite", "a@example.com", "  type = 1\n  status = \"inactive\"", `Status cannot be set for an invited user`},
		{"pending not settable", "a@example.com", "  type = 1\n  action = \"autoCreate\"\n  status = \"pending\"", `status value must be one of`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      userConfig(env, c.email, c.body),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)` + c.want),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
}

const longName = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft"
