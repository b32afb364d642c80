package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Groups of the account: the Groups operations of the Users API (groups, groupCreate, group, groupUpdate,
// groupDelete, groupMembers, groupMembersCreate, groupMembersDelete, updateAGroupMember, groupAdmins,
// groupAdminsCreate, groupAdminsDelete). The Meetings API repeats them; where the two documents differ the Users
// document is followed (docs/development/zoom-api.md#groups).
//
// A membership is held twice: in the group (members in the order they joined, each with a sequence number for
// pagination) and in the user's group_ids (the same groups, in the order the user joined them).

// Limits of the Groups operations.
const (
	maxGroupsPerAccount = 5000 // groupCreate
	maxGroupNameLen     = 127  // groupUpdate: "less than 128 characters"
	maxMembersPerAdd    = 30   // groupMembersCreate: members
	maxAdminsPerAdd     = 10   // groupAdminsCreate: admins
)

// Codes and messages of the Groups operations (the specs' wording; "sandbox wording" where none is given).
const (
	codeGroupNotFound       = 4130
	codeGroupMemberNotFound = 4131
	codeGroupNameTaken      = 4132
	codeNotGroupAdmin       = 4138

	msgGroupsPaidOnly     = "Only available for Paid account,%s."
	msgGroupNameInvalid   = "Invalid parameter: name."
	msgGroupsMax          = "It has reached the maximum number of groups. You can clean up some groups then add."
	msgGroupCreateDaily   = "You have exceeded the daily rate limit (%d) of Create a Group API request for this account. This limit resets at GMT 00:00:00."
	msgGroupNameInUse     = "The group name \"%s\" is already in use."
	msgGroupNameInUseUpd  = "Group name %s is already in use."
	msgGroupNotFound      = "A group with this %s does not exist."
	msgGroupAdminNotFound = "A group with the \"%s\" ID does not exist."
	msgGroupMemberMissing = "Group member does not exist."
	msgTargetGroupEmpty   = "The target_group_id can not be empty."
	msgNotGroupAdmin      = "That user is not an administrator for the group: \"%s\"."
	// Sandbox wording.
	msgGroupHasMembers = "Group %s cannot be deleted while it has members (%d): remove or move them first."
)

// group is a stored group.
type group struct {
	Seq       int64         `json:"seq"`
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	CreatedAt time.Time     `json:"created_at"`
	Members   []groupMember `json:"members,omitempty"`
	Admins    []groupMember `json:"admins,omitempty"`
}

// groupMember is a user in a group's member or administrator list; Seq orders the list for pagination.
type groupMember struct {
	UserID string `json:"user_id"`
	Seq    int64  `json:"seq"`
}

func (g *group) memberIndex(userID string) int {
	for i, m := range g.Members {
		if m.UserID == userID {
			return i
		}
	}
	return -1
}

func (g *group) adminIndex(userID string) int {
	for i, m := range g.Admins {
		if m.UserID == userID {
			return i
		}
	}
	return -1
}

// addGroup stores g with the next sequence number.
func (st *state) addGroup(g *group) {
	st.NextSeq++
	g.Seq = st.NextSeq
	st.Groups = append(st.Groups, g)
	st.groupsByID[g.ID] = g
}

func (st *state) removeGroup(g *group) {
	for _, m := range g.Members {
		if u := st.byID[m.UserID]; u != nil {
			u.GroupIDs = removeString(u.GroupIDs, g.ID)
			if u.PrimaryGroupID == g.ID {
				u.PrimaryGroupID = ""
			}
		}
	}
	delete(st.groupsByID, g.ID)
	for i, x := range st.Groups {
		if x == g {
			st.Groups = append(st.Groups[:i:i], st.Groups[i+1:]...)
			break
		}
	}
}

// joinGroup makes u a member of g (nothing when it already is). The first group a user joins is its primary
// group (updateAGroupMember).
func (st *state) joinGroup(g *group, u *user) {
	if g.memberIndex(u.ID) >= 0 {
		return
	}
	st.NextSeq++
	g.Members = append(g.Members, groupMember{UserID: u.ID, Seq: st.NextSeq})
	u.GroupIDs = append(u.GroupIDs, g.ID)
	if u.PrimaryGroupID == "" {
		u.PrimaryGroupID = g.ID
	}
}

// leaveGroup removes u from g's members.
func (st *state) leaveGroup(g *group, u *user) {
	if i := g.memberIndex(u.ID); i >= 0 {
		g.Members = append(g.Members[:i:i], g.Members[i+1:]...)
	}
	u.GroupIDs = removeString(u.GroupIDs, g.ID)
	if u.PrimaryGroupID == g.ID {
		u.PrimaryGroupID = ""
		if len(u.GroupIDs) > 0 {
			u.PrimaryGroupID = u.GroupIDs[0]
		}
	}
}

// removeUserFromGroups drops a deleted user from every member and administrator list.
func (st *state) removeUserFromGroups(u *user) {
	for _, g := range st.Groups {
		if i := g.memberIndex(u.ID); i >= 0 {
			g.Members = append(g.Members[:i:i], g.Members[i+1:]...)
		}
		if i := g.adminIndex(u.ID); i >= 0 {
			g.Admins = append(g.Admins[:i:i], g.Admins[i+1:]...)
		}
	}
}

func (st *state) groupByName(name string) *group {
	for _, g := range st.Groups {
		if strings.EqualFold(g.Name, name) {
			return g
		}
	}
	return nil
}

// validateGroups checks the loaded groups against the users.
func (st *state) validateGroups(userIDs map[string]bool) error {
	ids := map[string]bool{}
	for i, g := range st.Groups {
		switch {
		case g == nil:
			return fmt.Errorf("groups[%d] is null", i)
		case g.ID == "" || ids[g.ID]:
			return fmt.Errorf("groups[%d]: missing or duplicate id %q", i, g.ID)
		case g.Seq <= 0 || g.Seq > st.NextSeq:
			return fmt.Errorf("groups[%d]: invalid seq %d", i, g.Seq)
		}
		ids[g.ID] = true
		for _, list := range [][]groupMember{g.Members, g.Admins} {
			for _, m := range list {
				if !userIDs[m.UserID] {
					return fmt.Errorf("groups[%d]: member %q is not a user", i, m.UserID)
				}
			}
		}
	}
	return nil
}

// groupRoutes declares the Groups operations (docs/development/zoom-api.md#groups).
func groupRoutes() []*route {
	read := []string{"group:read:admin", "group:write:admin"}
	write := []string{"group:write:admin"}
	return []*route{
		{method: http.MethodGet, pattern: "/v2/groups", category: CategoryMedium,
			macroScopes: read, granularScopes: []string{"group:read:list_groups:admin"}, handler: (*call).listGroups},
		{method: http.MethodPost, pattern: "/v2/groups", category: CategoryLight,
			macroScopes: write, granularScopes: []string{"group:write:group:admin"}, handler: (*call).createGroup},
		{method: http.MethodGet, pattern: "/v2/groups/{groupId}", category: CategoryLight,
			macroScopes: read, granularScopes: []string{"group:read:group:admin"}, handler: (*call).getGroup},
		{method: http.MethodPatch, pattern: "/v2/groups/{groupId}", category: CategoryLight,
			macroScopes: write, granularScopes: []string{"group:update:group:admin"}, handler: (*call).updateGroup},
		{method: http.MethodDelete, pattern: "/v2/groups/{groupId}", category: CategoryLight,
			macroScopes: write, granularScopes: []string{"group:delete:group:admin"}, handler: (*call).deleteGroup},
		{method: http.MethodGet, pattern: "/v2/groups/{groupId}/members", category: CategoryMedium,
			macroScopes: read, granularScopes: []string{"group:read:list_members:admin"}, handler: (*call).listGroupMembers},
		{method: http.MethodPost, pattern: "/v2/groups/{groupId}/members", category: CategoryMedium,
			macroScopes: write, granularScopes: []string{"group:write:member:admin"}, handler: (*call).addGroupMembers},
		{method: http.MethodDelete, pattern: "/v2/groups/{groupId}/members/{memberId}", category: CategoryLight,
			macroScopes: write, granularScopes: []string{"group:delete:member:admin"}, handler: (*call).deleteGroupMember},
		{method: http.MethodPatch, pattern: "/v2/groups/{groupId}/members/{memberId}", category: CategoryMedium,
			macroScopes: write, granularScopes: []string{"group:update:member:admin"}, handler: (*call).updateGroupMember},
		{method: http.MethodGet, pattern: "/v2/groups/{groupId}/admins", category: CategoryMedium,
			macroScopes: read, granularScopes: []string{"group:read:administrator:admin"}, handler: (*call).listGroupAdmins},
		{method: http.MethodPost, pattern: "/v2/groups/{groupId}/admins", category: CategoryMedium,
			macroScopes: write, granularScopes: []string{"group:write:administrator:admin"}, handler: (*call).addGroupAdmins},
		{method: http.MethodDelete, pattern: "/v2/groups/{groupId}/admins/{userId}", category: CategoryLight,
			macroScopes: write, granularScopes: []string{"group:delete:administrator:admin"}, handler: (*call).deleteGroupAdmin},
	}
}

// groupsPaidOnly is the answer of every Groups operation on a free account (a Pro or higher plan is required).
func (c *call) groupsPaidOnly() *apiResponse {
	if c.profile.Plan == PlanFree {
		return ptr(errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgGroupsPaidOnly, c.profile.AccountID)))
	}
	return nil
}

