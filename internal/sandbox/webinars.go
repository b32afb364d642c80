package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Messages of the webinars API: the spec's wording, which differs from endpoint to endpoint (the 400 code
// 200 "plan missing" texts in particular, docs/development/zoom-api.md#webinar-add-on-missing); "sandbox wording" marks the unconfirmed ones.
const (
	msgWebinarNotFound       = "Webinar %s not found or has expired."
	msgInvalidWebinarID      = "Invalid webinar ID."
	msgInvalidWebinarIDPatch = "Invalid webinar Id."
	msgWebinarRecurrence     = "Invalid recurrence settings."
	msgWebinarInProgress     = "Sorry, you cannot delete this webinar since it is in progress."
	msgWebinarEnded          = "Sorry, you cannot delete this webinar since it has ended."
	msgSimuliveStarted       = "You cannot update or delete simulive webinars that have started using this method."
	msgSimuliveDisabled      = "Account hasn't enabled Simulive Webinar."
	msgCannotAccessWebinar   = "Cannot access webinar info."
	msgCannotAccessMeeting   = "Cannot access meeting info."
	// Plan missing (400 code 200), per endpoint. msgWebinarPlanMissing is Zoom's wording (docs/development/zoom-api.md#webinar-add-on-missing), used
	// where the spec names none (GET/DELETE webinar, list webinars, add/get registrant).
	msgWebinarPlanMissing   = "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: %s."
	msgWebinarPlanCreate    = "Subscription plan for webinar is missing. Enable webinar for this user once the subscription plan is added:%s."
	msgWebinarPlanUpdate    = "Webinar subscription plan is missing. Enable webinar for this user once the subscription is added:%s."
	msgWebinarPlanStatus    = "Webinar plan subscription is missing. Enable webinar for this user once the subscription is added:%s."
	msgWebinarPlanTemplates = "Cannot use webinar API, you need to subscribe webinar plan and then enable webinar for this user:%s."
	msgWebinarPlanAction    = "Webinar plan is missing. You must subscribe to the webinar plan and enable webinars for this user in order to perform this action: %s."
	msgWebinarPlanRegStatus = "The webinar plan subscription is missing. Enable webinar for this user once the subscription is added: %s"
	// Sandbox wording.
	msgWebinarStartedUpdate    = "You cannot update or delete webinars that have started using this method."
	msgWebinarRegistrationType = "Registration is only available for webinars (type 5) and recurring webinars with a fixed time (type 9)."
)

// ErrWebinarNotFound is returned by the Go API for a webinar that does not exist, was deleted or has expired.
var ErrWebinarNotFound = errors.New("sandbox: webinar not found")

// webinar is a stored webinar: the shared session fields plus the webinar-only ones. Its status is kept like
// a meeting's (StartWebinar/EndWebinar) but not returned: the webinar schemas have no status.
type webinar struct {
	session
	IsSimulive   bool            `json:"is_simulive,omitempty"`
	RecordFileID string          `json:"record_file_id,omitempty"`
	Settings     webinarSettings `json:"settings"`
}

var webinarTypes = map[int64]bool{5: true, 6: true, 9: true}

// clone returns a deep copy of w (registrants are shared, see session.Registrants).
func (w *webinar) clone() *webinar {
	c := *w
	c.session = w.cloneSession()
	c.Settings = w.Settings.clone()
	return &c
}

func (w *webinar) registrationOn() bool {
	return w.Settings.ApprovalType == 0 || w.Settings.ApprovalType == 1
}

// webinarUnlicensed reports whether u has no webinar licence (WebinarUnlicensedUsers).
func (p *Profile) webinarUnlicensed(u *user) bool {
	for _, ref := range p.WebinarUnlicensedUsers {
		ref = strings.TrimSpace(ref)
		if u != nil && (ref == u.ID || strings.EqualFold(ref, u.Email)) {
			return true
		}
	}
	return false
}

// --- state helpers -------------------------------------------------------------------------------

// addWebinar appends a new webinar with the next sequence number.
func (st *state) addWebinar(w *webinar) {
	st.NextSeq++
	w.Seq = st.NextSeq
	st.Webinars = append(st.Webinars, w)
	st.webinarsByID[w.ID] = w
}

