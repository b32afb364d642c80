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

// TestAccGroupMembers_pair: the authoritative zoom_group_members (group "all") and the non-authoritative
// zoom_group_member (group "one") side by side, through the acceptance matrix. Out-of-band members are drift for
// the first and left alone by the second; members deactivated or deleted in the portal are drift, not errors.
func TestAccGroupMembers_pair(t *testing.T) {
	env := acctest.New(t)
	u := newGroupUsers(t, env, 4)
	var all, one stateValue
	config := func(members []string, member string, extra string) string {
		quoted := make([]string, len(members))
		for i, m := range members {
			quoted[i] = fmt.Sprintf("%q", m)
		}
		return env.Config(fmt.Sprintf(`
resource "zoom_group" "all" {
  name = %q
}

resource "zoom_group" "one" {
  name = %q
}

resource "zoom_group_members" "all" {
  group_id = zoom_group.all.id
  members  = [%s]
}

resource "zoom_group_member" "one" {
  group_id = zoom_group.one.id
  user_id  = %q
  primary  = true
}
%s`, "tf-acc-all-"+t.Name(), "tf-acc-one-"+t.Name(), strings.Join(quoted, ", "), member, extra))
	}
	wantMembers := func(g *stateValue, emails ...string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			got, err := memberEmails(env, g.v)
			if err != nil {
				return err
			}
			want := make([]string, len(emails))
			for i, e := range emails {
				want[i] = strings.ToLower(e)
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				return fmt.Errorf("members of %s = %v, want %v", g.v, got, want)
			}
			return nil
		}
	}
	addOOB := func(g *stateValue, ref string) func() error {
		return func() error {
			_, err := env.Client.Groups.AddMembers(acctest.Ctx(), g.v, []client.UserRef{{Email: ref}})
			return err
		}
	}
	step2 := config([]string{u[0].email, strings.ToUpper(u[2].email)}, u[0].email, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGroupsGone(env),
		Steps: []resource.TestStep{
			// Bad input at plan time.
			{
				Config:      config([]string{" "}, "", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must not be empty or blank`),
			},
			// Members written as e-mail or ID.
			{
				Config: config([]string{u[0].email, u[1].id}, u[0].id, ""),
				Check: resource.ComposeTestCheckFunc(all.capture("zoom_group.all", "id"), one.capture("zoom_group.one", "id"),
					wantMembers(&all, u[0].email, u[1].email), wantMembers(&one, u[0].email)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("zoom_group_member.one", tfjsonpath.New("member_id"), knownvalue.StringExact(u[0].id)),
				},
			},
			// Update in place: one member out, one in (another letter case is the same address); the single member
			// written by e-mail instead of ID changes nothing.
			{
				Config: step2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group_members.all", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("zoom_group_member.one", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(wantMembers(&all, u[0].email, u[2].email), wantMembers(&one, u[0].email)),
			},
			// The import records the members by Zoom's e-mails, which differ from the configuration in letter case
			// only; the members are compared without regard to case.
			{ResourceName: "zoom_group_members.all", ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"members"},
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					got := []string{states[0].Attributes["members.0"], states[0].Attributes["members.1"]}
					slices.Sort(got)
					want := []string{strings.ToLower(u[0].email), strings.ToLower(u[2].email)}
					slices.Sort(want)
					if states[0].Attributes["members.#"] != "2" || !slices.Equal(got, want) {
						return fmt.Errorf("imported members %v, want %v", states[0].Attributes, want)
					}
					return nil
				}},
			{ResourceName: "zoom_group_member.one", ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"primary"},
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return one.v + "/" + u[0].email, nil }},
			// Another user replaces the single membership.
			{
				Config: config([]string{u[0].email, strings.ToUpper(u[2].email)}, u[1].id, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group_member.one", plancheck.ResourceActionReplace),
				}},
				Check: wantMembers(&one, u[1].email),
			},
			// Out-of-band members: u[3] added to both groups, u[1] removed from "one". The authoritative resource
			// plans u[3]'s removal; the single member (u[0] again) is added and u[3] stays in "one".
			{
				PreConfig: oob(t, addOOB(&all, u[3].email), addOOB(&one, u[3].email),
					func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), one.v, u[1].id) }),
				Config: step2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("zoom_group_members.all", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("zoom_group_member.one", plancheck.ResourceActionCreate),
				}},
				Check: resource.ComposeTestCheckFunc(wantMembers(&all, u[0].email, u[2].email),
					wantMembers(&one, u[0].email, u[3].email)),
			},
			// u[0] deactivated and u[2] deleted in the web portal: drift on both resources, no error.
			{
				PreConfig: oob(t,
					func() error {
						return env.Client.Users.UpdateStatus(acctest.Ctx(), u[0].id, client.UserStatusActionDeactivate)
					},
					func() error {
						return env.Client.Users.Delete(acctest.Ctx(), u[2].id, &client.DeleteUserOptions{Action: "delete"})
					}),
				Config:             step2,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			// Reactivated; u[2] left out of the configuration. The group deleted in the portal is created again with
			// its member.
			{
				PreConfig: oob(t,
					func() error {
						return env.Client.Users.UpdateStatus(acctest.Ctx(), u[0].id, client.UserStatusActionActivate)
					},
					func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), one.v, u[0].id) },
					func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), one.v, u[3].id) },
					func() error { return env.Client.Groups.Delete(acctest.Ctx(), one.v) }),
				Config: config([]string{u[0].email}, u[0].email, ""),
				Check: resource.ComposeTestCheckFunc(one.capture("zoom_group.one", "id"),
					wantMembers(&all, u[0].email), wantMembers(&one, u[0].email)),
			},
		},
	})
}

// TestAccGroupMembers_knobs: on an account where Zoom skips unknown users when adding members and leaves
// deactivated members out of the member list (knobs), an unknown member is an apply error naming it and a
// deactivated member is drift.
func TestAccGroupMembers_knobs(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) {
		p.GroupUnknownUsers = sandbox.GroupUnknownUsersSkip
		p.GroupListsDeactivatedMembers = false
	})
	env.RequireSandbox(t)
	u := newGroupUsers(t, env, 1)
	config := func(members string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_group" "test" {
  name = %q
}

resource "zoom_group_members" "test" {
  group_id = zoom_group.test.id
  members  = [%s]
}
`, acctest.RandomName(), members))
	}
	ghost := "tf-acc-ghost@example.com"
	c1 := config(fmt.Sprintf("%q, %q", u[0].email, ghost))
	c2 := strings.Replace(c1, fmt.Sprintf(", %q", ghost), "", 1)
	status := func(action string) func() error {
		return func() error { return env.Client.Users.UpdateStatus(acctest.Ctx(), u[0].id, action) }
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkGroupsGone(env),
		Steps: []resource.TestStep{
			{Config: c1, ExpectError: regexp.MustCompile(`(?s)did not add.*` + regexp.QuoteMeta(ghost))},
			{Config: c2},
			{PreConfig: oob(t, status(client.UserStatusActionDeactivate)), Config: c2, PlanOnly: true, ExpectNonEmptyPlan: true},
			{PreConfig: oob(t, status(client.UserStatusActionActivate)), Config: c2},
		},
	})
}
