package sandbox_test

import (
	"encoding/base64"
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

// t0 is a Monday; tests set the sandbox clock to it.
var t0 = time.Date(2030, 1, 7, 12, 0, 0, 0, time.UTC)

var (
	meetingIDRE = regexp.MustCompile(`^[1-9]\d{10}$`)
	uuidRE      = regexp.MustCompile(`^[A-Za-z0-9+/]{22}==$`)
	passcodeRE  = regexp.MustCompile(`^[A-Za-z0-9]{6}$`)
)

// createMeeting creates a meeting for user and returns the create response.
func (e *env) createMeeting(user string, body any) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodPost, "/v2/users/"+user+"/meetings", body)
	r.wantStatus(e.t, http.StatusCreated)
	return r.json(e.t)
}

// getMeeting reads a meeting (path may carry a query).
func (e *env) getMeeting(idAndQuery string) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodGet, "/v2/meetings/"+idAndQuery, nil)
	r.wantStatus(e.t, http.StatusOK)
	return r.json(e.t)
}

func (e *env) patchMeeting(idAndQuery string, body any) response {
	e.t.Helper()
	return e.call(http.MethodPatch, "/v2/meetings/"+idAndQuery, body)
}

// mid is the meeting id of a meeting object, as a path segment.
func mid(m map[string]any) string {
	n, _ := m["id"].(float64)
	return strconv.FormatInt(int64(n), 10)
}

func settingsOf(m map[string]any) map[string]any {
	s, _ := m["settings"].(map[string]any)
	return s
}

func occurrencesOf(m map[string]any) []map[string]any {
	list, _ := m["occurrences"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, o := range list {
		out = append(out, o.(map[string]any))
	}
	return out
}

func occurrenceStarts(m map[string]any) []string {
	var out []string
	for _, o := range occurrencesOf(m) {
		out = append(out, o["start_time"].(string))
	}
	return out
}

// zakClaims decodes the payload of a start_url's zak token.
func zakClaims(t *testing.T, startURL string) map[string]any {
	t.Helper()
	u, err := url.Parse(startURL)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(u.Query().Get("zak"), ".")
	if len(parts) != 3 {
		t.Fatalf("zak is not JWT-shaped: %s", startURL)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	mustJSON(t, b, &claims)
	return claims
}

func TestMeetingCreateAndGet(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	owner := e.call(http.MethodGet, "/v2/users/me", nil).json(t)
	m := e.createMeeting("me", map[string]any{"topic": "Planning", "agenda": "Talk", "start_time": "2030-02-01T15:00:00Z",
		"duration": 45, "timezone": "Europe/Paris", "tracking_fields": []any{map[string]any{"field": "dept", "value": "R&D"}}})
	id := mid(m)
	g0 := e.getMeeting(id)
	if !meetingIDRE.MatchString(id) || !uuidRE.MatchString(g0["uuid"].(string)) {
		t.Fatalf("id %s uuid %v", id, g0["uuid"])
	}
	want := map[string]any{"type": float64(2), "topic": "Planning", "agenda": "Talk",
		"start_time": "2030-02-01T15:00:00Z", "timezone": "Europe/Paris", "duration": float64(45),
		"host_email": "owner@sandbox.zoom.test", "pre_schedule": false}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	if g0["status"] != "waiting" || g0["host_id"] != owner["id"] {
		t.Errorf("GET status %v host_id %v", g0["status"], g0["host_id"])
	}
	// Each answer holds only what its operation documents: meetingCreate has no uuid, host_id, status,
	// encrypted_password; GET has no registration_url; neither has pstn_password.
	for _, k := range []string{"uuid", "host_id", "status", "encrypted_password", "pstn_password"} {
		if _, ok := m[k]; ok {
			t.Errorf("create answer has undocumented %s", k)
		}
	}
	if _, ok := g0["pstn_password"]; ok {
		t.Errorf("GET answer has undocumented pstn_password")
	}
	if !strings.HasPrefix(m["created_at"].(string), "2030-01-07T12:00:") {
		t.Errorf("created_at %v", m["created_at"])
	}
	for _, k := range []string{"pmi", "registration_url", "occurrences", "recurrence", "template_id", "assistant_id"} {
		if _, ok := m[k]; ok {
			t.Errorf("unexpected %s: %v", k, m[k])
		}
	}
	// The security rule generated a passcode, and the derived fields follow it.
	pw := m["password"].(string)
	if !passcodeRE.MatchString(pw) {
		t.Fatalf("password %q", pw)
	}
	joinRE := regexp.MustCompile(`^https://us06web\.zoom\.us/j/` + id + `\?pwd=([A-Za-z0-9]{30}\.1)$`)
	sub := joinRE.FindStringSubmatch(m["join_url"].(string))
	if sub == nil || g0["encrypted_password"] != sub[1] {
		t.Fatalf("join_url %v encrypted_password %v", m["join_url"], g0["encrypted_password"])
	}
	if h := m["h323_password"].(string); !regexp.MustCompile(`^\d{6}$`).MatchString(h) {
		t.Errorf("h323 %v", m["h323_password"])
	}
	if tf := m["tracking_fields"].([]any); len(tf) != 1 || fmt.Sprint(tf[0]) != "map[field:dept value:R&D visible:true]" {
		t.Errorf("tracking_fields %v", tf)
	}

	// Full settings with defaults.
	s := settingsOf(m)
	defaults := map[string]any{
		"host_video": false, "participant_video": false, "join_before_host": false, "jbh_time": float64(0),
		"mute_upon_entry": false, "watermark": false, "use_pmi": false, "approval_type": float64(2),
		"registration_type": float64(1), "audio": "both", "auto_recording": "none", "waiting_room": false,
		"alternative_hosts": "", "alternative_hosts_email_notification": true, "email_notification": true,
		"close_registration": false, "encryption_type": "enhanced_encryption", "meeting_authentication": false,
		"focus_mode": false, "private_meeting": false, "registrants_confirmation_email": true,
		"registrants_email_notification": true, "show_share_button": false, "allow_multiple_devices": false,
		"calendar_type": float64(1), "authentication_domains": "", "cn_meeting": false, "in_meeting": false,
		"enforce_login": false, "enforce_login_domains": "", "host_save_video_order": false,
		"alternative_host_update_polls": false, "contact_email": "owner@sandbox.zoom.test", "contact_name": "Sandbox Owner",
	}
	for k, v := range defaults {
		if s[k] != v {
			t.Errorf("settings.%s = %v, want %v", k, s[k], v)
		}
	}
	for _, k := range []string{"breakout_room", "language_interpretation", "approved_or_denied_countries_or_regions"} {
		if fmt.Sprint(s[k]) != "map[enable:false]" {
			t.Errorf("settings.%s = %v", k, s[k])
		}
	}

	// GET returns the same meeting, with a fresh start_url every time.
	g1 := e.getMeeting(id)
	g2 := e.getMeeting(id)
	for _, k := range []string{"id", "topic", "start_time", "timezone", "password", "join_url", "created_at"} {
		if g1[k] != m[k] {
			t.Errorf("GET %s = %v, create said %v", k, g1[k], m[k])
		}
	}
	if fmt.Sprint(settingsOf(g1)) != fmt.Sprint(s) {
		t.Errorf("GET settings differ:\n%v\n%v", settingsOf(g1), s)
	}
	urls := map[string]bool{m["start_url"].(string): true, g1["start_url"].(string): true, g2["start_url"].(string): true}
	if len(urls) != 3 {
		t.Fatalf("start_url repeated: %v", urls)
	}
	if !strings.HasPrefix(g1["start_url"].(string), "https://us06web.zoom.us/s/"+id+"?zak=") {
		t.Errorf("start_url %v", g1["start_url"])
	}
	claims := zakClaims(t, g1["start_url"].(string))
	if claims["exp"].(float64)-claims["iat"].(float64) != 7200 || int64(claims["iat"].(float64)) < t0.Unix() {
		t.Errorf("zak claims %v", claims)
	}

	// pmi: integer in the create response, string in GET, only with use_pmi.
	pm := e.createMeeting("me", map[string]any{"settings": map[string]any{"use_pmi": true}})
	pmi := owner["pmi"].(float64)
	if pm["pmi"] != pmi {
		t.Errorf("create pmi %#v, want %v", pm["pmi"], pmi)
	}
	if got := e.getMeeting(mid(pm))["pmi"]; got != strconv.FormatInt(int64(pmi), 10) {
		t.Errorf("GET pmi %#v", got)
	}

	// An empty body creates a meeting with the profile's defaults.
	d := e.call(http.MethodPost, "/v2/users/me/meetings", "").json(t)
	if d["topic"] != "Zoom Meeting" || d["duration"] != float64(60) || d["type"] != float64(2) || d["timezone"] != "America/Los_Angeles" {
		t.Errorf("defaults %v", d)
	}
	e.call(http.MethodPost, "/v2/users/me/meetings", `{"topic":`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	e.call(http.MethodGet, "/v2/meetings/12345678901", nil).wantError(t, 404, 3001, "Meeting does not exist: 12345678901.")
	e.call(http.MethodGet, "/v2/meetings/abc", nil).wantError(t, 404, 3001, "Meeting does not exist: abc.")
}

func TestMeetingStartURLForCustCreateHost(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.CustCreateAllowed = true })
	id := e.createUser("custCreate", "api@example.com", 2)
	m := e.createMeeting(id, map[string]any{})
	claims := zakClaims(t, e.getMeeting(mid(m))["start_url"].(string))
	if claims["exp"].(float64)-claims["iat"].(float64) != 90*24*3600 || claims["uid"] != id {
		t.Errorf("custCreate zak claims %v", claims)
	}
}

func TestMeetingStartTime(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	good := []struct {
		body       map[string]any
		start, tz  string
		wantStatus int
	}{
		{map[string]any{"start_time": "2030-02-01T09:00:00", "timezone": "America/New_York"}, "2030-02-01T14:00:00Z", "America/New_York", 201},
		{map[string]any{"start_time": "2030-02-01T09:00:00"}, "2030-02-01T17:00:00Z", "America/Los_Angeles", 201},
		{map[string]any{"start_time": "2030-07-01T09:00:00"}, "2030-07-01T16:00:00Z", "America/Los_Angeles", 201},
		{map[string]any{"start_time": "2030-02-01T09:00:00Z", "timezone": "Asia/Tokyo"}, "2030-02-01T09:00:00Z", "Asia/Tokyo", 201},
		{map[string]any{"start_time": "2030-02-01T09:00:00", "timezone": "UTC"}, "2030-02-01T09:00:00Z", "UTC", 201},
		{map[string]any{}, "2030-01-07T12:01:00Z", "America/Los_Angeles", 201},
	}
	for _, tc := range good {
		m := e.createMeeting("me", tc.body)
		if m["start_time"] != tc.start || m["timezone"] != tc.tz {
			t.Errorf("%v: start_time %v timezone %v, want %s %s", tc.body, m["start_time"], m["timezone"], tc.start, tc.tz)
		}
		if g := e.getMeeting(mid(m)); g["start_time"] != tc.start {
			t.Errorf("%v: GET start_time %v", tc.body, g["start_time"])
		}
	}
	for _, bad := range []string{"2030-02-01T09:00:00+02:00", "2030-02-01T09:00:00.000Z", "2030-02-01T09:00:00.5", "2030-02-01 09:00:00",
		"2030-02-01", "tomorrow", "2030-13-01T09:00:00Z", "2030-02-30T09:00:00Z"} {
		e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"start_time": bad}).wantField(t, "start_time")
	}
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"timezone": "Mars/Olympus"}).wantField(t, "timezone")
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"timezone": "Local"}).wantField(t, "timezone")

	// Instant meetings have no start_time.
	inst := e.createMeeting("me", map[string]any{"type": 1, "start_time": "2030-02-01T09:00:00Z"})
	if _, ok := inst["start_time"]; ok {
		t.Errorf("instant create start_time %v", inst["start_time"])
	}
	if _, ok := e.getMeeting(mid(inst))["start_time"]; ok {
		t.Error("instant GET has start_time")
	}
}

