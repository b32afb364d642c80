package sandbox

import (
	"encoding/json"
	"strings"
)

// meetingSettings is a meeting's settings object: every key of the spec's GET response schema, stored with
// defaults filled in and returned whole on create and GET. alternative_hosts is kept empty in storage and
// rendered from meeting.AltHosts.
type meetingSettings struct {
	AllowMultipleDevices              bool                    `json:"allow_multiple_devices"`
	AlternativeHosts                  string                  `json:"alternative_hosts"`
	AlternativeHostsEmailNotification bool                    `json:"alternative_hosts_email_notification"`
	AlternativeHostUpdatePolls        bool                    `json:"alternative_host_update_polls"`
	ApprovalType                      int                     `json:"approval_type"`
	ApprovedOrDeniedCountries         *countriesOrRegions     `json:"approved_or_denied_countries_or_regions"`
	Audio                             string                  `json:"audio"`
	AuthenticationDomains             string                  `json:"authentication_domains"`
	AuthenticationException           []authException         `json:"authentication_exception,omitempty"`
	AuthenticationName                string                  `json:"authentication_name,omitempty"`
	AuthenticationOption              string                  `json:"authentication_option,omitempty"`
	AutoRecording                     string                  `json:"auto_recording"`
	BreakoutRoom                      *breakoutRoom           `json:"breakout_room"`
	CalendarType                      int                     `json:"calendar_type"`
	CloseRegistration                 bool                    `json:"close_registration"`
	CNMeeting                         bool                    `json:"cn_meeting"`
	ContactEmail                      string                  `json:"contact_email"`
	ContactName                       string                  `json:"contact_name"`
	CustomKeys                        []customKey             `json:"custom_keys,omitempty"`
	EmailNotification                 bool                    `json:"email_notification"`
	EncryptionType                    string                  `json:"encryption_type"`
	EnforceLogin                      bool                    `json:"enforce_login"`
	EnforceLoginDomains               string                  `json:"enforce_login_domains"`
	FocusMode                         bool                    `json:"focus_mode"`
	GlobalDialInCountries             []string                `json:"global_dial_in_countries,omitempty"`
	HostSaveVideoOrder                bool                    `json:"host_save_video_order"`
	HostVideo                         bool                    `json:"host_video"`
	InMeeting                         bool                    `json:"in_meeting"`
	JBHTime                           int                     `json:"jbh_time"`
	JoinBeforeHost                    bool                    `json:"join_before_host"`
	LanguageInterpretation            *languageInterpretation `json:"language_interpretation"`
	MeetingAuthentication             bool                    `json:"meeting_authentication"`
	MuteUponEntry                     bool                    `json:"mute_upon_entry"`
	ParticipantVideo                  bool                    `json:"participant_video"`
	PrivateMeeting                    bool                    `json:"private_meeting"`
	RegistrantsConfirmationEmail      bool                    `json:"registrants_confirmation_email"`
	RegistrantsEmailNotification      bool                    `json:"registrants_email_notification"`
	RegistrationType                  int                     `json:"registration_type"`
	ShowShareButton                   bool                    `json:"show_share_button"`
	UsePMI                            bool                    `json:"use_pmi"`
	WaitingRoom                       bool                    `json:"waiting_room"`
	Watermark                         bool                    `json:"watermark"`
}

type countriesOrRegions struct {
	Enable       bool     `json:"enable"`
	Method       string   `json:"method,omitempty"`
	ApprovedList []string `json:"approved_list,omitempty"`
	DeniedList   []string `json:"denied_list,omitempty"`
}

type authException struct {
	Email string `json:"email"`
	Name  string `json:"name,omitempty"`
}

type breakoutRoom struct {
	Enable bool               `json:"enable"`
	Rooms  []breakoutRoomSpec `json:"rooms,omitempty"`
}

type breakoutRoomSpec struct {
	Name         string   `json:"name"`
	Participants []string `json:"participants,omitempty"`
}

type languageInterpretation struct {
	Enable       bool          `json:"enable"`
	Interpreters []interpreter `json:"interpreters,omitempty"`
}

type interpreter struct {
	Email     string `json:"email"`
	Languages string `json:"languages"`
}

type customKey struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// defaultMeetingSettings are the settings of a new meeting hosted by host: the spec's defaults (docs/development/zoom-api.md#default-settings) and obvious defaults for the keys without one. The registration contact defaults to the host.
func defaultMeetingSettings(host *user) meetingSettings {
	return meetingSettings{
		AlternativeHostsEmailNotification: true,
		ApprovalType:                      2,
		ApprovedOrDeniedCountries:         &countriesOrRegions{},
		Audio:                             "both",
		AutoRecording:                     "none",
		BreakoutRoom:                      &breakoutRoom{},
		CalendarType:                      1,
		ContactEmail:                      host.Email,
		ContactName:                       host.DisplayName,
		EmailNotification:                 true,
		EncryptionType:                    "enhanced_encryption",
		LanguageInterpretation:            &languageInterpretation{},
		RegistrantsConfirmationEmail:      true,
		RegistrantsEmailNotification:      true,
		RegistrationType:                  1,
	}
}

