package sandbox

import (
	"fmt"
	"sort"
	"strings"
)

// Plan names accepted in Profile.Plan.
const (
	PlanFree     = "free"
	PlanPro      = "pro"
	PlanBusiness = "business"
)

// Profile describes the emulated Zoom account: its plan, credentials and every
// behaviour that REFERENCE.md marks as account-dependent or unconfirmed.
// JSON names are snake_case; PUT /_sandbox/profile merges the fields it is given.
type Profile struct {
	// Plan is "free", "pro" or "business" (default). It selects the
	// rate-limit table of REFERENCE §2.3 and the daily user-invite quota.
	Plan string `json:"plan"`
	// RateLimitsEnabled turns on the per-category rate limiters and the
	// X-RateLimit-* headers. Default false in the Go API (true in cmd/zoom-sandbox).
	RateLimitsEnabled bool `json:"rate_limits_enabled"`
	// RateLimitOverrides replaces plan numbers per category ("Light", "Medium",
	// "Heavy", "Resource-intensive"), so tests can provoke 429s cheaply.
	RateLimitOverrides map[string]RateLimitOverride `json:"rate_limit_overrides,omitempty"`
	// TokenLifetimeSeconds is the access-token lifetime (expires_in). Default 3600.
	TokenLifetimeSeconds int `json:"token_lifetime_seconds"`
	// NewTokenRevokesOld makes each new token invalidate the earlier ones
	// (Zoom's historical behaviour, §5 item 5). Default false: several tokens stay valid.
	NewTokenRevokesOld bool `json:"new_token_revokes_old"`
	// AccountID is the S2S account id expected by the token endpoint and
	// reported as users' account_id. Default "sandbox-account".
	AccountID string `json:"account_id"`
	// ClientID is the S2S app's client id. Default "sandbox-client".
	ClientID string `json:"client_id"`
	// ClientSecret is the S2S app's client secret. Default "sandbox-secret".
	ClientSecret string `json:"client_secret"`
	// APIURL overrides the token response's api_url. Empty (default) = the
	// scheme and host the token request arrived on.
	APIURL string `json:"api_url,omitempty"`
	// OwnerEmail is the e-mail of the account owner created on reset. Default "owner@sandbox.zoom.test".
	OwnerEmail string `json:"owner_email"`
	// WebHost is the host of web links (personal_meeting_url, join_url, ...).
	// Default "us06web.zoom.us"; the user "cluster" is derived from its first label ("us06").
	WebHost string `json:"web_host"`
	// DefaultTimezone is the timezone given to new users. Default "America/Los_Angeles".
	DefaultTimezone string `json:"default_timezone"`
	// MeMapsToOwner maps the "me" user id to the account owner (default true);
	// when false "me" is an unknown user (404 code 1001).
	MeMapsToOwner bool `json:"me_maps_to_owner"`
	// CustCreateAllowed permits POST /users action=custCreate (ISV agreement). Default false → 400 code 200.
	CustCreateAllowed bool `json:"cust_create_allowed"`
	// SSOEnabled permits POST /users action=ssoCreate. Default false → 400 code 2032.
	SSOEnabled bool `json:"sso_enabled"`
	// AutoCreateAllowed permits POST /users action=autoCreate (managed domain). Default true.
	AutoCreateAllowed bool `json:"auto_create_allowed"`
	// AutoCreateRequiresPassword makes user_info.password mandatory for autoCreate. The spec only says the
	// password is used by autoCreate, not that it is required (unconfirmed), so the default is false; a password
	// that is sent is always checked against Zoom's rules.
	AutoCreateRequiresPassword bool `json:"auto_create_requires_password"`
	// FreePlanUserCreateAllowed lets a free-plan account use POST /users
	// (Zoom requires Pro or higher; default false → 400 code 200 on plan "free").
	FreePlanUserCreateAllowed bool `json:"free_plan_user_create_allowed"`
	// PendingDeleteAllowed lets DELETE /users/{id}?action=delete remove a pending
	// user. Default false → 400 code 300 (Zoom documents disassociate for pending users).
	PendingDeleteAllowed bool `json:"pending_delete_allowed"`
	// UserStatusSuccessCode is the success status of PUT /users/{id}/status: 204 (default) or 200.
	UserStatusSuccessCode int `json:"user_status_success_code"`
	// EmailChangesPerDay caps PUT /users/{id}/email per user in any 24 hours. Default 3; negative = unlimited.
	EmailChangesPerDay int `json:"email_changes_per_day"`
	// GrantedScopes are the scopes of tokens issued from now on (classic or
	// granular names). Empty = every scope is granted.
	GrantedScopes []string `json:"granted_scopes"`
	// Revoked simulates a deactivated app: the token endpoint answers
	// invalid_client and existing tokens answer 401 code 124.
	Revoked bool `json:"revoked"`
	// TokenEndpointDown makes POST /oauth/token answer 503 with an HTML page.
	TokenEndpointDown bool `json:"token_endpoint_down"`
	// LatencyMS is injected latency on every /v2 and token request, in milliseconds.
	LatencyMS int `json:"latency_ms"`
	// DailyUserInvites caps POST /users action=create per UTC day (sandbox
	// clock). 0 = plan default (50 free, 1500 pro, 10000 business); negative = unlimited.
	DailyUserInvites int `json:"daily_user_invites"`
	// MeetingDailyLimit is the per-host daily limit of meeting+webinar create/update requests (REFERENCE §2.3,
	// §5 item 30), counted per UTC day of the sandbox clock against the host. Default 100; 0 = unlimited.
	MeetingDailyLimit int `json:"meeting_daily_limit"`
	// MeetingDailyLimitHeaders adds X-RateLimit-Type: Daily-limit, X-RateLimit-Limit, X-RateLimit-Remaining: 0
	// and Retry-After (next 00:00:00Z) to the per-host daily-limit 429. Zoom was observed sending that 429
	// without X-RateLimit-Type and Retry-After (§2.4), so the default is false.
	MeetingDailyLimitHeaders bool `json:"meeting_daily_limit_headers"`
	// WebinarAddon says whether hosts hold the webinar add-on. Default true.
	WebinarAddon bool `json:"webinar_addon"`
	// MailEnabled says whether Zoom Mail is provisioned. Default true.
	MailEnabled bool `json:"mail_enabled"`
	// PasscodeRequired makes meeting creation generate a passcode when none is sent. Default false.
	PasscodeRequired bool `json:"passcode_required"`
	// SecurityOptionRequired is Zoom's "require that all meetings are secured with one security option"
	// (REFERENCE §4b, §5 item 16): a meeting left with no passcode, no waiting room and no
	// meeting_authentication gets a generated 6-character passcode. Default true.
	SecurityOptionRequired bool `json:"security_option_required"`
	// DefaultMeetingTopic is the topic of a meeting created without one (unconfirmed). Default "Zoom Meeting".
	DefaultMeetingTopic string `json:"default_meeting_topic"`
	// DefaultMeetingDuration is the duration in minutes of a meeting created without one (unconfirmed). Default 60.
	DefaultMeetingDuration int `json:"default_meeting_duration"`
	// RecurringStartTime is the top-level start_time that GET and list report for a type-8 meeting
	// (unconfirmed): "first" (default) = the start_time as scheduled; "next_occurrence" = the start of
	// the next occurrence that has not ended (sandbox clock).
	RecurringStartTime string `json:"recurring_start_time"`
	// RecurringNoFixedTimeReturnsStartTime makes type-3 meetings (recurring, no fixed time) return a
	// start_time (unconfirmed whether Zoom does). Default false.
	RecurringNoFixedTimeReturnsStartTime bool `json:"recurring_no_fixed_time_returns_start_time"`
	// RecurrenceMaxEndTimes is the largest accepted recurrence.end_times and the cap on generated occurrences.
	// The meeting spec says 365, Zoom's recurrence documentation says 1-50 (raised by Zoom support), so the
	// default is 50; at most 365.
	RecurrenceMaxEndTimes int `json:"recurrence_max_end_times"`
	// InvalidAlternativeHost is the answer to a settings.alternative_hosts entry that is not an active user
	// of the account other than the host (exact Zoom error unconfirmed): "error" (default) = 400 code 300
	// "Invalid alternative host: {entry}"; "drop" = the entry is silently dropped.
	InvalidAlternativeHost string `json:"invalid_alternative_host"`
	// RegistrationOnType3 lets type-3 meetings (recurring, no fixed time) turn registration on
	// (unconfirmed). Default false → 400 code 300.
	RegistrationOnType3 bool `json:"registration_on_type3"`
	// BasicHostRegistration is the answer when a Basic (type 1) host asks for registration (unconfirmed):
	// "error" (default) = 400 code 300 "Registration cannot be enabled for a basic user."; "ignore" = the
	// meeting is stored with approval_type 2 (no registration).
	BasicHostRegistration string `json:"basic_host_registration"`
	// EndedMeetingStatus is a meeting's status after an instance ends: "waiting" (default, the spec's enum)
	// or "finished".
	EndedMeetingStatus string `json:"ended_meeting_status"`
	// MeetingExpiryGraceMinutes: a type-2 meeting whose start_time+duration, or a type-8 meeting whose last
	// occurrence, ended more than this many minutes ago (sandbox clock) is expired (404 code 3001, not
	// listed). Default 0; negative = meetings never expire. Type-3 meetings never expire.
	MeetingExpiryGraceMinutes int `json:"meeting_expiry_grace_minutes"`
	// DeletedMeetingRecoverDays is how long a deleted meeting can be restored with PUT
	// /meetings/{id}/status action=recover (window unconfirmed). Default 7; 0 = never; negative = forever.
	DeletedMeetingRecoverDays int `json:"deleted_meeting_recover_days"`
	// CreateAcceptsUserTemplates lets POST /users/{userId}/meetings use a user's own (type 1) meeting
	// template. The spec says only account admin templates are accepted, so the default is false → 400 code 300.
	CreateAcceptsUserTemplates bool `json:"create_accepts_user_templates"`
}

