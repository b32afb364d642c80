package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// The settings data sources read the chosen sections; a user's shows the value of an account lock, not its own.
func TestAccSettingsDataSources(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	ctx := acctest.Ctx()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(`data "zoom_account_settings" "x" { sections = ["feature"] }`),
				ExpectError: regexp.MustCompile(`(?s)sections.*value must be one of`),
			},
			{
				PreConfig: func() {
					for _, err := range []error{
						env.Client.Settings.UpdateAccount(ctx, "", client.Settings{"recording": {"cloud_recording": false}}),
						env.Client.Settings.UpdateAccountLocks(ctx, "", client.Settings{"recording": {"cloud_recording": true}}),
						env.Client.Settings.UpdateUser(ctx, "me", client.OptionMeetingSecurity, client.Settings{"meeting_security": {"waiting_room": false}}),
					} {
						if err != nil {
							t.Fatal(err)
						}
					}
				},
				Config: env.Config(fmt.Sprintf(`
data "zoom_account_settings" "all" {}

data "zoom_user_settings" "owner" {
  user_id  = %q
  sections = ["recording", "meeting_security", "feature"]
}
`, env.Host)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.zoom_account_settings.all", tfjsonpath.New("recording").AtMapKey("cloud_recording"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("data.zoom_account_settings.all", tfjsonpath.New("meeting_security").AtMapKey("waiting_room"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("recording").AtMapKey("cloud_recording"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("meeting_security").AtMapKey("waiting_room"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("feature").AtMapKey("webinar"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.zoom_user_settings.owner", tfjsonpath.New("in_meeting"), knownvalue.Null()),
				},
			},
		},
	})
}
