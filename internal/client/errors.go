package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxBodyExcerpt bounds APIError.Body.
const maxBodyExcerpt = 2048

// APIError is a non-2xx response from the Zoom REST API.
type APIError struct {
	// HTTPStatus is the HTTP status code.
	HTTPStatus int
	// Code is the Zoom error code from the body; 0 if none.
	Code int
	// Message is the Zoom error message (or the HTTP status text when the body had none).
	Message string
	// Errors holds validation details ({field, message}).
	Errors []FieldError
	// Method is the HTTP method of the request.
	Method string
	// Path is the request path relative to the API base, with secret query values masked.
	Path string
	// RateLimitType is the X-RateLimit-Type header ("QPS", "Daily-limit"), if any.
	RateLimitType string
	// RateLimitCategory is the X-RateLimit-Category header ("Light", ...), if any.
	RateLimitCategory string
	// RetryAt is, for daily limits, when the limit resets (Retry-After when
	// given as a time, else the next 00:00 UTC); for a 429 whose Retry-After
	// was too long to wait for, when to try again. Zero otherwise.
	RetryAt time.Time
	// Body is the raw body, redacted and truncated to a few KiB, only when it
	// was not JSON (e.g. an HTML error page from a proxy).
	Body string
	// ServerTime is the server's clock when it answered (the Date header),
	// zero when absent. Callers use it to judge whether a meeting's time has
	// passed by Zoom's clock rather than by the local one.
	ServerTime time.Time
	// MaybeProcessed is true when a POST failed in a way where Zoom may have
	// carried it out (a 5xx answer).
	MaybeProcessed bool
}

// FieldError is one validation detail of an APIError.
type FieldError struct {
	// Field is the dotted JSON path of the offending input, e.g. "user_info.email".
	Field string `json:"field"`
	// Message says what is wrong with it.
	Message string `json:"message"`
}

// Error implements error, e.g.
// `PATCH /users/abc: HTTP 400, Zoom code 300: Validation Failed. (user_info.email: Invalid field.)`.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: HTTP %d", e.Method, e.Path, e.HTTPStatus)
	if e.Code != 0 {
		fmt.Fprintf(&b, ", Zoom code %d", e.Code)
	}
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.HTTPStatus)
	}
	if msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	if len(e.Errors) > 0 {
		parts := make([]string, 0, len(e.Errors))
		for _, fe := range e.Errors {
			switch {
			case fe.Field != "" && fe.Message != "":
				parts = append(parts, fe.Field+": "+fe.Message)
			case fe.Field != "":
				parts = append(parts, fe.Field)
			default:
				parts = append(parts, fe.Message)
			}
		}
		b.WriteString(" (" + strings.Join(parts, "; ") + ")")
	}
	if e.Body != "" {
		fmt.Fprintf(&b, " (body: %q)", truncate(e.Body, 200))
	}
	if t, ok := e.dailyLimit(); ok {
		fmt.Fprintf(&b, " (daily limit; resets at %s)", t.UTC().Format(time.RFC3339))
	} else if !e.RetryAt.IsZero() {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAt.UTC().Format(time.RFC3339))
	}
	if e.MaybeProcessed {
		b.WriteString(" (Zoom may have processed the request)")
	}
	return b.String()
}

var (
	reDailyText   = regexp.MustCompile(`(?i)daily rate limit`)
	reInOneDay    = regexp.MustCompile(`(?i)in one day`)
	reConcurrent  = regexp.MustCompile(`(?i)^\s*too many concurrent requests`)
	reAfterSecs   = regexp.MustCompile(`(?i)after (\d{1,3}) seconds?`)
	reScopeList   = regexp.MustCompile(`\[([^\]]*)\]`)
	reScopeInText = regexp.MustCompile(`(?i)scopes?\s*:?\s*([a-z_]+(?::[a-z_]+)+)`)
)

// dailyLimit reports whether e is a daily quota (account, per user or per
// registrant) and when it resets.
func (e *APIError) dailyLimit() (time.Time, bool) {
	daily := false
	switch {
	case e.HTTPStatus == http.StatusTooManyRequests && strings.EqualFold(e.RateLimitType, "Daily-limit"):
		daily = true
	case e.HTTPStatus == http.StatusTooManyRequests && e.RateLimitType == "" && reDailyText.MatchString(e.Message):
		daily = true
	case e.Code == 300 && reInOneDay.MatchString(e.Message):
		daily = true
	}
	if !daily {
		return time.Time{}, false
	}
	if !e.RetryAt.IsZero() {
		return e.RetryAt, true
	}
	return nextMidnightUTC(time.Now()), true
}