func TestMeetingPatch(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"topic": "A", "agenda": "keep", "start_time": "2030-02-01T15:00:00Z",
		"settings": map[string]any{"mute_upon_entry": true}})
	id := mid(m)
	e.patchMeeting(id, map[string]any{"topic": "B", "settings": map[string]any{"host_video": true}}).wantStatus(t, 204)
	g := e.getMeeting(id)
	if g["topic"] != "B" || g["agenda"] != "keep" || g["start_time"] != "2030-02-01T15:00:00Z" || g["password"] != m["password"] ||
		settingsOf(g)["mute_upon_entry"] != true || settingsOf(g)["host_video"] != true {
		t.Fatalf("after patch %v", g)
	}
	// A start_time in the past is ignored; a future one is applied in the given zone.
	e.patchMeeting(id, map[string]any{"start_time": "2029-12-01T10:00:00Z"}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["start_time"] != "2030-02-01T15:00:00Z" {
		t.Errorf("past start_time applied: %v", g["start_time"])
	}
	e.patchMeeting(id, map[string]any{"start_time": "2030-03-01T10:00:00", "timezone": "Europe/Berlin"}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["start_time"] != "2030-03-01T09:00:00Z" || g["timezone"] != "Europe/Berlin" {
		t.Errorf("start_time %v timezone %v", g["start_time"], g["timezone"])
	}
	// Type 2 → 8 with a recurrence; recurrence is replaced as a whole.
	e.patchMeeting(id, map[string]any{"type": 8}).wantField(t, "recurrence")
	e.patchMeeting(id, map[string]any{"type": 8, "recurrence": map[string]any{"type": 1, "end_times": 3}}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["type"] != float64(8) || len(occurrencesOf(g)) != 3 {
		t.Fatalf("type 8: %v", g)
	}
	e.patchMeeting(id, map[string]any{"start_time": "2030-04-01T10:00:00Z"}).wantField(t, "recurrence")
	e.patchMeeting(id, map[string]any{"start_time": "2029-04-01T10:00:00Z"}).wantStatus(t, 204)
	e.patchMeeting(id, map[string]any{"recurrence": map[string]any{"type": 2, "weekly_days": "1", "end_times": 2}}).wantStatus(t, 204)
	g = e.getMeeting(id)
	if fmt.Sprint(g["recurrence"]) != "map[end_times:2 repeat_interval:1 type:2 weekly_days:1]" || len(occurrencesOf(g)) != 2 {
		t.Errorf("recurrence %v occurrences %v", g["recurrence"], g["occurrences"])
	}
	e.patchMeeting(id, map[string]any{"pre_schedule": true}).wantError(t, 400, 3000,
		"Prescheduling is only available for scheduled meetings (type 2) and recurring meetings with no fixed time (type 3).")
	e.patchMeeting(id, map[string]any{"type": 2}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["recurrence"] != nil || g["occurrences"] != nil {
		t.Errorf("recurrence kept on type 2: %v", g)
	}
	e.patchMeeting(id, map[string]any{"pre_schedule": true}).wantStatus(t, 204)
	// Unknown keys are ignored; enums are checked; bad JSON.
	e.patchMeeting(id, map[string]any{"foo": 1, "settings": map[string]any{"bar": true}}).wantStatus(t, 204)
	e.patchMeeting(id, map[string]any{"settings": map[string]any{"jbh_time": 7}}).wantField(t, "settings.jbh_time")
	e.patchMeeting(id, "{").wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	e.patchMeeting("12345678901", map[string]any{}).wantError(t, 404, 3001, "Meeting does not exist: 12345678901.")

	inst := e.createMeeting("me", map[string]any{"type": 1})
	e.patchMeeting(mid(inst), map[string]any{"schedule_for": "owner@sandbox.zoom.test"}).wantError(t, 400, 3000,
		`Instant meetings do not support the "schedule_for" parameter. You cannot schedule an instant meeting for another user.`)
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": 1, "schedule_for": "owner@sandbox.zoom.test"}).wantError(t, 400, 3000,
		"Instant meetings do not support the schedule_for parameter; you cannot schedule an instant meeting for another user.")
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": 8, "pre_schedule": true,
		"recurrence": map[string]any{"type": 1}}).wantError(t, 400, 3000, "")
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": 1, "pre_schedule": true}).wantError(t, 400, 3000, "")
}

