package resources_test

import (
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

// groupUser is a user the group tests create out of band, as people already in the account.
type groupUser struct{ id, email string }

func newGroupUsers(t *testing.T, env *acctest.Env, n int) []groupUser {
	t.Helper()
	out := make([]groupUser, n)
	for i := range out {
		email := env.RandomEmail()
		u, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{Action: "autoCreate",
			UserInfo: client.CreateUserInfo{Email: email, Type: 1, FirstName: "Group", LastName: fmt.Sprint("User ", i),
				Password: "Gr0upUserPassw0rd"}})
		if err != nil {
			t.Fatalf("creating user %s: %v", email, err)
		}
		out[i] = groupUser{id: u.ID, email: email}
	}
	t.Cleanup(func() {
		for _, u := range out {
			_ = env.Client.Users.Delete(acctest.Ctx(), u.id, &client.DeleteUserOptions{Action: "delete"})
		}
	})
	return out
}

// oob runs out-of-band changes through the API, as a person in the Zoom web portal would; for PreConfig.
func oob(t *testing.T, changes ...func() error) func() {
	return func() {
		t.Helper()
		for _, f := range changes {
			if err := f(); err != nil {
				t.Fatalf("out-of-band change: %v", err)
			}
		}
	}
}

// groupID is the ID in the state of the group at addr (for out-of-band changes in a PreConfig).
type stateValue struct{ v string }

func (s *stateValue) capture(addr, attr string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		rs, ok := st.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		s.v = rs.Primary.Attributes[attr]
		return nil
	}
}

// checkGroupsGone is the CheckDestroy of group tests: no group of the state is left in the account.
func checkGroupsGone(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_group" {
				continue
			}
			if _, err := env.Client.Groups.Get(acctest.Ctx(), rs.Primary.ID); !client.IsGroupNotFound(err) {
				return fmt.Errorf("group %s still exists (err %v)", rs.Primary.ID, err)
			}
		}
		return nil
	}
}

func memberEmails(env *acctest.Env, groupID string) ([]string, error) {
	ms, err := env.Client.Groups.ListMembers(acctest.Ctx(), groupID)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = strings.ToLower(m.Email)
	}
	slices.Sort(out)
	return out, nil
}

// TestAccGroup_lifecycle: zoom_group and zoom_group_admin through the acceptance matrix, and Zoom's refusal to
// delete a group that still has members.
func TestAccGroup_lifecycle(t *testing.T) {
	env := acctest.New(t)
	users := newGroupUsers(t, env, 2)
	name, renamed := acctest.RandomName(), acctest.RandomName()
	var group stateValue
	config := func(name, admin string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_group" "test" {
  name = %q
}

resource "zoom_group_admin" "test" {
  group_id = zoom_group.test.id
  user_id  = %q
}
`, name, admin))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGroupsGone(env),
		Steps: []resource.TestStep{
			{
				Config: config(name, users[0].email),
				Check:  group.capture("zoom_group.test", "id"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("zoom_group.test", tfjsonpath.New("total_members"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue("zoom_group_admin.test", tfjsonpath.New("admin_id"), knownvalue.StringExact(users[0].id)),
				},
			},
			// Rename in place; the administrator written by ID instead of e-mail is the same one.
			{
				Config: config(renamed, users[0].id),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionUpdate),
				}},
			},
			{ResourceName: "zoom_group.test", ImportState: true, ImportStateVerify: true},
			{ResourceName: "zoom_group.test", ImportState: true, ImportStateVerify: true, ImportStateId: strings.ToUpper(renamed)},
			{
				ResourceName: "zoom_group_admin.test", ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return group.v + "/" + users[0].id, nil },
			},
			// Another user replaces the administrator.
			{
				Config: config(renamed, users[1].email),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionReplace),
				}},
			},
			// Renamed and stripped of its administrator in the web portal: both show as drift and are restored.
			{
				PreConfig: oob(t,
					func() error { return env.Client.Groups.Rename(acctest.Ctx(), group.v, acctest.RandomName()) },
					func() error { return env.Client.Groups.RemoveAdmin(acctest.Ctx(), group.v, users[1].email) }),
				Config: config(renamed, users[0].id),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionCreate),
				}},
			},
			// Deleted in the web portal: created again, with its administrator.
			{
				PreConfig: oob(t, func() error { return env.Client.Groups.Delete(acctest.Ctx(), group.v) }),
				Config:    config(renamed, users[0].id),
				Check:     group.capture("zoom_group.test", "id"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionCreate),
				}},
			},
			// Bad input is refused at plan time; a name another group has (in any letter case) suggests import.
			{
				Config:      config(strings.Repeat("n", 128), users[0].id),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`string length must be between 1 and 127`),
			},
			{
				Config: config(renamed, users[0].id) + fmt.Sprintf(`
resource "zoom_group" "dup" {
  name = %q
}
`, strings.ToUpper(renamed)),
				ExpectError: regexp.MustCompile(`(?s)already named.*terraform\s+import`),
			},
			// A member added in the web portal: Zoom refuses to delete the group, and the error names the member.
			{
				PreConfig: oob(t, func() error {
					_, err := env.Client.Groups.AddMembers(acctest.Ctx(), group.v, []client.UserRef{{Email: users[1].email}})
					return err
				}),
				Config:      config(renamed, users[0].id),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)still has members.*` + regexp.QuoteMeta(users[1].email)),
			},
			{
				PreConfig: oob(t, func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), group.v, users[1].id) }),
				Config:    config(renamed, users[0].id),
			},
		},
	})
}

// TestAccGroup_deleteMovesMembers: on an account where Zoom deletes a group with its members (knob), destroy
// succeeds and the members stay in the account.
func TestAccGroup_deleteMovesMembers(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.GroupDeleteWithMembers = sandbox.GroupDeleteRemoveMembers })
	env.RequireSandbox(t)
	users := newGroupUsers(t, env, 1)
	var group stateValue
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := checkGroupsGone(env)(s); err != nil {
				return err
			}
			u, err := env.Client.Users.Get(acctest.Ctx(), users[0].id)
			if err != nil || len(u.GroupIDs) != 0 {
				return fmt.Errorf("member after the group's deletion: %+v, %v", u, err)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_group" "test" {
  name = %q
}
`, acctest.RandomName())),
			Check: resource.ComposeTestCheckFunc(group.capture("zoom_group.test", "id"), func(*terraform.State) error {
				_, err := env.Client.Groups.AddMembers(acctest.Ctx(), group.v, []client.UserRef{{ID: users[0].id}})
				return err
			}),
		}},
	})
}
