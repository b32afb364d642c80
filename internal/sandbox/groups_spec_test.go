package sandbox_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// TestGroupAnswersFollowTheSpec sends every Groups operation and checks each successful answer against the
// operation's response schema in the spec extract: no field the spec does not document, the documented types.
func TestGroupAnswersFollowTheSpec(t *testing.T) {
	spec := zoomspec.MustLoad()
	e := newEnv(t, nil)
	a := e.createUser("autoCreate", "a@example.com", 1)
	g := e.createGroup("Developers")
	for _, c := range []struct {
		method, path, template string
		body                   any
	}{
		{"POST", "/v2/groups", "/groups", map[string]any{"name": "Sales"}},
		{"GET", "/v2/groups", "/groups", nil},
		{"GET", "/v2/groups/" + g, "/groups/{groupId}", nil},
		{"PATCH", "/v2/groups/" + g, "/groups/{groupId}", map[string]any{"name": "Engineering"}},
		{"POST", "/v2/groups/" + g + "/members", "/groups/{groupId}/members", map[string]any{"members": []any{map[string]any{"id": a}}}},
		{"GET", "/v2/groups/" + g + "/members", "/groups/{groupId}/members", nil},
		{"PATCH", "/v2/groups/" + g + "/members/" + a, "/groups/{groupId}/members/{memberId}", map[string]any{"action": "set_primary", "target_group_id": g}},
		{"POST", "/v2/groups/" + g + "/admins", "/groups/{groupId}/admins", map[string]any{"admins": []any{map[string]any{"email": "a@example.com"}}}},
		{"GET", "/v2/groups/" + g + "/admins", "/groups/{groupId}/admins", nil},
		{"DELETE", "/v2/groups/" + g + "/admins/" + a, "/groups/{groupId}/admins/{userId}", nil},
		{"DELETE", "/v2/groups/" + g + "/members/" + a, "/groups/{groupId}/members/{memberId}", nil},
		{"DELETE", "/v2/groups/" + g, "/groups/{groupId}", nil},
	} {
		op := spec.Op(c.method, c.template)
		if op == nil {
			t.Fatalf("%s %s is not in the spec extract", c.method, c.template)
		}
		at := c.method + " " + c.template
		if c.body != nil && op.RequestBody != nil {
			b, _ := json.Marshal(c.body)
			var v any
			_ = json.Unmarshal(b, &v)
			for _, msg := range zoomspec.Conform(at+" request", v, op.RequestBody) {
				t.Error(msg)
			}
		}
		r := e.call(c.method, c.path, c.body)
		documented := false
		for _, s := range op.Statuses() {
			documented = documented || s == r.status
		}
		if r.status >= 300 || !documented {
			t.Errorf("%s: status %d (documented: %v); body %s", at, r.status, op.Statuses(), r.body)
			continue
		}
		if len(strings.TrimSpace(string(r.body))) == 0 {
			if schema := op.ResponseSchema(r.status); schema != nil {
				t.Errorf("%s: empty answer, the spec documents a body", at)
			}
			continue
		}
		var v any
		mustJSON(t, r.body, &v)
		for _, msg := range zoomspec.Conform(at, v, op.ResponseSchema(r.status)) {
			t.Error(msg)
		}
	}
}
