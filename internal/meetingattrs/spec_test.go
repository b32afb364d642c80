package meetingattrs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSettingsTableMatchesTheSpec checks every managed setting against the official spec's create and update
// request schemas: the key exists, the Terraform kind matches the JSON type, and enumerations are the spec's.
func TestSettingsTableMatchesTheSpec(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "zoom-api", "openapi", "ZoomMeetingAPISpec.json"))
	if err != nil {
		t.Fatalf("the official spec must sit beside the repository: %v", err)
	}
	var spec map[string]any
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	settingsOf := func(path, method string) map[string]any {
		op := spec["paths"].(map[string]any)[path].(map[string]any)[method].(map[string]any)
		schema := op["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		return schema["properties"].(map[string]any)["settings"].(map[string]any)["properties"].(map[string]any)
	}
	for _, c := range []struct {
		list         []Setting
		path, method string
		create       bool
	}{
		{MeetingSettings, "/users/{userId}/meetings", "post", true},
		{MeetingSettings, "/meetings/{meetingId}", "patch", false},
		{WebinarSettings, "/users/{userId}/webinars", "post", true},
		{WebinarSettings, "/webinars/{webinarId}", "patch", false},
	} {
		checkSettings(t, c.method+" "+c.path, c.list, settingsOf(c.path, c.method), c.create)
	}
}

func checkSettings(t *testing.T, at string, list []Setting, props map[string]any, create bool) {
	t.Helper()
	wantType := map[Kind]string{KindBool: "boolean", KindInt: "integer", KindString: "string", KindEmailSet: "string", KindObject: "object"}
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
		if p["type"] != wantType[s.Kind] {
			t.Errorf("%s: %s: spec type %v, table kind %v", at, s.Name, p["type"], s.Kind)
		}
		if s.Kind == KindObject {
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