// Bounds of the day and minute knobs (100 years), so that they fit a time.Duration.
const (
	maxGraceMinutes = 100 * 365 * 24 * 60
	maxRecoverDays  = 100 * 365
)

// Values of the string enum knobs ("" = the default).
const (
	RecurringStartFirst          = "first"
	RecurringStartNextOccurrence = "next_occurrence"
	AlternativeHostError         = "error"
	AlternativeHostDrop          = "drop"
	BasicRegistrationError       = "error"
	BasicRegistrationIgnore      = "ignore"
	EndedStatusWaiting           = "waiting"
	EndedStatusFinished          = "finished"
)

// RateLimitOverride replaces one category's numbers from the plan table.
// Zero fields keep the plan value; a negative Daily removes the daily quota.
type RateLimitOverride struct {
	// PerWindow is the number of requests allowed per window (per second, or
	// per minute for Resource-intensive).
	PerWindow int `json:"per_window,omitempty"`
	// Daily is the daily quota of the category.
	Daily int `json:"daily,omitempty"`
}

// DefaultProfile returns the profile of a Business account with the sandbox's
// default credentials and rate limits disabled.
func DefaultProfile() Profile {
	return Profile{
		Plan:                  PlanBusiness,
		RateLimitsEnabled:     false,
		TokenLifetimeSeconds:  3600,
		AccountID:             "sandbox-account",
		ClientID:              "sandbox-client",
		ClientSecret:          "sandbox-secret",
		OwnerEmail:            "owner@sandbox.zoom.test",
		WebHost:               "us06web.zoom.us",
		DefaultTimezone:       "America/Los_Angeles",
		MeMapsToOwner:         true,
		AutoCreateAllowed:     true,
		UserStatusSuccessCode: 204,
		EmailChangesPerDay:    3,
		MeetingDailyLimit:     100,
		WebinarAddon:          true,
		MailEnabled:           true,

		SecurityOptionRequired:    true,
		DefaultMeetingTopic:       "Zoom Meeting",
		DefaultMeetingDuration:    60,
		RecurringStartTime:        RecurringStartFirst,
		RecurrenceMaxEndTimes:     50,
		InvalidAlternativeHost:    AlternativeHostError,
		BasicHostRegistration:     BasicRegistrationError,
		EndedMeetingStatus:        EndedStatusWaiting,
		DeletedMeetingRecoverDays: 7,
	}
}

