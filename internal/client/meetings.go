package client

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// MeetingsService is the Zoom Meetings API (Zoom's Meeting API spec; docs/development/zoom-api.md#meetings and #templates).
type MeetingsService service

// Meeting types (Meeting.Type, MeetingRequest.Type).
const (
	// MeetingTypeInstant is an instant meeting (not managed by the provider).
	MeetingTypeInstant = 1
	// MeetingTypeScheduled is a scheduled meeting.
	MeetingTypeScheduled = 2
	// MeetingTypeRecurringNoFixedTime is a recurring meeting with no fixed time.
	MeetingTypeRecurringNoFixedTime = 3
	// MeetingTypePMI is reported by GET for a meeting held on the host's Personal Meeting ID.
	MeetingTypePMI = 4
	// MeetingTypeRecurringFixedTime is a recurring meeting with a fixed time.
	MeetingTypeRecurringFixedTime = 8
)

// Recurrence types (Recurrence.Type).
const (
	RecurrenceDaily   = 1
	RecurrenceWeekly  = 2
	RecurrenceMonthly = 3
)

// Meeting status actions for UpdateStatus.
const (
	// MeetingStatusActionEnd ends a live meeting.
	MeetingStatusActionEnd = "end"
	// MeetingStatusActionRecover restores a deleted meeting.
	MeetingStatusActionRecover = "recover"
)

// FlexString decodes a JSON string or number into a string (Zoom sends `pmi`
// as an integer in create responses and as a string in GET and list responses).
type FlexString string

// UnmarshalJSON accepts a string, a number or null.
func (f *FlexString) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	switch {
	case s == "null":
		*f = ""
	case strings.HasPrefix(s, `"`):
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*f = FlexString(v)
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*f = FlexString(n.String())
	}
	return nil
}

// Meeting is a meeting as returned by create and GET.
type Meeting struct {
	Event
	AssistantID       string           `json:"assistant_id,omitempty"`
	H323Password      string           `json:"h323_password,omitempty"`
	PSTNPassword      string           `json:"pstn_password,omitempty"`
	EncryptedPassword string           `json:"encrypted_password,omitempty"`
	PMI               FlexString       `json:"pmi,omitempty"`
	PreSchedule       bool             `json:"pre_schedule"`
	Settings          *MeetingSettings `json:"settings,omitempty"`
}

// TrackingField is one tracking-field value of a meeting.
type TrackingField struct {
	Field string `json:"field"`
	Value string `json:"value"`
	// Visible is response-only.
	Visible *bool `json:"visible,omitempty"`
}

// Occurrence is one occurrence of a recurring meeting or webinar.
type Occurrence struct {
	// OccurrenceID is the occurrence start in epoch milliseconds, as a string.
	OccurrenceID string `json:"occurrence_id"`
	StartTime    string `json:"start_time"`
	Duration     int    `json:"duration"`
	Status       string `json:"status"`
}

// Recurrence is the recurrence rule of a type-8 meeting (or type-9 webinar).
type Recurrence struct {
	Type           int    `json:"type"`
	RepeatInterval *int   `json:"repeat_interval,omitempty"`
	WeeklyDays     string `json:"weekly_days,omitempty"`
	MonthlyDay     *int   `json:"monthly_day,omitempty"`
	MonthlyWeek    *int   `json:"monthly_week,omitempty"`
	MonthlyWeekDay *int   `json:"monthly_week_day,omitempty"`
	EndTimes       *int   `json:"end_times,omitempty"`
	EndDateTime    string `json:"end_date_time,omitempty"`
}

