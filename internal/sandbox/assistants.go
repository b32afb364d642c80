package sandbox

import (
	"fmt"
	"net/http"
	"strings"
)

// User assistants (userAssistants, userAssistantCreate, userAssistantsDelete, userAssistantDelete): the users a
// user has given the scheduling privilege. Both the user and the assistant must be licensed (type 2), and the
// account must be paid. state.Assistants keeps, per user ID, the assistants' user IDs in the order they were
// added; a deleted user drops out of every list when it is read.

// Messages of userAssistantCreate (the spec's wording).
const (
	msgAssistantPaid     = "Current account must be paid account: %s"
	msgAssistantLicensed = "The user must either be a Licensed user or an On-prem user : %s."
	msgAssistantSelf     = "Can't assign scheduling privilege to yourself."
	msgAssistantNotFound = "Can't find user %s."
	msgAssistantAlready  = "User %s has already granted scheduling privilege."
)

// maxAssistantsPerAdd is the documented size limit of userAssistantCreate's assistants array.
const maxAssistantsPerAdd = 30

func assistantRoutes() []*route {
	read := []string{"user:read", "user:write", "user:read:admin", "user:write:admin", "user_profile"}
	write := []string{"user:write:admin", "user:write"}
	p := "/v2/users/{userId}/assistants"
	return []*route{
		{method: http.MethodGet, pattern: p, category: CategoryMedium, macroScopes: read,
			granularScopes: []string{"user:read:list_assistants", "user:read:list_assistants:admin"}, handler: (*call).listAssistants},
		{method: http.MethodPost, pattern: p, category: CategoryMedium, macroScopes: write,
			granularScopes: []string{"user:write:assistant", "user:write:assistant:admin"}, handler: (*call).addAssistants},
		{method: http.MethodDelete, pattern: p, category: CategoryLight, macroScopes: write,
			granularScopes: []string{"user:delete:assistant", "user:delete:assistant:admin"}, handler: (*call).deleteAssistants},
		{method: http.MethodDelete, pattern: p + "/{assistantId}", category: CategoryLight, macroScopes: write,
			granularScopes: []string{"user:delete:assistant", "user:delete:assistant:admin"}, handler: (*call).deleteAssistant},
	}
}

// assistantsOf returns the current assistants of u (users that still exist).
func (st *state) assistantsOf(u *user) []*user {
	var out []*user
	for _, id := range st.Assistants[u.ID] {
		if a := st.byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out
}

func (st *state) setAssistants(u *user, list []*user) {
	if st.Assistants == nil {
		st.Assistants = map[string][]string{}
	}
	if len(list) == 0 {
		delete(st.Assistants, u.ID)
		return
	}
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	st.Assistants[u.ID] = ids
}

type assistantItem struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

func (c *call) listAssistants() apiResponse {
	u, bad := c.pathUser()
	if bad != nil {
		return *bad
	}
	items := []assistantItem{}
	for _, a := range c.s.st.assistantsOf(u) {
		items = append(items, assistantItem{ID: a.ID, Email: a.Email})
	}
	return jsonResp(http.StatusOK, struct {
		Assistants []assistantItem `json:"assistants"`
	}{items})
}

func (c *call) addAssistants() apiResponse {
	u, m, bad := c.userWrite()
	if bad != nil {
		return *bad
	}
	f := newFieldReader(m)
	refs := f.userRefs("assistants", maxAssistantsPerAdd)
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	who := c.params["userId"]
	if c.profile.Plan == PlanFree {
		return errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgAssistantPaid, who))
	}
	if u.Type != 2 {
		return errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgAssistantLicensed, who))
	}
	list := c.s.st.assistantsOf(u)
	for _, x := range refs {
		var a *user
		name := x.email
		if x.id != "" {
			a, name = c.s.st.byID[x.id], x.id
		} else {
			a = c.s.st.byEmail[strings.ToLower(x.email)]
		}
		if a == nil {
			return errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgAssistantNotFound, name))
		}
		if a == u {
			return errResp(http.StatusBadRequest, codeNoPermission, msgAssistantSelf)
		}
		if a.Type != 2 {
			return errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgAssistantLicensed, a.Email))
		}
		for _, have := range list {
			if have == a {
				return errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgAssistantAlready, a.Email))
			}
		}
		list = append(list, a)
	}
	c.s.st.setAssistants(u, list)
	c.s.dirty = true
	ids := make([]string, 0, len(refs))
	for _, a := range list[len(list)-len(refs):] {
		ids = append(ids, a.ID)
	}
	return jsonResp(http.StatusCreated, struct {
		AddAt string `json:"add_at"`
		IDs   string `json:"ids"`
	}{formatZoomTime(c.now), strings.Join(ids, ",")})
}

func (c *call) deleteAssistants() apiResponse {
	u, bad := c.pathUser()
	if bad != nil {
		return *bad
	}
	c.s.st.setAssistants(u, nil)
	c.s.dirty = true
	return noContent()
}

func (c *call) deleteAssistant() apiResponse {
	u, bad := c.pathUser()
	if bad != nil {
		return *bad
	}
	ref := c.params["assistantId"]
	list := c.s.st.assistantsOf(u)
	for i, a := range list {
		if a.ID == ref || strings.EqualFold(a.Email, ref) {
			c.s.st.setAssistants(u, append(list[:i:i], list[i+1:]...))
			c.s.dirty = true
			return noContent()
		}
	}
	// Zoom documents no answer for an ID that is not one of the user's assistants.
	if c.profile.AssistantDeleteUnknownOK {
		return noContent()
	}
	return userNotFound(ref)
}