// PresetProfile returns DefaultProfile with the given plan ("free", "pro" or
// "business").
func PresetProfile(plan string) (Profile, error) {
	p := DefaultProfile()
	switch plan {
	case PlanFree, PlanPro, PlanBusiness:
		p.Plan = plan
		return p, nil
	}
	return p, fmt.Errorf("unknown plan %q (want free, pro or business)", plan)
}

// Validate reports the first invalid field of p.
func (p Profile) Validate() error {
	switch p.Plan {
	case PlanFree, PlanPro, PlanBusiness:
	default:
		return fmt.Errorf("plan: unknown plan %q (want free, pro or business)", p.Plan)
	}
	if p.TokenLifetimeSeconds <= 0 {
		return fmt.Errorf("token_lifetime_seconds: must be positive, got %d", p.TokenLifetimeSeconds)
	}
	if p.AccountID == "" || p.ClientID == "" || p.ClientSecret == "" {
		return fmt.Errorf("account_id, client_id and client_secret must not be empty")
	}
	if p.OwnerEmail == "" || !validEmail(p.OwnerEmail) {
		return fmt.Errorf("owner_email: invalid e-mail %q", p.OwnerEmail)
	}
	if p.WebHost == "" || strings.ContainsAny(p.WebHost, "/ ") {
		return fmt.Errorf("web_host: invalid host %q", p.WebHost)
	}
	if p.UserStatusSuccessCode != 200 && p.UserStatusSuccessCode != 204 {
		return fmt.Errorf("user_status_success_code: must be 200 or 204, got %d", p.UserStatusSuccessCode)
	}
	if p.LatencyMS < 0 {
		return fmt.Errorf("latency_ms: must not be negative")
	}
	if p.MeetingDailyLimit < 0 {
		return fmt.Errorf("meeting_daily_limit: must not be negative (0 = unlimited)")
	}
	if p.MeetingExpiryGraceMinutes > maxGraceMinutes {
		return fmt.Errorf("meeting_expiry_grace_minutes: at most %d (100 years; negative = never expire)", maxGraceMinutes)
	}
	if p.DeletedMeetingRecoverDays > maxRecoverDays {
		return fmt.Errorf("deleted_meeting_recover_days: at most %d (100 years; negative = forever)", maxRecoverDays)
	}
	if p.DefaultMeetingDuration < 0 {
		return fmt.Errorf("default_meeting_duration: must not be negative")
	}
	if p.RecurrenceMaxEndTimes < 1 || p.RecurrenceMaxEndTimes > 365 {
		return fmt.Errorf("recurrence_max_end_times: must be between 1 and 365, got %d", p.RecurrenceMaxEndTimes)
	}
	for _, e := range []struct {
		name, value string
		allowed     []string
	}{
		{"recurring_start_time", p.RecurringStartTime, []string{RecurringStartFirst, RecurringStartNextOccurrence}},
		{"invalid_alternative_host", p.InvalidAlternativeHost, []string{AlternativeHostError, AlternativeHostDrop}},
		{"basic_host_registration", p.BasicHostRegistration, []string{BasicRegistrationError, BasicRegistrationIgnore}},
		{"ended_meeting_status", p.EndedMeetingStatus, []string{EndedStatusWaiting, EndedStatusFinished}},
	} {
		ok := e.value == ""
		for _, a := range e.allowed {
			ok = ok || e.value == a
		}
		if !ok {
			return fmt.Errorf("%s: must be %s, got %q", e.name, strings.Join(e.allowed, " or "), e.value)
		}
	}
	for name, o := range p.RateLimitOverrides {
		if _, ok := parseCategory(name); !ok {
			return fmt.Errorf("rate_limit_overrides: unknown category %q", name)
		}
		if o.PerWindow < 0 {
			return fmt.Errorf("rate_limit_overrides.%s.per_window: must not be negative", name)
		}
	}
	return nil
}

