package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// TestGroupsRequests sends every Groups operation and checks the request each sends and what it decodes.
func TestGroupsRequests(t *testing.T) {
	ts := newTestServer(t)
	var mu sync.Mutex
	var got, bodyErrs []string
	spec := zoomspec.MustLoad()
	ts.handle("/", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, strings.TrimSpace(r.Method+" "+r.URL.EscapedPath()+"?"+r.URL.RawQuery+" "+string(b)))
		// Every body the client sends is valid against the operation's request schema.
		if op := spec.Match(r.Method, strings.TrimPrefix(r.URL.Path, "/v2")); op == nil {
			bodyErrs = append(bodyErrs, "no operation for "+r.Method+" "+r.URL.Path)
		} else if len(b) > 0 {
			var v any
			_ = json.Unmarshal(b, &v)
			bodyErrs = append(bodyErrs, conform(r.Method+" "+op.Path, v, op.RequestBody)...)
		}
		mu.Unlock()
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v2/groups":
			writeJSON(w, 200, map[string]any{"groups": []any{map[string]any{"id": "g1", "name": "Dev", "total_members": 2}}, "total_records": 1, "next_page_token": ""})
		case r.Method == http.MethodPost && r.URL.Path == "/v2/groups":
			writeJSON(w, 201, map[string]any{"id": "g1", "name": "Dev", "total_members": 0})
		case r.Method == http.MethodGet && r.URL.Path == "/v2/groups/g1":
			writeJSON(w, 200, map[string]any{"id": "g1", "name": "Dev", "total_members": 2})
		case r.Method == http.MethodGet && r.URL.Path == "/v2/groups/g1/members":
			writeJSON(w, 200, map[string]any{"members": []any{map[string]any{"id": "u1", "email": "a@example.com", "type": 1}}, "next_page_token": ""})
		case r.Method == http.MethodGet && r.URL.Path == "/v2/groups/g1/admins":
			writeJSON(w, 200, map[string]any{"admins": []any{map[string]any{"email": "a@example.com", "name": "A"}}, "next_page_token": ""})
		case r.Method == http.MethodPost:
			var body map[string][]UserRef
			_ = json.Unmarshal(b, &body)
			var ids []string
			for _, refs := range body {
				for _, ref := range refs {
					ids = append(ids, ref.ID)
				}
			}
			writeJSON(w, 201, map[string]any{"ids": strings.Join(ids, ","), "added_at": "2030-01-01T00:00:00Z"})
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	c, _ := newTestClient(t, ts, nil)
	ctx := context.Background()
	if gs, err := c.Groups.List(ctx); err != nil || len(gs) != 1 || gs[0].TotalMembers != 2 {
		t.Fatalf("List = %+v, %v", gs, err)
	}
	if g, err := c.Groups.Create(ctx, "Dev"); err != nil || g.ID != "g1" {
		t.Fatalf("Create = %+v, %v", g, err)
	}
	if g, err := c.Groups.Get(ctx, "g1"); err != nil || g.Name != "Dev" {
		t.Fatalf("Get = %+v, %v", g, err)
	}
	if err := c.Groups.Rename(ctx, "g1", "Ops"); err != nil {
		t.Fatal(err)
	}
	if ms, err := c.Groups.ListMembers(ctx, "g1"); err != nil || len(ms) != 1 || ms[0].Email != "a@example.com" {
		t.Fatalf("ListMembers = %+v, %v", ms, err)
	}
	refs := make([]UserRef, 65)
	for i := range refs {
		refs[i] = UserRef{ID: fmt.Sprintf("u%d", i)}
	}
	if ids, err := c.Groups.AddMembers(ctx, "g1", refs); err != nil || len(ids) != 65 || ids[64] != "u64" {
		t.Fatalf("AddMembers = %v, %v", ids, err)
	}
	if ids, err := c.Groups.AddAdmins(ctx, "g1", []UserRef{{Email: "a@example.com"}}); err != nil || len(ids) != 0 {
		t.Fatalf("AddAdmins = %v, %v", ids, err)
	}
	if as, err := c.Groups.ListAdmins(ctx, "g1"); err != nil || len(as) != 1 || as[0].Name != "A" {
		t.Fatalf("ListAdmins = %+v, %v", as, err)
	}
	for _, err := range []error{
		c.Groups.SetPrimary(ctx, "g1", "u1"),
		c.Groups.RemoveMember(ctx, "g1", "a+b@example.com"),
		c.Groups.RemoveAdmin(ctx, "g1", "u1"),
		c.Groups.Delete(ctx, "g1"),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Groups.Create(ctx, " "); err == nil {
		t.Error("Create with an empty name sent a request")
	}
	want := []string{
		"GET /v2/groups?page_size=300",
		`POST /v2/groups? {"name":"Dev"}`,
		"GET /v2/groups/g1?",
		`PATCH /v2/groups/g1? {"name":"Ops"}`,
		"GET /v2/groups/g1/members?page_size=2000",
		"POST /v2/groups/g1/members? 30",
		"POST /v2/groups/g1/members? 30",
		"POST /v2/groups/g1/members? 5",
		`POST /v2/groups/g1/admins? {"admins":[{"email":"a@example.com"}]}`,
		"GET /v2/groups/g1/admins?page_size=300",
		`PATCH /v2/groups/g1/members/u1? {"action":"set_primary","target_group_id":"g1"}`,
		"DELETE /v2/groups/g1/members/a+b@example.com?",
		"DELETE /v2/groups/g1/admins/u1?",
		"DELETE /v2/groups/g1?",
	}
	mu.Lock()
	defer mu.Unlock()
	for _, e := range bodyErrs {
		t.Error(e)
	}
	if len(got) != len(want) {
		t.Fatalf("requests:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		w := want[i]
		if n, ok := strings.CutPrefix(w, "POST /v2/groups/g1/members? "); ok {
			// Batches of at most 30 members.
			if !strings.HasPrefix(got[i], "POST /v2/groups/g1/members? ") || fmt.Sprint(strings.Count(got[i], `"id"`)) != n {
				t.Errorf("request %d = %s, want a batch of %s", i, got[i], n)
			}
			continue
		}
		if got[i] != w {
			t.Errorf("request %d = %s, want %s", i, got[i], w)
		}
	}
}

func TestGroupErrorPredicates(t *testing.T) {
	for _, tc := range []struct {
		status, code int
		pred         func(error) bool
		name         string
	}{
		{404, 4130, IsGroupNotFound, "IsGroupNotFound"},
		{404, 4131, IsGroupMemberNotFound, "IsGroupMemberNotFound"},
		{409, 4132, IsGroupNameTaken, "IsGroupNameTaken"},
		{400, 4138, IsNotGroupAdmin, "IsNotGroupAdmin"},
		{400, 300, IsGroupRefused, "IsGroupRefused"},
	} {
		err := &APIError{HTTPStatus: tc.status, Code: tc.code}
		if !tc.pred(err) {
			t.Errorf("%s(%d %d) = false", tc.name, tc.status, tc.code)
		}
		if tc.pred(&APIError{HTTPStatus: tc.status, Code: 1}) || tc.pred(fmt.Errorf("x")) {
			t.Errorf("%s matches another code", tc.name)
		}
	}
	if IsNotFound(&APIError{HTTPStatus: 404, Code: 4130}) {
		t.Error("IsNotFound matches a missing group: resources must ask IsGroupNotFound")
	}
}

// TestGroupStructsCoverSpec checks the group types against the spec extract: every documented field has a json
// tag, and no tag is invented.
func TestGroupStructsCoverSpec(t *testing.T) {
	spec := zoomspec.MustLoad()
	items := func(schema map[string]any, field string) map[string]any {
		return schema["properties"].(map[string]any)[field].(map[string]any)["items"].(map[string]any)
	}
	get := specFields(spec.Op("GET", "/groups/{groupId}").ResponseSchema(200), "")
	compareFields(t, "Group", union(get, specFields(items(spec.Op("GET", "/groups").ResponseSchema(200), "groups"), "")),
		structFields(reflect.TypeFor[Group](), ""))
	compareFields(t, "GroupMember", specFields(items(spec.Op("GET", "/groups/{groupId}/members").ResponseSchema(200), "members"), ""),
		structFields(reflect.TypeFor[GroupMember](), ""))
	compareFields(t, "GroupAdmin", specFields(items(spec.Op("GET", "/groups/{groupId}/admins").ResponseSchema(200), "admins"), ""),
		structFields(reflect.TypeFor[GroupAdmin](), ""))
	for _, path := range []string{"/groups/{groupId}/members", "/groups/{groupId}/admins"} {
		field := path[strings.LastIndex(path, "/")+1:]
		compareFields(t, "UserRef ("+field+")", specFields(items(spec.Op("POST", path).RequestBody, field), ""),
			structFields(reflect.TypeFor[UserRef](), ""))
	}
	compareFields(t, "groupAddResult", specFields(spec.Op("POST", "/groups/{groupId}/members").ResponseSchema(201), ""),
		structFields(reflect.TypeFor[groupAddResult](), ""))
}