// pathGroup resolves {groupId}; adminWording selects the not-found message of the admins operations.
func (c *call) pathGroup(adminWording bool) (*group, *apiResponse) {
	if bad := c.groupsPaidOnly(); bad != nil {
		return nil, bad
	}
	id := c.params["groupId"]
	g := c.s.st.groupsByID[id]
	if g == nil {
		msg := fmt.Sprintf(msgGroupNotFound, id)
		if adminWording {
			msg = fmt.Sprintf(msgGroupAdminNotFound, id)
		}
		return nil, ptr(errResp(http.StatusNotFound, codeGroupNotFound, msg))
	}
	return g, nil
}

// groupView is a group in groups, groupCreate and group answers.
type groupView struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	TotalMembers int    `json:"total_members"`
}

func viewGroup(g *group) groupView {
	return groupView{ID: g.ID, Name: g.Name, TotalMembers: len(g.Members)}
}

// --- GET /groups ---------------------------------------------------------------

type groupListResponse struct {
	Groups        []groupView `json:"groups"`
	TotalRecords  int         `json:"total_records"`
	NextPageToken string      `json:"next_page_token"`
}

func (c *call) listGroups() apiResponse {
	if bad := c.groupsPaidOnly(); bad != nil {
		return *bad
	}
	seqs := make([]int64, len(c.s.st.Groups))
	for i, g := range c.s.st.Groups {
		seqs[i] = g.Seq
	}
	lo, hi, meta, bad := c.paginate("groups", seqs, 30, 300)
	if bad != nil {
		return *bad
	}
	out := groupListResponse{Groups: make([]groupView, 0, hi-lo), TotalRecords: meta.TotalRecords, NextPageToken: meta.NextPageToken}
	for _, g := range c.s.st.Groups[lo:hi] {
		out.Groups = append(out.Groups, viewGroup(g))
	}
	return jsonResp(http.StatusOK, out)
}

