package resources_test

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// The settings resources have no object of their own: creating one is its first apply, and destroying it sends
// nothing. An out-of-band delete does not apply to them (a settings tree cannot be deleted); when the group or
// user goes, Read drops the resource.

// expectChanges is a plan check: addr is updated in place and exactly the leaf paths want differ between its
// prior and planned values.
func expectChanges(addr string, want ...string) plancheck.PlanCheck {
	return updatePathsCheck{addr: addr, want: want, report: "the plan changes [%s]",
		paths: func(c *tfjson.Change) []string { return diffPaths("", c.Before, c.After) }}
}

func diffPaths(at string, before, after any) []string {
	b, bok := before.(map[string]any)
	a, aok := after.(map[string]any)
	if !bok || !aok {
		if reflect.DeepEqual(before, after) {
			return nil
		}
		return []string{at}
	}
	var out []string
	for k := range a {
		p := k
		if at != "" {
			p = at + "." + k
		}
		out = append(out, diffPaths(p, b[k], a[k])...)
	}
	return out
}

// allOf matches an output holding every pattern, in any order (errors of resources applied in parallel come in any
// order).
func allOf(patterns ...string) *regexp.Regexp {
	var alts []string
	var perm func(done []string, rest []string)
	perm = func(done, rest []string) {
		if len(rest) == 0 {
			alts = append(alts, strings.Join(done, ".*"))
			return
		}
		for i := range rest {
			next := append(append([]string(nil), rest[:i]...), rest[i+1:]...)
			perm(append(append([]string(nil), done...), rest[i]), next)
		}
	}
	perm(nil, patterns)
	return regexp.MustCompile(`(?s)(` + strings.Join(alts, "|") + `)`)
}

// patches counts the PATCH requests the sandbox answered on route (a path template such as
// "/v2/accounts/{accountId}/settings").
func patches(env *acctest.Env, route string) int {
	n := 0
	for _, r := range env.Sandbox.Requests() {
		if r.Route == "PATCH "+route {
			n++
		}
	}
	return n
}

func settingValue(t *testing.T, get func() (client.Settings, error), section, name string) any {
	t.Helper()
	s, err := get()
	if err != nil {
		t.Fatal(err)
	}
	return s[section][name]
}

