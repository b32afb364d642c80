package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

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
	roleAddr          = "zoom_role.test"
	roleMemberAddr    = "zoom_role_member.test"
	roleMembersAddr   = "zoom_role_members.test"
	userAssistantAddr = "zoom_user_assistant.test"
)

// testUser is a user created out of band for membership tests.
type testUser struct{ id, email string }

// licensedUser creates an active licensed user through the API.
func licensedUser(t *testing.T, env *acctest.Env) testUser {
	t.Helper()
	email := env.RandomEmail()
	u, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{Action: "autoCreate",
		UserInfo: client.CreateUserInfo{Email: email, Type: 2, FirstName: "Role", Password: "Secr3tPassw0rd"}})
	if err != nil {
		t.Fatalf("creating a user: %v", err)
	}
	return testUser{u.ID, email}
}

// roleOf returns the role ID a user holds.
func roleOf(env *acctest.Env, user string) (string, error) {
	u, err := env.Client.Users.Get(acctest.Ctx(), user)
	if err != nil {
		return "", err
	}
	return u.RoleID, nil
}

// wantRole checks the role a user holds.
func wantRole(env *acctest.Env, user string, role func() string) statecheck.StateCheck {
	return acctest.CheckNow(func() error {
		got, err := roleOf(env, user)
		if err == nil && got != role() {
			err = fmt.Errorf("%s holds role %q, want %q", user, got, role())
		}
		return err
	})
}

// checkRolesDestroyed verifies that only the built-in roles are left and that every user is back in a built-in role.
func checkRolesDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		roles, err := env.Client.Roles.List(acctest.Ctx())
		if err != nil {
			return err
		}
		for _, r := range roles {
			if !client.IsBuiltinRole(r.ID) {
				return fmt.Errorf("role %s (%s) is left after destroy", r.ID, r.Name)
			}
		}
		return nil
	}
}

// roleIDs remembers the current role ID for checks and out-of-band changes.
type roleIDs struct{ id string }

func (r *roleIDs) get() string { return r.id }

func (r *roleIDs) capture(addr string) statecheck.StateCheck {
	return stateString(addr, "id", &r.id)
}

// TestAccRole_lifecycle: a custom role with a member given by e-mail, created next to the zoom_user it names (whose
// role attributes follow without a plan difference); imported by name and the member by <role>/<user>; updated in
// place, the member switched to the user's ID without replacement; a privilege change and a member moved away in
// the portal show as drift; the role deleted in the portal is created again; destroy moves the member back to the
// Member role and leaves no role.
func TestAccRole_lifecycle(t *testing.T) {
	env := acctest.New(t)
	email := env.RandomEmail()
	name := acctest.RandomName()
	role := &roleIDs{}
	var userID string
	config := func(name, privileges, desc, member string) string {
		if desc != "" {
			desc = fmt.Sprintf("  description = %q\n", desc)
		}
		return env.Config(fmt.Sprintf(`
resource "zoom_user" "u" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_role" "test" {
  name       = %q
  privileges = [%s]
%s}

resource "zoom_role_member" "test" {
  role_id = zoom_role.test.id
  user_id = %s
}

data "zoom_role" "admin" {
  name = "admin"
}

data "zoom_roles" "custom" {
  built_in   = false
  depends_on = [zoom_role.test]
}
`, email, name, privileges, desc, member))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkRolesDestroyed(env), func(*terraform.State) error {
			if got, err := roleOf(env, email); err == nil || !client.IsNotFound(err) {
				return fmt.Errorf("the user is left with role %q (%v)", got, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: config(name, `"User:Read", "Group:Read"`, "", "zoom_user.u.email"),
				ConfigStateChecks: []statecheck.StateCheck{
					role.capture(roleAddr),
					stateString("zoom_user.u", "id", &userID),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("privileges"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("User:Read"), knownvalue.StringExact("Group:Read")})),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("total_members"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(roleMemberAddr, tfjsonpath.New("user_id"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue(roleMemberAddr, tfjsonpath.New("member_email"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue("data.zoom_role.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue("data.zoom_role.admin", tfjsonpath.New("built_in"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.zoom_roles.custom", tfjsonpath.New("roles"), knownvalue.ListSizeExact(1)),
					wantRole(env, email, role.get),
				},
			},
			// total_members was recorded before the member was assigned; the import counts them.
			{ResourceName: roleAddr, ImportState: true, ImportStateVerify: true, ImportStateId: strings.ToUpper(name),
				ImportStateVerifyIgnore: []string{"total_members"}},
			{ResourceName: roleMemberAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return role.id + "/" + email, nil }},
			// In place: name, description and privileges; the member written as ID changes nothing in Zoom.
			{
				Config: config(name+"-2", `"User:Edit"`, "Support desk", "zoom_user.u.id"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.StringExact("Support desk")),
					statecheck.ExpectKnownValue(roleMemberAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v != role.id+"/"+userID {
							return fmt.Errorf("id %q", v)
						}
						return nil
					})),
				},
			},
			// In the portal: a privilege is added and the member is moved to the Admin role.
			{
				PreConfig: func() {
					if err := env.Client.Roles.Update(acctest.Ctx(), role.id, &client.RoleRequest{Privileges: &[]string{"User:Edit", "User:Read"}}); err != nil {
						t.Fatal(err)
					}
					if err := env.Client.Roles.AddMembers(acctest.Ctx(), client.RoleIDAdmin, []client.UserRef{client.RefTo(email)}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(name+"-2", `"User:Edit"`, "", "zoom_user.u.id"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("privileges"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("User:Edit")})),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.Null()),
					wantRole(env, email, role.get),
				},
			},
			// Deleted in the portal (after its member was unassigned): both are created again.
			{
				PreConfig: func() {
					if err := env.Client.Roles.RemoveMember(acctest.Ctx(), role.id, userID); err != nil {
						t.Fatal(err)
					}
					if err := env.Client.Roles.Delete(acctest.Ctx(), role.id); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(name+"-2", `"User:Edit"`, "", "zoom_user.u.id"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{role.capture(roleAddr), wantRole(env, email, role.get)},
			},
			// Destroying the member alone moves the user back to the Member role.
			{
				Config: env.Config(fmt.Sprintf(`
resource "zoom_user" "u" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_role" "test" {
  name       = %q
  privileges = ["User:Edit"]
}
`, email, name+"-2")),
				ConfigStateChecks: []statecheck.StateCheck{wantRole(env, email, func() string { return client.RoleIDMember })},
			},
		},
	})
}

