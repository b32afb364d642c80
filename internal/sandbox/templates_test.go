package sandbox_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

var templateIDRE = regexp.MustCompile(`^[A-Za-z0-9+/]{22}==$`)

type templateItem struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type int    `json:"type"`
}

// templates lists user's meeting templates.
func (e *env) templates(user string) []templateItem {
	e.t.Helper()
	r := e.call(http.MethodGet, "/v2/users/"+user+"/meeting_templates", nil)
	r.wantStatus(e.t, http.StatusOK)
	var out struct {
		TotalRecords int            `json:"total_records"`
		Templates    []templateItem `json:"templates"`
	}
	mustJSON(e.t, r.body, &out)
	if out.TotalRecords != len(out.Templates) {
		e.t.Fatalf("total_records %d for %d templates", out.TotalRecords, len(out.Templates))
	}
	return out.Templates
}

func templateByName(list []templateItem, name string) templateItem {
	for _, t := range list {
		if t.Name == name {
			return t
		}
	}
	return templateItem{}
}

func TestMeetingTemplatesSeedAndApply(t *testing.T) {
	e := newEnv(t, nil)
	list := e.templates("me")
	if len(list) != 2 || list[0].Name != "All-hands" || list[1].Name != "Training" || list[0].Type != 2 || list[1].Type != 2 ||
		!templateIDRE.MatchString(list[0].ID) || !templateIDRE.MatchString(list[1].ID) {
		t.Fatalf("seed templates %+v", list)
	}
	// Admin templates are visible to every user.
	other := e.createUser("autoCreate", "other@example.com", 2)
	if got := e.templates(other); fmt.Sprint(got) != fmt.Sprint(list) {
		t.Errorf("other user's templates %+v", got)
	}
	e.call(http.MethodGet, "/v2/users/nobody@example.com/meeting_templates", nil).wantError(t, 404, 1001, "User nobody@example.com does not exist or does not belong to this account.")

	allHands := list[0].ID
	m := e.createMeeting("me", map[string]any{"template_id": allHands})
	s := settingsOf(m)
	if s["mute_upon_entry"] != true || s["waiting_room"] != true || s["auto_recording"] != "cloud" || s["host_video"] != false {
		t.Fatalf("template settings not applied: %v", s)
	}
	if _, ok := m["template_id"]; ok {
		t.Error("create returned template_id")
	}
	g := e.getMeeting(mid(m))
	if _, ok := g["template_id"]; ok || settingsOf(g)["auto_recording"] != "cloud" {
		t.Errorf("GET %v", g)
	}
	// Explicit request settings win over the template's.
	m = e.createMeeting("me", map[string]any{"template_id": allHands, "settings": map[string]any{"waiting_room": false, "host_video": true}})
	if s := settingsOf(m); s["waiting_room"] != false || s["mute_upon_entry"] != true || s["host_video"] != true {
		t.Errorf("override %v", s)
	}
	// PATCH applies a template on top of the stored settings.
	training := list[1].ID
	e.patchMeeting(mid(m), map[string]any{"template_id": training, "settings": map[string]any{"participant_video": true}}).wantStatus(t, 204)
	if s := settingsOf(e.getMeeting(mid(m))); s["host_video"] != true || s["participant_video"] != true || s["mute_upon_entry"] != true {
		t.Errorf("patched with template %v", s)
	}
	for _, id := range []string{"nope", strings.Repeat("A", 22) + "=="} {
		e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"template_id": id}).wantError(t, 400, 300, "Invalid template ID")
		e.patchMeeting(mid(m), map[string]any{"template_id": id}).wantError(t, 400, 300, "Invalid template ID")
	}
}