// TestAccSettings_matrix runs, in one TestCase and one configuration, the settings scenarios below, each on an
// account of its own (several scenarios per step; each TestCase and step costs terraform processes, resources in
// a configuration barely do).
//
// Account (provider zoommatrix): account settings and account lock settings: create, one PATCH per changed
// section holding only the changed settings, drift on exactly one setting, import, plan-time validation, destroy
// sends nothing. Unmanaged (provider zoomunmanaged, an account of its own, in the drift step): removing a setting
// from the configuration stops managing it.
//
// Users (provider zoomusers): user, group and group lock settings: a setting inherited from a group lock shows no
// diff on the user; drift on exactly one setting of a user (c); a locked setting written on a user is refused with
// the lock named; a webinar add-on granted to a user lets that user host a webinar in the same apply; running out
// of add-on seats (d) names the add-on and loses nothing else.
//
// Baseline (the default provider): the security-baseline example (account settings with locks, one group with
// recording settings) applies and re-plans empty (the framework plans again after the apply and fails on a
// difference). Against a real account only this scenario runs.
func TestAccSettings_matrix(t *testing.T) {
	env := acctest.New(t)
	baseline, err := os.ReadFile("../../examples/security-baseline/baseline.tf")
	if err != nil {
		t.Fatal(err)
	}
	baselineChecks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("zoom_account_lock_settings.baseline", tfjsonpath.New("meeting_security").AtMapKey("waiting_room"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("zoom_group_settings.legal", tfjsonpath.New("recording").AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
	}
	if acctest.RealAccount() {
		acctest.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: env.Config(string(baseline)), ConfigStateChecks: baselineChecks}},
		})
		return
	}
	ctx := acctest.Ctx()

	// Account.
	accEnv := acctest.New(t)
	account := func() (client.Settings, error) { return accEnv.Client.Settings.GetAccount(ctx, "") }
	accountBody := func(chat bool, autoRecording string) string {
		return accEnv.ProviderBlock("zoommatrix") + withProvider("zoommatrix", fmt.Sprintf(`
resource "zoom_account_settings" "test" {
  in_meeting = {
    chat = %t
  }
  recording = {
    cloud_recording = true
    auto_recording  = %q
  }
  meeting_security = {
    waiting_room = true
  }
}

resource "zoom_account_lock_settings" "test" {
  meeting_security = {
    waiting_room = true
  }
}
`, chat, autoRecording))
	}
	accountPatches := func() int {
		return patches(accEnv, "/v2/accounts/{accountId}/settings") + patches(accEnv, "/v2/accounts/{accountId}/lock_settings")
	}
	var patchesAfterApply int

	// Unmanaged.
	unEnv := acctest.New(t)
	unmanagedBody := func(chat bool) string {
		in := ""
		if chat {
			in = "    chat = false\n"
		}
		return unEnv.ProviderBlock("zoomunmanaged") + withProvider("zoomunmanaged", fmt.Sprintf(`
resource "zoom_account_settings" "unmanaged" {
  in_meeting = {
%s  }
}
`, in))
	}
	unPatches := func() int {
		return patches(unEnv, "/v2/accounts/{accountId}/settings") + patches(unEnv, "/v2/accounts/{accountId}/lock_settings")
	}

	// Users.
	users := acctest.New(t, func(p *sandbox.Profile) {
		p.AddonSeats = map[string]int{sandbox.AddonSeatKey("webinar", 500): 1}
	})
	emailA, emailB, emailC, emailD, group := users.RandomEmail(), users.RandomEmail(), users.RandomEmail(), users.RandomEmail(), acctest.RandomName()
	// d is the user the add-on scenario runs on: in no group, so no lock stands in the way of its other change.
	dBody := func(chat, extra string) string {
		return withProvider("zoomusers", fmt.Sprintf(`
resource "zoom_user" "d" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user_settings" "d" {
  user_id = zoom_user.d.id
  in_meeting = {
    chat = %s
  }
%s
}
`, emailD, chat, extra))
	}
	usersBody := func(extraA, extraB, webinarB string, extraG ...string) string {
		return users.ProviderBlock("zoomusers") + withProvider("zoomusers", fmt.Sprintf(`
resource "zoom_user" "a" {
  email  = %[1]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user" "b" {
  email  = %[2]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_group" "test" {
  name = %[3]q
}

resource "zoom_group_member" "b" {
  group_id = zoom_group.test.id
  user_id  = zoom_user.b.id
}

resource "zoom_group_settings" "test" {
  group_id = zoom_group.test.id
  recording = {
    auto_recording = "cloud"
  }
%[7]s
}

resource "zoom_group_lock_settings" "test" {
  group_id = zoom_group.test.id
  recording = {
    auto_recording = true
  }
}

resource "zoom_user_settings" "a" {
  user_id = zoom_user.a.id
  feature = {
    webinar          = true
    webinar_capacity = 500
  }
  in_meeting = {
    chat = false
  }
%[4]s
}

resource "zoom_user" "c" {
  email  = %[8]q
  action = "autoCreate"
  type   = 2
}

resource "zoom_user_settings" "c" {
  user_id = zoom_user.c.id
  in_meeting = {
    chat = false
  }
}

resource "zoom_user_settings" "b" {
  user_id = zoom_user.b.id
  in_meeting = {
    chat = %[6]s
  }
%[5]s
  depends_on = [zoom_group_member.b, zoom_group_lock_settings.test]
}

resource "zoom_webinar" "test" {
  user_id    = zoom_user_settings.a.user_id
  topic      = "tf-acc-settings"
  start_time = "2031-03-04T10:00:00Z"
}
`, emailA, emailB, group, extraA, extraB, webinarB, strings.Join(extraG, "\n"), emailC))
	}
	const (
		accountLocked      = `meeting_security\.waiting_room\s+is\s+locked\s+by\s+the\s+account's\s+lock\s+settings`
		groupLocked        = `recording\.auto_recording\s+is\s+locked\s+by\s+the\s+lock\s+settings\s+of\s+group`
		groupAccountLocked = `in_meeting\.file_transfer\s+is\s+locked\s+by\s+the\s+account's\s+lock\s+settings`
	)

	config := func(account, user string) string { return env.Config(string(baseline)) + account + user }
	accountLocal := accountBody(false, "local")
	accountCloud := accountBody(false, "cloud") + unmanagedBody(true)
	usersOK := usersBody("", "", "false") + dBody("false", "")

	last := config(accountLocal+unmanagedBody(false), usersBody("", "", "false")+dBody("true", ""))
	errs := &stepErrors{t: t}
	var imports importCopies
	imports.add(last, "zoom_account_settings.unmanaged", "zoomunmanaged", `"me"`)
	imports.add(last, "zoom_account_lock_settings.test", "zoommatrix", `"me"`)
	imports.add(last, "zoom_user_settings.a", "zoomusers", "zoom_user.a.id")
	imports.add(last, "zoom_group_settings.test", "zoomusers", "zoom_group.test.id")
	imports.add(last, "zoom_group_lock_settings.test", "zoomusers", "zoom_group.test.id")

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed("zoommatrix", "zoomunmanaged", "zoomusers"),
		ErrorCheck:               errs.check,
		CheckDestroy: func(*terraform.State) error {
			// Account, unmanaged: destroy sends nothing; Zoom keeps the values it has.
			if n := accountPatches() + unPatches(); n != patchesAfterApply {
				return fmt.Errorf("destroy sent %d settings PATCH requests", n-patchesAfterApply)
			}
			if v := settingValue(t, account, "in_meeting", "chat"); v != false {
				return fmt.Errorf("in_meeting.chat after destroy = %v", v)
			}
			unmanaged := func() (client.Settings, error) { return unEnv.Client.Settings.GetAccount(ctx, "") }
			if v := settingValue(t, unmanaged, "in_meeting", "chat"); v != true {
				return fmt.Errorf("unmanaged: in_meeting.chat after destroy = %v", v)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// Account: plan-time validation.
			{
				Config:      config(accountBody(true, "tape"), ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)auto_recording.*value must be one of`),
			},
			// Created: every scenario.
			{
				PreConfig: func() {
					// Users: locks of the account.
					if err := users.Client.Settings.UpdateAccountLocks(ctx, client.OptionMeetingSecurity,
						client.Settings{"meeting_security": {"waiting_room": true}}); err != nil {
						t.Fatal(err)
					}
					if err := users.Client.Settings.UpdateAccountLocks(ctx, "", client.Settings{"in_meeting": {"file_transfer": true}}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(accountCloud, usersOK),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append([]statecheck.StateCheck{
					// Account.
					statecheck.ExpectKnownValue("zoom_account_settings.test", tfjsonpath.New("in_meeting").AtMapKey("chat"), knownvalue.Bool(false)),
					// Unmanaged settings follow Zoom: the plan's default is read back.
					statecheck.ExpectKnownValue("zoom_account_settings.test", tfjsonpath.New("in_meeting").AtMapKey("polling"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("zoom_account_lock_settings.test", tfjsonpath.New("recording").AtMapKey("cloud_recording"), knownvalue.Bool(false)),
					acctest.CheckNow(func() error {
						// One PATCH per section: in_meeting, recording, meeting_security; one for the locks.
						if n := patches(accEnv, "/v2/accounts/{accountId}/settings"); n != 3 {
							return fmt.Errorf("create sent %d account settings PATCH requests, want 3", n)
						}
						if n := patches(accEnv, "/v2/accounts/{accountId}/lock_settings"); n != 1 {
							return fmt.Errorf("create sent %d lock settings PATCH requests, want 1", n)
						}
						return nil
					}),
					// Users: inherited from the group's lock, unmanaged on the user: the group's value, and no diff.
					statecheck.ExpectKnownValue("zoom_user_settings.b", tfjsonpath.New("recording").AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
					statecheck.ExpectKnownValue("zoom_user_settings.a", tfjsonpath.New("feature").AtMapKey("webinar"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("zoom_webinar.test", tfjsonpath.New("topic"), knownvalue.StringExact("tf-acc-settings")),
				}, baselineChecks...)...)}},
			},
			{
				// Users: locked settings written on users, refused before anything is sent, naming the lock,
				// whatever Zoom would answer to the write (sandbox knob locked_setting_update). A second webinar
				// seat does not exist; the error names the add-on, and d's other change is written.
				PreConfig: func() {
					errs.expect(
						diagAbout("zoom_user_settings.a", accountLocked),
						diagAbout("zoom_user_settings.b", groupLocked),
						diagAbout("zoom_group_settings.test", groupAccountLocked),
						diagAbout("zoom_user_settings.d", `cannot give this user the Webinar add-on.*You can add max 1 Webinar 500 users`),
					)()
					users.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.LockedSettingUpdate = sandbox.LockedSettingError })
				},
				Config: config(accountCloud, usersBody(`  meeting_security = {
    waiting_room = false
  }`, `  recording = {
    auto_recording = "local"
  }`, "false", `  in_meeting = {
    file_transfer = true
  }`)+dBody("true", "  feature = { webinar = true }")),
			},
			{
				PreConfig: func() {
					// Account: out of band, in the portal, a managed setting and an unmanaged one.
					if err := accEnv.Client.Settings.UpdateAccount(ctx, "", client.Settings{"in_meeting": {"chat": true, "polling": false}}); err != nil {
						t.Fatal(err)
					}
					// Users: d's change was written despite the refused licence.
					d, err := users.Client.Users.Get(ctx, emailD)
					if err != nil {
						t.Fatal(err)
					}
					if v := settingValue(t, func() (client.Settings, error) { return users.Client.Settings.GetUser(ctx, d.ID, "") }, "in_meeting", "chat"); v != true {
						t.Fatalf("in_meeting.chat of d after the refused licence = %v, want true (written)", v)
					}
					// Users: drift on a user, in the portal c's chat is turned on.
					c, err := users.Client.Users.Get(ctx, emailC)
					if err != nil {
						t.Fatal(err)
					}
					if err := users.Client.Settings.UpdateUser(ctx, c.ID, "", client.Settings{"in_meeting": {"chat": true}, "recording": {"save_chat_text": false}}); err != nil {
						t.Fatal(err)
					}
					// Unmanaged: in the portal, the setting the configuration no longer names.
					if err := unEnv.Client.Settings.UpdateAccount(ctx, "", client.Settings{"in_meeting": {"chat": true}}); err != nil {
						t.Fatal(err)
					}
				},
				// Account: drift on exactly the managed setting; the unmanaged one follows Zoom. The update changes
				// auto_recording too: one PATCH per section that changed, and polling (unmanaged) keeps Zoom's value.
				// Users: drift on exactly c's chat. Unmanaged: removing a setting from the configuration stops managing
				// it: no diff, nothing sent. Import: every settings type is imported (ImportStateVerify, through
				// importCopies: their destroy sends nothing, so a copy may share the settings of its original).
				Config: last + imports.config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{
					expectChanges("zoom_account_settings.test", "in_meeting.chat", "recording.auto_recording"),
					plancheck.ExpectResourceAction("zoom_account_lock_settings.test", plancheck.ResourceActionNoop),
					expectChanges("zoom_user_settings.c", "in_meeting.chat"),
					plancheck.ExpectResourceAction("zoom_account_settings.unmanaged", plancheck.ResourceActionNoop),
				}, imports.checks...), PostApplyPreRefresh: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("zoom_account_settings.test", tfjsonpath.New("in_meeting").AtMapKey("polling"), knownvalue.Bool(false)),
					apiCheck(func() error {
						if n := patches(accEnv, "/v2/accounts/{accountId}/settings"); n != 6 {
							return fmt.Errorf("%d account settings PATCH requests in all, want 6 (3 creating, 1 out of band, 2 updating)", n)
						}
						if v := settingValue(t, account, "in_meeting", "polling"); v != false {
							return fmt.Errorf("the update overwrote the unmanaged in_meeting.polling: %v", v)
						}
						if n := unPatches(); n != 2 {
							return fmt.Errorf("unmanaged: %d settings PATCH requests in all, want 2 (1 creating, 1 out of band)", n)
						}
						patchesAfterApply = accountPatches() + unPatches()
						return nil
					}),
					stateAfterApply(imports.stateChecks...),
				}},
			},
		},
	})
	errs.done()
}