// --- POST /groups --------------------------------------------------------------

func (c *call) createGroup() apiResponse {
	if bad := c.groupsPaidOnly(); bad != nil {
		return *bad
	}
	m, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	f := newFieldReader(m)
	name, _ := f.str("name", 0)
	if len(f.errors()) > 0 || strings.TrimSpace(name) == "" || len([]rune(name)) > maxGroupNameLen {
		return errResp(http.StatusBadRequest, codeValidation, msgGroupNameInvalid)
	}
	st := c.s.st
	if st.groupByName(name) != nil {
		return errResp(http.StatusConflict, codeGroupNameTaken, fmt.Sprintf(msgGroupNameInUse, name))
	}
	if len(st.Groups) >= maxGroupsPerAccount {
		return errResp(http.StatusBadRequest, codeValidation, msgGroupsMax)
	}
	key := ""
	if limit := c.profile.GroupCreatesPerDay; limit > 0 {
		st.pruneCounters("groups|", dayKey(c.now))
		key = "groups|" + dayKey(c.now) + "|account"
		if st.Counters[key] >= limit {
			return errResp(http.StatusTooManyRequests, codeRateLimited, fmt.Sprintf(msgGroupCreateDaily, limit))
		}
	}
	g := &group{ID: newZoomID(), Name: name, CreatedAt: c.now.UTC().Truncate(time.Second)}
	st.addGroup(g)
	if key != "" {
		st.Counters[key]++
	}
	c.s.dirty = true
	return jsonResp(http.StatusCreated, viewGroup(g))
}

