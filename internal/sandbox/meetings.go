package sandbox

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // meeting time zones must resolve even where the system has no zoneinfo
)

// Meeting statuses. "finished" is only used with Profile.EndedMeetingStatus = "finished".
const (
	meetingWaiting  = "waiting"
	meetingStarted  = "started"
	meetingFinished = "finished"
)

// Messages of the meetings API: Zoom's where the spec or an observed answer gives them; the ones marked "sandbox
// wording" are not confirmed by a source.
const (
	msgHostNotFound          = "User %s not exist or not belong to this account."
	msgMeetingNotExist       = "Meeting does not exist: %s."
	msgMeetingExpired        = "Meeting %s is not found or has expired."
	msgHostingNotAllowed     = "Meeting hosting and scheduling capabilities are not allowed for your user account."
	msgPendingHost           = "You can not access settings of users that are still in pending state."
	msgInstantScheduleFor    = "Instant meetings do not support the schedule_for parameter; you cannot schedule an instant meeting for another user."
	msgInstantScheduleForUpd = "Instant meetings do not support the \"schedule_for\" parameter. You cannot schedule an instant meeting for another user."
	msgInvalidScheduleFor    = "The value that you entered for the schedule_for field is invalid. Enter a valid value and try again."
	msgPrescheduleTypes      = "Prescheduling is only available for scheduled meetings (type 2) and recurring meetings with no fixed time (type 3)."
	msgMeetingStartedUpdate  = "You cannot update or delete meetings that have started using this method."
	msgMeetingInProgress     = "Sorry, you cannot delete this meeting since it is in progress."
	msgMeetingEnded          = "Sorry, you cannot delete this meeting since it has ended."
	msgInvalidOccurrence     = "Invalid occurrence_id."
	msgInvalidRecurrence     = "Invalid recurrence settings"
	msgBasicRegistration     = "Registration cannot be enabled for a basic user."
	msgMeetingDailyLimit     = "You have exceeded the daily rate limit (%d) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."
	msgInvalidTemplateID     = "Invalid template ID"
	msgInvalidAltHost        = "Invalid alternative host: %s"
	msgDeletePMI             = "Not allowed to delete PMI."
	// Sandbox wording.
	msgRegistrationType = "Registration is only available for scheduled meetings (type 2) and recurring meetings with a fixed time (type 8)."
	msgUserTemplate     = "Only account admin meeting templates can be used to create a meeting: %s."

	codeHostPending    = 1000
	codeMeetingGeneric = 3000
	codeMeetingMissing = 3001
	codeInProgress     = 3002
	codeMeetingEnded   = 3007
	codeDeletePMI      = 3018
	codeCannotHost     = 3161
)

// meetingWritesCounter prefixes the per-host daily counter of meeting and webinar create/update requests
// ("meeting_webinar_writes|<day>|<host id>"); webinar create/update requests count into the same key.
const meetingWritesCounter = "meeting_webinar_writes|"

// ErrMeetingNotFound is returned by the Go API for a meeting that does not exist, was deleted or has expired.
var ErrMeetingNotFound = errors.New("sandbox: meeting not found")

// meeting is a stored meeting: the shared session fields plus the meeting-only ones. Occurrences are computed
// from Recurrence, never stored.
type meeting struct {
	session
	AssistantID string          `json:"assistant_id,omitempty"`
	PreSchedule bool            `json:"pre_schedule,omitempty"`
	Settings    meetingSettings `json:"settings"`
}

type trackingField struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// clone returns a deep copy of m (registrants are shared, see session.Registrants).
func (m *meeting) clone() *meeting {
	c := *m
	c.session = m.cloneSession()
	c.Settings = m.Settings.clone()
	return &c
}

func (m *meeting) registrationOn() bool {
	return m.Settings.ApprovalType == 0 || m.Settings.ApprovalType == 1
}

var meetingTypes = map[int64]bool{1: true, 2: true, 3: true, 8: true}

// --- state helpers -------------------------------------------------------------

// newMeetingNumber returns an unused 11-digit meeting number. Meetings and webinars share one number space
// (docs/development/zoom-api.md#meeting-and-webinar-ids): meetingNumberTaken covers live and deleted webinars too.
func (st *state) newMeetingNumber() int64 {
	for {
		if n := randomDigits(11); !st.meetingNumberTaken(n) {
			return n
		}
	}
}

func (st *state) meetingNumberTaken(n int64) bool {
	if st.meetingsByID[n] != nil || st.webinarsByID[n] != nil {
		return true
	}
	for _, m := range st.DeletedMeetings {
		if m.ID == n {
			return true
		}
	}
	for _, id := range st.DeletedWebinarIDs {
		if id == n {
			return true
		}
	}
	return false
}

// addMeeting appends a new meeting with the next sequence number.
func (st *state) addMeeting(m *meeting) {
	st.NextSeq++
	m.Seq = st.NextSeq
	st.Meetings = append(st.Meetings, m)
	st.meetingsByID[m.ID] = m
}

func (st *state) removeMeeting(m *meeting) {
	st.unindexMeeting(m)
	for i, x := range st.Meetings {
		if x == m {
			st.Meetings = append(st.Meetings[:i:i], st.Meetings[i+1:]...)
			return
		}
	}
}

// unindexMeeting drops m from the ID index. Meetings held on their host's PMI share that number, so the
// index then points to the newest other meeting with it, if any.
func (st *state) unindexMeeting(m *meeting) {
	if st.meetingsByID[m.ID] != m {
		return
	}
	delete(st.meetingsByID, m.ID)
	for _, x := range st.Meetings {
		if x != m && x.ID == m.ID {
			st.meetingsByID[x.ID] = x
		}
	}
}

