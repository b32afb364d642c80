package sandbox_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// TestSettingsAnswersFollowTheSpec sends every settings operation, with and without option=meeting_security, and
// checks the bodies sent and each answer against the spec extract.
func TestSettingsAnswersFollowTheSpec(t *testing.T) {
	spec := zoomspec.MustLoad()
	e := newEnv(t, nil)
	u := e.createUser("autoCreate", "a@example.com", 2)
	g := e.createGroup("Developers")
	rec := map[string]any{"recording": map[string]any{"cloud_recording": true, "auto_recording": "cloud"}}
	lock := map[string]any{"recording": map[string]any{"cloud_recording": true, "auto_recording": true}}
	ms := map[string]any{"meeting_security": map[string]any{"waiting_room": true}}
	feat := map[string]any{"feature": map[string]any{"webinar": true, "webinar_capacity": 500}, "schedule_meeting": map[string]any{"participants_video": true}}
	type req struct {
		method, path, template string
		body                   any
	}
	var reqs []req
	for _, target := range []struct{ path, template string }{
		{"/v2/accounts/me/settings", "/accounts/{accountId}/settings"},
		{"/v2/accounts/me/lock_settings", "/accounts/{accountId}/lock_settings"},
		{"/v2/groups/" + g + "/settings", "/groups/{groupId}/settings"},
		{"/v2/groups/" + g + "/lock_settings", "/groups/{groupId}/lock_settings"},
		{"/v2/users/" + u + "/settings", "/users/{userId}/settings"},
	} {
		body := rec
		switch {
		case strings.HasSuffix(target.path, "lock_settings"):
			body = lock
		case strings.HasPrefix(target.path, "/v2/users"):
			body = feat
		}
		reqs = append(reqs,
			req{"PATCH", target.path, target.template, body},
			req{"PATCH", target.path + "?option=meeting_security", target.template, ms},
			req{"GET", target.path, target.template, nil},
			req{"GET", target.path + "?option=meeting_security", target.template, nil})
	}
	// The check is not vacuous: the account spelling of participant_video is no field of the user tree.
	if errs := conformAlt("probe", map[string]any{"schedule_meeting": map[string]any{"participant_video": true}},
		spec.Op("PATCH", "/users/{userId}/settings").RequestBody); len(errs) == 0 {
		t.Fatal("the user settings schema takes schedule_meeting.participant_video")
	}
	for _, c := range reqs {
		op := spec.Op(c.method, c.template)
		if op == nil {
			t.Fatalf("%s %s is not in the spec extract", c.method, c.template)
		}
		at := c.method + " " + c.path
		if c.body != nil && op.RequestBody != nil {
			b, _ := json.Marshal(c.body)
			var v any
			_ = json.Unmarshal(b, &v)
			for _, msg := range conformAlt(at+" request", v, op.RequestBody) {
				t.Error(msg)
			}
		}
		r := e.call(c.method, c.path, c.body)
		if r.status >= 300 {
			t.Errorf("%s: status %d; body %s", at, r.status, r.body)
			continue
		}
		if len(strings.TrimSpace(string(r.body))) == 0 {
			continue
		}
		var v any
		mustJSON(t, r.body, &v)
		for _, msg := range conformAlt(at, v, op.ResponseSchema(r.status)) {
			t.Error(msg)
		}
	}
}

// conformAlt is zoomspec.Conform for the settings schemas, which are a oneOf of objects (the ordinary tree, the
// meeting_security tree, ...): v conforms when it conforms to one alternative; otherwise the errors of the
// alternative with the fewest are returned.
func conformAlt(at string, v any, schema zoomspec.Schema) []string {
	alts, _ := schema["oneOf"].([]any)
	if len(alts) == 0 {
		return zoomspec.Conform(at, v, schema)
	}
	var best []string
	for i, a := range alts {
		alt, ok := a.(map[string]any)
		if !ok {
			continue
		}
		if _, has := alt["properties"]; has && alt["type"] == nil {
			alt["type"] = "object"
		}
		errs := zoomspec.Conform(at, v, alt)
		if len(errs) == 0 {
			return nil
		}
		if i == 0 || len(errs) < len(best) {
			best = errs
		}
	}
	return best
}
