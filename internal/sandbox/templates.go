package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Meeting template types (GET /users/{userId}/meeting_templates).
const (
	templateUser  = 1 // a user's own meeting template
	templateAdmin = 2 // an account admin meeting template, visible to every user
)

// maxUserTemplates is the number of meeting templates a user may create (docs/development/zoom-api.md#templates).
const maxUserTemplates = 40

// Messages of the templates API (spec wording).
const (
	msgInvalidMeetingID     = "Invalid meeting ID."
	msgMeetingIDNotExist    = "Meeting ID does not exist."
	msgTemplateMeetingGone  = "Meeting does not exist: %d"
	msgTemplateLimit        = "You can only create up to 40 meeting templates."
	msgTemplateNameConflict = "Meeting template name already exists: %s."
	msgTemplateUserNotFound = "User %s does not exist or does not belong to this account."
)

// meetingTemplate is a stored meeting template. Settings holds in-meeting settings only (see
// templateSettingKeys), as JSON values.
type meetingTemplate struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Type     int            `json:"type"`
	OwnerID  string         `json:"owner_id,omitempty"`
	Settings map[string]any `json:"settings"`
	// Recurrence is kept when a template is saved from a recurring meeting with save_recurrence.
	Recurrence      *recurrence `json:"recurrence,omitempty"`
	SourceMeetingID int64       `json:"source_meeting_id,omitempty"`
	CreatedAt       time.Time   `json:"created_at"`
}

// newTemplateID returns a template id: 16 random bytes in standard base64 (24 characters, may contain
// "+" and "/"), like the spec's examples.
func newTemplateID() string { return newMeetingUUID() }

// seedMeetingTemplates returns the account admin templates every reset starts with.
func seedMeetingTemplates(now time.Time) []*meetingTemplate {
	at := now.UTC().Truncate(time.Second)
	return []*meetingTemplate{
		{ID: newTemplateID(), Name: "All-hands", Type: templateAdmin, CreatedAt: at,
			Settings: map[string]any{"mute_upon_entry": true, "waiting_room": true, "auto_recording": "cloud"}},
		{ID: newTemplateID(), Name: "Training", Type: templateAdmin, CreatedAt: at,
			Settings: map[string]any{"host_video": true, "participant_video": false}},
	}
}

// visibleTemplate returns template id if one of users may use it: an admin template, or a user template
// owned by one of them.
func (st *state) visibleTemplate(id string, users ...*user) *meetingTemplate {
	for _, t := range st.MeetingTemplates {
		if t.ID != id {
			continue
		}
		if t.Type == templateAdmin {
			return t
		}
		for _, u := range users {
			if u != nil && t.OwnerID == u.ID {
				return t
			}
		}
	}
	return nil
}

// templateRoutes declares the meeting templates API (docs/development/zoom-api.md#templates).
func templateRoutes() []*route {
	return []*route{
		// The granular scope is unconfirmed (docs/development/zoom-api.md#scopes).
		{method: http.MethodGet, pattern: "/v2/users/{userId}/meeting_templates", category: CategoryMedium,
			macroScopes: []string{"meeting:read:admin", "meeting:read"}, granularScopes: []string{"meeting:read:list_templates:admin"},
			handler: (*call).listMeetingTemplates},
		// No granular scope is known for creating templates (docs/development/zoom-api.md#scopes): only the classic ones are accepted.
		{method: http.MethodPost, pattern: "/v2/users/{userId}/meeting_templates", category: CategoryMedium,
			macroScopes: []string{"meeting:write:admin", "meeting:write"}, handler: (*call).createMeetingTemplate},
		// The list's rate-limit label is not stated (docs/development/zoom-api.md#rate-limits: assume Medium); its granular scope is
		// unconfirmed (docs/development/zoom-api.md#scopes).
		{method: http.MethodGet, pattern: "/v2/users/{userId}/webinar_templates", category: CategoryMedium,
			macroScopes: []string{"webinar:read:admin", "webinar:read"}, granularScopes: []string{"webinar:read:list_templates:admin"},
			handler: (*call).listWebinarTemplates},
		{method: http.MethodPost, pattern: "/v2/users/{userId}/webinar_templates", category: CategoryMedium,
			macroScopes: []string{"webinar:write:admin", "webinar:write"}, handler: (*call).createWebinarTemplate},
	}
}

// --- GET /users/{userId}/meeting_templates ------------------------------------------------

type templateListItem struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type int    `json:"type"`
}

type templateListResponse struct {
	TotalRecords int                `json:"total_records"`
	Templates    []templateListItem `json:"templates"`
}