// onHostPMI reports whether m is held on its host's Personal Meeting ID (its number is the PMI).
func (st *state) onHostPMI(m *meeting) bool {
	h := st.byID[m.HostID]
	return h != nil && h.PMI != 0 && m.ID == h.PMI
}

// deleteMeeting moves m to the tombstones, from where PUT status action=recover restores it. Its registrants
// are deleted with it (a recovered meeting has none).
func (st *state) deleteMeeting(m *meeting, now time.Time) {
	st.removeMeeting(m)
	t := now.UTC()
	m.DeletedAt = &t
	m.Registrants = nil
	st.DeletedMeetings = append(st.DeletedMeetings, m)
}

// restoreMeeting brings a tombstone back, keeping Meetings ordered by sequence number.
func (st *state) restoreMeeting(m *meeting) {
	for i, x := range st.DeletedMeetings {
		if x == m {
			st.DeletedMeetings = append(st.DeletedMeetings[:i:i], st.DeletedMeetings[i+1:]...)
			break
		}
	}
	m.DeletedAt = nil
	i := sort.Search(len(st.Meetings), func(i int) bool { return st.Meetings[i].Seq > m.Seq })
	st.Meetings = append(st.Meetings, nil)
	copy(st.Meetings[i+1:], st.Meetings[i:])
	st.Meetings[i] = m
	st.meetingsByID[m.ID] = m
}

// deletedMeeting returns the tombstone of meeting id, if any.
func (st *state) deletedMeeting(id int64) *meeting {
	for _, m := range st.DeletedMeetings {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// pruneDeletedMeetings forgets tombstones older than the recover window; it reports whether any went.
func (st *state) pruneDeletedMeetings(p *Profile, now time.Time) bool {
	if p.DeletedMeetingRecoverDays < 0 || len(st.DeletedMeetings) == 0 {
		return false
	}
	window := time.Duration(p.DeletedMeetingRecoverDays) * 24 * time.Hour
	kept := st.DeletedMeetings[:0:0]
	for _, m := range st.DeletedMeetings {
		if m.DeletedAt != nil && now.Sub(*m.DeletedAt) < window {
			kept = append(kept, m)
		}
	}
	pruned := len(kept) != len(st.DeletedMeetings)
	st.DeletedMeetings = kept
	return pruned
}

// removeUserMeetings handles the meetings of a user who is deleted or disassociated: with to != nil they
// move to that user (transfer_meeting), otherwise they and their tombstones are dropped. The user is also
// removed from other meetings' alternative hosts, and the user's own meeting templates go.
func (st *state) removeUserMeetings(u, to *user) {
	var keep []*meeting
	for _, m := range st.Meetings {
		if m.HostID == u.ID {
			if to == nil {
				st.unindexMeeting(m)
				continue
			}
			m.HostID = to.ID
		}
		m.AltHosts = removeString(m.AltHosts, u.ID)
		if to != nil && m.HostID == to.ID {
			m.AltHosts = removeString(m.AltHosts, to.ID)
		}
		keep = append(keep, m)
	}
	st.Meetings = keep
	var tombs []*meeting
	for _, m := range st.DeletedMeetings {
		if m.HostID == u.ID {
			if to == nil {
				continue
			}
			m.HostID = to.ID
		}
		tombs = append(tombs, m)
	}
	st.DeletedMeetings = tombs
	var tpls []*meetingTemplate
	for _, t := range st.MeetingTemplates {
		if t.Type == templateUser && t.OwnerID == u.ID {
			continue
		}
		tpls = append(tpls, t)
	}
	st.MeetingTemplates = tpls
}

func removeString(list []string, v string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// --- routes -------------------------------------------------------------------

// meetingRoutes declares the meetings API (docs/development/zoom-api.md#meetings; categories #rate-limits, scopes #scopes and the spec's
// classic scopes).
func meetingRoutes() []*route {
	readMacro := []string{"meeting:read:admin", "meeting:read"}
	writeMacro := []string{"meeting:write:admin", "meeting:write"}
	return []*route{
		{method: http.MethodPost, pattern: "/v2/users/{userId}/meetings", category: CategoryMedium,
			macroScopes: writeMacro, granularScopes: []string{"meeting:write:meeting:admin"}, handler: (*call).createMeeting},
		{method: http.MethodGet, pattern: "/v2/users/{userId}/meetings", category: CategoryMedium,
			macroScopes: readMacro, granularScopes: []string{"meeting:read:list_meetings:admin"}, handler: (*call).listMeetings},
		{method: http.MethodGet, pattern: "/v2/meetings/{meetingId}", category: CategoryLight,
			macroScopes: readMacro, granularScopes: []string{"meeting:read:meeting:admin"}, handler: (*call).getMeeting},
		{method: http.MethodPatch, pattern: "/v2/meetings/{meetingId}", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"meeting:update:meeting:admin"}, handler: (*call).updateMeeting},
		{method: http.MethodDelete, pattern: "/v2/meetings/{meetingId}", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"meeting:delete:meeting:admin"}, handler: (*call).deleteMeeting},
		// The granular scope is unconfirmed (docs/development/zoom-api.md#scopes).
		{method: http.MethodPut, pattern: "/v2/meetings/{meetingId}/status", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"meeting:update:status:admin"}, handler: (*call).updateMeetingStatus},
	}
}

