package datasources_test

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// settingsScenarios: the settings data sources read the chosen sections; a user's shows the value of an account
// lock, not its own; an unknown section is rejected. The account settings change, so the scenario shares the
// account of usersScenarios (which reads no settings and schedules nothing) rather than the default one.
func settingsScenarios(s *suite) {
	env := s.sandbox("users")
	if env == nil {
		return
	}
	ctx := acctest.Ctx()
	s.rejected("zoom", `
data "zoom_account_settings" "unknown_section" {
  sections = ["feature"]
}
`, `sections.*value must be one of`)
	s.beforeApply = append(s.beforeApply, func() {
		for _, err := range []error{
			env.Client.Settings.UpdateAccount(ctx, "", client.Settings{"recording": {"cloud_recording": false}}),
			env.Client.Settings.UpdateAccountLocks(ctx, "", client.Settings{"recording": {"cloud_recording": true}}),
			env.Client.Settings.UpdateUser(ctx, "me", client.OptionMeetingSecurity, client.Settings{"meeting_security": {"waiting_room": false}}),
		} {
			if err != nil {
				s.t.Fatal(err)
			}
		}
	})
	s.apply("users", fmt.Sprintf(`
data "zoom_account_settings" "all" {
}

data "zoom_user_settings" "owner" {
  user_id  = %q
  sections = ["recording", "meeting_security", "feature"]
}
`, env.Host),
		statecheck.ExpectKnownValue("data.zoom_account_settings.all", tfjsonpath.New("recording").AtMapKey("cloud_recording"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue("data.zoom_account_settings.all", tfjsonpath.New("meeting_security").AtMapKey("waiting_room"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("recording").AtMapKey("cloud_recording"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("meeting_security").AtMapKey("waiting_room"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("feature").AtMapKey("webinar"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("in_meeting"), knownvalue.Null()),
	)
}
