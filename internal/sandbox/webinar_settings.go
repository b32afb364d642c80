package sandbox

import (
	"encoding/json"
	"strings"
)

// webinarSettings is a webinar's settings object: every key of the spec's webinar create and GET schemas,
// stored with defaults filled in and returned whole on create and GET. alternative_hosts is kept empty in
// storage and rendered from session.AltHosts.
type webinarSettings struct {
	AddAudioWatermark                              bool                    `json:"add_audio_watermark"`
	AddWatermark                                   bool                    `json:"add_watermark"`
	AllowMultipleDevices                           bool                    `json:"allow_multiple_devices"`
	AlternativeHosts                               string                  `json:"alternative_hosts"`
	AlternativeHostUpdatePolls                     bool                    `json:"alternative_host_update_polls"`
	ApprovalType                                   int                     `json:"approval_type"`
	AttendeesAndPanelistsReminderEmailNotification *emailNotificationPlan  `json:"attendees_and_panelists_reminder_email_notification"`
	Audio                                          string                  `json:"audio"`
	AuthenticationDomains                          string                  `json:"authentication_domains"`
	AuthenticationName                             string                  `json:"authentication_name,omitempty"`
	AuthenticationOption                           string                  `json:"authentication_option,omitempty"`
	AutoRecording                                  string                  `json:"auto_recording"`
	CloseRegistration                              bool                    `json:"close_registration"`
	ContactEmail                                   string                  `json:"contact_email"`
	ContactName                                    string                  `json:"contact_name"`
	EmailLanguage                                  string                  `json:"email_language"`
	EnableSessionBranding                          bool                    `json:"enable_session_branding"`
	EnforceLogin                                   bool                    `json:"enforce_login"`
	EnforceLoginDomains                            string                  `json:"enforce_login_domains"`
	FollowUpAbsenteesEmailNotification             *emailNotificationPlan  `json:"follow_up_absentees_email_notification"`
	FollowUpAttendeesEmailNotification             *emailNotificationPlan  `json:"follow_up_attendees_email_notification"`
	GlobalDialInCountries                          []string                `json:"global_dial_in_countries,omitempty"`
	HDVideo                                        bool                    `json:"hd_video"`
	HDVideoForAttendees                            bool                    `json:"hd_video_for_attendees"`
	HostVideo                                      bool                    `json:"host_video"`
	LanguageInterpretation                         *languageInterpretation `json:"language_interpretation"`
	MeetingAuthentication                          bool                    `json:"meeting_authentication"`
	NotifyRegistrants                              bool                    `json:"notify_registrants"`
	OnDemand                                       bool                    `json:"on_demand"`
	PanelistAuthentication                         bool                    `json:"panelist_authentication"`
	PanelistsInvitationEmailNotification           bool                    `json:"panelists_invitation_email_notification"`
	PanelistsVideo                                 bool                    `json:"panelists_video"`
	PostWebinarSurvey                              bool                    `json:"post_webinar_survey"`
	PracticeSession                                bool                    `json:"practice_session"`
	QuestionAndAnswer                              *questionAndAnswer      `json:"question_and_answer"`
	RegistrantsConfirmationEmail                   bool                    `json:"registrants_confirmation_email"`
	RegistrantsEmailNotification                   bool                    `json:"registrants_email_notification"`
	RegistrantsRestrictNumber                      int                     `json:"registrants_restrict_number"`
	RegistrationType                               int                     `json:"registration_type"`
	Send1080pVideoToAttendees                      bool                    `json:"send_1080p_video_to_attendees"`
	ShowShareButton                                bool                    `json:"show_share_button"`
	SurveyURL                                      string                  `json:"survey_url"`
}

// emailNotificationPlan is the {enable, type} object of webinar reminder and follow-up e-mails.
type emailNotificationPlan struct {
	Enable bool `json:"enable"`
	Type   int  `json:"type"`
}

// questionAndAnswer is the webinar Q&A settings object.
type questionAndAnswer struct {
	AllowAnonymousQuestions bool   `json:"allow_anonymous_questions"`
	AnswerQuestions         string `json:"answer_questions"`
	AttendeesCanComment     bool   `json:"attendees_can_comment"`
	AttendeesCanUpvote      bool   `json:"attendees_can_upvote"`
	AllowAutoReply          bool   `json:"allow_auto_reply"`
	AutoReplyText           string `json:"auto_reply_text"`
	Enable                  bool   `json:"enable"`
}

