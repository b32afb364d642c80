package errortable

import (
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Scenarios of the settings rows (table_settings.go).
func init() {
	free := func(p *sandbox.Profile) { p.Plan = sandbox.PlanFree }
	body := client.Settings{"recording": {"cloud_recording": true}}
	for k, tr := range map[string]trigger{
		"accountSettings 400 200": {profile: free, call: func(e *env) error { return ignore(e.c.Settings.GetAccount(e.ctx, "")) },
			want: `Only available for paid account`},
		"accountSettingsUpdate 400 200": {profile: free, call: func(e *env) error { return e.c.Settings.UpdateAccount(e.ctx, "", body) }},
		"accountSettingsUpdate 400 300": {call: func(e *env) error {
			return e.c.Settings.UpdateAccount(e.ctx, "", client.Settings{"recording": {"auto_recording": "tape"}})
		}},
		"getAccountLockSettings 400 200":    {profile: free, call: func(e *env) error { return ignore(e.c.Settings.GetAccountLocks(e.ctx, "")) }},
		"updateAccountLockSettings 400 200": {profile: free, call: func(e *env) error { return e.c.Settings.UpdateAccountLocks(e.ctx, "", body) }},
		"getGroupSettings 404 4130": {call: func(e *env) error { return ignore(e.c.Settings.GetGroup(e.ctx, "nogroup", "")) },
			want: `Group does not exist: nogroup`},
		"updateGroupSettings 400 200":  {profile: free, call: func(e *env) error { return e.c.Settings.UpdateGroup(e.ctx, "g", "", body) }},
		"updateGroupSettings 404 4130": {call: func(e *env) error { return e.c.Settings.UpdateGroup(e.ctx, "nogroup", "", body) }},
		"getGroupLockSettings 400 200": {profile: free, call: func(e *env) error { return ignore(e.c.Settings.GetGroupLocks(e.ctx, "g", "")) }},
		"getGroupLockSettings 404 4130": {call: func(e *env) error {
			return ignore(e.c.Settings.GetGroupLocks(e.ctx, "nogroup", client.OptionMeetingSecurity))
		}},
		"groupLockedSettings 400 200":  {profile: free, call: func(e *env) error { return e.c.Settings.UpdateGroupLocks(e.ctx, "g", "", body) }},
		"groupLockedSettings 404 4130": {call: func(e *env) error { return e.c.Settings.UpdateGroupLocks(e.ctx, "nogroup", "", body) }},
		"userSettings 404 1001":        {call: func(e *env) error { return ignore(e.c.Settings.GetUser(e.ctx, "nouser", "")) }},
		"userSettingsUpdate 404 1001":  {call: func(e *env) error { return e.c.Settings.UpdateUser(e.ctx, "nouser", "", body) }},
		"userSettingsUpdate 400 300": {call: func(e *env) error {
			return e.c.Settings.UpdateUser(e.ctx, e.owner(), "", client.Settings{"feature": {"webinar_capacity": 7}})
		}},
		"userSettingsUpdate 400 200": {profile: func(p *sandbox.Profile) { p.AddonSeats = map[string]int{} }, call: func(e *env) error {
			return e.c.Settings.UpdateUser(e.ctx, e.user(2), "", client.Settings{"feature": {"webinar": true, "webinar_capacity": 1000}})
		}, want: `You can add max 0 Webinar 1000 users`},
		"userSettingsUpdate 400 1122": {call: func(e *env) error {
			return e.c.Settings.UpdateUser(e.ctx, e.user(1), "", client.Settings{"feature": {"webinar": true}})
		}, want: `Webinar feature can only be enabled for Licensed`},
		"userSettingsUpdate 400 1108": {call: func(e *env) error {
			return e.c.Settings.UpdateUser(e.ctx, e.user(1), "", client.Settings{"feature": {"large_meeting": true}})
		}, want: `large meeting feature`},
	} {
		triggers[k] = tr
	}
}
