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

// apiCheck is a check that runs f, which inspects (or changes) the account through the API. As a plan check for
// ConfigPlanChecks.PostApplyPreRefresh it runs right after the step's apply, before the framework's refresh plan,
// as a Check or a state check would, but costs no terraform process: the framework plans and shows that plan after
// every apply anyway, where a Check or ConfigStateChecks costs one more `terraform show`. It is a state check too,
// for steps that have ConfigStateChecks anyway.
type apiCheck func() error

func (f apiCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

func (f apiCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// planString is a plan check for ConfigPlanChecks.PostApplyPreRefresh that copies a string attribute of addr into
// *dst. After an apply that plan changes nothing, so its planned values are the state's.
func planString(addr, attr string, dst *string) plancheck.PlanCheck {
	return planCapture{addr, attr, dst}
}

type planCapture struct {
	addr, attr string
	dst        *string
}

func (c planCapture) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan != nil && req.Plan.PlannedValues != nil && req.Plan.PlannedValues.RootModule != nil {
		for _, res := range req.Plan.PlannedValues.RootModule.Resources {
			if res.Address == c.addr {
				*c.dst, _ = res.AttributeValues[c.attr].(string)
				return
			}
		}
	}
	resp.Error = fmt.Errorf("%s not in the plan", c.addr)
}

// expectDrift is a plan check: the plan changes addr (any action but no-op), as it must after an out-of-band change.
func expectDrift(addr string) plancheck.PlanCheck { return driftCheck(addr) }

type driftCheck string

func (addr driftCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address == string(addr) {
			if rc.Change.Actions.NoOp() || rc.Change.Actions.Read() {
				resp.Error = fmt.Errorf("%s: the plan shows no drift (%v)", addr, rc.Change.Actions)
			}
			return
		}
	}
	resp.Error = fmt.Errorf("%s not in the plan", addr)
}