func TestMeetingValidation(t *testing.T) {
	e := newEnv(t, nil)
	cases := []struct {
		body  string
		field string
	}{
		{`{"type":5}`, "type"},
		{`{"type":"2"}`, "type"},
		{`{"topic":"` + strings.Repeat("t", 201) + `"}`, "topic"},
		{`{"agenda":"` + strings.Repeat("a", 2001) + `"}`, "agenda"},
		{`{"password":"12345678901"}`, "password"},
		{`{"password":"bad pass"}`, "password"},
		{`{"password":"pa$$"}`, "password"},
		{`{"duration":-1}`, "duration"},
		{`{"type":8}`, "recurrence"},
		{`{"settings":{"approval_type":3}}`, "settings.approval_type"},
		{`{"settings":{"registration_type":4}}`, "settings.registration_type"},
		{`{"settings":{"audio":"radio"}}`, "settings.audio"},
		{`{"settings":{"auto_recording":"tape"}}`, "settings.auto_recording"},
		{`{"settings":{"encryption_type":"none"}}`, "settings.encryption_type"},
		{`{"settings":{"jbh_time":15}}`, "settings.jbh_time"},
		{`{"settings":{"calendar_type":3}}`, "settings.calendar_type"},
		{`{"settings":{"host_video":"yes"}}`, "settings.host_video"},
		{`{"settings":{"custom_keys":[{"key":"` + strings.Repeat("k", 65) + `","value":"v"}]}}`, "settings.custom_keys[0].key"},
		{`{"settings":{"approved_or_denied_countries_or_regions":{"enable":true,"method":"maybe"}}}`, "settings.approved_or_denied_countries_or_regions.method"},
		{`{"tracking_fields":[{"value":"x"}]}`, "tracking_fields[0].field"},
	}
	for _, tc := range cases {
		e.call(http.MethodPost, "/v2/users/me/meetings", tc.body).wantField(t, tc.field)
	}
	// Meeting passcodes may use letters, digits and @ _ * - (meetingCreate, meetingUpdate); ! is a webinar's.
	if m := e.createMeeting("me", map[string]any{"password": "a@_*-Z9"}); m["password"] != "a@_*-Z9" {
		t.Errorf("password %v", m["password"])
	}
	e.call(http.MethodPost, "/v2/users/me/meetings", `{"password":"a!1"}`).wantField(t, "password")
	m := e.createMeeting("me", map[string]any{})
	e.patchMeeting(mid(m), map[string]any{"password": "a!1"}).wantField(t, "password")

	// A generated passcode may hold characters a request may not send.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.PasscodeRequired = true; p.GeneratedPasscodeSpecials = "({" })
	if pw, _ := e.createMeeting("me", map[string]any{})["password"].(string); len(pw) != 6 || !strings.ContainsAny(pw, "({") {
		t.Errorf("generated passcode %q", pw)
	}
}

func TestMeetingPasscodes(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.SecurityOptionRequired = false })
	m := e.createMeeting("me", map[string]any{})
	if m["password"] != "" || strings.Contains(m["join_url"].(string), "?") {
		t.Errorf("no passcode expected: %v %v", m["password"], m["join_url"])
	}
	for _, k := range []string{"encrypted_password", "h323_password", "pstn_password"} {
		if _, ok := m[k]; ok {
			t.Errorf("%s without passcode", k)
		}
	}
	if m := e.createMeeting("me", map[string]any{"default_password": true}); !passcodeRE.MatchString(m["password"].(string)) {
		t.Errorf("default_password: %v", m["password"])
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.PasscodeRequired = true })
	if m := e.createMeeting("me", map[string]any{}); !passcodeRE.MatchString(m["password"].(string)) {
		t.Errorf("passcode_required: %v", m["password"])
	}
	if m := e.createMeeting("me", map[string]any{"password": "abc"}); m["password"] != "abc" {
		t.Errorf("explicit passcode: %v", m["password"])
	}

	// The one-security-option rule (default on).
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.PasscodeRequired, p.SecurityOptionRequired = false, true })
	if m := e.createMeeting("me", map[string]any{"password": ""}); !passcodeRE.MatchString(m["password"].(string)) {
		t.Errorf("security rule: %v", m["password"])
	}
	for _, setting := range []string{"waiting_room", "meeting_authentication"} {
		if m := e.createMeeting("me", map[string]any{"settings": map[string]any{setting: true}}); m["password"] != "" {
			t.Errorf("%s satisfies the rule, got passcode %v", setting, m["password"])
		}
	}

	// join_url's pwd token is stable for a given passcode; PATCH keeps the passcode when omitted.
	m = e.createMeeting("me", map[string]any{"password": "Secret1"})
	id := mid(m)
	join1 := m["join_url"].(string)
	e.patchMeeting(id, map[string]any{"topic": "x"}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["join_url"] != join1 || g["password"] != "Secret1" {
		t.Errorf("join_url changed without a passcode change: %v", g["join_url"])
	}
	e.patchMeeting(id, map[string]any{"password": "Other2"}).wantStatus(t, 204)
	g := e.getMeeting(id)
	if g["join_url"] == join1 || g["password"] != "Other2" || !strings.HasSuffix(g["join_url"].(string), "?pwd="+g["encrypted_password"].(string)) {
		t.Errorf("join_url after passcode change %v", g)
	}
	e.patchMeeting(id, map[string]any{"password": "Secret1"}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["join_url"] != join1 {
		t.Errorf("join_url for the same passcode differs: %v vs %v", g["join_url"], join1)
	}
	e.patchMeeting(id, map[string]any{"password": "123456"}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["h323_password"] != "123456" {
		t.Errorf("numeric passcode: %v", g["h323_password"])
	}
	// Clearing the passcode re-applies the security rule, unless another option is on.
	e.patchMeeting(id, map[string]any{"password": ""}).wantStatus(t, 204)
	if pw := e.getMeeting(id)["password"].(string); !passcodeRE.MatchString(pw) || pw == "123456" {
		t.Errorf("cleared passcode: %q", pw)
	}
	e.patchMeeting(id, map[string]any{"password": "", "settings": map[string]any{"waiting_room": true}}).wantStatus(t, 204)
	if g := e.getMeeting(id); g["password"] != "" || strings.Contains(g["join_url"].(string), "pwd=") {
		t.Errorf("passcode not cleared: %v", g["password"])
	}
}

func TestMeetingWaitingRoomDisablesJoinBeforeHost(t *testing.T) {
	e := newEnv(t, nil)
	m := e.createMeeting("me", map[string]any{"settings": map[string]any{"waiting_room": true, "join_before_host": true, "jbh_time": 5}})
	if s := settingsOf(m); s["join_before_host"] != false || s["waiting_room"] != true || s["jbh_time"] != float64(5) {
		t.Fatalf("settings %v", s)
	}
	id := mid(m)
	e.patchMeeting(id, map[string]any{"settings": map[string]any{"join_before_host": true}}).wantStatus(t, 204)
	if s := settingsOf(e.getMeeting(id)); s["join_before_host"] != false {
		t.Errorf("join_before_host on with the waiting room: %v", s)
	}
	e.patchMeeting(id, map[string]any{"settings": map[string]any{"waiting_room": false, "join_before_host": true}}).wantStatus(t, 204)
	if s := settingsOf(e.getMeeting(id)); s["join_before_host"] != true || s["jbh_time"] != float64(5) {
		t.Errorf("join_before_host off without the waiting room: %v", s)
	}
}

func TestMeetingAlternativeHosts(t *testing.T) {
	e := newEnv(t, nil)
	a := e.createUser("autoCreate", "Alt.One@Example.com", 2)
	e.createUser("autoCreate", "alt2@example.com", 2)
	e.createUser("create", "pending@example.com", 2)
	off := e.createUser("autoCreate", "off@example.com", 2)
	e.call(http.MethodPut, "/v2/users/"+off+"/status", `{"action":"deactivate"}`).wantStatus(t, 200)

	alt := func(v string) response {
		return e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"settings": map[string]any{"alternative_hosts": v}})
	}
	r := alt("ALT2@example.com; " + a + ";alt2@example.com")
	r.wantStatus(t, 201)
	m := r.json(t)
	if got := settingsOf(m)["alternative_hosts"]; got != "alt2@example.com;alt.one@example.com" {
		t.Fatalf("alternative_hosts %v", got)
	}
	if got := settingsOf(e.getMeeting(mid(m)))["alternative_hosts"]; got != "alt2@example.com;alt.one@example.com" {
		t.Errorf("GET alternative_hosts %v", got)
	}
	e.createUser("autoCreate", "basic@example.com", 1)
	// Unknown, the host, pending, deactivated, Basic (not licensed), a comma-separated pair (meetings use ";").
	for _, bad := range []string{"ghost@example.com", "owner@sandbox.zoom.test", "pending@example.com", "off@example.com", "AAAAAAAAAAAAAAAAAAAAAA", "basic@example.com", "alt2@example.com," + a} {
		alt("alt2@example.com;"+bad).wantError(t, 400, 300, "Invalid alternative host: "+bad)
	}
	// PATCH replaces the list; "" clears it.
	e.patchMeeting(mid(m), map[string]any{"settings": map[string]any{"alternative_hosts": a}}).wantStatus(t, 204)
	if got := settingsOf(e.getMeeting(mid(m)))["alternative_hosts"]; got != "alt.one@example.com" {
		t.Errorf("patched alternative_hosts %v", got)
	}
	e.patchMeeting(mid(m), map[string]any{"settings": map[string]any{"alternative_hosts": ""}}).wantStatus(t, 204)
	if got := settingsOf(e.getMeeting(mid(m)))["alternative_hosts"]; got != "" {
		t.Errorf("cleared alternative_hosts %v", got)
	}

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.InvalidAlternativeHost = sandbox.AlternativeHostDrop })
	r = alt("ghost@example.com;alt2@example.com;owner@sandbox.zoom.test")
	r.wantStatus(t, 201)
	if got := settingsOf(r.json(t))["alternative_hosts"]; got != "alt2@example.com" {
		t.Errorf("drop knob: %v", got)
	}
}