// TestAccRole_deleteWithMembers: Zoom refuses to delete a role that still has members (the strict reading); the
// error names them. With the sandbox moving the members instead, destroy succeeds and they hold the Member role.
func TestAccRole_deleteWithMembers(t *testing.T) {
	for _, moves := range []bool{false, true} {
		t.Run(fmt.Sprintf("moves=%v", moves), func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.RoleDeleteMovesMembers = moves })
			member := licensedUser(t, env)
			role := &roleIDs{}
			config := env.Config(fmt.Sprintf(`
resource "zoom_role" "test" {
  name = %q
}
`, acctest.RandomName()))
			steps := []resource.TestStep{
				{Config: config, ConfigStateChecks: []statecheck.StateCheck{role.capture(roleAddr)}},
			}
			addMember := func() {
				if err := env.Client.Roles.AddMembers(acctest.Ctx(), role.id, []client.UserRef{client.RefTo(member.id)}); err != nil {
					t.Fatal(err)
				}
			}
			if moves {
				steps = append(steps, resource.TestStep{PreConfig: addMember, Config: env.Config(""),
					ConfigStateChecks: []statecheck.StateCheck{wantRole(env, member.id, func() string { return client.RoleIDMember })}})
			} else {
				steps = append(steps,
					resource.TestStep{PreConfig: addMember, Config: env.Config(""),
						ExpectError: regexp.MustCompile(wrapped("Give these members another role").String() + `(.|\n)*` + regexp.QuoteMeta(member.email))},
					resource.TestStep{PreConfig: func() {
						if err := env.Client.Roles.RemoveMember(acctest.Ctx(), role.id, member.id); err != nil {
							t.Fatal(err)
						}
					}, Config: env.Config("")})
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkRolesDestroyed(env),
				Steps:                    steps,
			})
		})
	}
}

