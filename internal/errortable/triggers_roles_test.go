package errortable

import (
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

func init() {
	for k, v := range roleTriggers {
		triggers[k] = v
	}
}

// role creates a custom role and returns its ID.
func (e *env) role() string {
	e.t.Helper()
	r, err := e.c.Roles.Create(e.ctx, &client.RoleRequest{Name: client.Ptr("r" + e.userEmail(2))})
	e.must(err)
	return r.ID
}

const noRole = "AbCdEfGhIjKlMnOpQrStUv"

var roleTriggers = map[string]trigger{
	"createRole 400 1224": {call: func(e *env) error {
		return ignore(e.c.Roles.Create(e.ctx, &client.RoleRequest{Name: client.Ptr("admin")}))
	}},
	"getRoleInformation 400 1034": {call: func(e *env) error { return ignore(e.c.Roles.Get(e.ctx, noRole)) }},
	"updateRole 400 1034": {call: func(e *env) error {
		return e.c.Roles.Update(e.ctx, noRole, &client.RoleRequest{Description: client.Ptr("d")})
	}},
	"updateRole 400 1224": {call: func(e *env) error {
		return e.c.Roles.Update(e.ctx, e.role(), &client.RoleRequest{Name: client.Ptr("Member")})
	}},
	"deleteRole 400 1034": {call: func(e *env) error { return e.c.Roles.Delete(e.ctx, noRole) }},
	"deleteRole 400 300": {want: `still has 1 member`, call: func(e *env) error {
		id := e.role()
		e.must(e.c.Roles.AddMembers(e.ctx, id, []client.UserRef{{ID: e.user(2)}}))
		return e.c.Roles.Delete(e.ctx, id)
	}},
	"roleMembers 400 1034": {call: func(e *env) error { return ignore(e.c.Roles.ListMembers(e.ctx, noRole)) }},
	"AddRoleMembers 400 300": {want: `Normal/Owner`, call: func(e *env) error {
		return e.c.Roles.AddMembers(e.ctx, client.RoleIDMember, []client.UserRef{{ID: e.user(2)}})
	}},
	"AddRoleMembers 400 300 the account owner": {want: `owner`, call: func(e *env) error {
		return e.c.Roles.AddMembers(e.ctx, e.role(), []client.UserRef{{Email: e.owner()}})
	}},
	"AddRoleMembers 400 1034": {call: func(e *env) error {
		return e.c.Roles.AddMembers(e.ctx, noRole, []client.UserRef{{ID: e.user(2)}})
	}},
	"AddRoleMembers 404 1001": {call: func(e *env) error {
		return e.c.Roles.AddMembers(e.ctx, e.role(), []client.UserRef{{Email: "nobody@example.com"}})
	}},
	"roleMemberDelete 400 1034": {call: func(e *env) error { return e.c.Roles.RemoveMember(e.ctx, noRole, e.user(2)) }},
	"userAssistants 404 1001": {call: func(e *env) error {
		return ignore(e.c.Users.ListAssistants(e.ctx, "nobody@example.com"))
	}},
	"userAssistantCreate 400 200": {want: `Licensed user`, call: func(e *env) error {
		return e.c.Users.AddAssistants(e.ctx, e.owner(), []client.UserRef{{ID: e.user(1)}})
	}},
	"userAssistantCreate 400 200 already an assistant": {want: `already granted`, call: func(e *env) error {
		a := e.user(2)
		e.must(e.c.Users.AddAssistants(e.ctx, e.owner(), []client.UserRef{{ID: a}}))
		return e.c.Users.AddAssistants(e.ctx, e.owner(), []client.UserRef{{ID: a}})
	}},
	"userAssistantCreate 404 1001": {call: func(e *env) error {
		return e.c.Users.AddAssistants(e.ctx, "nobody@example.com", []client.UserRef{{ID: e.user(2)}})
	}},
	"userAssistantDelete 404 1001": {call: func(e *env) error {
		return e.c.Users.DeleteAssistant(e.ctx, e.owner(), e.user(2))
	}},
	"userAssistantsDelete 404 1001": {call: func(e *env) error {
		return e.c.Users.DeleteAllAssistants(e.ctx, "nobody@example.com")
	}},
}