// --- lookups and checks ----------------------------------------------------------

func meetingNotExist(ref string) apiResponse {
	return errResp(http.StatusNotFound, codeMeetingMissing, fmt.Sprintf(msgMeetingNotExist, ref))
}

func meetingExpiredResp(ref string) apiResponse {
	return errResp(http.StatusNotFound, codeMeetingMissing, fmt.Sprintf(msgMeetingExpired, ref))
}

// hostProblem answers Zoom's error when u may not host (or, with create, schedule) meetings:
//   - pending users: 400 code 1000 "You can not access settings of users that are still in pending state.",
//     what Zoom answered to a meeting create for a pending host (docs/development/zoom-api.md#error-codes, code 1000);
//   - type 4 (no Meetings licence): 400 code 3161 (docs/development/zoom-api.md#error-codes);
//   - create only, deactivated users: 400 code 3161 as well. Zoom's answer for an inactive host is not
//     documented; 3161 ("hosting and scheduling capabilities are not allowed") is Zoom's code for a
//     user who cannot host. Listing an inactive user's meetings works.
func hostProblem(u *user, create bool) *apiResponse {
	switch {
	case u.Status == statusPending:
		return ptr(errResp(http.StatusBadRequest, codeHostPending, msgPendingHost))
	case u.Type == 4, create && u.Status == statusInactive:
		return ptr(errResp(http.StatusBadRequest, codeCannotHost, msgHostingNotAllowed))
	}
	return nil
}

// pathHost resolves the {userId} of /users/{userId}/meetings (and meeting_templates): an unknown user is
// 404 code 1001 with the wording notFound (a format taking the {userId}), which docs/development/zoom-api.md#not-found-answers and
// the spec give for these routes instead of users' "User does not exist: {userId}.".
func (c *call) pathHost(notFound string) (*user, *apiResponse) {
	u, bad := c.pathUser()
	if bad != nil {
		return nil, ptr(errResp(http.StatusNotFound, codeUserNotFound, fmt.Sprintf(notFound, c.params["userId"])))
	}
	return u, nil
}

// parseMeetingID parses a {meetingId}: a positive int64.
func parseMeetingID(ref string) (int64, bool) {
	id, err := strconv.ParseInt(ref, 10, 64)
	return id, err == nil && id > 0
}

// pathMeeting resolves {meetingId} to a live meeting: unknown or deleted → 404 code 3001 "Meeting does not
// exist", expired → 404 code 3001 "... is not found or has expired.", a host who may not host → 3161.
func (c *call) pathMeeting() (*meeting, *apiResponse) {
	ref := c.params["meetingId"]
	id, ok := parseMeetingID(ref)
	if !ok {
		return nil, ptr(meetingNotExist(ref))
	}
	st := c.s.st
	if st.pruneDeletedMeetings(c.profile, c.now) {
		c.s.dirty = true
	}
	m := st.meetingsByID[id]
	if m == nil {
		if st.webinarsByID[id] != nil {
			return nil, ptr(c.wrongKindResp(ref, false))
		}
		return nil, ptr(meetingNotExist(ref))
	}
	if m.expired(c.profile, c.now) {
		return nil, ptr(meetingExpiredResp(ref))
	}
	if h := st.byID[m.HostID]; h != nil && h.Type == 4 {
		return nil, ptr(errResp(http.StatusBadRequest, codeCannotHost, msgHostingNotAllowed))
	}
	return m, nil
}

// meetingWriteLimit answers the per-host daily create/update limit (docs/development/zoom-api.md#per-host-daily-limit) when the host
// has used it up. Rejected requests are not counted: the handler calls countMeetingWrite on success.
func (c *call) meetingWriteLimit(hostID string) *apiResponse {
	limit := c.profile.MeetingDailyLimit
	if limit <= 0 {
		return nil
	}
	day := dayKey(c.now)
	c.s.st.pruneCounters(meetingWritesCounter, day)
	if c.s.st.Counters[meetingWritesCounter+day+"|"+hostID] < limit {
		return nil
	}
	resp := errResp(http.StatusTooManyRequests, codeRateLimited, fmt.Sprintf(msgMeetingDailyLimit, limit))
	if c.profile.MeetingDailyLimitHeaders {
		resp.header = http.Header{}
		resp.header.Set("X-RateLimit-Type", "Daily-limit")
		resp.header.Set("X-RateLimit-Limit", strconv.Itoa(limit))
		resp.header.Set("X-RateLimit-Remaining", "0")
		resp.header.Set("Retry-After", formatZoomTime(nextUTCMidnight(c.now)))
	} else {
		// Observed without a type header: drop the one the category limiter would add.
		resp.dropHeaders = []string{"X-RateLimit-Type", "Retry-After"}
	}
	return &resp
}

func (c *call) countMeetingWrite(hostID string) {
	c.s.st.Counters[meetingWritesCounter+dayKey(c.now)+"|"+hostID]++
}

// --- time, ids and links -------------------------------------------------------------

var meetingTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$`)

// parseMeetingTime parses a request time: yyyy-MM-ddTHH:mm:ssZ (UTC) or yyyy-MM-ddTHH:mm:ss (local in loc).
// Offsets, fractional seconds and other forms are rejected.
func parseMeetingTime(s string, loc *time.Location) (time.Time, bool) {
	if !meetingTimeRE.MatchString(s) {
		return time.Time{}, false
	}
	if strings.HasSuffix(s, "Z") {
		loc = time.UTC
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05", s[:19], loc)
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// loadZone resolves an IANA time-zone name ("UTC" included).
func loadZone(name string) (*time.Location, bool) {
	if name == "" || name == "Local" {
		return nil, false
	}
	loc, err := time.LoadLocation(name)
	return loc, err == nil
}

// meetingLocation is the location of a stored time-zone name (UTC when it does not resolve).
func meetingLocation(name string) *time.Location {
	if loc, ok := loadZone(name); ok {
		return loc
	}
	return time.UTC
}

// hostTimezone is the zone a new meeting of u defaults to: the user's, else the profile's, else UTC.
func (c *call) hostTimezone(u *user) string {
	for _, tz := range []string{u.Timezone, c.profile.DefaultTimezone} {
		if _, ok := loadZone(tz); ok {
			return tz
		}
	}
	return "UTC"
}

// Passcode characters a request may send: meetingCreate and meetingUpdate allow letters, digits and @ - _ *;
// webinarCreate and webinarUpdate also allow !.
var (
	meetingPasscodeRE = regexp.MustCompile(`^[A-Za-z0-9@_*-]*$`)
	webinarPasscodeRE = regexp.MustCompile(`^[A-Za-z0-9@_*!-]*$`)
)

// newMeetingUUID returns an instance UUID: 16 random bytes in standard base64 (24 characters with "==").
func newMeetingUUID() string { return base64.StdEncoding.EncodeToString(randomBytes(16)) }

// newPasscode returns a generated passcode: 6 alphanumeric characters, as seen in Zoom responses, or with
// Profile.GeneratedPasscodeSpecials 5 of them and one of those characters.
func newPasscode(p *Profile) string {
	if specials := []rune(p.GeneratedPasscodeSpecials); len(specials) > 0 {
		return randomBase62(5) + string(specials[randomDigits(10)%int64(len(specials))])
	}
	return randomBase62(6)
}

// linkKey keys the derivation of passcode tokens, so that they are stable across restarts.
var linkKey = []byte("zoom-sandbox passcode link key")

// zakKey signs start_url tokens (never verified; they only need to look like Zoom's).
var zakKey = randomBytes(32)

// passcodeToken is the pwd token of join_url (and encrypted_password, with ".1"): 30 base62 characters
// derived from the meeting number and passcode, so it is stable for a given passcode.
func passcodeToken(id int64, passcode string) string {
	mac := hmac.New(sha256.New, linkKey)
	fmt.Fprintf(mac, "pwd:%d:%s", id, passcode)
	sum := mac.Sum(nil)
	b := make([]byte, 30)
	for i := range b {
		b[i] = base62Alphabet[int(sum[i])%len(base62Alphabet)]
	}
	return string(b)
}

// numericPasscode is the H.323/SIP and PSTN passcode: the passcode itself when it is all digits, else digits
// derived from it (as many as its characters, 6 to 10).
func numericPasscode(id int64, passcode string) string {
	if strings.Trim(passcode, "0123456789") == "" {
		return passcode
	}
	n := min(max(len(passcode), 6), 10)
	mac := hmac.New(sha256.New, linkKey)
	fmt.Fprintf(mac, "h323:%d:%s", id, passcode)
	sum := mac.Sum(nil)
	b := make([]byte, n)
	for i := range b {
		b[i] = '0' + sum[i]%10
	}
	return string(b)
}

// mintZAK returns a JWT-shaped host token for start_url, new on every call: exp = iat + 2 hours, or 90 days
// for custCreate hosts (docs/development/zoom-api.md#start-links).
func mintZAK(p *Profile, id int64, host *user, now time.Time) string {
	life := 2 * time.Hour
	if host.Action == "custCreate" {
		life = 90 * 24 * time.Hour
	}
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"typ":"JWT","alg":"HS256"}`))
	payload, _ := json.Marshal(map[string]any{
		"cid":  "",
		"clt":  0,
		"mnum": strconv.FormatInt(id, 10),
		"aud":  "clientsm",
		"uid":  host.ID,
		"iss":  "web",
		"sk":   "0",
		"sty":  100,
		"wcd":  p.cluster(),
		"exp":  now.Add(life).Unix(),
		"iat":  now.Unix(),
		"aid":  p.AccountID,
		"jti":  newZoomID(),
	})
	signed := header + "." + enc.EncodeToString(payload)
	mac := hmac.New(sha256.New, zakKey)
	mac.Write([]byte(signed))
	return signed + "." + enc.EncodeToString(mac.Sum(nil))
}

func joinURL(p *Profile, m *session) string {
	u := fmt.Sprintf("https://%s/j/%d", p.WebHost, m.ID)
	if m.Password != "" {
		u += "?pwd=" + passcodeToken(m.ID, m.Password) + ".1"
	}
	return u
}

// --- POST /users/{userId}/meetings ---------------------------------------------------

// decodeMeetingBody parses a meetings write body; an empty body counts as {}.
func decodeMeetingBody(body []byte) (map[string]json.RawMessage, *apiResponse) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]json.RawMessage{}, nil
	}
	m, ok := decodeObject(body)
	if !ok {
		return nil, ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON))
	}
	return m, nil
}

