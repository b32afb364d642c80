package sandbox_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// createWebinar creates a webinar for user and returns the create response.
func (e *env) createWebinar(user string, body any) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodPost, "/v2/users/"+user+"/webinars", body)
	r.wantStatus(e.t, http.StatusCreated)
	return r.json(e.t)
}

// getWebinar reads a webinar (path may carry a query).
func (e *env) getWebinar(idAndQuery string) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodGet, "/v2/webinars/"+idAndQuery, nil)
	r.wantStatus(e.t, http.StatusOK)
	return r.json(e.t)
}

func (e *env) patchWebinar(idAndQuery string, body any) response {
	e.t.Helper()
	return e.call(http.MethodPatch, "/v2/webinars/"+idAndQuery, body)
}

// webinarTemplates lists user's webinar templates.
func (e *env) webinarTemplates(user string) []map[string]any {
	e.t.Helper()
	r := e.call(http.MethodGet, "/v2/users/"+user+"/webinar_templates", nil)
	r.wantStatus(e.t, http.StatusOK)
	var out struct {
		TotalRecords int              `json:"total_records"`
		Templates    []map[string]any `json:"templates"`
	}
	mustJSON(e.t, r.body, &out)
	if out.TotalRecords != len(out.Templates) {
		e.t.Fatalf("total_records %d for %d templates", out.TotalRecords, len(out.Templates))
	}
	return out.Templates
}

func TestWebinarCreateAndGet(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	owner := e.call(http.MethodGet, "/v2/users/me", nil).json(t)
	w := e.createWebinar("me", map[string]any{"topic": "Launch", "agenda": strings.Repeat("a", 3000), "start_time": "2030-02-01T15:00:00",
		"duration": 90, "timezone": "Europe/Paris", "password": "Pw!-9", "is_simulive": true, "record_file_id": "f09340e1",
		"tracking_fields": []any{map[string]any{"field": "dept", "value": "R&D"}}})
	id := mid(w)
	if !meetingIDRE.MatchString(id) || !uuidRE.MatchString(w["uuid"].(string)) {
		t.Fatalf("id %s uuid %v", id, w["uuid"])
	}
	want := map[string]any{"type": float64(5), "topic": "Launch", "start_time": "2030-02-01T14:00:00Z", "timezone": "Europe/Paris",
		"duration": float64(90), "host_id": owner["id"], "host_email": "owner@sandbox.zoom.test", "password": "Pw!-9",
		"is_simulive": true, "record_file_id": "f09340e1", "registrants_confirmation_email": true}
	for k, v := range want {
		if w[k] != v {
			t.Errorf("%s = %v, want %v", k, w[k], v)
		}
	}
	if len(w["agenda"].(string)) != 3000 || !strings.HasPrefix(w["created_at"].(string), "2030-01-07T12:00:") {
		t.Errorf("agenda %d created_at %v", len(w["agenda"].(string)), w["created_at"])
	}
	// The webinar schemas have no status, pmi, encrypted/h323 passcodes or registration_url without registration.
	for _, k := range []string{"status", "pmi", "encrypted_password", "h323_password", "registration_url", "occurrences", "recurrence", "template_id"} {
		if _, ok := w[k]; ok {
			t.Errorf("unexpected %s: %v", k, w[k])
		}
	}
	if !regexp.MustCompile(`^https://us06web\.zoom\.us/j/` + id + `\?pwd=[A-Za-z0-9]{30}\.1$`).MatchString(w["join_url"].(string)) {
		t.Errorf("join_url %v", w["join_url"])
	}
	if tf := w["tracking_fields"].([]any); len(tf) != 1 || fmt.Sprint(tf[0]) != "map[field:dept value:R&D]" {
		t.Errorf("tracking_fields %v", tf)
	}

	// Every settings key, with the spec's defaults.
	s := settingsOf(w)
	defaults := map[string]any{
		"add_audio_watermark": false, "add_watermark": false, "allow_multiple_devices": false, "alternative_hosts": "",
		"alternative_host_update_polls": false, "approval_type": float64(2), "audio": "both", "authentication_domains": "",
		"auto_recording": "none", "close_registration": false, "contact_email": "owner@sandbox.zoom.test", "contact_name": "Sandbox Owner",
		"email_language": "en-US", "enable_session_branding": false, "enforce_login": false, "enforce_login_domains": "",
		"hd_video": false, "hd_video_for_attendees": false, "host_video": false, "meeting_authentication": false,
		"notify_registrants": false, "on_demand": false, "panelist_authentication": false, "panelists_invitation_email_notification": true,
		"panelists_video": false, "post_webinar_survey": false, "practice_session": false, "registrants_confirmation_email": true,
		"registrants_email_notification": true, "registrants_restrict_number": float64(0), "registration_type": float64(1),
		"send_1080p_video_to_attendees": false, "show_share_button": false, "survey_url": "",
	}
	for k, v := range defaults {
		if s[k] != v {
			t.Errorf("settings.%s = %v, want %v", k, s[k], v)
		}
	}
	for _, k := range []string{"attendees_and_panelists_reminder_email_notification", "follow_up_absentees_email_notification", "follow_up_attendees_email_notification"} {
		if fmt.Sprint(s[k]) != "map[enable:false type:0]" {
			t.Errorf("settings.%s = %v", k, s[k])
		}
	}
	if fmt.Sprint(s["question_and_answer"]) != "map[allow_anonymous_questions:false allow_auto_reply:false answer_questions:only attendees_can_comment:false attendees_can_upvote:false auto_reply_text: enable:false]" {
		t.Errorf("settings.question_and_answer = %v", s["question_and_answer"])
	}
	if fmt.Sprint(s["language_interpretation"]) != "map[enable:false]" {
		t.Errorf("settings.language_interpretation = %v", s["language_interpretation"])
	}
	// Meeting-only settings are not there.
	for _, k := range []string{"waiting_room", "join_before_host", "jbh_time", "use_pmi", "mute_upon_entry", "encryption_type"} {
		if _, ok := s[k]; ok {
			t.Errorf("meeting setting %s in a webinar", k)
		}
	}

	// GET by id and by UUID (double-encoded, as Zoom asks for UUIDs with "/"), with a fresh start_url each time.
	g1 := e.getWebinar(id)
	g2 := e.getWebinar(url.PathEscape(url.PathEscape(w["uuid"].(string))))
	for _, k := range []string{"uuid", "id", "topic", "start_time", "timezone", "password", "join_url", "created_at", "agenda"} {
		if g1[k] != w[k] || g2[k] != w[k] {
			t.Errorf("GET %s = %v / %v, create said %v", k, g1[k], g2[k], w[k])
		}
	}
	for _, k := range []string{"registrants_confirmation_email", "template_id", "status"} {
		if _, ok := g1[k]; ok {
			t.Errorf("GET has %s", k)
		}
	}
	if fmt.Sprint(settingsOf(g1)) != fmt.Sprint(s) {
		t.Errorf("GET settings differ:\n%v\n%v", settingsOf(g1), s)
	}
	if w["start_url"] == g1["start_url"] || g1["start_url"] == g2["start_url"] ||
		!strings.HasPrefix(g1["start_url"].(string), "https://us06web.zoom.us/s/"+id+"?zak=") {
		t.Errorf("start_url %v %v %v", w["start_url"], g1["start_url"], g2["start_url"])
	}
	if claims := zakClaims(t, g1["start_url"].(string)); claims["exp"].(float64)-claims["iat"].(float64) != 7200 || claims["mnum"] != id {
		t.Errorf("zak claims %v", claims)
	}

	// An empty body: type 5 with the profile's defaults.
	d := e.call(http.MethodPost, "/v2/users/me/webinars", "").json(t)
	if d["topic"] != "Zoom Webinar" || d["duration"] != float64(60) || d["type"] != float64(5) || d["timezone"] != "America/Los_Angeles" ||
		d["start_time"] != "2030-01-07T12:01:00Z" || d["password"] != "" || d["is_simulive"] != false {
		t.Errorf("defaults %v", d)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.DefaultWebinarTopic = "Webinar"; p.DefaultMeetingDuration = 30 })
	if d := e.createWebinar("me", map[string]any{}); d["topic"] != "Webinar" || d["duration"] != float64(30) {
		t.Errorf("default_webinar_topic: %v %v", d["topic"], d["duration"])
	}
	e.call(http.MethodPost, "/v2/users/me/webinars", `{"topic":`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	e.call(http.MethodPost, "/v2/users/nobody@example.com/webinars", map[string]any{}).wantError(t, 404, 1001, "User nobody@example.com not exist or not belong to this account.")
	e.call(http.MethodGet, "/v2/webinars/12345678901", nil).wantError(t, 404, 3001, "Webinar 12345678901 not found or has expired.")
	e.call(http.MethodGet, "/v2/webinars/abc", nil).wantError(t, 400, 300, "Invalid webinar ID.")
	e.call(http.MethodGet, "/v2/webinars/"+url.PathEscape(strings.Repeat("A", 22)+"=="), nil).wantError(t, 404, 3001, "Webinar "+strings.Repeat("A", 22)+"== not found or has expired.")
	e.patchWebinar("abc", map[string]any{}).wantError(t, 400, 300, "Invalid webinar Id.")
	e.call(http.MethodDelete, "/v2/webinars/abc", nil).wantError(t, 400, 300, "Invalid webinar ID.")
	e.call(http.MethodPut, "/v2/webinars/abc/status", `{"action":"end"}`).wantError(t, 400, 300, "Invalid webinar ID.")
	// Type 4 users cannot host webinars either.
	noMeetings := e.createUser("autoCreate", "nolicense@example.com", 4)
	e.call(http.MethodPost, "/v2/users/"+noMeetings+"/webinars", map[string]any{}).
		wantError(t, 400, 3161, "Meeting hosting and scheduling capabilities are not allowed for your user account.")
}

