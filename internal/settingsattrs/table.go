// Package settingsattrs holds the settings tables shared by the account, group and user settings resources, their
// lock-settings resources and the settings data sources: one table per section, one row per setting. The
// schemas, the mapping from Zoom's answers and the update requests are all derived from the rows, so adding a
// setting is adding a row (docs/development/zoom-api.md#settings).
package settingsattrs

// Level is a bit set of the settings objects a row appears in.
type Level uint8

// Levels.
const (
	// Account is the account's settings (accountSettings) or lock settings (getAccountLockSettings).
	Account Level = 1 << iota
	// Group is a group's settings (getGroupSettings) or lock settings (getGroupLockSettings).
	Group
	// User is a user's settings (userSettings). Users have no lock settings.
	User

	all  = Account | Group | User
	both = Account | Group
)

// Kind is the JSON and Terraform type of a setting.
type Kind int

// Kinds.
const (
	Bool Kind = iota
	Int
	String
)

// Setting is one row: a setting of a section.
type Setting struct {
	// Name is the Terraform attribute name and the JSON key (in lock settings too).
	Name string
	// UserJSON is the JSON key in the user settings when Zoom spells it differently there.
	UserJSON string
	Kind     Kind
	// Ints and Strings are the values Zoom accepts; MaxLen bounds a string (0 = none).
	Ints    []int64
	Strings []string
	MaxLen  int
	// Levels are the settings objects that have the setting, Locks the lock-settings objects (Account, Group).
	Levels, Locks Level
	// Addon names the licence add-on a user needs for the setting to be true ("" = none). Such a setting is sent
	// in a request of its own, with the settings of Capacity, so that a refused licence loses nothing else.
	Addon string
	// With names the setting sent with this add-on switch (its capacity).
	With        string
	Description string
}

// JSON is the key of s in the settings object of level lv.
func (s Setting) JSON(lv Level) string {
	if lv == User && s.UserJSON != "" {
		return s.UserJSON
	}
	return s.Name
}

// Section is one section of the settings tree.
type Section struct {
	Name string
	// Option is the option query parameter under which Zoom serves the section ("" = none).
	Option      string
	Description string
	Settings    []Setting
}

