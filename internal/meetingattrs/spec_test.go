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
	wantType := map[Kind]string{KindBool: "boolean", KindInt: "integer", KindString: "string", KindEmailSet: "string"}
	for _, op := range [][2]string{{"/users/{userId}/meetings", "post"}, {"/meetings/{meetingId}", "patch"}} {
		props := settingsOf(op[0], op[1])
		for _, s := range MeetingSettings {
			p, ok := props[s.Name].(map[string]any)
			if !ok {
				t.Errorf("%s %s: setting %q is not in the spec", op[1], op[0], s.Name)
				continue
			}
			if p["type"] != wantType[s.Kind] {
				t.Errorf("%s: spec type %v, table kind %v", s.Name, p["type"], s.Kind)
			}
			enum, _ := p["enum"].([]any)
			var got []any
			for _, v := range s.Ints {
				got = append(got, float64(v))
			}
			for _, v := range s.Strings {
				got = append(got, v)
			}
			if len(enum) > 0 || len(got) > 0 {
				for _, v := range got {
					if !slices.Contains(enum, v) {
						t.Errorf("%s: %v is not in the spec's enum %v", s.Name, v, enum)
					}
				}
				if len(got) != len(enum) {
					t.Errorf("%s: table allows %v, spec %v", s.Name, got, enum)
				}
			}
		}
	}
}