// deleteWebinar removes w and its registrants; its number stays taken. (Webinars have no recover action.)
func (st *state) deleteWebinar(w *webinar) {
	delete(st.webinarsByID, w.ID)
	for i, x := range st.Webinars {
		if x == w {
			st.Webinars = append(st.Webinars[:i:i], st.Webinars[i+1:]...)
			break
		}
	}
	st.DeletedWebinarIDs = append(st.DeletedWebinarIDs, w.ID)
}

// webinarByUUID returns the live webinar whose current instance has uuid.
func (st *state) webinarByUUID(uuid string) *webinar {
	for _, w := range st.Webinars {
		if w.UUID == uuid {
			return w
		}
	}
	return nil
}

// removeUserWebinars handles the webinars of a user who is deleted or disassociated, like removeUserMeetings:
// with to != nil they move to that user (transfer_webinar), otherwise they go. The user is also removed from
// other webinars' alternative hosts, and the user's own webinar templates go.
func (st *state) removeUserWebinars(u, to *user) {
	var keep []*webinar
	for _, w := range st.Webinars {
		if w.HostID == u.ID {
			if to == nil {
				delete(st.webinarsByID, w.ID)
				continue
			}
			w.HostID = to.ID
		}
		w.AltHosts = removeString(w.AltHosts, u.ID)
		if to != nil && w.HostID == to.ID {
			w.AltHosts = removeString(w.AltHosts, to.ID)
		}
		keep = append(keep, w)
	}
	st.Webinars = keep
	var tpls []*webinarTemplate
	for _, t := range st.WebinarTemplates {
		if t.OwnerID != u.ID {
			tpls = append(tpls, t)
		}
	}
	st.WebinarTemplates = tpls
}

// validateWebinarState checks the loaded webinars, webinar templates and every registrant; ids are the user
// ids and numbers the meeting numbers seen so far.
func (st *state) validateWebinarState(ids map[string]bool, numbers map[int64]bool) error {
	lastSeq := int64(0)
	for i, w := range st.Webinars {
		switch {
		case w == nil:
			return fmt.Errorf("webinars[%d] is null", i)
		case w.ID <= 0 || numbers[w.ID]:
			return fmt.Errorf("webinars[%d]: missing or duplicate id %d", i, w.ID)
		case !ids[w.HostID]:
			return fmt.Errorf("webinars[%d]: host %q is not a user", i, w.HostID)
		case w.Seq <= lastSeq || w.Seq > st.NextSeq:
			return fmt.Errorf("webinars[%d]: invalid or unordered seq %d", i, w.Seq)
		case !webinarTypes[int64(w.Type)]:
			return fmt.Errorf("webinars[%d]: invalid type %d", i, w.Type)
		case w.Type == 9 && w.Recurrence == nil:
			return fmt.Errorf("webinars[%d]: type 9 without recurrence", i)
		}
		lastSeq = w.Seq
		numbers[w.ID] = true
	}
	for i, id := range st.DeletedWebinarIDs {
		if id <= 0 {
			return fmt.Errorf("deleted_webinar_ids[%d]: invalid id %d", i, id)
		}
	}
	tplIDs := map[string]bool{}
	for i, t := range st.WebinarTemplates {
		switch {
		case t == nil:
			return fmt.Errorf("webinar_templates[%d] is null", i)
		case t.ID == "" || tplIDs[t.ID]:
			return fmt.Errorf("webinar_templates[%d]: missing or duplicate id %q", i, t.ID)
		case t.OwnerID != "" && !ids[t.OwnerID]:
			return fmt.Errorf("webinar_templates[%d]: owner %q is not a user", i, t.OwnerID)
		}
		tplIDs[t.ID] = true
	}
	check := func(kind string, id int64, list []*registrant) error {
		seen := map[string]bool{}
		for i, r := range list {
			switch {
			case r == nil:
				return fmt.Errorf("%s %d: registrants[%d] is null", kind, id, i)
			case r.ID == "" || seen[r.ID]:
				return fmt.Errorf("%s %d: registrants[%d]: missing or duplicate id %q", kind, id, i, r.ID)
			case r.Status != registrantApproved && r.Status != registrantPending && r.Status != registrantDenied:
				return fmt.Errorf("%s %d: registrants[%d]: invalid status %q", kind, id, i, r.Status)
			case r.Seq <= 0 || r.Seq > st.NextSeq:
				return fmt.Errorf("%s %d: registrants[%d]: invalid seq %d", kind, id, i, r.Seq)
			}
			seen[r.ID] = true
		}
		return nil
	}
	for _, m := range st.Meetings {
		if err := check("meeting", m.ID, m.Registrants); err != nil {
			return err
		}
	}
	for _, w := range st.Webinars {
		if err := check("webinar", w.ID, w.Registrants); err != nil {
			return err
		}
	}
	return nil
}