// Sections are the managed sections, in the order of their requests.
var Sections = []Section{
	{Name: "schedule_meeting", Description: "Defaults of newly scheduled meetings.", Settings: []Setting{
		{Name: "host_video", Kind: Bool, Levels: all, Locks: both, Description: "Start meetings with the host's video on."},
		{Name: "participant_video", UserJSON: "participants_video", Kind: Bool, Levels: all, Locks: both,
			Description: "Start meetings with the participants' video on (Zoom calls it `participants_video` in user settings)."},
		{Name: "join_before_host", Kind: Bool, Levels: all, Locks: both, Description: "Let participants join before the host."},
		{Name: "require_password_for_scheduling_new_meetings", Kind: Bool, Levels: all, Locks: both,
			Description: "Require a passcode on every newly scheduled meeting."},
		{Name: "use_pmi_for_scheduled_meetings", Kind: Bool, Levels: Account | User, Locks: Account,
			Description: "Hold scheduled meetings on the host's Personal Meeting ID."},
		{Name: "use_pmi_for_instant_meetings", Kind: Bool, Levels: Account | User, Locks: Account,
			Description: "Hold instant meetings on the host's Personal Meeting ID."},
		{Name: "audio_type", Kind: String, Strings: []string{"both", "telephony", "voip", "thirdParty"}, Levels: all, Locks: both,
			Description: "Audio participants may use: `both` (telephone and computer), `telephony`, `voip` (computer) or `thirdParty`."},
	}},
	{Name: "in_meeting", Description: "What hosts and participants may do in meetings.", Settings: []Setting{
		{Name: "chat", Kind: Bool, Levels: all, Locks: both, Description: "Meeting chat."},
		{Name: "private_chat", Kind: Bool, Levels: all, Locks: both, Description: "Private messages between participants."},
		{Name: "screen_sharing", Kind: Bool, Levels: all, Locks: both, Description: "Screen sharing."},
		{Name: "who_can_share_screen", Kind: String, Strings: []string{"host", "all"}, Levels: all,
			Description: "Who may share their screen: `host` or `all` participants."},
		{Name: "breakout_room", Kind: Bool, Levels: all, Locks: both, Description: "Breakout rooms."},
		{Name: "co_host", Kind: Bool, Levels: all, Locks: both, Description: "Let the host add co-hosts."},
		{Name: "file_transfer", Kind: Bool, Levels: all, Locks: both, Description: "Sending files through the meeting chat."},
		{Name: "polling", Kind: Bool, Levels: all, Locks: both, Description: "Polls in meetings."},
	}},
	{Name: "email_notification", Description: "E-mails Zoom sends to hosts.", Settings: []Setting{
		{Name: "jbh_reminder", Kind: Bool, Levels: all, Locks: both, Description: "Tell the host when participants join before them."},
		{Name: "cancel_meeting_reminder", Kind: Bool, Levels: all, Locks: both, Description: "Tell participants and alternative hosts when a meeting is cancelled."},
		{Name: "alternative_host_reminder", Kind: Bool, Levels: all, Locks: both, Description: "Tell alternative hosts when they are set or removed."},
		{Name: "schedule_for_reminder", Kind: Bool, Levels: all, Locks: both, Description: "Tell the host when someone schedules a meeting for them."},
		{Name: "cloud_recording_available_reminder", Kind: Bool, Levels: all, Locks: both, Description: "Tell the host when a cloud recording is ready."},
	}},
	{Name: "recording", Description: "Local and cloud recording.", Settings: []Setting{
		{Name: "local_recording", Kind: Bool, Levels: all, Locks: both, Description: "Let hosts record to their computer."},
		{Name: "cloud_recording", Kind: Bool, Levels: all, Locks: both, Description: "Let hosts record to Zoom's cloud (not on free accounts)."},
		{Name: "auto_recording", Kind: String, Strings: []string{"local", "cloud", "none"}, Levels: all, Locks: both,
			Description: "Record meetings automatically: `local`, `cloud` or `none`."},
		{Name: "auto_delete_cmr", Kind: Bool, Levels: Account | User, Locks: both, Description: "Delete cloud recordings after `auto_delete_cmr_days`."},
		{Name: "auto_delete_cmr_days", Kind: Int, Ints: []int64{30, 60, 90, 120}, Levels: Account | User,
			Description: "Days after which cloud recordings are deleted, with `auto_delete_cmr`."},
		{Name: "host_delete_cloud_recording", Kind: Bool, Levels: Account | Group, Locks: both, Description: "Let hosts delete their cloud recordings."},
		{Name: "record_audio_file", Kind: Bool, Levels: all, Description: "Save a separate audio-only file of cloud recordings."},
		{Name: "save_chat_text", Kind: Bool, Levels: all, Description: "Save the meeting chat with cloud recordings."},
	}},
	{Name: "telephony", Description: "Telephone audio.", Settings: []Setting{
		{Name: "third_party_audio", Kind: Bool, Levels: all, Locks: both, Description: "Let users give third-party audio conference details."},
		{Name: "audio_conference_info", Kind: String, MaxLen: 2048, Levels: all, Description: "Third-party audio conference details shown in invitations."},
	}},
	{Name: "meeting_security", Option: "meeting_security", Description: "Meeting and webinar security (Zoom serves this section only with `option=meeting_security`, so it costs one more request).", Settings: []Setting{
		{Name: "waiting_room", Kind: Bool, Levels: all, Locks: both, Description: "Put participants in a waiting room."},
		{Name: "embed_password_in_join_link", Kind: Bool, Levels: all, Locks: both, Description: "Put the encrypted passcode in join links."},
		{Name: "only_authenticated_can_join_from_webclient", Kind: Bool, Levels: all, Locks: both, Description: "Only signed-in users may join from a browser."},
		{Name: "end_to_end_encrypted_meetings", Kind: Bool, Levels: all, Locks: both, Description: "Allow end-to-end encrypted meetings."},
		{Name: "encryption_type", Kind: String, Strings: []string{"enhanced_encryption", "e2ee"}, Levels: all,
			Description: "Default encryption: `enhanced_encryption` or `e2ee` (end-to-end)."},
		{Name: "meeting_password", Kind: Bool, Levels: all, Locks: both, Description: "Require a passcode on meetings."},
		{Name: "pmi_password", Kind: Bool, Levels: all, Locks: both, Description: "Require a passcode on Personal Meeting ID meetings."},
		{Name: "phone_password", Kind: Bool, Levels: all, Locks: both, Description: "Require a passcode from telephone participants."},
		{Name: "webinar_password", Kind: Bool, Levels: all, Locks: both, Description: "Require a passcode on webinars."},
		{Name: "auto_security", Kind: Bool, Levels: all, Locks: both, Description: "Require that every meeting has at least one security option (passcode, waiting room or authentication)."},
		{Name: "require_password_for_scheduled_meeting", Kind: Bool, Levels: all, Description: "Require a passcode on scheduled meetings."},
		{Name: "block_user_domain", Kind: Bool, Levels: all, Locks: both, Description: "Block users of listed domains from joining."},
	}},
	{Name: "feature", Description: "The user's licences: meeting capacity and the webinar and large-meeting add-ons.", Settings: []Setting{
		{Name: "meeting_capacity", Kind: Int, Levels: User, Description: "Most participants in the user's meetings."},
		{Name: "webinar", Kind: Bool, Levels: User, Addon: "Webinar", With: "webinar_capacity",
			Description: "Give the user a seat of the Webinar add-on (needs a Licensed user and a free seat of that capacity)."},
		{Name: "webinar_capacity", Kind: Int, Ints: []int64{100, 500, 501, 1000, 1001, 3000, 5000, 10000}, Levels: User,
			Description: "Capacity of the user's webinar seat."},
		{Name: "large_meeting", Kind: Bool, Levels: User, Addon: "Large Meetings", With: "large_meeting_capacity",
			Description: "Give the user a seat of the Large Meetings add-on (needs a Licensed user and a free seat of that capacity)."},
		{Name: "large_meeting_capacity", Kind: Int, Ints: []int64{500, 1000}, Levels: User,
			Description: "Capacity of the user's large-meeting seat."},
	}},
}
