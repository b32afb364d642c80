package client

import (
	"encoding/json"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// loadRequestSchema returns the JSON request-body schema of an operation from the committed spec extract.
func loadRequestSchema(t *testing.T, path, method string) zoomspec.Schema {
	t.Helper()
	op := zoomspec.MustLoad().Op(method, path)
	if op == nil {
		t.Fatalf("%s %s is not in the spec extract (go generate ./internal/zoomspec)", method, path)
	}
	if op.RequestBody == nil {
		t.Fatalf("%s %s documents no JSON request body", method, path)
	}
	return op.RequestBody
}

// conform is zoomspec.Conform: every way v breaks schema.
func conform(at string, v any, schema zoomspec.Schema) []string {
	return zoomspec.Conform(at, v, schema)
}

// fullMeetingRequest sets every request field the provider can send.
func fullMeetingRequest(create bool) *MeetingRequest {
	r := &MeetingRequest{
		EventFields: EventFields{
			Topic: Ptr("Weekly"), Type: Ptr(MeetingTypeRecurringFixedTime), StartTime: Ptr("2030-12-01T10:00:00"),
			Duration: Ptr(45), Timezone: Ptr("Europe/Berlin"), Agenda: Ptr("Agenda"), Password: Ptr("abc@1_-*"), TemplateID: Ptr("Dv4YdINdTk+Z5RToadh5ug=="),
			TrackingFields: &[]TrackingField{{Field: "Cost centre", Value: "42"}},
			Recurrence: &Recurrence{Type: RecurrenceMonthly, RepeatInterval: Ptr(1), WeeklyDays: "2,4", MonthlyDay: Ptr(3),
				MonthlyWeek: Ptr(-1), MonthlyWeekDay: Ptr(6), EndTimes: Ptr(10), EndDateTime: "2031-01-01T00:00:00Z"},
		},
		PreSchedule: Ptr(false), ScheduleFor: Ptr("h@example.com"),
		Settings: &MeetingSettings{
			AllowMultipleDevices: Ptr(true), AlternativeHosts: Ptr("a@example.com;b@example.com"),
			AlternativeHostsEmailNotification: Ptr(true), AlternativeHostUpdatePolls: Ptr(true), ApprovalType: Ptr(0),
			Audio: Ptr("voip"), AuthenticationDomains: Ptr("example.com"), AuthenticationOption: Ptr("signIn_x"),
			AutoRecording: Ptr("cloud"), CalendarType: Ptr(2), CloseRegistration: Ptr(true), ContactEmail: Ptr("c@example.com"),
			ContactName: Ptr("C"), EmailNotification: Ptr(false), EncryptionType: Ptr("e2ee"), FocusMode: Ptr(true),
			GlobalDialInCountries: &[]string{"US"}, HostSaveVideoOrder: Ptr(true), HostVideo: Ptr(true), JBHTime: Ptr(10),
			JoinBeforeHost: Ptr(true), MeetingAuthentication: Ptr(true), MuteUponEntry: Ptr(true), ParticipantVideo: Ptr(true),
			PrivateMeeting: Ptr(true), RegistrantsConfirmationEmail: Ptr(true), RegistrantsEmailNotification: Ptr(true),
			RegistrationType: Ptr(3), ShowShareButton: Ptr(true), UsePMI: Ptr(false), WaitingRoom: Ptr(true), Watermark: Ptr(true),
			LanguageInterpretation: &LanguageInterpretation{Enable: Ptr(true), Interpreters: []Interpreter{{Email: "i@example.com", Languages: "US,CN"}}},
		},
	}
	if create {
		r.DefaultPassword = Ptr(false)
	}
	return r
}

// TestMeetingRequestsMatchTheSpec checks that the bodies the client sends for meeting create and update are valid
// against the official Meeting API spec.
func TestMeetingRequestsMatchTheSpec(t *testing.T) {
	for _, op := range []struct {
		path, method string
		create       bool
	}{
		{"/users/{userId}/meetings", "post", true},
		{"/meetings/{meetingId}", "patch", false},
	} {
		schema := loadRequestSchema(t, op.path, op.method)
		b, err := json.Marshal(fullMeetingRequest(op.create))
		if err != nil {
			t.Fatal(err)
		}
		var body any
		_ = json.Unmarshal(b, &body)
		for _, e := range conform(op.method+" "+op.path, body, schema) {
			t.Error(e)
		}
	}
	// The checker itself catches what it should.
	schema := loadRequestSchema(t, "/meetings/{meetingId}", "patch")
	var body any
	_ = json.Unmarshal([]byte(`{"default_password":true,"type":7,"settings":{"audio":"radio"},"recurrence":{"weekly_days":"1,9"}}`), &body)
	if errs := conform("patch", body, schema); len(errs) != 5 {
		t.Fatalf("checker found %d problems, want 5 (unknown field, type enum, audio enum, weekly day, missing recurrence.type): %v", len(errs), errs)
	}
}

// TestMeetingStatusBodyMatchesTheSpec checks the status body.
func TestMeetingStatusBodyMatchesTheSpec(t *testing.T) {
	schema := loadRequestSchema(t, "/meetings/{meetingId}/status", "put")
	for _, action := range []string{MeetingStatusActionEnd, MeetingStatusActionRecover} {
		var body any
		_ = json.Unmarshal([]byte(`{"action":"`+action+`"}`), &body)
		for _, e := range conform("put status", body, schema) {
			t.Error(e)
		}
	}
}

// fullWebinarRequest sets every webinar request field the provider can send.
func fullWebinarRequest(create bool) *WebinarRequest {
	plan := &EmailNotificationPlan{Enable: Ptr(true), Type: Ptr(3)}
	r := &WebinarRequest{
		EventFields: EventFields{
			Topic: Ptr("Launch"), Type: Ptr(WebinarTypeRecurringFixedTime), StartTime: Ptr("2030-12-01T10:00:00Z"),
			Duration: Ptr(60), Timezone: Ptr("UTC"), Agenda: Ptr("A"), Password: Ptr("abc!1"),
			TrackingFields: &[]TrackingField{{Field: "f", Value: "v"}},
			Recurrence:     &Recurrence{Type: RecurrenceWeekly, RepeatInterval: Ptr(1), WeeklyDays: "2", EndTimes: Ptr(5)},
		},
		Settings: &WebinarSettings{
			AllowMultipleDevices: Ptr(true), AlternativeHosts: Ptr("a@example.com"), ApprovalType: Ptr(1),
			AttendeesAndPanelistsReminderEmailNotification: plan, Audio: Ptr("both"), AuthenticationDomains: Ptr("x.com"),
			AuthenticationOption: Ptr("o"), AutoRecording: Ptr("local"), CloseRegistration: Ptr(true),
			ContactEmail: Ptr("c@example.com"), ContactName: Ptr("C"), EmailLanguage: Ptr("de-DE"),
			FollowUpAbsenteesEmailNotification: plan, FollowUpAttendeesEmailNotification: plan, HDVideo: Ptr(true),
			HDVideoForAttendees: Ptr(true), HostVideo: Ptr(true), MeetingAuthentication: Ptr(true), OnDemand: Ptr(false),
			PanelistAuthentication: Ptr(true), PanelistsInvitationEmailNotification: Ptr(true), PanelistsVideo: Ptr(true),
			PostWebinarSurvey: Ptr(true), PracticeSession: Ptr(true), RegistrantsEmailNotification: Ptr(true),
			QuestionAndAnswer: &QuestionAndAnswer{Enable: Ptr(true), AllowAnonymousQuestions: Ptr(false), AnswerQuestions: Ptr("all"),
				AttendeesCanComment: Ptr(true), AttendeesCanUpvote: Ptr(true)},
			RegistrantsRestrictNumber: Ptr(500), RegistrationType: Ptr(2), Send1080pVideoToAttendees: Ptr(false),
			ShowShareButton: Ptr(true), SurveyURL: Ptr("https://example.com/s"),
		},
	}
	if create {
		r.TemplateID = Ptr("tpl")
	} else {
		// Only the update schema has these.
		r.Settings.RegistrantsConfirmationEmail = Ptr(true)
		r.Settings.NotifyRegistrants = Ptr(false)
	}
	return r
}

// TestWebinarAndRegistrantRequestsMatchTheSpec checks the webinar and registrant bodies against the spec.
func TestWebinarAndRegistrantRequestsMatchTheSpec(t *testing.T) {
	reg := &RegistrantRequest{Email: "r@example.com", FirstName: "R", LastName: "S", Address: "1 Main St", City: "X",
		State: "Y", Zip: "1", Country: "US", Phone: "555", Comments: "c", Industry: "i", Org: "o", JobTitle: "j",
		PurchasingTimeFrame: "1-3 months", RoleInPurchaseProcess: "Influencer", NoOfEmployees: "21-50", Language: "de-DE",
		CustomQuestions: []CustomQuestion{{Title: "t", Value: "v"}}}
	withAuto := *reg
	withAuto.AutoApprove = Ptr(true)
	status := map[string]any{"action": "approve", "registrants": []map[string]string{{"id": "9tboDiHUQAeOnbmudzWa5g", "email": "r@example.com"}}}
	for _, c := range []struct {
		path, method string
		body         any
	}{
		{"/users/{userId}/webinars", "post", fullWebinarRequest(true)},
		{"/webinars/{webinarId}", "patch", fullWebinarRequest(false)},
		{"/meetings/{meetingId}/registrants", "post", &withAuto},
		{"/webinars/{webinarId}/registrants", "post", reg},
		{"/meetings/{meetingId}/registrants/status", "put", status},
		{"/webinars/{webinarId}/registrants/status", "put", status},
	} {
		schema := loadRequestSchema(t, c.path, c.method)
		b, err := json.Marshal(c.body)
		if err != nil {
			t.Fatal(err)
		}
		var body any
		_ = json.Unmarshal(b, &body)
		for _, e := range conform(c.method+" "+c.path, body, schema) {
			t.Error(e)
		}
	}
}
