package client

import (
	"context"
	"net/url"
)

// WebinarsService is the Zoom Webinars API (Zoom's Meeting API spec; docs/development/zoom-api.md#webinars and #templates). Every operation needs
// the webinar add-on on the account and a webinar licence for the host (otherwise Zoom answers 400 code 200).
type WebinarsService service

// Webinar types (Webinar.Type, WebinarRequest.Type).
const (
	// WebinarTypeScheduled is a one-time webinar.
	WebinarTypeScheduled = 5
	// WebinarTypeRecurringNoFixedTime is a recurring webinar with no fixed time.
	WebinarTypeRecurringNoFixedTime = 6
	// WebinarTypeRecurringFixedTime is a recurring webinar with a fixed time.
	WebinarTypeRecurringFixedTime = 9
)

// CodeWebinarPlanMissing is Zoom's error code when the account or host lacks the webinar add-on.
const CodeWebinarPlanMissing = 200

// Webinar is a webinar as returned by create and GET.
type Webinar struct {
	Event
	IsSimulive   bool             `json:"is_simulive"`
	RecordFileID string           `json:"record_file_id,omitempty"`
	Settings     *WebinarSettings `json:"settings,omitempty"`
}

// EmailNotificationPlan is the {enable, type} object of webinar reminder and follow-up e-mails.
type EmailNotificationPlan struct {
	Enable *bool `json:"enable,omitempty"`
	Type   *int  `json:"type,omitempty"`
}

// QuestionAndAnswer is the Q&A setting of a webinar.
type QuestionAndAnswer struct {
	Enable                  *bool   `json:"enable,omitempty"`
	AllowAnonymousQuestions *bool   `json:"allow_anonymous_questions,omitempty"`
	AnswerQuestions         *string `json:"answer_questions,omitempty"`
	AttendeesCanComment     *bool   `json:"attendees_can_comment,omitempty"`
	AttendeesCanUpvote      *bool   `json:"attendees_can_upvote,omitempty"`
	AllowAutoReply          *bool   `json:"allow_auto_reply,omitempty"`
	AutoReplyText           *string `json:"auto_reply_text,omitempty"`
}

// WebinarSettings is the settings object of a webinar; only non-nil fields are sent.
type WebinarSettings struct {
	AddAudioWatermark                              *bool                   `json:"add_audio_watermark,omitempty"`
	AddWatermark                                   *bool                   `json:"add_watermark,omitempty"`
	AllowMultipleDevices                           *bool                   `json:"allow_multiple_devices,omitempty"`
	AlternativeHosts                               *string                 `json:"alternative_hosts,omitempty"`
	AlternativeHostUpdatePolls                     *bool                   `json:"alternative_host_update_polls,omitempty"`
	ApprovalType                                   *int                    `json:"approval_type,omitempty"`
	AttendeesAndPanelistsReminderEmailNotification *EmailNotificationPlan  `json:"attendees_and_panelists_reminder_email_notification,omitempty"`
	Audio                                          *string                 `json:"audio,omitempty"`
	AuthenticationDomains                          *string                 `json:"authentication_domains,omitempty"`
	AuthenticationName                             *string                 `json:"authentication_name,omitempty"`
	AuthenticationOption                           *string                 `json:"authentication_option,omitempty"`
	AutoRecording                                  *string                 `json:"auto_recording,omitempty"`
	CloseRegistration                              *bool                   `json:"close_registration,omitempty"`
	ContactEmail                                   *string                 `json:"contact_email,omitempty"`
	ContactName                                    *string                 `json:"contact_name,omitempty"`
	EmailLanguage                                  *string                 `json:"email_language,omitempty"`
	EnableSessionBranding                          *bool                   `json:"enable_session_branding,omitempty"`
	FollowUpAbsenteesEmailNotification             *EmailNotificationPlan  `json:"follow_up_absentees_email_notification,omitempty"`
	FollowUpAttendeesEmailNotification             *EmailNotificationPlan  `json:"follow_up_attendees_email_notification,omitempty"`
	GlobalDialInCountries                          *[]string               `json:"global_dial_in_countries,omitempty"`
	HDVideo                                        *bool                   `json:"hd_video,omitempty"`
	HDVideoForAttendees                            *bool                   `json:"hd_video_for_attendees,omitempty"`
	HostVideo                                      *bool                   `json:"host_video,omitempty"`
	LanguageInterpretation                         *LanguageInterpretation `json:"language_interpretation,omitempty"`
	MeetingAuthentication                          *bool                   `json:"meeting_authentication,omitempty"`
	NotifyRegistrants                              *bool                   `json:"notify_registrants,omitempty"`
	OnDemand                                       *bool                   `json:"on_demand,omitempty"`
	PanelistAuthentication                         *bool                   `json:"panelist_authentication,omitempty"`
	PanelistsInvitationEmailNotification           *bool                   `json:"panelists_invitation_email_notification,omitempty"`
	PanelistsVideo                                 *bool                   `json:"panelists_video,omitempty"`
	PostWebinarSurvey                              *bool                   `json:"post_webinar_survey,omitempty"`
	PracticeSession                                *bool                   `json:"practice_session,omitempty"`
	QuestionAndAnswer                              *QuestionAndAnswer      `json:"question_and_answer,omitempty"`
	RegistrantsConfirmationEmail                   *bool                   `json:"registrants_confirmation_email,omitempty"`
	RegistrantsEmailNotification                   *bool                   `json:"registrants_email_notification,omitempty"`
	RegistrantsRestrictNumber                      *int                    `json:"registrants_restrict_number,omitempty"`
	RegistrationType                               *int                    `json:"registration_type,omitempty"`
	Send1080pVideoToAttendees                      *bool                   `json:"send_1080p_video_to_attendees,omitempty"`
	ShowShareButton                                *bool                   `json:"show_share_button,omitempty"`
	SurveyURL                                      *string                 `json:"survey_url,omitempty"`
}