func TestWebinarValidation(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	cases := []struct {
		body  string
		field string
	}{
		{`{"type":2}`, "type"},
		{`{"type":8}`, "type"},
		{`{"type":"5"}`, "type"},
		{`{"topic":"` + strings.Repeat("t", 201) + `"}`, "topic"},
		{`{"password":"12345678901"}`, "password"},
		{`{"password":"pa$$"}`, "password"},
		{`{"duration":-1}`, "duration"},
		{`{"start_time":"2030-02-01T09:00:00+02:00"}`, "start_time"},
		{`{"timezone":"Mars/Olympus"}`, "timezone"},
		{`{"type":9}`, "recurrence"},
		{`{"type":9,"recurrence":{"type":1,"end_times":51}}`, "recurrence.end_times"},
		{`{"type":9,"recurrence":{"type":2}}`, "recurrence.weekly_days"},
		{`{"is_simulive":"yes"}`, "is_simulive"},
		{`{"settings":{"approval_type":3}}`, "settings.approval_type"},
		{`{"settings":{"registration_type":4}}`, "settings.registration_type"},
		{`{"settings":{"audio":"radio"}}`, "settings.audio"},
		{`{"settings":{"auto_recording":"tape"}}`, "settings.auto_recording"},
		{`{"settings":{"registrants_restrict_number":20001}}`, "settings.registrants_restrict_number"},
		{`{"settings":{"registrants_restrict_number":-1}}`, "settings.registrants_restrict_number"},
		{`{"settings":{"question_and_answer":{"answer_questions":"some"}}}`, "settings.question_and_answer.answer_questions"},
		{`{"settings":{"question_and_answer":{"enable":"yes"}}}`, "settings.question_and_answer.enable"},
		{`{"settings":{"attendees_and_panelists_reminder_email_notification":{"type":8}}}`, "settings.attendees_and_panelists_reminder_email_notification.type"},
		{`{"settings":{"follow_up_absentees_email_notification":{"type":-1}}}`, "settings.follow_up_absentees_email_notification.type"},
		{`{"settings":{"follow_up_attendees_email_notification":{"enable":1}}}`, "settings.follow_up_attendees_email_notification.enable"},
		{`{"settings":{"language_interpretation":{"enable":true,"interpreters":[{"email":"nope","languages":"US,CN"}]}}}`, "settings.language_interpretation.interpreters[0].email"},
		{`{"settings":{"practice_session":"yes"}}`, "settings.practice_session"},
		{`{"settings":{"global_dial_in_countries":"US"}}`, "settings.global_dial_in_countries"},
		{`{"tracking_fields":[{"value":"x"}]}`, "tracking_fields[0].field"},
	}
	for _, tc := range cases {
		e.call(http.MethodPost, "/v2/users/me/webinars", tc.body).wantField(t, tc.field)
	}
	e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"type": 9, "start_time": "2030-02-01T10:00:00Z",
		"recurrence": map[string]any{"type": 1, "end_times": 2, "end_date_time": "2030-03-01T00:00:00Z"}}).wantError(t, 400, 300, "Invalid recurrence settings.")
	// No agenda limit in the webinar schema; email_language is a free string; the 20,000 cap is accepted.
	w := e.createWebinar("me", map[string]any{"agenda": strings.Repeat("a", 5000), "settings": map[string]any{"email_language": "xx-XX",
		"registrants_restrict_number": 20000, "question_and_answer": map[string]any{"enable": true, "answer_questions": "all"},
		"attendees_and_panelists_reminder_email_notification": map[string]any{"enable": true, "type": 7}}})
	s := settingsOf(w)
	if s["email_language"] != "xx-XX" || s["registrants_restrict_number"] != float64(20000) ||
		fmt.Sprint(s["attendees_and_panelists_reminder_email_notification"]) != "map[enable:true type:7]" {
		t.Errorf("settings %v", s)
	}
	if q := s["question_and_answer"].(map[string]any); q["enable"] != true || q["answer_questions"] != "all" || q["attendees_can_upvote"] != false {
		t.Errorf("question_and_answer %v", q)
	}
	// notify_registrants and registrants_confirmation_email are update-only keys: ignored on create.
	if s := settingsOf(e.createWebinar("me", map[string]any{"settings": map[string]any{"notify_registrants": true, "registrants_confirmation_email": false}})); s["notify_registrants"] != false || s["registrants_confirmation_email"] != true {
		t.Errorf("update-only keys applied on create: %v", s)
	}
	// At most 50 occurrences for webinars, whatever recurrence_max_end_times says.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RecurrenceMaxEndTimes = 365 })
	e.call(http.MethodPost, "/v2/users/me/webinars", `{"type":9,"recurrence":{"type":1,"end_times":51}}`).wantField(t, "recurrence.end_times")
	r := e.createWebinar("me", map[string]any{"type": 9, "start_time": "2030-02-01T10:00:00Z", "recurrence": map[string]any{"type": 1, "end_date_time": "2031-01-01T00:00:00Z"}})
	if n := len(occurrencesOf(r)); n != 50 {
		t.Errorf("%d occurrences", n)
	}
}

func TestWebinarPatch(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	w := e.createWebinar("me", map[string]any{"topic": "A", "agenda": "keep", "start_time": "2030-02-01T15:00:00Z", "password": "abc",
		"settings": map[string]any{"hd_video": true, "question_and_answer": map[string]any{"enable": true, "attendees_can_upvote": true}}})
	id := mid(w)
	e.patchWebinar(id, map[string]any{"topic": "B", "settings": map[string]any{"panelists_video": true,
		"question_and_answer": map[string]any{"answer_questions": "all"}, "notify_registrants": true, "registrants_confirmation_email": false}}).wantStatus(t, 204)
	g := e.getWebinar(id)
	s := settingsOf(g)
	if g["topic"] != "B" || g["agenda"] != "keep" || g["password"] != "abc" || g["start_time"] != "2030-02-01T15:00:00Z" ||
		s["hd_video"] != true || s["panelists_video"] != true || s["notify_registrants"] != true || s["registrants_confirmation_email"] != false {
		t.Fatalf("after patch %v", g)
	}
	// Q&A is merged key by key.
	if q := s["question_and_answer"].(map[string]any); q["enable"] != true || q["attendees_can_upvote"] != true || q["answer_questions"] != "all" {
		t.Errorf("question_and_answer %v", q)
	}
	e.patchWebinar(id, map[string]any{"start_time": "2029-12-01T10:00:00Z"}).wantStatus(t, 204)
	if g := e.getWebinar(id); g["start_time"] != "2030-02-01T15:00:00Z" {
		t.Errorf("past start_time applied: %v", g["start_time"])
	}
	// 5 → 9 needs a recurrence, which is then replaced as a whole.
	e.patchWebinar(id, map[string]any{"type": 9}).wantField(t, "recurrence")
	e.patchWebinar(id, map[string]any{"type": 9, "recurrence": map[string]any{"type": 3, "monthly_day": 15, "end_times": 3}}).wantStatus(t, 204)
	e.patchWebinar(id, map[string]any{"recurrence": map[string]any{"type": 2, "weekly_days": "2", "end_times": 2}}).wantStatus(t, 204)
	g = e.getWebinar(id)
	if g["type"] != float64(9) || fmt.Sprint(g["recurrence"]) != "map[end_times:2 repeat_interval:1 type:2 weekly_days:2]" || len(occurrencesOf(g)) != 2 {
		t.Fatalf("recurrence %v occurrences %v", g["recurrence"], g["occurrences"])
	}
	e.patchWebinar(id, map[string]any{"start_time": "2030-04-01T10:00:00Z"}).wantField(t, "recurrence")
	e.patchWebinar(id, map[string]any{"recurrence": map[string]any{"type": 1, "end_times": 2, "end_date_time": "2030-05-01T00:00:00Z"}}).
		wantError(t, 400, 300, "Invalid recurrence settings.")
	// template_id is not in the update schema: ignored. Unknown keys too.
	e.patchWebinar(id, map[string]any{"template_id": "nope", "foo": 1}).wantStatus(t, 204)
	e.patchWebinar(id, map[string]any{"type": 5}).wantStatus(t, 204)
	if g := e.getWebinar(id); g["recurrence"] != nil || g["occurrences"] != nil || g["type"] != float64(5) {
		t.Errorf("recurrence kept on type 5: %v", g)
	}
	e.patchWebinar(id, map[string]any{"settings": map[string]any{"audio": "radio"}}).wantField(t, "settings.audio")
	e.patchWebinar(id, "{").wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	e.patchWebinar("12345678901", map[string]any{}).wantError(t, 404, 3001, "Webinar 12345678901 not found or has expired.")
	// Type 6: no start_time unless the knob says so.
	e.patchWebinar(id, map[string]any{"type": 6}).wantStatus(t, 204)
	if _, ok := e.getWebinar(id)["start_time"]; ok {
		t.Error("type 6 returned start_time")
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RecurringNoFixedTimeReturnsStartTime = true })
	if g := e.getWebinar(id); g["start_time"] != "2030-02-01T15:00:00Z" {
		t.Errorf("type 6 with the knob: %v", g["start_time"])
	}
}

