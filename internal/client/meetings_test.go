package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestMeetingsCreateSendsOnlySetFields(t *testing.T) {
	c, reqs := captureServer(t, 201, `{"uuid":"aDYlohsHRtCd4ii1uC2+hA==","id":85746065432,"host_id":"h1","host_email":"h@example.com",
	"topic":"Weekly","type":8,"status":"waiting","start_time":"2026-12-01T17:00:00Z","duration":45,"timezone":"America/New_York",
	"created_at":"2026-11-23T10:00:00Z","start_url":"https://us06web.zoom.us/s/85746065432?zak=x","join_url":"https://us06web.zoom.us/j/85746065432?pwd=abc.1",
	"password":"a1B2c3","h323_password":"123456","pstn_password":"123456","encrypted_password":"abc.1","pmi":1234567890,"pre_schedule":false,
	"recurrence":{"type":2,"repeat_interval":1,"weekly_days":"2,4","end_times":10},
	"occurrences":[{"occurrence_id":"1796144400000","start_time":"2026-12-01T17:00:00Z","duration":45,"status":"available"}],
	"settings":{"waiting_room":true,"alternative_hosts":"a@example.com;b@example.com","jbh_time":0}}`)
	m, err := c.Meetings.Create(context.Background(), "h@example.com", &MeetingRequest{
		EventFields: EventFields{
			Topic:      Ptr("Weekly"),
			Type:       Ptr(MeetingTypeRecurringFixedTime),
			StartTime:  Ptr("2026-12-01T12:00:00"),
			Timezone:   Ptr("America/New_York"),
			Duration:   Ptr(45),
			Recurrence: &Recurrence{Type: RecurrenceWeekly, WeeklyDays: "2,4", EndTimes: Ptr(10)},
		},
		Settings: &MeetingSettings{WaitingRoom: Ptr(true), JBHTime: Ptr(0)},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := reqs()[0]
	if r.method != "POST" || r.path != "/v2/users/h@example.com/meetings" {
		t.Fatalf("request = %s %s", r.method, r.path)
	}
	jsonEqual(t, r.body, `{"topic":"Weekly","type":8,"start_time":"2026-12-01T12:00:00","timezone":"America/New_York","duration":45,
		"recurrence":{"type":2,"weekly_days":"2,4","end_times":10},"settings":{"waiting_room":true,"jbh_time":0}}`)
	if m.ID != 85746065432 || m.PMI != "1234567890" || len(m.Occurrences) != 1 || m.Occurrences[0].OccurrenceID != "1796144400000" ||
		m.Recurrence == nil || *m.Recurrence.EndTimes != 10 || m.Settings == nil || !*m.Settings.WaitingRoom ||
		*m.Settings.AlternativeHosts != "a@example.com;b@example.com" || m.PSTNPassword != "123456" {
		t.Fatalf("decoded meeting = %+v", m)
	}
	if _, err := c.Meetings.Create(context.Background(), "h@example.com", nil); err == nil {
		t.Fatal("nil request accepted")
	}
	if _, err := c.Meetings.Create(context.Background(), "", &MeetingRequest{}); err == nil {
		t.Fatal("empty host accepted")
	}
}

func TestFlexStringAcceptsStringNumberAndNull(t *testing.T) {
	for in, want := range map[string]string{`{"pmi":"1234567890"}`: "1234567890", `{"pmi":1234567890}`: "1234567890", `{"pmi":null}`: "", `{}`: ""} {
		var v struct {
			PMI FlexString `json:"pmi"`
		}
		if err := json.Unmarshal([]byte(in), &v); err != nil || string(v.PMI) != want {
			t.Errorf("%s → %q, %v; want %q", in, v.PMI, err, want)
		}
	}
	var v struct {
		PMI FlexString `json:"pmi"`
	}
	if err := json.Unmarshal([]byte(`{"pmi":true}`), &v); err == nil {
		t.Error("a boolean pmi was accepted")
	}
}

func TestMeetingsGetUpdateDeleteStatus(t *testing.T) {
	c, reqs := captureServer(t, 200, `{"id":85746065432,"topic":"x","type":2,"pmi":"1234567890"}`)
	ctx := context.Background()
	m, err := c.Meetings.Get(ctx, 85746065432, &GetMeetingOptions{OccurrenceID: "1796144400000", ShowPreviousOccurrences: true})
	if err != nil || m.PMI != "1234567890" {
		t.Fatalf("get = %+v, %v", m, err)
	}
	// Clearing tracking fields sends an empty list; settings carry only what is set.
	if err := c.Meetings.Update(ctx, 85746065432, &MeetingRequest{
		EventFields: EventFields{
			TrackingFields: &[]TrackingField{},
		}, Settings: &MeetingSettings{MuteUponEntry: Ptr(false)},
	}); err != nil {
		t.Fatal(err)
	}
	if err := c.Meetings.Delete(ctx, 85746065432, &DeleteMeetingOptions{ScheduleForReminder: Ptr(false), CancelMeetingReminder: Ptr(true)}); err != nil {
		t.Fatal(err)
	}
	if err := c.Meetings.UpdateStatus(ctx, 85746065432, MeetingStatusActionEnd); err != nil {
		t.Fatal(err)
	}
	got := reqs()
	want := []struct{ method, path, query string }{
		{"GET", "/v2/meetings/85746065432", "occurrence_id=1796144400000&show_previous_occurrences=true"},
		{"PATCH", "/v2/meetings/85746065432", ""},
		{"DELETE", "/v2/meetings/85746065432", "cancel_meeting_reminder=true&schedule_for_reminder=false"},
		{"PUT", "/v2/meetings/85746065432/status", ""},
	}
	for i, w := range want {
		if got[i].method != w.method || got[i].path != w.path || got[i].rawQuery != w.query {
			t.Errorf("request %d = %s %s?%s, want %s %s?%s", i, got[i].method, got[i].path, got[i].rawQuery, w.method, w.path, w.query)
		}
	}
	jsonEqual(t, got[1].body, `{"tracking_fields":[],"settings":{"mute_upon_entry":false}}`)
	jsonEqual(t, got[3].body, `{"action":"end"}`)

	for _, id := range []int64{0, -1} {
		if _, err := c.Meetings.Get(ctx, id, nil); err == nil {
			t.Errorf("Get(%d) accepted", id)
		}
	}
	if err := c.Meetings.Update(ctx, 1, nil); err == nil {
		t.Error("nil update accepted")
	}
	if len(reqs()) != len(want) {
		t.Fatal("an invalid request reached the server")
	}
}

func TestMeetingRequestIsEmpty(t *testing.T) {
	cases := []struct {
		req  *MeetingRequest
		want bool
	}{
		{nil, true},
		{&MeetingRequest{}, true},
		{&MeetingRequest{Settings: &MeetingSettings{}}, true},
		{&MeetingRequest{EventFields: EventFields{Topic: Ptr("")}}, false},
		{&MeetingRequest{EventFields: EventFields{TrackingFields: &[]TrackingField{}}}, false},
		{&MeetingRequest{PreSchedule: Ptr(false)}, false},
		{&MeetingRequest{Settings: &MeetingSettings{HostVideo: Ptr(false)}}, false},
	}
	for i, tc := range cases {
		if got := tc.req.IsEmpty(); got != tc.want {
			t.Errorf("case %d: IsEmpty = %v, want %v", i, got, tc.want)
		}
	}
}

func TestMeetingsListAllPagesAndTemplates(t *testing.T) {
	ts := newTestServer(t)
	var queries []string
	ts.handle("/users/h1/meetings", func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		if r.URL.Query().Get("next_page_token") == "" {
			writeJSON(w, 200, map[string]any{"next_page_token": "p2", "meetings": []map[string]any{{"id": 1, "topic": "a", "pmi": "123"}}})
			return
		}
		writeJSON(w, 200, map[string]any{"next_page_token": "", "meetings": []map[string]any{{"id": 2, "topic": "b"}}})
	})
	ts.handle("/users/h1/meeting_templates", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"total_records": 2, "templates": []map[string]any{
			{"id": "Dv4YdINdTk+Z5RToadh5ug==", "name": "All-hands", "type": 2}, {"id": "x", "name": "Mine", "type": 1}}})
	})
	c, _ := newTestClient(t, ts, nil)
	ms, err := c.Meetings.List(context.Background(), "h1", &ListMeetingsOptions{Type: MeetingListUpcoming})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].ID != 1 || ms[0].PMI != "123" || ms[1].Topic != "b" {
		t.Fatalf("meetings = %+v", ms)
	}
	if len(queries) != 2 || queries[0] != "page_size=300&type=upcoming" || queries[1] != "next_page_token=p2&page_size=300&type=upcoming" {
		t.Fatalf("queries = %q", queries)
	}
	tpls, err := c.Meetings.ListTemplates(context.Background(), "h1")
	if err != nil {
		t.Fatal(err)
	}
	if len(tpls) != 2 || tpls[0].ID != "Dv4YdINdTk+Z5RToadh5ug==" || tpls[0].Type != 2 || tpls[1].Name != "Mine" {
		t.Fatalf("templates = %+v", tpls)
	}
}