func (c *call) createMeeting() apiResponse {
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
	if r := c.meetingWriteLimit(host.ID); r != nil {
		return *r
	}
	p := c.profile
	m := &meeting{
		session: session{
			HostID:    host.ID,
			Type:      2,
			Topic:     p.DefaultMeetingTopic,
			Duration:  p.DefaultMeetingDuration,
			Timezone:  c.hostTimezone(host),
			Status:    meetingWaiting,
			CreatedAt: c.now.UTC().Truncate(time.Second),
		},
		Settings: defaultMeetingSettings(host),
	}
	if r := c.applyMeeting(m, body, host, true); r != nil {
		return *r
	}
	st := c.s.st
	if h := st.byID[m.HostID]; h != nil && h.PMI != 0 && m.Settings.UsePMI && m.Type != 8 {
		// A meeting held on the PMI takes the host's PMI as its number: every such meeting of the host
		// shares it (meetingCreate, settings.use_pmi).
		m.ID = h.PMI
	} else {
		m.ID = st.newMeetingNumber()
	}
	m.UUID = newMeetingUUID()
	st.addMeeting(m)
	c.countMeetingWrite(host.ID)
	c.s.dirty = true
	return jsonResp(http.StatusCreated, c.documentedOnly(c.viewMeeting(m, true, false, nil), meetingCreateFields))
}

// applyMeeting validates a create (create = true) or update body and applies it to m, which the caller
// discards when an error is returned. actor is the {userId} of a create (the scheduler).
func (c *call) applyMeeting(m *meeting, body map[string]json.RawMessage, actor *user, create bool) *apiResponse {
	p := c.profile
	st := c.s.st
	f := newFieldReader(body)
	in := readSessionInput(f, &m.session, meetingKind, p, create, c.now)
	defaultPassword := false
	if create {
		defaultPassword, _ = f.boolean("default_password")
	}
	preSchedule, hasPreSchedule := f.boolean("pre_schedule")
	scheduleFor, hasScheduleFor := f.str("schedule_for", 0)
	setF, _ := f.object("settings")
	settings := m.Settings.clone()
	altRaw, hasAlt := readSettings(setF, &settings)
	if errs := f.errors(); len(errs) > 0 {
		return ptr(validationResp(errs))
	}
	if in.recConflict {
		return ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidRecurrence))
	}
	effType := in.effType

	host := st.byID[m.HostID]
	if hasScheduleFor {
		if effType == 1 {
			msg := msgInstantScheduleForUpd
			if create {
				msg = msgInstantScheduleFor
			}
			return ptr(errResp(http.StatusBadRequest, codeMeetingGeneric, msg))
		}
		target := c.findUser(scheduleFor)
		if target == nil || target.Status != statusActive {
			return ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidScheduleFor))
		}
		if r := hostProblem(target, true); r != nil {
			return r
		}
		if target != host {
			if create {
				m.AssistantID = actor.ID
			}
			m.HostID, host = target.ID, target
		}
	}
	if hasPreSchedule && preSchedule && (effType == 1 || effType == 8) {
		return ptr(errResp(http.StatusBadRequest, codeMeetingGeneric, msgPrescheduleTypes))
	}
	var tpl *meetingTemplate
	if in.hasTemplate {
		tpl = st.visibleTemplate(in.templateID, actor, host)
		if tpl == nil {
			return ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidTemplateID))
		}
		if create && tpl.Type == templateUser && !p.CreateAcceptsUserTemplates {
			return ptr(errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgUserTemplate, in.templateID)))
		}
	}

	// Apply the top-level fields.
	c.applySessionInput(&m.session, in, meetingKind, create)
	if hasPreSchedule {
		m.PreSchedule = preSchedule
	}

	// Settings: the template's first, then the request's, key by key.
	if tpl != nil {
		readSettings(settingsReader(tpl.Settings), &m.Settings)
		readSettings(setF, &m.Settings)
	} else {
		m.Settings = settings
	}
	if r := c.applyAltHosts(&m.session, splitAltHosts(altRaw), hasAlt); r != nil {
		return r
	}
	if m.Settings.WaitingRoom {
		m.Settings.JoinBeforeHost = false
	}
	if m.registrationOn() {
		switch {
		case m.Type == 1 || (m.Type == 3 && !p.RegistrationOnType3):
			return ptr(errResp(http.StatusBadRequest, codeValidation, msgRegistrationType))
		case host.Type == 1:
			if p.BasicHostRegistration != BasicRegistrationIgnore {
				return ptr(errResp(http.StatusBadRequest, codeValidation, msgBasicRegistration))
			}
			m.Settings.ApprovalType = 2
		}
	}
	ensureRegistrationToken(&m.session, m.registrationOn())

	// Passcode: as sent, else generated when the profile or default_password asks for one; then the
	// one-security-option rule.
	applyPasscode(p, &m.session, in, create, p.PasscodeRequired || defaultPassword,
		p.SecurityOptionRequired && !m.Settings.WaitingRoom && !m.Settings.MeetingAuthentication)

	if m.Type == 8 && len(m.occurrences(p)) == 0 {
		return ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidRecurrence))
	}
	return c.checkRequiredTracking(m.TrackingFields)
}

// readTrackingFields reads tracking_fields ([{field (required), value}]).
func readTrackingFields(f *fieldReader) ([]trackingField, bool) {
	items, ok := f.array("tracking_fields", 0)
	if !ok {
		return nil, false
	}
	out := make([]trackingField, 0, len(items))
	for i, raw := range items {
		el, ok := f.element("tracking_fields", i, raw)
		if !ok {
			continue
		}
		field, hasField := el.str("field", 0)
		if !hasField || field == "" {
			el.fail("field")
		}
		value, _ := el.str("value", 0)
		out = append(out, trackingField{Field: field, Value: value})
	}
	return out, true
}

