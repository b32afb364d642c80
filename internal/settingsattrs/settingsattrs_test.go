package settingsattrs

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

func section(name string) Section {
	for _, s := range Sections {
		if s.Name == name {
			return s
		}
	}
	panic(name)
}

// Every row is well formed: a known kind, at least one level, locks only where the rows exist or a lock schema
// has them, add-ons only on user booleans whose capacity row exists.
func TestTableRows(t *testing.T) {
	seen := map[string]bool{}
	for _, sec := range Sections {
		for _, s := range sec.Settings {
			k := sec.Name + "." + s.Name
			if seen[k] {
				t.Errorf("%s: two rows", k)
			}
			seen[k] = true
			if s.Levels == 0 || s.Description == "" {
				t.Errorf("%s: no level or no description", k)
			}
			if s.Locks&User != 0 {
				t.Errorf("%s: users have no lock settings", k)
			}
			if s.Addon != "" {
				if s.Kind != Bool || s.Levels != User {
					t.Errorf("%s: an add-on is a user boolean", k)
				}
				found := false
				for _, o := range sec.Settings {
					found = found || o.Name == s.With
				}
				if !found {
					t.Errorf("%s: capacity row %q missing", k, s.With)
				}
			}
		}
	}
}

// The user tree's spelling is used for users, the account's for everything else, locks included.
func TestUserSpelling(t *testing.T) {
	sm := section("schedule_meeting")
	got := client.Settings{"schedule_meeting": {"participants_video": true, "participant_video": false}}
	user := Target{Level: User}.FromAPI(sm, got, types.ObjectNull(Target{Level: User}.AttrTypes(sm)))
	if v := user.Attributes()["participant_video"]; !v.Equal(types.BoolValue(true)) {
		t.Errorf("user participant_video = %v", v)
	}
	acct := Target{Level: Account}.FromAPI(sm, got, types.ObjectNull(Target{Level: Account}.AttrTypes(sm)))
	if v := acct.Attributes()["participant_video"]; !v.Equal(types.BoolValue(false)) {
		t.Errorf("account participant_video = %v", v)
	}
	if _, ok := (Target{Level: Group}).AttrTypes(section("recording"))["auto_delete_cmr"]; ok {
		t.Error("groups have no auto_delete_cmr setting")
	}
	if _, ok := (Target{Level: Group, Locks: true}).AttrTypes(section("recording"))["auto_delete_cmr"]; !ok {
		t.Error("group locks have auto_delete_cmr")
	}
}

func obj(t Target, sec Section, vals map[string]attr.Value) types.Object {
	all := map[string]attr.Value{}
	for name, ty := range t.AttrTypes(sec) {
		all[name] = nullOf(ty)
	}
	for k, v := range vals {
		all[k] = v
	}
	return types.ObjectValueMust(t.AttrTypes(sec), all)
}

// Changes holds only known settings that differ from state; Requests puts one section per request and each
// add-on's keys in a request of its own, after the others.
func TestChangesAndRequests(t *testing.T) {
	u := Target{Level: User}
	feat, rec := section("feature"), section("recording")
	state := obj(u, rec, map[string]attr.Value{"cloud_recording": types.BoolValue(true), "auto_recording": types.StringValue("none")})
	plan := obj(u, rec, map[string]attr.Value{"cloud_recording": types.BoolValue(true), "auto_recording": types.StringValue("cloud"),
		"save_chat_text": types.BoolUnknown()})
	changes := u.Changes(rec, plan, state)
	if len(changes) != 1 || changes[0].Path() != "recording.auto_recording" || changes[0].Value != "cloud" {
		t.Fatalf("changes = %+v", changes)
	}
	changes = append(changes, u.Changes(feat, obj(u, feat, map[string]attr.Value{
		"webinar": types.BoolValue(true), "webinar_capacity": types.Int64Value(500), "meeting_capacity": types.Int64Value(300),
		"large_meeting": types.BoolValue(true)}), types.ObjectNull(u.AttrTypes(feat)))...)
	reqs := Requests(changes)
	if len(reqs) != 4 {
		t.Fatalf("%d requests: %+v", len(reqs), reqs)
	}
	want := []string{"", "", "Webinar", "Large Meetings"}
	for i, r := range reqs {
		if r.Addon != want[i] {
			t.Errorf("request %d is for add-on %q, want %q", i, r.Addon, want[i])
		}
	}
	if b := reqs[2].Body(u); len(b["feature"]) != 2 || b["feature"]["webinar_capacity"] != int64(500) {
		t.Errorf("webinar request body = %v", b)
	}
	if b := reqs[1].Body(u); len(b["feature"]) != 1 || b["feature"]["meeting_capacity"] != int64(300) {
		t.Errorf("feature request body = %v", b)
	}
}