func TestWebinarOccurrences(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	w := e.createWebinar("me", map[string]any{"type": 9, "topic": "Series", "start_time": "2030-02-04T10:00:00", "timezone": "America/New_York",
		"duration": 30, "recurrence": map[string]any{"type": 2, "weekly_days": "2,4", "end_times": 4}})
	id := mid(w)
	want := []string{"2030-02-04T15:00:00Z", "2030-02-06T15:00:00Z", "2030-02-11T15:00:00Z", "2030-02-13T15:00:00Z"}
	if got := occurrenceStarts(w); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("occurrences %v", got)
	}
	for _, o := range occurrencesOf(w) {
		st, _ := time.Parse(time.RFC3339, o["start_time"].(string))
		if o["occurrence_id"] != strconv.FormatInt(st.UnixMilli(), 10) || o["status"] != "available" || o["duration"] != float64(30) {
			t.Errorf("occurrence %v", o)
		}
	}
	occ := occurrencesOf(w)
	id2, id4 := occ[1]["occurrence_id"].(string), occ[3]["occurrence_id"].(string)
	e.patchWebinar(id+"?occurrence_id="+id2, map[string]any{"start_time": "2030-02-06T18:00:00Z", "duration": 45, "agenda": "special",
		"topic": "ignored", "settings": map[string]any{"hd_video": true}}).wantStatus(t, 204)
	g := e.getWebinar(id + "?occurrence_id=" + id2)
	if g["start_time"] != "2030-02-06T18:00:00Z" || g["duration"] != float64(45) || g["agenda"] != "special" || g["topic"] != "Series" {
		t.Fatalf("occurrence view %v", g)
	}
	if g := e.getWebinar(id); g["duration"] != float64(30) || settingsOf(g)["hd_video"] != false {
		t.Errorf("series changed: %v", g)
	}
	e.patchWebinar(id+"?occurrence_id="+id2, map[string]any{"settings": map[string]any{"auto_recording": "tape"}}).wantField(t, "settings.auto_recording")
	e.patchWebinar(id+"?occurrence_id=123", map[string]any{}).wantError(t, 400, 3000, "Invalid occurrence_id.")
	e.call(http.MethodDelete, "/v2/webinars/"+id+"?occurrence_id="+id4, nil).wantStatus(t, 204)
	if n := len(occurrencesOf(e.getWebinar(id))); n != 3 {
		t.Errorf("%d occurrences after deleting one", n)
	}
	e.call(http.MethodGet, "/v2/webinars/"+id+"?occurrence_id="+id4, nil).wantError(t, 400, 3000, "Invalid occurrence_id.")
	e.call(http.MethodDelete, "/v2/webinars/"+id+"?occurrence_id=123", nil).wantError(t, 400, 3000, "Invalid occurrence_id.")
	// Ended occurrences are hidden unless show_previous_occurrences=true.
	e.setNow(time.Date(2030, 2, 7, 0, 0, 0, 0, time.UTC))
	if n := len(occurrencesOf(e.getWebinar(id))); n != 1 {
		t.Errorf("current occurrences %d", n)
	}
	if n := len(occurrencesOf(e.getWebinar(id + "?show_previous_occurrences=true"))); n != 3 {
		t.Errorf("all occurrences %d", n)
	}
	// After the last occurrence the webinar has expired.
	e.setNow(time.Date(2030, 2, 12, 0, 0, 0, 0, time.UTC))
	e.call(http.MethodGet, "/v2/webinars/"+id, nil).wantError(t, 404, 3001, "Webinar "+id+" not found or has expired.")
}

func TestWebinarExpiry(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	id := mid(e.createWebinar("me", map[string]any{"start_time": "2030-01-07T13:00:00Z", "duration": 30}))
	noFixed := mid(e.createWebinar("me", map[string]any{"type": 6}))
	listed := func(id string) bool {
		for _, it := range e.call(http.MethodGet, "/v2/users/me/webinars", nil).json(t)["webinars"].([]any) {
			if mid(it.(map[string]any)) == id {
				return true
			}
		}
		return false
	}
	expired := "Webinar " + id + " not found or has expired."
	e.setNow(time.Date(2030, 1, 7, 13, 29, 0, 0, time.UTC))
	e.getWebinar(id)
	e.setNow(time.Date(2030, 1, 7, 13, 31, 0, 0, time.UTC))
	e.call(http.MethodGet, "/v2/webinars/"+id, nil).wantError(t, 404, 3001, expired)
	e.patchWebinar(id, map[string]any{"topic": "x"}).wantError(t, 404, 3001, expired)
	e.call(http.MethodDelete, "/v2/webinars/"+id, nil).wantError(t, 404, 3001, expired)
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `{"action":"end"}`).wantError(t, 404, 3001, expired)
	if listed(id) || !listed(noFixed) {
		t.Errorf("listing: expired %v type 6 %v", listed(id), listed(noFixed))
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = -1 })
	e.getWebinar(id)
	e.setNow(t0.AddDate(2, 0, 0))
	e.getWebinar(noFixed)
}