// listMeetingTemplates lists the account admin templates and the user's own, in creation order (no pagination).
func (c *call) listMeetingTemplates() apiResponse {
	u, bad := c.pathHost(msgTemplateUserNotFound)
	if bad != nil {
		return *bad
	}
	if r := hostProblem(u, false); r != nil {
		return *r
	}
	out := templateListResponse{Templates: []templateListItem{}}
	for _, t := range c.s.st.MeetingTemplates {
		if t.Type == templateAdmin || t.OwnerID == u.ID {
			out.Templates = append(out.Templates, templateListItem{ID: t.ID, Name: t.Name, Type: t.Type})
		}
	}
	out.TotalRecords = len(out.Templates)
	return jsonResp(http.StatusOK, out)
}

// --- POST /users/{userId}/meeting_templates -------------------------------------------------

type templateCreateResponse struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// createMeetingTemplate saves a user template from one of the user's meetings. The spec lists several
// answers for a bad meeting_id without saying which case gets which; the sandbox answers: missing or not
// positive → 400 code 300 "Invalid meeting ID."; a number no meeting ever had → 400 code 300 "Meeting ID does
// not exist."; a deleted or expired meeting → 400 code 3001 "Meeting does not exist: {id}"; another host's
// meeting → 400 code 300 "Invalid meeting ID.". Names are unique among the user's own templates.
func (c *call) createMeetingTemplate() apiResponse {
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	u, bad := c.pathHost(msgTemplateUserNotFound)
	if bad != nil {
		return *bad
	}
	if r := hostProblem(u, false); r != nil {
		return *r
	}
	f := newFieldReader(body)
	meetingID, hasMeeting := f.integer("meeting_id")
	name, hasName := f.str("name", 0)
	if (!hasName || strings.TrimSpace(name) == "") && !containsField(f.errors(), "name") {
		f.fail("name")
	}
	saveRecurrence, _ := f.boolean("save_recurrence")
	overwrite, _ := f.boolean("overwrite")
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if !hasMeeting || meetingID <= 0 {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidMeetingID)
	}
	st := c.s.st
	m := st.meetingsByID[meetingID]
	switch {
	case m == nil && st.deletedMeeting(meetingID) == nil:
		return errResp(http.StatusBadRequest, codeValidation, msgMeetingIDNotExist)
	case m == nil || m.expired(c.profile, c.now):
		return errResp(http.StatusBadRequest, codeMeetingMissing, fmt.Sprintf(msgTemplateMeetingGone, meetingID))
	case m.HostID != u.ID:
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidMeetingID)
	}
	var target *meetingTemplate
	own := 0
	for _, t := range st.MeetingTemplates {
		if t.Type != templateUser || t.OwnerID != u.ID {
			continue
		}
		own++
		if overwrite && target == nil && t.SourceMeetingID == meetingID {
			target = t
		}
	}
	for _, t := range st.MeetingTemplates {
		if t.Type == templateUser && t.OwnerID == u.ID && t != target && t.Name == name {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, fmt.Sprintf(msgTemplateNameConflict, name))
		}
	}
	if target == nil && own >= maxUserTemplates {
		return errResp(http.StatusBadRequest, codeValidation, msgTemplateLimit)
	}
	var rec *recurrence
	if saveRecurrence && m.Type == 8 && m.Recurrence != nil {
		r := *m.Recurrence
		rec = &r
	}
	if target == nil {
		target = &meetingTemplate{ID: newTemplateID(), Type: templateUser, OwnerID: u.ID, SourceMeetingID: meetingID,
			CreatedAt: c.now.UTC().Truncate(time.Second)}
		st.MeetingTemplates = append(st.MeetingTemplates, target)
	}
	target.Name = name
	target.Settings = templateSettingsOf(m.Settings)
	target.Recurrence = rec
	c.s.dirty = true
	return jsonResp(http.StatusCreated, templateCreateResponse{ID: target.ID, Name: target.Name})
}

// --- Go API ---------------------------------------------------------------------------------