// --- routes -------------------------------------------------------------------------------------

// webinarRoutes declares the webinars API (docs/development/zoom-api.md#webinars; categories #rate-limits, scopes #scopes and the spec's
// classic scopes).
func webinarRoutes() []*route {
	readMacro := []string{"webinar:read:admin", "webinar:read"}
	writeMacro := []string{"webinar:write:admin", "webinar:write"}
	return []*route{
		{method: http.MethodPost, pattern: "/v2/users/{userId}/webinars", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"webinar:write:webinar:admin"}, handler: (*call).createWebinar},
		{method: http.MethodGet, pattern: "/v2/users/{userId}/webinars", category: CategoryMedium,
			macroScopes: readMacro, granularScopes: []string{"webinar:read:list_webinars:admin"}, handler: (*call).listWebinars},
		{method: http.MethodGet, pattern: "/v2/webinars/{webinarId}", category: CategoryLight,
			macroScopes: readMacro, granularScopes: []string{"webinar:read:webinar:admin"}, handler: (*call).getWebinar},
		{method: http.MethodPatch, pattern: "/v2/webinars/{webinarId}", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"webinar:update:webinar:admin"}, handler: (*call).updateWebinar},
		{method: http.MethodDelete, pattern: "/v2/webinars/{webinarId}", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"webinar:delete:webinar:admin"}, handler: (*call).deleteWebinar},
		// No granular scope is known for the webinar status (docs/development/zoom-api.md#scopes): only the classic ones are accepted.
		{method: http.MethodPut, pattern: "/v2/webinars/{webinarId}/status", category: CategoryLight,
			macroScopes: writeMacro, handler: (*call).updateWebinarStatus},
	}
}

// --- lookups and checks ---------------------------------------------------------------------------

func webinarNotFound(ref string) apiResponse {
	return errResp(http.StatusNotFound, codeMeetingMissing, fmt.Sprintf(msgWebinarNotFound, ref))
}

// wrongKindResp answers a meeting id on a webinar endpoint (onWebinarEndpoint) or a webinar id on a meeting
// endpoint, per Profile.WrongKindID.
func (c *call) wrongKindResp(ref string, onWebinarEndpoint bool) apiResponse {
	switch {
	case c.profile.WrongKindID == WrongKindNotFound && onWebinarEndpoint:
		return webinarNotFound(ref)
	case c.profile.WrongKindID == WrongKindNotFound:
		return meetingNotExist(ref)
	case onWebinarEndpoint:
		return errResp(http.StatusBadRequest, codeMeetingGeneric, msgCannotAccessMeeting)
	}
	return errResp(http.StatusBadRequest, codeMeetingGeneric, msgCannotAccessWebinar)
}

// webinarPlanProblem answers 400 code 200 with the endpoint's message (a format taking ref) when the account
// has no webinar add-on or u has no webinar licence.
func (c *call) webinarPlanProblem(u *user, ref, format string) *apiResponse {
	if c.userHasWebinar(u) {
		return nil
	}
	return ptr(errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(format, ref)))
}

// webinarLookup says how an endpoint resolves {webinarId}.
type webinarLookup struct {
	invalidID string // message of the 400 code 300 for an id that is not a number (nor, with uuid, a UUID)
	uuid      bool   // the path may carry the current instance's UUID (GET /webinars/{webinarId})
	plan      string // message format of the 400 code 200 "plan missing" answer
}

