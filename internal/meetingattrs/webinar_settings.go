package meetingattrs

// reminderTypes and followUpTypes describe the `type` of the webinar e-mail plans (Zoom's Meeting API spec,
// POST /users/{userId}/webinars, settings).
const (
	reminderTypes = "`0` no plan, `1` one hour before, `2` one day before, `3` one hour and one day before, `4` one " +
		"week before, `5` one hour and one week before, `6` one day and one week before, `7` one hour, one day and one week before."
	followUpTypes = "`0` no plan, `1` to `7`: that many days after the scheduled end."
)

func emailPlan(name, what, types string) Setting {
	return Setting{Name: name, Kind: KindObject, Description: what, Fields: []Setting{
		{Name: "enable", Kind: KindBool, Description: "Send the e-mails."},
		{Name: "type", Kind: KindInt, Ints: []int64{0, 1, 2, 3, 4, 5, 6, 7}, Description: "When: " + types},
	}}
}

// WebinarSettings are the webinar settings the provider manages (Zoom's Meeting API spec, POST
// /users/{userId}/webinars and PATCH /webinars/{webinarId}, settings; docs/development/zoom-api.md#webinars).
var WebinarSettings = []Setting{
	{Name: "host_video", Kind: KindBool, Description: "Start the webinar with the host's video on."},
	{Name: "panelists_video", Kind: KindBool, Description: "Panelists' video on when they join."},
	{Name: "practice_session", Kind: KindBool, Description: "Hold a practice session before the webinar starts."},
	{Name: "hd_video", Kind: KindBool, Description: "Use HD video by default."},
	{Name: "hd_video_for_attendees", Kind: KindBool, Description: "Send HD video to attendees."},
	{Name: "send_1080p_video_to_attendees", Kind: KindBool, Description: "Always send 1080p video to attendees."},
	{Name: "approval_type", Kind: KindInt, Ints: []int64{0, 1, 2}, Description: "Registration: `0` registrants are approved automatically, `1` the host approves them, `2` no registration (Zoom's default)."},
	{Name: "registration_type", Kind: KindInt, Ints: []int64{1, 2, 3}, Description: "For recurring webinars with a fixed time and registration: `1` register once for all occurrences, `2` register for each occurrence, `3` register once and choose occurrences."},
	{Name: "audio", Kind: KindString, Strings: []string{"both", "telephony", "voip"}, Description: "Audio: `both` (telephone and computer audio), `telephony` only, or `voip` (computer audio) only."},
	{Name: "auto_recording", Kind: KindString, Strings: []string{"local", "cloud", "none"}, Description: "Record automatically: `local`, `cloud` or `none`."},
	{Name: "alternative_hosts", Kind: KindEmailSet, Separator: ",", Description: "E-mails of alternative hosts: licensed users of the same account (not Basic users) who can start the webinar. A set: order and case do not matter."},
	{Name: "alternative_host_update_polls", Kind: KindBool, Description: "Let alternative hosts add or edit polls."},
	{Name: "close_registration", Kind: KindBool, Description: "Close registration after the webinar date."},
	{Name: "show_share_button", Kind: KindBool, Description: "Show social-share buttons on the registration page."},
	{Name: "allow_multiple_devices", Kind: KindBool, Description: "Let an attendee join from several devices at once."},
	{Name: "on_demand", Kind: KindBool, Description: "Make the webinar available on demand afterwards."},
	{Name: "meeting_authentication", Kind: KindBool, Description: "Only authenticated users may join (see `authentication_option` and `authentication_domains`)."},
	{Name: "authentication_option", Kind: KindString, MaxLen: 256, Description: "ID of the authentication profile attendees must pass when `meeting_authentication` is on."},
	{Name: "authentication_domains", Kind: KindString, MaxLen: 2000, Description: "Comma-separated domains whose signed-in users pass authentication."},
	{Name: "panelist_authentication", Kind: KindBool, Description: "Panelists must authenticate too."},
	{Name: "registrants_restrict_number", Kind: KindInt, Min: 0, Max: 20000, Description: "Most registrants the webinar accepts; `0` means no limit."},
	{Name: "registrants_confirmation_email", Kind: KindBool, UpdateOnly: true, Description: "Send registrants a confirmation e-mail (needs `registrants_email_notification`)."},
	{Name: "registrants_email_notification", Kind: KindBool, Description: "E-mail registrants when they are approved, cancelled or denied."},
	{Name: "email_language", Kind: KindString, MaxLen: 16, Description: "Language of the e-mails Zoom sends about the webinar, e.g. `en-US`, `de-DE`, `es-ES`, `fr-FR`, `jp-JP`, `pt-PT`, `ru-RU`, `zh-CN`, `zh-TW`, `ko-KO`, `it-IT`, `vi-VN`."},
	{Name: "panelists_invitation_email_notification", Kind: KindBool, Description: "Send invitation e-mails to panelists."},
	{Name: "post_webinar_survey", Kind: KindBool, Description: "Open a survey page in attendees' browsers after the webinar (see `survey_url`)."},
	{Name: "survey_url", Kind: KindString, MaxLen: 2048, Description: "Address of the post-webinar survey."},
	{Name: "contact_name", Kind: KindString, MaxLen: 256, Description: "Contact name shown on the registration page."},
	{Name: "contact_email", Kind: KindString, Email: true, Description: "Contact e-mail shown on the registration page."},
	{Name: "question_and_answer", Kind: KindObject, Description: "Q&A during the webinar.", Fields: []Setting{
		{Name: "enable", Kind: KindBool, Description: "Turn Q&A on."},
		{Name: "allow_anonymous_questions", Kind: KindBool, Description: "Attendees may ask without giving their name."},
		{Name: "answer_questions", Kind: KindString, Strings: []string{"only", "all"}, Description: "What attendees see: `only` answered questions, or `all` questions."},
		{Name: "attendees_can_comment", Kind: KindBool, Description: "Attendees may comment on questions."},
		{Name: "attendees_can_upvote", Kind: KindBool, Description: "Attendees may upvote questions."},
	}},
	emailPlan("attendees_and_panelists_reminder_email_notification", "Reminder e-mails to attendees and panelists.", reminderTypes),
	emailPlan("follow_up_attendees_email_notification", "Follow-up e-mail to attendees.", followUpTypes),
	emailPlan("follow_up_absentees_email_notification", "Follow-up e-mail to registrants who did not attend.", followUpTypes),
}
