package sandbox_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// conforms checks a success answer against the operation's documented response schema.
func conforms(t *testing.T, method, template string, r response) {
	t.Helper()
	op := zoomspec.MustLoad().Op(method, template)
	if op == nil {
		t.Fatalf("%s %s is not in the spec extract", method, template)
	}
	schema := op.ResponseSchema(r.status)
	if schema == nil {
		if len(r.body) > 0 {
			t.Errorf("%s %s: HTTP %d has a body, the spec documents none", method, template, r.status)
		}
		return
	}
	var v any
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("%s %s: %v", method, template, err)
	}
	for _, e := range zoomspec.Conform(method+" "+template, v, schema) {
		t.Error(e)
	}
}

// TestRolesFollowTheSpec walks the role operations: built-in roles listed, a custom role created, read, renamed,
// given members (who move out of their role) and unassigned (back to Member), deleted only without members; every
// success answer matches its response schema.
func TestRolesFollowTheSpec(t *testing.T) {
	e := newEnv(t, nil)
	a := e.createUser("autoCreate", "a@example.com", 2)
	r := e.call(http.MethodGet, "/v2/roles", nil)
	r.wantStatus(t, 200)
	conforms(t, "get", "/roles", r)
	if got := r.json(t)["total_records"]; got != 3.0 {
		t.Fatalf("built-in roles: %v", got)
	}
	r = e.call(http.MethodPost, "/v2/roles", map[string]any{"name": "Ops", "description": "d", "privileges": []string{"User:Read", "User:Read"}})
	r.wantStatus(t, 201)
	conforms(t, "post", "/roles", r)
	id := r.json(t)["id"].(string)
	e.call(http.MethodPost, "/v2/roles", map[string]any{"name": "ops"}).wantError(t, 400, 1224, `Role name "ops" has already been used.`)
	e.call(http.MethodPost, "/v2/roles", map[string]any{"name": ""}).wantError(t, 400, 300, "The name field cannot be empty.")

	r = e.call(http.MethodGet, "/v2/roles/"+id, nil)
	r.wantStatus(t, 200)
	conforms(t, "get", "/roles/{roleId}", r)
	if p := r.json(t)["privileges"].([]any); len(p) != 1 {
		t.Errorf("privileges %v, want one", p)
	}
	e.call(http.MethodPatch, "/v2/roles/"+id, map[string]any{"name": "Ops 2", "privileges": []string{}}).wantStatus(t, 204)
	e.call(http.MethodPatch, "/v2/roles/1", map[string]any{"name": "x"}).wantError(t, 400, 300, "This role cannot be updated.")
	e.call(http.MethodGet, "/v2/roles/nope", nil).wantError(t, 400, 1034, "")

	r = e.call(http.MethodPost, "/v2/roles/"+id+"/members", map[string]any{"members": []map[string]string{{"email": "A@example.com"}}})
	r.wantStatus(t, 201)
	conforms(t, "post", "/roles/{roleId}/members", r)
	if u := e.call(http.MethodGet, "/v2/users/"+a, nil).json(t); u["role_id"] != id || u["role_name"] != "Ops 2" {
		t.Errorf("user after assignment: role %v %v", u["role_id"], u["role_name"])
	}
	e.call(http.MethodPost, "/v2/roles/2/members", map[string]any{"members": []map[string]string{{"id": a}}}).
		wantError(t, 400, 300, "Can't delete or add members for Normal/Owner roles.")
	r = e.call(http.MethodGet, "/v2/roles/"+id+"/members?page_size=1", nil)
	r.wantStatus(t, 200)
	conforms(t, "get", "/roles/{roleId}/members", r)
	e.call(http.MethodDelete, "/v2/roles/"+id, nil).wantError(t, 400, 300, "")

	e.call(http.MethodDelete, "/v2/roles/"+id+"/members/"+a, nil).wantStatus(t, 204)
	if u := e.call(http.MethodGet, "/v2/users/"+a, nil).json(t); u["role_id"] != "2" {
		t.Errorf("user after unassignment: role %v, want 2", u["role_id"])
	}
	e.call(http.MethodDelete, "/v2/roles/"+id+"/members/"+a, nil).wantError(t, 404, 0, "Role or Member not found")
	e.call(http.MethodDelete, "/v2/roles/"+id, nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/roles/"+id, nil).wantError(t, 400, 1034, "")
}

// TestRoleDeleteMovesMembers: with the knob, deleting a role moves its members to the Member role.
func TestRoleDeleteMovesMembers(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.RoleDeleteMovesMembers = true })
	a := e.createUser("autoCreate", "a@example.com", 2)
	id := e.call(http.MethodPost, "/v2/roles", map[string]any{"name": "Ops"}).json(t)["id"].(string)
	e.call(http.MethodPost, "/v2/roles/"+id+"/members", map[string]any{"members": []map[string]string{{"id": a}}}).wantStatus(t, 201)
	e.call(http.MethodDelete, "/v2/roles/"+id, nil).wantStatus(t, 204)
	if u := e.call(http.MethodGet, "/v2/users/"+a, nil).json(t); u["role_id"] != "2" || u["role_name"] != "Member" {
		t.Errorf("member after the role's deletion: %v %v", u["role_id"], u["role_name"])
	}
}

