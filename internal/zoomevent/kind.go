package zoomevent

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// Kind is everything that tells meetings and webinars apart in the shared code: Zoom's type numbers, the settings
// table, the passcode rule and the words used in schemas and messages. Meeting and Webinar are the two kinds.
type Kind struct {
	// Noun is "meeting" or "webinar", for schemas and messages.
	Noun string
	// Types maps type names to Zoom's numbers.
	Types map[string]int
	// Settings is the settings table.
	Settings []Setting
	// passcode is Zoom's passcode rule for requests and passcodeChars its description.
	passcode      *regexp.Regexp
	passcodeChars string
	// DerivedFromPasscode are the computed attributes that change with the passcode.
	DerivedFromPasscode []string
	// templateSource says where template IDs come from.
	templateSource string
	// notifyDescription documents notify_on_destroy.
	notifyDescription string
	// listedTypeOK reports whether a listed event of type got can be the one created with type want (a meeting
	// Zoom holds on the host's PMI is listed as type 4).
	listedTypeOK func(want, got int) bool
}

// Meeting describes meetings (types 1, 2, 3, 4 and 8); meeting passcodes follow
// docs/development/zoom-api.md#passcodes.
var Meeting = Kind{
	Noun: "meeting",
	Types: map[string]int{
		TypeInstant:              client.MeetingTypeInstant,
		TypeScheduled:            client.MeetingTypeScheduled,
		TypeRecurringNoFixedTime: client.MeetingTypeRecurringNoFixedTime,
		TypePMI:                  client.MeetingTypePMI,
		TypeRecurringFixedTime:   client.MeetingTypeRecurringFixedTime,
	},
	Settings:            meetingSettings,
	passcode:            regexp.MustCompile(`^[A-Za-z0-9@_*-]{1,10}$`),
	passcodeChars:       "letters, digits and @ - _ *",
	DerivedFromPasscode: []string{"join_url", "h323_password", "pstn_password", "encrypted_password"},
	templateSource:      "an account admin template, see the `zoom_meeting_templates` data source",
	notifyDescription: "When the meeting is destroyed, e-mail the host, alternative hosts and registrants about " +
		"the cancellation. Default false.",
	listedTypeOK: func(want, got int) bool { return got == want || got == client.MeetingTypePMI },
}

// Webinar describes webinars (types 5, 6 and 9); webinar passcodes also allow `!`
// (docs/development/zoom-api.md#webinars).
var Webinar = Kind{
	Noun: "webinar",
	Types: map[string]int{
		TypeScheduled:            client.WebinarTypeScheduled,
		TypeRecurringNoFixedTime: client.WebinarTypeRecurringNoFixedTime,
		TypeRecurringFixedTime:   client.WebinarTypeRecurringFixedTime,
	},
	Settings:            webinarSettings,
	passcode:            regexp.MustCompile(`^[A-Za-z0-9@_*!-]{1,10}$`),
	passcodeChars:       "letters, digits and @ - _ * !",
	DerivedFromPasscode: []string{"join_url"},
	templateSource:      "see the `zoom_webinar_templates` data source",
	notifyDescription: "When the webinar is destroyed, e-mail the panelists and registrants about the " +
		"cancellation. Default false.",
	listedTypeOK: func(want, got int) bool { return got == want },
}

// TypeNumber returns the API number of a type name (0 if unknown).
func (k Kind) TypeNumber(name string) int { return k.Types[name] }

// TypeName returns the Terraform name of an API type number.
func (k Kind) TypeName(n int) string {
	for name, v := range k.Types {
		if v == n {
			return name
		}
	}
	return strconv.Itoa(n)
}

// Title is the noun with a capital, for the start of a sentence.
func (k Kind) Title() string { return capitalise(k.Noun) }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