// TestAccGroup_lifecycle runs, in one TestCase and one configuration, the group scenarios below (several scenarios
// per step; each TestCase and step costs terraform processes, resources in a configuration barely do).
//
// Lifecycle (zoom_group.test, zoom_group_admin.test): zoom_group and zoom_group_admin through the acceptance
// matrix, and Zoom's refusal to delete a group that still has members.
//
// Pair (group "all" with the authoritative zoom_group_members, group "one" with the non-authoritative
// zoom_group_member): out-of-band members are drift for the first and left alone by the second; members deactivated
// or deleted in the portal are drift, not errors.
//
// Knobs (provider zoomknobs: an account where Zoom skips unknown users when adding members, leaves deactivated
// members out of the member list, and deletes a group with its members): an unknown member is an apply error naming
// it and a deactivated member is drift; destroying a group that has members (zoom_group.moves) succeeds and the
// members stay in the account.
func TestAccGroup_lifecycle(t *testing.T) {
	env := acctest.New(t)
	knobs := acctest.New(t, func(p *sandbox.Profile) {
		p.GroupUnknownUsers = sandbox.GroupUnknownUsersSkip
		p.GroupListsDeactivatedMembers = false
		p.GroupDeleteWithMembers = sandbox.GroupDeleteRemoveMembers
	})
	knobs.RequireSandbox(t)
	users := newGroupUsers(t, env, 2) // lifecycle
	u := newGroupUsers(t, env, 4)     // pair
	k := newGroupUsers(t, knobs, 2)   // knobs: k[0] in zoom_group_members.knobs, k[1] in zoom_group.moves
	name, renamed, knobsName := acctest.RandomName(), acctest.RandomName(), acctest.RandomName()
	var group, all, one, moves stateValue

	lifecycle := func(name, admin string) string {
		return fmt.Sprintf(`
resource "zoom_group" "test" {
  name = %q
}

resource "zoom_group_admin" "test" {
  group_id = zoom_group.test.id
  user_id  = %q
}
`, name, admin)
	}
	pair := func(members []string, member string) string {
		quoted := make([]string, len(members))
		for i, m := range members {
			quoted[i] = fmt.Sprintf("%q", m)
		}
		return fmt.Sprintf(`
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
`, "tf-acc-all-"+t.Name(), "tf-acc-one-"+t.Name(), strings.Join(quoted, ", "), member)
	}
	ghost := "tf-acc-ghost@example.com"
	knobsBody := func(members string) string {
		return fmt.Sprintf(`
resource "zoom_group" "knobs" {
  provider = zoomknobs
  name     = %q
}

resource "zoom_group_members" "knobs" {
  provider = zoomknobs
  group_id = zoom_group.knobs.id
  members  = [%s]
}

resource "zoom_group" "moves" {
  provider = zoomknobs
  name     = %q
}
`, knobsName, members, knobsName+"-moves")
	}
	// config is the lifecycle and pair scenarios on the default sandbox and the knobs scenario on the other.
	config := func(life, pairs, knob string) string {
		return env.Config(life+pairs) + knobs.ProviderBlock("zoomknobs") + knob
	}
	knobsOK := knobsBody(fmt.Sprintf("%q", k[0].email))

	wantMembers := func(g *stateValue, emails ...string) func() error {
		return func() error {
			e := env
			if g == &moves {
				e = knobs
			}
			got, err := memberEmails(e, g.v)
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
	status := func(e *acctest.Env, id, action string) func() error {
		return func() error { return e.Client.Users.UpdateStatus(acctest.Ctx(), id, action) }
	}
	pair2 := pair([]string{u[0].email, strings.ToUpper(u[2].email)}, u[0].email)
	errs := &stepErrors{t: t}
	// The imports: zoom_group_admin.test (by user ID and by e-mail) and zoom_group_member.one in the update step,
	// zoom_group.test by ID and by name and zoom_group_members.all in the step that replaces the administrator,
	// into copies (importCopies), which the next step forgets.
	updated := config(lifecycle(renamed, users[0].id), pair2, knobsOK)
	replaced := config(lifecycle(renamed, users[1].email), pair([]string{u[0].email, strings.ToUpper(u[2].email)}, u[1].id), knobsOK)
	var updateImports, replaceImports importCopies
	updateImports.add(updated, "zoom_group_admin.test", "", fmt.Sprintf(`"${zoom_group.test.id}/%s"`, users[0].id))
	// The administrator by <group>/<e-mail> too, the form the documentation shows: the state keeps user_id as
	// imported, so the copy names the user by e-mail and the comparison leaves user_id out (id, admin_id and email
	// must match).
	updateImports.addBlock(fmt.Sprintf(`
resource "zoom_group_admin" "test_by_email" {
  group_id = zoom_group.test.id
  user_id  = %q
}
`, users[0].email), "test_by_email", "zoom_group_admin.test", "", fmt.Sprintf(`"${zoom_group.test.id}/%s"`, users[0].email), "user_id")
	updateImports.add(updated, "zoom_group_member.one", "", fmt.Sprintf(`"${zoom_group.one.id}/%s"`, u[0].email), "primary")
	replaceImports.add(replaced, "zoom_group.test", "", "zoom_group.test.id")
	replaceImports.addAs("by_name", replaced, "zoom_group.test", "", fmt.Sprintf("%q", strings.ToUpper(renamed)))
	// The import records the members by Zoom's e-mails, which differ from the configuration in letter case only:
	// the copy names them so, and the comparison leaves members out.
	allMembers := []string{strings.ToLower(u[0].email), strings.ToLower(u[2].email)}
	replaceImports.addBlock(fmt.Sprintf(`
resource "zoom_group_members" "all_imported" {
  group_id = zoom_group.all.id
  members  = [%q, %q]
}
`, allMembers[0], allMembers[1]), "all_imported", "zoom_group_members.all", "", "zoom_group_members.all.id", "members")
	// destroyRefused is the error the last step, a destroy Zoom refuses, must fail with (terraform destroy names
	// no resource, which stepErrors needs); once it has, afterFailure does the work between that step and the
	// TestCase's destroy.
	var destroyRefused *regexp.Regexp
	var afterFailure func()
	refused := false
	// taken is the name of a group created in the web portal, which zoom_group.dup takes in upper case.
	taken := acctest.RandomName()

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed("zoomknobs"),
		CheckDestroy: resource.ComposeTestCheckFunc(checkGroupsGone(env), checkGroupsGone(knobs), func(*terraform.State) error {
			// Knobs: the member of the group deleted with its members stays in the account, in no group.
			got, err := knobs.Client.Users.Get(acctest.Ctx(), k[1].id)
			if err != nil || len(got.GroupIDs) != 0 {
				return fmt.Errorf("member after the group's deletion: %+v, %v", got, err)
			}
			return nil
		}),
		ErrorCheck: func(err error) error {
			if want := destroyRefused; want != nil {
				destroyRefused = nil
				if !want.MatchString(err.Error()) {
					return fmt.Errorf("the error does not match %s: %w", want, err)
				}
				refused = true
				afterFailure()
				return nil
			}
			return errs.check(err)
		},
		Steps: []resource.TestStep{
			// Lifecycle and pair: bad input is refused at plan time (a name too long, a blank member).
			{
				Config:      config(lifecycle(strings.Repeat("n", 128), users[0].id), pair([]string{" "}, ""), ""),
				PlanOnly:    true,
				ExpectError: allOf(`string length must be between 1 and 127`, `must not be empty or blank`),
			},
			// Knobs: the unknown member is an apply error naming it. Lifecycle: a name another group has (in any
			// letter case) suggests import.
			{
				PreConfig: func() {
					errs.expect(
						diagAbout("zoom_group_members.knobs", `did not add.*`+regexp.QuoteMeta(ghost)),
						diagAbout("zoom_group.dup", `already named.*terraform\s+import`),
					)()
					oob(t, func() error {
						_, err := env.Client.Groups.Create(acctest.Ctx(), taken)
						return err
					})()
				},
				Config: config(fmt.Sprintf(`
resource "zoom_group" "dup" {
  name = %q
}
`, strings.ToUpper(taken)), "", knobsBody(fmt.Sprintf("%q, %q", k[0].email, ghost))),
			},
			// Lifecycle: created with an administrator given by e-mail. Pair: members written as e-mail or ID.
			// Knobs: the known member alone; a member added to zoom_group.moves out of band.
			{
				Config: config(lifecycle(name, users[0].email), pair([]string{u[0].email, u[1].id}, u[0].id), knobsOK),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					planString("zoom_group.test", "id", &group.v),
					planString("zoom_group.all", "id", &all.v),
					planString("zoom_group.one", "id", &one.v),
					planString("zoom_group.moves", "id", &moves.v),
					plancheck.ExpectKnownValue("zoom_group.test", tfjsonpath.New("total_members"), knownvalue.Int64Exact(0)),
					plancheck.ExpectKnownValue("zoom_group_admin.test", tfjsonpath.New("admin_id"), knownvalue.StringExact(users[0].id)),
					plancheck.ExpectKnownValue("zoom_group_member.one", tfjsonpath.New("member_id"), knownvalue.StringExact(u[0].id)),
					apiCheck(wantMembers(&all, u[0].email, u[1].email)),
					apiCheck(wantMembers(&one, u[0].email)),
					apiCheck(func() error {
						_, err := knobs.Client.Groups.AddMembers(acctest.Ctx(), moves.v, []client.UserRef{{ID: k[1].id}})
						return err
					}),
					apiCheck(wantMembers(&moves, k[1].email)),
				}},
			},
			// Lifecycle: renamed in place; the administrator written by ID instead of e-mail is the same one.
			// Pair: one member out, one in (another letter case is the same address); the single member written by
			// e-mail instead of ID changes nothing. Import: the administrator by <group>/<user ID> and the single
			// member by <group>/<e-mail> (primary, which Zoom does not report, ignored), into copies.
			{
				Config: updated + updateImports.config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: append([]plancheck.PlanCheck{
						plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("zoom_group_members.all", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("zoom_group_member.one", plancheck.ResourceActionUpdate),
					}, updateImports.checks...),
					PostApplyPreRefresh: []plancheck.PlanCheck{
						apiCheck(wantMembers(&all, u[0].email, u[2].email)), apiCheck(wantMembers(&one, u[0].email)),
						stateAfterApply(updateImports.stateChecks...),
					},
				},
			},
			// Lifecycle: another user replaces the administrator. Pair: another user replaces the single membership.
			// Import: the group by ID and by its name in upper case, and the members of "all" (recorded by Zoom's
			// e-mails), into copies; the copies of the update step are forgotten.
			{
				Config: replaced + updateImports.removed() + replaceImports.config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: append([]plancheck.PlanCheck{
						plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionReplace),
						plancheck.ExpectResourceAction("zoom_group_member.one", plancheck.ResourceActionReplace),
					}, replaceImports.checks...),
					PostApplyPreRefresh: []plancheck.PlanCheck{
						apiCheck(wantMembers(&one, u[1].email)), stateAfterApply(replaceImports.stateChecks...),
						plancheck.ExpectKnownValue("zoom_group_members.all_imported", tfjsonpath.New("members"), knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact(allMembers[0]), knownvalue.StringExact(allMembers[1])})),
					},
				},
			},
			// Lifecycle: renamed and stripped of its administrator in the web portal: both show as drift and are
			// restored. Pair: out-of-band members, u[3] added to both groups, u[1] removed from "one". The
			// authoritative resource plans u[3]'s removal; the single member (u[0] again) is added and u[3] stays in
			// "one".
			{
				PreConfig: oob(t,
					func() error { return env.Client.Groups.Rename(acctest.Ctx(), group.v, acctest.RandomName()) },
					func() error { return env.Client.Groups.RemoveAdmin(acctest.Ctx(), group.v, users[1].email) },
					addOOB(&all, u[3].email), addOOB(&one, u[3].email),
					func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), one.v, u[1].id) }),
				Config: updated + replaceImports.removed(),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("zoom_group_members.all", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("zoom_group_member.one", plancheck.ResourceActionCreate),
					},
					PostApplyPreRefresh: []plancheck.PlanCheck{
						apiCheck(wantMembers(&all, u[0].email, u[2].email)), apiCheck(wantMembers(&one, u[0].email, u[3].email)),
					},
				},
			},
			// Pair: u[0] deactivated and u[2] deleted in the web portal. Knobs: k[0] deactivated, and so left out of
			// the member list. Drift on each of these resources, no error.
			{
				PreConfig: oob(t,
					status(env, u[0].id, client.UserStatusActionDeactivate),
					func() error {
						return env.Client.Users.Delete(acctest.Ctx(), u[2].id, &client.DeleteUserOptions{Action: "delete"})
					},
					status(knobs, k[0].id, client.UserStatusActionDeactivate)),
				Config:             config(lifecycle(renamed, users[0].id), pair2, knobsOK),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					expectDrift("zoom_group_members.all"),
					expectDrift("zoom_group_member.one"),
					expectDrift("zoom_group_members.knobs"),
					plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionNoop),
				}},
			},
			// Lifecycle: deleted in the web portal, the group is created again, with its administrator. Pair: u[0]
			// reactivated; u[2] left out of the configuration; the group "one" deleted in the portal is created again
			// with its member. Knobs: k[0] reactivated.
			{
				PreConfig: oob(t,
					func() error { return env.Client.Groups.Delete(acctest.Ctx(), group.v) },
					status(env, u[0].id, client.UserStatusActionActivate),
					func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), one.v, u[0].id) },
					func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), one.v, u[3].id) },
					func() error { return env.Client.Groups.Delete(acctest.Ctx(), one.v) },
					status(knobs, k[0].id, client.UserStatusActionActivate)),
				Config: config(lifecycle(renamed, users[0].id), pair([]string{u[0].email}, u[0].email), knobsOK),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("zoom_group.test", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("zoom_group_admin.test", plancheck.ResourceActionCreate),
					},
					PostApplyPreRefresh: []plancheck.PlanCheck{
						planString("zoom_group.test", "id", &group.v),
						planString("zoom_group.one", "id", &one.v),
						apiCheck(wantMembers(&all, u[0].email)), apiCheck(wantMembers(&one, u[0].email)),
					},
				},
			},
			// Lifecycle: a member added in the web portal: Zoom refuses to delete the group, and the error names the
			// member. (The other scenarios' resources are destroyed here.) Then the member is removed in the portal
			// (afterFailure), and the TestCase's destroy deletes the group.
			{
				PreConfig: func() {
					destroyRefused = regexp.MustCompile(`(?s)still has members.*` + regexp.QuoteMeta(users[1].email))
					oob(t, func() error {
						_, err := env.Client.Groups.AddMembers(acctest.Ctx(), group.v, []client.UserRef{{Email: users[1].email}})
						return err
					})()
					afterFailure = oob(t, func() error { return env.Client.Groups.RemoveMember(acctest.Ctx(), group.v, users[1].id) })
				},
				Config:  config(lifecycle(renamed, users[0].id), pair([]string{u[0].email}, u[0].email), knobsOK),
				Destroy: true,
			},
		},
	})
	errs.done()
	if !refused {
		t.Fatal("the destroy of a group with members did not fail")
	}
}