// TestAssistantsFollowTheSpec: add by e-mail and ID, list, the documented refusals, delete one and all.
func TestAssistantsFollowTheSpec(t *testing.T) {
	e := newEnv(t, nil)
	a := e.createUser("autoCreate", "a@example.com", 2)
	b := e.createUser("autoCreate", "b@example.com", 2)
	basic := e.createUser("autoCreate", "c@example.com", 1)
	r := e.call(http.MethodPost, "/v2/users/me/assistants", map[string]any{"assistants": []map[string]string{{"email": "a@example.com"}, {"id": b}}})
	r.wantStatus(t, 201)
	conforms(t, "post", "/users/{userId}/assistants", r)
	if ids := r.json(t)["ids"].(string); ids != a+","+b {
		t.Errorf("ids %q", ids)
	}
	r = e.call(http.MethodGet, "/v2/users/me/assistants", nil)
	r.wantStatus(t, 200)
	conforms(t, "get", "/users/{userId}/assistants", r)
	if !strings.Contains(string(r.body), a) || !strings.Contains(string(r.body), b) {
		t.Errorf("list %s", r.body)
	}
	add := func(ref map[string]string) response {
		return e.call(http.MethodPost, "/v2/users/me/assistants", map[string]any{"assistants": []map[string]string{ref}})
	}
	add(map[string]string{"id": a}).wantError(t, 400, 200, "User a@example.com has already granted scheduling privilege.")
	add(map[string]string{"id": basic}).wantError(t, 400, 200, "The user must either be a Licensed user or an On-prem user : c@example.com.")
	add(map[string]string{"email": "owner@sandbox.zoom.test"}).wantError(t, 400, 200, "Can't assign scheduling privilege to yourself.")
	add(map[string]string{"email": "x@example.com"}).wantError(t, 400, 200, "Can't find user x@example.com.")
	e.call(http.MethodPost, "/v2/users/"+basic+"/assistants", map[string]any{"assistants": []map[string]string{{"id": a}}}).
		wantError(t, 400, 200, "The user must either be a Licensed user or an On-prem user : "+basic+".")
	e.call(http.MethodDelete, "/v2/users/me/assistants/"+a, nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/users/me/assistants/"+a, nil).wantError(t, 404, 1001, "")
	e.call(http.MethodDelete, "/v2/users/me/assistants", nil).wantStatus(t, 204)
	if r := e.call(http.MethodGet, "/v2/users/me/assistants", nil).json(t); len(r["assistants"].([]any)) != 0 {
		t.Errorf("assistants left: %v", r)
	}
	e.call(http.MethodGet, "/v2/users/nobody@example.com/assistants", nil).wantError(t, 404, 1001, "User does not exist: nobody@example.com.")
}

// TestUserRefArraysAreValidated: AddRoleMembers and userAssistantCreate read their {id, email} arrays alike: the
// array is required and holds at most 30 objects, each naming a user.
func TestUserRefArraysAreValidated(t *testing.T) {
	e := newEnv(t, nil)
	role := e.call(http.MethodPost, "/v2/roles", map[string]any{"name": "Ops"}).json(t)["id"].(string)
	thirtyOne := make([]map[string]string, 31)
	for i := range thirtyOne {
		thirtyOne[i] = map[string]string{"email": "x@example.com"}
	}
	for _, c := range []struct{ path, field string }{
		{"/v2/roles/" + role + "/members", "members"},
		{"/v2/users/me/assistants", "assistants"},
	} {
		e.call(http.MethodPost, c.path, map[string]any{}).wantField(t, c.field)
		e.call(http.MethodPost, c.path, map[string]any{c.field: "a"}).wantField(t, c.field)
		e.call(http.MethodPost, c.path, map[string]any{c.field: thirtyOne}).wantField(t, c.field)
		e.call(http.MethodPost, c.path, map[string]any{c.field: []any{map[string]string{}}}).wantField(t, c.field+"[0]")
		e.call(http.MethodPost, c.path, map[string]any{c.field: []any{"a"}}).wantField(t, c.field+"[0]")
	}
}
