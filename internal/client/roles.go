package client

import (
	"context"
	"errors"
	"net/url"
	"strings"
)

// RolesService is the account's roles (the Roles operations of the Meetings API). Every user holds exactly one
// role. The built-in roles are Owner (ID "0"), Admin ("1") and Member ("2"): they cannot be changed or deleted,
// and the Owner and Member roles take no members through AddMembers or RemoveMember. Unassigning a custom or the
// Admin role moves the user back to the Member role.
type RolesService service

// Built-in role IDs.
const (
	RoleIDOwner  = "0"
	RoleIDAdmin  = "1"
	RoleIDMember = "2"
)

// BuiltinRoleNames maps the built-in role IDs to their names.
var BuiltinRoleNames = map[string]string{RoleIDOwner: "Owner", RoleIDAdmin: "Admin", RoleIDMember: "Member"}

// IsBuiltinRole reports whether id is one of the built-in roles.
func IsBuiltinRole(id string) bool { _, ok := BuiltinRoleNames[id]; return ok }

// MaxRoleMembersPerAdd is how many users one AddMembers request may assign (AddRoleMembers' maxItems).
const MaxRoleMembersPerAdd = 30

// maxRoleMembersPageSize is roleMembers' maximum page_size.
const maxRoleMembersPageSize = 300

// Role is a role as getRoleInformation and createRole return it; List leaves Privileges empty.
type Role struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Description  string   `json:"description"`
	Privileges   []string `json:"privileges"`
	TotalMembers int      `json:"total_members"`
}

// RoleRequest is the body of createRole and updateRole; nil fields are not sent (a non-nil empty Privileges
// clears the role's privileges).
type RoleRequest struct {
	Name        *string   `json:"name,omitempty"`
	Description *string   `json:"description,omitempty"`
	Privileges  *[]string `json:"privileges,omitempty"`
}

// RoleMember is an entry of roleMembers.
type RoleMember struct {
	ID         string `json:"id"`
	Email      string `json:"email"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	Type       int    `json:"type"`
	Department string `json:"department"`
}

func rolePath(id string) (string, error) {
	if strings.TrimSpace(id) == "" {
		return "", errors.New("zoom client: role ID must not be empty")
	}
	return pathf("roles/%s", id)
}

// List returns every role of the account, the built-in ones included.
//
//meta:operation GET /roles
func (s *RolesService) List(ctx context.Context) ([]Role, error) {
	var out struct {
		Roles []Role `json:"roles"`
	}
	if _, err := s.client.get(ctx, "roles", nil, CategoryMedium, &out); err != nil {
		return nil, err
	}
	if out.Roles == nil {
		out.Roles = []Role{}
	}
	return out.Roles, nil
}

// Create creates a custom role.
//
//meta:operation POST /roles
func (s *RolesService) Create(ctx context.Context, req *RoleRequest) (*Role, error) {
	if req == nil {
		return nil, errors.New("zoom client: create role: request must not be nil")
	}
	r := new(Role)
	if _, err := s.client.post(ctx, "roles", req, CategoryLight, r); err != nil {
		return nil, err
	}
	return r, nil
}

// Get returns a role with its privileges.
//
//meta:operation GET /roles/{roleId}
func (s *RolesService) Get(ctx context.Context, id string) (*Role, error) {
	p, err := rolePath(id)
	if err != nil {
		return nil, err
	}
	r := new(Role)
	if _, err := s.client.get(ctx, p, nil, CategoryLight, r); err != nil {
		return nil, err
	}
	return r, nil
}

// Update changes the fields set in req (Privileges, when not nil, replaces the role's privileges).
//
//meta:operation PATCH /roles/{roleId}
func (s *RolesService) Update(ctx context.Context, id string, req *RoleRequest) error {
	if req == nil {
		return errors.New("zoom client: update role: request must not be nil")
	}
	p, err := rolePath(id)
	if err != nil {
		return err
	}
	_, err = s.client.patch(ctx, p, nil, req, CategoryLight)
	return err
}

// Delete deletes a custom role.
//
//meta:operation DELETE /roles/{roleId}
func (s *RolesService) Delete(ctx context.Context, id string) error {
	p, err := rolePath(id)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}

// ListMembers returns every member of a role (all pages).
//
//meta:operation GET /roles/{roleId}/members
func (s *RolesService) ListMembers(ctx context.Context, id string) ([]RoleMember, error) {
	p, err := rolePath(id)
	if err != nil {
		return nil, err
	}
	return listAll[RoleMember](ctx, s.client, p+"/members", url.Values{}, CategoryMedium, "members", maxRoleMembersPageSize)
}

// AddMembers assigns the role to up to MaxRoleMembersPerAdd users, moving each out of the role they held.
//
//meta:operation POST /roles/{roleId}/members
func (s *RolesService) AddMembers(ctx context.Context, id string, members []UserRef) error {
	if len(members) == 0 || len(members) > MaxRoleMembersPerAdd {
		return errors.New("zoom client: add role members: between 1 and 30 members per request")
	}
	p, err := rolePath(id)
	if err != nil {
		return err
	}
	body := struct {
		Members []UserRef `json:"members"`
	}{members}
	_, err = s.client.post(ctx, p+"/members", body, CategoryMedium, nil)
	return err
}

// RemoveMember unassigns the role from a user, who returns to the Member role.
//
//meta:operation DELETE /roles/{roleId}/members/{memberId}
func (s *RolesService) RemoveMember(ctx context.Context, id, userID string) error {
	if strings.TrimSpace(id) == "" || strings.TrimSpace(userID) == "" {
		return errors.New("zoom client: role ID and member ID must not be empty")
	}
	p, err := pathf("roles/%s/members/%s", id, userID)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}
