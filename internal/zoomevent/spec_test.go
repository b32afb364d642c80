package zoomevent

import (
	"slices"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// TestSettingsTableMatchesTheSpec checks every managed setting against the official spec's (the committed extract's) create and update
// request schemas: the key exists, the Terraform kind matches the JSON type, and enumerations are the spec's.
func TestSettingsTableMatchesTheSpec(t *testing.T) {
	spec := zoomspec.MustLoad()
	settingsOf := func(path, method string) map[string]any {
		op := spec.Op(method, path)
		if op == nil {
			t.Fatalf("%s %s is not in the spec extract", method, path)
		}
		return op.RequestBody["properties"].(map[string]any)["settings"].(map[string]any)["properties"].(map[string]any)
	}
	for _, c := range []struct {
		list         []Setting
		path, method string
		create       bool
	}{
		{meetingSettings, "/users/{userId}/meetings", "post", true},
		{meetingSettings, "/meetings/{meetingId}", "patch", false},
		{webinarSettings, "/users/{userId}/webinars", "post", true},
		{webinarSettings, "/webinars/{webinarId}", "patch", false},
	} {
		checkSettings(t, c.method+" "+c.path, c.list, settingsOf(c.path, c.method), c.create)
	}
}

func checkSettings(t *testing.T, at string, list []Setting, props map[string]any, create bool) {
	t.Helper()
	wantType := map[Shape]string{ShapeBool: "boolean", ShapeInt: "integer", ShapeString: "string", ShapeEmailSet: "string", ShapeObject: "object"}
	for _, s := range list {
		p, ok := props[s.Name].(map[string]any)
		if create && s.UpdateOnly {
			if ok {
				t.Errorf("%s: %q is marked update-only but the create schema has it", at, s.Name)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: setting %q is not in the spec", at, s.Name)
			continue
		}
		if p["type"] != wantType[s.Shape] {
			t.Errorf("%s: %s: spec type %v, table kind %v", at, s.Name, p["type"], s.Shape)
		}
		if s.Shape == ShapeObject {
			sub, _ := p["properties"].(map[string]any)
			checkSettings(t, at+"."+s.Name, s.Fields, sub, create)
			continue
		}
		enum, _ := p["enum"].([]any)
		var got []any
		for _, v := range s.Ints {
			got = append(got, float64(v))
		}
		for _, v := range s.Strings {
			got = append(got, v)
		}
		for _, v := range got {
			if !slices.Contains(enum, v) {
				t.Errorf("%s: %s: %v is not in the spec's enum %v", at, s.Name, v, enum)
			}
		}
		if len(got) != len(enum) {
			t.Errorf("%s: %s: table allows %v, spec %v", at, s.Name, got, enum)
		}
		if max, ok := p["maximum"].(float64); ok && int64(max) != s.Max {
			t.Errorf("%s: %s: spec maximum %v, table %d", at, s.Name, max, s.Max)
		}
	}
}