// resolveAltHosts resolves alternative_hosts entries (e-mails or user ids) to active licensed users of the account
// other than the host, in the order given without duplicates. invalid is the first entry that is not one.
func (c *call) resolveAltHosts(entries []string, hostID string) (ids []string, invalid string) {
	st := c.s.st
	for _, entry := range entries {
		var u *user
		if strings.Contains(entry, "@") {
			u = st.byEmail[strings.ToLower(entry)]
		} else {
			u = st.byID[entry]
		}
		// Alternative hosts are active licensed users of the account (Basic users may not be one).
		if u == nil || u.Status != statusActive || u.Type == 1 || u.ID == hostID {
			if invalid == "" {
				invalid = entry
			}
			continue
		}
		if !containsString(ids, u.ID) {
			ids = append(ids, u.ID)
		}
	}
	return ids, invalid
}

func containsString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// --- meeting views -------------------------------------------------------------------

// meetingView is the meeting object of the create response and GET /meetings/{meetingId}.
type meetingView struct {
	UUID              string              `json:"uuid"`
	ID                int64               `json:"id"`
	HostID            string              `json:"host_id"`
	HostEmail         string              `json:"host_email"`
	AssistantID       string              `json:"assistant_id,omitempty"`
	Topic             string              `json:"topic"`
	Type              int                 `json:"type"`
	Status            string              `json:"status"`
	StartTime         string              `json:"start_time,omitempty"`
	Duration          int                 `json:"duration"`
	Timezone          string              `json:"timezone"`
	Agenda            string              `json:"agenda"`
	CreatedAt         string              `json:"created_at"`
	StartURL          string              `json:"start_url"`
	JoinURL           string              `json:"join_url"`
	RegistrationURL   string              `json:"registration_url,omitempty"`
	Password          string              `json:"password"`
	H323Password      string              `json:"h323_password,omitempty"`
	PSTNPassword      string              `json:"pstn_password,omitempty"`
	EncryptedPassword string              `json:"encrypted_password,omitempty"`
	PMI               any                 `json:"pmi,omitempty"`
	PreSchedule       bool                `json:"pre_schedule"`
	TrackingFields    []trackingFieldView `json:"tracking_fields,omitempty"`
	Occurrences       []occurrenceView    `json:"occurrences,omitempty"`
	Recurrence        *recurrence         `json:"recurrence,omitempty"`
	Settings          meetingSettings     `json:"settings"`
}

// trackingFieldView is a tracking field of a meeting (with visible) or a webinar (without) as Zoom returns it.
type trackingFieldView struct {
	Field   string `json:"field"`
	Value   string `json:"value"`
	Visible *bool  `json:"visible,omitempty"`
}

type occurrenceView struct {
	OccurrenceID string `json:"occurrence_id"`
	StartTime    string `json:"start_time"`
	Duration     int    `json:"duration"`
	Status       string `json:"status"`
}

// viewMeeting renders m. create selects the create response's pmi type (integer; GET and list use a string);
// showPrevious lists occurrences that already ended; occ (GET ?occurrence_id) reports that occurrence's
// start_time, duration and agenda.
func (c *call) viewMeeting(m *meeting, create, showPrevious bool, occ *occurrence) meetingView {
	p := c.profile
	host := c.s.st.byID[m.HostID]
	if host == nil {
		host = &user{ID: m.HostID}
	}
	v := meetingView{
		UUID:        m.UUID,
		ID:          m.ID,
		HostID:      m.HostID,
		HostEmail:   host.Email,
		AssistantID: m.AssistantID,
		Topic:       m.Topic,
		Type:        m.Type,
		Status:      m.Status,
		Duration:    m.Duration,
		Timezone:    m.Timezone,
		Agenda:      m.Agenda,
		CreatedAt:   formatZoomTime(m.CreatedAt),
		StartURL:    fmt.Sprintf("https://%s/s/%d?zak=%s", p.WebHost, m.ID, mintZAK(p, m.ID, host, c.now)),
		JoinURL:     joinURL(p, &m.session),
		Password:    m.Password,
		PreSchedule: m.PreSchedule,
		Settings:    m.Settings.clone(),
	}
	v.Settings.AlternativeHosts = c.altHostEmails(&m.session, ";")
	if m.Password != "" {
		v.EncryptedPassword = passcodeToken(m.ID, m.Password) + ".1"
		v.H323Password = numericPasscode(m.ID, m.Password)
		v.PSTNPassword = v.H323Password
	}
	if start, ok := c.viewStartTime(&m.session); ok {
		v.StartTime = formatZoomTime(start)
	}
	if m.Settings.UsePMI && m.Type != 8 && host.PMI != 0 {
		if create {
			v.PMI = host.PMI
		} else {
			v.PMI = strconv.FormatInt(host.PMI, 10)
		}
	}
	if m.registrationOn() && m.RegistrationToken != "" {
		v.RegistrationURL = fmt.Sprintf("https://%s/meeting/register/%s", p.WebHost, m.RegistrationToken)
	}
	v.TrackingFields = c.trackingViews(m.TrackingFields, true)
	if m.Type == 8 && m.Recurrence != nil {
		r := *m.Recurrence
		v.Recurrence = &r
		v.Occurrences = c.occurrenceViews(&m.session, showPrevious)
	}
	if occ != nil {
		v.StartTime = formatZoomTime(occ.Start)
		v.Duration = occ.Duration
		if occ.Agenda != nil {
			v.Agenda = *occ.Agenda
		}
	}
	return v
}

// --- GET /meetings/{meetingId} ----------------------------------------------------------