// nextMidnightUTC is the next 00:00 UTC strictly after now.
func nextMidnightUTC(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)
}

// newAPIError builds an APIError from an error response.
func newAPIError(method, path string, status int, h http.Header, body []byte, now time.Time) *APIError {
	e := &APIError{
		HTTPStatus:        status,
		Method:            method,
		Path:              path,
		RateLimitType:     h.Get("X-RateLimit-Type"),
		RateLimitCategory: h.Get("X-RateLimit-Category"),
	}
	if t, err := http.ParseTime(h.Get("Date")); err == nil {
		e.ServerTime = t.UTC()
	}
	var wire struct {
		Code    json.RawMessage `json:"code"`
		Message string          `json:"message"`
		Errors  []FieldError    `json:"errors"`
		// OAuth-style bodies, in case an API gateway answers with one.
		Reason string `json:"reason"`
		Error  string `json:"error"`
	}
	trimmed := strings.TrimSpace(string(body))
	if trimmed != "" && json.Unmarshal([]byte(trimmed), &wire) == nil {
		e.Code = parseCode(wire.Code)
		e.Message = wire.Message
		e.Errors = wire.Errors
		if e.Message == "" {
			e.Message = strings.TrimSpace(strings.Join(nonEmpty(wire.Error, wire.Reason), ": "))
		}
	} else if trimmed != "" {
		e.Body = truncate(strings.ToValidUTF8(string(Redact(body)), "?"), maxBodyExcerpt)
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	if _, ok := e.dailyLimit(); ok {
		if t, ok := parseRetryAfter(h.Get("Retry-After"), now); ok && t.After(now) {
			e.RetryAt = t
		} else {
			e.RetryAt = nextMidnightUTC(now)
		}
	}
	return e
}

// parseCode accepts a numeric or string code.
func parseCode(raw json.RawMessage) int {
	if len(raw) == 0 {
		return 0
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if v, err := n.Int64(); err == nil {
			return int(v)
		}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			return v
		}
	}
	return 0
}

func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// RequestError is a request that got no usable HTTP response: a connection
// error, a timeout, or a body cut short.
type RequestError struct {
	// Method and Path identify the request (path sanitized).
	Method, Path string
	// Attempts is how many attempts were made.
	Attempts int
	// Timeout is true when the per-attempt timeout fired.
	Timeout bool
	// MaybeProcessed is true when the request (a POST) had been written when
	// it failed, so Zoom may have carried it out.
	MaybeProcessed bool
	// Err is the cause.
	Err error
}