func TestWebinarStatusAndDelete(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	w := e.createWebinar("me", map[string]any{"start_time": "2030-01-07T13:00:00Z", "duration": 30})
	id := mid(w)
	n, _ := strconv.ParseInt(id, 10, 64)
	uuid1 := w["uuid"].(string)
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `{"action":"end"}`).wantStatus(t, 204)
	if g := e.getWebinar(id); g["uuid"] != uuid1 {
		t.Fatalf("no-op end changed the uuid")
	}
	if err := e.s.StartWebinar(n); err != nil {
		t.Fatal(err)
	}
	e.patchWebinar(id, map[string]any{"topic": "x"}).wantError(t, 400, 3000, "You cannot update or delete webinars that have started using this method.")
	e.call(http.MethodDelete, "/v2/webinars/"+id, nil).wantError(t, 400, 3002, "Sorry, you cannot delete this webinar since it is in progress.")
	e.setNow(time.Date(2030, 1, 7, 18, 0, 0, 0, time.UTC)) // a running webinar does not expire
	e.getWebinar(id)
	e.setNow(t0)
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `{"action":"recover"}`).wantField(t, "action")
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `{}`).wantField(t, "action")
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `nope`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `{"action":"end"}`).wantStatus(t, 204)
	g := e.getWebinar(id)
	if g["uuid"] == uuid1 || !uuidRE.MatchString(g["uuid"].(string)) {
		t.Fatalf("uuid after end %v", g["uuid"])
	}
	e.call(http.MethodDelete, "/v2/webinars/"+id, nil).wantError(t, 400, 3007, "Sorry, you cannot delete this webinar since it has ended.")
	e.patchWebinar(id, map[string]any{"topic": "again"}).wantStatus(t, 204)

	// Simulive webinars that have started get the spec's simulive message.
	sim := mid(e.createWebinar("me", map[string]any{"is_simulive": true, "record_file_id": "rf", "start_time": "2030-01-08T10:00:00Z"}))
	simN, _ := strconv.ParseInt(sim, 10, 64)
	// Admin hooks and the ended_meeting_status knob.
	var st struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	r := e.admin(http.MethodPost, "/webinars/"+sim+"/start", nil)
	r.wantStatus(t, 200)
	mustJSON(t, r.body, &st)
	if st.ID != simN || st.Status != "started" {
		t.Fatalf("admin start %+v", st)
	}
	e.patchWebinar(sim, map[string]any{"topic": "x"}).wantError(t, 400, 3000, "You cannot update or delete simulive webinars that have started using this method.")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.EndedMeetingStatus = sandbox.EndedStatusFinished })
	mustJSON(t, e.admin(http.MethodPost, "/webinars/"+sim+"/end", nil).body, &st)
	if st.Status != "finished" {
		t.Errorf("admin end %+v", st)
	}
	e.admin(http.MethodPost, "/webinars/12345678901/start", nil).wantStatus(t, 404)
	e.admin(http.MethodPost, "/webinars/"+sim+"/pause", nil).wantStatus(t, 404)
	e.admin(http.MethodGet, "/webinars/"+sim+"/start", nil).wantStatus(t, 405)
	if err := e.s.EndWebinar(12345678901); !errors.Is(err, sandbox.ErrWebinarNotFound) {
		t.Errorf("EndWebinar(unknown) = %v", err)
	}
	if err := e.s.StartWebinar(12345678901); !errors.Is(err, sandbox.ErrWebinarNotFound) {
		t.Errorf("StartWebinar(unknown) = %v", err)
	}

	// DELETE: cancel_webinar_reminder must be a boolean; afterwards the webinar is gone for good.
	d := mid(e.createWebinar("me", map[string]any{"start_time": "2031-01-01T10:00:00Z"}))
	e.call(http.MethodDelete, "/v2/webinars/"+d+"?cancel_webinar_reminder=maybe", nil).wantField(t, "cancel_webinar_reminder")
	e.call(http.MethodDelete, "/v2/webinars/"+d+"?cancel_webinar_reminder=true", nil).wantStatus(t, 204)
	gone := "Webinar " + d + " not found or has expired."
	e.call(http.MethodGet, "/v2/webinars/"+d, nil).wantError(t, 404, 3001, gone)
	e.patchWebinar(d, map[string]any{}).wantError(t, 404, 3001, gone)
	e.call(http.MethodDelete, "/v2/webinars/"+d, nil).wantError(t, 404, 3001, gone)
	e.call(http.MethodPut, "/v2/webinars/"+d+"/status", `{"action":"end"}`).wantError(t, 404, 3001, gone)
}

func TestListWebinars(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	var ids []string
	for i := 0; i < 33; i++ {
		ids = append(ids, mid(e.createWebinar("me", map[string]any{"topic": fmt.Sprintf("w%02d", i), "start_time": "2030-02-01T10:00:00Z"})))
	}
	long := e.createWebinar("me", map[string]any{"agenda": strings.Repeat("é", 300), "start_time": "2030-02-01T10:00:00Z", "is_simulive": true})
	ids = append(ids, mid(long))
	e.createWebinar("me", map[string]any{"start_time": "2029-12-01T10:00:00Z"}) // already expired
	e.createMeeting("me", map[string]any{})                                     // meetings are not webinars
	other := e.createUser("autoCreate", "other@example.com", 2)
	e.createWebinar(other, map[string]any{})

	// The operation documents page_size and page_number, not next_page_token: pages go by number and the
	// answer's next_page_token is always "".
	var seen []string
	for page := 1; ; page++ {
		q := fmt.Sprintf("/v2/users/me/webinars?page_size=30&page_number=%d", page)
		m := e.call(http.MethodGet, q, nil).json(t)
		if m["total_records"] != float64(34) || m["page_count"] != float64(2) || m["page_size"] != float64(30) || m["page_number"] != float64(page) {
			t.Fatalf("page %d envelope %v", page, m)
		}
		for _, it := range m["webinars"].([]any) {
			item := it.(map[string]any)
			seen = append(seen, mid(item))
			keys := []string{}
			for k := range item {
				keys = append(keys, k)
			}
			if len(item) != 12 {
				t.Fatalf("list item keys %v", keys)
			}
			if mid(item) == mid(long) {
				if n := len([]rune(item["agenda"].(string))); n != 250 || item["is_simulive"] != true {
					t.Errorf("agenda truncated to %d, is_simulive %v", n, item["is_simulive"])
				}
			}
			if item["uuid"] == "" || item["join_url"] == "" || item["start_time"] != "2030-02-01T10:00:00Z" || item["type"] != float64(5) {
				t.Errorf("item %v", item)
			}
		}
		if m["next_page_token"] != "" {
			t.Fatalf("page %d offers a next_page_token %v", page, m["next_page_token"])
		}
		if page == 2 {
			break
		}
	}
	if fmt.Sprint(seen) != fmt.Sprint(ids) {
		t.Fatalf("listed %v\nwant %v", seen, ids)
	}
	// A next_page_token in the query is ignored like any undocumented parameter, unless the knob honours it.
	if m := e.call(http.MethodGet, "/v2/users/me/webinars?page_size=30&next_page_token=whatever", nil).json(t); m["page_number"] != float64(1) {
		t.Errorf("token query not ignored: %v", m["page_number"])
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarListPageToken = true })
	first := e.call(http.MethodGet, "/v2/users/me/webinars?page_size=30", nil).json(t)
	token, _ := first["next_page_token"].(string)
	if token == "" {
		t.Fatal("knob on: no next_page_token")
	}
	second := e.call(http.MethodGet, "/v2/users/me/webinars?page_size=30&next_page_token="+url.QueryEscape(token), nil).json(t)
	if second["page_number"] != float64(2) || len(second["webinars"].([]any)) != 4 {
		t.Errorf("knob on: second page %v", second["page_number"])
	}
	e.call(http.MethodGet, "/v2/users/me/webinars?next_page_token=nope", nil).wantError(t, 400, 300, "The next page token is invalid or expired.")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarListPageToken = false })
	if m := e.call(http.MethodGet, "/v2/users/me/webinars?page_size=500", nil).json(t); m["page_size"] != float64(300) || m["next_page_token"] != "" {
		t.Errorf("clamp %v", m["page_size"])
	}
	e.call(http.MethodGet, "/v2/users/me/webinars?type=live", nil).wantField(t, "type")
	e.call(http.MethodGet, "/v2/users/nobody@example.com/webinars", nil).wantError(t, 404, 1001, "User nobody@example.com not exist or not belong to this account.")

	// type=upcoming: live or ending in the future; scheduled: every unexpired webinar.
	count := func(typ string) int {
		t.Helper()
		return int(e.call(http.MethodGet, "/v2/users/me/webinars?type="+typ, nil).json(t)["total_records"].(float64))
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = 60 * 24 * 365 })
	if count("scheduled") != 35 || count("upcoming") != 34 {
		t.Errorf("with grace: scheduled %d upcoming %d", count("scheduled"), count("upcoming"))
	}
	e.setNow(time.Date(2030, 2, 2, 0, 0, 0, 0, time.UTC))
	live, _ := strconv.ParseInt(ids[0], 10, 64)
	if err := e.s.StartWebinar(live); err != nil {
		t.Fatal(err)
	}
	if count("upcoming") != 1 || count("scheduled") != 35 {
		t.Errorf("later: upcoming %d scheduled %d", count("upcoming"), count("scheduled"))
	}
}

