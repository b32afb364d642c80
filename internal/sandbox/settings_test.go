package sandbox_test

import (
	"net/http"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func section(t *testing.T, r map[string]any, name string) map[string]any {
	t.Helper()
	s, ok := r[name].(map[string]any)
	if !ok {
		t.Fatalf("no section %s in %v", name, r)
	}
	return s
}

// A user inherits the account's values, keeps its own until the account locks the setting, and then shows the
// account's value; the lock refusal follows LockedSettingUpdate.
func TestSettingsAccountLockOverridesUser(t *testing.T) {
	e := newEnv(t, nil)
	uid := e.createUser("autoCreate", "member@example.com", 2)
	e.call(http.MethodPatch, "/v2/accounts/me/settings", map[string]any{"recording": map[string]any{"cloud_recording": false}}).wantStatus(t, http.StatusNoContent)
	if v := section(t, e.call(http.MethodGet, "/v2/users/"+uid+"/settings", nil).json(t), "recording")["cloud_recording"]; v != false {
		t.Fatalf("inherited cloud_recording = %v", v)
	}
	e.call(http.MethodPatch, "/v2/users/"+uid+"/settings", map[string]any{"recording": map[string]any{"cloud_recording": true}}).wantStatus(t, http.StatusNoContent)
	if v := section(t, e.call(http.MethodGet, "/v2/users/"+uid+"/settings", nil).json(t), "recording")["cloud_recording"]; v != true {
		t.Fatalf("own cloud_recording = %v", v)
	}
	e.call(http.MethodPatch, "/v2/accounts/me/lock_settings", map[string]any{"recording": map[string]any{"cloud_recording": true}}).wantStatus(t, http.StatusNoContent)
	if v := section(t, e.call(http.MethodGet, "/v2/accounts/me/lock_settings", nil).json(t), "recording")["cloud_recording"]; v != true {
		t.Fatalf("lock = %v", v)
	}
	if v := section(t, e.call(http.MethodGet, "/v2/users/"+uid+"/settings", nil).json(t), "recording")["cloud_recording"]; v != false {
		t.Fatalf("locked cloud_recording on the user = %v, want the account's false", v)
	}
	// ignore (default): 204, the locked value stays.
	e.call(http.MethodPatch, "/v2/users/"+uid+"/settings", map[string]any{"recording": map[string]any{"cloud_recording": true}}).wantStatus(t, http.StatusNoContent)
	if v := section(t, e.call(http.MethodGet, "/v2/users/"+uid+"/settings", nil).json(t), "recording")["cloud_recording"]; v != false {
		t.Fatalf("cloud_recording after a refused write = %v", v)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.LockedSettingUpdate = sandbox.LockedSettingError })
	e.call(http.MethodPatch, "/v2/users/"+uid+"/settings", map[string]any{"recording": map[string]any{"cloud_recording": true}}).
		wantError(t, http.StatusBadRequest, 300, "The setting recording.cloud_recording is locked by the account and cannot be changed.")
}

// meeting_security is only served with option=meeting_security; enumerations are checked.
func TestSettingsMeetingSecurityOptionAndValidation(t *testing.T) {
	e := newEnv(t, nil)
	e.call(http.MethodPatch, "/v2/users/me/settings?option=meeting_security", map[string]any{"meeting_security": map[string]any{"waiting_room": false}}).wantStatus(t, http.StatusNoContent)
	r := e.call(http.MethodGet, "/v2/users/me/settings", nil).json(t)
	if _, ok := r["meeting_security"]; ok {
		t.Fatal("meeting_security without the option")
	}
	if v := section(t, e.call(http.MethodGet, "/v2/users/me/settings?option=meeting_security", nil).json(t), "meeting_security")["waiting_room"]; v != false {
		t.Fatalf("waiting_room = %v", v)
	}
	if v := section(t, r, "schedule_meeting")["participants_video"]; v != false {
		t.Fatalf("participants_video (the user spelling) = %v", v)
	}
	e.call(http.MethodPatch, "/v2/users/me/settings", map[string]any{"recording": map[string]any{"auto_recording": "tape"}}).wantStatus(t, http.StatusBadRequest)
	e.call(http.MethodGet, "/v2/groups/nope/settings", nil).wantError(t, http.StatusNotFound, 4130, "Group does not exist: nope.")
}

