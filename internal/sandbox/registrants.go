package sandbox

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Registrant statuses (docs/development/zoom-api.md#registrants).
const (
	registrantApproved = "approved"
	registrantPending  = "pending"
	registrantDenied   = "denied"
)

// Messages of the registrants API: the spec's or an observed answer's wording; "sandbox wording" marks the others.
const (
	msgMeetingRegistrationOff      = "Registration has not been enabled for this meeting: %d."
	msgWebinarRegistrationOff      = "Registration has not been enabled for this webinar: %d."
	msgMeetingRegistrationNotSet   = "This meeting has not set registration as required: %d"
	msgWebinarRegistrationNotReq   = "This webinar does not have registration as required: %d."
	msgRegistrantNotFound          = "Registrant %s was not found."
	msgInvalidRegistrantID         = "The value that you entered for the Registrant ID field is invalid. Enter a valid value and try again."
	msgInvalidOccurrenceIDs        = "Invalid parameter: occurrence_ids"
	msgMeetingCapacity             = "Meeting has reached maximum attendee capacity."
	msgWebinarCapacity             = "Webinar has reached maximum attendee capacity."
	msgWebinarAttendeeLimit        = "You have reached the limit for the number of attendees you can add. Contact Zoom Support for more information."
	msgHostCannotRegister          = "Host cannot register."
	msgWebinarOver                 = "Webinar is over, you cannot register now. If you have any questions, contact the webinar host."
	msgRegistrantAddLimitMeeting   = `You have exceeded the daily rate limit of "%d" for Add meeting registrant API requests for the registrant "%s". You can resume these API requests at GMT 00:00:00.`
	msgRegistrantAddLimitWebinar   = `You have exceeded the daily rate limit of "%d" for Add a webinar registrant API requests for the registrant "%s". You can resume these API requests at GMT 00:00:00.`
	msgRegistrantStatusLimit       = `You have exceeded the daily rate limit of "%d" for %s Update registrant's status API requests for the registrant "%s". You can resume these API requests at GMT 00:00:00.`
	msgWebinarRegistrationNotSet   = "This webinar has not set registration as required: %d" // sandbox wording (mirrors the meeting text)
	msgRegistrantAlreadyRegistered = "Registrant %s has already registered."                 // sandbox wording

	codeRegistrationOff    = 404
	codeHostCannotRegister = 3027
	codeWebinarOver        = 3038
	codeWebinarCapacity    = 3035
	codeMeetingCapacity    = 3043
)

// Daily per-registrant counters ("<prefix><day>|<meeting or webinar id>|<e-mail or registrant id>").
const (
	registrantAddsCounter   = "registrant_adds|"
	registrantStatusCounter = "registrant_status|"
)

// Request enums of the registrant create schemas. no_of_employees is checked against the request enum and
// stored as sent, although the GET schemas list other buckets ("101-250", "251-500", "501-1,000" instead of
// "101-500", "500-1,000"; docs/development/zoom-api.md#registrants): a value sent is returned as is.
var (
	noOfEmployeesValues = map[string]bool{"": true, "1-20": true, "21-50": true, "51-100": true, "101-500": true,
		"500-1,000": true, "1,001-5,000": true, "5,001-10,000": true, "More than 10,000": true}
	purchasingTimeFrames = map[string]bool{"": true, "Within a month": true, "1-3 months": true, "4-6 months": true,
		"More than 6 months": true, "No timeframe": true}
	purchaseRoles = map[string]bool{"": true, "Decision Maker": true, "Evaluator/Recommender": true, "Influencer": true,
		"Not involved": true}
	registrantLanguages = map[string]bool{"en-US": true, "de-DE": true, "es-ES": true, "fr-FR": true, "jp-JP": true,
		"pt-PT": true, "ru-RU": true, "zh-CN": true, "zh-TW": true, "ko-KO": true, "it-IT": true, "vi-VN": true,
		"pl-PL": true, "Tr-TR": true}
	registrantIDRE = regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`)
)

// registrant is a stored registration of a meeting or webinar (session.Registrants).
type registrant struct {
	Seq                   int64            `json:"seq"`
	ID                    string           `json:"id"`
	Email                 string           `json:"email"`
	FirstName             string           `json:"first_name"`
	LastName              string           `json:"last_name,omitempty"`
	Address               string           `json:"address,omitempty"`
	City                  string           `json:"city,omitempty"`
	State                 string           `json:"state,omitempty"`
	Zip                   string           `json:"zip,omitempty"`
	Country               string           `json:"country,omitempty"`
	Phone                 string           `json:"phone,omitempty"`
	Comments              string           `json:"comments,omitempty"`
	Industry              string           `json:"industry,omitempty"`
	JobTitle              string           `json:"job_title,omitempty"`
	Org                   string           `json:"org,omitempty"`
	NoOfEmployees         string           `json:"no_of_employees,omitempty"`
	PurchasingTimeFrame   string           `json:"purchasing_time_frame,omitempty"`
	RoleInPurchaseProcess string           `json:"role_in_purchase_process,omitempty"`
	Language              string           `json:"language,omitempty"`
	CustomQuestions       []customQuestion `json:"custom_questions,omitempty"`
	Status                string           `json:"status"`
	// OccurrenceIDs are the occurrences registered for (occurrence_ids with registration_type 2 or 3 on a
	// recurring meeting or webinar); empty = every occurrence.
	OccurrenceIDs []string `json:"occurrence_ids,omitempty"`
	// JoinToken is the tk of the personal join_url, minted on the first approval.
	JoinToken  string    `json:"join_token,omitempty"`
	CreateTime time.Time `json:"create_time"`
}

type customQuestion struct {
	Title string `json:"title"`
	Value string `json:"value"`
}

// registeredFor reports whether r is registered for occurrence id.
func (r *registrant) registeredFor(id string) bool {
	return len(r.OccurrenceIDs) == 0 || containsString(r.OccurrenceIDs, id)
}

// --- routes -------------------------------------------------------------------------------------------

// registrantRoutes declares the registrant API of meetings and webinars (docs/development/zoom-api.md#registrants; categories #rate-limits,
// scopes #scopes — the granular ones marked unconfirmed there follow Zoom's naming pattern).
func registrantRoutes() []*route {
	mRead := []string{"meeting:read:admin", "meeting:read"}
	mWrite := []string{"meeting:write:admin", "meeting:write"}
	wRead := []string{"webinar:read:admin", "webinar:read"}
	wWrite := []string{"webinar:write:admin", "webinar:write"}
	return []*route{
		{method: http.MethodPost, pattern: "/v2/meetings/{meetingId}/registrants", category: CategoryLight,
			macroScopes: mWrite, granularScopes: []string{"meeting:write:registrant:admin"}, handler: (*call).addMeetingRegistrant},
		{method: http.MethodGet, pattern: "/v2/meetings/{meetingId}/registrants", category: CategoryMedium,
			macroScopes: mRead, granularScopes: []string{"meeting:read:list_registrants:admin"}, handler: (*call).listMeetingRegistrants},
		{method: http.MethodGet, pattern: "/v2/meetings/{meetingId}/registrants/{registrantId}", category: CategoryLight,
			macroScopes: mRead, granularScopes: []string{"meeting:read:registrant:admin"}, handler: (*call).getMeetingRegistrant},
		{method: http.MethodDelete, pattern: "/v2/meetings/{meetingId}/registrants/{registrantId}", category: CategoryLight,
			macroScopes: mWrite, granularScopes: []string{"meeting:delete:registrant:admin"}, handler: (*call).deleteMeetingRegistrant},
		{method: http.MethodPut, pattern: "/v2/meetings/{meetingId}/registrants/status", category: CategoryMedium,
			macroScopes: mWrite, granularScopes: []string{"meeting:update:registrant_status:admin"}, handler: (*call).updateMeetingRegistrantStatus},

		{method: http.MethodPost, pattern: "/v2/webinars/{webinarId}/registrants", category: CategoryLight,
			macroScopes: wWrite, granularScopes: []string{"webinar:write:registrant:admin"}, handler: (*call).addWebinarRegistrant},
		{method: http.MethodGet, pattern: "/v2/webinars/{webinarId}/registrants", category: CategoryMedium,
			macroScopes: wRead, granularScopes: []string{"webinar:read:list_registrants:admin"}, handler: (*call).listWebinarRegistrants},
		{method: http.MethodGet, pattern: "/v2/webinars/{webinarId}/registrants/{registrantId}", category: CategoryLight,
			macroScopes: wRead, granularScopes: []string{"webinar:read:registrant:admin"}, handler: (*call).getWebinarRegistrant},
		{method: http.MethodDelete, pattern: "/v2/webinars/{webinarId}/registrants/{registrantId}", category: CategoryLight,
			macroScopes: wWrite, granularScopes: []string{"webinar:delete:registrant:admin"}, handler: (*call).deleteWebinarRegistrant},
		{method: http.MethodPut, pattern: "/v2/webinars/{webinarId}/registrants/status", category: CategoryMedium,
			macroScopes: wWrite, granularScopes: []string{"webinar:update:registrant_status:admin"}, handler: (*call).updateWebinarRegistrantStatus},
	}
}

// --- targets ---------------------------------------------------------------------------------------------

// regTarget is the meeting or webinar a registrant request addresses.
type regTarget struct {
	s       *session
	webinar bool
	host    *user
	// on: registration is possible — approval_type 0 or 1, a type that has registration (meetings 2 and 8,
	// 3 with Profile.RegistrationOnType3; webinars 5 and 9, 6 with Profile.RegistrationOnType6) and a
	// Licensed (type 2) host (docs/development/zoom-api.md#registrants).
	on               bool
	approvalType     int
	registrationType int
	restrictNumber   int // webinars: registrants_restrict_number (0 = none)
}

// Registrant operations, for the "registration not enabled" answer of each (docs/development/zoom-api.md#registration-not-enabled).
type regOp int

const (
	regAdd    regOp = iota // POST
	regRead                // GET list, GET one, PUT status
	regDelete              // DELETE
)

// notEnabled answers a registrant request on a meeting or webinar without registration:
//   - meeting POST: 404 code 404 "Registration has not been enabled for this meeting: {id}." (docs/development/zoom-api.md#registration-not-enabled);
//   - meeting list/get/status: 400 code 300 "This meeting has not set registration as required: {id}";
//   - webinar POST: 400 code 3000 "This webinar does not have registration as required: {id}.";
//   - DELETE: 400 code 404 "Registration has not been enabled for this meeting/webinar: {id}.";
//   - webinar list/get/status (not documented): 400 code 300, the meeting answer with "webinar".
func (t *regTarget) notEnabled(op regOp) apiResponse {
	id := t.s.ID
	switch {
	case op == regDelete && t.webinar:
		return errResp(http.StatusBadRequest, codeRegistrationOff, fmt.Sprintf(msgWebinarRegistrationOff, id))
	case op == regDelete:
		return errResp(http.StatusBadRequest, codeRegistrationOff, fmt.Sprintf(msgMeetingRegistrationOff, id))
	case op == regAdd && t.webinar:
		return errResp(http.StatusBadRequest, codeMeetingGeneric, fmt.Sprintf(msgWebinarRegistrationNotReq, id))
	case op == regAdd:
		return errResp(http.StatusNotFound, codeRegistrationOff, fmt.Sprintf(msgMeetingRegistrationOff, id))
	case t.webinar:
		return errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgWebinarRegistrationNotSet, id))
	}
	return errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgMeetingRegistrationNotSet, id))
}

func (c *call) meetingRegTarget() (*regTarget, *apiResponse) {
	m, bad := c.pathMeeting()
	if bad != nil {
		return nil, bad
	}
	host := c.s.st.byID[m.HostID]
	typeOK := m.Type == 2 || m.Type == 8 || (m.Type == 3 && c.profile.RegistrationOnType3)
	return &regTarget{
		s: &m.session, host: host,
		on:           m.registrationOn() && typeOK && host != nil && host.Type == 2,
		approvalType: m.Settings.ApprovalType, registrationType: m.Settings.RegistrationType,
	}, nil
}

// webinarRegTarget resolves {webinarId}; plan is the endpoint's "plan missing" message.
func (c *call) webinarRegTarget(plan string) (*regTarget, *apiResponse) {
	w, bad := c.pathWebinar(webinarLookup{invalidID: msgInvalidWebinarID, plan: plan})
	if bad != nil {
		return nil, bad
	}
	host := c.s.st.byID[w.HostID]
	typeOK := w.Type == 5 || w.Type == 9 || (w.Type == 6 && c.profile.RegistrationOnType6)
	return &regTarget{
		s: &w.session, webinar: true, host: host,
		on:           w.registrationOn() && typeOK && host != nil && host.Type == 2,
		approvalType: w.Settings.ApprovalType, registrationType: w.Settings.RegistrationType,
		restrictNumber: w.Settings.RegistrantsRestrictNumber,
	}, nil
}

func (c *call) addMeetingRegistrant() apiResponse {
	return c.withRegTarget(false, "", (*call).addRegistrant)
}

func (c *call) listMeetingRegistrants() apiResponse {
	return c.withRegTarget(false, "", (*call).listRegistrants)
}

func (c *call) getMeetingRegistrant() apiResponse {
	return c.withRegTarget(false, "", (*call).getRegistrant)
}

func (c *call) deleteMeetingRegistrant() apiResponse {
	return c.withRegTarget(false, "", (*call).deleteRegistrant)
}

func (c *call) updateMeetingRegistrantStatus() apiResponse {
	return c.withRegTarget(false, "", (*call).updateRegistrantStatus)
}

func (c *call) addWebinarRegistrant() apiResponse {
	return c.withRegTarget(true, msgWebinarPlanMissing, (*call).addRegistrant)
}

func (c *call) listWebinarRegistrants() apiResponse {
	return c.withRegTarget(true, msgWebinarPlanStatus, (*call).listRegistrants)
}

func (c *call) getWebinarRegistrant() apiResponse {
	return c.withRegTarget(true, msgWebinarPlanMissing, (*call).getRegistrant)
}

func (c *call) deleteWebinarRegistrant() apiResponse {
	return c.withRegTarget(true, msgWebinarPlanAction, (*call).deleteRegistrant)
}

func (c *call) updateWebinarRegistrantStatus() apiResponse {
	return c.withRegTarget(true, msgWebinarPlanRegStatus, (*call).updateRegistrantStatus)
}

// withRegTarget resolves the meeting or webinar of the path and runs op on it.
func (c *call) withRegTarget(webinar bool, plan string, op func(*call, *regTarget) apiResponse) apiResponse {
	var t *regTarget
	var bad *apiResponse
	if webinar {
		t, bad = c.webinarRegTarget(plan)
	} else {
		t, bad = c.meetingRegTarget()
	}
	if bad != nil {
		return *bad
	}
	return op(c, t)
}

// --- helpers ------------------------------------------------------------------------------------------------

// findRegistrant returns the registrant with id, or nil.
func (t *regTarget) findRegistrant(id string) *registrant {
	for _, r := range t.s.Registrants {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// findRegistrantEmail returns the registrant with e-mail (case-insensitive), or nil.
func (t *regTarget) findRegistrantEmail(email string) *registrant {
	for _, r := range t.s.Registrants {
		if strings.EqualFold(r.Email, email) {
			return r
		}
	}
	return nil
}

// removeRegistrant deletes r.
func (t *regTarget) removeRegistrant(r *registrant) {
	for i, x := range t.s.Registrants {
		if x == r {
			t.s.Registrants = append(t.s.Registrants[:i:i], t.s.Registrants[i+1:]...)
			return
		}
	}
}

func (t *regTarget) approvedCount() int {
	n := 0
	for _, r := range t.s.Registrants {
		if r.Status == registrantApproved {
			n++
		}
	}
	return n
}

// registrantNotFound answers an unknown registrant (Profile.UnknownRegistrant).
func (c *call) registrantNotFound(ref string) apiResponse {
	if c.profile.UnknownRegistrant == UnknownRegistrant404 {
		return errResp(http.StatusNotFound, http.StatusNotFound, fmt.Sprintf(msgRegistrantNotFound, ref))
	}
	return errResp(http.StatusBadRequest, codeMeetingGeneric, fmt.Sprintf(msgRegistrantNotFound, ref))
}

// queryOccurrence checks the occurrence_id query parameter: "" when absent, else an occurrence of t.
func (c *call) queryOccurrence(t *regTarget) (string, *apiResponse) {
	id := c.query("occurrence_id")
	if id != "" && t.s.findOccurrence(c.profile, id) == nil {
		return "", ptr(errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence))
	}
	return id, nil
}

// mintJoinToken gives r its personal join link token on its first approval.
func mintJoinToken(r *registrant) {
	if r.JoinToken == "" {
		r.JoinToken = base64.RawURLEncoding.EncodeToString(randomBytes(32))
	}
}

// registrantJoinURL is an approved registrant's personal link, https://{web_host}/w/{id}?tk={token} (the
// commonly seen format; the spec only says "URL", docs/development/zoom-api.md#registrants).
func (c *call) registrantJoinURL(t *regTarget, r *registrant) string {
	if r.Status != registrantApproved || r.JoinToken == "" {
		return ""
	}
	return fmt.Sprintf("https://%s/w/%d?tk=%s", c.profile.WebHost, t.s.ID, r.JoinToken)
}

// dailyCount reads (and, with add, bumps) a per-registrant daily counter.
func (c *call) dailyCount(prefix, name string, add bool) int {
	day := dayKey(c.now)
	c.s.st.pruneCounters(prefix, day)
	key := prefix + day + "|" + name
	if add {
		c.s.st.Counters[key]++
		c.s.countersDirty = true
	}
	return c.s.st.Counters[key]
}

// --- POST .../registrants ---------------------------------------------------------------------------------------

// registrantCreated is the create response: {id, join_url, registrant_id, start_time, topic, occurrences}.
// id is the meeting's number (an integer) or the webinar's (a string, per the webinar schema).
type registrantCreated struct {
	ID           any              `json:"id"`
	JoinURL      string           `json:"join_url,omitempty"`
	RegistrantID string           `json:"registrant_id"`
	StartTime    string           `json:"start_time,omitempty"`
	Topic        string           `json:"topic"`
	Occurrences  []occurrenceView `json:"occurrences,omitempty"`
}

// addRegistrant registers someone. approval_type 0 → approved with a join_url; 1 → pending without one
// (meetings: unless auto_approve). An e-mail that is already registered gets its existing registration
// back (Profile.RegistrantReadd; the stored details are kept, newly chosen occurrences are added). With
// registration_type 2 or 3 on a recurring meeting or webinar, occurrence_ids picks the occurrences;
// otherwise the registration covers every occurrence.
func (c *call) addRegistrant(t *regTarget) apiResponse {
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	if !t.on {
		return t.notEnabled(regAdd)
	}
	f := newFieldReader(body)
	in := readRegistrant(f, t.webinar)
	autoApprove := false
	if !t.webinar {
		autoApprove, _ = f.boolean("auto_approve")
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	in.CustomQuestions = c.keptQuestions(in.CustomQuestions)
	var occIDs []string
	if raw := c.query("occurrence_ids"); raw != "" {
		for _, id := range strings.Split(raw, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if t.s.findOccurrence(c.profile, id) == nil {
				return errResp(http.StatusBadRequest, codeValidation, msgInvalidOccurrenceIDs)
			}
			if !containsString(occIDs, id) {
				occIDs = append(occIDs, id)
			}
		}
	}
	if !t.s.fixedRecurring() || (t.registrationType != 2 && t.registrationType != 3) {
		occIDs = nil // registration_type 1 (or no occurrences): one registration for everything
	}
	if t.webinar && t.host != nil && strings.EqualFold(in.Email, t.host.Email) {
		return errResp(http.StatusBadRequest, codeHostCannotRegister, msgHostCannotRegister)
	}
	if t.webinar && t.s.Type == 5 && t.s.EndedOnce {
		// webinarRegistrantCreate documents 3038 for a webinar that is over; a recurring webinar may still have
		// occurrences to come.
		return errResp(http.StatusBadRequest, codeWebinarOver, msgWebinarOver)
	}
	existing := t.findRegistrantEmail(in.Email)
	if existing != nil && c.profile.RegistrantReadd == RegistrantReaddError {
		return errResp(http.StatusBadRequest, codeMeetingGeneric, fmt.Sprintf(msgRegistrantAlreadyRegistered, in.Email))
	}
	counterName := strconv.FormatInt(t.s.ID, 10) + "|" + strings.ToLower(in.Email)
	if limit := c.profile.RegistrantDailyAdds; limit > 0 && c.dailyCount(registrantAddsCounter, counterName, false) >= limit {
		msg := msgRegistrantAddLimitMeeting
		if t.webinar {
			msg = msgRegistrantAddLimitWebinar
		}
		return errResp(http.StatusTooManyRequests, codeRateLimited, fmt.Sprintf(msg, limit, in.Email))
	}
	r := existing
	if r == nil {
		status := registrantApproved
		if t.approvalType == 1 && !autoApprove {
			status = registrantPending
		}
		if !t.webinar {
			capacity := c.profile.MeetingRegistrantCapacity
			if capacity <= 0 {
				capacity = defaultRegistrantCapacity
			}
			if len(t.s.Registrants) >= capacity {
				return errResp(http.StatusBadRequest, codeMeetingCapacity, msgMeetingCapacity)
			}
		} else if status == registrantApproved && t.restrictNumber > 0 && t.approvedCount() >= t.restrictNumber {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, msgWebinarAttendeeLimit)
		}
		r = in
		st := c.s.st
		st.NextSeq++
		r.Seq = st.NextSeq
		r.ID = newZoomID()
		r.Status = status
		r.OccurrenceIDs = sortedOccurrenceIDs(occIDs)
		r.CreateTime = c.now.UTC().Truncate(time.Second)
		if status == registrantApproved {
			mintJoinToken(r)
		}
		t.s.Registrants = append(t.s.Registrants, r)
	} else if len(occIDs) > 0 && len(r.OccurrenceIDs) > 0 {
		for _, id := range occIDs {
			if !containsString(r.OccurrenceIDs, id) {
				r.OccurrenceIDs = append(r.OccurrenceIDs, id)
			}
		}
		r.OccurrenceIDs = sortedOccurrenceIDs(r.OccurrenceIDs)
	}
	c.dailyCount(registrantAddsCounter, counterName, true)
	c.s.dirty = true

	out := registrantCreated{ID: t.s.ID, RegistrantID: r.ID, Topic: t.s.Topic, JoinURL: c.registrantJoinURL(t, r)}
	if t.webinar {
		out.ID = strconv.FormatInt(t.s.ID, 10)
	}
	if start, ok := c.viewStartTime(t.s); ok {
		out.StartTime = formatZoomTime(start)
	}
	out.Occurrences = c.registrantOccurrences(t, r)
	return jsonResp(http.StatusCreated, out)
}

// registrantOccurrences renders the current occurrences r is registered for (recurring sessions only).
func (c *call) registrantOccurrences(t *regTarget, r *registrant) []occurrenceView {
	var out []occurrenceView
	for _, o := range c.occurrenceViews(t.s, false) {
		if r.registeredFor(o.OccurrenceID) {
			out = append(out, o)
		}
	}
	return out
}

// keptQuestions is what a registration keeps of the custom question answers sent (Profile.RegistrantCustomQuestions).
func (c *call) keptQuestions(sent []customQuestion) []customQuestion {
	if c.profile.RegistrantCustomQuestions != RegistrantQuestionsDefined {
		return sent
	}
	var out []customQuestion
	for _, title := range c.profile.RegistrantDefinedQuestions {
		for _, q := range sent {
			if q.Title == title {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// readRegistrant validates a registrant create body (email and first_name required).
func readRegistrant(f *fieldReader, webinar bool) *registrant {
	r := &registrant{}
	email, hasEmail := f.str("email", 128)
	if (!hasEmail || !validEmail(email)) && !containsField(f.errors(), "email") {
		f.fail("email")
	}
	r.Email = email
	first, hasFirst := f.str("first_name", 64)
	if (!hasFirst || strings.TrimSpace(first) == "") && !containsField(f.errors(), "first_name") {
		f.fail("first_name")
	}
	r.FirstName = first
	r.LastName, _ = f.str("last_name", 64)
	for _, p := range []struct {
		name string
		dst  *string
	}{{"address", &r.Address}, {"city", &r.City}, {"state", &r.State}, {"zip", &r.Zip}, {"country", &r.Country},
		{"phone", &r.Phone}, {"comments", &r.Comments}, {"industry", &r.Industry}, {"job_title", &r.JobTitle}, {"org", &r.Org}} {
		*p.dst, _ = f.str(p.name, 0)
	}
	for _, e := range []struct {
		name    string
		dst     *string
		allowed map[string]bool
	}{{"no_of_employees", &r.NoOfEmployees, noOfEmployeesValues}, {"purchasing_time_frame", &r.PurchasingTimeFrame, purchasingTimeFrames},
		{"role_in_purchase_process", &r.RoleInPurchaseProcess, purchaseRoles}, {"language", &r.Language, registrantLanguages}} {
		if v, ok := f.str(e.name, 0); ok {
			if !e.allowed[v] {
				f.fail(e.name)
				continue
			}
			*e.dst = v
		}
	}
	if items, ok := f.array("custom_questions", 0); ok {
		for i, raw := range items {
			el, ok := f.element("custom_questions", i, raw)
			if !ok {
				continue
			}
			var q customQuestion
			q.Title, _ = el.str("title", 0)
			q.Value, _ = el.str("value", 128)
			r.CustomQuestions = append(r.CustomQuestions, q)
		}
	}
	return r
}

// --- views ------------------------------------------------------------------------------------------------------

// registrantView is a registrant of GET one and of the lists. The address group (pointers) is left out of
// webinar list items unless Profile.WebinarRegistrantListAddressFields; language is only in the webinar GET
// one schema.
type registrantView struct {
	ID                    string           `json:"id"`
	Email                 string           `json:"email"`
	FirstName             string           `json:"first_name"`
	LastName              string           `json:"last_name"`
	Address               *string          `json:"address,omitempty"`
	City                  *string          `json:"city,omitempty"`
	Country               string           `json:"country"`
	Zip                   *string          `json:"zip,omitempty"`
	State                 *string          `json:"state,omitempty"`
	Phone                 *string          `json:"phone,omitempty"`
	Industry              *string          `json:"industry,omitempty"`
	Org                   *string          `json:"org,omitempty"`
	JobTitle              *string          `json:"job_title,omitempty"`
	PurchasingTimeFrame   string           `json:"purchasing_time_frame"`
	RoleInPurchaseProcess string           `json:"role_in_purchase_process"`
	NoOfEmployees         string           `json:"no_of_employees"`
	Comments              *string          `json:"comments,omitempty"`
	CustomQuestions       []customQuestion `json:"custom_questions"`
	Language              *string          `json:"language,omitempty"`
	Status                string           `json:"status"`
	CreateTime            string           `json:"create_time"`
	JoinURL               string           `json:"join_url,omitempty"`
}

func (c *call) viewRegistrant(t *regTarget, r *registrant, listItem bool) registrantView {
	v := registrantView{
		ID: r.ID, Email: r.Email, FirstName: r.FirstName, LastName: r.LastName, Country: r.Country,
		PurchasingTimeFrame: r.PurchasingTimeFrame, RoleInPurchaseProcess: r.RoleInPurchaseProcess, NoOfEmployees: r.NoOfEmployees,
		CustomQuestions: append([]customQuestion{}, r.CustomQuestions...),
		Status:          r.Status, CreateTime: formatZoomTime(r.CreateTime), JoinURL: c.registrantJoinURL(t, r),
	}
	if !(t.webinar && listItem && !c.profile.WebinarRegistrantListAddressFields) {
		v.Address, v.City, v.Zip, v.State, v.Phone = ptr(r.Address), ptr(r.City), ptr(r.Zip), ptr(r.State), ptr(r.Phone)
		v.Industry, v.Org, v.JobTitle, v.Comments = ptr(r.Industry), ptr(r.Org), ptr(r.JobTitle), ptr(r.Comments)
	}
	if t.webinar && !listItem && r.Language != "" {
		// The schema's language enum has no "": a registrant who chose no language has none.
		v.Language = ptr(r.Language)
	}
	return v
}

// --- GET .../registrants ------------------------------------------------------------------------------------------

type registrantListResponse struct {
	pageMeta
	Registrants []registrantView `json:"registrants"`
}

// listRegistrants lists registrants with status (default approved) in registration order; occurrence_id keeps
// those registered for that occurrence. The webinar list's tracking_source_id is accepted and ignored (the
// sandbox has no tracking sources).
func (c *call) listRegistrants(t *regTarget) apiResponse {
	if !t.on {
		return t.notEnabled(regRead)
	}
	status := c.query("status")
	if status == "" {
		status = registrantApproved
	}
	if status != registrantApproved && status != registrantPending && status != registrantDenied {
		return validationResp([]fieldError{{Field: "status", Message: msgInvalidField}})
	}
	occ, bad := c.queryOccurrence(t)
	if bad != nil {
		return *bad
	}
	var matched []*registrant
	var seqs []int64
	for _, r := range t.s.Registrants {
		if r.Status == status && (occ == "" || r.registeredFor(occ)) {
			matched = append(matched, r)
			seqs = append(seqs, r.Seq)
		}
	}
	kind := "meeting"
	if t.webinar {
		kind = "webinar"
	}
	lo, hi, meta, bad := c.paginate(fmt.Sprintf("registrants|%s|%d|%s|%s", kind, t.s.ID, status, occ), seqs, 30, 300)
	if bad != nil {
		return *bad
	}
	out := registrantListResponse{pageMeta: meta, Registrants: make([]registrantView, 0, hi-lo)}
	for _, r := range matched[lo:hi] {
		out.Registrants = append(out.Registrants, c.viewRegistrant(t, r, true))
	}
	return jsonResp(http.StatusOK, out)
}

// --- GET .../registrants/{registrantId} ------------------------------------------------------------------------------

func (c *call) getRegistrant(t *regTarget) apiResponse {
	if !t.on {
		return t.notEnabled(regRead)
	}
	if t.webinar {
		if _, bad := c.queryOccurrence(t); bad != nil {
			return *bad
		}
	}
	ref := c.params["registrantId"]
	r := t.findRegistrant(ref)
	if r == nil {
		return c.registrantNotFound(ref)
	}
	return jsonResp(http.StatusOK, c.viewRegistrant(t, r, false))
}

// --- DELETE .../registrants/{registrantId} -----------------------------------------------------------------------------

// deleteRegistrant removes a registration; with occurrence_id only that occurrence is dropped from it (and the
// registration goes when no occurrence is left).
func (c *call) deleteRegistrant(t *regTarget) apiResponse {
	if !t.on {
		return t.notEnabled(regDelete)
	}
	occ, bad := c.queryOccurrence(t)
	if bad != nil {
		return *bad
	}
	ref := c.params["registrantId"]
	if !registrantIDRE.MatchString(ref) {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidRegistrantID)
	}
	r := t.findRegistrant(ref)
	if r == nil {
		return c.registrantNotFound(ref)
	}
	if occ != "" && t.s.fixedRecurring() {
		if !r.registeredFor(occ) {
			return c.registrantNotFound(ref)
		}
		ids := r.OccurrenceIDs
		if len(ids) == 0 {
			for _, o := range t.s.occurrences(c.profile) {
				if !o.Deleted {
					ids = append(ids, o.ID)
				}
			}
		}
		r.OccurrenceIDs = removeString(ids, occ)
		if len(r.OccurrenceIDs) > 0 {
			c.s.dirty = true
			return noContent()
		}
	}
	t.removeRegistrant(r)
	c.s.dirty = true
	return noContent()
}

// --- PUT .../registrants/status --------------------------------------------------------------------------------------------

// updateRegistrantStatus applies approve (pending or denied → approved, with a join link), deny (→ denied) or
// cancel (approved → Profile.RegistrantCancelStatus; others unchanged) to up to 30 registrants named by id or
// e-mail. Nothing changes when one of them is unknown, over its daily limit or, for approve on a webinar with
// registrants_restrict_number, over the cap (400 code 3035). occurrence_id is checked; the status applies to
// the whole registration (per-occurrence statuses are not modelled).
func (c *call) updateRegistrantStatus(t *regTarget) apiResponse {
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	if !t.on {
		return t.notEnabled(regRead)
	}
	f := newFieldReader(body)
	action, has := f.str("action", 0)
	if (has && action != "approve" && action != "cancel" && action != "deny") || (!has && !containsField(f.errors(), "action")) {
		f.fail("action")
	}
	type ref struct{ id, email string }
	var refs []ref
	items, hasItems := f.array("registrants", 30)
	if !hasItems && !containsField(f.errors(), "registrants") || hasItems && len(items) == 0 {
		f.fail("registrants")
	}
	for i, raw := range items {
		el, ok := f.element("registrants", i, raw)
		if !ok {
			continue
		}
		id, hasID := el.str("id", 0)
		email, hasEmail := el.str("email", 0)
		if !hasID && !hasEmail && !containsField(f.errors(), el.prefix+"id") && !containsField(f.errors(), el.prefix+"email") {
			el.fail("id")
		}
		refs = append(refs, ref{id, email})
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if _, bad := c.queryOccurrence(t); bad != nil {
		return *bad
	}
	var targets []*registrant
	for _, x := range refs {
		var r *registrant
		name := x.id
		if x.id != "" {
			r = t.findRegistrant(x.id)
		} else {
			r, name = t.findRegistrantEmail(x.email), x.email
		}
		if r == nil {
			return c.registrantNotFound(name)
		}
		if !containsRegistrant(targets, r) {
			targets = append(targets, r)
		}
	}
	if limit := c.profile.RegistrantDailyStatusChanges; limit > 0 {
		for _, r := range targets {
			if c.dailyCount(registrantStatusCounter, strconv.FormatInt(t.s.ID, 10)+"|"+r.ID, false) >= limit {
				kind := "meeting"
				if t.webinar {
					kind = "webinar"
				}
				return errResp(http.StatusTooManyRequests, codeRateLimited, fmt.Sprintf(msgRegistrantStatusLimit, limit, kind, r.Email))
			}
		}
	}
	if action == "approve" && t.webinar && t.restrictNumber > 0 {
		newly := 0
		for _, r := range targets {
			if r.Status != registrantApproved {
				newly++
			}
		}
		if newly > 0 && t.approvedCount()+newly > t.restrictNumber {
			return errResp(http.StatusBadRequest, codeWebinarCapacity, msgWebinarCapacity)
		}
	}
	for _, r := range targets {
		switch action {
		case "approve":
			r.Status = registrantApproved
			mintJoinToken(r)
		case "deny":
			r.Status = registrantDenied
		case "cancel":
			if r.Status != registrantApproved {
				break
			}
			if c.profile.RegistrantCancelStatus == RegistrantCancelDeleted {
				t.removeRegistrant(r)
			} else {
				r.Status = registrantDenied
			}
		}
		c.dailyCount(registrantStatusCounter, strconv.FormatInt(t.s.ID, 10)+"|"+r.ID, true)
	}
	c.s.dirty = true
	return noContent()
}

func containsRegistrant(list []*registrant, r *registrant) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// sortedOccurrenceIDs orders occurrence ids (epoch milliseconds) by time.
func sortedOccurrenceIDs(ids []string) []string {
	out := append([]string(nil), ids...)
	sort.Slice(out, func(i, j int) bool {
		a, _ := strconv.ParseInt(out[i], 10, 64)
		b, _ := strconv.ParseInt(out[j], 10, 64)
		return a < b
	})
	return out
}
