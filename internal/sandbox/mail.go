package sandbox

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Zoom Mail: the mailbox vacation responder (docs/development/zoom-api.md#zoom-mail-vacation-responder, Zoom's Mail API spec). The language setting
// (…/settings/language) is not in the Mail spec and is not emulated: its path answers 404 code 2300 like any
// unknown endpoint.
//
// A mailbox exists for every active user of an account whose plan is not free and that has Zoom Mail
// (Profile.MailEnabled), unless the user's e-mail is in Profile.MailUnprovisionedMailboxes. The Mail API refuses
// every mailbox while Profile.MailE2EE is on. The knobs Profile.MailPutOmitted, MailTimePrecedence,
// MailEmptyFields and MailUnavailableError cover what Zoom's documents leave unconfirmed (docs/development/zoom-api.md#zoom-mail-vacation-responder).

// Mail API errors: the Mail spec documents code 400 with these messages for GET and PUT; the ones marked
// "sandbox wording" are only used with MailUnavailableError "descriptive" or "not_found".
const (
	codeMailInvalid   = 400
	codeMailNotFound  = 404
	msgMailInvalidGet = "Invalid Request"
	msgMailInvalidPut = "Invalid Argument."
	// Sandbox wording.
	msgMailDisabled     = "Zoom Mail service is not enabled for this account, or its onboarding is not complete."
	msgMailE2EE         = "Zoom Mail end-to-end encryption is enabled for this account; the Mail API cannot access its mailboxes."
	msgMailboxNotExists = "Mailbox does not exist: %s."
)

// mailbox is the stored Mail state of one user's mailbox.
type mailbox struct {
	Vacation vacation `json:"vacation"`
}

// vacation is a stored vacation responder. Times are epoch milliseconds, 0 = not set.
type vacation struct {
	EnableAutoReply     bool      `json:"enable_auto_reply"`
	ResponseSubject     string    `json:"response_subject,omitempty"`
	ResponseBodyPlain   string    `json:"response_body_plain_text,omitempty"`
	ResponseBodyHTML    string    `json:"response_body_html,omitempty"`
	EnableAlwaysRespond bool      `json:"enable_always_respond,omitempty"`
	RestrictToContacts  bool      `json:"restrict_to_contacts,omitempty"`
	RestrictToDomain    bool      `json:"restrict_to_domain,omitempty"`
	StartMS             int64     `json:"start_ms,omitempty"`
	EndMS               int64     `json:"end_ms,omitempty"`
	UpdatedAt           time.Time `json:"updated_at"`
}

// vacationView is the wire form of the vacation object; nil fields are omitted.
type vacationView struct {
	EnableAutoReply       bool    `json:"enableAutoReply"`
	ResponseSubject       *string `json:"responseSubject,omitempty"`
	ResponseBodyPlainText *string `json:"responseBodyPlainText,omitempty"`
	ResponseBodyHTML      *string `json:"responseBodyHtml,omitempty"`
	EnableAlwaysRespond   *bool   `json:"enableAlwaysRespond,omitempty"`
	RestrictToContacts    *bool   `json:"restrictToContacts,omitempty"`
	RestrictToDomain      *bool   `json:"restrictToDomain,omitempty"`
	StartTime             *string `json:"startTime,omitempty"`
	StartTimeISO          *string `json:"startTimeISO,omitempty"`
	EndTime               *string `json:"endTime,omitempty"`
	EndTimeISO            *string `json:"endTimeISO,omitempty"`
}

// mailISOLayout is the *ISO form in the spec's examples: UTC with milliseconds.
const mailISOLayout = "2006-01-02T15:04:05.000Z"

// mailRoutes declares the Mail endpoints with the spec's scopes (x-macro-scopes, x-granular-scopes) and
// rate-limit label.
func mailRoutes() []*route {
	const p = "/v2/emails/mailboxes/{email}/settings/vacation"
	return []*route{
		{method: http.MethodGet, pattern: p, category: CategoryLight,
			macroScopes:    []string{"mail:read", "mail:read:admin"},
			granularScopes: []string{"email:read:setting_vacation", "email:read:setting_vacation:admin"},
			handler:        (*call).getVacation},
		{method: http.MethodPut, pattern: p, category: CategoryLight,
			macroScopes:    []string{"mail:write", "mail:write:admin"},
			granularScopes: []string{"email:update:setting_vacation", "email:update:setting_vacation:admin"},
			handler:        (*call).updateVacation},
	}
}

// mailUnavailable builds the answer for a mailbox the Mail API cannot serve. put selects the operation's
// documented message; missing is true when the mailbox itself is unknown or unprovisioned (rather than Mail
// being unavailable to the whole account); detail is the cause in sandbox wording.
func (c *call) mailUnavailable(put, missing bool, detail string) apiResponse {
	msg := msgMailInvalidGet
	if put {
		msg = msgMailInvalidPut
	}
	switch c.profile.MailUnavailableError {
	case MailUnavailableDescriptive:
		msg = detail
	case MailUnavailableNotFound:
		if missing {
			return errResp(http.StatusNotFound, codeMailNotFound, detail)
		}
	}
	return errResp(http.StatusBadRequest, codeMailInvalid, msg)
}

// pathMailbox resolves {email} to the user who owns the mailbox, or the answer to give.
func (c *call) pathMailbox(put bool) (*user, *apiResponse) {
	ref := c.params["email"]
	p := c.profile
	if p.Plan == PlanFree || !p.MailEnabled {
		return nil, ptr(c.mailUnavailable(put, false, msgMailDisabled))
	}
	if p.MailE2EE {
		return nil, ptr(c.mailUnavailable(put, false, msgMailE2EE))
	}
	var u *user
	switch {
	case ref == "me":
		// The authenticated user's primary mailbox; an S2S token acts for the account owner here, as for /users/me.
		if p.MeMapsToOwner {
			u = c.s.st.owner()
		}
	case strings.Contains(ref, "@"):
		u = c.s.st.byEmail[strings.ToLower(ref)]
	}
	if u == nil || u.Status != statusActive || mailUnprovisioned(p, u.Email) {
		return nil, ptr(c.mailUnavailable(put, true, fmt.Sprintf(msgMailboxNotExists, ref)))
	}
	return u, nil
}

func mailUnprovisioned(p *Profile, email string) bool {
	for _, m := range p.MailUnprovisionedMailboxes {
		if strings.EqualFold(strings.TrimSpace(m), email) {
			return true
		}
	}
	return false
}

// mailboxOf returns the stored mailbox of u, or nil when it never set anything.
func (st *state) mailboxOf(u *user) *mailbox {
	return st.Mailboxes[u.ID]
}

func (c *call) getVacation() apiResponse {
	u, bad := c.pathMailbox(false)
	if bad != nil {
		return *bad
	}
	var v vacation
	if mb := c.s.st.mailboxOf(u); mb != nil {
		v = mb.Vacation
	}
	return jsonResp(http.StatusOK, c.viewVacation(&v))
}

// vacationFields are the fields of the PUT body (the spec sets additionalProperties: false).
var vacationFields = map[string]bool{
	"enableAutoReply": true, "responseSubject": true, "responseBodyPlainText": true, "responseBodyHtml": true,
	"enableAlwaysRespond": true, "restrictToContacts": true, "restrictToDomain": true,
	"startTime": true, "startTimeISO": true, "endTime": true, "endTimeISO": true,
}

func (c *call) updateVacation() apiResponse {
	u, bad := c.pathMailbox(true)
	if bad != nil {
		return *bad
	}
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	invalid := errResp(http.StatusBadRequest, codeMailInvalid, msgMailInvalidPut)
	for k := range body {
		if !vacationFields[k] {
			return invalid
		}
	}
	f := newFieldReader(body)
	enable, has := f.boolean("enableAutoReply")
	if !has || len(f.errors()) > 0 {
		return invalid
	}

	st := c.s.st
	var v vacation
	if mb := st.mailboxOf(u); mb != nil && c.profile.MailPutOmitted == MailPutKeep {
		v = mb.Vacation
	}
	v.EnableAutoReply = enable
	for name, dst := range map[string]*string{
		"responseSubject": &v.ResponseSubject, "responseBodyPlainText": &v.ResponseBodyPlain, "responseBodyHtml": &v.ResponseBodyHTML,
	} {
		if s, ok := f.str(name, 0); ok {
			*dst = s
		}
	}
	for name, dst := range map[string]*bool{
		"enableAlwaysRespond": &v.EnableAlwaysRespond, "restrictToContacts": &v.RestrictToContacts, "restrictToDomain": &v.RestrictToDomain,
	} {
		if b, ok := f.boolean(name); ok {
			*dst = b
		}
	}
	start, okStart := c.readMailTime(f, "startTime", "startTimeISO")
	end, okEnd := c.readMailTime(f, "endTime", "endTimeISO")
	if len(f.errors()) > 0 || !okStart || !okEnd {
		return invalid
	}
	if start != nil {
		v.StartMS = *start
	}
	if end != nil {
		v.EndMS = *end
	}
	v.ResponseBodyHTML = sanitizeHTML(v.ResponseBodyHTML)
	if v.StartMS != 0 && v.EndMS != 0 && v.StartMS >= v.EndMS {
		return invalid
	}
	if v.EnableAutoReply && v.ResponseSubject == "" && v.ResponseBodyPlain == "" && v.ResponseBodyHTML == "" {
		return invalid
	}
	v.UpdatedAt = c.now.UTC()

	if st.Mailboxes == nil {
		st.Mailboxes = map[string]*mailbox{}
	}
	for id := range st.Mailboxes {
		if st.byID[id] == nil {
			delete(st.Mailboxes, id) // the mailbox of a deleted user
		}
	}
	st.Mailboxes[u.ID] = &mailbox{Vacation: v}
	c.s.dirty = true
	return jsonResp(http.StatusOK, c.viewVacation(&v))
}

// readMailTime reads one time of the PUT body in its epoch-millisecond and ISO forms. It returns nil when neither
// is sent, a pointer to 0 when the time is cleared (""), and ok = false for an invalid value or, with
// MailTimePrecedence "reject", two forms that disagree.
func (c *call) readMailTime(f *fieldReader, epochName, isoName string) (*int64, bool) {
	epochRaw, hasEpoch := f.str(epochName, 0)
	isoRaw, hasISO := f.str(isoName, 0)
	if c.profile.MailEmptyTime == MailEmptyTimeRefuse && ((hasEpoch && epochRaw == "") || (hasISO && isoRaw == "")) {
		return nil, false
	}
	var epoch, iso int64
	if hasEpoch && epochRaw != "" {
		n, err := strconv.ParseInt(epochRaw, 10, 64)
		if err != nil || n <= 0 {
			return nil, false
		}
		epoch = n
	}
	if hasISO && isoRaw != "" {
		t, err := time.Parse(time.RFC3339Nano, isoRaw)
		if err != nil || t.UnixMilli() <= 0 {
			return nil, false
		}
		iso = t.UnixMilli()
	}
	switch {
	case !hasEpoch && !hasISO:
		return nil, true
	case hasEpoch && !hasISO:
		return &epoch, true
	case !hasEpoch && hasISO:
		return &iso, true
	case epoch == iso:
		return &epoch, true
	case epoch == 0: // an empty form does not compete with a value
		return &iso, true
	case iso == 0:
		return &epoch, true
	}
	switch c.profile.MailTimePrecedence {
	case MailTimeISO:
		return &iso, true
	case MailTimeReject:
		return nil, false
	default:
		return &epoch, true
	}
}

// viewVacation renders v with both time forms; fields without a value are omitted or zero per MailEmptyFields.
func (c *call) viewVacation(v *vacation) vacationView {
	zero := c.profile.MailEmptyFields == MailEmptyZero
	str := func(s string) *string {
		if s == "" && !zero {
			return nil
		}
		return &s
	}
	flag := func(b bool) *bool {
		if !b && !zero {
			return nil
		}
		return &b
	}
	out := vacationView{
		EnableAutoReply:       v.EnableAutoReply,
		ResponseSubject:       str(v.ResponseSubject),
		ResponseBodyPlainText: str(v.ResponseBodyPlain),
		ResponseBodyHTML:      str(v.ResponseBodyHTML),
		EnableAlwaysRespond:   flag(v.EnableAlwaysRespond),
		RestrictToContacts:    flag(v.RestrictToContacts),
		RestrictToDomain:      flag(v.RestrictToDomain),
	}
	out.StartTime, out.StartTimeISO = str(""), str("")
	out.EndTime, out.EndTimeISO = str(""), str("")
	if v.StartMS != 0 {
		out.StartTime, out.StartTimeISO = mailTimeForms(v.StartMS)
	}
	if v.EndMS != 0 {
		out.EndTime, out.EndTimeISO = mailTimeForms(v.EndMS)
	}
	return out
}

func mailTimeForms(ms int64) (*string, *string) {
	epoch := strconv.FormatInt(ms, 10)
	iso := time.UnixMilli(ms).UTC().Format(mailISOLayout)
	return &epoch, &iso
}

// HTML sanitising: Zoom "will sanitize the HTML before storing it" (spec), so what GET returns may differ from what
// was sent. The sandbox removes scripts and event-handler attributes and drops the whitespace between tags.
var (
	scriptElementRE = regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script\s*>`)
	openScriptRE    = regexp.MustCompile(`(?is)<script\b.*$`)
	tagRE           = regexp.MustCompile(`<[A-Za-z][^<>]*>`)
	eventAttrRE     = regexp.MustCompile(`(?i)\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)`)
	interTagSpaceRE = regexp.MustCompile(`>\s+<`)
)

func sanitizeHTML(s string) string {
	if s == "" {
		return ""
	}
	s = scriptElementRE.ReplaceAllString(s, "")
	s = openScriptRE.ReplaceAllString(s, "")
	s = tagRE.ReplaceAllStringFunc(s, func(tag string) string { return eventAttrRE.ReplaceAllString(tag, "") })
	s = interTagSpaceRE.ReplaceAllString(s, "><")
	return strings.TrimSpace(s)
}