// MeetingSettings is the settings object of a meeting. Every field is a
// pointer so that a request carries only what the caller set (PATCH merges
// settings key by key).
type MeetingSettings struct {
	AllowMultipleDevices              *bool                   `json:"allow_multiple_devices,omitempty"`
	AlternativeHosts                  *string                 `json:"alternative_hosts,omitempty"`
	AlternativeHostsEmailNotification *bool                   `json:"alternative_hosts_email_notification,omitempty"`
	AlternativeHostUpdatePolls        *bool                   `json:"alternative_host_update_polls,omitempty"`
	ApprovalType                      *int                    `json:"approval_type,omitempty"`
	Audio                             *string                 `json:"audio,omitempty"`
	AuthenticationDomains             *string                 `json:"authentication_domains,omitempty"`
	AuthenticationName                *string                 `json:"authentication_name,omitempty"`
	AuthenticationOption              *string                 `json:"authentication_option,omitempty"`
	AutoRecording                     *string                 `json:"auto_recording,omitempty"`
	CalendarType                      *int                    `json:"calendar_type,omitempty"`
	CloseRegistration                 *bool                   `json:"close_registration,omitempty"`
	ContactEmail                      *string                 `json:"contact_email,omitempty"`
	ContactName                       *string                 `json:"contact_name,omitempty"`
	EmailNotification                 *bool                   `json:"email_notification,omitempty"`
	EncryptionType                    *string                 `json:"encryption_type,omitempty"`
	FocusMode                         *bool                   `json:"focus_mode,omitempty"`
	GlobalDialInCountries             *[]string               `json:"global_dial_in_countries,omitempty"`
	HostSaveVideoOrder                *bool                   `json:"host_save_video_order,omitempty"`
	HostVideo                         *bool                   `json:"host_video,omitempty"`
	JBHTime                           *int                    `json:"jbh_time,omitempty"`
	JoinBeforeHost                    *bool                   `json:"join_before_host,omitempty"`
	LanguageInterpretation            *LanguageInterpretation `json:"language_interpretation,omitempty"`
	MeetingAuthentication             *bool                   `json:"meeting_authentication,omitempty"`
	MuteUponEntry                     *bool                   `json:"mute_upon_entry,omitempty"`
	ParticipantVideo                  *bool                   `json:"participant_video,omitempty"`
	PrivateMeeting                    *bool                   `json:"private_meeting,omitempty"`
	RegistrantsConfirmationEmail      *bool                   `json:"registrants_confirmation_email,omitempty"`
	RegistrantsEmailNotification      *bool                   `json:"registrants_email_notification,omitempty"`
	RegistrationType                  *int                    `json:"registration_type,omitempty"`
	ShowShareButton                   *bool                   `json:"show_share_button,omitempty"`
	UsePMI                            *bool                   `json:"use_pmi,omitempty"`
	WaitingRoom                       *bool                   `json:"waiting_room,omitempty"`
	Watermark                         *bool                   `json:"watermark,omitempty"`
}

// LanguageInterpretation is the language-interpretation setting of a meeting.
type LanguageInterpretation struct {
	Enable       *bool         `json:"enable,omitempty"`
	Interpreters []Interpreter `json:"interpreters,omitempty"`
}

// Interpreter is one language interpreter.
type Interpreter struct {
	Email string `json:"email"`
	// Languages is two comma-separated country IDs, e.g. "US,CN".
	Languages string `json:"languages"`
}

// MeetingRequest is the body of meeting create and update: the shared fields plus the meeting-only ones.
type MeetingRequest struct {
	EventFields
	DefaultPassword *bool            `json:"default_password,omitempty"`
	PreSchedule     *bool            `json:"pre_schedule,omitempty"`
	ScheduleFor     *string          `json:"schedule_for,omitempty"`
	Settings        *MeetingSettings `json:"settings,omitempty"`
}

// IsEmpty reports whether the request carries no field at all (an empty settings object counts as none).
func (r *MeetingRequest) IsEmpty() bool {
	return r == nil || (r.EventFields == EventFields{} && r.DefaultPassword == nil && r.PreSchedule == nil &&
		r.ScheduleFor == nil && (r.Settings == nil || *r.Settings == MeetingSettings{}))
}

// GetMeetingOptions are the query parameters of GET /meetings/{meetingId}.
type GetMeetingOptions struct {
	OccurrenceID            string
	ShowPreviousOccurrences bool
}

// query is the query string of opts (which may be nil); webinars take the same parameters.
func (opts *GetMeetingOptions) query() url.Values {
	q := url.Values{}
	if opts != nil {
		setString(q, "occurrence_id", opts.OccurrenceID)
		if opts.ShowPreviousOccurrences {
			q.Set("show_previous_occurrences", "true")
		}
	}
	return q
}

// DeleteMeetingOptions are the query parameters of DELETE /meetings/{meetingId}.
type DeleteMeetingOptions struct {
	OccurrenceID string
	// ScheduleForReminder e-mails the host and alternative hosts about the cancellation.
	ScheduleForReminder *bool
	// CancelMeetingReminder e-mails the registrants about the cancellation.
	CancelMeetingReminder *bool
}