// defaultWebinarSettings are the settings of a new webinar hosted by host: the spec's defaults (docs/development/zoom-api.md#default-settings: approval_type 2, registration_type 1, audio both, auto_recording none, hd_video, on_demand and
// practice_session false, registrants_restrict_number 0, close_registration false) and, for the keys without
// a spec default, the meeting settings' choices (registrant e-mails on, registration contact = the host) or
// off. email_language defaults to en-US; panelists get invitation e-mails (the portal's default); Q&A is
// off with answer_questions "only" until turned on.
func defaultWebinarSettings(host *user) webinarSettings {
	return webinarSettings{
		ApprovalType: 2,
		AttendeesAndPanelistsReminderEmailNotification: &emailNotificationPlan{},
		Audio:                                "both",
		AutoRecording:                        "none",
		ContactEmail:                         host.Email,
		ContactName:                          host.DisplayName,
		EmailLanguage:                        "en-US",
		FollowUpAbsenteesEmailNotification:   &emailNotificationPlan{},
		FollowUpAttendeesEmailNotification:   &emailNotificationPlan{},
		LanguageInterpretation:               &languageInterpretation{},
		PanelistsInvitationEmailNotification: true,
		QuestionAndAnswer:                    &questionAndAnswer{AnswerQuestions: "only"},
		RegistrantsConfirmationEmail:         true,
		RegistrantsEmailNotification:         true,
		RegistrationType:                     1,
	}
}

// clone returns a deep copy of s.
func (s webinarSettings) clone() webinarSettings {
	c := s
	for _, p := range []**emailNotificationPlan{&c.AttendeesAndPanelistsReminderEmailNotification,
		&c.FollowUpAbsenteesEmailNotification, &c.FollowUpAttendeesEmailNotification} {
		if *p != nil {
			v := **p
			*p = &v
		}
	}
	c.GlobalDialInCountries = cloneStrings(s.GlobalDialInCountries)
	if s.LanguageInterpretation != nil {
		v := *s.LanguageInterpretation
		v.Interpreters = append([]interpreter(nil), v.Interpreters...)
		c.LanguageInterpretation = &v
	}
	if s.QuestionAndAnswer != nil {
		v := *s.QuestionAndAnswer
		c.QuestionAndAnswer = &v
	}
	return c
}

var answerQuestionsValues = map[string]bool{"only": true, "all": true}

