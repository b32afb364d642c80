package zoomevent

import "github.com/zoom-terraform/terraform-provider-zoom/internal/client"

// reminderTypes and followUpTypes describe the `type` of the webinar e-mail plans (Zoom's Meeting API spec,
// POST /users/{userId}/webinars, settings).
const (
	reminderTypes = "`0` no plan, `1` one hour before, `2` one day before, `3` one hour and one day before, `4` one " +
		"week before, `5` one hour and one week before, `6` one day and one week before, `7` one hour, one day and one week before."
	followUpTypes = "`0` no plan, `1` to `7`: that many days after the scheduled end."
)

type ws = client.WebinarSettings

func emailPlan(name, what, types string, f func(*ws) **client.EmailNotificationPlan) Setting {
	type plan = client.EmailNotificationPlan
	return Setting{Name: name, Shape: ShapeObject, Description: what, object: nested(f), Fields: []Setting{
		{Name: "enable", Shape: ShapeBool, Description: "Send the e-mails.", field: at(func(p *plan) any { return &p.Enable })},
		{Name: "type", Shape: ShapeInt, Ints: []int64{0, 1, 2, 3, 4, 5, 6, 7}, Description: "When: " + types,
			field: at(func(p *plan) any { return &p.Type })},
	}}
}

// webinarSettings are the webinar settings the provider manages (Zoom's Meeting API spec, POST
// /users/{userId}/webinars and PATCH /webinars/{webinarId}, settings; docs/development/zoom-api.md#webinars).
var webinarSettings = []Setting{
	{Name: "host_video", Shape: ShapeBool, Description: "Start the webinar with the host's video on.", field: at(func(s *ws) any { return &s.HostVideo })},
	{Name: "panelists_video", Shape: ShapeBool, Description: "Panelists' video on when they join.", field: at(func(s *ws) any { return &s.PanelistsVideo })},
	{Name: "practice_session", Shape: ShapeBool, Description: "Hold a practice session before the webinar starts.", field: at(func(s *ws) any { return &s.PracticeSession })},
	{Name: "hd_video", Shape: ShapeBool, Description: "Use HD video by default.", field: at(func(s *ws) any { return &s.HDVideo })},
	{Name: "hd_video_for_attendees", Shape: ShapeBool, Description: "Send HD video to attendees.", field: at(func(s *ws) any { return &s.HDVideoForAttendees })},
	{Name: "send_1080p_video_to_attendees", Shape: ShapeBool, Description: "Always send 1080p video to attendees.", field: at(func(s *ws) any { return &s.Send1080pVideoToAttendees })},
	{Name: "approval_type", Shape: ShapeInt, Ints: []int64{0, 1, 2}, Description: "Registration: `0` registrants are approved automatically, `1` the host approves them, `2` no registration (Zoom's default).", field: at(func(s *ws) any { return &s.ApprovalType })},
	{Name: "registration_type", Shape: ShapeInt, Ints: []int64{1, 2, 3}, Description: "For recurring webinars with a fixed time and registration: `1` register once for all occurrences, `2` register for each occurrence, `3` register once and choose occurrences.", field: at(func(s *ws) any { return &s.RegistrationType })},
	{Name: "audio", Shape: ShapeString, Strings: []string{"both", "telephony", "voip"}, Description: "Audio: `both` (telephone and computer audio), `telephony` only, or `voip` (computer audio) only.", field: at(func(s *ws) any { return &s.Audio })},
	{Name: "auto_recording", Shape: ShapeString, Strings: []string{"local", "cloud", "none"}, Description: "Record automatically: `local`, `cloud` or `none`.", field: at(func(s *ws) any { return &s.AutoRecording })},
	{Name: "alternative_hosts", Shape: ShapeEmailSet, Separator: ",", Description: "E-mails of alternative hosts: licensed users of the same account (not Basic users) who can start the webinar. A set: order and case do not matter.", field: at(func(s *ws) any { return &s.AlternativeHosts })},
	{Name: "alternative_host_update_polls", Shape: ShapeBool, Description: "Let alternative hosts add or edit polls.", field: at(func(s *ws) any { return &s.AlternativeHostUpdatePolls })},
	{Name: "close_registration", Shape: ShapeBool, Description: "Close registration after the webinar date.", field: at(func(s *ws) any { return &s.CloseRegistration })},
	{Name: "show_share_button", Shape: ShapeBool, Description: "Show social-share buttons on the registration page.", field: at(func(s *ws) any { return &s.ShowShareButton })},
	{Name: "allow_multiple_devices", Shape: ShapeBool, Description: "Let an attendee join from several devices at once.", field: at(func(s *ws) any { return &s.AllowMultipleDevices })},
	{Name: "on_demand", Shape: ShapeBool, Description: "Make the webinar available on demand afterwards.", field: at(func(s *ws) any { return &s.OnDemand })},
	{Name: "meeting_authentication", Shape: ShapeBool, Description: "Only authenticated users may join (see `authentication_option` and `authentication_domains`).", field: at(func(s *ws) any { return &s.MeetingAuthentication })},
	{Name: "authentication_option", Shape: ShapeString, MaxLen: 256, Description: "ID of the authentication profile attendees must pass when `meeting_authentication` is on.", field: at(func(s *ws) any { return &s.AuthenticationOption })},
	{Name: "authentication_domains", Shape: ShapeString, MaxLen: 2000, Description: "Comma-separated domains whose signed-in users pass authentication.", field: at(func(s *ws) any { return &s.AuthenticationDomains })},
	{Name: "panelist_authentication", Shape: ShapeBool, Description: "Panelists must authenticate too.", field: at(func(s *ws) any { return &s.PanelistAuthentication })},
	{Name: "registrants_restrict_number", Shape: ShapeInt, Min: 0, Max: 20000, Description: "Most registrants the webinar accepts; `0` means no limit.", field: at(func(s *ws) any { return &s.RegistrantsRestrictNumber })},
	{Name: "registrants_confirmation_email", Shape: ShapeBool, UpdateOnly: true, Description: "Send registrants a confirmation e-mail (needs `registrants_email_notification`).", field: at(func(s *ws) any { return &s.RegistrantsConfirmationEmail })},
	{Name: "registrants_email_notification", Shape: ShapeBool, Description: "E-mail registrants when they are approved, cancelled or denied.", field: at(func(s *ws) any { return &s.RegistrantsEmailNotification })},
	{Name: "email_language", Shape: ShapeString, MaxLen: 16, Description: "Language of the e-mails Zoom sends about the webinar, e.g. `en-US`, `de-DE`, `es-ES`, `fr-FR`, `jp-JP`, `pt-PT`, `ru-RU`, `zh-CN`, `zh-TW`, `ko-KO`, `it-IT`, `vi-VN`.", field: at(func(s *ws) any { return &s.EmailLanguage })},
	{Name: "panelists_invitation_email_notification", Shape: ShapeBool, Description: "Send invitation e-mails to panelists.", field: at(func(s *ws) any { return &s.PanelistsInvitationEmailNotification })},
	{Name: "post_webinar_survey", Shape: ShapeBool, Description: "Open a survey page in attendees' browsers after the webinar (see `survey_url`).", field: at(func(s *ws) any { return &s.PostWebinarSurvey })},
	{Name: "survey_url", Shape: ShapeString, MaxLen: 2048, Description: "Address of the post-webinar survey.", field: at(func(s *ws) any { return &s.SurveyURL })},
	{Name: "contact_name", Shape: ShapeString, MaxLen: 256, Description: "Contact name shown on the registration page.", field: at(func(s *ws) any { return &s.ContactName })},
	{Name: "contact_email", Shape: ShapeString, Email: true, Description: "Contact e-mail shown on the registration page.", field: at(func(s *ws) any { return &s.ContactEmail })},
	{Name: "question_and_answer", Shape: ShapeObject, object: nested(func(s *ws) **client.QuestionAndAnswer { return &s.QuestionAndAnswer }), Description: "Q&A during the webinar.", Fields: []Setting{
		{Name: "enable", Shape: ShapeBool, Description: "Turn Q&A on.", field: at(func(s *client.QuestionAndAnswer) any { return &s.Enable })},
		{Name: "allow_anonymous_questions", Shape: ShapeBool, Description: "Attendees may ask without giving their name.", field: at(func(s *client.QuestionAndAnswer) any { return &s.AllowAnonymousQuestions })},
		{Name: "answer_questions", Shape: ShapeString, Strings: []string{"only", "all"}, Description: "What attendees see: `only` answered questions, or `all` questions.", field: at(func(s *client.QuestionAndAnswer) any { return &s.AnswerQuestions })},
		{Name: "attendees_can_comment", Shape: ShapeBool, Description: "Attendees may comment on questions.", field: at(func(s *client.QuestionAndAnswer) any { return &s.AttendeesCanComment })},
		{Name: "attendees_can_upvote", Shape: ShapeBool, Description: "Attendees may upvote questions.", field: at(func(s *client.QuestionAndAnswer) any { return &s.AttendeesCanUpvote })},
	}},
	emailPlan("attendees_and_panelists_reminder_email_notification", "Reminder e-mails to attendees and panelists.", reminderTypes, func(s *ws) **client.EmailNotificationPlan { return &s.AttendeesAndPanelistsReminderEmailNotification }),
	emailPlan("follow_up_attendees_email_notification", "Follow-up e-mail to attendees.", followUpTypes, func(s *ws) **client.EmailNotificationPlan { return &s.FollowUpAttendeesEmailNotification }),
	emailPlan("follow_up_absentees_email_notification", "Follow-up e-mail to registrants who did not attend.", followUpTypes, func(s *ws) **client.EmailNotificationPlan { return &s.FollowUpAbsenteesEmailNotification }),
}