// After an apply the known planned values stay, and Zoom's fill only the unknown ones.
func TestKeepKnown(t *testing.T) {
	u := Target{Level: User}
	rec := section("recording")
	planned := obj(u, rec, map[string]attr.Value{"cloud_recording": types.BoolValue(true), "local_recording": types.BoolUnknown()})
	got := obj(u, rec, map[string]attr.Value{"cloud_recording": types.BoolValue(false), "local_recording": types.BoolValue(false)})
	v := u.KeepKnown(rec, planned, got).Attributes()
	if !v["cloud_recording"].Equal(types.BoolValue(true)) || !v["local_recording"].Equal(types.BoolValue(false)) {
		t.Errorf("KeepKnown = %v", v)
	}
}

// Every row names a field of the spec, with its type, at every level and in both directions (the GET answer and the
// PATCH body), and its enumeration is one the spec allows.
func TestRowsAreSpecFields(t *testing.T) {
	spec := zoomspec.MustLoad()
	targets := map[string]Target{
		"/accounts/{accountId}/settings":      {Level: Account},
		"/accounts/{accountId}/lock_settings": {Level: Account, Locks: true},
		"/groups/{groupId}/settings":          {Level: Group},
		"/groups/{groupId}/lock_settings":     {Level: Group, Locks: true},
		"/users/{userId}/settings":            {Level: User},
	}
	checked := 0
	for p, tg := range targets {
		for _, method := range []string{"GET", "PATCH"} {
			op := spec.Op(method, p)
			if op == nil {
				t.Fatalf("%s %s not in the extract", method, p)
			}
			schema := op.RequestBody
			if method == "GET" {
				schema = op.ResponseSchema(200)
			}
			for _, sec := range tg.Sections() {
				for _, s := range tg.Rows(sec) {
					field := specField(schema, sec.Name, tg.key(s))
					at := method + " " + p + " " + sec.Name + "." + tg.key(s)
					if field == nil {
						t.Errorf("%s: not a field of the spec", at)
						continue
					}
					checked++
					want := map[Kind]string{Bool: "boolean", Int: "integer", String: "string"}[s.Kind]
					if tg.Locks {
						want = "boolean"
					}
					if field["type"] != want {
						t.Errorf("%s: spec type %v, row %s", at, field["type"], want)
					}
					if enum, ok := field["enum"].([]any); ok && !tg.Locks {
						for _, v := range s.Strings {
							if !slices.Contains(enum, any(v)) {
								t.Errorf("%s: %q is not in the spec's %v", at, v, enum)
							}
						}
						for _, v := range s.Ints {
							if !slices.Contains(enum, any(float64(v))) {
								t.Errorf("%s: %d is not in the spec's %v", at, v, enum)
							}
						}
					}
				}
			}
		}
	}
	if checked < 300 {
		t.Fatalf("only %d fields checked", checked)
	}
}

// specField finds section.name in any oneOf alternative of schema.
func specField(schema zoomspec.Schema, section, name string) map[string]any {
	alts, _ := schema["oneOf"].([]any)
	alts = append(alts, any(map[string]any(schema)))
	for _, a := range alts {
		alt, _ := a.(map[string]any)
		props, _ := alt["properties"].(map[string]any)
		sec, _ := props[section].(map[string]any)
		fields, _ := sec["properties"].(map[string]any)
		if f, ok := fields[name].(map[string]any); ok {
			return f
		}
	}
	return nil
}