// Error implements error.
func (e *RequestError) Error() string {
	what := "request failed"
	if e.Timeout {
		what = "request timed out"
	}
	s := fmt.Sprintf("%s %s: %s", e.Method, e.Path, what)
	if e.Attempts > 1 {
		s += fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	s += fmt.Sprintf(": %v", e.Err)
	if e.MaybeProcessed {
		s += " (Zoom may have processed the request)"
	}
	return s
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// IsNotFound reports whether err is Zoom's "does not exist": HTTP 404 with
// code 1001 (user) or 3001 (meeting/webinar), or a 404 without a code. A 404
// with another code (e.g. 404 "Registration has not been enabled") is not.
func IsNotFound(err error) bool {
	var e *APIError
	if !errors.As(err, &e) || e.HTTPStatus != http.StatusNotFound {
		return false
	}
	return e.Code == 0 || e.Code == 1001 || e.Code == 3001
}

// IsConflict reports whether err is a conflict (HTTP 409, or code 1005 "e-mail
// already used").
func IsConflict(err error) bool {
	var e *APIError
	return errors.As(err, &e) && (e.HTTPStatus == http.StatusConflict || e.Code == 1005)
}

// IsRateLimited reports whether err is an HTTP 429 of any kind.
func IsRateLimited(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusTooManyRequests
}

// IsDailyLimit reports whether err is a daily quota: the account's daily
// limit per category, the per-user meeting/webinar create/update limit, the
// user-invite limit or a registrant limit. It returns when the quota resets.
func IsDailyLimit(err error) (time.Time, bool) {
	var e *APIError
	if !errors.As(err, &e) {
		return time.Time{}, false
	}
	return e.dailyLimit()
}

// IsScopeMissing reports whether err says the token lacks an OAuth scope
// (code 4711 or 4700) and returns the scopes named in the message, any of
// which would do (nil when the message names none).
func IsScopeMissing(err error) ([]string, bool) {
	var e *APIError
	if !errors.As(err, &e) || (e.Code != 4711 && e.Code != 4700) {
		return nil, false
	}
	var scopes []string
	if m := reScopeList.FindStringSubmatch(e.Message); m != nil {
		for _, s := range strings.Split(m[1], ",") {
			if s = strings.TrimSpace(s); s != "" {
				scopes = append(scopes, s)
			}
		}
	} else if m := reScopeInText.FindStringSubmatch(e.Message); m != nil {
		scopes = []string{m[1]}
	}
	return scopes, true
}

// IsUnauthorized reports whether err is an authentication failure: an API
// answer with HTTP 401, or a token endpoint refusal of the credentials.
func IsUnauthorized(err error) bool {
	var e *APIError
	if errors.As(err, &e) {
		return e.HTTPStatus == http.StatusUnauthorized
	}
	var ae *AuthError
	return errors.As(err, &ae) && ae.HTTPStatus >= 400 && ae.HTTPStatus < 500 && ae.HTTPStatus != http.StatusTooManyRequests
}

// IsMaybeProcessed reports whether a request (a POST) failed in a way where
// Zoom may have carried it out: a 5xx answer, a timeout, a connection dropped
// after the request was written, or a success whose answer was cut short or
// unreadable. The caller must look for what it tried to create before trying
// again.
func IsMaybeProcessed(err error) bool {
	var e *APIError
	if errors.As(err, &e) && e.MaybeProcessed {
		return true
	}
	var de *DecodeError
	if errors.As(err, &de) && de.MaybeProcessed {
		return true
	}
	var re *RequestError
	return errors.As(err, &re) && re.MaybeProcessed
}

// ---- Tracking fields

// IsTrackingFieldNotFound reports whether err is the answer of a tracking-field operation for an ID the account
// does not have (deleted, or never existed): HTTP 404, which trackingfieldGet, trackingfieldUpdate and
// trackingfieldDelete document without a Zoom code. Zoom's "endpoint not recognized" (404 code 2300) is not.
func IsTrackingFieldNotFound(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusNotFound && e.Code != 2300
}

var reQuoted = regexp.MustCompile(`"([^"]+)"`)

// IsTrackingFieldRequired reports whether err is Zoom refusing a meeting or webinar write because the event would
// lack a value for a tracking field the account marks required: a validation failure (HTTP 400 code 300) whose
// message, or a detail about tracking_fields, says a tracking field is required. It returns the labels of the fields
// the answer names in quotes (nil when it names none). Zoom documents no wording for this refusal, so the match
// is deliberately loose.
func IsTrackingFieldRequired(err error) (fields []string, ok bool) {
	var e *APIError
	if !errors.As(err, &e) || e.HTTPStatus != http.StatusBadRequest || e.Code != 300 {
		return nil, false
	}
	var texts []string
	if m := strings.ToLower(e.Message); strings.Contains(m, "tracking field") && strings.Contains(m, "required") {
		texts = append(texts, e.Message)
	}
	for _, fe := range e.Errors {
		m := strings.ToLower(fe.Message)
		if (strings.HasPrefix(fe.Field, "tracking_fields") || strings.Contains(m, "tracking field")) && strings.Contains(m, "required") {
			texts = append(texts, fe.Message)
		}
	}
	if len(texts) == 0 {
		return nil, false
	}
	for _, t := range texts {
		for _, m := range reQuoted.FindAllStringSubmatch(t, -1) {
			fields = append(fields, m[1])
		}
	}
	return fields, true
}

// ---- Roles and user assistants

// IsRoleNotFound reports whether err is Zoom's answer for a role ID that does not exist: code 1034, code 300
// "Role not found", or HTTP 404 without a code (roleMembers).
func IsRoleNotFound(err error) bool {
	var e *APIError
	if !errors.As(err, &e) {
		return false
	}
	switch {
	case e.Code == 1034:
		return true
	case e.Code == 300 && strings.Contains(strings.ToLower(e.Message), "role not found"):
		return true
	}
	return e.HTTPStatus == http.StatusNotFound && e.Code == 0
}

// IsRoleNameTaken reports whether err says another role already has the name (code 1224).
func IsRoleNameTaken(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.Code == 1224
}

// IsAssistantAlreadyAdded reports whether err says the user already is an assistant of the user (code 200).
func IsAssistantAlreadyAdded(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.Code == 200 && strings.Contains(e.Message, "already granted scheduling privilege")
}

// --- settings (account, group and user settings and lock settings) ---------------------------------------------

// IsAddonUnavailable reports whether err is userSettingsUpdate's refusal of a licence: 400 code 200 about the
// add-on's seats ("You can add max N Webinar 500 users.") or a plan that lacks the feature.
func IsAddonUnavailable(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == 400 && e.Code == 200
}

// IsLicenceNeedsLicensedUser reports whether err is userSettingsUpdate's refusal of the webinar (1122) or large
// meeting (1108) feature for a user who is not Licensed.
func IsLicenceNeedsLicensedUser(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == 400 && (e.Code == 1122 || e.Code == 1108)
}

// --- Groups (docs/development/zoom-api.md#groups) ---

// IsGroupNotFound reports whether err is Zoom's "group does not exist" (HTTP 404 code 4130).
func IsGroupNotFound(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusNotFound && e.Code == 4130
}

// IsGroupMemberNotFound reports whether err says the user is not a member of the group (HTTP 404 code 4131).
func IsGroupMemberNotFound(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusNotFound && e.Code == 4131
}

// IsGroupNameTaken reports whether err says another group of the account has the name (HTTP 409 code 4132).
func IsGroupNameTaken(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusConflict && e.Code == 4132
}

// IsNotGroupAdmin reports whether err says the user is not an administrator of the group (HTTP 400 code 4138).
func IsNotGroupAdmin(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusBadRequest && e.Code == 4138
}

// IsGroupRefused reports whether err is a 400 code 300 answer to a group operation: groupDelete answers no
// documented refusal, so this is how a refusal to delete a group that still has members is recognised
// (docs/development/zoom-api.md#groups).
func IsGroupRefused(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusBadRequest && e.Code == 300
}

// --- Registrants, users, mail, general ---

var (
	// Zoom's texts for a meeting or webinar without registration: "Registration has not been enabled for this
	// meeting: 1." and "This meeting has not set registration as required: 1".
	reRegistrationDisabled = regexp.MustCompile(`(?i)registration (has not been enabled|as required)`)
	// "Registrant a@example.com has already registered."
	reAlreadyRegistered = regexp.MustCompile(`(?i)already registered`)
)

// apiError returns err's *APIError, or nil.
func apiError(err error) *APIError {
	var e *APIError
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// IsRegistrationDisabled reports whether err says the meeting or webinar takes no registrations (registration
// was never turned on, or is off).
func IsRegistrationDisabled(err error) bool {
	e := apiError(err)
	return e != nil && reRegistrationDisabled.MatchString(e.Message)
}

// IsAlreadyRegistered reports whether err is a registrant add refused because the e-mail is registered already.
func IsAlreadyRegistered(err error) bool {
	e := apiError(err)
	return e != nil && reAlreadyRegistered.MatchString(e.Message)
}

// IsRegistrantGone reports whether err says a registrant, its meeting or webinar, or the meeting's or webinar's
// registration no longer exists: a 404, code 3001 (meeting or webinar does not exist), code 3000 or 300 with a
// "not found" text ("... is not found or has expired."), or registration turned off.
func IsRegistrantGone(err error) bool {
	if IsNotFound(err) {
		return true
	}
	e := apiError(err)
	if e == nil {
		return false
	}
	msg := strings.ToLower(e.Message)
	return e.HTTPStatus == http.StatusNotFound || e.Code == 3001 ||
		(e.Code == 3000 && strings.Contains(msg, "not found")) ||
		(e.Code == 300 && strings.Contains(msg, "not found or has expired")) ||
		reRegistrationDisabled.MatchString(e.Message)
}

// IsInvitationExpired reports whether err is Zoom's code 1120: the invitation of a pending user expired, which
// leaves the pending user's ID invalid.
func IsInvitationExpired(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == 1120
}

// IsUserGone reports whether err says a user no longer exists: not found (IsNotFound) or an expired
// invitation (IsInvitationExpired).
func IsUserGone(err error) bool {
	return IsNotFound(err) || IsInvitationExpired(err)
}

// IsDisassociateRefused reports whether err is userDelete refusing to disassociate a user: an API user (HTTP
// 400, code 300, "Unable to unlink API user(s)") or a user of a managed domain (HTTP 400, code 1107).
func IsDisassociateRefused(err error) bool {
	e := apiError(err)
	if e == nil || e.HTTPStatus != http.StatusBadRequest {
		return false
	}
	return e.Code == 1107 || (e.Code == 300 && strings.Contains(strings.ToLower(e.Message), "unlink api user"))
}

// IsMailAuthRefused reports whether err is the Mail API refusing the app's authorization (HTTP 401 with code
// 401), as it does for an app not created by an account owner or admin.
func IsMailAuthRefused(err error) bool {
	e := apiError(err)
	return e != nil && e.HTTPStatus == http.StatusUnauthorized && e.Code == 401
}

// Meetings and webinars: the answers the meeting and webinar resources and data sources react to
// (docs/development/zoom-api.md#error-codes).

// Zoom's codes for meetings and webinars.
const (
	codeEventNotAccessible  = 3000
	codeEventInProgress     = 3002
	codeEventEnded          = 3007
	codeEventDeletePMI      = 3018
	codeEventHostNotAllowed = 3161
	codeEventHostMissing    = 1001
)

// IsEventEnded reports whether Zoom refused to delete a meeting or webinar because it has ended (code 3007).
func IsEventEnded(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventEnded
}

// IsEventInProgress reports whether Zoom refused to delete a meeting or webinar because it is running (code 3002).
func IsEventInProgress(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventInProgress
}

// IsEventStarted reports whether Zoom refused to update a meeting or webinar because it has started (code 3000
// with a message saying so).
func IsEventStarted(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventNotAccessible && strings.Contains(strings.ToLower(e.Message), "started")
}

// IsNotAWebinar reports whether the webinar endpoint refused a number it cannot read as a webinar, as it answers
// for a meeting's number (code 3000 "Cannot access meeting info.").
func IsNotAWebinar(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventNotAccessible
}

// IsPMIMeetingDelete reports whether meetingDelete refused a meeting held on the host's Personal Meeting ID
// (code 3018).
func IsPMIMeetingDelete(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventDeletePMI
}

// IsHostMissing reports whether Zoom named the host (or user) of a meeting or webinar call as not a user of the
// account (code 1001, whatever the HTTP status).
func IsHostMissing(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventHostMissing
}

// IsHostNotAllowed reports whether Zoom refused the host as one who may not host (code 3161: a pending user or a
// user of a type that cannot host).
func IsHostNotAllowed(err error) bool {
	e := apiError(err)
	return e != nil && e.Code == codeEventHostNotAllowed
}

// IsWebinarPlanMissing reports whether err is the answer of a webinar call when the account or host lacks the
// webinar add-on (code 200); badRequestOnly narrows it to the documented HTTP 400.
func IsWebinarPlanMissing(err error, badRequestOnly bool) bool {
	e := apiError(err)
	return e != nil && e.Code == CodeWebinarPlanMissing && (!badRequestOnly || e.HTTPStatus == http.StatusBadRequest)
}

// AltHostRefusal reports whether Zoom refused an alternative host, and returns its message (which names the
// refused address). The specs document no code of its own for it: the answer is recognised by its message.
func AltHostRefusal(err error) (message string, ok bool) {
	e := apiError(err)
	if e == nil || !strings.Contains(strings.ToLower(e.Message), "alternative host") {
		return "", false
	}
	return e.Message, true
}

// ServerTime returns Zoom's clock at the time of err (its Date header), or the local clock.
func ServerTime(err error) time.Time {
	if e := apiError(err); e != nil && !e.ServerTime.IsZero() {
		return e.ServerTime
	}
	return time.Now()
}