var uuidPathRE = regexp.MustCompile(`^[A-Za-z0-9+/]{22}==$`)

// pathWebinar resolves {webinarId} to a live webinar: a malformed id → 400 code 300; unknown, deleted or
// expired → 404 code 3001 "Webinar {id} not found or has expired."; a meeting id → Profile.WrongKindID; a
// host who may not host → 3161; no webinar plan or licence → 400 code 200 naming the host's user id.
func (c *call) pathWebinar(l webinarLookup) (*webinar, *apiResponse) {
	ref := c.params["webinarId"]
	st := c.s.st
	var w *webinar
	if id, ok := parseMeetingID(ref); ok {
		if w = st.webinarsByID[id]; w == nil {
			if st.meetingsByID[id] != nil {
				return nil, ptr(c.wrongKindResp(ref, true))
			}
			return nil, ptr(webinarNotFound(ref))
		}
	} else {
		// A UUID that starts with "/" or contains "//" arrives double-encoded: the path then still holds "%2F".
		uuid, err := url.PathUnescape(ref)
		if !l.uuid || err != nil || !uuidPathRE.MatchString(uuid) {
			return nil, ptr(errResp(http.StatusBadRequest, codeValidation, l.invalidID))
		}
		if w = st.webinarByUUID(uuid); w == nil {
			return nil, ptr(webinarNotFound(ref))
		}
	}
	if w.expired(c.profile, c.now) {
		return nil, ptr(webinarNotFound(ref))
	}
	host := st.byID[w.HostID]
	if host != nil && host.Type == 4 {
		return nil, ptr(errResp(http.StatusBadRequest, codeCannotHost, msgHostingNotAllowed))
	}
	if r := c.webinarPlanProblem(host, w.HostID, l.plan); r != nil {
		return nil, r
	}
	return w, nil
}

// --- POST /users/{userId}/webinars ------------------------------------------------------------------

func (c *call) createWebinar() apiResponse {
	body, bad := decodeMeetingBody(c.body)
	if bad != nil {
		return *bad
	}
	host, bad := c.pathHost(msgHostNotFound)
	if bad != nil {
		return *bad
	}
	if r := hostProblem(host, true); r != nil {
		return *r
	}
	if r := c.webinarPlanProblem(host, c.params["userId"], msgWebinarPlanCreate); r != nil {
		return *r
	}
	if r := c.meetingWriteLimit(host.ID); r != nil {
		return *r
	}
	p := c.profile
	w := &webinar{
		session: session{
			HostID:    host.ID,
			Type:      5,
			Topic:     p.DefaultWebinarTopic,
			Duration:  p.DefaultMeetingDuration,
			Timezone:  c.hostTimezone(host),
			Status:    meetingWaiting,
			CreatedAt: c.now.UTC().Truncate(time.Second),
		},
		Settings: defaultWebinarSettings(host),
	}
	templateID, r := c.applyWebinar(w, body, host, true)
	if r != nil {
		return *r
	}
	st := c.s.st
	w.ID = st.newMeetingNumber()
	w.UUID = newMeetingUUID()
	st.addWebinar(w)
	c.countMeetingWrite(host.ID)
	c.s.dirty = true
	return jsonResp(http.StatusCreated, c.documentedOnly(c.viewWebinar(w, webinarViewOpts{create: true, templateID: templateID}), webinarCreateFields))
}