func TestMeetingRecurrence(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cases := []struct {
		name  string
		start string
		tz    string
		rec   map[string]any
		want  []string
	}{
		{"weekly on two days", "2030-01-07T10:00:00Z", "UTC", map[string]any{"type": 2, "weekly_days": "3,5", "end_times": 4},
			[]string{"2030-01-08T10:00:00Z", "2030-01-10T10:00:00Z", "2030-01-15T10:00:00Z", "2030-01-17T10:00:00Z"}},
		{"every other week", "2030-01-07T10:00:00Z", "UTC", map[string]any{"type": 2, "weekly_days": "2", "repeat_interval": 2, "end_times": 3},
			[]string{"2030-01-07T10:00:00Z", "2030-01-21T10:00:00Z", "2030-02-04T10:00:00Z"}},
		{"monthly on the second Tuesday", "2030-01-01T09:00:00Z", "UTC", map[string]any{"type": 3, "monthly_week": 2, "monthly_week_day": 3, "end_times": 3},
			[]string{"2030-01-08T09:00:00Z", "2030-02-12T09:00:00Z", "2030-03-12T09:00:00Z"}},
		{"monthly on the last Friday", "2030-01-01T09:00:00Z", "UTC", map[string]any{"type": 3, "monthly_week": -1, "monthly_week_day": 6, "end_times": 3},
			[]string{"2030-01-25T09:00:00Z", "2030-02-22T09:00:00Z", "2030-03-29T09:00:00Z"}},
		{"monthly on the 31st, clamped", "2030-01-31T09:00:00Z", "UTC", map[string]any{"type": 3, "monthly_day": 31, "end_times": 3},
			[]string{"2030-01-31T09:00:00Z", "2030-02-28T09:00:00Z", "2030-03-31T09:00:00Z"}},
		{"every 3 days until a date", "2030-01-01T09:00:00Z", "UTC", map[string]any{"type": 1, "repeat_interval": 3, "end_date_time": "2030-01-10T00:00:00Z"},
			[]string{"2030-01-01T09:00:00Z", "2030-01-04T09:00:00Z", "2030-01-07T09:00:00Z", "2030-01-10T09:00:00Z"}},
		{"daily across the DST change", "2030-03-08T10:00:00", "America/New_York", map[string]any{"type": 1, "end_times": 4},
			[]string{"2030-03-08T15:00:00Z", "2030-03-09T15:00:00Z", "2030-03-10T14:00:00Z", "2030-03-11T14:00:00Z"}},
		{"weekly across the DST change", "2030-10-21T09:30:00", "Europe/London", map[string]any{"type": 2, "weekly_days": "2", "end_times": 3},
			[]string{"2030-10-21T08:30:00Z", "2030-10-28T09:30:00Z", "2030-11-04T09:30:00Z"}},
		{"end_times defaults to 1", "2030-01-02T09:00:00Z", "UTC", map[string]any{"type": 1},
			[]string{"2030-01-02T09:00:00Z"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := e.createMeeting("me", map[string]any{"type": 8, "start_time": tc.start, "timezone": tc.tz, "duration": 30, "recurrence": tc.rec})
			if got := occurrenceStarts(m); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("occurrences %v, want %v", got, tc.want)
			}
			for _, o := range occurrencesOf(m) {
				st, _ := time.Parse(time.RFC3339, o["start_time"].(string))
				if o["occurrence_id"] != strconv.FormatInt(st.UnixMilli(), 10) || o["duration"] != float64(30) || o["status"] != "available" {
					t.Errorf("occurrence %v", o)
				}
			}
			if got := occurrenceStarts(e.getMeeting(mid(m))); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("GET occurrences %v", got)
			}
		})
	}

	// end_date_time far away: capped at recurrence_max_end_times (50).
	m := e.createMeeting("me", map[string]any{"type": 8, "start_time": "2030-01-02T09:00:00Z",
		"recurrence": map[string]any{"type": 1, "end_date_time": "2031-01-01T00:00:00Z"}})
	if n := len(occurrencesOf(m)); n != 50 {
		t.Errorf("capped occurrences %d", n)
	}

	// Ended occurrences are hidden unless show_previous_occurrences=true.
	m = e.createMeeting("me", map[string]any{"type": 8, "start_time": "2030-01-01T09:00:00Z", "duration": 60,
		"recurrence": map[string]any{"type": 1, "end_times": 5}})
	id := mid(m)
	e.setNow(time.Date(2030, 1, 3, 9, 30, 0, 0, time.UTC))
	if got := occurrenceStarts(e.getMeeting(id)); len(got) != 3 || got[0] != "2030-01-03T09:00:00Z" {
		t.Errorf("current occurrences %v", got)
	}
	if got := occurrenceStarts(e.getMeeting(id + "?show_previous_occurrences=true")); len(got) != 5 {
		t.Errorf("all occurrences %v", got)
	}
	// The top-level start_time is the scheduled one, or the next occurrence with the knob.
	if g := e.getMeeting(id); g["start_time"] != "2030-01-01T09:00:00Z" {
		t.Errorf("start_time %v", g["start_time"])
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RecurringStartTime = sandbox.RecurringStartNextOccurrence })
	if g := e.getMeeting(id); g["start_time"] != "2030-01-03T09:00:00Z" {
		t.Errorf("next occurrence start_time %v", g["start_time"])
	}
	list := e.call(http.MethodGet, "/v2/users/me/meetings", nil).json(t)["meetings"].([]any)
	for _, it := range list {
		if item := it.(map[string]any); mid(item) == id && item["start_time"] != "2030-01-03T09:00:00Z" {
			t.Errorf("listed start_time %v", item["start_time"])
		}
	}
}

