package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Roles (the Roles operations of the Meetings spec: roles, createRole, getRoleInformation, updateRole,
// deleteRole, roleMembers, AddRoleMembers, roleMemberDelete).
//
// Every user holds exactly one role, stored as user.RoleID. The three built-in roles are not stored: Owner
// ("0"), Admin ("1") and Member ("2") always exist, cannot be updated or deleted, and the Owner and Member roles
// take no members through AddRoleMembers or roleMemberDelete (the spec's "Normal/Owner roles"). A custom role is
// stored in state.Roles; its members are the users whose RoleID is its ID. Assigning a role moves the user out of
// the role they held; unassigning moves them to the Member role.

// Messages of the Roles operations (the spec's where it gives them).
const (
	msgRoleNameEmpty      = "The name field cannot be empty."
	msgRoleNameUsed       = "Role name \"%s\" has already been used."
	msgRoleNotExist       = "Provided `role_id` does not exist."
	msgRoleCannotUpdate   = "This role cannot be updated."
	msgRoleNormalOwner    = "Can't delete or add members for Normal/Owner roles."
	msgRoleMemberNotFound = "Role or Member not found"
	// Sandbox wording.
	msgRoleCannotDelete = "This role cannot be deleted."
	msgRoleHasMembers   = "The role still has %d member(s); assign them another role first."
	msgRoleOwnerMember  = "The account owner's role cannot be changed."
)

// Zoom codes of the Roles operations.
const (
	codeRoleNotExist = 1034
	codeRoleNameUsed = 1224
)

// maxRoleMembersPerAdd is AddRoleMembers' maxItems.
const maxRoleMembersPerAdd = 30

// role is a custom role of the account.
type role struct {
	Seq         int64     `json:"seq"`
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	Privileges  []string  `json:"privileges"`
	CreatedAt   time.Time `json:"created_at"`
}

// builtinRoles are the roles every account has, in the order GET /roles lists them.
var builtinRoles = []role{
	{Seq: -3, ID: roleOwner, Name: "Owner", Description: "Account owner has full privileges to access and manage a Zoom account."},
	{Seq: -2, ID: roleAdmin, Name: "Admin", Description: "Admins have wide-ranging privileges to manage users and the account."},
	{Seq: -1, ID: roleMember, Name: "Member", Description: "Members have access to basic Zoom video meeting functions but no account management privileges."},
}

func roleRoutes() []*route {
	read := []string{"role:read:admin", "role:write:admin"}
	write := []string{"role:write:admin"}
	return []*route{
		{method: http.MethodGet, pattern: "/v2/roles", category: CategoryMedium, macroScopes: read, handler: (*call).listRoles},
		{method: http.MethodPost, pattern: "/v2/roles", category: CategoryLight, macroScopes: write, handler: (*call).createRole},
		{method: http.MethodGet, pattern: "/v2/roles/{roleId}", category: CategoryLight, macroScopes: read, handler: (*call).getRole},
		{method: http.MethodPatch, pattern: "/v2/roles/{roleId}", category: CategoryLight, macroScopes: write, handler: (*call).updateRole},
		{method: http.MethodDelete, pattern: "/v2/roles/{roleId}", category: CategoryLight, macroScopes: write, handler: (*call).deleteRole},
		{method: http.MethodGet, pattern: "/v2/roles/{roleId}/members", category: CategoryMedium, macroScopes: read, handler: (*call).listRoleMembers},
		{method: http.MethodPost, pattern: "/v2/roles/{roleId}/members", category: CategoryMedium, macroScopes: write, handler: (*call).addRoleMembers},
		{method: http.MethodDelete, pattern: "/v2/roles/{roleId}/members/{memberId}", category: CategoryLight, macroScopes: write, handler: (*call).deleteRoleMember},
	}
}

// findRole returns the built-in or custom role with this ID, or nil.
func (st *state) findRole(id string) *role {
	for i := range builtinRoles {
		if builtinRoles[i].ID == id {
			r := builtinRoles[i]
			return &r
		}
	}
	for _, r := range st.Roles {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func isBuiltinRole(id string) bool { return id == roleOwner || id == roleAdmin || id == roleMember }

// roleName is the name of the role a user holds.
func (st *state) roleName(id string) string {
	if r := st.findRole(id); r != nil {
		return r.Name
	}
	return "Member"
}

// roleMembers returns the users holding role id, in creation order.
func (st *state) roleMembers(id string) []*user {
	var out []*user
	for _, u := range st.Users {
		if u.RoleID == id {
			out = append(out, u)
		}
	}
	return out
}

// pathRole resolves {roleId}.
func (c *call) pathRole() (*role, *apiResponse) {
	r := c.s.st.findRole(c.params["roleId"])
	if r == nil {
		return nil, ptr(errResp(http.StatusBadRequest, codeRoleNotExist, msgRoleNotExist))
	}
	return r, nil
}

// nameTaken reports whether another role (built-in or custom, case-insensitively) has this name.
func (st *state) roleNameTaken(name, exceptID string) bool {
	for _, r := range builtinRoles {
		if strings.EqualFold(r.Name, name) && r.ID != exceptID {
			return true
		}
	}
	for _, r := range st.Roles {
		if strings.EqualFold(r.Name, name) && r.ID != exceptID {
			return true
		}
	}
	return false
}

// --- GET /roles ----------------------------------------------------------------

type roleListItem struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Description  string `json:"description"`
	TotalMembers int    `json:"total_members"`
}

func (c *call) listRoles() apiResponse {
	all := make([]roleListItem, 0, len(builtinRoles)+len(c.s.st.Roles))
	add := func(r *role) {
		all = append(all, roleListItem{ID: r.ID, Name: r.Name, Description: r.Description,
			TotalMembers: len(c.s.st.roleMembers(r.ID))})
	}
	for i := range builtinRoles {
		add(&builtinRoles[i])
	}
	for _, r := range c.s.st.Roles {
		add(r)
	}
	return jsonResp(http.StatusOK, struct {
		Roles        []roleListItem `json:"roles"`
		TotalRecords int            `json:"total_records"`
	}{all, len(all)})
}

// --- POST /roles, GET/PATCH/DELETE /roles/{roleId} -------------------------------

type roleView struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Description  string   `json:"description"`
	Privileges   []string `json:"privileges"`
	TotalMembers int      `json:"total_members"`
}

func (c *call) viewRole(r *role) roleView {
	return roleView{ID: r.ID, Name: r.Name, Description: r.Description, Privileges: append([]string{}, r.Privileges...),
		TotalMembers: len(c.s.st.roleMembers(r.ID))}
}

// readRoleBody reads name, description and privileges; create demands a name.
func (c *call) readRoleBody(create bool) (name, desc *string, privs []string, hasPrivs bool, bad *apiResponse) {
	m, ok := decodeObject(c.body)
	if !ok {
		return nil, nil, nil, false, ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON))
	}
	f := newFieldReader(m)
	n, hasName := f.str("name", 0)
	d, hasDesc := f.str("description", 0)
	privs, hasPrivs = f.stringList("privileges", 0)
	if errs := f.errors(); len(errs) > 0 {
		return nil, nil, nil, false, ptr(validationResp(errs))
	}
	if (create || hasName) && strings.TrimSpace(n) == "" {
		return nil, nil, nil, false, ptr(errResp(http.StatusBadRequest, codeValidation, msgRoleNameEmpty))
	}
	if hasName {
		name = &n
	}
	if hasDesc {
		desc = &d
	}
	return name, desc, dedupe(privs), hasPrivs, nil
}