// AddMeetingTemplate adds a meeting template and returns its id. An admin template (adminTemplate) is
// account-level and visible to every user (userRef may be empty); a user template belongs to userRef (a user
// id, e-mail or "me"). settings are meeting settings keys with JSON values (e.g. {"waiting_room": true}),
// validated like a request's settings object.
func (s *Server) AddMeetingTemplate(userRef, name string, adminTemplate bool, settings map[string]any) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.TrimSpace(name) == "" {
		return "", errors.New("sandbox: a meeting template needs a name")
	}
	var owner *user
	if userRef != "" {
		owner = s.st.findUserRef(userRef, &s.profile)
		if owner == nil {
			return "", fmt.Errorf("sandbox: user %q does not exist", userRef)
		}
	}
	if !adminTemplate && owner == nil {
		return "", errors.New("sandbox: a user meeting template needs a user")
	}
	f := settingsReader(settings)
	scratch := defaultMeetingSettings(&user{})
	readSettings(f, &scratch)
	if errs := f.errors(); len(errs) > 0 {
		b, _ := json.Marshal(errs)
		return "", fmt.Errorf("sandbox: invalid template settings: %s", b)
	}
	var copied map[string]any
	b, err := json.Marshal(settings)
	if err == nil {
		err = json.Unmarshal(b, &copied)
	}
	if err != nil {
		return "", fmt.Errorf("sandbox: template settings: %w", err)
	}
	if copied == nil {
		copied = map[string]any{}
	}
	t := &meetingTemplate{ID: newTemplateID(), Name: name, Type: templateUser, Settings: copied,
		CreatedAt: s.clock.now().UTC().Truncate(time.Second)}
	if adminTemplate {
		t.Type = templateAdmin
	} else {
		t.OwnerID = owner.ID
	}
	s.st.MeetingTemplates = append(s.st.MeetingTemplates, t)
	s.dirty = true
	s.persistLocked()
	return t.ID, nil
}

// --- webinar templates ----------------------------------------------------------------------------

// maxUserWebinarTemplates is the number of webinar templates a user may create (docs/development/zoom-api.md#templates).
const maxUserWebinarTemplates = 40

// Messages of the webinar templates API (spec wording).
const (
	msgWebinarTemplateLimit    = "You can only create up to 40 webinar templates."
	msgWebinarTemplateConflict = "Webinar template name already exists: %s."
	msgWebinarTemplateGone     = "Webinar does not exist: %d."
)

// webinarTemplate is a stored webinar template: an account template (OwnerID empty, visible to every user)
// or a user's own. Settings holds webinar settings keys (see webinarTemplateSettingKeys) as JSON values.
type webinarTemplate struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	OwnerID  string         `json:"owner_id,omitempty"`
	Settings map[string]any `json:"settings"`
	// Recurrence is kept when a template is saved from a recurring webinar with save_recurrence.
	Recurrence      *recurrence `json:"recurrence,omitempty"`
	SourceWebinarID int64       `json:"source_webinar_id,omitempty"`
	CreatedAt       time.Time   `json:"created_at"`
}

// seedWebinarTemplates returns the account webinar templates every reset starts with.
func seedWebinarTemplates(now time.Time) []*webinarTemplate {
	return []*webinarTemplate{{ID: newTemplateID(), Name: "Product launch", CreatedAt: now.UTC().Truncate(time.Second),
		Settings: map[string]any{"practice_session": true, "hd_video": true, "question_and_answer": map[string]any{"enable": true}}}}
}

// visibleWebinarTemplate returns webinar template id if u may use it: an account template or u's own.
func (st *state) visibleWebinarTemplate(id string, u *user) *webinarTemplate {
	for _, t := range st.WebinarTemplates {
		if t.ID == id && (t.OwnerID == "" || (u != nil && t.OwnerID == u.ID)) {
			return t
		}
	}
	return nil
}

type webinarTemplateListItem struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type webinarTemplateListResponse struct {
	TotalRecords int                       `json:"total_records"`
	Templates    []webinarTemplateListItem `json:"templates"`
}

// listWebinarTemplates lists the account webinar templates and the user's own, in creation order (no
// pagination, no type). The spec files its unknown-user error (code 1001) under HTTP 400, unlike the other
// /users/{userId}/... endpoints (docs/development/zoom-api.md#templates), and so does the sandbox.
func (c *call) listWebinarTemplates() apiResponse {
	u, bad := c.pathUser()
	if bad != nil {
		return errResp(http.StatusBadRequest, codeUserNotFound, fmt.Sprintf(msgTemplateUserNotFound, c.params["userId"]))
	}
	if r := hostProblem(u, false); r != nil {
		return *r
	}
	if r := c.webinarPlanProblem(u, c.params["userId"], msgWebinarPlanTemplates); r != nil {
		return *r
	}
	out := webinarTemplateListResponse{Templates: []webinarTemplateListItem{}}
	for _, t := range c.s.st.WebinarTemplates {
		if t.OwnerID == "" || t.OwnerID == u.ID {
			out.Templates = append(out.Templates, webinarTemplateListItem{ID: t.ID, Name: t.Name})
		}
	}
	out.TotalRecords = len(out.Templates)
	return jsonResp(http.StatusOK, out)
}