func (c *call) getMeeting() apiResponse {
	m, bad := c.pathMeeting()
	if bad != nil {
		return *bad
	}
	var occ *occurrence
	if id := c.query("occurrence_id"); id != "" {
		if occ = m.findOccurrence(c.profile, id); occ == nil {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence)
		}
	}
	show := strings.EqualFold(c.query("show_previous_occurrences"), "true")
	return jsonResp(http.StatusOK, c.documentedOnly(c.viewMeeting(m, false, show, occ), meetingGetFields))
}

// --- PATCH /meetings/{meetingId} -----------------------------------------------------------

func (c *call) updateMeeting() apiResponse {
	body, bad := decodeMeetingBody(c.body)
	if bad != nil {
		return *bad
	}
	m, bad := c.pathMeeting()
	if bad != nil {
		return *bad
	}
	if m.Status == meetingStarted {
		return errResp(http.StatusBadRequest, codeMeetingGeneric, msgMeetingStartedUpdate)
	}
	hostID := m.HostID
	if r := c.meetingWriteLimit(hostID); r != nil {
		return *r
	}
	if id := c.query("occurrence_id"); id != "" {
		if r := c.updateOccurrence(m, body, id); r != nil {
			return *r
		}
	} else {
		work := m.clone()
		if r := c.applyMeeting(work, body, c.s.st.byID[hostID], false); r != nil {
			return *r
		}
		*m = *work
	}
	c.countMeetingWrite(hostID)
	c.s.dirty = true
	return noContent()
}

// updateOccurrence applies PATCH ?occurrence_id: agenda, start_time and duration change for that
// occurrence only. The per-occurrence settings the spec allows (host_video, participant_video,
// join_before_host, mute_upon_entry, waiting_room, watermark, auto_recording) are validated but not kept;
// other fields are ignored.
func (c *call) updateOccurrence(m *meeting, body map[string]json.RawMessage, id string) *apiResponse {
	if m.findOccurrence(c.profile, id) == nil {
		return ptr(errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence))
	}
	f := newFieldReader(body)
	in := readOccurrenceInput(f, &m.session, meetingKind.agendaMax)
	setF, _ := f.object("settings")
	scratch := m.Settings.clone()
	readSettings(setF, &scratch)
	if errs := f.errors(); len(errs) > 0 {
		return ptr(validationResp(errs))
	}
	m.applyOccurrenceInput(id, in, c.now)
	return nil
}

// --- DELETE /meetings/{meetingId} ------------------------------------------------------------

func (c *call) deleteMeeting() apiResponse {
	m, bad := c.pathMeeting()
	if bad != nil {
		return *bad
	}
	q := c.r.URL.Query()
	var errs []fieldError
	for _, name := range []string{"schedule_for_reminder", "cancel_meeting_reminder"} {
		if v := q.Get(name); v != "" && v != "true" && v != "false" {
			errs = append(errs, fieldError{Field: name, Message: msgInvalidField})
		}
	}
	if len(errs) > 0 {
		return validationResp(errs)
	}
	if m.Status == meetingStarted {
		return errResp(http.StatusBadRequest, codeInProgress, msgMeetingInProgress)
	}
	if id := q.Get("occurrence_id"); id != "" {
		if m.findOccurrence(c.profile, id) == nil {
			return errResp(http.StatusBadRequest, codeMeetingGeneric, msgInvalidOccurrence)
		}
		m.deleteOccurrence(id)
		c.s.dirty = true
		return noContent()
	}
	if c.s.st.onHostPMI(m) {
		// meetingDelete documents 3018 for a PMI meeting: Zoom never deletes the host's personal room.
		return errResp(http.StatusBadRequest, codeDeletePMI, msgDeletePMI)
	}
	if m.EndedOnce {
		return errResp(http.StatusBadRequest, codeMeetingEnded, msgMeetingEnded)
	}
	c.s.st.deleteMeeting(m, c.now)
	c.s.dirty = true
	return noContent()
}

// --- GET /users/{userId}/meetings -------------------------------------------------------------

var meetingListTypes = map[string]bool{
	"scheduled": true, "live": true, "upcoming": true, "upcoming_meetings": true, "previous_meetings": true,
}

// meetingListItem is an element of GET /users/{userId}/meetings (summary fields only).
type meetingListItem struct {
	UUID      string `json:"uuid"`
	ID        int64  `json:"id"`
	HostID    string `json:"host_id"`
	Topic     string `json:"topic"`
	Type      int    `json:"type"`
	StartTime string `json:"start_time,omitempty"`
	Duration  int    `json:"duration"`
	Timezone  string `json:"timezone"`
	Agenda    string `json:"agenda"`
	CreatedAt string `json:"created_at"`
	JoinURL   string `json:"join_url"`
	PMI       string `json:"pmi,omitempty"`
}

type meetingListResponse struct {
	pageMeta
	Meetings []meetingListItem `json:"meetings"`
}