func TestWebinarAddonRefusals(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	ownerID := e.call(http.MethodGet, "/v2/users/me", nil).json(t)["id"].(string)
	w := e.createWebinar("me", map[string]any{"start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}})
	id := mid(w)
	reg := e.call(http.MethodPost, "/v2/webinars/"+id+"/registrants", map[string]any{"email": "a@example.com", "first_name": "A"})
	reg.wantStatus(t, 201)
	rid := reg.json(t)["registrant_id"].(string)

	// refusals checks every webinar endpoint for host (path {userId} ref) against hostID in the messages.
	refusals := func(ref, hostID string) {
		t.Helper()
		cases := []struct {
			method, path string
			body         any
			msg          string
		}{
			{http.MethodPost, "/v2/users/" + ref + "/webinars", map[string]any{}, "Subscription plan for webinar is missing. Enable webinar for this user once the subscription plan is added:" + ref + "."},
			{http.MethodGet, "/v2/users/" + ref + "/webinars", nil, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: " + ref + "."},
			{http.MethodGet, "/v2/webinars/" + id, nil, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: " + hostID + "."},
			{http.MethodPatch, "/v2/webinars/" + id, map[string]any{"topic": "x"}, "Webinar subscription plan is missing. Enable webinar for this user once the subscription is added:" + hostID + "."},
			{http.MethodDelete, "/v2/webinars/" + id, nil, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: " + hostID + "."},
			{http.MethodPut, "/v2/webinars/" + id + "/status", map[string]any{"action": "end"}, "Webinar plan subscription is missing. Enable webinar for this user once the subscription is added:" + hostID + "."},
			{http.MethodGet, "/v2/users/" + ref + "/webinar_templates", nil, "Cannot use webinar API, you need to subscribe webinar plan and then enable webinar for this user:" + ref + "."},
			{http.MethodPost, "/v2/users/" + ref + "/webinar_templates", map[string]any{"webinar_id": w["id"], "name": "T"}, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinars for this user in order to perform this action: " + ref + "."},
			{http.MethodPost, "/v2/webinars/" + id + "/registrants", map[string]any{"email": "b@example.com", "first_name": "B"}, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: " + hostID + "."},
			{http.MethodGet, "/v2/webinars/" + id + "/registrants", nil, "Webinar plan subscription is missing. Enable webinar for this user once the subscription is added:" + hostID + "."},
			{http.MethodGet, "/v2/webinars/" + id + "/registrants/" + rid, nil, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user: " + hostID + "."},
			{http.MethodDelete, "/v2/webinars/" + id + "/registrants/" + rid, nil, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinars for this user in order to perform this action: " + hostID + "."},
			{http.MethodPut, "/v2/webinars/" + id + "/registrants/status", map[string]any{"action": "deny", "registrants": []any{map[string]any{"id": rid}}}, "The webinar plan subscription is missing. Enable webinar for this user once the subscription is added: " + hostID},
		}
		for _, tc := range cases {
			e.call(tc.method, tc.path, tc.body).wantError(t, 400, 200, tc.msg)
		}
	}
	unchanged := func() {
		t.Helper()
		g := e.getWebinar(id)
		if g["topic"] != w["topic"] || g["uuid"] != w["uuid"] {
			t.Errorf("webinar changed while refused: %v", g)
		}
		if n := e.call(http.MethodGet, "/v2/users/me/webinars", nil).json(t)["total_records"]; n != float64(1) {
			t.Errorf("%v webinars after refusals", n)
		}
		if list := e.webinarTemplates("me"); len(list) != 1 {
			t.Errorf("templates after refusals: %v", list)
		}
		r := e.call(http.MethodGet, "/v2/webinars/"+id+"/registrants", nil).json(t)
		if r["total_records"] != float64(1) {
			t.Errorf("registrants after refusals: %v", r)
		}
	}

	// The account has no add-on.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = false })
	refusals("me", ownerID)
	refusals("owner@sandbox.zoom.test", ownerID)
	// Meetings are not affected.
	m := e.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 0}})
	e.call(http.MethodPost, "/v2/meetings/"+mid(m)+"/registrants", map[string]any{"email": "a@example.com", "first_name": "A"}).wantStatus(t, 201)
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = true })
	unchanged()

	// One host without a webinar licence, named by e-mail or by id.
	for _, entry := range []string{"OWNER@sandbox.zoom.test", ownerID} {
		e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarUnlicensedUsers = []string{"someone@example.com", entry} })
		refusals(ownerID, ownerID)
		// Other hosts keep their licence.
		other := e.createUser("autoCreate", fmt.Sprintf("licensed%d@example.com", len(entry)), 2)
		e.createWebinar(other, map[string]any{})
		e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarUnlicensedUsers = nil })
		unchanged()
	}
}