func dedupe(list []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (c *call) createRole() apiResponse {
	name, desc, privs, _, bad := c.readRoleBody(true)
	if bad != nil {
		return *bad
	}
	if c.s.st.roleNameTaken(*name, "") {
		return errResp(http.StatusBadRequest, codeRoleNameUsed, fmt.Sprintf(msgRoleNameUsed, *name))
	}
	c.s.st.NextSeq++
	r := &role{Seq: c.s.st.NextSeq, ID: newZoomID(), Name: *name, Privileges: privs, CreatedAt: c.now.UTC()}
	if desc != nil {
		r.Description = *desc
	}
	c.s.st.Roles = append(c.s.st.Roles, r)
	c.s.dirty = true
	return jsonResp(http.StatusCreated, c.viewRole(r))
}

func (c *call) getRole() apiResponse {
	r, bad := c.pathRole()
	if bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, c.viewRole(r))
}

func (c *call) updateRole() apiResponse {
	r, bad := c.pathRole()
	if bad != nil {
		return *bad
	}
	name, desc, privs, hasPrivs, bad := c.readRoleBody(false)
	if bad != nil {
		return *bad
	}
	if isBuiltinRole(r.ID) {
		return errResp(http.StatusBadRequest, codeValidation, msgRoleCannotUpdate)
	}
	if name != nil && c.s.st.roleNameTaken(*name, r.ID) {
		return errResp(http.StatusBadRequest, codeRoleNameUsed, fmt.Sprintf(msgRoleNameUsed, *name))
	}
	if name != nil {
		r.Name = *name
	}
	if desc != nil {
		r.Description = *desc
	}
	if hasPrivs {
		r.Privileges = privs
	}
	c.s.dirty = true
	return noContent()
}