// readWebinarSettings merges the settings object f into s key by key. The {enable, type} e-mail plans and
// question_and_answer are merged key by key as well (they are groups of switches); language_interpretation is
// replaced as a whole, as for meetings. Unknown keys are ignored, as Zoom does. notify_registrants and
// registrants_confirmation_email are only in the update schema, so they are read on update only. It returns
// alternative_hosts as sent, which the caller resolves against the account's users.
func readWebinarSettings(f *fieldReader, s *webinarSettings, update bool) (altHosts string, hasAltHosts bool) {
	flag := func(r *fieldReader, name string, dst *bool) {
		if v, ok := r.boolean(name); ok {
			*dst = v
		}
	}
	text := func(name string, dst *string) {
		if v, ok := f.str(name, 0); ok {
			*dst = v
		}
	}
	intEnum := func(r *fieldReader, name string, dst *int, lo, hi int64) {
		if v, ok := r.integer(name); ok {
			if v < lo || v > hi {
				r.fail(name)
				return
			}
			*dst = int(v)
		}
	}
	strEnum := func(name string, dst *string, allowed map[string]bool) {
		if v, ok := f.str(name, 0); ok {
			if !allowed[v] {
				f.fail(name)
				return
			}
			*dst = v
		}
	}
	plan := func(name string, dst **emailNotificationPlan) {
		sub, ok := f.object(name)
		if !ok {
			return
		}
		v := emailNotificationPlan{}
		if *dst != nil {
			v = **dst
		}
		flag(sub, "enable", &v.Enable)
		intEnum(sub, "type", &v.Type, 0, 7)
		*dst = &v
	}

	flag(f, "add_audio_watermark", &s.AddAudioWatermark)
	flag(f, "add_watermark", &s.AddWatermark)
	flag(f, "allow_multiple_devices", &s.AllowMultipleDevices)
	altHosts, hasAltHosts = f.str("alternative_hosts", 0)
	flag(f, "alternative_host_update_polls", &s.AlternativeHostUpdatePolls)
	intEnum(f, "approval_type", &s.ApprovalType, 0, 2)
	plan("attendees_and_panelists_reminder_email_notification", &s.AttendeesAndPanelistsReminderEmailNotification)
	strEnum("audio", &s.Audio, audioTypes)
	text("authentication_domains", &s.AuthenticationDomains)
	text("authentication_option", &s.AuthenticationOption)
	strEnum("auto_recording", &s.AutoRecording, autoRecordings)
	flag(f, "close_registration", &s.CloseRegistration)
	text("contact_email", &s.ContactEmail)
	text("contact_name", &s.ContactName)
	// A free string in the schema (the description lists en-US, de-DE, ...): not checked.
	text("email_language", &s.EmailLanguage)
	flag(f, "enable_session_branding", &s.EnableSessionBranding)
	flag(f, "enforce_login", &s.EnforceLogin)
	text("enforce_login_domains", &s.EnforceLoginDomains)
	plan("follow_up_absentees_email_notification", &s.FollowUpAbsenteesEmailNotification)
	plan("follow_up_attendees_email_notification", &s.FollowUpAttendeesEmailNotification)
	if v, ok := f.stringList("global_dial_in_countries", 0); ok {
		s.GlobalDialInCountries = v
	}
	flag(f, "hd_video", &s.HDVideo)
	flag(f, "hd_video_for_attendees", &s.HDVideoForAttendees)
	flag(f, "host_video", &s.HostVideo)
	if sub, ok := f.object("language_interpretation"); ok {
		s.LanguageInterpretation = readLanguageInterpretation(sub)
	}
	flag(f, "meeting_authentication", &s.MeetingAuthentication)
	if update {
		flag(f, "notify_registrants", &s.NotifyRegistrants)
		flag(f, "registrants_confirmation_email", &s.RegistrantsConfirmationEmail)
	}
	flag(f, "on_demand", &s.OnDemand)
	flag(f, "panelist_authentication", &s.PanelistAuthentication)
	flag(f, "panelists_invitation_email_notification", &s.PanelistsInvitationEmailNotification)
	flag(f, "panelists_video", &s.PanelistsVideo)
	flag(f, "post_webinar_survey", &s.PostWebinarSurvey)
	flag(f, "practice_session", &s.PracticeSession)
	if sub, ok := f.object("question_and_answer"); ok {
		v := questionAndAnswer{AnswerQuestions: "only"}
		if s.QuestionAndAnswer != nil {
			v = *s.QuestionAndAnswer
		}
		flag(sub, "allow_anonymous_questions", &v.AllowAnonymousQuestions)
		if a, ok := sub.str("answer_questions", 0); ok {
			if answerQuestionsValues[a] {
				v.AnswerQuestions = a
			} else {
				sub.fail("answer_questions")
			}
		}
		flag(sub, "attendees_can_comment", &v.AttendeesCanComment)
		flag(sub, "attendees_can_upvote", &v.AttendeesCanUpvote)
		flag(sub, "allow_auto_reply", &v.AllowAutoReply)
		if t, ok := sub.str("auto_reply_text", 0); ok {
			v.AutoReplyText = t
		}
		flag(sub, "enable", &v.Enable)
		s.QuestionAndAnswer = &v
	}
	flag(f, "registrants_email_notification", &s.RegistrantsEmailNotification)
	intEnum(f, "registrants_restrict_number", &s.RegistrantsRestrictNumber, 0, 20000)
	intEnum(f, "registration_type", &s.RegistrationType, 1, 3)
	flag(f, "send_1080p_video_to_attendees", &s.Send1080pVideoToAttendees)
	flag(f, "show_share_button", &s.ShowShareButton)
	text("survey_url", &s.SurveyURL)
	return altHosts, hasAltHosts
}

// webinarTemplateSettingKeys are the settings a webinar template carries: the webinar's options,
// registration and e-mail settings; alternative hosts, contacts, authentication profile, interpreters and
// dial-in countries are not part of a template (sandbox choice; Zoom's exact list is not documented).
var webinarTemplateSettingKeys = []string{
	"add_audio_watermark", "add_watermark", "allow_multiple_devices", "approval_type",
	"attendees_and_panelists_reminder_email_notification", "audio", "auto_recording", "close_registration",
	"email_language", "enable_session_branding", "follow_up_absentees_email_notification",
	"follow_up_attendees_email_notification", "hd_video", "hd_video_for_attendees", "host_video",
	"meeting_authentication", "on_demand", "panelist_authentication", "panelists_invitation_email_notification",
	"panelists_video", "post_webinar_survey", "practice_session", "question_and_answer",
	"registrants_email_notification", "registrants_restrict_number", "registration_type",
	"send_1080p_video_to_attendees", "show_share_button", "survey_url",
}

// webinarTemplateSettingsOf extracts a template's settings from a webinar's settings.
func webinarTemplateSettingsOf(s webinarSettings) map[string]any {
	var all map[string]any
	b, _ := json.Marshal(s)
	_ = json.Unmarshal(b, &all)
	out := map[string]any{}
	for _, k := range webinarTemplateSettingKeys {
		if v, ok := all[k]; ok {
			out[k] = v
		}
	}
	return out
}

// splitWebinarAltHosts splits a webinar's comma-separated alternative_hosts (webinarCreate, webinarUpdate).
// With Profile.WebinarAltHostsSemicolons semicolons separate entries too; otherwise a semicolon stays inside an
// entry, which then matches no user.
func splitWebinarAltHosts(v string, semicolons bool) []string {
	var out []string
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || (semicolons && r == ';') }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
