package sandbox

import (
	"fmt"
	"sort"
	"strings"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"
)

// Plan names accepted in Profile.Plan.
const (
	PlanFree     = "free"
	PlanPro      = "pro"
	PlanBusiness = "business"
)

// Profile describes the emulated Zoom account: its plan, credentials and every
// behaviour that docs/development/zoom-api.md marks as account-dependent or unconfirmed.
// JSON names are snake_case; PUT /_sandbox/profile merges the fields it is given.
type Profile struct {
	// Plan is "free", "pro" or "business" (default). It selects the
	// rate-limit table of docs/development/zoom-api.md#rate-limits and the daily user-invite quota.
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
	// (Zoom's historical behaviour, docs/development/zoom-api.md#access-tokens). Default false: several tokens stay valid.
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
	// UnlistedTimezone is the answer to a timezone field (meetings, webinars, users) naming an IANA zone that is
	// not in Zoom's time-zone list, which is all Zoom documents accepting: "refuse" (default) = 400 code 300
	// "Validation Failed." naming the field, the generic validation error of those operations (none documents a
	// specific one); "substitute" = the zone is silently replaced by the first listed zone with the same UTC
	// offset at the sandbox clock (else by DefaultTimezone), as Zoom may do. A name that is no zone is refused
	// either way.
	UnlistedTimezone string `json:"unlisted_timezone"`
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
	// UserStatusSuccessCode is the success status of PUT /users/{id}/status: 200 (default, what the User spec
	// documents for userStatus) or 204 (what the sandbox answered before, as Zoom's other writes do).
	UserStatusSuccessCode int `json:"user_status_success_code"`
	// PendingUsersIgnoreProfileUpdates makes PATCH /users/{id} on a pending (invited, not yet accepted) user answer
	// 204 and change nothing, as Zoom is reported to do (unconfirmed). Default true; the invitation is accepted
	// with POST /_sandbox/users/{id}/accept.
	PendingUsersIgnoreProfileUpdates bool `json:"pending_users_ignore_profile_updates"`
	// UserEmailCase is how Zoom stores a user's e-mail (and manager e-mail) as sent (unconfirmed): "preserve"
	// (default, the case as sent) or "lower" (lower-cased).
	UserEmailCase string `json:"user_email_case"`
	// PhoneNumberFormat is how Zoom stores phone_numbers[].number (unconfirmed): "as_sent" (default), "digits"
	// (only the digits are kept) or "international" (the calling code, a space and the digits, e.g. "+1 2025550100").
	PhoneNumberFormat string `json:"phone_number_format"`
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
	// MeetingDailyLimit is the per-host daily limit of meeting+webinar create/update requests (docs/development/zoom-api.md#per-host-daily-limit), counted per UTC day of the sandbox clock against the host. Default 100; 0 = unlimited.
	MeetingDailyLimit int `json:"meeting_daily_limit"`
	// MeetingDailyLimitHeaders adds X-RateLimit-Type: Daily-limit, X-RateLimit-Limit, X-RateLimit-Remaining: 0
	// and Retry-After (next 00:00:00Z) to the per-host daily-limit 429. Zoom was observed sending that 429
	// without X-RateLimit-Type and Retry-After (docs/development/zoom-api.md#per-host-daily-limit), so the default is false.
	MeetingDailyLimitHeaders bool `json:"meeting_daily_limit_headers"`
	// WebinarAddon says whether the account has the webinar add-on; without it every webinar, webinar template
	// and webinar registrant endpoint answers 400 code 200 (docs/development/zoom-api.md#webinars). Default true.
	WebinarAddon bool `json:"webinar_addon"`
	// AddonSeats are the account's seats of the webinar and large-meeting add-ons per capacity, keyed
	// "webinar_<capacity>" or "large_meeting_<capacity>" (e.g. "webinar_500": 2). nil (default) keeps the
	// sandbox's historical licensing: every licensed user holds the webinar licence (WebinarAddon,
	// WebinarUnlicensedUsers) and seats are unlimited. With a map, a user holds a licence only once
	// userSettingsUpdate grants it (feature.webinar, feature.large_meeting), a capacity missing from the map has
	// no seats, and granting past the seats answers 400 code 200 "You can add max N Webinar 500 users.", as
	// userSettingsUpdate documents. Hosting a webinar needs the licence.
	AddonSeats map[string]int `json:"addon_seats,omitempty"`
	// LockedSettingUpdate is the answer to a group or user settings update that writes a setting locked at account
	// (or, for users, group) level, for which no operation documents an error: "ignore" (default: 204, the
	// locked value stays) or "error" (400 code 300 naming the setting and the lock; sandbox wording).
	LockedSettingUpdate string `json:"locked_setting_update"`
	// The webinar and registrant knobs below cover what docs/development/zoom-api.md#unconfirmed-behaviour mark as unconfirmed or
	// account-dependent (see webinars.go and registrants.go).
	//
	// WebinarUnlicensedUsers are hosts without a webinar licence on an account that has the add-on (user ids,
	// or e-mails matched case-insensitively). Every webinar, webinar template and webinar registrant endpoint
	// answers 400 code 200 for them, as for every host when WebinarAddon is false. Default empty.
	WebinarUnlicensedUsers []string `json:"webinar_unlicensed_users,omitempty"`
	// WebinarSecurityOptionRequired applies the one-security-option rule of SecurityOptionRequired to webinars:
	// a webinar left without a passcode and without meeting_authentication gets a generated passcode. Zoom
	// documents the rule for meetings only (unconfirmed for webinars), so the default is false.
	WebinarSecurityOptionRequired bool `json:"webinar_security_option_required"`
	// DefaultWebinarTopic is the topic of a webinar created without one (unconfirmed). Default "Zoom Webinar";
	// the duration of such a webinar is DefaultMeetingDuration.
	DefaultWebinarTopic string `json:"default_webinar_topic"`
	// RegistrationOnType6 lets type-6 webinars (recurring, no fixed time) have registration (unconfirmed), like
	// RegistrationOnType3 for meetings. Default false → 400 code 300 on create/update.
	RegistrationOnType6 bool `json:"registration_on_type6"`
	// SimuliveEnabled says whether the account has Simulive webinars; without it is_simulive true answers 400
	// code 300 "Account hasn't enabled Simulive Webinar." (spec). Default true.
	SimuliveEnabled bool `json:"simulive_enabled"`
	// WrongKindID is the answer when a webinar id is used on a meeting endpoint or a meeting id on a webinar
	// endpoint (docs/development/zoom-api.md#not-found-answers; unconfirmed): "cannot_access" (default, the answer Zoom's error lists give for this case) = 400
	// code 3000 "Cannot access webinar info." (webinar id on a meeting endpoint) or "Cannot access meeting
	// info." (meeting id on a webinar endpoint); "not_found" = 404 code 3001, as for an unknown id.
	WrongKindID string `json:"wrong_kind_id"`
	// UnknownRegistrant is the answer for a registrant id (or status-update e-mail) that the meeting or webinar
	// does not have (unconfirmed, docs/development/zoom-api.md#registration-not-enabled): "400" (default, the spec's DELETE answer) = 400
	// code 3000 "Registrant {id} was not found."; "404" = 404 code 404 with the same message.
	UnknownRegistrant string `json:"unknown_registrant"`
	// RegistrantReadd is the answer to adding an e-mail that is already registered (unconfirmed): "same"
	// (default, as commonly reported) = 201 with the existing registrant_id; "error" = 400 code 3000
	// "Registrant {email} has already registered." (sandbox wording).
	RegistrantReadd string `json:"registrant_readd"`
	// RegistrantCancelStatus is what PUT .../registrants/status action=cancel does to an approved registrant
	// (unconfirmed; the spec's status enum has no "cancelled"): "denied" (default; it is then listed with
	// status=denied, which is where the web portal shows cancelled registrations) or "deleted" (the
	// registration is removed, as DELETE would).
	RegistrantCancelStatus string `json:"registrant_cancel_status"`
	// RegistrantCustomQuestions is what a registration keeps of its custom_questions answers (unconfirmed):
	// "keep" (default: every answer, in the order sent) or "defined" (only the answers whose title is one of
	// RegistrantDefinedQuestions, in the order of that list, as Zoom may keep only the questions the meeting or
	// webinar defines; the sandbox has no registration-questions endpoints, so the list applies to every meeting
	// and webinar).
	RegistrantCustomQuestions string `json:"registrant_custom_questions"`
	// RegistrantDefinedQuestions are the custom question titles that every meeting and webinar defines, for
	// RegistrantCustomQuestions "defined". Default empty.
	RegistrantDefinedQuestions []string `json:"registrant_defined_questions,omitempty"`
	// RegistrantDailyAdds caps add-registrant requests per registrant e-mail per meeting or webinar per UTC day
	// (docs/development/zoom-api.md#rate-limits: 3). Default 3; 0 = unlimited.
	RegistrantDailyAdds int `json:"registrant_daily_adds"`
	// RegistrantDailyStatusChanges caps status updates naming the same registrant per meeting or webinar per
	// UTC day (docs/development/zoom-api.md#rate-limits: 10). Default 10; 0 = unlimited.
	RegistrantDailyStatusChanges int `json:"registrant_daily_status_changes"`
	// MeetingRegistrantCapacity is the most registrants a meeting takes (400 code 3043 after; the spec says
	// 4,999). Default 4999; 0 = 4999; at most 4999 (lower values make the limit cheap to test).
	MeetingRegistrantCapacity int `json:"meeting_registrant_capacity"`
	// WebinarRegistrantListAddressFields returns address, city, state, zip, phone, comments, industry,
	// job_title and org in GET /webinars/{id}/registrants items. docs/development/zoom-api.md#registrants says the list items lack them,
	// while the on-disk spec's list schema has them; the default false assumes the leaner answer (a provider that
	// needs them must read a registrant with GET one), true follows the spec.
	WebinarRegistrantListAddressFields bool `json:"webinar_registrant_list_address_fields"`
	// MailEnabled says whether Zoom Mail is provisioned. Default true.
	MailEnabled bool `json:"mail_enabled"`
	// The Zoom Mail knobs below cover what docs/development/zoom-api.md#zoom-mail-vacation-responder marks as unconfirmed. Mailboxes exist for the active
	// users of an account whose plan is not free and that has MailEnabled (see mail.go).
	//
	// MailUnprovisionedMailboxes are e-mails of active users whose mailbox has not been provisioned (matched
	// case-insensitively); their mailboxes answer like a mailbox that does not exist.
	MailUnprovisionedMailboxes []string `json:"mail_unprovisioned_mailboxes,omitempty"`
	// MailE2EE says whether Zoom Mail end-to-end encryption is on for the account; the Mail API refuses every
	// mailbox then. Default false.
	MailE2EE bool `json:"mail_e2ee"`
	// MailUnavailableError is the answer for a mailbox that cannot be used (Mail disabled, E2EE on, mailbox
	// unknown or unprovisioned; Zoom's exact answer is unconfirmed): "invalid_request" (default, the only error
	// the Mail spec documents and the likeliest reading) = 400 code 400 "Invalid Request" (GET) or
	// "Invalid Argument." (PUT); "descriptive" = 400 code 400 with a message naming the cause (sandbox wording);
	// "not_found" = like invalid_request, except that an unknown or unprovisioned mailbox answers 404 code 404.
	MailUnavailableError string `json:"mail_unavailable_error"`
	// MailPutOmitted is what PUT .../settings/vacation does with optional fields the body leaves out
	// (unconfirmed): "clear" (default: PUT replaces the whole setting, as HTTP PUT and Gmail's updateVacation,
	// which the object is modelled on, do) or "keep" (omitted fields keep their stored values). An empty string
	// always clears a field.
	MailPutOmitted string `json:"mail_put_omitted"`
	// MailTimePrecedence decides between startTime and startTimeISO (endTime and endTimeISO) when a PUT sends
	// both and they disagree (unconfirmed): "epoch" (default; the epoch form is the primary
	// one), "iso", or "reject" (400 code 400 "Invalid Argument.").
	MailTimePrecedence string `json:"mail_time_precedence"`
	// MailEmptyFields is how fields without a value are rendered, which also fixes the object of a mailbox that
	// never set a responder (unconfirmed): "omit" (default, as documented:
	// {"enableAutoReply":false} with the other fields absent) or "zero" (every field present as "" or false).
	MailEmptyFields string `json:"mail_empty_fields"`
	// MailEmptyTime is the answer to "" in a time field of PUT .../settings/vacation (startTime, startTimeISO,
	// endTime, endTimeISO), which the spec types as epoch milliseconds or an ISO-8601 time and never says how to
	// clear (unconfirmed): "clear" (default: the time is removed) or "refuse" (400 code 400 "Invalid Argument.",
	// as Zoom Mail is reported to answer). The default stays "clear" because with "refuse" and MailPutOmitted
	// "keep" together no request can remove a time.
	MailEmptyTime string `json:"mail_empty_time"`
	// PasscodeRequired makes meeting creation generate a passcode when none is sent. Default false.
	PasscodeRequired bool `json:"passcode_required"`
	// GeneratedPasscodeSpecials are characters a passcode Zoom generates may hold besides letters and digits
	// (accounts whose passcode rules ask for special characters; which ones Zoom draws from is unconfirmed, and
	// they need not be among those a request may send). Default "": generated passcodes are 6 letters and
	// digits; otherwise 5 letters and digits followed by one of these.
	GeneratedPasscodeSpecials string `json:"generated_passcode_specials"`
	// SecurityOptionRequired is Zoom's "require that all meetings are secured with one security option"
	// (docs/development/zoom-api.md#one-security-option): a meeting left with no passcode, no waiting room and no
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
	// RecurrenceEndDateTime is what a meeting or webinar keeps of recurrence.end_date_time (unconfirmed):
	// "exact" (default: the instant sent) or "end_of_day" (moved to 23:59 of that calendar day in the meeting's
	// time zone, as Zoom is reported to do). The occurrences are the same either way.
	RecurrenceEndDateTime string `json:"recurrence_end_date_time"`
	// InvalidAlternativeHost is the answer to a settings.alternative_hosts entry that is not an active user
	// of the account other than the host (exact Zoom error unconfirmed): "error" (default) = 400 code 300
	// "Invalid alternative host: {entry}"; "drop" = the entry is silently dropped.
	InvalidAlternativeHost string `json:"invalid_alternative_host"`
	// An alternative host must be a licensed user of the account (Zoom support article KB0082130): a Basic
	// (type 1) user is an invalid entry and gets the InvalidAlternativeHost answer. The meeting and webinar
	// specs document no error code of their own for it, so the code is that knob's.
	//
	// WebinarAltHostsSemicolons lets a webinar's settings.alternative_hosts also be split on ";" (the webinar
	// schema documents a comma-separated list, meetings use semicolons; one example of webinarCreate shows
	// semicolons, so this is unconfirmed). Default false: only commas separate entries, and a
	// semicolon-separated value is one invalid entry.
	WebinarAltHostsSemicolons bool `json:"webinar_alt_hosts_semicolons"`
	// WebinarListPageToken makes GET /users/{userId}/webinars honour a next_page_token query parameter and
	// issue tokens. Its parameters document only page_size and page_number (its response does list a
	// next_page_token field), so whether Zoom takes the token is unconfirmed. Default false: the list pages by
	// page_number, a token in the query is ignored and next_page_token is always "".
	WebinarListPageToken bool `json:"webinar_list_page_token"`
	// UndocumentedResponseFields makes meeting and webinar create and GET answers carry the fields real answers
	// were reported to hold beyond their operation's response schema: registration_url on GET (meetings) and on
	// every webinar answer, pstn_password, and uuid, host_id, status and encrypted_password on meetingCreate.
	// Default false: each answer holds only what its operation documents.
	UndocumentedResponseFields bool `json:"undocumented_response_fields"`
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
	// TrackingFieldRequired is the answer to a meeting or webinar create or update that leaves the event without
	// a value for a tracking field the account marks required (Zoom documents none; unconfirmed): "refuse"
	// (default) = 400 code 300 "Validation Failed." naming the field, the generic validation error of those
	// operations; "ignore" = the event is stored as sent.
	TrackingFieldRequired string `json:"tracking_field_required"`

	// Roles and user assistants (roles.go, assistants.go): behaviour Zoom's Roles and Users operations leave
	// undocumented.
	//
	// RoleDeleteMovesMembers lets DELETE /roles/{roleId} delete a custom role that still has members, moving them
	// to the Member role. Default false: 400 code 300 (sandbox wording), the members keep the role.
	RoleDeleteMovesMembers bool `json:"role_delete_moves_members"`
	// RoleMembersUnknownRole404 makes GET /roles/{roleId}/members answer an unknown role with HTTP 404 "Role not
	// found" (no code), the other answer roleMembers documents. Default false: 400 code 1034.
	RoleMembersUnknownRole404 bool `json:"role_members_unknown_role_404"`
	// AssistantDeleteUnknownOK makes DELETE /users/{userId}/assistants/{assistantId} answer 204 for a user who is
	// not one of the assistants. Default false: 404 code 1001 naming the assistant ID.
	AssistantDeleteUnknownOK bool `json:"assistant_delete_unknown_ok"`
	// The group knobs cover what docs/development/zoom-api.md#groups marks as unconfirmed (see groups.go).
	//
	// GroupCreatesPerDay caps groupCreate per UTC day (the spec: 100 groups a day per account). Default 100;
	// 0 = unlimited.
	GroupCreatesPerDay int `json:"group_creates_per_day"`
	// GroupDeleteWithMembers is the answer to deleting a group that still has members (undocumented): "refuse"
	// (default) = 400 code 300 naming the member count (sandbox wording); "remove" = the group is deleted and its
	// members stay in the account without it.
	GroupDeleteWithMembers string `json:"group_delete_with_members"`
	// GroupUnknownUsers is the answer to an id or e-mail in groupMembersCreate or groupAdminsCreate that is no
	// user of the account (undocumented): "error" (default) = 404 code 1001 "User does not exist: {id}." and
	// nothing is added; "skip" = the entry is left out and the others are added (the answer's ids omit it).
	GroupUnknownUsers string `json:"group_unknown_users"`
	// GroupListsDeactivatedMembers keeps deactivated users in GET /groups/{groupId}/members (undocumented whether
	// Zoom lists them). Default true: a deactivated user is still a member; false = they are left out of the
	// list (and its total_records) while deactivated.
	GroupListsDeactivatedMembers bool `json:"group_lists_deactivated_members"`
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
	MailUnavailableInvalid       = "invalid_request"
	MailUnavailableDescriptive   = "descriptive"
	MailUnavailableNotFound      = "not_found"
	MailPutClear                 = "clear"
	MailPutKeep                  = "keep"
	MailTimeEpoch                = "epoch"
	MailTimeISO                  = "iso"
	MailTimeReject               = "reject"
	MailEmptyOmit                = "omit"
	MailEmptyZero                = "zero"
	MailEmptyTimeClear           = "clear"
	MailEmptyTimeRefuse          = "refuse"
	UnlistedTimezoneRefuse       = "refuse"
	RecurrenceEndExact           = "exact"
	RecurrenceEndEndOfDay        = "end_of_day"
	UnlistedTimezoneSubstitute   = "substitute"
)