// createWebinarTemplate saves a user template from one of the user's webinars, like createMeetingTemplate:
// webinar_id missing or not positive → 400 code 300 "Invalid webinar ID."; a meeting's number → 400 code 3000
// "Cannot access meeting info."; unknown, deleted or expired → 400 code 3001 "Webinar does not exist: {id}.";
// another host's webinar → 400 code 300 "Invalid webinar ID."; a name the user already has → 400 code 3000;
// the 41st template → 400 code 300.
func (c *call) createWebinarTemplate() apiResponse {
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	u, bad := c.pathHost(msgTemplateUserNotFound)
	if bad != nil {
		return *bad
	}
	if r := hostProblem(u, false); r != nil {
		return *r
	}
	if r := c.webinarPlanProblem(u, c.params["userId"], msgWebinarPlanAction); r != nil {
		return *r
	}
	f := newFieldReader(body)
	webinarID, hasWebinar := f.integer("webinar_id")
	name, hasName := f.str("name", 0)
	if (!hasName || strings.TrimSpace(name) == "") && !containsField(f.errors(), "name") {
		f.fail("name")
	}
	saveRecurrence, _ := f.boolean("save_recurrence")
	overwrite, _ := f.boolean("overwrite")
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if !hasWebinar || webinarID <= 0 {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidWebinarID)
	}
	st := c.s.st
	w := st.webinarsByID[webinarID]
	switch {
	case w == nil && st.meetingsByID[webinarID] != nil:
		return errResp(http.StatusBadRequest, codeMeetingGeneric, msgCannotAccessMeeting)
	case w == nil || w.expired(c.profile, c.now):
		return errResp(http.StatusBadRequest, codeMeetingMissing, fmt.Sprintf(msgWebinarTemplateGone, webinarID))
	case w.HostID != u.ID:
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidWebinarID)
	}
	var target *webinarTemplate
	own := 0
	for _, t := range st.WebinarTemplates {
		if t.OwnerID != u.ID {
			continue
		}
		own++
		if overwrite && target == nil && t.SourceWebinarID == webinarID {
			target = t
		}
	}
	for _, t := range st.WebinarTemplates {
		if t.OwnerID == u.ID && t != target && t.Name == name {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, fmt.Sprintf(msgWebinarTemplateConflict, name))
		}
	}
	if target == nil && own >= maxUserWebinarTemplates {
		return errResp(http.StatusBadRequest, codeValidation, msgWebinarTemplateLimit)
	}
	var rec *recurrence
	if saveRecurrence && w.Type == 9 && w.Recurrence != nil {
		r := *w.Recurrence
		rec = &r
	}
	if target == nil {
		target = &webinarTemplate{ID: newTemplateID(), OwnerID: u.ID, SourceWebinarID: webinarID,
			CreatedAt: c.now.UTC().Truncate(time.Second)}
		st.WebinarTemplates = append(st.WebinarTemplates, target)
	}
	target.Name = name
	target.Settings = webinarTemplateSettingsOf(w.Settings)
	target.Recurrence = rec
	c.s.dirty = true
	return jsonResp(http.StatusCreated, templateCreateResponse{ID: target.ID, Name: target.Name})
}

// AddWebinarTemplate adds a webinar template and returns its id: an account template, visible to every user,
// when userRef is empty; else a template of userRef (a user id, e-mail or "me"). settings are webinar
// settings keys with JSON values (e.g. {"practice_session": true, "question_and_answer": {"enable": true}}),
// validated like a request's settings object.
func (s *Server) AddWebinarTemplate(userRef, name string, settings map[string]any) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.TrimSpace(name) == "" {
		return "", errors.New("sandbox: a webinar template needs a name")
	}
	var owner *user
	if userRef != "" {
		owner = s.st.findUserRef(userRef, &s.profile)
		if owner == nil {
			return "", fmt.Errorf("sandbox: user %q does not exist", userRef)
		}
	}
	f := settingsReader(settings)
	scratch := defaultWebinarSettings(&user{})
	readWebinarSettings(f, &scratch, false)
	if errs := f.errors(); len(errs) > 0 {
		b, _ := json.Marshal(errs)
		return "", fmt.Errorf("sandbox: invalid webinar template settings: %s", b)
	}
	var copied map[string]any
	b, err := json.Marshal(settings)
	if err == nil {
		err = json.Unmarshal(b, &copied)
	}
	if err != nil {
		return "", fmt.Errorf("sandbox: webinar template settings: %w", err)
	}
	if copied == nil {
		copied = map[string]any{}
	}
	t := &webinarTemplate{ID: newTemplateID(), Name: name, Settings: copied, CreatedAt: s.clock.now().UTC().Truncate(time.Second)}
	if owner != nil {
		t.OwnerID = owner.ID
	}
	s.st.WebinarTemplates = append(s.st.WebinarTemplates, t)
	s.dirty = true
	s.persistLocked()
	return t.ID, nil
}