func TestMeetingTemplatesFromMeetings(t *testing.T) {
	e := newEnv(t, nil)
	m := e.createMeeting("me", map[string]any{"type": 8, "recurrence": map[string]any{"type": 1, "end_times": 2},
		"settings": map[string]any{"host_video": true, "auto_recording": "local", "approval_type": 0, "jbh_time": 10}})
	post := func(user string, body any) response {
		return e.call(http.MethodPost, "/v2/users/"+user+"/meeting_templates", body)
	}
	r := post("me", map[string]any{"meeting_id": m["id"], "name": "Mine", "save_recurrence": true})
	r.wantStatus(t, 201)
	created := r.json(t)
	if len(created) != 2 || created["name"] != "Mine" || !templateIDRE.MatchString(created["id"].(string)) {
		t.Fatalf("created %v", created)
	}
	id := created["id"].(string)
	if got := templateByName(e.templates("me"), "Mine"); got.ID != id || got.Type != 1 {
		t.Fatalf("listed %+v", got)
	}
	other := e.createUser("autoCreate", "other@example.com", 2)
	if got := templateByName(e.templates(other), "Mine"); got.ID != "" {
		t.Errorf("another user sees the template: %+v", got)
	}

	// A user template carries the in-meeting settings only; create refuses it unless the knob allows.
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"template_id": id}).
		wantError(t, 400, 300, "Only account admin meeting templates can be used to create a meeting: "+id+".")
	e.call(http.MethodPost, "/v2/users/"+other+"/meetings", map[string]any{"template_id": id}).wantError(t, 400, 300, "Invalid template ID")
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.CreateAcceptsUserTemplates = true })
	s := settingsOf(e.createMeeting("me", map[string]any{"template_id": id}))
	if s["host_video"] != true || s["auto_recording"] != "local" || s["jbh_time"] != float64(10) || s["approval_type"] != float64(2) {
		t.Errorf("user template applied: %v", s)
	}

	// Names are unique per user unless overwriting the template of the same meeting.
	post("me", map[string]any{"meeting_id": m["id"], "name": "Mine"}).wantError(t, 400, 3000, "Meeting template name already exists: Mine.")
	r = post("me", map[string]any{"meeting_id": m["id"], "name": "Mine v2", "overwrite": true})
	r.wantStatus(t, 201)
	if got := r.json(t); got["id"] != id || got["name"] != "Mine v2" {
		t.Errorf("overwrite %v", got)
	}
	if n := len(e.templates("me")); n != 3 {
		t.Errorf("%d templates after overwrite", n)
	}

	post("me", `{"meeting_id":`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	post("me", map[string]any{"name": "x"}).wantError(t, 400, 300, "Invalid meeting ID.")
	post("me", map[string]any{"meeting_id": "abc", "name": "x"}).wantField(t, "meeting_id")
	post("me", map[string]any{"meeting_id": m["id"]}).wantField(t, "name")
	post("me", map[string]any{"meeting_id": 12345678901, "name": "x"}).wantError(t, 400, 300, "Meeting ID does not exist.")
	post(other, map[string]any{"meeting_id": m["id"], "name": "x"}).wantError(t, 400, 300, "Invalid meeting ID.")
	gone := e.createMeeting("me", map[string]any{})
	e.call(http.MethodDelete, "/v2/meetings/"+mid(gone), nil).wantStatus(t, 204)
	post("me", map[string]any{"meeting_id": gone["id"], "name": "x"}).wantError(t, 400, 3001, "Meeting does not exist: "+mid(gone))
	post("nobody@example.com", map[string]any{"meeting_id": m["id"], "name": "x"}).wantError(t, 404, 1001, "User nobody@example.com does not exist or does not belong to this account.")

	// At most 40 templates per user.
	for i := 2; i <= 40; i++ {
		post("me", map[string]any{"meeting_id": m["id"], "name": fmt.Sprintf("t%d", i)}).wantStatus(t, 201)
	}
	post("me", map[string]any{"meeting_id": m["id"], "name": "t41"}).wantError(t, 400, 300, "You can only create up to 40 meeting templates.")

	// A user's templates go with the user.
	e.call(http.MethodDelete, "/v2/users/"+other+"?action=delete", nil).wantStatus(t, 204)
}

func TestAddMeetingTemplateAPI(t *testing.T) {
	e := newEnv(t, nil)
	u := e.createUser("autoCreate", "u@example.com", 2)
	adminID, err := e.s.AddMeetingTemplate("", "Webinar-style", true, map[string]any{"mute_upon_entry": true, "audio": "voip"})
	if err != nil || !templateIDRE.MatchString(adminID) {
		t.Fatalf("admin template %q %v", adminID, err)
	}
	userID, err := e.s.AddMeetingTemplate("u@example.com", "Personal", false, map[string]any{"watermark": true})
	if err != nil {
		t.Fatal(err)
	}
	if got := templateByName(e.templates(u), "Webinar-style"); got.ID != adminID || got.Type != 2 {
		t.Errorf("admin template listed as %+v", got)
	}
	if got := templateByName(e.templates(u), "Personal"); got.ID != userID || got.Type != 1 {
		t.Errorf("user template listed as %+v", got)
	}
	if got := templateByName(e.templates("me"), "Personal"); got.ID != "" {
		t.Errorf("owner sees another user's template")
	}
	s := settingsOf(e.createMeeting(u, map[string]any{"template_id": adminID}))
	if s["mute_upon_entry"] != true || s["audio"] != "voip" {
		t.Errorf("admin template applied: %v", s)
	}
	for _, tc := range []struct {
		user     string
		name     string
		admin    bool
		settings map[string]any
	}{
		{"", "x", false, nil},
		{"ghost@example.com", "x", false, nil},
		{u, "", false, nil},
		{u, "x", false, map[string]any{"audio": "radio"}},
		{u, "x", false, map[string]any{"jbh_time": 7}},
	} {
		if _, err := e.s.AddMeetingTemplate(tc.user, tc.name, tc.admin, tc.settings); err == nil {
			t.Errorf("%+v accepted", tc)
		}
	}
}