// applyWebinar validates a create (create = true) or update body and applies it to w, which the caller
// discards when an error is returned. actor is the {userId} of a create. It returns the template id used.
func (c *call) applyWebinar(w *webinar, body map[string]json.RawMessage, actor *user, create bool) (string, *apiResponse) {
	p := c.profile
	st := c.s.st
	f := newFieldReader(body)
	in := readSessionInput(f, &w.session, webinarKind, p, create, c.now)
	isSimulive, hasSimulive := f.boolean("is_simulive")
	recordFileID, hasRecordFile := f.str("record_file_id", 0)
	setF, _ := f.object("settings")
	settings := w.Settings.clone()
	altRaw, hasAlt := readWebinarSettings(setF, &settings, !create)
	if errs := f.errors(); len(errs) > 0 {
		return "", ptr(validationResp(errs))
	}
	if in.recConflict {
		return "", ptr(errResp(http.StatusBadRequest, codeValidation, msgWebinarRecurrence))
	}
	if hasSimulive && isSimulive && !p.SimuliveEnabled {
		return "", ptr(errResp(http.StatusBadRequest, codeValidation, msgSimuliveDisabled))
	}
	// template_id is in the create schema only (PATCH ignores it, as any unknown key).
	var tpl *webinarTemplate
	if create && in.hasTemplate {
		// "You must provide the user ID of the host instead of the email address in the userId path parameter
		// in order to use a template" (spec): Zoom's answer otherwise is not documented; the sandbox answers as
		// for a template it cannot find (docs/development/zoom-api.md#templates: 400 code 300 "Invalid template ID").
		if !strings.Contains(c.params["userId"], "@") {
			tpl = st.visibleWebinarTemplate(in.templateID, actor)
		}
		if tpl == nil {
			return "", ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidTemplateID))
		}
	}

	c.applySessionInput(&w.session, in, webinarKind, create)
	if hasSimulive {
		w.IsSimulive = isSimulive
	}
	if hasRecordFile {
		w.RecordFileID = recordFileID
	}
	// Settings: the template's first, then the request's, key by key.
	if tpl != nil {
		readWebinarSettings(settingsReader(tpl.Settings), &w.Settings, false)
		readWebinarSettings(setF, &w.Settings, !create)
	} else {
		w.Settings = settings
	}
	if r := c.applyAltHosts(&w.session, splitWebinarAltHosts(altRaw, c.profile.WebinarAltHostsSemicolons), hasAlt); r != nil {
		return "", r
	}
	host := st.byID[w.HostID]
	if w.registrationOn() {
		switch {
		case w.Type == 6 && !p.RegistrationOnType6:
			return "", ptr(errResp(http.StatusBadRequest, codeValidation, msgWebinarRegistrationType))
		case host != nil && host.Type == 1:
			if p.BasicHostRegistration != BasicRegistrationIgnore {
				return "", ptr(errResp(http.StatusBadRequest, codeValidation, msgBasicRegistration))
			}
			w.Settings.ApprovalType = 2
		}
	}
	ensureRegistrationToken(&w.session, w.registrationOn())
	// Webinars have no waiting room: meeting_authentication is the other security option.
	applyPasscode(p, &w.session, in, create, p.PasscodeRequired,
		p.WebinarSecurityOptionRequired && !w.Settings.MeetingAuthentication)
	if w.Type == 9 && len(w.occurrences(p)) == 0 {
		return "", ptr(errResp(http.StatusBadRequest, codeValidation, msgWebinarRecurrence))
	}
	if r := c.checkRequiredTracking(w.TrackingFields); r != nil {
		return "", r
	}
	if tpl != nil {
		return tpl.ID, nil
	}
	return "", nil
}

// --- views ------------------------------------------------------------------------------------------

// webinarView is the webinar object of the create response and GET /webinars/{webinarId}.
type webinarView struct {
	UUID            string `json:"uuid"`
	ID              int64  `json:"id"`
	HostID          string `json:"host_id"`
	HostEmail       string `json:"host_email"`
	Topic           string `json:"topic"`
	Type            int    `json:"type"`
	StartTime       string `json:"start_time,omitempty"`
	Duration        int    `json:"duration"`
	Timezone        string `json:"timezone"`
	Agenda          string `json:"agenda"`
	CreatedAt       string `json:"created_at"`
	StartURL        string `json:"start_url"`
	JoinURL         string `json:"join_url"`
	RegistrationURL string `json:"registration_url,omitempty"`
	Password        string `json:"password"`
	IsSimulive      bool   `json:"is_simulive"`
	RecordFileID    string `json:"record_file_id,omitempty"`
	// TemplateID and RegistrantsConfirmationEmail are in the create response only.
	TemplateID                   string              `json:"template_id,omitempty"`
	RegistrantsConfirmationEmail *bool               `json:"registrants_confirmation_email,omitempty"`
	TrackingFields               []trackingFieldView `json:"tracking_fields,omitempty"`
	Occurrences                  []occurrenceView    `json:"occurrences,omitempty"`
	Recurrence                   *recurrence         `json:"recurrence,omitempty"`
	Settings                     webinarSettings     `json:"settings"`
}

