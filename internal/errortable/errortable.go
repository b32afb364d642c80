// Package errortable is the error-conformance table: one row per documented (HTTP status, Zoom error code) answer
// of every operation the client calls, saying when Zoom gives it, what the provider does with it, whether the
// sandbox reproduces it and which test triggers it. The documented pairs come from the spec extract
// (internal/zoomspec); TestTableCoversTheExtract keeps the two in step. The troubleshooting guide
// (templates/guides/troubleshooting.md.tmpl) is generated from this table.
package errortable

import (
	"fmt"
	"sort"
)

// Handling is what the provider does with an answer.
type Handling string

const (
	// Diagnostic: the operation fails with an error that names what to change (see Row.Action).
	Diagnostic Handling = "diagnostic"
	// Gone: on read the object is removed from the state (Terraform plans to create it again); on delete the
	// answer counts as done.
	Gone Handling = "gone"
	// Done: the answer means the desired end state already holds; the operation succeeds.
	Done Handling = "done"
	// Retry: the client waits and sends the request again.
	Retry Handling = "retry"
	// Adopt: the provider looks up what the request may have created and takes it over.
	Adopt Handling = "adopt"
	// PlanTime: the provider refuses the configuration at plan time, so the request is never sent.
	PlanTime Handling = "plan-time"
)

// Reach says whether and how the answer can be reproduced.
type Reach string

const (
	// Sandbox: the in-process sandbox produces it under the condition, and Row.Test triggers it.
	Sandbox Reach = "sandbox"
	// NotModelled: the provider can meet it, but the sandbox cannot model the condition (Row.Why says why).
	NotModelled Reach = "not-modelled"
	// Unreachable: the provider can never receive it (Row.Why says why).
	Unreachable Reach = "unreachable"
)

// Row is one cause of an (operation, HTTP status, Zoom code) answer. Most answers have one row; an answer with
// causes that call for different handling has one row per cause, told apart by Case.
type Row struct {
	Op     string // the operationId of the spec
	Status int    // HTTP status
	Code   int    // Zoom error code
	// Case names the cause, for every row of an answer but its first (which leaves it empty).
	Case string
	// When is the condition under which Zoom (and the sandbox) gives this answer, in the user's terms.
	When string
	// Handling is what the provider does with it; Action is what the user should change, as the provider's
	// diagnostic or this guide says it.
	Handling Handling
	Action   string
	// Specific is true when the provider adds its own explanation to Zoom's message (or handles the answer
	// without failing), false when it shows Zoom's message as it is.
	Specific bool
	Reach    Reach
	Why      string // for NotModelled and Unreachable
	Test     string // for Sandbox: "package.TestName" of the test that triggers it
	// Terraform names the acceptance test ("package.TestName") that meets the answer through a Terraform
	// configuration against the sandbox, and Message is a regular expression the provider's diagnostic matches.
	// For a PlanTime row it is the test in which the provider refuses the configuration before the request.
	Terraform string
	Message   string
	// Extra marks an answer the sandbox gives (as Zoom was observed to) that the operation does not document.
	Extra bool
}

// Key identifies the row's answer.
func (r Row) Key() string { return fmt.Sprintf("%s %d %d", r.Op, r.Status, r.Code) }

// ID identifies the row: its answer and, for a further cause of the answer, the case.
func (r Row) ID() string {
	if r.Case == "" {
		return r.Key()
	}
	return r.Key() + " " + r.Case
}

// Rows returns the table sorted by operation, status and code.
func Rows() []Row {
	out := append([]Row(nil), table...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Op != b.Op {
			return a.Op < b.Op
		}
		if a.Status != b.Status {
			return a.Status < b.Status
		}
		return a.Code < b.Code
	})
	return out
}

// Area is the part of the provider (resource or data source) an operation serves, for the guide.
func Area(op string) string { return areas[op] }

var areas = map[string]string{
	"userCreate": "zoom_user", "user": "zoom_user", "userUpdate": "zoom_user", "userEmailUpdate": "zoom_user",
	"userStatus": "zoom_user", "userDelete": "zoom_user", "users": "zoom_users data source",
	"userEmail":     "zoom_user",
	"meetingCreate": "zoom_meeting", "meeting": "zoom_meeting", "meetingUpdate": "zoom_meeting",
	"meetingDelete": "zoom_meeting", "meetingStatus": "zoom_meeting", "meetings": "zoom_meetings data source",
	"listMeetingTemplates": "zoom_meeting_templates data source",
	"webinarCreate":        "zoom_webinar", "webinar": "zoom_webinar", "webinarUpdate": "zoom_webinar",
	"webinarDelete": "zoom_webinar", "webinarStatus": "zoom_webinar", "webinars": "zoom_webinars data source",
	"listWebinarTemplates":    "zoom_webinar_templates data source",
	"meetingRegistrantCreate": "zoom_meeting_registrant", "meetingRegistrantGet": "zoom_meeting_registrant",
	"meetingRegistrants": "zoom_meeting_registrant", "meetingregistrantdelete": "zoom_meeting_registrant",
	"meetingRegistrantStatus": "zoom_meeting_registrant",
	"webinarRegistrantCreate": "zoom_webinar_registrant", "webinarRegistrantGet": "zoom_webinar_registrant",
	"webinarRegistrants": "zoom_webinar_registrant", "deleteWebinarRegistrant": "zoom_webinar_registrant",
	"webinarRegistrantStatus":            "zoom_webinar_registrant",
	"get_mail_vacation_response_setting": "zoom_mail_vacation", "update_mailbox_vacation_response_setting": "zoom_mail_vacation",
	"groups": "zoom_group (import by name) and the zoom_group and zoom_groups data sources", "groupCreate": "zoom_group",
	"group": "zoom_group", "groupUpdate": "zoom_group", "groupDelete": "zoom_group",
	"groupMembers":       "zoom_group_members and the zoom_group_members data source",
	"groupMembersCreate": "zoom_group_member, zoom_group_members", "groupMembersDelete": "zoom_group_member, zoom_group_members",
	"updateAGroupMember": "zoom_group_member (primary)", "groupAdmins": "zoom_group_admin",
	"groupAdminsCreate": "zoom_group_admin", "groupAdminsDelete": "zoom_group_admin",
}
