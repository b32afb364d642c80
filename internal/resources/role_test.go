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
func wantRole(env *acctest.Env, user string, role func() string) apiCheck {
	return apiCheck(func() error {
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

// TestAccRole_lifecycle runs, in one TestCase and one configuration, the role and assistant scenarios below
// (several scenarios per step; each TestCase and step costs terraform processes, resources in a configuration
// barely do).
//
// Lifecycle (zoom_role.test, zoom_role_member.test): a custom role with a member given by e-mail, created next to
// the zoom_user it names (whose role attributes follow without a plan difference); imported by name and the member
// by <role>/<user>; updated in place, the member switched to the user's ID without replacement; a privilege change
// and a member moved away in the portal show as drift; the role deleted in the portal is created again; destroying
// the member alone moves the user back to the Member role; destroy leaves no role.
//
// Members (zoom_role.set, zoom_role_members.set): the whole member set of a custom role, given by e-mail and ID;
// imported; a user given the role in the portal and a member unassigned in the portal show as drift and are put
// right, also next to a zoom_role_member of another role (zoom_role_member.other); a member deleted in the portal
// is drift, not an error; removing a member from the set moves them back to the Member role; destroy unassigns
// every member.
//
// Assistant (zoom_user_assistant.test): an assistant given by e-mail; imported; switched to the assistant's ID
// without replacement; removed in the portal and added again; the host as their own assistant is Zoom's error;
// destroy removes it.
//
// Delete with members: Zoom refuses to delete a role that still has members (the strict reading, provider
// zoomstrict); the error names them. With the sandbox moving the members instead (provider zoommoves), destroy
// succeeds and they hold the Member role.
//
// Gone under knobs (provider zoomgone: the sandbox answers an unknown role's member list with a codeless 404 and a
// removed assistant's delete with 204, the other readings of answers Zoom leaves open): a role and an assistant
// removed in the portal are drift, not errors, and destroy succeeds.
//
// Invalid input: refused at plan time with the reason; a taken name fails with the import command; the built-in
// roles cannot be imported.
func TestAccRole_lifecycle(t *testing.T) {
	env := acctest.New(t)
	strict := acctest.New(t)
	moves := acctest.New(t, func(p *sandbox.Profile) { p.RoleDeleteMovesMembers = true })
	gone := acctest.New(t, func(p *sandbox.Profile) { p.RoleMembersUnknownRole404, p.AssistantDeleteUnknownOK = true, true })
	gone.RequireSandbox(t)
	email := env.RandomEmail()
	name, setName := acctest.RandomName(), acctest.RandomName()
	role, set, strictRole, movesRole, goneRole := &roleIDs{}, &roleIDs{}, &roleIDs{}, &roleIDs{}, &roleIDs{}
	var userID string
	a, b, c, d := licensedUser(t, env), licensedUser(t, env), licensedUser(t, env), licensedUser(t, env)
	assistant := licensedUser(t, env)
	strictMember, movesMember, goneAssistant := licensedUser(t, strict), licensedUser(t, moves), licensedUser(t, gone)

	lifecycle := func(name, privileges, desc, member string) string {
		if desc != "" {
			desc = fmt.Sprintf("  description = %q\n", desc)
		}
		if member != "" {
			member = fmt.Sprintf(`
resource "zoom_role_member" "test" {
  role_id = zoom_role.test.id
  user_id = %s
}
`, member)
		}
		return fmt.Sprintf(`
resource "zoom_user" "u" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_role" "test" {
  name       = %q
  privileges = [%s]
%s}
%s
data "zoom_role" "admin" {
  name = "admin"
}

data "zoom_roles" "custom" {
  built_in   = false
  depends_on = [zoom_role.test, zoom_role.set, zoom_role.other]
}
`, email, name, privileges, desc, member)
	}
	members := func(members string) string {
		return fmt.Sprintf(`
resource "zoom_role" "set" {
  name       = %q
  privileges = ["Group:Read"]
}

resource "zoom_role_members" "set" {
  role_id = zoom_role.set.id
  members = [%s]
}

resource "zoom_role" "other" {
  name = "%[1]s-other"
}

resource "zoom_role_member" "other" {
  role_id = zoom_role.other.id
  user_id = %[3]q
}
`, setName, members, d.email)
	}
	assistantBody := func(ref string) string {
		return fmt.Sprintf(`
resource "zoom_user_assistant" "test" {
  user_id      = %q
  assistant_id = %q
}
`, env.Host, ref)
	}
	// withMembers is the roles that the delete-with-members scenario removes from the configuration once they have
	// a member; goneBody is the gone-under-knobs scenario.
	withMembers := fmt.Sprintf(`
resource "zoom_role" "strict" {
  provider = zoomstrict
  name     = %q
}

resource "zoom_role" "moves" {
  provider = zoommoves
  name     = %q
}
`, acctest.RandomName(), acctest.RandomName())
	goneBody := fmt.Sprintf(`
resource "zoom_role" "gone" {
  provider = zoomgone
  name     = %q
}

resource "zoom_role_members" "gone" {
  provider = zoomgone
  role_id  = zoom_role.gone.id
  members  = []
}

resource "zoom_user_assistant" "gone" {
  provider     = zoomgone
  user_id      = %q
  assistant_id = %q
}
`, acctest.RandomName(), gone.Host, goneAssistant.id)
	config := func(bodies ...string) string {
		return env.Config(strings.Join(bodies, "")) + strict.ProviderBlock("zoomstrict") + moves.ProviderBlock("zoommoves") +
			gone.ProviderBlock("zoomgone")
	}

	membersSet := func(want ...string) statecheck.StateCheck {
		checks := make([]knownvalue.Check, len(want))
		for i, w := range want {
			checks[i] = knownvalue.StringExact(w)
		}
		return statecheck.ExpectKnownValue("zoom_role_members.set", tfjsonpath.New("members"), knownvalue.SetExact(checks))
	}
	// membersPlan is membersSet as a post-apply plan check (after an apply, the plan's values are the state's).
	membersPlan := func(want ...string) plancheck.PlanCheck {
		checks := make([]knownvalue.Check, len(want))
		for i, w := range want {
			checks[i] = knownvalue.StringExact(w)
		}
		return plancheck.ExpectKnownValue("zoom_role_members.set", tfjsonpath.New("members"), knownvalue.SetExact(checks))
	}
	apiMembers := func(want ...string) apiCheck {
		return apiCheck(func() error {
			ms, err := env.Client.Roles.ListMembers(acctest.Ctx(), set.id)
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
	listed := func(want bool) error {
		list, err := env.Client.Users.ListAssistants(acctest.Ctx(), env.Host)
		if err == nil && (len(list) == 1) != want {
			err = fmt.Errorf("assistants of the host: %v", list)
		}
		return err
	}
	member := func() string { return client.RoleIDMember }
	both := fmt.Sprintf("%q, %q", a.email, b.id)
	life1 := lifecycle(name, `"User:Read", "Group:Read"`, "", "zoom_user.u.email")
	life2 := lifecycle(name+"-2", `"User:Edit"`, "", "zoom_user.u.id")
	errs := &stepErrors{t: t}
	// The imports: in the update step, into copies (importCopies) that the next step forgets, zoom_role.set by its
	// name in upper case and by its ID (total_members, counted by the import but recorded before the members were assigned,
	// ignored), zoom_role_member.other by <role>/<e-mail>, zoom_user_assistant.test by <host>/<assistant ID> (its
	// ID once the update has written the assistant by ID) and by <host>/<assistant e-mail>, and zoom_role_members.set by its ID; each is a resource
	// the update changes nothing of in Zoom (zoom_role.test, renamed there, is not).
	updated := config(lifecycle(name+"-2", `"User:Edit"`, "Support desk", "zoom_user.u.id"), members(both),
		assistantBody(assistant.id), withMembers, goneBody)
	var imports importCopies
	imports.add(updated, "zoom_role.set", "", fmt.Sprintf("%q", strings.ToUpper(setName)), "total_members")
	imports.addAs("set_by_id", updated, "zoom_role.set", "", "zoom_role.set.id", "total_members")
	imports.add(updated, "zoom_role_member.other", "", fmt.Sprintf(`"${zoom_role.other.id}/%s"`, d.email))
	imports.add(updated, userAssistantAddr, "", fmt.Sprintf("%q", env.Host+"/"+assistant.id))
	// The documented e-mail form (<user e-mail>/<assistant e-mail>): the state keeps the form imported, so the copy
	// names the assistant by e-mail and the comparison leaves id and assistant_id out (assistant_user_id, Zoom's
	// ID of the assistant, must still match).
	imports.addBlock(fmt.Sprintf(`
resource "zoom_user_assistant" "by_email" {
  user_id      = %q
  assistant_id = %q
}
`, env.Host, assistant.email), "by_email", userAssistantAddr, "", fmt.Sprintf("%q", env.Host+"/"+assistant.email), "id", "assistant_id")
	// The import records the members by e-mail (the configuration names b by ID): the copy names them so, and the
	// comparison leaves members out.
	imports.addBlock(fmt.Sprintf(`
resource "zoom_role_members" "set_imported" {
  role_id = zoom_role.set.id
  members = [%q, %q]
}
`, a.email, b.email), "set_imported", "zoom_role_members.set", "", "zoom_role_members.set.id", "members")
	fatal := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed("zoomstrict", "zoommoves", "zoomgone"),
		CheckDestroy: resource.ComposeTestCheckFunc(
			checkRolesDestroyed(env), checkRolesDestroyed(strict), checkRolesDestroyed(moves), checkRolesDestroyed(gone),
			func(*terraform.State) error {
				if got, err := roleOf(env, email); err == nil || !client.IsNotFound(err) {
					return fmt.Errorf("the user is left with role %q (%v)", got, err)
				}
				for _, u := range []testUser{b, c, d} {
					if got, err := roleOf(env, u.id); err != nil || got != client.RoleIDMember {
						return fmt.Errorf("%s holds role %q after destroy (%v)", u.email, got, err)
					}
				}
				return listed(false)
			}),
		ErrorCheck: errs.check,
		Steps: []resource.TestStep{
			// Invalid input, refused at plan time with the reason; each message names its resource.
			{
				PreConfig: errs.expect(
					diagAbout("zoom_role.builtin", wrapped(`name of a built-in role. Zoom's built-in roles (Owner, Admin and Member) cannot be changed or deleted`).String()),
					diagAbout("zoom_role.privilege", wrapped(`"read users" is not a Zoom privilege name`).String()),
					diagAbout("zoom_role_member.member_role", wrapped(`Zoom does not add members to or remove members from its built-in Member role`).String()),
					diagAbout("zoom_role_members.admin", wrapped(`zoom_role_members manages custom roles only`).String()),
					diagAbout("zoom_role_members.blank", wrapped(`Each member is a user ID or e-mail address`).String()),
					diagAbout("zoom_user_assistant.blank", wrapped(`must not be empty or blank`).String()),
				),
				PlanOnly: true,
				Config: env.Config(`
resource "zoom_role" "builtin" {
  name = "Admin"
}
resource "zoom_role" "privilege" {
  name       = "ops"
  privileges = ["read users"]
}
resource "zoom_role_member" "member_role" {
  role_id = "2"
  user_id = "a@example.com"
}
resource "zoom_role_members" "admin" {
  role_id = "1"
  members = []
}
resource "zoom_role_members" "blank" {
  role_id = "abc"
  members = [""]
}
resource "zoom_user_assistant" "blank" {
  user_id      = "a@example.com"
  assistant_id = ""
}
`),
			},
			// Invalid input: the built-in roles cannot be imported (an import block: the plan fails, one terraform
			// command where an ImportState step takes a working directory and four).
			{
				Config: env.Config(`
import {
  to = zoom_role.test
  id = "Owner"
}
resource "zoom_role" "test" {
  name = "x"
}
`),
				PlanOnly:    true,
				ExpectError: wrapped(`"Owner" is one of Zoom's built-in roles`),
			},
			// Created: every scenario.
			{
				Config: config(life1, members(both), assistantBody(assistant.email), withMembers, goneBody),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(
					role.capture(roleAddr), set.capture("zoom_role.set"), strictRole.capture("zoom_role.strict"),
					movesRole.capture("zoom_role.moves"), goneRole.capture("zoom_role.gone"),
					stateString("zoom_user.u", "id", &userID),
					// Lifecycle.
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("privileges"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("User:Read"), knownvalue.StringExact("Group:Read")})),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("total_members"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(roleMemberAddr, tfjsonpath.New("user_id"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue(roleMemberAddr, tfjsonpath.New("member_email"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue("data.zoom_role.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue("data.zoom_role.admin", tfjsonpath.New("built_in"), knownvalue.Bool(true)),
					// The custom roles of the account: test, set and other.
					statecheck.ExpectKnownValue("data.zoom_roles.custom", tfjsonpath.New("roles"), knownvalue.ListSizeExact(3)),
					wantRole(env, email, role.get),
					// Members.
					membersSet(a.email, b.id), apiMembers(a.id, b.id),
					// Assistant.
					statecheck.ExpectKnownValue(userAssistantAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Host+"/"+assistant.email)),
					statecheck.ExpectKnownValue(userAssistantAddr, tfjsonpath.New("assistant_user_id"), knownvalue.StringExact(assistant.id)),
					apiCheck(func() error { return listed(true) }),
				)}},
			},
			// Lifecycle: in place, name, description and privileges; the member written as ID changes nothing in
			// Zoom. Assistant: switched to the assistant's ID in place. Import: the copies (see imports).
			{
				Config: updated + imports.config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(userAssistantAddr, plancheck.ResourceActionUpdate),
				}, imports.checks...),
					PostApplyPreRefresh: []plancheck.PlanCheck{
						stateAfterApply(imports.stateChecks...),
						plancheck.ExpectKnownValue("zoom_role_members.set_imported", tfjsonpath.New("members"), knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact(a.email), knownvalue.StringExact(b.email)})),
						plancheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.StringExact("Support desk")),
						plancheck.ExpectKnownValue(roleMemberAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
							if v != role.id+"/"+userID {
								return fmt.Errorf("id %q", v)
							}
							return nil
						})),
					}},
			},
			// In the portal. Lifecycle: a privilege is added and the member is moved to the Admin role. Members: c
			// is given the role, b loses it; the non-authoritative member of the other role keeps it. Assistant:
			// removed. Gone under knobs: the role and the assistant are deleted.
			{
				PreConfig: func() {
					fatal(env.Client.Roles.Update(acctest.Ctx(), role.id, &client.RoleRequest{Privileges: &[]string{"User:Edit", "User:Read"}}))
					fatal(env.Client.Roles.AddMembers(acctest.Ctx(), client.RoleIDAdmin, []client.UserRef{client.RefTo(email)}))
					fatal(env.Client.Roles.AddMembers(acctest.Ctx(), set.id, []client.UserRef{client.RefTo(c.id)}))
					fatal(env.Client.Roles.RemoveMember(acctest.Ctx(), set.id, b.id))
					fatal(env.Client.Users.DeleteAllAssistants(acctest.Ctx(), env.Host))
					fatal(gone.Client.Roles.Delete(acctest.Ctx(), goneRole.id))
					fatal(gone.Client.Users.DeleteAssistant(acctest.Ctx(), gone.Host, goneAssistant.id))
				},
				Config: config(life2, members(both), assistantBody(assistant.id), withMembers, goneBody) + imports.removed(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("zoom_role_members.set", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("zoom_role_member.other", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(userAssistantAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("zoom_role.gone", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("zoom_role_members.gone", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("zoom_user_assistant.gone", plancheck.ResourceActionCreate),
				},
					PostApplyPreRefresh: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(roleAddr, tfjsonpath.New("privileges"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("User:Edit")})),
						plancheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.Null()),
						wantRole(env, email, role.get),
						membersPlan(a.email, b.id), apiMembers(a.id, b.id), wantRole(env, c.id, member),
						apiCheck(func() error { return listed(true) }),
					}},
			},
			// Errors at apply. Assistant: the host as their own assistant. Invalid input: a name another role has;
			// the error says how to import that role. Delete with members: with a member assigned in the portal,
			// Zoom refuses to delete the strict role and the error names the member; the moving sandbox deletes its
			// role.
			{
				PreConfig: func() {
					fatal(strict.Client.Roles.AddMembers(acctest.Ctx(), strictRole.id, []client.UserRef{client.RefTo(strictMember.id)}))
					fatal(moves.Client.Roles.AddMembers(acctest.Ctx(), movesRole.id, []client.UserRef{client.RefTo(movesMember.id)}))
				},
				Config: config(life2, members(both), assistantBody(env.Host), goneBody, fmt.Sprintf(`
resource "zoom_role" "dup" {
  name = %q
}
`, setName)),
				ExpectError: allOf(wrapped(`Can't assign scheduling privilege to yourself`).String(),
					wrapped("Another role of the account is already named").String()+`.*terraform\s+import`,
					wrapped("Give these members another role").String()+`.*`+regexp.QuoteMeta(strictMember.email)),
			},
			// Lifecycle: deleted in the portal (after its member was unassigned), the role and its member are
			// created again. Members: a is deleted in the portal; the refresh drops it from the set (drift), without
			// an error; b leaves the set, back to the Member role. Delete with members: with the member unassigned,
			// the strict role is deleted; the moved member holds the Member role.
			{
				PreConfig: func() {
					fatal(env.Client.Users.Delete(acctest.Ctx(), a.id, &client.DeleteUserOptions{Action: "delete"}))
					fatal(env.Client.Roles.RemoveMember(acctest.Ctx(), role.id, userID))
					fatal(env.Client.Roles.Delete(acctest.Ctx(), role.id))
					fatal(strict.Client.Roles.RemoveMember(acctest.Ctx(), strictRole.id, strictMember.id))
				},
				Config: config(life2, members(""), goneBody),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(roleMemberAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("zoom_role.strict", plancheck.ResourceActionDestroy),
					expectBeforeSet("zoom_role_members.set", "members", b.id),
				},
					PostApplyPreRefresh: []plancheck.PlanCheck{
						planString(roleAddr, "id", &role.id), wantRole(env, email, role.get),
						membersPlan(), apiMembers(), wantRole(env, b.id, member),
						wantRole(moves, movesMember.id, member),
					}},
			},
			// Lifecycle: destroying the member alone moves the user back to the Member role. Members: c in the set.
			{
				Config: config(lifecycle(name+"-2", `"User:Edit"`, "", ""), members(fmt.Sprintf("%q", c.email)), goneBody),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					wantRole(env, email, member),
					membersPlan(c.email), apiMembers(c.id),
				}},
			},
		},
	})
	errs.done()
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