func TestWrongKindIDs(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := mid(e.createMeeting("me", map[string]any{"start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}}))
	w := mid(e.createWebinar("me", map[string]any{"start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}}))
	onWebinar := []struct{ method, path string }{
		{http.MethodGet, "/v2/webinars/" + m}, {http.MethodPatch, "/v2/webinars/" + m}, {http.MethodDelete, "/v2/webinars/" + m},
		{http.MethodPut, "/v2/webinars/" + m + "/status"}, {http.MethodPost, "/v2/webinars/" + m + "/registrants"},
		{http.MethodGet, "/v2/webinars/" + m + "/registrants"}, {http.MethodPut, "/v2/webinars/" + m + "/registrants/status"},
	}
	onMeeting := []struct{ method, path string }{
		{http.MethodGet, "/v2/meetings/" + w}, {http.MethodPatch, "/v2/meetings/" + w}, {http.MethodDelete, "/v2/meetings/" + w},
		{http.MethodPut, "/v2/meetings/" + w + "/status"}, {http.MethodPost, "/v2/meetings/" + w + "/registrants"},
		{http.MethodGet, "/v2/meetings/" + w + "/registrants"}, {http.MethodDelete, "/v2/meetings/" + w + "/registrants/" + strings.Repeat("A", 22)},
	}
	body := map[string]any{"action": "end", "email": "a@example.com", "first_name": "A"}
	for _, c := range onWebinar {
		e.call(c.method, c.path, body).wantError(t, 400, 3000, "Cannot access meeting info.")
	}
	for _, c := range onMeeting {
		e.call(c.method, c.path, body).wantError(t, 400, 3000, "Cannot access webinar info.")
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WrongKindID = sandbox.WrongKindNotFound })
	for _, c := range onWebinar {
		e.call(c.method, c.path, body).wantError(t, 404, 3001, "Webinar "+m+" not found or has expired.")
	}
	for _, c := range onMeeting {
		e.call(c.method, c.path, body).wantError(t, 404, 3001, "Meeting does not exist: "+w+".")
	}
	// Both still exist.
	e.getMeeting(m)
	e.getWebinar(w)
}

func TestWebinarTemplates(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	list := e.webinarTemplates("me")
	if len(list) != 1 || list[0]["name"] != "Product launch" || len(list[0]) != 2 || !templateIDRE.MatchString(list[0]["id"].(string)) {
		t.Fatalf("seed webinar templates %v", list)
	}
	seed := list[0]["id"].(string)
	other := e.createUser("autoCreate", "other@example.com", 2)
	if got := e.webinarTemplates(other); fmt.Sprint(got) != fmt.Sprint(list) {
		t.Errorf("other user's templates %v", got)
	}
	e.call(http.MethodGet, "/v2/users/nobody@example.com/webinar_templates", nil).wantError(t, 400, 1001, "User nobody@example.com does not exist or does not belong to this account.")
	// Meeting templates and webinar templates are separate lists.
	for _, mt := range e.templates("me") {
		if mt.ID == seed {
			t.Error("webinar template in the meeting templates")
		}
	}

	// Applying a template: its settings first, then the request's; template_id is echoed by create only.
	ownerID := e.call(http.MethodGet, "/v2/users/me", nil).json(t)["id"].(string)
	w := e.createWebinar(ownerID, map[string]any{"template_id": seed, "settings": map[string]any{"hd_video": false}})
	s := settingsOf(w)
	if s["practice_session"] != true || s["hd_video"] != false || s["question_and_answer"].(map[string]any)["enable"] != true || w["template_id"] != seed {
		t.Fatalf("template not applied: %v %v", w["template_id"], s)
	}
	if _, ok := e.getWebinar(mid(w))["template_id"]; ok {
		t.Error("GET returned template_id")
	}
	// The path must carry the host's user id, not the e-mail; unknown ids are refused the same way.
	e.call(http.MethodPost, "/v2/users/owner@sandbox.zoom.test/webinars", map[string]any{"template_id": seed}).wantError(t, 400, 300, "Invalid template ID")
	e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"template_id": "nope"}).wantError(t, 400, 300, "Invalid template ID")
	e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"template_id": seed}).wantStatus(t, 201)

	// Saving a template from a webinar.
	src := e.createWebinar("me", map[string]any{"type": 9, "start_time": "2030-02-01T10:00:00Z", "recurrence": map[string]any{"type": 1, "end_times": 2},
		"settings": map[string]any{"on_demand": true, "auto_recording": "cloud", "approval_type": 1, "alternative_hosts": "other@example.com"}})
	post := func(user string, body any) response {
		return e.call(http.MethodPost, "/v2/users/"+user+"/webinar_templates", body)
	}
	r := post("me", map[string]any{"webinar_id": src["id"], "name": "Mine", "save_recurrence": true})
	r.wantStatus(t, 201)
	created := r.json(t)
	mine := created["id"].(string)
	if len(created) != 2 || created["name"] != "Mine" || !templateIDRE.MatchString(mine) {
		t.Fatalf("created %v", created)
	}
	if l := e.webinarTemplates("me"); len(l) != 2 || l[1]["id"] != mine {
		t.Errorf("list %v", l)
	}
	if l := e.webinarTemplates(other); len(l) != 1 {
		t.Errorf("another user sees the template: %v", l)
	}
	s = settingsOf(e.createWebinar(ownerID, map[string]any{"template_id": mine}))
	if s["on_demand"] != true || s["auto_recording"] != "cloud" || s["approval_type"] != float64(1) || s["alternative_hosts"] != "" {
		t.Errorf("user template applied: %v", s)
	}
	e.call(http.MethodPost, "/v2/users/"+other+"/webinars", map[string]any{"template_id": mine}).wantError(t, 400, 300, "Invalid template ID")

	// Errors.
	post("me", map[string]any{"webinar_id": src["id"], "name": "Mine"}).wantError(t, 400, 3000, "Webinar template name already exists: Mine.")
	post("me", map[string]any{"webinar_id": src["id"], "name": "Mine", "overwrite": true}).wantStatus(t, 201)
	post("me", map[string]any{"name": "X"}).wantError(t, 400, 300, "Invalid webinar ID.")
	post("me", map[string]any{"webinar_id": src["id"]}).wantField(t, "name")
	post("me", `{`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	post("me", map[string]any{"webinar_id": 12345678901, "name": "X"}).wantError(t, 400, 3001, "Webinar does not exist: 12345678901.")
	meeting := e.createMeeting("me", map[string]any{})
	post("me", map[string]any{"webinar_id": meeting["id"], "name": "X"}).wantError(t, 400, 3000, "Cannot access meeting info.")
	post(other, map[string]any{"webinar_id": src["id"], "name": "X"}).wantError(t, 400, 300, "Invalid webinar ID.")
	post("nobody@example.com", map[string]any{"webinar_id": src["id"], "name": "X"}).wantError(t, 404, 1001, "User nobody@example.com does not exist or does not belong to this account.")
	for i := 1; i < 40; i++ {
		post("me", map[string]any{"webinar_id": src["id"], "name": fmt.Sprintf("T%02d", i)}).wantStatus(t, 201)
	}
	post("me", map[string]any{"webinar_id": src["id"], "name": "T40"}).wantError(t, 400, 300, "You can only create up to 40 webinar templates.")
	post("me", map[string]any{"webinar_id": src["id"], "name": "Mine", "overwrite": true}).wantStatus(t, 201)

	// The Go API.
	acct, err := e.s.AddWebinarTemplate("", "Town hall", map[string]any{"panelists_video": true, "question_and_answer": map[string]any{"allow_anonymous_questions": true}})
	if err != nil {
		t.Fatal(err)
	}
	own, err := e.s.AddWebinarTemplate("other@example.com", "Other's", map[string]any{"hd_video_for_attendees": true})
	if err != nil {
		t.Fatal(err)
	}
	if l := e.webinarTemplates(other); len(l) != 3 || l[1]["id"] != acct || l[2]["id"] != own {
		t.Errorf("other's templates %v", l)
	}
	s = settingsOf(e.createWebinar(other, map[string]any{"template_id": acct}))
	if s["panelists_video"] != true || s["question_and_answer"].(map[string]any)["allow_anonymous_questions"] != true {
		t.Errorf("Go API template applied: %v", s)
	}
	if _, err := e.s.AddWebinarTemplate("", "Bad", map[string]any{"audio": "radio"}); err == nil || !strings.Contains(err.Error(), "settings.audio") {
		t.Errorf("invalid settings: %v", err)
	}
	if _, err := e.s.AddWebinarTemplate("ghost@example.com", "X", nil); err == nil {
		t.Error("unknown user accepted")
	}
	if _, err := e.s.AddWebinarTemplate("", " ", nil); err == nil {
		t.Error("empty name accepted")
	}

	// Reset brings back the seed only.
	e.admin(http.MethodPost, "/reset", nil).wantStatus(t, 200)
	e.tok = e.token()
	if l := e.webinarTemplates("me"); len(l) != 1 || l[0]["name"] != "Product launch" || l[0]["id"] == seed {
		t.Errorf("after reset %v", l)
	}
}

func TestDailyLimitCountsMeetingsAndWebinars(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) {
		p.MeetingDailyLimit = 4
		p.RateLimitsEnabled = true
	})
	e.setNow(time.Date(2030, 5, 30, 15, 0, 0, 0, time.UTC))
	body := "You have exceeded the daily rate limit (4) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."
	e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"type": 7}).wantField(t, "type") // rejected: not counted
	m := mid(e.createMeeting("me", map[string]any{"start_time": "2030-06-10T10:00:00Z"}))
	w := mid(e.createWebinar("me", map[string]any{"start_time": "2030-06-10T10:00:00Z"}))
	w2 := mid(e.createWebinar("me", map[string]any{"start_time": "2030-06-10T10:00:00Z"}))
	e.patchWebinar(w, map[string]any{"topic": "x"}).wantStatus(t, 204)
	for _, r := range []response{
		e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{}),
		e.patchWebinar(w, map[string]any{"topic": "y"}),
		e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{}),
		e.patchMeeting(m, map[string]any{"topic": "y"}),
	} {
		r.wantError(t, 429, 429, body)
		if r.header.Get("X-RateLimit-Type") != "" || r.header.Get("Retry-After") != "" {
			t.Errorf("429 headers %v", r.header)
		}
	}
	// Delete, status, registrant calls and other hosts are not limited.
	e.call(http.MethodDelete, "/v2/webinars/"+w2, nil).wantStatus(t, 204)
	e.call(http.MethodPut, "/v2/webinars/"+w+"/status", `{"action":"end"}`).wantStatus(t, 204)
	other := e.createUser("autoCreate", "other@example.com", 2)
	e.createWebinar(other, map[string]any{})

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingDailyLimitHeaders = true })
	r := e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{})
	r.wantError(t, 429, 429, body)
	if r.header.Get("X-RateLimit-Type") != "Daily-limit" || r.header.Get("Retry-After") != "2030-05-31T00:00:00Z" ||
		r.header.Get("X-RateLimit-Limit") != "4" || r.header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("429 headers with the knob %v", r.header)
	}
	e.setNow(time.Date(2030, 5, 31, 0, 0, 1, 0, time.UTC))
	e.createWebinar("me", map[string]any{})
}

func TestWebinarPasscodes(t *testing.T) {
	e := newEnv(t, nil)
	// The one-security-option rule is for meetings only by default.
	if w := e.createWebinar("me", map[string]any{}); w["password"] != "" || strings.Contains(w["join_url"].(string), "?") {
		t.Errorf("passcode without the knob: %v %v", w["password"], w["join_url"])
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarSecurityOptionRequired = true })
	w := e.createWebinar("me", map[string]any{})
	if !passcodeRE.MatchString(w["password"].(string)) || !strings.Contains(w["join_url"].(string), "?pwd=") {
		t.Errorf("webinar_security_option_required: %v", w["password"])
	}
	if w := e.createWebinar("me", map[string]any{"settings": map[string]any{"meeting_authentication": true}}); w["password"] != "" {
		t.Errorf("authentication satisfies the rule: %v", w["password"])
	}
	// PATCH keeps the passcode when omitted; clearing it re-applies the rule.
	id := mid(w)
	e.patchWebinar(id, map[string]any{"topic": "x"}).wantStatus(t, 204)
	if g := e.getWebinar(id); g["password"] != w["password"] || g["join_url"] != w["join_url"] {
		t.Errorf("passcode changed: %v", g["password"])
	}
	e.patchWebinar(id, map[string]any{"password": ""}).wantStatus(t, 204)
	if pw := e.getWebinar(id)["password"].(string); !passcodeRE.MatchString(pw) || pw == w["password"] {
		t.Errorf("cleared passcode %q", pw)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarSecurityOptionRequired = false; p.PasscodeRequired = true })
	if w := e.createWebinar("me", map[string]any{}); !passcodeRE.MatchString(w["password"].(string)) {
		t.Errorf("passcode_required: %v", w["password"])
	}
	if w := e.createWebinar("me", map[string]any{"password": "a@_*!-Z9"}); w["password"] != "a@_*!-Z9" {
		t.Errorf("explicit passcode %v", w["password"])
	}
}