type webinarViewOpts struct {
	create       bool
	templateID   string
	showPrevious bool
	occ          *occurrence
}

// viewWebinar renders w. A fresh start_url token is minted on every call.
func (c *call) viewWebinar(w *webinar, o webinarViewOpts) webinarView {
	p := c.profile
	host := c.s.st.byID[w.HostID]
	if host == nil {
		host = &user{ID: w.HostID}
	}
	v := webinarView{
		UUID:         w.UUID,
		ID:           w.ID,
		HostID:       w.HostID,
		HostEmail:    host.Email,
		Topic:        w.Topic,
		Type:         w.Type,
		Duration:     w.Duration,
		Timezone:     w.Timezone,
		Agenda:       w.Agenda,
		CreatedAt:    formatZoomTime(w.CreatedAt),
		StartURL:     fmt.Sprintf("https://%s/s/%d?zak=%s", p.WebHost, w.ID, mintZAK(p, w.ID, host, c.now)),
		JoinURL:      joinURL(p, &w.session),
		Password:     w.Password,
		IsSimulive:   w.IsSimulive,
		RecordFileID: w.RecordFileID,
		Settings:     w.Settings.clone(),
	}
	v.Settings.AlternativeHosts = c.altHostEmails(&w.session, ",")
	if start, ok := c.viewStartTime(&w.session); ok {
		v.StartTime = formatZoomTime(start)
	}
	if w.registrationOn() && w.RegistrationToken != "" {
		v.RegistrationURL = fmt.Sprintf("https://%s/webinar/register/%s", p.WebHost, w.RegistrationToken)
	}
	if o.create {
		v.TemplateID = o.templateID
		v.RegistrantsConfirmationEmail = ptr(w.Settings.RegistrantsConfirmationEmail)
	}
	v.TrackingFields = c.trackingViews(w.TrackingFields, false)
	if w.Type == 9 && w.Recurrence != nil {
		r := *w.Recurrence
		v.Recurrence = &r
		v.Occurrences = c.occurrenceViews(&w.session, o.showPrevious)
	}
	if o.occ != nil {
		v.StartTime = formatZoomTime(o.occ.Start)
		v.Duration = o.occ.Duration
		if o.occ.Agenda != nil {
			v.Agenda = *o.occ.Agenda
		}
	}
	return v
}

// --- GET /webinars/{webinarId} ------------------------------------------------------------------------

func (c *call) getWebinar() apiResponse {
	w, bad := c.pathWebinar(webinarLookup{invalidID: msgInvalidWebinarID, uuid: true, plan: msgWebinarPlanMissing})
	if bad != nil {
		return *bad
	}
	o := webinarViewOpts{showPrevious: strings.EqualFold(c.query("show_previous_occurrences"), "true")}
	if id := c.query("occurrence_id"); id != "" {
		if o.occ = w.findOccurrence(c.profile, id); o.occ == nil {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence)
		}
	}
	return jsonResp(http.StatusOK, c.documentedOnly(c.viewWebinar(w, o), webinarGetFields))
}

// --- PATCH /webinars/{webinarId} -----------------------------------------------------------------------

func (c *call) updateWebinar() apiResponse {
	body, bad := decodeMeetingBody(c.body)
	if bad != nil {
		return *bad
	}
	w, bad := c.pathWebinar(webinarLookup{invalidID: msgInvalidWebinarIDPatch, plan: msgWebinarPlanUpdate})
	if bad != nil {
		return *bad
	}
	if w.Status == meetingStarted {
		// The spec documents the simulive case; a started webinar is refused like a started meeting.
		msg := msgWebinarStartedUpdate
		if w.IsSimulive {
			msg = msgSimuliveStarted
		}
		return errResp(http.StatusBadRequest, codeMeetingGeneric, msg)
	}
	hostID := w.HostID
	if r := c.meetingWriteLimit(hostID); r != nil {
		return *r
	}
	if id := c.query("occurrence_id"); id != "" {
		if r := c.updateWebinarOccurrence(w, body, id); r != nil {
			return *r
		}
	} else {
		work := w.clone()
		if _, r := c.applyWebinar(work, body, c.s.st.byID[hostID], false); r != nil {
			return *r
		}
		*w = *work
	}
	c.countMeetingWrite(hostID)
	c.s.dirty = true
	return noContent()
}