func TestAPIErrorCarriesServerTimeAndHostDailyLimit(t *testing.T) {
	serverNow := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	ts := newTestServer(t)
	ts.handle("/meetings/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", serverNow.Format(http.TimeFormat))
		writeZoomError(w, 404, 3001, "Meeting 85746065432 is not found or has expired.")
	})
	ts.handle("/users/h1/meetings", func(w http.ResponseWriter, r *http.Request) {
		writeZoomError(w, 429, 429, fmt.Sprintf("You have exceeded the daily rate limit (%d) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.", 100))
	})
	c, env := newTestClient(t, ts, nil)
	_, err := c.Meetings.Get(context.Background(), 85746065432, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !IsNotFound(err) || apiErr.Code != 3001 || !apiErr.ServerTime.Equal(serverNow) {
		t.Fatalf("err = %#v", err)
	}
	_, err = c.Meetings.Create(context.Background(), "h1", &MeetingRequest{EventFields: EventFields{Topic: Ptr("x")}})
	reset, ok := IsDailyLimit(err)
	if !ok || !reset.Equal(nextMidnightUTC(env.now())) {
		t.Fatalf("IsDailyLimit = %v, %v (err %v)", reset, ok, err)
	}
	if n := len(env.recorded()); n != 0 {
		t.Fatalf("a host's daily limit was slept on %d times", n)
	}
}