func TestWebinarAlternativeHosts(t *testing.T) {
	e := newEnv(t, nil)
	a := e.createUser("autoCreate", "Alt.One@Example.com", 2)
	e.createUser("autoCreate", "alt2@example.com", 2)
	alt := func(v string) response {
		return e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"settings": map[string]any{"alternative_hosts": v}})
	}
	e.createUser("autoCreate", "basic@example.com", 1)
	// Commas separate entries (the webinar schema); the answer is comma-separated too.
	r := alt("alt2@example.com, " + a + ",ALT2@example.com")
	r.wantStatus(t, 201)
	w := r.json(t)
	if got := settingsOf(w)["alternative_hosts"]; got != "alt2@example.com,alt.one@example.com" {
		t.Fatalf("alternative_hosts %v", got)
	}
	// A semicolon does not separate entries by default; the knob lets it.
	alt("alt2@example.com;"+a).wantError(t, 400, 300, "Invalid alternative host: alt2@example.com;"+a)
	// A Basic user cannot be an alternative host.
	alt("alt2@example.com,basic@example.com").wantError(t, 400, 300, "Invalid alternative host: basic@example.com")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAltHostsSemicolons = true })
	r = alt("alt2@example.com;" + a)
	r.wantStatus(t, 201)
	if got := settingsOf(r.json(t))["alternative_hosts"]; got != "alt2@example.com,alt.one@example.com" {
		t.Fatalf("semicolon knob: alternative_hosts %v", got)
	}
	alt("ghost@example.com").wantError(t, 400, 300, "Invalid alternative host: ghost@example.com")
	alt("owner@sandbox.zoom.test").wantError(t, 400, 300, "Invalid alternative host: owner@sandbox.zoom.test")
	e.patchWebinar(mid(w), map[string]any{"settings": map[string]any{"alternative_hosts": ""}}).wantStatus(t, 204)
	if got := settingsOf(e.getWebinar(mid(w)))["alternative_hosts"]; got != "" {
		t.Errorf("cleared %v", got)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.InvalidAlternativeHost = sandbox.AlternativeHostDrop })
	r = alt("ghost@example.com,alt2@example.com")
	r.wantStatus(t, 201)
	if got := settingsOf(r.json(t))["alternative_hosts"]; got != "alt2@example.com" {
		t.Errorf("drop knob %v", got)
	}
}

func TestWebinarRegistrationSettings(t *testing.T) {
	// No webinar answer documents registration_url.
	strict := newEnv(t, nil)
	sw := strict.createWebinar("me", map[string]any{"settings": map[string]any{"approval_type": 1}})
	if _, ok := sw["registration_url"]; ok {
		t.Fatalf("webinarCreate answer has undocumented registration_url")
	}
	if _, ok := strict.getWebinar(mid(sw))["registration_url"]; ok {
		t.Fatalf("webinar GET answer has undocumented registration_url")
	}
	// The rest runs with the undocumented fields, as real answers were reported to carry them.
	e := newEnv(t, func(p *sandbox.Profile) { p.UndocumentedResponseFields = true })
	regRE := regexp.MustCompile(`^https://us06web\.zoom\.us/webinar/register/[A-Za-z0-9_-]{36}$`)
	w := e.createWebinar("me", map[string]any{"settings": map[string]any{"approval_type": 1}})
	url1, _ := w["registration_url"].(string)
	if !regRE.MatchString(url1) || e.getWebinar(mid(w))["registration_url"] != url1 {
		t.Fatalf("registration_url %v", url1)
	}
	e.patchWebinar(mid(w), map[string]any{"settings": map[string]any{"approval_type": 2}}).wantStatus(t, 204)
	if _, ok := e.getWebinar(mid(w))["registration_url"]; ok {
		t.Error("registration_url without registration")
	}
	e.patchWebinar(mid(w), map[string]any{"settings": map[string]any{"approval_type": 0}}).wantStatus(t, 204)
	if e.getWebinar(mid(w))["registration_url"] != url1 {
		t.Error("registration_url changed")
	}
	// Type 6 registration is behind a knob.
	e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"type": 6, "settings": map[string]any{"approval_type": 0}}).
		wantError(t, 400, 300, "Registration is only available for webinars (type 5) and recurring webinars with a fixed time (type 9).")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrationOnType6 = true })
	if w := e.createWebinar("me", map[string]any{"type": 6, "settings": map[string]any{"approval_type": 0}}); !regRE.MatchString(w["registration_url"].(string)) {
		t.Errorf("type 6 with the knob: %v", w)
	}
	// Basic hosts: basic_host_registration, as for meetings.
	basic := e.createUser("autoCreate", "basic@example.com", 1)
	e.call(http.MethodPost, "/v2/users/"+basic+"/webinars", map[string]any{"settings": map[string]any{"approval_type": 0}}).
		wantError(t, 400, 300, "Registration cannot be enabled for a basic user.")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.BasicHostRegistration = sandbox.BasicRegistrationIgnore })
	if b := e.createWebinar(basic, map[string]any{"settings": map[string]any{"approval_type": 0}}); settingsOf(b)["approval_type"] != float64(2) {
		t.Errorf("ignored registration %v", settingsOf(b))
	}
}

func TestWebinarSimuliveKnob(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.SimuliveEnabled = false })
	e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"is_simulive": true}).wantError(t, 400, 300, "Account hasn't enabled Simulive Webinar.")
	w := e.createWebinar("me", map[string]any{"is_simulive": false})
	e.patchWebinar(mid(w), map[string]any{"is_simulive": true}).wantError(t, 400, 300, "Account hasn't enabled Simulive Webinar.")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.SimuliveEnabled = true })
	e.patchWebinar(mid(w), map[string]any{"is_simulive": true, "record_file_id": "rf"}).wantStatus(t, 204)
	if g := e.getWebinar(mid(w)); g["is_simulive"] != true || g["record_file_id"] != "rf" {
		t.Errorf("simulive %v", g)
	}
}

func TestWebinarHostDeletion(t *testing.T) {
	e := newEnv(t, nil)
	b := e.createUser("autoCreate", "b@example.com", 2)
	c := e.createUser("autoCreate", "c@example.com", 2)
	wb := mid(e.createWebinar(b, map[string]any{}))
	wc := mid(e.createWebinar(c, map[string]any{"settings": map[string]any{"alternative_hosts": "b@example.com"}}))
	wcMeeting := mid(e.createMeeting(c, map[string]any{}))
	if _, err := e.s.AddWebinarTemplate(b, "B's", nil); err != nil {
		t.Fatal(err)
	}
	e.call(http.MethodDelete, "/v2/users/"+b+"?action=delete", nil).wantStatus(t, 204)
	e.call(http.MethodGet, "/v2/webinars/"+wb, nil).wantError(t, 404, 3001, "Webinar "+wb+" not found or has expired.")
	if got := settingsOf(e.getWebinar(wc))["alternative_hosts"]; got != "" {
		t.Errorf("deleted user still an alternative host: %v", got)
	}
	if l := e.webinarTemplates("me"); len(l) != 1 {
		t.Errorf("deleted user's template kept: %v", l)
	}
	// transfer_webinar moves webinars (transfer_meeting only meetings).
	e.call(http.MethodDelete, "/v2/users/"+c+"?action=delete&transfer_email=owner@sandbox.zoom.test&transfer_webinar=true", nil).wantStatus(t, 204)
	if g := e.getWebinar(wc); g["host_email"] != "owner@sandbox.zoom.test" {
		t.Errorf("transferred webinar host %v", g["host_email"])
	}
	e.call(http.MethodGet, "/v2/meetings/"+wcMeeting, nil).wantError(t, 404, 3001, "Meeting does not exist: "+wcMeeting+".")
}

func TestWebinarScopes(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.GrantedScopes = []string{"webinar:write:webinar:admin"} })
	w := e.createWebinar("me", map[string]any{})
	id := mid(w)
	cases := []struct{ method, path, scopes string }{
		{http.MethodGet, "/v2/webinars/" + id, "webinar:read:webinar:admin"},
		{http.MethodPatch, "/v2/webinars/" + id, "webinar:update:webinar:admin"},
		{http.MethodDelete, "/v2/webinars/" + id, "webinar:delete:webinar:admin"},
		{http.MethodGet, "/v2/users/me/webinars", "webinar:read:list_webinars:admin"},
		{http.MethodGet, "/v2/users/me/webinar_templates", "webinar:read:list_templates:admin"},
		{http.MethodPost, "/v2/webinars/" + id + "/registrants", "webinar:write:registrant:admin"},
		{http.MethodGet, "/v2/webinars/" + id + "/registrants", "webinar:read:list_registrants:admin"},
		{http.MethodGet, "/v2/webinars/" + id + "/registrants/x", "webinar:read:registrant:admin"},
		{http.MethodDelete, "/v2/webinars/" + id + "/registrants/x", "webinar:delete:registrant:admin"},
		{http.MethodPut, "/v2/webinars/" + id + "/registrants/status", "webinar:update:registrant_status:admin"},
		{http.MethodPost, "/v2/meetings/1/registrants", "meeting:write:registrant:admin"},
		{http.MethodGet, "/v2/meetings/1/registrants", "meeting:read:list_registrants:admin"},
		{http.MethodGet, "/v2/meetings/1/registrants/x", "meeting:read:registrant:admin"},
		{http.MethodDelete, "/v2/meetings/1/registrants/x", "meeting:delete:registrant:admin"},
		{http.MethodPut, "/v2/meetings/1/registrants/status", "meeting:update:registrant_status:admin"},
		// Classic scopes only (no granular one is known).
		{http.MethodPut, "/v2/webinars/" + id + "/status", "webinar:write:admin, webinar:write"},
		{http.MethodPost, "/v2/users/me/webinar_templates", "webinar:write:admin, webinar:write"},
	}
	for _, c := range cases {
		e.call(c.method, c.path, map[string]any{}).wantError(t, 400, 4711, "Invalid access token, does not contain scopes:["+c.scopes+"].")
	}
	// Classic scopes work too.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.GrantedScopes = []string{"webinar:read:admin", "webinar:write:admin"} })
	e.tok = e.token()
	e.getWebinar(id)
	e.call(http.MethodPut, "/v2/webinars/"+id+"/status", `{"action":"end"}`).wantStatus(t, 204)
	e.call(http.MethodGet, "/v2/users/me/webinar_templates", nil).wantStatus(t, 200)
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{}).wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[meeting:write:meeting:admin].")
}