// --- GET /groups/{groupId} -----------------------------------------------------

func (c *call) getGroup() apiResponse {
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, viewGroup(g))
}

// --- PATCH /groups/{groupId} ---------------------------------------------------

func (c *call) updateGroup() apiResponse {
	m, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	f := newFieldReader(m)
	name, has := f.str("name", maxGroupNameLen)
	if has && strings.TrimSpace(name) == "" {
		f.fail("name")
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if !has {
		return noContent()
	}
	if other := c.s.st.groupByName(name); other != nil && other != g {
		return errResp(http.StatusConflict, codeGroupNameTaken, fmt.Sprintf(msgGroupNameInUseUpd, name))
	}
	if g.Name != name {
		g.Name = name
		c.s.dirty = true
	}
	return noContent()
}

// --- DELETE /groups/{groupId} --------------------------------------------------

func (c *call) deleteGroup() apiResponse {
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	// What Zoom does with the members of a deleted group is not documented (GroupDeleteWithMembers).
	if len(g.Members) > 0 && c.profile.GroupDeleteWithMembers != GroupDeleteRemoveMembers {
		return errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgGroupHasMembers, g.ID, len(g.Members)))
	}
	c.s.st.removeGroup(g)
	c.s.dirty = true
	return noContent()
}

// --- GET /groups/{groupId}/members ---------------------------------------------

type groupMemberItem struct {
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
	ID        string `json:"id"`
	LastName  string `json:"last_name"`
	Type      int    `json:"type"`
}

type groupMemberListResponse struct {
	pageMeta
	Members []groupMemberItem `json:"members"`
}

func (c *call) listGroupMembers() apiResponse {
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	st := c.s.st
	var listed []*user
	var seqs []int64
	for _, m := range g.Members {
		u := st.byID[m.UserID]
		if u == nil || (u.Status == statusInactive && !c.profile.GroupListsDeactivatedMembers) {
			continue
		}
		listed = append(listed, u)
		seqs = append(seqs, m.Seq)
	}
	lo, hi, meta, bad := c.paginate("group-members|"+g.ID, seqs, 30, 2000)
	if bad != nil {
		return *bad
	}
	out := groupMemberListResponse{pageMeta: meta, Members: make([]groupMemberItem, 0, hi-lo)}
	for _, u := range listed[lo:hi] {
		out.Members = append(out.Members, groupMemberItem{Email: u.Email, FirstName: u.FirstName, ID: u.ID, LastName: u.LastName, Type: u.Type})
	}
	return jsonResp(http.StatusOK, out)
}

// readUserRefs reads the {id, email} objects of a members or admins array (at most maxItems): the id wins over
// the e-mail. Unknown users are refused (404 code 1001) unless GroupUnknownUsers is "skip".
func (c *call) readUserRefs(field string, maxItems int) ([]*user, *apiResponse) {
	m, ok := decodeObject(c.body)
	if !ok {
		return nil, ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON))
	}
	f := newFieldReader(m)
	items, _ := f.array(field, maxItems)
	type ref struct{ id, email string }
	var refs []ref
	for i, raw := range items {
		el, ok := f.element(field, i, raw)
		if !ok {
			continue
		}
		id, _ := el.str("id", 0)
		email, _ := el.str("email", 0)
		if id == "" && email == "" {
			el.fail("id")
		}
		refs = append(refs, ref{id, email})
	}
	if !f.present(field) || len(items) == 0 {
		f.fail(field)
	}
	if errs := f.errors(); len(errs) > 0 {
		return nil, ptr(validationResp(errs))
	}
	var out []*user
	seen := map[string]bool{}
	for _, r := range refs {
		var u *user
		key := r.id
		if r.id != "" {
			u = c.s.st.byID[r.id]
		} else {
			key = r.email
			u = c.s.st.byEmail[strings.ToLower(r.email)]
		}
		if u == nil {
			if c.profile.GroupUnknownUsers == GroupUnknownUsersSkip {
				continue
			}
			return nil, ptr(userNotFound(key))
		}
		if !seen[u.ID] {
			seen[u.ID] = true
			out = append(out, u)
		}
	}
	return out, nil
}