// updateWebinarOccurrence applies PATCH ?occurrence_id: agenda, start_time and duration change for that
// occurrence only. The per-occurrence settings the spec allows (host_video, panelist video, hd_video,
// watermark, auto_recording) are validated but not kept; other fields are ignored.
func (c *call) updateWebinarOccurrence(w *webinar, body map[string]json.RawMessage, id string) *apiResponse {
	if w.findOccurrence(c.profile, id) == nil {
		return ptr(errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence))
	}
	f := newFieldReader(body)
	in := readOccurrenceInput(f, &w.session, webinarKind.agendaMax)
	setF, _ := f.object("settings")
	scratch := w.Settings.clone()
	readWebinarSettings(setF, &scratch, true)
	if errs := f.errors(); len(errs) > 0 {
		return ptr(validationResp(errs))
	}
	w.applyOccurrenceInput(id, in, c.now)
	return nil
}

// --- DELETE /webinars/{webinarId} ------------------------------------------------------------------------

func (c *call) deleteWebinar() apiResponse {
	w, bad := c.pathWebinar(webinarLookup{invalidID: msgInvalidWebinarID, plan: msgWebinarPlanMissing})
	if bad != nil {
		return *bad
	}
	q := c.r.URL.Query()
	if v := q.Get("cancel_webinar_reminder"); v != "" && v != "true" && v != "false" {
		return validationResp([]fieldError{{Field: "cancel_webinar_reminder", Message: msgInvalidField}})
	}
	if w.Status == meetingStarted {
		return errResp(http.StatusBadRequest, codeInProgress, msgWebinarInProgress)
	}
	if id := q.Get("occurrence_id"); id != "" {
		if w.findOccurrence(c.profile, id) == nil {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence)
		}
		w.deleteOccurrence(id)
		c.s.dirty = true
		return noContent()
	}
	if w.EndedOnce {
		return errResp(http.StatusBadRequest, codeMeetingEnded, msgWebinarEnded)
	}
	c.s.st.deleteWebinar(w)
	c.s.dirty = true
	return noContent()
}

// --- GET /users/{userId}/webinars ----------------------------------------------------------------------------

// webinarListItem is an element of GET /users/{userId}/webinars (summary fields only).
type webinarListItem struct {
	UUID       string `json:"uuid"`
	ID         int64  `json:"id"`
	HostID     string `json:"host_id"`
	Topic      string `json:"topic"`
	Type       int    `json:"type"`
	StartTime  string `json:"start_time,omitempty"`
	Duration   int    `json:"duration"`
	Timezone   string `json:"timezone"`
	Agenda     string `json:"agenda"`
	CreatedAt  string `json:"created_at"`
	JoinURL    string `json:"join_url"`
	IsSimulive bool   `json:"is_simulive"`
}

type webinarListResponse struct {
	pageMeta
	Webinars []webinarListItem `json:"webinars"`
}