// With AddonSeats a licence is granted by userSettingsUpdate until the seats of its capacity run out; Basic users
// cannot hold one; a webinar needs the host's licence.
func TestSettingsAddonSeats(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.AddonSeats = map[string]int{sandbox.AddonSeatKey("webinar", 500): 1} })
	a := e.createUser("autoCreate", "a@example.com", 2)
	b := e.createUser("autoCreate", "b@example.com", 2)
	basic := e.createUser("autoCreate", "c@example.com", 1)
	e.call(http.MethodPost, "/v2/users/"+a+"/webinars", map[string]any{"topic": "x", "type": 5, "start_time": "2030-01-01T10:00:00Z", "duration": 30}).
		wantStatus(t, http.StatusBadRequest)
	grant := map[string]any{"feature": map[string]any{"webinar": true, "webinar_capacity": 500}}
	e.call(http.MethodPatch, "/v2/users/"+a+"/settings", grant).wantStatus(t, http.StatusNoContent)
	e.call(http.MethodPost, "/v2/users/"+a+"/webinars", map[string]any{"topic": "x", "type": 5, "start_time": "2030-01-01T10:00:00Z", "duration": 30}).
		wantStatus(t, http.StatusCreated)
	e.call(http.MethodPatch, "/v2/users/"+b+"/settings", grant).wantError(t, http.StatusBadRequest, 200, "You can add max 1 Webinar 500 users.")
	e.call(http.MethodPatch, "/v2/users/"+basic+"/settings", grant).wantError(t, http.StatusBadRequest, 1122, "Webinar feature can only be enabled for Licensed or On-prem users.")
	e.call(http.MethodPatch, "/v2/users/"+a+"/settings", map[string]any{"feature": map[string]any{"webinar": false}}).wantStatus(t, http.StatusNoContent)
	e.call(http.MethodPatch, "/v2/users/"+b+"/settings", grant).wantStatus(t, http.StatusNoContent)
}

func TestSettingsPaidOnly(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.Plan = sandbox.PlanFree })
	e.call(http.MethodGet, "/v2/accounts/me/settings", nil).wantError(t, http.StatusBadRequest, 200, "Only available for paid account: sandbox-account.")
	e.call(http.MethodGet, "/v2/accounts/other/lock_settings", nil).wantError(t, http.StatusBadRequest, 2001, "Account does not exist: other.")
	e.call(http.MethodPatch, "/v2/accounts/other/settings", map[string]any{}).wantError(t, http.StatusNotFound, 2001, "Account does not exist: other.")
}

// A group's value reaches its members that set nothing; a group lock wins over the member's own value; an account
// lock wins over both and over the group's own value.
func TestSettingsGroupLockResolution(t *testing.T) {
	e := newEnv(t, nil)
	uid := e.createUser("autoCreate", "member@example.com", 2)
	gid, _ := e.call(http.MethodPost, "/v2/groups", map[string]any{"name": "Sales"}).json(t)["id"].(string)
	e.call(http.MethodPost, "/v2/groups/"+gid+"/members", map[string]any{"members": []map[string]any{{"id": uid}}}).wantStatus(t, http.StatusCreated)
	user := func() any {
		return section(t, e.call(http.MethodGet, "/v2/users/"+uid+"/settings", nil).json(t), "recording")["auto_recording"]
	}
	e.call(http.MethodPatch, "/v2/groups/"+gid+"/settings", map[string]any{"recording": map[string]any{"auto_recording": "cloud"}}).wantStatus(t, http.StatusNoContent)
	if v := user(); v != "cloud" {
		t.Fatalf("inherited from the group: %v", v)
	}
	e.call(http.MethodPatch, "/v2/users/"+uid+"/settings", map[string]any{"recording": map[string]any{"auto_recording": "local"}}).wantStatus(t, http.StatusNoContent)
	if v := user(); v != "local" {
		t.Fatalf("own value: %v", v)
	}
	e.call(http.MethodPatch, "/v2/groups/"+gid+"/lock_settings", map[string]any{"recording": map[string]any{"auto_recording": true}}).wantStatus(t, http.StatusNoContent)
	if v := user(); v != "cloud" {
		t.Fatalf("group lock: %v", v)
	}
	e.call(http.MethodPatch, "/v2/accounts/me/lock_settings", map[string]any{"recording": map[string]any{"auto_recording": true}}).wantStatus(t, http.StatusNoContent)
	if v := user(); v != "none" {
		t.Fatalf("account lock: %v, want the account's none", v)
	}
	if v := section(t, e.call(http.MethodGet, "/v2/groups/"+gid+"/settings", nil).json(t), "recording")["auto_recording"]; v != "none" {
		t.Fatalf("group under the account lock: %v", v)
	}
}