// groupAddResponse is the answer of groupMembersCreate and groupAdminsCreate.
type groupAddResponse struct {
	AddedAt string `json:"added_at"`
	IDs     string `json:"ids"`
}

func addedResponse(users []*user, now time.Time) apiResponse {
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	return jsonResp(http.StatusCreated, groupAddResponse{AddedAt: formatZoomTime(now), IDs: strings.Join(ids, ",")})
}

// --- POST /groups/{groupId}/members --------------------------------------------

func (c *call) addGroupMembers() apiResponse {
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	users, bad := c.readUserRefs("members", maxMembersPerAdd)
	if bad != nil {
		return *bad
	}
	for _, u := range users {
		c.s.st.joinGroup(g, u)
	}
	c.s.dirty = true
	return addedResponse(users, c.now)
}

// memberRef resolves {memberId} (a user id or e-mail) to a member of g.
func (c *call) memberRef(g *group) (*user, *apiResponse) {
	u := c.findUser(c.params["memberId"])
	if u == nil || g.memberIndex(u.ID) < 0 {
		return nil, ptr(errResp(http.StatusNotFound, codeGroupMemberNotFound, msgGroupMemberMissing))
	}
	return u, nil
}

// --- DELETE /groups/{groupId}/members/{memberId} -------------------------------

func (c *call) deleteGroupMember() apiResponse {
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	u, bad := c.memberRef(g)
	if bad != nil {
		return *bad
	}
	c.s.st.leaveGroup(g, u)
	c.s.dirty = true
	return noContent()
}

// --- PATCH /groups/{groupId}/members/{memberId} --------------------------------

// updateGroupMember serves updateAGroupMember. set_primary: {groupId} and target_group_id name the group to make
// the member's primary group. move: the member leaves {groupId} and joins target_group_id (the spec's parameter
// text can be read either way for move; docs/development/zoom-api.md#groups).
func (c *call) updateGroupMember() apiResponse {
	m, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	g, bad := c.pathGroup(false)
	if bad != nil {
		return *bad
	}
	f := newFieldReader(m)
	action, hasAction := f.str("action", 0)
	if !hasAction || (action != "move" && action != "set_primary") {
		if !containsField(f.errors(), "action") {
			f.fail("action")
		}
	}
	target, _ := f.str("target_group_id", 0)
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if target == "" {
		return errResp(http.StatusBadRequest, codeValidation, msgTargetGroupEmpty)
	}
	tg := c.s.st.groupsByID[target]
	if tg == nil {
		return errResp(http.StatusNotFound, codeGroupNotFound, fmt.Sprintf(msgGroupNotFound, target))
	}
	u, bad := c.memberRef(g)
	if bad != nil {
		return *bad
	}
	switch action {
	case "set_primary":
		if tg.memberIndex(u.ID) < 0 {
			return errResp(http.StatusNotFound, codeGroupMemberNotFound, msgGroupMemberMissing)
		}
		u.PrimaryGroupID = tg.ID
	case "move":
		if tg != g {
			wasPrimary := u.PrimaryGroupID == g.ID
			c.s.st.leaveGroup(g, u)
			c.s.st.joinGroup(tg, u)
			if wasPrimary {
				u.PrimaryGroupID = tg.ID
			}
		}
	}
	c.s.dirty = true
	return noContent()
}

// --- GET /groups/{groupId}/admins ----------------------------------------------

type groupAdminItem struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

type groupAdminListResponse struct {
	Admins        []groupAdminItem `json:"admins"`
	NextPageToken string           `json:"next_page_token"`
	PageSize      int              `json:"page_size"`
	TotalRecords  int              `json:"total_records"`
}

func (c *call) listGroupAdmins() apiResponse {
	g, bad := c.pathGroup(true)
	if bad != nil {
		return *bad
	}
	var listed []*user
	var seqs []int64
	for _, a := range g.Admins {
		if u := c.s.st.byID[a.UserID]; u != nil {
			listed = append(listed, u)
			seqs = append(seqs, a.Seq)
		}
	}
	lo, hi, meta, bad := c.paginate("group-admins|"+g.ID, seqs, 30, 300)
	if bad != nil {
		return *bad
	}
	out := groupAdminListResponse{Admins: make([]groupAdminItem, 0, hi-lo), NextPageToken: meta.NextPageToken,
		PageSize: meta.PageSize, TotalRecords: meta.TotalRecords}
	for _, u := range listed[lo:hi] {
		name := u.DisplayName
		if name == "" {
			name = joinName(u.FirstName, u.LastName)
		}
		out.Admins = append(out.Admins, groupAdminItem{Email: u.Email, Name: name})
	}
	return jsonResp(http.StatusOK, out)
}