// Meeting list filters (ListMeetingsOptions.Type).
const (
	MeetingListScheduled        = "scheduled"
	MeetingListLive             = "live"
	MeetingListUpcoming         = "upcoming"
	MeetingListUpcomingMeetings = "upcoming_meetings"
	MeetingListPreviousMeetings = "previous_meetings"
)

// ListMeetingsOptions are the query parameters of GET /users/{userId}/meetings.
type ListMeetingsOptions struct {
	// Type is one of the MeetingList* filters; empty = Zoom's default (scheduled).
	Type string
}

// MeetingSummary is one item of GET /users/{userId}/meetings (agenda is
// truncated to 250 characters; no settings, passcode or start URL).
type MeetingSummary struct {
	EventSummary
	PMI FlexString `json:"pmi,omitempty"`
}

// MeetingTemplate is one item of GET /users/{userId}/meeting_templates.
type MeetingTemplate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Type is 1 for a user's own template, 2 for an account-level admin template.
	Type int `json:"type"`
}

// maxMeetingsPageSize is GET /users/{userId}/meetings' maximum page_size.
const maxMeetingsPageSize = 300

// Create schedules a meeting for the host userID (an ID, an e-mail or "me").
//
// A POST is retried only on 429; on a 5xx, a timeout or a dropped connection
// IsMaybeProcessed(err) is true and the caller should look for the meeting
// before trying again.
//
//meta:operation POST /users/{userId}/meetings
func (s *MeetingsService) Create(ctx context.Context, userID string, req *MeetingRequest) (*Meeting, error) {
	return createEvent[Meeting](ctx, s.client, "meeting", "meetings", userID, req, req == nil, CategoryMedium)
}

// Get returns a meeting; opts may be nil.
//
//meta:operation GET /meetings/{meetingId}
func (s *MeetingsService) Get(ctx context.Context, id int64, opts *GetMeetingOptions) (*Meeting, error) {
	return getEvent[Meeting](ctx, s.client, "meeting", "meetings", id, opts)
}

// Update changes the fields set in req (Zoom answers 204; re-read with Get).
// Each call counts toward the host's daily create/update limit.
//
//meta:operation PATCH /meetings/{meetingId}
func (s *MeetingsService) Update(ctx context.Context, id int64, req *MeetingRequest) error {
	return updateEvent(ctx, s.client, "meeting", "meetings", id, req, req == nil)
}

// Delete deletes a meeting (or one occurrence); opts may be nil.
//
//meta:operation DELETE /meetings/{meetingId}
func (s *MeetingsService) Delete(ctx context.Context, id int64, opts *DeleteMeetingOptions) error {
	q := url.Values{}
	if opts != nil {
		setString(q, "occurrence_id", opts.OccurrenceID)
		setBool(q, "schedule_for_reminder", opts.ScheduleForReminder)
		setBool(q, "cancel_meeting_reminder", opts.CancelMeetingReminder)
	}
	return deleteEvent(ctx, s.client, "meeting", "meetings", id, q)
}

// UpdateStatus ends a live meeting or recovers a deleted one (see MeetingStatusAction*).
//
//meta:operation PUT /meetings/{meetingId}/status
func (s *MeetingsService) UpdateStatus(ctx context.Context, id int64, action string) error {
	return setEventStatus(ctx, s.client, "meeting", "meetings", id, action)
}

// List returns every meeting of a host matching opts (all pages, 300 per
// page); opts may be nil.
//
//meta:operation GET /users/{userId}/meetings
func (s *MeetingsService) List(ctx context.Context, userID string, opts *ListMeetingsOptions) ([]MeetingSummary, error) {
	p, err := userPath(userID)
	if err != nil {
		return nil, err
	}
	var typ string
	if opts != nil {
		typ = opts.Type
	}
	return listAll[MeetingSummary](ctx, s.client, p+"/meetings", listQuery(typ), CategoryMedium, "meetings", maxMeetingsPageSize)
}

// ListTemplates returns a user's meeting templates (the user's own and the
// account's admin templates; the endpoint is not paginated).
//
//meta:operation GET /users/{userId}/meeting_templates
func (s *MeetingsService) ListTemplates(ctx context.Context, userID string) ([]MeetingTemplate, error) {
	return listTemplates[MeetingTemplate](ctx, s.client, userID, "meeting_templates")
}