// listWebinars lists a host's unexpired webinars in creation order: type=scheduled (default) all of them,
// type=upcoming the live ones and those scheduled to end in the future (any occurrence for type 9; always
// for type 6).
func (c *call) listWebinars() apiResponse {
	host, bad := c.pathHost(msgHostNotFound)
	if bad != nil {
		return *bad
	}
	if r := hostProblem(host, false); r != nil {
		return *r
	}
	if r := c.webinarPlanProblem(host, c.params["userId"], msgWebinarPlanMissing); r != nil {
		return *r
	}
	typ := c.query("type")
	if typ == "" {
		typ = "scheduled"
	}
	if typ != "scheduled" && typ != "upcoming" {
		return validationResp([]fieldError{{Field: "type", Message: msgInvalidField}})
	}
	var matched []*webinar
	var seqs []int64
	for _, w := range c.s.st.Webinars {
		if w.HostID != host.ID || w.expired(c.profile, c.now) {
			continue
		}
		if typ == "upcoming" && w.Status != meetingStarted && !w.hasFuture(c.profile, c.now) {
			continue
		}
		matched = append(matched, w)
		seqs = append(seqs, w.Seq)
	}
	// webinars documents page_size and page_number as its paging parameters, not next_page_token.
	lo, hi, meta, bad := c.paginateWith("webinars|"+host.ID+"|"+typ, seqs, 30, 300, c.profile.WebinarListPageToken)
	if bad != nil {
		return *bad
	}
	out := webinarListResponse{pageMeta: meta, Webinars: make([]webinarListItem, 0, hi-lo)}
	for _, w := range matched[lo:hi] {
		item := webinarListItem{
			UUID:       w.UUID,
			ID:         w.ID,
			HostID:     w.HostID,
			Topic:      w.Topic,
			Type:       w.Type,
			Duration:   w.Duration,
			Timezone:   w.Timezone,
			Agenda:     truncateRunes(w.Agenda, 250),
			CreatedAt:  formatZoomTime(w.CreatedAt),
			JoinURL:    joinURL(c.profile, &w.session),
			IsSimulive: w.IsSimulive,
		}
		if start, ok := c.viewStartTime(&w.session); ok {
			item.StartTime = formatZoomTime(start)
		}
		out.Webinars = append(out.Webinars, item)
	}
	return jsonResp(http.StatusOK, out)
}

// --- PUT /webinars/{webinarId}/status --------------------------------------------------------------------------

// updateWebinarStatus handles action "end" (the only value): a running webinar ends (new uuid); ending one
// that is not running does nothing, as for meetings.
func (c *call) updateWebinarStatus() apiResponse {
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	w, bad := c.pathWebinar(webinarLookup{invalidID: msgInvalidWebinarID, plan: msgWebinarPlanStatus})
	if bad != nil {
		return *bad
	}
	f := newFieldReader(body)
	action, has := f.str("action", 0)
	if (has && action != "end") || (!has && !containsField(f.errors(), "action")) {
		f.fail("action")
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if w.Status == meetingStarted {
		c.s.endSessionLocked(&w.session)
	}
	return noContent()
}

// --- Go API ----------------------------------------------------------------------------------------------------

// liveWebinarLocked returns webinar id unless it does not exist, was deleted or has expired.
func (s *Server) liveWebinarLocked(id int64) (*webinar, error) {
	w := s.st.webinarsByID[id]
	if w == nil || w.expired(&s.profile, s.clock.now()) {
		return nil, fmt.Errorf("%w: %d", ErrWebinarNotFound, id)
	}
	return w, nil
}

// StartWebinar marks webinar id as started, as if its host had started it: PATCH then answers 3000 and
// DELETE 3002, and it does not expire while running. Starting a started webinar does nothing. It returns
// ErrWebinarNotFound for an unknown, deleted or expired webinar.
func (s *Server) StartWebinar(id int64) error { return s.startSession(s.liveWebinarSessionLocked(id)) }

// EndWebinar ends webinar id's running instance: it gets a new uuid and the status of
// Profile.EndedMeetingStatus, and counts as ended (DELETE answers 3007). A webinar that is not running is
// left alone. It returns ErrWebinarNotFound for an unknown, deleted or expired webinar.
func (s *Server) EndWebinar(id int64) error { return s.endSession(s.liveWebinarSessionLocked(id)) }

func (s *Server) liveWebinarSessionLocked(id int64) func() (*session, error) {
	return func() (*session, error) {
		w, err := s.liveWebinarLocked(id)
		if err != nil {
			return nil, err
		}
		return &w.session, nil
	}
}

// webinarStatus returns webinar id's (internal) status.
func (s *Server) webinarStatus(id int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w := s.st.webinarsByID[id]; w != nil {
		return w.Status
	}
	return ""
}