// --- POST /groups/{groupId}/admins ---------------------------------------------

func (c *call) addGroupAdmins() apiResponse {
	g, bad := c.pathGroup(true)
	if bad != nil {
		return *bad
	}
	users, bad := c.readUserRefs("admins", maxAdminsPerAdd)
	if bad != nil {
		return *bad
	}
	for _, u := range users {
		if g.adminIndex(u.ID) < 0 {
			c.s.st.NextSeq++
			g.Admins = append(g.Admins, groupMember{UserID: u.ID, Seq: c.s.st.NextSeq})
		}
	}
	c.s.dirty = true
	return addedResponse(users, c.now)
}

// --- DELETE /groups/{groupId}/admins/{userId} ----------------------------------

func (c *call) deleteGroupAdmin() apiResponse {
	g, bad := c.pathGroup(true)
	if bad != nil {
		return *bad
	}
	u := c.findUser(c.params["userId"])
	i := -1
	if u != nil {
		i = g.adminIndex(u.ID)
	}
	if i < 0 {
		return errResp(http.StatusBadRequest, codeNotGroupAdmin, fmt.Sprintf(msgNotGroupAdmin, g.ID))
	}
	g.Admins = append(g.Admins[:i:i], g.Admins[i+1:]...)
	c.s.dirty = true
	return noContent()
}

// --- seeding -------------------------------------------------------------------

// GroupSeed describes a group SeedGroup adds: its name and its members (user ids or e-mails), in order.
type GroupSeed struct {
	Name    string   `json:"name"`
	Members []string `json:"members,omitempty"`
	// MemberPrefix, when not empty, adds every user whose e-mail starts with it (case-insensitive), in creation
	// order, after Members; with SeedUsers it builds a large group in one step.
	MemberPrefix string `json:"member_prefix,omitempty"`
}

// SeedGroup adds a group with its members in one step, without the request log, the rate limits, the daily
// group quota or the per-request member limit. It returns the group's id.
func (s *Server) SeedGroup(spec GroupSeed) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	if strings.TrimSpace(spec.Name) == "" || len([]rune(spec.Name)) > maxGroupNameLen {
		return "", fmt.Errorf("name: must be 1 to %d characters", maxGroupNameLen)
	}
	if st.groupByName(spec.Name) != nil {
		return "", fmt.Errorf("name: a group named %q exists", spec.Name)
	}
	var members []*user
	for _, ref := range spec.Members {
		u := st.findUserRef(ref, &s.profile)
		if u == nil {
			return "", fmt.Errorf("members: no user %q", ref)
		}
		members = append(members, u)
	}
	if p := strings.ToLower(spec.MemberPrefix); p != "" {
		for _, u := range st.Users {
			if strings.HasPrefix(strings.ToLower(u.Email), p) {
				members = append(members, u)
			}
		}
	}
	g := &group{ID: newZoomID(), Name: spec.Name, CreatedAt: s.clock.now().UTC().Truncate(time.Second)}
	st.addGroup(g)
	for _, u := range members {
		st.joinGroup(g, u)
	}
	s.dirty = true
	s.persistLocked()
	return g.ID, nil
}

// serveAdminSeedGroup serves POST /_sandbox/seed/groups.
func (s *Server) serveAdminSeedGroup(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		adminFail(w, http.StatusMethodNotAllowed, "method %s not allowed on %s", r.Method, r.URL.Path)
		return
	}
	var spec GroupSeed
	if err := readAdminBody(r, &spec); err != nil {
		adminFail(w, http.StatusBadRequest, "%v", err)
		return
	}
	id, err := s.SeedGroup(spec)
	if err != nil {
		adminFail(w, http.StatusBadRequest, "invalid seed: %v", err)
		return
	}
	writeAdmin(w, http.StatusCreated, map[string]string{"id": id})
}