// TestAccRole_invalid: bad input is refused at plan time with the reason, a taken name fails with the import
// command, and the built-in roles cannot be imported.
func TestAccRole_invalid(t *testing.T) {
	env := acctest.New(t)
	taken := acctest.RandomName()
	if _, err := env.Client.Roles.Create(acctest.Ctx(), &client.RoleRequest{Name: client.Ptr(taken)}); err != nil {
		t.Fatal(err)
	}
	plan := func(body, want string) resource.TestStep {
		return resource.TestStep{Config: env.Config(body), PlanOnly: true, ExpectError: wrapped(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			plan(`resource "zoom_role" "test" {
  name = "Admin"
}`, `name of a built-in role. Zoom's built-in roles (Owner, Admin and Member) cannot be changed or deleted`),
			plan(`resource "zoom_role" "test" {
  name       = "ops"
  privileges = ["read users"]
}`, `"read users" is not a Zoom privilege name`),
			plan(`resource "zoom_role_member" "test" {
  role_id = "2"
  user_id = "a@example.com"
}`, `Zoom does not add members to or remove members from its built-in Member role`),
			plan(`resource "zoom_role_members" "test" {
  role_id = "1"
  members = []
}`, `zoom_role_members manages custom roles only`),
			plan(`resource "zoom_role_members" "test" {
  role_id = "abc"
  members = [""]
}`, `Each member is a user ID or e-mail address`),
			plan(`resource "zoom_user_assistant" "test" {
  user_id      = "a@example.com"
  assistant_id = ""
}`, `must not be empty or blank`),
			// A name another role has: the error says how to import that role.
			{
				Config: env.Config(fmt.Sprintf(`resource "zoom_role" "test" {
  name = %q
}`, taken)),
				ExpectError: regexp.MustCompile(wrapped("Another role of the account is already named").String() + `(.|\n)*terraform\s+import`),
			},
			{
				Config: env.Config(`resource "zoom_role" "test" {
  name = "x"
}`),
				ResourceName: roleAddr, ImportState: true, ImportStateId: "Owner",
				ExpectError: wrapped(`"Owner" is one of Zoom's built-in roles`),
			},
		},
	})
}

// TestAccRoleMembers_authoritative: the whole member set of a custom role, given by e-mail and ID; imported; a user
// given the role in the portal and a member unassigned in the portal show as drift and are put right, also next to a
// zoom_role_member of another role; a member deleted in the portal is drift, not an error; removing a member from
// the set moves them back to the Member role; destroy unassigns every member.
func TestAccRoleMembers_authoritative(t *testing.T) {
	env := acctest.New(t)
	a, b, c, d := licensedUser(t, env), licensedUser(t, env), licensedUser(t, env), licensedUser(t, env)
	role := &roleIDs{}
	config := func(members string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_role" "test" {
  name = %q
}

resource "zoom_role_members" "test" {
  role_id = zoom_role.test.id
  members = [%s]
}

resource "zoom_role" "other" {
  name = "%[1]s-other"
}

resource "zoom_role_member" "test" {
  role_id = zoom_role.other.id
  user_id = %[3]q
}
`, acctest.RandomName(), members, d.email))
	}
	members := func(want ...string) statecheck.StateCheck {
		checks := make([]knownvalue.Check, len(want))
		for i, w := range want {
			checks[i] = knownvalue.StringExact(w)
		}
		return statecheck.ExpectKnownValue(roleMembersAddr, tfjsonpath.New("members"), knownvalue.SetExact(checks))
	}
	apiMembers := func(want ...string) statecheck.StateCheck {
		return acctest.CheckNow(func() error {
			ms, err := env.Client.Roles.ListMembers(acctest.Ctx(), role.id)
			if err != nil {
				return err
			}
			var got []string
			for _, m := range ms {
				got = append(got, m.ID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				return fmt.Errorf("members %v, want %v", got, want)
			}
			return nil
		})
	}
	both := fmt.Sprintf("%q, %q", a.email, b.id)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkRolesDestroyed(env), func(*terraform.State) error {
			for _, u := range []testUser{b, c, d} {
				if got, err := roleOf(env, u.id); err != nil || got != client.RoleIDMember {
					return fmt.Errorf("%s holds role %q after destroy (%v)", u.email, got, err)
				}
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:            config(both),
				ConfigStateChecks: []statecheck.StateCheck{role.capture(roleAddr), members(a.email, b.id), apiMembers(a.id, b.id)},
			},
			{ResourceName: roleMembersAddr, ImportState: true, ImportStateVerifyIgnore: []string{"members"}, ImportStateVerify: true},
			// In the portal: c is given the role, b loses it. The non-authoritative member of the other role keeps it.
			{
				PreConfig: func() {
					if err := env.Client.Roles.AddMembers(acctest.Ctx(), role.id, []client.UserRef{client.RefTo(c.id)}); err != nil {
						t.Fatal(err)
					}
					if err := env.Client.Roles.RemoveMember(acctest.Ctx(), role.id, b.id); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(both),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleMembersAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{members(a.email, b.id), apiMembers(a.id, b.id),
					wantRole(env, c.id, func() string { return client.RoleIDMember })},
			},
			// a is deleted in the portal: the refresh shows it missing, without an error.
			{
				PreConfig: func() {
					if err := env.Client.Users.Delete(acctest.Ctx(), a.id, &client.DeleteUserOptions{Action: "delete"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(both), PlanOnly: true, ExpectNonEmptyPlan: true,
			},
			// b leaves the set: back to the Member role.
			{
				Config:            config(""),
				ConfigStateChecks: []statecheck.StateCheck{members(), apiMembers(), wantRole(env, b.id, func() string { return client.RoleIDMember })},
			},
			{
				Config:            config(fmt.Sprintf("%q", c.email)),
				ConfigStateChecks: []statecheck.StateCheck{members(c.email), apiMembers(c.id)},
			},
		},
	})
}

// TestAccUserAssistant_lifecycle: an assistant given by e-mail; imported; switched to the assistant's ID without
// replacement; removed in the portal and added again; destroy removes it.
func TestAccUserAssistant_lifecycle(t *testing.T) {
	env := acctest.New(t)
	assistant := licensedUser(t, env)
	config := func(ref string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_user_assistant" "test" {
  user_id      = %q
  assistant_id = %q
}
`, env.Host, ref))
	}
	listed := func(want bool) error {
		list, err := env.Client.Users.ListAssistants(acctest.Ctx(), env.Host)
		if err == nil && (len(list) == 1) != want {
			err = fmt.Errorf("assistants of the host: %v", list)
		}
		return err
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return listed(false) },
		Steps: []resource.TestStep{
			{
				Config: config(assistant.email),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAssistantAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Host+"/"+assistant.email)),
					statecheck.ExpectKnownValue(userAssistantAddr, tfjsonpath.New("assistant_user_id"), knownvalue.StringExact(assistant.id)),
					acctest.CheckNow(func() error { return listed(true) }),
				},
			},
			{ResourceName: userAssistantAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: config(assistant.id),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAssistantAddr, plancheck.ResourceActionUpdate),
				}},
			},
			{
				PreConfig: func() {
					if err := env.Client.Users.DeleteAllAssistants(acctest.Ctx(), env.Host); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(assistant.id),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAssistantAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckNow(func() error { return listed(true) })},
			},
			{
				Config:      config(env.Host),
				ExpectError: wrapped(`Can't assign scheduling privilege to yourself`),
			},
		},
	})
}