// WebinarRequest is the body of webinar create and update: the shared fields plus the webinar settings.
type WebinarRequest struct {
	EventFields
	Settings *WebinarSettings `json:"settings,omitempty"`
}

// IsEmpty reports whether the request carries no field at all (an empty settings object counts as none).
func (r *WebinarRequest) IsEmpty() bool {
	return r == nil || (r.EventFields == EventFields{} && (r.Settings == nil || *r.Settings == WebinarSettings{}))
}

// WebinarSummary is one item of GET /users/{userId}/webinars.
type WebinarSummary struct {
	EventSummary
	IsSimulive bool `json:"is_simulive"`
}

// WebinarTemplate is one item of GET /users/{userId}/webinar_templates.
type WebinarTemplate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Webinar list filters (ListWebinarsOptions.Type).
const (
	WebinarListScheduled = "scheduled"
	WebinarListUpcoming  = "upcoming"
)

// ListWebinarsOptions are the query parameters of GET /users/{userId}/webinars.
type ListWebinarsOptions struct {
	// Type is WebinarListScheduled (Zoom's default) or WebinarListUpcoming.
	Type string
}

// DeleteWebinarOptions are the query parameters of DELETE /webinars/{webinarId}.
type DeleteWebinarOptions struct {
	OccurrenceID string
	// CancelWebinarReminder e-mails panelists and registrants about the cancellation.
	CancelWebinarReminder *bool
}

// Create schedules a webinar for the host userID. With TemplateID set, Zoom needs the host's user ID in the path,
// not the e-mail. A POST is retried only on 429 (see MeetingsService.Create).
//
//meta:operation POST /users/{userId}/webinars
func (s *WebinarsService) Create(ctx context.Context, userID string, req *WebinarRequest) (*Webinar, error) {
	return createEvent[Webinar](ctx, s.client, "webinar", "webinars", userID, req, req == nil, CategoryLight)
}

// Get returns a webinar; opts may be nil.
//
//meta:operation GET /webinars/{webinarId}
func (s *WebinarsService) Get(ctx context.Context, id int64, opts *GetMeetingOptions) (*Webinar, error) {
	return getEvent[Webinar](ctx, s.client, "webinar", "webinars", id, opts)
}

// Update changes the fields set in req (204; re-read with Get). Counts toward the host's daily limit.
//
//meta:operation PATCH /webinars/{webinarId}
func (s *WebinarsService) Update(ctx context.Context, id int64, req *WebinarRequest) error {
	return updateEvent(ctx, s.client, "webinar", "webinars", id, req, req == nil)
}

// Delete deletes a webinar (or one occurrence); opts may be nil.
//
//meta:operation DELETE /webinars/{webinarId}
func (s *WebinarsService) Delete(ctx context.Context, id int64, opts *DeleteWebinarOptions) error {
	q := url.Values{}
	if opts != nil {
		setString(q, "occurrence_id", opts.OccurrenceID)
		setBool(q, "cancel_webinar_reminder", opts.CancelWebinarReminder)
	}
	return deleteEvent(ctx, s.client, "webinar", "webinars", id, q)
}

// End ends a running webinar.
//
//meta:operation PUT /webinars/{webinarId}/status
func (s *WebinarsService) End(ctx context.Context, id int64) error {
	return setEventStatus(ctx, s.client, "webinar", "webinars", id, "end")
}

// List returns every webinar of a host (all pages, 300 per page, by page_number); opts may be nil.
//
//meta:operation GET /users/{userId}/webinars
func (s *WebinarsService) List(ctx context.Context, userID string, opts *ListWebinarsOptions) ([]WebinarSummary, error) {
	p, err := userPath(userID)
	if err != nil {
		return nil, err
	}
	var typ string
	if opts != nil {
		typ = opts.Type
	}
	// The operation's parameters document page_size and page_number only (no next_page_token).
	return listAllByPageNumber[WebinarSummary](ctx, s.client, p+"/webinars", listQuery(typ), CategoryMedium, "webinars", maxMeetingsPageSize)
}

// ListTemplates returns the webinar templates a user can use (not paginated).
//
//meta:operation GET /users/{userId}/webinar_templates
func (s *WebinarsService) ListTemplates(ctx context.Context, userID string) ([]WebinarTemplate, error) {
	return listTemplates[WebinarTemplate](ctx, s.client, userID, "webinar_templates")
}