// clone returns a deep copy of p.
func (p Profile) clone() Profile {
	c := p
	if p.GrantedScopes != nil {
		c.GrantedScopes = append([]string(nil), p.GrantedScopes...)
	}
	if p.RateLimitOverrides != nil {
		c.RateLimitOverrides = make(map[string]RateLimitOverride, len(p.RateLimitOverrides))
		for k, v := range p.RateLimitOverrides {
			c.RateLimitOverrides[k] = v
		}
	}
	return c
}

// dailyInviteLimit is the effective daily quota of action=create (0 = unlimited).
func (p Profile) dailyInviteLimit() int {
	if p.DailyUserInvites < 0 {
		return 0
	}
	if p.DailyUserInvites > 0 {
		return p.DailyUserInvites
	}
	switch p.Plan {
	case PlanFree:
		return 50
	case PlanPro:
		return 1500
	default:
		return 10000
	}
}

// cluster derives the user "cluster" value from the web host ("us06web.zoom.us" → "us06").
func (p Profile) cluster() string {
	label, _, _ := strings.Cut(p.WebHost, ".")
	if c, ok := strings.CutSuffix(label, "web"); ok && c != "" {
		return c
	}
	return label
}

// grantedScopeList is the scope set of new tokens: the granted scopes,
// or every scope some route accepts when nothing is restricted.
func (p Profile) grantedScopeList(all []string) []string {
	if len(p.GrantedScopes) == 0 {
		return all
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range p.GrantedScopes {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