// clone returns a deep copy of s.
func (s meetingSettings) clone() meetingSettings {
	c := s
	if s.ApprovedOrDeniedCountries != nil {
		v := *s.ApprovedOrDeniedCountries
		v.ApprovedList = cloneStrings(v.ApprovedList)
		v.DeniedList = cloneStrings(v.DeniedList)
		c.ApprovedOrDeniedCountries = &v
	}
	c.AuthenticationException = append([]authException(nil), s.AuthenticationException...)
	if s.BreakoutRoom != nil {
		v := *s.BreakoutRoom
		v.Rooms = nil
		for _, r := range s.BreakoutRoom.Rooms {
			v.Rooms = append(v.Rooms, breakoutRoomSpec{Name: r.Name, Participants: cloneStrings(r.Participants)})
		}
		c.BreakoutRoom = &v
	}
	c.CustomKeys = append([]customKey(nil), s.CustomKeys...)
	c.GlobalDialInCountries = cloneStrings(s.GlobalDialInCountries)
	if s.LanguageInterpretation != nil {
		v := *s.LanguageInterpretation
		v.Interpreters = append([]interpreter(nil), v.Interpreters...)
		c.LanguageInterpretation = &v
	}
	return c
}

func cloneStrings(v []string) []string {
	if v == nil {
		return nil
	}
	return append([]string(nil), v...)
}

// Settings enumerations (meeting spec).
var (
	audioTypes      = map[string]bool{"both": true, "telephony": true, "voip": true}
	autoRecordings  = map[string]bool{"local": true, "cloud": true, "none": true}
	encryptionTypes = map[string]bool{"enhanced_encryption": true, "e2ee": true}
	regionMethods   = map[string]bool{"approve": true, "deny": true}
)

