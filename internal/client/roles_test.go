package client

import (
	"context"
	"errors"
	"testing"
)

func TestRolesRequests(t *testing.T) {
	ctx := context.Background()
	c, reqs := captureServer(t, 200, `{"roles":[{"id":"0","name":"Owner","total_members":1}],"total_records":1}`)
	roles, err := c.Roles.List(ctx)
	if err != nil || len(roles) != 1 || roles[0].Name != "Owner" || roles[0].TotalMembers != 1 {
		t.Fatalf("List = %+v, %v", roles, err)
	}
	c, reqs2 := captureServer(t, 201, `{"id":"r1","name":"Ops","privileges":["User:Read"],"total_members":0}`)
	r, err := c.Roles.Create(ctx, &RoleRequest{Name: Ptr("Ops"), Privileges: &[]string{"User:Read"}})
	if err != nil || r.ID != "r1" || r.Privileges[0] != "User:Read" {
		t.Fatalf("Create = %+v, %v", r, err)
	}
	if _, err := c.Roles.Get(ctx, "r1"); err != nil {
		t.Fatal(err)
	}
	c3, reqs3 := captureServer(t, 204, ``)
	if err := c3.Roles.Update(ctx, "r1", &RoleRequest{Description: Ptr("d")}); err != nil {
		t.Fatal(err)
	}
	if err := c3.Roles.Delete(ctx, "r1"); err != nil {
		t.Fatal(err)
	}
	if err := c3.Roles.RemoveMember(ctx, "r1", "u1"); err != nil {
		t.Fatal(err)
	}
	got := append(append(reqs(), reqs2()...), reqs3()...)
	want := []string{"GET /v2/roles", "POST /v2/roles", "GET /v2/roles/r1", "PATCH /v2/roles/r1", "DELETE /v2/roles/r1",
		"DELETE /v2/roles/r1/members/u1"}
	for i, w := range want {
		if g := got[i].method + " " + got[i].path; g != w {
			t.Errorf("request %d = %s, want %s", i, g, w)
		}
	}
	jsonEqual(t, got[1].body, `{"name":"Ops","privileges":["User:Read"]}`)
	jsonEqual(t, got[3].body, `{"description":"d"}`)
	if err := c3.Roles.Delete(ctx, ""); err == nil {
		t.Error("an empty role ID was accepted")
	}
}

func TestRoleMembersRequests(t *testing.T) {
	ctx := context.Background()
	c, reqs := captureServer(t, 200, `{"members":[{"id":"u1","email":"a@example.com","type":2}],"next_page_token":""}`)
	ms, err := c.Roles.ListMembers(ctx, "r1")
	if err != nil || len(ms) != 1 || ms[0].Email != "a@example.com" {
		t.Fatalf("ListMembers = %+v, %v", ms, err)
	}
	if r := reqs()[0]; r.path != "/v2/roles/r1/members" || r.rawQuery != "page_size=300" {
		t.Errorf("request = %s ?%s", r.path, r.rawQuery)
	}
	c, reqs = captureServer(t, 201, `{"ids":"u1","add_at":"2026-01-01T00:00:00Z"}`)
	if err := c.Roles.AddMembers(ctx, "r1", []UserRef{RefTo("u1"), RefTo("b@example.com")}); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, reqs()[0].body, `{"members":[{"id":"u1"},{"email":"b@example.com"}]}`)
	if err := c.Roles.AddMembers(ctx, "r1", make([]UserRef, 31)); err == nil {
		t.Error("31 members in one request were accepted")
	}
}

func TestAssistantsRequests(t *testing.T) {
	ctx := context.Background()
	c, reqs := captureServer(t, 200, `{"assistants":[{"id":"a1","email":"a@example.com"}]}`)
	as, err := c.Users.ListAssistants(ctx, "u@example.com")
	if err != nil || len(as) != 1 || as[0].ID != "a1" {
		t.Fatalf("ListAssistants = %+v, %v", as, err)
	}
	c2, reqs2 := captureServer(t, 201, `{"ids":"a1"}`)
	if err := c2.Users.AddAssistants(ctx, "u1", []UserRef{RefTo("a@example.com")}); err != nil {
		t.Fatal(err)
	}
	c3, reqs3 := captureServer(t, 204, ``)
	if err := c3.Users.DeleteAssistant(ctx, "u1", "a1"); err != nil {
		t.Fatal(err)
	}
	if err := c3.Users.DeleteAllAssistants(ctx, "u1"); err != nil {
		t.Fatal(err)
	}
	got := append(append(reqs(), reqs2()...), reqs3()...)
	want := []string{"GET /v2/users/u@example.com/assistants", "POST /v2/users/u1/assistants",
		"DELETE /v2/users/u1/assistants/a1", "DELETE /v2/users/u1/assistants"}
	for i, w := range want {
		if g := got[i].method + " " + got[i].path; g != w {
			t.Errorf("request %d = %s, want %s", i, g, w)
		}
	}
	jsonEqual(t, got[1].body, `{"assistants":[{"email":"a@example.com"}]}`)
}

func TestRolePredicates(t *testing.T) {
	for _, tc := range []struct {
		err                  error
		notFound, taken, dup bool
	}{
		{&APIError{HTTPStatus: 400, Code: 1034}, true, false, false},
		{&APIError{HTTPStatus: 400, Code: 300, Message: "Role not found."}, true, false, false},
		{&APIError{HTTPStatus: 404, Message: "Role or Member not found"}, true, false, false},
		{&APIError{HTTPStatus: 400, Code: 300, Message: "This role cannot be updated."}, false, false, false},
		{&APIError{HTTPStatus: 400, Code: 1224}, false, true, false},
		{&APIError{HTTPStatus: 400, Code: 200, Message: "User a@b.c has already granted scheduling privilege."}, false, false, true},
		{&APIError{HTTPStatus: 400, Code: 200, Message: "Can't find user a@b.c."}, false, false, false},
		{errors.New("x"), false, false, false},
	} {
		if IsRoleNotFound(tc.err) != tc.notFound || IsRoleNameTaken(tc.err) != tc.taken || IsAssistantAlreadyAdded(tc.err) != tc.dup {
			t.Errorf("%v: got %v %v %v", tc.err, IsRoleNotFound(tc.err), IsRoleNameTaken(tc.err), IsAssistantAlreadyAdded(tc.err))
		}
	}
}
