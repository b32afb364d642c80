package sandbox_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func (e *env) createGroup(name string) string {
	e.t.Helper()
	r := e.call(http.MethodPost, "/v2/groups", map[string]any{"name": name})
	r.wantStatus(e.t, http.StatusCreated)
	return r.json(e.t)["id"].(string)
}

func TestGroupsCRUD(t *testing.T) {
	e := newEnv(t, nil)
	r := e.call(http.MethodPost, "/v2/groups", map[string]any{"name": "Developers"})
	r.wantStatus(t, http.StatusCreated)
	g := r.json(t)
	id := g["id"].(string)
	if g["name"] != "Developers" || g["total_members"] != float64(0) {
		t.Fatalf("create answer %v", g)
	}
	e.call(http.MethodPost, "/v2/groups", map[string]any{"name": "developers"}).
		wantError(t, 409, 4132, `The group name "developers" is already in use.`)
	e.call(http.MethodPost, "/v2/groups", map[string]any{"name": " "}).wantError(t, 400, 300, "Invalid parameter: name.")
	e.call(http.MethodPost, "/v2/groups", map[string]any{}).wantError(t, 400, 300, "Invalid parameter: name.")
	e.call(http.MethodPost, "/v2/groups", map[string]any{"name": strings.Repeat("n", 128)}).wantError(t, 400, 300, "Invalid parameter: name.")
	other := e.createGroup("Sales")

	e.call(http.MethodPatch, "/v2/groups/"+id, map[string]any{"name": "Sales"}).
		wantError(t, 409, 4132, "Group name Sales is already in use.")
	e.call(http.MethodPatch, "/v2/groups/"+id, map[string]any{"name": strings.Repeat("n", 128)}).wantField(t, "name")
	e.call(http.MethodPatch, "/v2/groups/"+id, map[string]any{"name": "Engineering"}).wantStatus(t, 204)
	if got := e.call(http.MethodGet, "/v2/groups/"+id, nil).json(t); got["name"] != "Engineering" {
		t.Fatalf("get after rename %v", got)
	}
	e.call(http.MethodGet, "/v2/groups/nope", nil).wantError(t, 404, 4130, "A group with this nope does not exist.")
	e.call(http.MethodPatch, "/v2/groups/nope", map[string]any{"name": "x"}).wantError(t, 404, 4130, "")

	list := e.call(http.MethodGet, "/v2/groups?page_size=1", nil).json(t)
	if list["total_records"] != float64(2) || len(list["groups"].([]any)) != 1 || list["next_page_token"] == "" {
		t.Fatalf("list %v", list)
	}
	if _, ok := list["page_count"]; ok {
		t.Fatalf("groups answers only the fields its spec documents: %v", list)
	}
	e.call(http.MethodDelete, "/v2/groups/"+other, nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/groups/"+other, nil).wantError(t, 404, 4130, "")
}

func TestGroupMembers(t *testing.T) {
	e := newEnv(t, nil)
	g := e.createGroup("Developers")
	g2 := e.createGroup("Sales")
	a := e.createUser("autoCreate", "a@example.com", 1)
	b := e.createUser("autoCreate", "b@example.com", 2)

	// Members by id or e-mail; the answer's ids lists the users added.
	r := e.call(http.MethodPost, "/v2/groups/"+g+"/members", map[string]any{"members": []map[string]string{{"id": a}, {"email": "B@example.com"}}})
	r.wantStatus(t, 201)
	if got := r.json(t)["ids"]; got != a+","+b {
		t.Fatalf("ids = %v", got)
	}
	// At most 30 per request; an unknown user is refused and nothing is added.
	many := make([]map[string]string, 31)
	for i := range many {
		many[i] = map[string]string{"email": fmt.Sprintf("u%d@example.com", i)}
	}
	e.call(http.MethodPost, "/v2/groups/"+g+"/members", map[string]any{"members": many}).wantField(t, "members")
	e.call(http.MethodPost, "/v2/groups/"+g2+"/members", map[string]any{"members": []map[string]string{{"id": b}, {"id": "ghost"}}}).
		wantError(t, 404, 1001, "User does not exist: ghost.")
	if n := e.call(http.MethodGet, "/v2/groups/"+g2, nil).json(t)["total_members"]; n != float64(0) {
		t.Fatalf("members added despite the error: %v", n)
	}
	e.call(http.MethodPost, "/v2/groups/nope/members", map[string]any{"members": []map[string]string{{"id": a}}}).wantError(t, 404, 4130, "")

	list := e.call(http.MethodGet, "/v2/groups/"+g+"/members?page_size=1", nil).json(t)
	if list["total_records"] != float64(2) || list["page_count"] != float64(2) || list["next_page_token"] == "" {
		t.Fatalf("members list %v", list)
	}
	m := list["members"].([]any)[0].(map[string]any)
	if m["id"] != a || m["email"] != "a@example.com" || m["type"] != float64(1) {
		t.Fatalf("member %v", m)
	}
	// The user's group_ids follow the membership, on GET and on the list.
	e.call(http.MethodPost, "/v2/groups/"+g2+"/members", map[string]any{"members": []map[string]string{{"id": a}}}).wantStatus(t, 201)
	if ids := e.call(http.MethodGet, "/v2/users/"+a, nil).json(t)["group_ids"]; fmt.Sprint(ids) != fmt.Sprint([]any{g, g2}) {
		t.Fatalf("group_ids = %v", ids)
	}

	// set_primary needs the member in the target group; move takes it out of the path group.
	e.call(http.MethodPatch, "/v2/groups/"+g2+"/members/"+a, map[string]any{"action": "set_primary", "target_group_id": g2}).wantStatus(t, 204)
	e.call(http.MethodPatch, "/v2/groups/"+g2+"/members/"+b, map[string]any{"action": "set_primary", "target_group_id": g2}).wantError(t, 404, 4131, "Group member does not exist.")
	e.call(http.MethodPatch, "/v2/groups/"+g+"/members/"+a, map[string]any{"action": "set_primary"}).wantError(t, 400, 300, "The target_group_id can not be empty.")
	e.call(http.MethodPatch, "/v2/groups/"+g+"/members/"+a, map[string]any{"action": "nope", "target_group_id": g}).wantField(t, "action")
	e.call(http.MethodPatch, "/v2/groups/"+g+"/members/"+b, map[string]any{"action": "move", "target_group_id": g2}).wantStatus(t, 204)
	if n := e.call(http.MethodGet, "/v2/groups/"+g2, nil).json(t)["total_members"]; n != float64(2) {
		t.Fatalf("after move: %v", n)
	}

	e.call(http.MethodDelete, "/v2/groups/"+g+"/members/"+b, nil).wantError(t, 404, 4131, "Group member does not exist.")
	e.call(http.MethodDelete, "/v2/groups/"+g+"/members/a@example.com", nil).wantStatus(t, 204)
	if ids := e.call(http.MethodGet, "/v2/users/"+a, nil).json(t)["group_ids"]; fmt.Sprint(ids) != fmt.Sprint([]any{g2}) {
		t.Fatalf("group_ids after removal = %v", ids)
	}

	// A group with members is not deleted (default); a deleted user leaves every group.
	e.call(http.MethodDelete, "/v2/groups/"+g2, nil).wantError(t, 400, 300, "")
	e.call(http.MethodDelete, "/v2/users/"+b+"?action=delete", nil).wantStatus(t, 204)
	if n := e.call(http.MethodGet, "/v2/groups/"+g2, nil).json(t)["total_members"]; n != float64(1) {
		t.Fatalf("after user delete: %v", n)
	}
}

func TestGroupKnobs(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) {
		p.GroupDeleteWithMembers = sandbox.GroupDeleteRemoveMembers
		p.GroupUnknownUsers = sandbox.GroupUnknownUsersSkip
		p.GroupListsDeactivatedMembers = false
		p.GroupCreatesPerDay = 2
	})
	g := e.createGroup("One")
	a := e.createUser("autoCreate", "a@example.com", 1)
	b := e.createUser("autoCreate", "b@example.com", 1)
	r := e.call(http.MethodPost, "/v2/groups/"+g+"/members", map[string]any{"members": []map[string]string{{"id": a}, {"id": "ghost"}, {"id": b}}})
	r.wantStatus(t, 201)
	if r.json(t)["ids"] != a+","+b {
		t.Fatalf("skip: %s", r.body)
	}
	e.call(http.MethodPut, "/v2/users/"+b+"/status", map[string]any{"action": "deactivate"}).wantStatus(t, 200)
	if n := e.call(http.MethodGet, "/v2/groups/"+g+"/members", nil).json(t)["total_records"]; n != float64(1) {
		t.Fatalf("deactivated member listed: %v", n)
	}
	e.createGroup("Two")
	e.call(http.MethodPost, "/v2/groups", map[string]any{"name": "Three"}).wantError(t, 429, 429,
		"You have exceeded the daily rate limit (2) of Create a Group API request for this account. This limit resets at GMT 00:00:00.")
	e.call(http.MethodDelete, "/v2/groups/"+g, nil).wantStatus(t, 204)
	if ids := e.call(http.MethodGet, "/v2/users/"+a, nil).json(t)["group_ids"]; fmt.Sprint(ids) != "[]" {
		t.Fatalf("group_ids after group delete = %v", ids)
	}
}