// readSettings merges the settings object f into s key by key (a nested object such as breakout_room is
// replaced as a whole). Unknown keys are ignored, as Zoom does; request-only keys (meeting_invitees,
// additional_data_center_regions) are validated and dropped. It returns alternative_hosts as sent, which the
// caller resolves against the account's users.
func readSettings(f *fieldReader, s *meetingSettings) (altHosts string, hasAltHosts bool) {
	flag := func(name string, dst *bool) {
		if v, ok := f.boolean(name); ok {
			*dst = v
		}
	}
	text := func(name string, maxLen int, dst *string) {
		if v, ok := f.str(name, maxLen); ok {
			*dst = v
		}
	}
	intEnum := func(name string, dst *int, allowed ...int64) {
		v, ok := f.integer(name)
		if !ok {
			return
		}
		for _, a := range allowed {
			if v == a {
				*dst = int(v)
				return
			}
		}
		f.fail(name)
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

	flag("allow_multiple_devices", &s.AllowMultipleDevices)
	altHosts, hasAltHosts = f.str("alternative_hosts", 0)
	flag("alternative_hosts_email_notification", &s.AlternativeHostsEmailNotification)
	flag("alternative_host_update_polls", &s.AlternativeHostUpdatePolls)
	intEnum("approval_type", &s.ApprovalType, 0, 1, 2)
	if sub, ok := f.object("approved_or_denied_countries_or_regions"); ok {
		v := &countriesOrRegions{}
		v.Enable, _ = sub.boolean("enable")
		if m, ok := sub.str("method", 0); ok {
			if !regionMethods[m] {
				sub.fail("method")
			}
			v.Method = m
		}
		v.ApprovedList, _ = sub.stringList("approved_list", 0)
		v.DeniedList, _ = sub.stringList("denied_list", 0)
		s.ApprovedOrDeniedCountries = v
	}
	strEnum("audio", &s.Audio, audioTypes)
	text("authentication_domains", 0, &s.AuthenticationDomains)
	if items, ok := f.array("authentication_exception", 0); ok {
		var list []authException
		for i, raw := range items {
			el, ok := f.element("authentication_exception", i, raw)
			if !ok {
				continue
			}
			email, hasEmail := el.str("email", 0)
			if !hasEmail || !validEmail(email) {
				el.fail("email")
			}
			name, _ := el.str("name", 0)
			list = append(list, authException{Email: email, Name: name})
		}
		s.AuthenticationException = list
	}
	text("authentication_option", 0, &s.AuthenticationOption)
	strEnum("auto_recording", &s.AutoRecording, autoRecordings)
	if sub, ok := f.object("breakout_room"); ok {
		v := &breakoutRoom{}
		v.Enable, _ = sub.boolean("enable")
		if items, ok := sub.array("rooms", 0); ok {
			for i, raw := range items {
				el, ok := sub.element("rooms", i, raw)
				if !ok {
					continue
				}
				var room breakoutRoomSpec
				room.Name, _ = el.str("name", 0)
				room.Participants, _ = el.stringList("participants", 0)
				v.Rooms = append(v.Rooms, room)
			}
		}
		s.BreakoutRoom = v
	}
	intEnum("calendar_type", &s.CalendarType, 1, 2)
	flag("close_registration", &s.CloseRegistration)
	flag("cn_meeting", &s.CNMeeting)
	text("contact_email", 0, &s.ContactEmail)
	text("contact_name", 0, &s.ContactName)
	if items, ok := f.array("custom_keys", 10); ok {
		var keys []customKey
		for i, raw := range items {
			el, ok := f.element("custom_keys", i, raw)
			if !ok {
				continue
			}
			var k customKey
			k.Key, _ = el.str("key", 64)
			k.Value, _ = el.str("value", 256)
			keys = append(keys, k)
		}
		s.CustomKeys = keys
	}
	flag("email_notification", &s.EmailNotification)
	strEnum("encryption_type", &s.EncryptionType, encryptionTypes)
	flag("enforce_login", &s.EnforceLogin)
	text("enforce_login_domains", 0, &s.EnforceLoginDomains)
	flag("focus_mode", &s.FocusMode)
	if v, ok := f.stringList("global_dial_in_countries", 0); ok {
		s.GlobalDialInCountries = v
	}
	flag("host_save_video_order", &s.HostSaveVideoOrder)
	flag("host_video", &s.HostVideo)
	flag("in_meeting", &s.InMeeting)
	intEnum("jbh_time", &s.JBHTime, 0, 5, 10)
	flag("join_before_host", &s.JoinBeforeHost)
	if sub, ok := f.object("language_interpretation"); ok {
		s.LanguageInterpretation = readLanguageInterpretation(sub)
	}
	flag("meeting_authentication", &s.MeetingAuthentication)
	if items, ok := f.array("meeting_invitees", 0); ok {
		for i, raw := range items {
			if el, ok := f.element("meeting_invitees", i, raw); ok {
				if email, has := el.str("email", 0); has && !validEmail(email) {
					el.fail("email")
				}
			}
		}
	}
	f.stringList("additional_data_center_regions", 0)
	flag("mute_upon_entry", &s.MuteUponEntry)
	flag("participant_video", &s.ParticipantVideo)
	flag("private_meeting", &s.PrivateMeeting)
	flag("registrants_confirmation_email", &s.RegistrantsConfirmationEmail)
	flag("registrants_email_notification", &s.RegistrantsEmailNotification)
	intEnum("registration_type", &s.RegistrationType, 1, 2, 3)
	flag("show_share_button", &s.ShowShareButton)
	flag("use_pmi", &s.UsePMI)
	flag("waiting_room", &s.WaitingRoom)
	flag("watermark", &s.Watermark)
	return altHosts, hasAltHosts
}

// readLanguageInterpretation reads a language_interpretation object (meetings and webinars); it replaces the
// stored one as a whole.
func readLanguageInterpretation(sub *fieldReader) *languageInterpretation {
	v := &languageInterpretation{}
	v.Enable, _ = sub.boolean("enable")
	if items, ok := sub.array("interpreters", 0); ok {
		for i, raw := range items {
			el, ok := sub.element("interpreters", i, raw)
			if !ok {
				continue
			}
			var it interpreter
			email, hasEmail := el.str("email", 0)
			if hasEmail && !validEmail(email) {
				el.fail("email")
			}
			it.Email = email
			it.Languages, _ = el.str("languages", 0)
			v.Interpreters = append(v.Interpreters, it)
		}
	}
	return v
}

// templateSettingKeys are the in-meeting settings a meeting template carries (the [U] template object's
// schedule_meeting, recording and meeting_security groups plus the other in-meeting switches); registration,
// alternative hosts and contact details are not part of a template.
var templateSettingKeys = []string{
	"host_video", "participant_video", "mute_upon_entry", "waiting_room", "auto_recording", "join_before_host",
	"jbh_time", "watermark", "audio", "focus_mode", "encryption_type",
}

// templateSettingsOf extracts a template's settings from a meeting's settings.
func templateSettingsOf(s meetingSettings) map[string]any {
	var all map[string]any
	b, _ := json.Marshal(s)
	_ = json.Unmarshal(b, &all)
	out := map[string]any{}
	for _, k := range templateSettingKeys {
		if v, ok := all[k]; ok {
			out[k] = v
		}
	}
	return out
}

// settingsReader returns a fieldReader over a settings map (a template's), with the "settings." prefix.
func settingsReader(m map[string]any) *fieldReader {
	raw := map[string]json.RawMessage{}
	for k, v := range m {
		b, err := json.Marshal(v)
		if err == nil {
			raw[k] = b
		}
	}
	f := newFieldReader(raw)
	f.prefix = "settings."
	return f
}

// splitAltHosts splits a semicolon-separated alternative_hosts value, dropping blanks.
func splitAltHosts(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