func TestMeetingRecurrenceValidation(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	post := func(rec any) response {
		return e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": 8, "start_time": "2030-02-01T10:00:00Z", "recurrence": rec})
	}
	cases := []struct {
		rec   string
		field string
	}{
		{`{}`, "recurrence.type"},
		{`{"type":4}`, "recurrence.type"},
		{`{"type":1,"repeat_interval":91}`, "recurrence.repeat_interval"},
		{`{"type":1,"repeat_interval":0}`, "recurrence.repeat_interval"},
		{`{"type":2,"weekly_days":"1","repeat_interval":13}`, "recurrence.repeat_interval"},
		{`{"type":3,"repeat_interval":4}`, "recurrence.repeat_interval"},
		{`{"type":2}`, "recurrence.weekly_days"},
		{`{"type":2,"weekly_days":"1,8"}`, "recurrence.weekly_days"},
		{`{"type":2,"weekly_days":"Mon"}`, "recurrence.weekly_days"},
		{`{"type":3,"monthly_day":32}`, "recurrence.monthly_day"},
		{`{"type":3,"monthly_week":5,"monthly_week_day":1}`, "recurrence.monthly_week"},
		{`{"type":3,"monthly_week":1,"monthly_week_day":8}`, "recurrence.monthly_week_day"},
		{`{"type":3,"monthly_week":1}`, "recurrence.monthly_week_day"},
		{`{"type":3,"monthly_week_day":1}`, "recurrence.monthly_week"},
		{`{"type":1,"end_times":0}`, "recurrence.end_times"},
		{`{"type":1,"end_times":51}`, "recurrence.end_times"},
		{`{"type":1,"end_date_time":"2030-03-01"}`, "recurrence.end_date_time"},
		{`"daily"`, "recurrence"},
	}
	for _, tc := range cases {
		post(json.RawMessage(tc.rec)).wantField(t, tc.field)
	}
	post(json.RawMessage(`{"type":1,"end_times":2,"end_date_time":"2030-03-01T00:00:00Z"}`)).wantError(t, 400, 300, "Invalid recurrence settings")
	post(json.RawMessage(`{"type":1,"end_date_time":"2030-01-20T00:00:00Z"}`)).wantError(t, 400, 300, "Invalid recurrence settings")

	// recurrence_max_end_times raises the cap (the spec allows 365).
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RecurrenceMaxEndTimes = 100 })
	r := post(json.RawMessage(`{"type":1,"end_times":100}`))
	r.wantStatus(t, 201)
	if n := len(occurrencesOf(r.json(t))); n != 100 {
		t.Errorf("%d occurrences", n)
	}
}

func TestMeetingType3(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"type": 3, "start_time": "2030-01-08T10:00:00Z", "recurrence": map[string]any{"type": 1}})
	id := mid(m)
	for _, v := range []map[string]any{m, e.getMeeting(id)} {
		if _, ok := v["start_time"]; ok || v["recurrence"] != nil || v["occurrences"] != nil {
			t.Errorf("type 3 returned start_time/recurrence: %v", v)
		}
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RecurringNoFixedTimeReturnsStartTime = true })
	if g := e.getMeeting(id); g["start_time"] != "2030-01-08T10:00:00Z" {
		t.Errorf("knob: start_time %v", g["start_time"])
	}
	// Type 3 never expires.
	e.setNow(t0.AddDate(3, 0, 0))
	e.getMeeting(id)
}

func TestMeetingRegistration(t *testing.T) {
	// GET /meetings/{meetingId} documents no registration_url: only the create answer has it.
	strict := newEnv(t, nil)
	sm := strict.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 0}})
	if _, ok := strict.getMeeting(mid(sm))["registration_url"]; ok || sm["registration_url"] == nil {
		t.Fatalf("registration_url: create %v, GET must not have it", sm["registration_url"])
	}
	// The rest runs with the undocumented fields, as real answers were reported to carry them.
	e := newEnv(t, func(p *sandbox.Profile) { p.UndocumentedResponseFields = true })
	regRE := regexp.MustCompile(`^https://us06web\.zoom\.us/meeting/register/[A-Za-z0-9_-]{36}$`)
	m := e.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 0}})
	id := mid(m)
	url1, _ := m["registration_url"].(string)
	if !regRE.MatchString(url1) || e.getMeeting(id)["registration_url"] != url1 {
		t.Fatalf("registration_url %v / GET %v", url1, e.getMeeting(id)["registration_url"])
	}
	e.patchMeeting(id, map[string]any{"settings": map[string]any{"approval_type": 2}}).wantStatus(t, 204)
	if _, ok := e.getMeeting(id)["registration_url"]; ok {
		t.Error("registration_url without registration")
	}
	e.patchMeeting(id, map[string]any{"settings": map[string]any{"approval_type": 1}}).wantStatus(t, 204)
	if got := e.getMeeting(id)["registration_url"]; got != url1 {
		t.Errorf("registration_url changed: %v", got)
	}
	if _, ok := e.createMeeting("me", map[string]any{})["registration_url"]; ok {
		t.Error("registration_url on a meeting without registration")
	}
	rec := e.createMeeting("me", map[string]any{"type": 8, "recurrence": map[string]any{"type": 1, "end_times": 2},
		"settings": map[string]any{"approval_type": 1, "registration_type": 2}})
	if !regRE.MatchString(rec["registration_url"].(string)) || settingsOf(rec)["registration_type"] != float64(2) {
		t.Errorf("type 8 registration %v", rec)
	}
	for _, typ := range []int{1, 3} {
		e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": typ, "settings": map[string]any{"approval_type": 0}}).
			wantError(t, 400, 300, "Registration is only available for scheduled meetings (type 2) and recurring meetings with a fixed time (type 8).")
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrationOnType3 = true })
	if r := e.createMeeting("me", map[string]any{"type": 3, "settings": map[string]any{"approval_type": 0}}); !regRE.MatchString(r["registration_url"].(string)) {
		t.Errorf("type 3 registration with the knob: %v", r["registration_url"])
	}

	// Basic hosts.
	basic := e.createUser("autoCreate", "basic@example.com", 1)
	e.call(http.MethodPost, "/v2/users/"+basic+"/meetings", map[string]any{"settings": map[string]any{"approval_type": 0}}).
		wantError(t, 400, 300, "Registration cannot be enabled for a basic user.")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.BasicHostRegistration = sandbox.BasicRegistrationIgnore })
	b := e.createMeeting(basic, map[string]any{"settings": map[string]any{"approval_type": 0}})
	if _, ok := b["registration_url"]; ok || settingsOf(b)["approval_type"] != float64(2) {
		t.Errorf("ignored registration: %v", b)
	}
}

func TestListMeetings(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	var ids []string
	for i := 0; i < 33; i++ {
		ids = append(ids, mid(e.createMeeting("me", map[string]any{"topic": fmt.Sprintf("m%02d", i), "start_time": "2030-02-01T10:00:00Z"})))
	}
	long := e.createMeeting("me", map[string]any{"agenda": strings.Repeat("é", 300), "start_time": "2030-02-01T10:00:00Z"})
	pmiMeeting := e.createMeeting("me", map[string]any{"settings": map[string]any{"use_pmi": true}, "start_time": "2030-02-01T10:00:00Z"})
	ids = append(ids, mid(long), mid(pmiMeeting))
	e.createMeeting("me", map[string]any{"type": 1})
	e.createMeeting("me", map[string]any{"start_time": "2029-12-01T10:00:00Z"}) // already expired
	other := e.createUser("autoCreate", "other@example.com", 2)
	e.createMeeting(other, map[string]any{})

	var seen []string
	token := ""
	for page := 1; ; page++ {
		q := "/v2/users/me/meetings?page_size=30"
		if token != "" {
			q += "&next_page_token=" + url.QueryEscape(token)
		}
		m := e.call(http.MethodGet, q, nil).json(t)
		if m["total_records"] != float64(35) || m["page_count"] != float64(2) || m["page_size"] != float64(30) || m["page_number"] != float64(page) {
			t.Fatalf("page %d envelope %v", page, m)
		}
		for _, it := range m["meetings"].([]any) {
			item := it.(map[string]any)
			seen = append(seen, mid(item))
			for _, k := range []string{"settings", "password", "start_url", "occurrences", "status"} {
				if _, ok := item[k]; ok {
					t.Fatalf("list item has %s", k)
				}
			}
			switch mid(item) {
			case mid(long):
				if n := len([]rune(item["agenda"].(string))); n != 250 {
					t.Errorf("agenda truncated to %d", n)
				}
			case mid(pmiMeeting):
				if _, ok := item["pmi"].(string); !ok {
					t.Errorf("pmi %#v", item["pmi"])
				}
			default:
				if _, ok := item["pmi"]; ok {
					t.Errorf("pmi without use_pmi")
				}
			}
			if item["uuid"] == "" || item["join_url"] == "" || item["start_time"] != "2030-02-01T10:00:00Z" || item["timezone"] == "" || item["created_at"] == "" {
				t.Errorf("item %v", item)
			}
		}
		token = m["next_page_token"].(string)
		if token == "" {
			break
		}
	}
	if fmt.Sprint(seen) != fmt.Sprint(ids) {
		t.Fatalf("listed %v\nwant %v", seen, ids)
	}
	if m := e.call(http.MethodGet, "/v2/users/me/meetings?page_size=500", nil).json(t); m["page_size"] != float64(300) || m["next_page_token"] != "" {
		t.Errorf("clamp %v", m["page_size"])
	}
	if m := e.call(http.MethodGet, "/v2/users/me/meetings", nil).json(t); m["page_size"] != float64(30) {
		t.Errorf("default page_size %v", m["page_size"])
	}
	e.call(http.MethodGet, "/v2/users/me/meetings?type=all", nil).wantField(t, "type")
	e.call(http.MethodGet, "/v2/users/me/meetings?next_page_token=nope", nil).wantError(t, 400, 300, "The next page token is invalid or expired.")

	// Filters.
	count := func(typ string) int {
		t.Helper()
		return int(e.call(http.MethodGet, "/v2/users/me/meetings?type="+typ, nil).json(t)["total_records"].(float64))
	}
	live, _ := strconv.ParseInt(ids[0], 10, 64)
	if err := e.s.StartMeeting(live); err != nil {
		t.Fatal(err)
	}
	if count("live") != 1 || count("upcoming") != 35 || count("upcoming_meetings") != 35 || count("previous_meetings") != 0 || count("scheduled") != 35 {
		t.Errorf("filters live=%d upcoming=%d previous=%d", count("live"), count("upcoming"), count("previous_meetings"))
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = 60 * 24 * 365 })
	if count("previous_meetings") != 1 || count("scheduled") != 36 || count("upcoming") != 35 {
		t.Errorf("with grace: previous=%d scheduled=%d", count("previous_meetings"), count("scheduled"))
	}
	e.call(http.MethodGet, "/v2/users/nobody@example.com/meetings", nil).wantError(t, 404, 1001, "User nobody@example.com not exist or not belong to this account.")
}