func (c *call) deleteRole() apiResponse {
	r, bad := c.pathRole()
	if bad != nil {
		return *bad
	}
	if isBuiltinRole(r.ID) {
		return errResp(http.StatusBadRequest, codeValidation, msgRoleCannotDelete)
	}
	members := c.s.st.roleMembers(r.ID)
	if len(members) > 0 && !c.profile.RoleDeleteMovesMembers {
		return errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgRoleHasMembers, len(members)))
	}
	for _, u := range members {
		u.RoleID = roleMember
	}
	for i, x := range c.s.st.Roles {
		if x == r {
			c.s.st.Roles = append(c.s.st.Roles[:i:i], c.s.st.Roles[i+1:]...)
			break
		}
	}
	c.s.dirty = true
	return noContent()
}

// --- GET/POST /roles/{roleId}/members, DELETE /roles/{roleId}/members/{memberId} --

type roleMemberItem struct {
	ID         string `json:"id"`
	Email      string `json:"email"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	Type       int    `json:"type"`
	Department string `json:"department"`
}

func (c *call) listRoleMembers() apiResponse {
	r := c.s.st.findRole(c.params["roleId"])
	if r == nil {
		if c.profile.RoleMembersUnknownRole404 {
			return errResp(http.StatusNotFound, 0, "Role not found")
		}
		return errResp(http.StatusBadRequest, codeRoleNotExist, msgRoleNotExist)
	}
	members := c.s.st.roleMembers(r.ID)
	seqs := make([]int64, len(members))
	for i, u := range members {
		seqs[i] = u.Seq
	}
	lo, hi, meta, bad := c.paginate("role_members|"+r.ID, seqs, 30, 300)
	if bad != nil {
		return *bad
	}
	items := make([]roleMemberItem, 0, hi-lo)
	for _, u := range members[lo:hi] {
		items = append(items, roleMemberItem{ID: u.ID, Email: u.Email, FirstName: u.FirstName, LastName: u.LastName,
			Type: u.Type, Department: u.Dept})
	}
	return jsonResp(http.StatusOK, struct {
		pageMeta
		Members []roleMemberItem `json:"members"`
	}{meta, items})
}

func (c *call) addRoleMembers() apiResponse {
	m, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	f := newFieldReader(m)
	refs := f.userRefs("members", maxRoleMembersPerAdd)
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	r, bad := c.pathRole()
	if bad != nil {
		return *bad
	}
	if r.ID == roleOwner || r.ID == roleMember {
		return errResp(http.StatusBadRequest, codeValidation, msgRoleNormalOwner)
	}
	users := make([]*user, 0, len(refs))
	for _, x := range refs {
		var u *user
		if x.id != "" { // the spec: when both are given, only the ID is used
			u = c.s.st.byID[x.id]
		} else {
			u = c.s.st.byEmail[strings.ToLower(x.email)]
		}
		if u == nil {
			return userNotFound(x.id + x.email)
		}
		if u.RoleID == roleOwner {
			return errResp(http.StatusBadRequest, codeValidation, msgRoleOwnerMember)
		}
		users = append(users, u)
	}
	ids := make([]string, 0, len(users))
	for _, u := range users {
		u.RoleID = r.ID
		ids = append(ids, u.ID)
	}
	c.s.dirty = true
	return jsonResp(http.StatusCreated, struct {
		AddAt string `json:"add_at"`
		IDs   string `json:"ids"`
	}{formatZoomTime(c.now), strings.Join(ids, ",")})
}

func (c *call) deleteRoleMember() apiResponse {
	r, bad := c.pathRole()
	if bad != nil {
		return *bad
	}
	if r.ID == roleOwner || r.ID == roleMember {
		return errResp(http.StatusBadRequest, codeValidation, msgRoleNormalOwner)
	}
	ref := c.params["memberId"]
	u := c.s.st.findUserRef(ref, c.profile)
	if u == nil || u.RoleID != r.ID {
		return errResp(http.StatusNotFound, 0, msgRoleMemberNotFound)
	}
	u.RoleID = roleMember
	c.s.dirty = true
	return noContent()
}
