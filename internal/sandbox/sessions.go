package sandbox

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// A session is what a meeting and a webinar share: the number, instance UUID, host, schedule, recurrence and
// its per-occurrence changes, passcode, alternative hosts, tracking fields, registration link, status and
// registrants. meeting and webinar embed it (its JSON fields are flattened into theirs, so state files written
// before webinars existed load unchanged) and add their own settings.
//
// Meeting and webinar types never overlap (meetings 1, 2, 3, 8; webinars 5, 6, 9), so the helpers below tell
// the families apart by type alone.
type session struct {
	Seq    int64  `json:"seq"`
	ID     int64  `json:"id"`
	UUID   string `json:"uuid"`
	HostID string `json:"host_id"`
	Type   int    `json:"type"`
	Topic  string `json:"topic"`
	Agenda string `json:"agenda,omitempty"`
	// StartTime is the scheduled start (UTC); for type 1 the creation time.
	StartTime  time.Time   `json:"start_time"`
	Duration   int         `json:"duration"`
	Timezone   string      `json:"timezone"`
	Password   string      `json:"password,omitempty"`
	Recurrence *recurrence `json:"recurrence,omitempty"`
	// AltHosts are the alternative hosts' user ids, in the order given; they are rendered as e-mails.
	AltHosts          []string                       `json:"alternative_host_ids,omitempty"`
	TrackingFields    []trackingField                `json:"tracking_fields,omitempty"`
	RegistrationToken string                         `json:"registration_token,omitempty"`
	Overrides         map[string]*occurrenceOverride `json:"occurrence_overrides,omitempty"`
	Status            string                         `json:"status"`
	// EndedOnce records that an instance has ended at least once (DELETE then answers 3007).
	EndedOnce bool       `json:"ended_once,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	DeletedAt *time.Time `json:"deleted_at,omitempty"`
	// Registrants in registration order. clone shares them: a PATCH never changes registrants.
	Registrants []*registrant `json:"registrants,omitempty"`
}

// maxWebinarOccurrences caps a recurring webinar's occurrences ("Recurring webinars can have a maximum of 50
// occurrences", spec GET /webinars/{webinarId}), whatever Profile.RecurrenceMaxEndTimes says.
const maxWebinarOccurrences = 50

// cloneSession returns a deep copy of the shared fields (registrants are shared, see session.Registrants).
func (s *session) cloneSession() session {
	c := *s
	if s.Recurrence != nil {
		r := *s.Recurrence
		c.Recurrence = &r
	}
	c.AltHosts = cloneStrings(s.AltHosts)
	c.TrackingFields = append([]trackingField(nil), s.TrackingFields...)
	if s.Overrides != nil {
		c.Overrides = make(map[string]*occurrenceOverride, len(s.Overrides))
		for k, v := range s.Overrides {
			o := *v
			c.Overrides[k] = &o
		}
	}
	return c
}

// fixedRecurring: a recurring meeting (8) or webinar (9) with a fixed time, which has occurrences.
func (s *session) fixedRecurring() bool { return s.Type == 8 || s.Type == 9 }

// scheduledOnce: a scheduled meeting (2) or webinar (5).
func (s *session) scheduledOnce() bool { return s.Type == 2 || s.Type == 5 }

// noFixedTime: a recurring meeting (3) or webinar (6) without a fixed time.
func (s *session) noFixedTime() bool { return s.Type == 3 || s.Type == 6 }

// maxOccurrences is the cap on a session type's occurrences and on recurrence.end_times.
func maxOccurrences(p *Profile, typ int) int {
	if typ == 9 || typ == 5 || typ == 6 {
		return min(p.RecurrenceMaxEndTimes, maxWebinarOccurrences)
	}
	return p.RecurrenceMaxEndTimes
}

// occurrences computes a type-8/9 session's occurrences with their per-occurrence changes (deleted ones
// included, flagged).
func (s *session) occurrences(p *Profile) []occurrence {
	if !s.fixedRecurring() || s.Recurrence == nil {
		return nil
	}
	starts := expandRecurrence(s.Recurrence, s.StartTime, meetingLocation(s.Timezone), maxOccurrences(p, s.Type))
	out := make([]occurrence, 0, len(starts))
	for _, st := range starts {
		o := occurrence{ID: occurrenceID(st), Start: st, Duration: s.Duration}
		if ov := s.Overrides[o.ID]; ov != nil {
			if ov.StartTime != nil {
				o.Start = *ov.StartTime
			}
			if ov.Duration != nil {
				o.Duration = *ov.Duration
			}
			o.Agenda = ov.Agenda
			o.Deleted = ov.Deleted
		}
		out = append(out, o)
	}
	return out
}

// findOccurrence returns the (not deleted) occurrence id, or nil.
func (s *session) findOccurrence(p *Profile, id string) *occurrence {
	for _, o := range s.occurrences(p) {
		if o.ID == id && !o.Deleted {
			return &o
		}
	}
	return nil
}

// expired reports whether s has expired (Profile.MeetingExpiryGraceMinutes): a type-2/5 session after
// start_time+duration, a type-8/9 session after its last occurrence ends (at once when every occurrence was
// deleted). Started, instant and type-3/6 sessions never expire.
func (s *session) expired(p *Profile, now time.Time) bool {
	if s.Status == meetingStarted || p.MeetingExpiryGraceMinutes < 0 {
		return false
	}
	var end time.Time
	switch {
	case s.scheduledOnce():
		end = s.StartTime.Add(time.Duration(s.Duration) * time.Minute)
	case s.fixedRecurring():
		found := false
		for _, o := range s.occurrences(p) {
			if !o.Deleted {
				found = true
				if o.end().After(end) {
					end = o.end()
				}
			}
		}
		if !found {
			return true
		}
	default:
		return false
	}
	return now.After(end.Add(time.Duration(p.MeetingExpiryGraceMinutes) * time.Minute))
}

// hasFuture reports whether s is scheduled to end after now (any occurrence for type 8/9; always for
// instant and type 3/6 sessions).
func (s *session) hasFuture(p *Profile, now time.Time) bool {
	switch {
	case s.scheduledOnce():
		return s.StartTime.Add(time.Duration(s.Duration) * time.Minute).After(now)
	case s.fixedRecurring():
		for _, o := range s.occurrences(p) {
			if !o.Deleted && o.end().After(now) {
				return true
			}
		}
		return false
	}
	return true
}

// hasPast reports whether s (or one of its occurrences) was scheduled to have ended by now.
func (s *session) hasPast(p *Profile, now time.Time) bool {
	switch {
	case s.scheduledOnce():
		return !s.StartTime.Add(time.Duration(s.Duration) * time.Minute).After(now)
	case s.fixedRecurring():
		for _, o := range s.occurrences(p) {
			if !o.Deleted && !o.end().After(now) {
				return true
			}
		}
	}
	return false
}

// deleteOccurrence marks occurrence id deleted (DELETE ?occurrence_id).
func (s *session) deleteOccurrence(id string) {
	if s.Overrides == nil {
		s.Overrides = map[string]*occurrenceOverride{}
	}
	if s.Overrides[id] == nil {
		s.Overrides[id] = &occurrenceOverride{}
	}
	s.Overrides[id].Deleted = true
}

// viewStartTime is the top-level start_time a response reports: none for instant meetings; for type 3/6 only
// with Profile.RecurringNoFixedTimeReturnsStartTime; for type 8/9 per Profile.RecurringStartTime.
func (c *call) viewStartTime(s *session) (time.Time, bool) {
	switch {
	case s.Type == 1:
		return time.Time{}, false
	case s.noFixedTime():
		return s.StartTime, c.profile.RecurringNoFixedTimeReturnsStartTime
	case s.fixedRecurring():
		if c.profile.RecurringStartTime == RecurringStartNextOccurrence {
			for _, o := range s.occurrences(c.profile) {
				if !o.Deleted && o.end().After(c.now) {
					return o.Start, true
				}
			}
		}
	}
	return s.StartTime, true
}

// occurrenceViews renders s's occurrences that are not deleted and, unless showPrevious, have not ended.
func (c *call) occurrenceViews(s *session, showPrevious bool) []occurrenceView {
	var out []occurrenceView
	for _, o := range s.occurrences(c.profile) {
		if o.Deleted || (!showPrevious && !o.end().After(c.now)) {
			continue
		}
		out = append(out, occurrenceView{OccurrenceID: o.ID, StartTime: formatZoomTime(o.Start), Duration: o.Duration, Status: "available"})
	}
	return out
}

// altHostEmails renders the alternative hosts as lower-cased e-mails joined by sep (";" for meetings, "," for
// webinars, as each spec documents).
func (c *call) altHostEmails(s *session, sep string) string {
	var emails []string
	for _, id := range s.AltHosts {
		if u := c.s.st.byID[id]; u != nil {
			emails = append(emails, strings.ToLower(u.Email))
		}
	}
	return strings.Join(emails, sep)
}

// endSessionLocked ends the running instance of s: a new UUID, status per Profile.EndedMeetingStatus.
func (s *Server) endSessionLocked(x *session) {
	x.Status = meetingWaiting
	if s.profile.EndedMeetingStatus == EndedStatusFinished {
		x.Status = meetingFinished
	}
	x.UUID = newMeetingUUID()
	x.EndedOnce = true
	s.dirty = true
}

// --- write bodies ---------------------------------------------------------------------------

// sessionKind is what differs between meeting and webinar write bodies at the top level.
type sessionKind struct {
	types       map[int64]bool
	instantType int // 1 for meetings; 0 = none
	fixedType   int // 8 or 9: needs a recurrence
	agendaMax   int // 2000 for meetings; 0 = no limit (the webinar schema has none)
	passcode    *regexp.Regexp
}

var (
	meetingKind = &sessionKind{types: meetingTypes, instantType: 1, fixedType: 8, agendaMax: 2000, passcode: meetingPasscodeRE}
	webinarKind = &sessionKind{types: webinarTypes, fixedType: 9, passcode: webinarPasscodeRE}
)

// sessionInput holds the top-level fields of a meeting or webinar write body that both share.
type sessionInput struct {
	typ                 int
	hasType             bool
	topic, agenda       string
	hasTopic, hasAgenda bool
	duration            int
	hasDuration         bool
	password            string
	hasPassword         bool
	tzName              string
	hasTZ               bool
	start               time.Time
	hasStart            bool
	templateID          string
	hasTemplate         bool
	rec                 *recurrence
	hasRec, recConflict bool
	tracking            []trackingField
	hasTracking         bool
	effType             int
	loc                 *time.Location
}

// readSessionInput validates the shared top-level fields of a write body for s (a new session with its
// defaults on create). Field errors are collected in f; the caller checks f.errors() and then recConflict.
func readSessionInput(f *fieldReader, s *session, k *sessionKind, p *Profile, create bool, now time.Time) sessionInput {
	var in sessionInput
	typ, hasType := f.integer("type")
	if hasType && !k.types[typ] {
		f.fail("type")
		hasType = false
	}
	in.typ, in.hasType = int(typ), hasType
	in.topic, in.hasTopic = f.str("topic", 200)
	in.agenda, in.hasAgenda = f.str("agenda", k.agendaMax)
	duration, hasDuration := f.integer("duration")
	if hasDuration && (duration < 0 || duration > math.MaxInt32) {
		f.fail("duration")
		hasDuration = false
	}
	in.duration, in.hasDuration = int(duration), hasDuration
	in.password, in.hasPassword = f.str("password", 10)
	if in.hasPassword && !k.passcode.MatchString(in.password) {
		f.fail("password")
		in.hasPassword = false
	}
	in.loc = meetingLocation(s.Timezone)
	tzName, hasTZ := f.str("timezone", 0)
	if hasTZ && tzName != "" {
		if stored, l, ok := resolveZone(p, tzName, now); ok {
			tzName, in.loc = stored, l
		} else {
			f.fail("timezone")
		}
	}
	in.tzName, in.hasTZ = tzName, hasTZ && tzName != "" && !containsField(f.errors(), "timezone")
	if startRaw, ok := f.str("start_time", 0); ok {
		t, valid := parseMeetingTime(startRaw, in.loc)
		if !valid {
			f.fail("start_time")
		}
		in.start, in.hasStart = t, valid
	}
	in.templateID, in.hasTemplate = f.str("template_id", 0)
	recF, hasRec := f.object("recurrence")
	if hasRec {
		in.rec, in.recConflict = readRecurrence(recF, in.loc, maxOccurrences(p, k.fixedType))
		in.rec.applyEndKnob(p, in.loc)
	}
	in.hasRec = hasRec
	in.tracking, in.hasTracking = readTrackingFields(f)
	in.effType = s.Type
	if in.hasType {
		in.effType = in.typ
	}
	if !containsField(f.errors(), "recurrence") {
		// A fixed-time recurring type needs a recurrence, and so does moving one to a future start_time (spec, PATCH).
		switch {
		case in.effType == k.fixedType && !hasRec && s.Recurrence == nil:
			f.fail("recurrence")
		case !create && in.effType == k.fixedType && in.hasStart && !hasRec && !in.start.Before(now):
			f.fail("recurrence")
		}
	}
	return in
}

// applySessionInput applies the shared top-level fields to s (the passcode is applied by applyPasscode).
func (c *call) applySessionInput(s *session, in sessionInput, k *sessionKind, create bool) {
	prevStart := s.StartTime
	s.Type = in.effType
	if in.hasTopic {
		s.Topic = in.topic
	}
	if in.hasAgenda {
		s.Agenda = in.agenda
	}
	if in.hasDuration {
		s.Duration = in.duration
	}
	if in.hasTZ {
		s.Timezone = in.tzName
	}
	switch {
	case create && k.instantType != 0 && in.effType == k.instantType:
		s.StartTime = c.now.UTC().Truncate(time.Second)
	case in.hasStart && (create || !in.start.Before(c.now)):
		// PATCH ignores a start_time in the past (spec).
		s.StartTime = in.start
	case create:
		s.StartTime = c.now.UTC().Truncate(time.Minute).Add(time.Minute)
	}
	if in.hasTracking {
		s.TrackingFields = in.tracking
	}
	if s.Type == k.fixedType {
		if in.hasRec {
			s.Recurrence = in.rec
		}
	} else {
		s.Recurrence = nil
	}
	if s.Type != k.fixedType || in.hasRec || in.hasTZ || !s.StartTime.Equal(prevStart) {
		s.Overrides = nil // occurrence ids change with the rule
	}
}

// applyAltHosts resolves a settings.alternative_hosts value sent in a write (Profile.InvalidAlternativeHost)
// and drops the host from the list.
func (c *call) applyAltHosts(s *session, entries []string, has bool) *apiResponse {
	if has {
		ids, invalid := c.resolveAltHosts(entries, s.HostID)
		if invalid != "" && c.profile.InvalidAlternativeHost != AlternativeHostDrop {
			return ptr(errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgInvalidAltHost, invalid)))
		}
		s.AltHosts = ids
	}
	s.AltHosts = removeString(s.AltHosts, s.HostID)
	return nil
}

// applyPasscode sets the passcode of a write: as sent, else generated on create when the profile (or
// default_password) asks for one; then, with securityRule, a session left without a passcode and without
// another security option gets one (docs/development/zoom-api.md#one-security-option).
func applyPasscode(p *Profile, s *session, in sessionInput, create, generate, securityRule bool) {
	if in.hasPassword {
		s.Password = in.password
	} else if create && generate {
		s.Password = newPasscode(p)
	}
	if securityRule && s.Password == "" {
		s.Password = newPasscode(p)
	}
}

// ensureRegistrationToken mints the registration link token the first time registration is turned on; the
// link then stays the same when registration is turned off and on again.
func ensureRegistrationToken(s *session, on bool) {
	if on && s.RegistrationToken == "" {
		s.RegistrationToken = base64.RawURLEncoding.EncodeToString(randomBytes(27))
	}
}

// --- per-occurrence PATCH ----------------------------------------------------------------------

// occurrenceInput is the part of PATCH ?occurrence_id that is kept per occurrence.
type occurrenceInput struct {
	agenda                string
	hasAgenda             bool
	duration              int
	hasDuration, hasStart bool
	start                 time.Time
}

// readOccurrenceInput reads agenda, start_time and duration of a per-occurrence PATCH.
func readOccurrenceInput(f *fieldReader, s *session, agendaMax int) occurrenceInput {
	var in occurrenceInput
	in.agenda, in.hasAgenda = f.str("agenda", agendaMax)
	duration, hasDuration := f.integer("duration")
	if hasDuration && (duration < 0 || duration > math.MaxInt32) {
		f.fail("duration")
		hasDuration = false
	}
	in.duration, in.hasDuration = int(duration), hasDuration
	if startRaw, ok := f.str("start_time", 0); ok {
		t, valid := parseMeetingTime(startRaw, meetingLocation(s.Timezone))
		if !valid {
			f.fail("start_time")
		}
		in.start, in.hasStart = t, valid
	}
	return in
}

// applyOccurrenceInput keeps a per-occurrence change; a start_time in the past is ignored.
func (s *session) applyOccurrenceInput(id string, in occurrenceInput, now time.Time) {
	if s.Overrides == nil {
		s.Overrides = map[string]*occurrenceOverride{}
	}
	ov := s.Overrides[id]
	if ov == nil {
		ov = &occurrenceOverride{}
		s.Overrides[id] = ov
	}
	if in.hasAgenda {
		a := in.agenda
		ov.Agenda = &a
	}
	if in.hasDuration {
		d := in.duration
		ov.Duration = &d
	}
	if in.hasStart && !in.start.Before(now) {
		t := in.start
		ov.StartTime = &t
	}
}

// Top-level fields each operation's response schema documents. A response carries only these, unless
// Profile.UndocumentedResponseFields adds the ones real answers were reported to carry beyond them
// (registration_url on GET, pstn_password everywhere, uuid, host_id, status and encrypted_password on create).
var (
	meetingCreateFields = fieldSet("agenda", "assistant_id", "created_at", "duration", "h323_password", "host_email",
		"id", "join_url", "occurrences", "password", "pmi", "pre_schedule", "recurrence", "registration_url",
		"settings", "start_time", "start_url", "timezone", "topic", "tracking_fields", "type") // meetingCreate 201
	meetingGetFields = fieldSet("agenda", "assistant_id", "created_at", "duration", "encrypted_password",
		"h323_password", "host_email", "host_id", "id", "join_url", "occurrences", "password", "pmi", "pre_schedule",
		"recurrence", "settings", "start_time", "start_url", "status", "timezone", "topic", "tracking_fields", "type",
		"uuid") // meeting 200
	webinarCreateFields = fieldSet("agenda", "created_at", "duration", "host_email", "host_id", "id", "is_simulive",
		"join_url", "occurrences", "password", "record_file_id", "recurrence", "registrants_confirmation_email",
		"settings", "start_time", "start_url", "template_id", "timezone", "topic", "tracking_fields", "type",
		"uuid") // webinarCreate 201
	webinarGetFields = fieldSet("agenda", "created_at", "duration", "host_email", "host_id", "id", "is_simulive",
		"join_url", "occurrences", "password", "record_file_id", "recurrence", "settings", "start_time", "start_url",
		"timezone", "topic", "tracking_fields", "type", "uuid") // webinar 200
)

func fieldSet(names ...string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}

// documentedOnly renders view as a JSON object holding only the top-level fields an operation documents
// (everything, with Profile.UndocumentedResponseFields).
func (c *call) documentedOnly(view any, documented map[string]bool) any {
	if c.profile.UndocumentedResponseFields {
		return view
	}
	b, err := json.Marshal(view)
	if err != nil {
		return view
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return view
	}
	for k := range m {
		if !documented[k] {
			delete(m, k)
		}
	}
	return m
}