func TestMeetingExpiry(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"start_time": "2030-01-07T13:00:00Z", "duration": 30})
	id := mid(m)
	rec := mid(e.createMeeting("me", map[string]any{"type": 8, "start_time": "2030-01-07T13:00:00Z", "duration": 30,
		"recurrence": map[string]any{"type": 1, "end_times": 2}}))
	listed := func(id string) bool {
		for _, it := range e.call(http.MethodGet, "/v2/users/me/meetings", nil).json(t)["meetings"].([]any) {
			if mid(it.(map[string]any)) == id {
				return true
			}
		}
		return false
	}
	expired := "Meeting " + id + " is not found or has expired."

	e.setNow(time.Date(2030, 1, 7, 13, 29, 0, 0, time.UTC))
	e.getMeeting(id)
	e.setNow(time.Date(2030, 1, 7, 13, 31, 0, 0, time.UTC))
	e.call(http.MethodGet, "/v2/meetings/"+id, nil).wantError(t, 404, 3001, expired)
	e.patchMeeting(id, map[string]any{"topic": "x"}).wantError(t, 404, 3001, expired)
	e.call(http.MethodDelete, "/v2/meetings/"+id, nil).wantError(t, 404, 3001, expired)
	if listed(id) || !listed(rec) {
		t.Errorf("listing: expired %v recurring %v", listed(id), listed(rec))
	}

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = 10 })
	e.getMeeting(id)
	e.setNow(time.Date(2030, 1, 7, 13, 41, 0, 0, time.UTC))
	e.call(http.MethodGet, "/v2/meetings/"+id, nil).wantError(t, 404, 3001, expired)

	// A type-8 meeting expires after its last occurrence.
	e.setNow(time.Date(2030, 1, 8, 13, 39, 0, 0, time.UTC))
	e.getMeeting(rec)
	e.setNow(time.Date(2030, 1, 8, 13, 41, 0, 0, time.UTC))
	e.call(http.MethodGet, "/v2/meetings/"+rec, nil).wantError(t, 404, 3001, "Meeting "+rec+" is not found or has expired.")

	// Negative grace: nothing expires.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingExpiryGraceMinutes = -1 })
	e.setNow(t0.AddDate(1, 0, 0))
	e.getMeeting(id)
	e.getMeeting(rec)
	if !listed(id) {
		t.Error("unexpired meeting not listed")
	}
}

func TestMeetingStatusLifecycle(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"start_time": "2030-01-07T13:00:00Z", "duration": 30})
	id := mid(m)
	n, _ := strconv.ParseInt(id, 10, 64)
	uuid1 := e.getMeeting(id)["uuid"].(string)

	// Ending a meeting that is not running does nothing.
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"end"}`).wantStatus(t, 204)
	if g := e.getMeeting(id); g["uuid"] != uuid1 || g["status"] != "waiting" {
		t.Fatalf("after no-op end %v", g)
	}
	if err := e.s.StartMeeting(n); err != nil {
		t.Fatal(err)
	}
	if g := e.getMeeting(id); g["status"] != "started" {
		t.Fatalf("status %v", g["status"])
	}
	e.patchMeeting(id, map[string]any{"topic": "x"}).wantError(t, 400, 3000, "You cannot update or delete meetings that have started using this method.")
	e.call(http.MethodDelete, "/v2/meetings/"+id, nil).wantError(t, 400, 3002, "Sorry, you cannot delete this meeting since it is in progress.")
	// A running meeting does not expire.
	e.setNow(time.Date(2030, 1, 7, 18, 0, 0, 0, time.UTC))
	e.getMeeting(id)
	e.setNow(t0)
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"end"}`).wantStatus(t, 204)
	g := e.getMeeting(id)
	if g["status"] != "waiting" || g["uuid"] == uuid1 || !uuidRE.MatchString(g["uuid"].(string)) {
		t.Fatalf("after end %v %v", g["status"], g["uuid"])
	}
	e.call(http.MethodDelete, "/v2/meetings/"+id, nil).wantError(t, 400, 3007, "Sorry, you cannot delete this meeting since it has ended.")
	e.patchMeeting(id, map[string]any{"topic": "again"}).wantStatus(t, 204)

	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"pause"}`).wantField(t, "action")
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{}`).wantField(t, "action")
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `nope`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	e.call(http.MethodPut, "/v2/meetings/12345678901/status", `{"action":"end"}`).wantError(t, 404, 3001, "Meeting does not exist: 12345678901.")

	// Admin hooks, and the ended_meeting_status knob.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.EndedMeetingStatus = sandbox.EndedStatusFinished })
	var st struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	r := e.admin(http.MethodPost, "/meetings/"+id+"/start", nil)
	r.wantStatus(t, 200)
	mustJSON(t, r.body, &st)
	if st.ID != n || st.Status != "started" {
		t.Fatalf("admin start %+v", st)
	}
	mustJSON(t, e.admin(http.MethodPost, "/meetings/"+id+"/end", nil).body, &st)
	if st.Status != "finished" || e.getMeeting(id)["status"] != "finished" {
		t.Fatalf("admin end %+v", st)
	}
	e.admin(http.MethodPost, "/meetings/12345678901/start", nil).wantStatus(t, 404)
	e.admin(http.MethodPost, "/meetings/"+id+"/pause", nil).wantStatus(t, 404)
	e.admin(http.MethodGet, "/meetings/"+id+"/start", nil).wantStatus(t, 405)
	if err := e.s.EndMeeting(12345678901); !errors.Is(err, sandbox.ErrMeetingNotFound) {
		t.Errorf("EndMeeting(unknown) = %v", err)
	}
}