func TestGroupsFreePlan(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.Plan = sandbox.PlanFree })
	e.call(http.MethodGet, "/v2/groups", nil).wantError(t, 400, 200, "Only available for Paid account,sandbox-account.")
	e.call(http.MethodPost, "/v2/groups", map[string]any{"name": "x"}).wantError(t, 400, 200, "")
}

func TestGroupAdmins(t *testing.T) {
	e := newEnv(t, nil)
	g := e.createGroup("Developers")
	a := e.createUser("autoCreate", "a@example.com", 1)
	e.call(http.MethodPost, "/v2/groups/"+g+"/admins", map[string]any{"admins": []map[string]string{{"email": "a@example.com"}}}).wantStatus(t, 201)
	list := e.call(http.MethodGet, "/v2/groups/"+g+"/admins", nil).json(t)
	if list["total_records"] != float64(1) || list["admins"].([]any)[0].(map[string]any)["email"] != "a@example.com" {
		t.Fatalf("admins %v", list)
	}
	many := make([]map[string]string, 11)
	for i := range many {
		many[i] = map[string]string{"id": a}
	}
	e.call(http.MethodPost, "/v2/groups/"+g+"/admins", map[string]any{"admins": many}).wantField(t, "admins")
	e.call(http.MethodGet, "/v2/groups/nope/admins", nil).wantError(t, 404, 4130, `A group with the "nope" ID does not exist.`)
	e.call(http.MethodDelete, "/v2/groups/"+g+"/admins/"+a, nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/groups/"+g+"/admins/"+a, nil).
		wantError(t, 400, 4138, `That user is not an administrator for the group: "`+g+`".`)
}

func TestSeedGroup(t *testing.T) {
	e := newEnv(t, nil)
	if _, err := e.s.SeedUsers(sandbox.UserSeed{Count: 45, Prefix: "big-"}); err != nil {
		t.Fatal(err)
	}
	r := e.admin(http.MethodPost, "/seed/groups", map[string]any{"name": "Big", "member_prefix": "big-"})
	r.wantStatus(t, 201)
	id := r.json(t)["id"].(string)
	e.s.ClearRequests()
	list := e.call(http.MethodGet, "/v2/groups/"+id+"/members?page_size=20", nil).json(t)
	if list["total_records"] != float64(45) || list["page_count"] != float64(3) {
		t.Fatalf("seeded group %v", list)
	}
	if _, err := e.s.SeedGroup(sandbox.GroupSeed{Name: "big", Members: []string{"nobody@example.com"}}); err == nil {
		t.Fatal("seed with a taken name and an unknown member succeeded")
	}
}
