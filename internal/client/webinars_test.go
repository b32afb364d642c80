package client

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

func TestWebinarsCRUDAndList(t *testing.T) {
	c, reqs := captureServer(t, 200, `{"id":81234567890,"topic":"Launch","type":9,"settings":{"question_and_answer":{"enable":true,"answer_questions":"all"},"attendees_and_panelists_reminder_email_notification":{"enable":true,"type":3}}}`)
	ctx := context.Background()
	w, err := c.Webinars.Create(ctx, "h1", &WebinarRequest{EventFields: EventFields{Topic: Ptr("Launch")}, Settings: &WebinarSettings{HDVideo: Ptr(true)}})
	if err != nil {
		t.Fatal(err)
	}
	if w.ID != 81234567890 || w.Settings.QuestionAndAnswer == nil || *w.Settings.QuestionAndAnswer.AnswerQuestions != "all" ||
		*w.Settings.AttendeesAndPanelistsReminderEmailNotification.Type != 3 {
		t.Fatalf("webinar = %+v", w)
	}
	if _, err := c.Webinars.Get(ctx, 81234567890, &GetMeetingOptions{ShowPreviousOccurrences: true}); err != nil {
		t.Fatal(err)
	}
	if err := c.Webinars.Update(ctx, 81234567890, &WebinarRequest{EventFields: EventFields{Agenda: Ptr("")}}); err != nil {
		t.Fatal(err)
	}
	if err := c.Webinars.Delete(ctx, 81234567890, &DeleteWebinarOptions{CancelWebinarReminder: Ptr(true)}); err != nil {
		t.Fatal(err)
	}
	if err := c.Webinars.End(ctx, 81234567890); err != nil {
		t.Fatal(err)
	}
	got := reqs()
	want := []struct{ method, path, query string }{
		{"POST", "/v2/users/h1/webinars", ""},
		{"GET", "/v2/webinars/81234567890", "show_previous_occurrences=true"},
		{"PATCH", "/v2/webinars/81234567890", ""},
		{"DELETE", "/v2/webinars/81234567890", "cancel_webinar_reminder=true"},
		{"PUT", "/v2/webinars/81234567890/status", ""},
	}
	for i, w := range want {
		if got[i].method != w.method || got[i].path != w.path || got[i].rawQuery != w.query {
			t.Errorf("request %d = %s %s?%s, want %s %s?%s", i, got[i].method, got[i].path, got[i].rawQuery, w.method, w.path, w.query)
		}
	}
	jsonEqual(t, got[0].body, `{"topic":"Launch","settings":{"hd_video":true}}`)
	jsonEqual(t, got[2].body, `{"agenda":""}`)
	jsonEqual(t, got[4].body, `{"action":"end"}`)
	if !(&WebinarRequest{}).IsEmpty() || !(&WebinarRequest{Settings: &WebinarSettings{}}).IsEmpty() ||
		(&WebinarRequest{Settings: &WebinarSettings{QuestionAndAnswer: &QuestionAndAnswer{}}}).IsEmpty() || (&WebinarRequest{EventFields: EventFields{Topic: Ptr("x")}}).IsEmpty() {
		t.Error("IsEmpty is wrong")
	}
}

func TestRegistrantsForMeetingsAndWebinars(t *testing.T) {
	c, reqs := captureServer(t, 201, `{"id":"81234567890","registrant_id":"9tboDiHUQAeOnbmudzWa5g","join_url":"https://x/w/1?tk=a","topic":"T"}`)
	ctx := context.Background()
	req := &RegistrantRequest{Email: "r@example.com", FirstName: "R", AutoApprove: Ptr(true)}
	created, err := c.MeetingRegistrants.Add(ctx, 85746065432, req, []string{"1", "2"})
	if err != nil || created.RegistrantID != "9tboDiHUQAeOnbmudzWa5g" || created.ID != "81234567890" {
		t.Fatalf("created = %+v, %v", created, err)
	}
	if _, err := c.WebinarRegistrants.Add(ctx, 81234567890, req, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MeetingRegistrants.Get(ctx, 85746065432, "a/b"); err != nil {
		t.Fatal(err)
	}
	if err := c.WebinarRegistrants.Delete(ctx, 81234567890, "9tboDiHUQAeOnbmudzWa5g", "1796144400000"); err != nil {
		t.Fatal(err)
	}
	if err := c.MeetingRegistrants.UpdateStatus(ctx, 85746065432, RegistrantActionApprove, []RegistrantRef{{ID: "x"}}); err != nil {
		t.Fatal(err)
	}
	got := reqs()
	want := []struct{ method, path, query string }{
		{"POST", "/v2/meetings/85746065432/registrants", "occurrence_ids=1%2C2"},
		{"POST", "/v2/webinars/81234567890/registrants", ""},
		{"GET", "/v2/meetings/85746065432/registrants/a%2Fb", ""},
		{"DELETE", "/v2/webinars/81234567890/registrants/9tboDiHUQAeOnbmudzWa5g", "occurrence_id=1796144400000"},
		{"PUT", "/v2/meetings/85746065432/registrants/status", ""},
	}
	for i, w := range want {
		if got[i].method != w.method || got[i].path != w.path || got[i].rawQuery != w.query {
			t.Errorf("request %d = %s %s?%s, want %s %s?%s", i, got[i].method, got[i].path, got[i].rawQuery, w.method, w.path, w.query)
		}
	}
	jsonEqual(t, got[0].body, `{"email":"r@example.com","first_name":"R","auto_approve":true}`)
	// auto_approve is a meetings-only field.
	jsonEqual(t, got[1].body, `{"email":"r@example.com","first_name":"R"}`)
	if req.AutoApprove == nil {
		t.Fatal("the caller's request was modified")
	}
	jsonEqual(t, got[4].body, `{"action":"approve","registrants":[{"id":"x"}]}`)

	if _, err := c.MeetingRegistrants.Add(ctx, 1, &RegistrantRequest{Email: "x@example.com"}, nil); err == nil {
		t.Error("a registrant without first name was accepted")
	}
	many := make([]RegistrantRef, 31)
	if err := c.WebinarRegistrants.UpdateStatus(ctx, 1, RegistrantActionDeny, many); err == nil {
		t.Error("31 registrants in one status update were accepted")
	}
	if len(reqs()) != len(want) {
		t.Fatal("an invalid request reached the server")
	}
}

func TestWebinarPlanMissingIsAnAPIError(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("/users/h1/webinars", func(w http.ResponseWriter, r *http.Request) {
		writeZoomError(w, 400, CodeWebinarPlanMissing, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: h1.")
	})
	c, _ := newTestClient(t, ts, nil)
	_, err := c.Webinars.List(context.Background(), "h1", nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != CodeWebinarPlanMissing {
		t.Fatalf("err = %v", err)
	}
}