func TestMeetingDeleteAndRecover(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"start_time": "2031-01-01T10:00:00Z"})
	id := mid(m)
	gone := "Meeting does not exist: " + id + "."
	e.call(http.MethodDelete, "/v2/meetings/"+id+"?schedule_for_reminder=maybe", nil).wantField(t, "schedule_for_reminder")
	e.call(http.MethodDelete, "/v2/meetings/"+id+"?schedule_for_reminder=true&cancel_meeting_reminder=false", nil).wantStatus(t, 204)
	e.call(http.MethodGet, "/v2/meetings/"+id, nil).wantError(t, 404, 3001, gone)
	e.patchMeeting(id, map[string]any{}).wantError(t, 404, 3001, gone)
	e.call(http.MethodDelete, "/v2/meetings/"+id, nil).wantError(t, 404, 3001, gone)
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"end"}`).wantError(t, 404, 3001, gone)
	if n := e.call(http.MethodGet, "/v2/users/me/meetings", nil).json(t)["total_records"]; n != float64(0) {
		t.Errorf("deleted meeting listed: %v", n)
	}
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"recover"}`).wantStatus(t, 204)
	if g := e.getMeeting(id); g["id"] != m["id"] || g["password"] != m["password"] {
		t.Errorf("recovered %v", g)
	}
	// Recovering a meeting that is not deleted does nothing.
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"recover"}`).wantStatus(t, 204)

	// The recover window (7 days by default; negative = forever).
	e.call(http.MethodDelete, "/v2/meetings/"+id, nil).wantStatus(t, 204)
	e.setNow(t0.AddDate(0, 0, 8))
	e.call(http.MethodPut, "/v2/meetings/"+id+"/status", `{"action":"recover"}`).wantError(t, 404, 3001, gone)
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.DeletedMeetingRecoverDays = -1 })
	m2 := mid(e.createMeeting("me", map[string]any{"start_time": "2031-01-01T10:00:00Z"}))
	e.call(http.MethodDelete, "/v2/meetings/"+m2, nil).wantStatus(t, 204)
	e.setNow(t0.AddDate(0, 3, 0))
	e.call(http.MethodPut, "/v2/meetings/"+m2+"/status", `{"action":"recover"}`).wantStatus(t, 204)
	e.getMeeting(m2)
}

func TestMeetingOccurrences(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"type": 8, "topic": "Series", "start_time": "2030-02-01T10:00:00Z", "duration": 30,
		"recurrence": map[string]any{"type": 1, "end_times": 3}})
	id := mid(m)
	occ := occurrencesOf(m)
	id2, id3 := occ[1]["occurrence_id"].(string), occ[2]["occurrence_id"].(string)
	e.patchMeeting(id+"?occurrence_id="+id2, map[string]any{"start_time": "2030-02-02T12:00:00Z", "duration": 90, "agenda": "special", "topic": "ignored"}).
		wantStatus(t, 204)
	g := e.getMeeting(id + "?occurrence_id=" + id2)
	if g["start_time"] != "2030-02-02T12:00:00Z" || g["duration"] != float64(90) || g["agenda"] != "special" || g["topic"] != "Series" {
		t.Fatalf("occurrence view %v", g)
	}
	g = e.getMeeting(id)
	if o := occurrencesOf(g)[1]; o["occurrence_id"] != id2 || o["start_time"] != "2030-02-02T12:00:00Z" || o["duration"] != float64(90) {
		t.Errorf("changed occurrence %v", o)
	}
	if g["duration"] != float64(30) || g["agenda"] != "" {
		t.Errorf("series changed: %v", g)
	}
	e.call(http.MethodDelete, "/v2/meetings/"+id+"?occurrence_id="+id3, nil).wantStatus(t, 204)
	if n := len(occurrencesOf(e.getMeeting(id))); n != 2 {
		t.Errorf("%d occurrences after deleting one", n)
	}
	e.call(http.MethodGet, "/v2/meetings/"+id+"?occurrence_id="+id3, nil).wantError(t, 400, 3000, "Invalid occurrence_id.")
	e.patchMeeting(id+"?occurrence_id=123", map[string]any{}).wantError(t, 400, 3000, "Invalid occurrence_id.")
	e.call(http.MethodDelete, "/v2/meetings/"+id+"?occurrence_id=123", nil).wantError(t, 400, 3000, "Invalid occurrence_id.")
	// Deleting every occurrence leaves nothing to attend: the meeting counts as expired.
	for _, o := range occurrencesOf(e.getMeeting(id)) {
		e.call(http.MethodDelete, "/v2/meetings/"+id+"?occurrence_id="+o["occurrence_id"].(string), nil).wantStatus(t, 204)
	}
	e.call(http.MethodGet, "/v2/meetings/"+id, nil).wantError(t, 404, 3001, "Meeting "+id+" is not found or has expired.")
}

func TestMeetingDailyLimit(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) {
		p.MeetingDailyLimit = 3
		p.RateLimitsEnabled = true
	})
	e.setNow(time.Date(2030, 5, 30, 15, 0, 0, 0, time.UTC))
	body := "You have exceeded the daily rate limit (3) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": 7}).wantField(t, "type") // rejected: not counted
	m1 := mid(e.createMeeting("me", map[string]any{"start_time": "2030-06-10T10:00:00Z"}))
	m2 := mid(e.createMeeting("me", map[string]any{"start_time": "2030-06-10T10:00:00Z"}))
	e.patchMeeting(m1, map[string]any{"topic": "x"}).wantStatus(t, 204)
	r := e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{})
	r.wantError(t, 429, 429, body)
	if r.header.Get("X-RateLimit-Type") != "" || r.header.Get("Retry-After") != "" || r.header.Get("X-RateLimit-Category") != "Medium" {
		t.Errorf("429 headers %v", r.header)
	}
	e.patchMeeting(m1, map[string]any{"topic": "y"}).wantError(t, 429, 429, body)
	e.call(http.MethodDelete, "/v2/meetings/"+m2, nil).wantStatus(t, 204) // delete does not count and is allowed
	other := e.createUser("autoCreate", "other@example.com", 2)
	e.createMeeting(other, map[string]any{}) // the limit is per host

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingDailyLimitHeaders = true })
	r = e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{})
	r.wantError(t, 429, 429, body)
	if r.header.Get("X-RateLimit-Type") != "Daily-limit" || r.header.Get("Retry-After") != "2030-05-31T00:00:00Z" ||
		r.header.Get("X-RateLimit-Limit") != "3" || r.header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("429 headers with the knob %v", r.header)
	}
	e.setNow(time.Date(2030, 5, 31, 0, 0, 1, 0, time.UTC))
	e.createMeeting("me", map[string]any{})

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingDailyLimit = 0 })
	for i := 0; i < 5; i++ {
		e.createMeeting("me", map[string]any{})
	}
}

func TestMeetingHosts(t *testing.T) {
	e := newEnv(t, nil)
	e.call(http.MethodPost, "/v2/users/nobody@example.com/meetings", map[string]any{}).wantError(t, 404, 1001, "User nobody@example.com not exist or not belong to this account.")
	pending := e.createUser("create", "pending@example.com", 2)
	e.call(http.MethodPost, "/v2/users/"+pending+"/meetings", map[string]any{}).
		wantError(t, 400, 1000, "You can not access settings of users that are still in pending state.")
	off := e.createUser("autoCreate", "off@example.com", 2)
	e.createMeeting(off, map[string]any{})
	e.call(http.MethodPut, "/v2/users/"+off+"/status", `{"action":"deactivate"}`).wantStatus(t, 200)
	e.call(http.MethodPost, "/v2/users/"+off+"/meetings", map[string]any{}).
		wantError(t, 400, 3161, "Meeting hosting and scheduling capabilities are not allowed for your user account.")
	if n := e.call(http.MethodGet, "/v2/users/"+off+"/meetings", nil).json(t)["total_records"]; n != float64(1) {
		t.Errorf("inactive host's meetings: %v", n)
	}
	noMeetings := e.createUser("autoCreate", "nolicense@example.com", 4)
	for _, r := range []response{
		e.call(http.MethodPost, "/v2/users/"+noMeetings+"/meetings", map[string]any{}),
		e.call(http.MethodGet, "/v2/users/"+noMeetings+"/meetings", nil),
		e.call(http.MethodGet, "/v2/users/"+noMeetings+"/meeting_templates", nil),
	} {
		r.wantError(t, 400, 3161, "Meeting hosting and scheduling capabilities are not allowed for your user account.")
	}

	// schedule_for makes another user the host; the scheduler is the assistant.
	b := e.createUser("autoCreate", "b@example.com", 2)
	ownerID := e.call(http.MethodGet, "/v2/users/me", nil).json(t)["id"]
	m := e.createMeeting("me", map[string]any{"schedule_for": "b@example.com"})
	if e.getMeeting(mid(m))["host_id"] != b || m["host_email"] != "b@example.com" || m["assistant_id"] != ownerID {
		t.Errorf("schedule_for: %v %v %v", m["host_id"], m["host_email"], m["assistant_id"])
	}
	if n := e.call(http.MethodGet, "/v2/users/"+b+"/meetings", nil).json(t)["total_records"]; n != float64(1) {
		t.Errorf("b's meetings %v", n)
	}
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"schedule_for": "ghost@example.com"}).wantError(t, 400, 300,
		"The value that you entered for the schedule_for field is invalid. Enter a valid value and try again.")

	// Deleting a user deletes their meetings, or moves them with transfer_meeting.
	c := e.createUser("autoCreate", "c@example.com", 2)
	mb := mid(e.createMeeting(b, map[string]any{}))
	mc := mid(e.createMeeting(c, map[string]any{"settings": map[string]any{"alternative_hosts": "b@example.com"}}))
	e.call(http.MethodDelete, "/v2/users/"+b+"?action=delete", nil).wantStatus(t, 204)
	e.call(http.MethodGet, "/v2/meetings/"+mb, nil).wantError(t, 404, 3001, "Meeting does not exist: "+mb+".")
	if got := settingsOf(e.getMeeting(mc))["alternative_hosts"]; got != "" {
		t.Errorf("deleted user still an alternative host: %v", got)
	}
	e.call(http.MethodDelete, "/v2/users/"+c+"?action=delete&transfer_email=owner@sandbox.zoom.test&transfer_meeting=true", nil).wantStatus(t, 204)
	if g := e.getMeeting(mc); g["host_id"] != ownerID || g["host_email"] != "owner@sandbox.zoom.test" {
		t.Errorf("transferred meeting host %v", g["host_id"])
	}
}

func TestMeetingScopes(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.GrantedScopes = []string{"meeting:write:meeting:admin"} })
	m := e.createMeeting("me", map[string]any{})
	e.call(http.MethodGet, "/v2/meetings/"+mid(m), nil).wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[meeting:read:meeting:admin].")
	e.call(http.MethodPatch, "/v2/meetings/"+mid(m), map[string]any{}).wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[meeting:update:meeting:admin].")
	e.call(http.MethodGet, "/v2/users/me/meeting_templates", nil).wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[meeting:read:list_templates:admin].")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.GrantedScopes = []string{"meeting:read:admin"} })
	e.tok = e.token()
	e.getMeeting(mid(m))
	e.call(http.MethodGet, "/v2/users/me/meetings", nil).wantStatus(t, 200)
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{}).wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[meeting:write:meeting:admin].")
}

func TestDateHeaderFollowsClock(t *testing.T) {
	e := newEnv(t, nil)
	at := time.Date(2031, 6, 15, 8, 30, 0, 0, time.UTC)
	e.setNow(at)
	check := func(r response) {
		t.Helper()
		if n := len(r.header.Values("Date")); n != 1 {
			t.Fatalf("%d Date headers", n)
		}
		d, err := http.ParseTime(r.header.Get("Date"))
		if err != nil || d.Before(at) || d.After(at.Add(5*time.Second)) {
			t.Fatalf("Date %q (%v), want about %v", r.header.Get("Date"), err, at)
		}
	}
	check(e.call(http.MethodGet, "/v2/users/me", nil))
	check(e.call(http.MethodGet, "/v2/meetings/12345678901", nil))
	check(e.callWith("", http.MethodGet, "/v2/users/me", nil))
	check(e.call(http.MethodGet, "/v2/nothing", nil))
	if err := e.s.AddFault(sandbox.Fault{Path: `^/v2/users/me$`, Kind: "503"}); err != nil {
		t.Fatal(err)
	}
	check(e.call(http.MethodGet, "/v2/users/me", nil))
	e.setNow(at.AddDate(1, 0, 0))
	if d, _ := http.ParseTime(e.call(http.MethodGet, "/v2/users/me", nil).header.Get("Date")); d.Year() != 2032 {
		t.Fatalf("Date did not follow the clock: %v", d)
	}
}

func TestMeetingPersistence(t *testing.T) {
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
	rec := e.createMeeting("me", map[string]any{"type": 8, "topic": "Weekly", "start_time": "2030-02-04T10:00:00", "timezone": "Europe/Paris",
		"recurrence": map[string]any{"type": 2, "weekly_days": "2,6", "end_times": 6},
		"settings":   map[string]any{"approval_type": 1, "alternative_hosts": alt, "auto_recording": "cloud"}})
	occ := occurrencesOf(rec)[1]["occurrence_id"].(string)
	e.patchMeeting(mid(rec)+"?occurrence_id="+occ, map[string]any{"duration": 15}).wantStatus(t, 204)
	deleted := mid(e.createMeeting("me", map[string]any{"start_time": "2031-01-01T10:00:00Z"}))
	e.call(http.MethodDelete, "/v2/meetings/"+deleted, nil).wantStatus(t, 204)
	e.call(http.MethodPost, "/v2/users/me/meeting_templates", map[string]any{"meeting_id": rec["id"], "name": "Kept"}).wantStatus(t, 201)
	before := e.getMeeting(mid(rec))
	templatesBefore := e.templates("me")
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
	after := e2.getMeeting(mid(rec))
	delete(before, "start_url")
	delete(after, "start_url")
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatalf("meeting changed across a restart:\n%v\n%v", before, after)
	}
	if fmt.Sprint(e2.templates("me")) != fmt.Sprint(templatesBefore) {
		t.Errorf("templates changed across a restart")
	}
	e2.call(http.MethodPut, "/v2/meetings/"+deleted+"/status", `{"action":"recover"}`).wantStatus(t, 204)
	e2.getMeeting(deleted)
	// The meeting number space survives: new meetings get new numbers.
	if m := e2.createMeeting("me", map[string]any{}); mid(m) == mid(rec) || mid(m) == deleted {
		t.Errorf("reused meeting number %s", mid(m))
	}
}

func TestLoadStateFromBeforeMeetings(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Rewrite the file as an older sandbox wrote it: no meetings, templates or meeting knobs.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	mustJSON(t, data, &doc)
	state := doc["state"].(map[string]any)
	delete(state, "meeting_templates")
	delete(state, "meetings")
	profile := doc["profile"].(map[string]any)
	for _, k := range []string{"security_option_required", "recurring_start_time", "recurrence_max_end_times", "invalid_alternative_host",
		"basic_host_registration", "ended_meeting_status", "deleted_meeting_recover_days", "default_meeting_topic", "default_meeting_duration"} {
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
	if !p.SecurityOptionRequired || p.RecurrenceMaxEndTimes != 50 || p.DeletedMeetingRecoverDays != 7 || p.DefaultMeetingTopic != "Zoom Meeting" {
		t.Errorf("new knobs lost their defaults: %+v", p)
	}
	ts := httptest.NewServer(s2)
	defer ts.Close()
	e := &env{t: t, s: s2, ts: ts}
	e.tok = e.token()
	if list := e.templates("me"); len(list) != 2 || list[0].Name != "All-hands" {
		t.Errorf("seed templates %+v", list)
	}
	e.createMeeting("me", map[string]any{})
}

func TestMeetingProfileKnobValidation(t *testing.T) {
	e := newEnv(t, nil)
	for _, bad := range []string{
		`{"recurring_start_time":"later"}`, `{"invalid_alternative_host":"ignore"}`, `{"basic_host_registration":"drop"}`,
		`{"ended_meeting_status":"ended"}`, `{"recurrence_max_end_times":0}`, `{"recurrence_max_end_times":366}`,
		`{"meeting_expiry_grace_minutes":100000000}`, `{"deleted_meeting_recover_days":100000}`, `{"meeting_daily_limit":-1}`,
		`{"default_meeting_duration":-5}`,
	} {
		e.admin(http.MethodPut, "/profile", bad).wantStatus(t, 400)
	}
	e.admin(http.MethodPut, "/profile", `{"recurring_start_time":"next_occurrence","invalid_alternative_host":"drop","basic_host_registration":"ignore",
		"ended_meeting_status":"finished","recurrence_max_end_times":365,"meeting_expiry_grace_minutes":-1,"deleted_meeting_recover_days":0,
		"meeting_daily_limit":0,"meeting_daily_limit_headers":true,"security_option_required":false,"registration_on_type3":true,
		"recurring_no_fixed_time_returns_start_time":true,"create_accepts_user_templates":true}`).wantStatus(t, 200)
	p := e.s.Profile()
	if p.RecurringStartTime != sandbox.RecurringStartNextOccurrence || p.RecurrenceMaxEndTimes != 365 || p.SecurityOptionRequired || !p.CreateAcceptsUserTemplates {
		t.Errorf("profile %+v", p)
	}
	// deleted_meeting_recover_days 0: a deleted meeting cannot be recovered.
	m := mid(e.createMeeting("me", map[string]any{}))
	e.call(http.MethodDelete, "/v2/meetings/"+m, nil).wantStatus(t, 204)
	e.call(http.MethodPut, "/v2/meetings/"+m+"/status", `{"action":"recover"}`).wantError(t, 404, 3001, "Meeting does not exist: "+m+".")
}
