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
	// MeetingDailyLimit is the per-host daily meeting+webinar create/update limit. Default 100.
	MeetingDailyLimit int `json:"meeting_daily_limit"`
	// WebinarAddon says whether hosts hold the webinar add-on. Default true.
	WebinarAddon bool `json:"webinar_addon"`
	// MailEnabled says whether Zoom Mail is provisioned. Default true.
	MailEnabled bool `json:"mail_enabled"`
	// PasscodeRequired makes meeting creation generate a passcode when none is sent. Default false.
	PasscodeRequired bool `json:"passcode_required"`
}

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
		return fmt.Errorf("meeting_daily_limit: must not be negative")
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