// stateString is a state check that copies a string attribute of addr into *dst.
func stateString(addr, attr string, dst *string) statecheck.StateCheck {
	return stringCapture{addr, attr, dst}
}

type stringCapture struct {
	addr, attr string
	dst        *string
}

func (c stringCapture) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State != nil && req.State.Values != nil && req.State.Values.RootModule != nil {
		for _, res := range req.State.Values.RootModule.Resources {
			if res.Address == c.addr {
				*c.dst, _ = res.AttributeValues[c.attr].(string)
				return
			}
		}
	}
	resp.Error = fmt.Errorf("%s not in state", c.addr)
}

// wrapped matches text that Terraform may have wrapped over several lines.
func wrapped(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `\s+`))
}

// TestAccRole_goneUnderKnobs: with the sandbox answering an unknown role's member list with a codeless 404 and a
// removed assistant's delete with 204 (the other readings of answers Zoom leaves open), a role and an assistant
// removed in the portal are drift, not errors, and destroy succeeds.
func TestAccRole_goneUnderKnobs(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.RoleMembersUnknownRole404, p.AssistantDeleteUnknownOK = true, true })
	assistant := licensedUser(t, env)
	role := &roleIDs{}
	config := env.Config(fmt.Sprintf(`
resource "zoom_role" "test" {
  name = %q
}

resource "zoom_role_members" "test" {
  role_id = zoom_role.test.id
  members = []
}

resource "zoom_user_assistant" "test" {
  user_id      = %q
  assistant_id = %q
}
`, acctest.RandomName(), env.Host, assistant.id))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkRolesDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config, ConfigStateChecks: []statecheck.StateCheck{role.capture(roleAddr)}},
			{
				PreConfig: func() {
					if err := env.Client.Roles.Delete(acctest.Ctx(), role.id); err != nil {
						t.Fatal(err)
					}
					if err := env.Client.Users.DeleteAssistant(acctest.Ctx(), env.Host, assistant.id); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(roleMembersAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(userAssistantAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}