// listMeetings lists a host's unexpired, non-instant meetings in creation order. Filters (Zoom's exact
// rules are not documented): live = started; upcoming/upcoming_meetings = live, or scheduled to end in the
// future (any occurrence for type 8; always for type 3); previous_meetings = not live and ended at least
// once, or scheduled to have ended (any occurrence for type 8).
func (c *call) listMeetings() apiResponse {
	host, bad := c.pathHost(msgHostNotFound)
	if bad != nil {
		return *bad
	}
	if r := hostProblem(host, false); r != nil {
		return *r
	}
	typ := c.query("type")
	if typ == "" {
		typ = "scheduled"
	}
	if !meetingListTypes[typ] {
		return validationResp([]fieldError{{Field: "type", Message: msgInvalidField}})
	}
	var matched []*meeting
	var seqs []int64
	for _, m := range c.s.st.Meetings {
		if m.HostID != host.ID || m.Type == 1 || m.expired(c.profile, c.now) || !c.meetingListed(m, typ) {
			continue
		}
		matched = append(matched, m)
		seqs = append(seqs, m.Seq)
	}
	lo, hi, meta, bad := c.paginate("meetings|"+host.ID+"|"+typ, seqs, 30, 300)
	if bad != nil {
		return *bad
	}
	out := meetingListResponse{pageMeta: meta, Meetings: make([]meetingListItem, 0, hi-lo)}
	for _, m := range matched[lo:hi] {
		item := meetingListItem{
			UUID:      m.UUID,
			ID:        m.ID,
			HostID:    m.HostID,
			Topic:     m.Topic,
			Type:      m.Type,
			Duration:  m.Duration,
			Timezone:  m.Timezone,
			Agenda:    truncateRunes(m.Agenda, 250),
			CreatedAt: formatZoomTime(m.CreatedAt),
			JoinURL:   joinURL(c.profile, &m.session),
		}
		if start, ok := c.viewStartTime(&m.session); ok {
			item.StartTime = formatZoomTime(start)
		}
		if h := c.s.st.byID[m.HostID]; h != nil && m.Settings.UsePMI && m.Type != 8 && h.PMI != 0 {
			item.PMI = strconv.FormatInt(h.PMI, 10)
		}
		out.Meetings = append(out.Meetings, item)
	}
	return jsonResp(http.StatusOK, out)
}

func (c *call) meetingListed(m *meeting, typ string) bool {
	live := m.Status == meetingStarted
	switch typ {
	case "live":
		return live
	case "upcoming", "upcoming_meetings":
		return live || m.hasFuture(c.profile, c.now)
	case "previous_meetings":
		return !live && (m.EndedOnce || m.hasPast(c.profile, c.now))
	}
	return true
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// --- PUT /meetings/{meetingId}/status ----------------------------------------------------------

func (c *call) updateMeetingStatus() apiResponse {
	body, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	ref := c.params["meetingId"]
	id, ok := parseMeetingID(ref)
	if !ok {
		return meetingNotExist(ref)
	}
	st := c.s.st
	if st.pruneDeletedMeetings(c.profile, c.now) {
		c.s.dirty = true
	}
	var live, tomb *meeting
	if live = st.meetingsByID[id]; live != nil {
		var bad *apiResponse
		if live, bad = c.pathMeeting(); bad != nil {
			return *bad
		}
	} else if tomb = st.deletedMeeting(id); tomb == nil {
		if st.webinarsByID[id] != nil {
			return c.wrongKindResp(ref, false)
		}
		return meetingNotExist(ref)
	}
	f := newFieldReader(body)
	action, has := f.str("action", 0)
	if (has && action != "end" && action != "recover") || (!has && !containsField(f.errors(), "action")) {
		f.fail("action")
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	switch action {
	case "end":
		if live == nil {
			return meetingNotExist(ref)
		}
		if live.Status == meetingStarted {
			c.s.endSessionLocked(&live.session)
		}
	case "recover":
		if tomb != nil {
			st.restoreMeeting(tomb)
			c.s.dirty = true
		}
	}
	return noContent()
}

// --- Go API ------------------------------------------------------------------------------

// liveMeetingLocked returns meeting id unless it does not exist, was deleted or has expired.
func (s *Server) liveMeetingLocked(id int64) (*meeting, error) {
	m := s.st.meetingsByID[id]
	if m == nil || m.expired(&s.profile, s.clock.now()) {
		return nil, fmt.Errorf("%w: %d", ErrMeetingNotFound, id)
	}
	return m, nil
}

// StartMeeting marks meeting id as started, as if its host had started it. Starting a started meeting does
// nothing. It returns ErrMeetingNotFound for an unknown, deleted or expired meeting.
func (s *Server) StartMeeting(id int64) error { return s.startSession(s.liveMeetingSessionLocked(id)) }

// EndMeeting ends meeting id's running instance: it gets a new uuid and the status of
// Profile.EndedMeetingStatus, and counts as ended (DELETE answers 3007). A meeting that is not running is
// left alone. It returns ErrMeetingNotFound for an unknown, deleted or expired meeting.
func (s *Server) EndMeeting(id int64) error { return s.endSession(s.liveMeetingSessionLocked(id)) }

func (s *Server) liveMeetingSessionLocked(id int64) func() (*session, error) {
	return func() (*session, error) {
		m, err := s.liveMeetingLocked(id)
		if err != nil {
			return nil, err
		}
		return &m.session, nil
	}
}

// startSession marks the session find returns (called under the lock) as started.
func (s *Server) startSession(find func() (*session, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, err := find()
	if err != nil {
		return err
	}
	if sess.Status != meetingStarted {
		sess.Status = meetingStarted
		s.dirty = true
		s.persistLocked()
	}
	return nil
}

// endSession ends the running instance of the session find returns (called under the lock).
func (s *Server) endSession(find func() (*session, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, err := find()
	if err != nil {
		return err
	}
	if sess.Status == meetingStarted {
		s.endSessionLocked(sess)
		s.persistLocked()
	}
	return nil
}

// meetingStatus returns meeting id's status.
func (s *Server) meetingStatus(id int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.st.meetingsByID[id]; m != nil {
		return m.Status
	}
	return ""
}