func TestWebinarPersistence(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	e := &env{t: t, s: s, ts: ts}
	e.setNow(t0)
	alt := e.createUser("autoCreate", "alt@example.com", 2)
	w := e.createWebinar("me", map[string]any{"type": 9, "topic": "Weekly", "start_time": "2030-02-04T10:00:00", "timezone": "Europe/Paris",
		"recurrence": map[string]any{"type": 2, "weekly_days": "2,6", "end_times": 6},
		"settings": map[string]any{"approval_type": 1, "registration_type": 3, "alternative_hosts": alt, "question_and_answer": map[string]any{"enable": true},
			"follow_up_attendees_email_notification": map[string]any{"enable": true, "type": 3}}})
	id := mid(w)
	occ := occurrencesOf(w)
	e.patchWebinar(id+"?occurrence_id="+occ[1]["occurrence_id"].(string), map[string]any{"duration": 15}).wantStatus(t, 204)
	reg := e.call(http.MethodPost, "/v2/webinars/"+id+"/registrants?occurrence_ids="+occ[0]["occurrence_id"].(string),
		map[string]any{"email": "r@example.com", "first_name": "R", "language": "de-DE", "custom_questions": []any{map[string]any{"title": "Q", "value": "A"}}})
	reg.wantStatus(t, 201)
	rid := reg.json(t)["registrant_id"].(string)
	e.call(http.MethodPut, "/v2/webinars/"+id+"/registrants/status", map[string]any{"action": "approve", "registrants": []any{map[string]any{"id": rid}}}).wantStatus(t, 204)
	m := e.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 0}, "start_time": "2030-03-01T10:00:00Z"})
	e.call(http.MethodPost, "/v2/meetings/"+mid(m)+"/registrants", map[string]any{"email": "m@example.com", "first_name": "M"}).wantStatus(t, 201)
	deleted := mid(e.createWebinar("me", map[string]any{"start_time": "2031-01-01T10:00:00Z"}))
	e.call(http.MethodDelete, "/v2/webinars/"+deleted, nil).wantStatus(t, 204)
	e.call(http.MethodPost, "/v2/users/me/webinar_templates", map[string]any{"webinar_id": w["id"], "name": "Kept", "save_recurrence": true}).wantStatus(t, 201)
	before := e.getWebinar(id)
	regBefore := e.call(http.MethodGet, "/v2/webinars/"+id+"/registrants/"+rid, nil).json(t)
	meetingRegsBefore := e.call(http.MethodGet, "/v2/meetings/"+mid(m)+"/registrants", nil).json(t)
	templatesBefore := e.webinarTemplates("me")
	ts.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ts2 := httptest.NewServer(s2)
	defer ts2.Close()
	e2 := &env{t: t, s: s2, ts: ts2}
	e2.tok = e2.token()
	after := e2.getWebinar(id)
	delete(before, "start_url")
	delete(after, "start_url")
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatalf("webinar changed across a restart:\n%v\n%v", before, after)
	}
	if got := e2.call(http.MethodGet, "/v2/webinars/"+id+"/registrants/"+rid, nil).json(t); fmt.Sprint(got) != fmt.Sprint(regBefore) {
		t.Errorf("registrant changed:\n%v\n%v", got, regBefore)
	}
	if got := e2.call(http.MethodGet, "/v2/meetings/"+mid(m)+"/registrants", nil).json(t); fmt.Sprint(got) != fmt.Sprint(meetingRegsBefore) {
		t.Errorf("meeting registrants changed")
	}
	if fmt.Sprint(e2.webinarTemplates("me")) != fmt.Sprint(templatesBefore) {
		t.Errorf("webinar templates changed across a restart")
	}
	e2.call(http.MethodGet, "/v2/webinars/"+deleted, nil).wantError(t, 404, 3001, "Webinar "+deleted+" not found or has expired.")
	// Re-adding the registrant after the restart gives the same id.
	if got := e2.call(http.MethodPost, "/v2/webinars/"+id+"/registrants", map[string]any{"email": "R@example.com", "first_name": "R"}).json(t); got["registrant_id"] != rid {
		t.Errorf("re-add after restart %v", got)
	}
	if n := mid(e2.createWebinar("me", map[string]any{})); n == id || n == deleted {
		t.Errorf("reused number %s", n)
	}
}

func TestLoadStateFromBeforeWebinars(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	mustJSON(t, data, &doc)
	state := doc["state"].(map[string]any)
	delete(state, "webinar_templates")
	delete(state, "webinars")
	delete(state, "deleted_webinar_ids")
	profile := doc["profile"].(map[string]any)
	for _, k := range []string{"webinar_security_option_required", "default_webinar_topic", "registration_on_type6", "simulive_enabled",
		"wrong_kind_id", "unknown_registrant", "registrant_readd", "registrant_cancel_status", "registrant_daily_adds",
		"registrant_daily_status_changes", "meeting_registrant_capacity", "webinar_registrant_list_address_fields"} {
		if _, ok := profile[k]; !ok {
			t.Fatalf("profile has no %s", k)
		}
		delete(profile, k)
	}
	old, _ := json.Marshal(doc)
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	s2, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatalf("old state file rejected: %v", err)
	}
	defer s2.Close()
	p := s2.Profile()
	d := sandbox.DefaultProfile()
	if p.DefaultWebinarTopic != d.DefaultWebinarTopic || !p.SimuliveEnabled || p.WrongKindID != d.WrongKindID || p.RegistrantDailyAdds != 3 ||
		p.RegistrantDailyStatusChanges != 10 || p.MeetingRegistrantCapacity != 4999 || p.RegistrantCancelStatus != "denied" {
		t.Errorf("new knobs lost their defaults: %+v", p)
	}
	ts := httptest.NewServer(s2)
	defer ts.Close()
	e := &env{t: t, s: s2, ts: ts}
	e.tok = e.token()
	if list := e.webinarTemplates("me"); len(list) != 1 || list[0]["name"] != "Product launch" {
		t.Errorf("seed webinar templates %v", list)
	}
	e.createWebinar("me", map[string]any{})
}

func TestWebinarProfileKnobValidation(t *testing.T) {
	e := newEnv(t, nil)
	for _, bad := range []string{
		`{"wrong_kind_id":"3000"}`, `{"unknown_registrant":"410"}`, `{"registrant_readd":"new"}`, `{"registrant_cancel_status":"cancelled"}`,
		`{"registrant_daily_adds":-1}`, `{"registrant_daily_status_changes":-1}`, `{"meeting_registrant_capacity":5000}`,
		`{"meeting_registrant_capacity":-1}`, `{"webinar_unlicensed_users":[" "]}`,
	} {
		e.admin(http.MethodPut, "/profile", bad).wantStatus(t, 400)
	}
	e.admin(http.MethodPut, "/profile", `{"wrong_kind_id":"not_found","unknown_registrant":"404","registrant_readd":"error",
		"registrant_cancel_status":"deleted","registrant_daily_adds":0,"registrant_daily_status_changes":0,"meeting_registrant_capacity":0,
		"webinar_unlicensed_users":["x@example.com"],"webinar_security_option_required":true,"registration_on_type6":true,
		"simulive_enabled":false,"default_webinar_topic":"W","webinar_registrant_list_address_fields":true}`).wantStatus(t, 200)
	p := e.s.Profile()
	if p.WrongKindID != sandbox.WrongKindNotFound || p.UnknownRegistrant != sandbox.UnknownRegistrant404 || p.RegistrantReadd != sandbox.RegistrantReaddError ||
		p.RegistrantCancelStatus != sandbox.RegistrantCancelDeleted || p.MeetingRegistrantCapacity != 0 || len(p.WebinarUnlicensedUsers) != 1 ||
		!p.WebinarSecurityOptionRequired || !p.RegistrationOnType6 || p.SimuliveEnabled || !p.WebinarRegistrantListAddressFields {
		t.Errorf("profile %+v", p)
	}
	// The profile copy does not share the list.
	p.WebinarUnlicensedUsers[0] = "changed"
	if e.s.Profile().WebinarUnlicensedUsers[0] != "x@example.com" {
		t.Error("Profile() shares webinar_unlicensed_users")
	}
}