// Values of the user string knobs ("" = the default).
const (
	UserEmailPreserve        = "preserve"
	UserEmailLower           = "lower"
	PhoneFormatAsSent        = "as_sent"
	PhoneFormatDigits        = "digits"
	PhoneFormatInternational = "international"
)

// Values of the webinar and registrant string knobs ("" = the default).
const (
	WrongKindCannotAccess      = "cannot_access"
	WrongKindNotFound          = "not_found"
	UnknownRegistrant400       = "400"
	UnknownRegistrant404       = "404"
	RegistrantReaddSame        = "same"
	RegistrantReaddError       = "error"
	RegistrantCancelDenied     = "denied"
	RegistrantCancelDeleted    = "deleted"
	GroupDeleteRefuse          = "refuse"
	GroupDeleteRemoveMembers   = "remove"
	GroupUnknownUsersError     = "error"
	GroupUnknownUsersSkip      = "skip"
	RegistrantQuestionsKeep    = "keep"
	RegistrantQuestionsDefined = "defined"
	defaultRegistrantCapacity  = 4999
	defaultRegistrantDailyAdds = 3
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
		UnlistedTimezone:      UnlistedTimezoneRefuse,
		MeMapsToOwner:         true,
		AutoCreateAllowed:     true,
		UserStatusSuccessCode: 200,
		EmailChangesPerDay:    3,
		MeetingDailyLimit:     100,
		WebinarAddon:          true,
		LockedSettingUpdate:   LockedSettingIgnore,
		MailEnabled:           true,
		MailUnavailableError:  MailUnavailableInvalid,
		MailPutOmitted:        MailPutClear,
		MailTimePrecedence:    MailTimeEpoch,
		MailEmptyFields:       MailEmptyOmit,
		MailEmptyTime:         MailEmptyTimeClear,

		PendingUsersIgnoreProfileUpdates: true,
		UserEmailCase:                    UserEmailPreserve,
		PhoneNumberFormat:                PhoneFormatAsSent,

		DefaultWebinarTopic:          "Zoom Webinar",
		SimuliveEnabled:              true,
		WrongKindID:                  WrongKindCannotAccess,
		UnknownRegistrant:            UnknownRegistrant400,
		RegistrantReadd:              RegistrantReaddSame,
		RegistrantCancelStatus:       RegistrantCancelDenied,
		RegistrantCustomQuestions:    RegistrantQuestionsKeep,
		RegistrantDailyAdds:          defaultRegistrantDailyAdds,
		RegistrantDailyStatusChanges: 10,
		MeetingRegistrantCapacity:    defaultRegistrantCapacity,

		SecurityOptionRequired:    true,
		DefaultMeetingTopic:       "Zoom Meeting",
		DefaultMeetingDuration:    60,
		RecurringStartTime:        RecurringStartFirst,
		RecurrenceMaxEndTimes:     50,
		RecurrenceEndDateTime:     RecurrenceEndExact,
		InvalidAlternativeHost:    AlternativeHostError,
		BasicHostRegistration:     BasicRegistrationError,
		EndedMeetingStatus:        EndedStatusWaiting,
		DeletedMeetingRecoverDays: 7,
		TrackingFieldRequired:     TrackingRequiredRefuse,

		GroupCreatesPerDay:           100,
		GroupDeleteWithMembers:       GroupDeleteRefuse,
		GroupUnknownUsers:            GroupUnknownUsersError,
		GroupListsDeactivatedMembers: true,
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
	if !zoomtz.Supported(p.DefaultTimezone) {
		return fmt.Errorf("default_timezone: %q is not in Zoom's time-zone list", p.DefaultTimezone)
	}
	if p.UserStatusSuccessCode != 200 && p.UserStatusSuccessCode != 204 {
		return fmt.Errorf("user_status_success_code: must be 200 or 204, got %d", p.UserStatusSuccessCode)
	}
	if p.LatencyMS < 0 {
		return fmt.Errorf("latency_ms: must not be negative")
	}
	if p.GroupCreatesPerDay < 0 {
		return fmt.Errorf("group_creates_per_day: must not be negative (0 = unlimited)")
	}
	if p.MeetingDailyLimit < 0 {
		return fmt.Errorf("meeting_daily_limit: must not be negative (0 = unlimited)")
	}
	if p.RegistrantDailyAdds < 0 || p.RegistrantDailyStatusChanges < 0 {
		return fmt.Errorf("registrant_daily_adds, registrant_daily_status_changes: must not be negative (0 = unlimited)")
	}
	if p.MeetingRegistrantCapacity < 0 || p.MeetingRegistrantCapacity > defaultRegistrantCapacity {
		return fmt.Errorf("meeting_registrant_capacity: must be between 0 and %d (0 = %d)", defaultRegistrantCapacity, defaultRegistrantCapacity)
	}
	switch p.LockedSettingUpdate {
	case LockedSettingIgnore, LockedSettingError:
	default:
		return fmt.Errorf("locked_setting_update: want %q or %q, got %q", LockedSettingIgnore, LockedSettingError, p.LockedSettingUpdate)
	}
	for k, n := range p.AddonSeats {
		if n < 0 || !(strings.HasPrefix(k, "webinar_") || strings.HasPrefix(k, "large_meeting_")) {
			return fmt.Errorf("addon_seats: %q: want webinar_<capacity> or large_meeting_<capacity> with seats >= 0", k)
		}
	}
	for _, u := range p.WebinarUnlicensedUsers {
		if strings.TrimSpace(u) == "" {
			return fmt.Errorf("webinar_unlicensed_users: empty entry")
		}
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
		{"wrong_kind_id", p.WrongKindID, []string{WrongKindCannotAccess, WrongKindNotFound}},
		{"unknown_registrant", p.UnknownRegistrant, []string{UnknownRegistrant400, UnknownRegistrant404}},
		{"registrant_readd", p.RegistrantReadd, []string{RegistrantReaddSame, RegistrantReaddError}},
		{"registrant_cancel_status", p.RegistrantCancelStatus, []string{RegistrantCancelDenied, RegistrantCancelDeleted}},
		{"registrant_custom_questions", p.RegistrantCustomQuestions, []string{RegistrantQuestionsKeep, RegistrantQuestionsDefined}},
		{"mail_unavailable_error", p.MailUnavailableError, []string{MailUnavailableInvalid, MailUnavailableDescriptive, MailUnavailableNotFound}},
		{"mail_put_omitted", p.MailPutOmitted, []string{MailPutClear, MailPutKeep}},
		{"mail_time_precedence", p.MailTimePrecedence, []string{MailTimeEpoch, MailTimeISO, MailTimeReject}},
		{"mail_empty_fields", p.MailEmptyFields, []string{MailEmptyOmit, MailEmptyZero}},
		{"user_email_case", p.UserEmailCase, []string{UserEmailPreserve, UserEmailLower}},
		{"phone_number_format", p.PhoneNumberFormat, []string{PhoneFormatAsSent, PhoneFormatDigits, PhoneFormatInternational}},
		{"mail_empty_time", p.MailEmptyTime, []string{MailEmptyTimeClear, MailEmptyTimeRefuse}},
		{"recurrence_end_date_time", p.RecurrenceEndDateTime, []string{RecurrenceEndExact, RecurrenceEndEndOfDay}},
		{"unlisted_timezone", p.UnlistedTimezone, []string{UnlistedTimezoneRefuse, UnlistedTimezoneSubstitute}},
		{"tracking_field_required", p.TrackingFieldRequired, []string{TrackingRequiredRefuse, TrackingRequiredIgnore}},
		{"group_delete_with_members", p.GroupDeleteWithMembers, []string{GroupDeleteRefuse, GroupDeleteRemoveMembers}},
		{"group_unknown_users", p.GroupUnknownUsers, []string{GroupUnknownUsersError, GroupUnknownUsersSkip}},
	} {
		ok := e.value == ""
		for _, a := range e.allowed {
			ok = ok || e.value == a
		}
		if !ok {
			return fmt.Errorf("%s: must be %s, got %q", e.name, strings.Join(e.allowed, " or "), e.value)
		}
	}
	for _, m := range p.MailUnprovisionedMailboxes {
		if !validEmail(m) {
			return fmt.Errorf("mail_unprovisioned_mailboxes: invalid e-mail %q", m)
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
	if p.WebinarUnlicensedUsers != nil {
		c.WebinarUnlicensedUsers = append([]string(nil), p.WebinarUnlicensedUsers...)
	}
	if p.RegistrantDefinedQuestions != nil {
		c.RegistrantDefinedQuestions = append([]string(nil), p.RegistrantDefinedQuestions...)
	}
	if p.MailUnprovisionedMailboxes != nil {
		c.MailUnprovisionedMailboxes = append([]string(nil), p.MailUnprovisionedMailboxes...)
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
// storedEmail is how the account stores an e-mail it is sent (UserEmailCase).
func (p Profile) storedEmail(email string) string {
	if p.UserEmailCase == UserEmailLower {
		return strings.ToLower(email)
	}
	return email
}

// storedPhone is how the account stores a phone number it is sent (PhoneNumberFormat).
func (p Profile) storedPhone(code, number string) string {
	if p.PhoneNumberFormat != PhoneFormatDigits && p.PhoneNumberFormat != PhoneFormatInternational {
		return number
	}
	digits := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	if p.PhoneNumberFormat == PhoneFormatInternational && digits(code) != "" {
		return "+" + digits(code) + " " + digits(number)
	}
	return digits(number)
}

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
