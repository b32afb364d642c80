package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Zoom may keep only the answers to the questions a meeting or webinar defines, in its own order. Under either
// behaviour the registrants keep the configured answers, with no error and no diff (a diff would replace them:
// custom_questions cannot change in place); a webinar registrant without a language stays without one.
func TestAccRegistrant_customQuestionsUnderEveryKnob(t *testing.T) {
	for _, mode := range []string{sandbox.RegistrantQuestionsKeep, sandbox.RegistrantQuestionsDefined} {
		t.Run(mode, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) {
				p.RegistrantCustomQuestions = mode
				p.RegistrantDefinedQuestions = []string{"Role", "Team"}
			})
			start := zoomUTC(futureUTC(90 * time.Hour))
			questions := `[
    { title = "Team", value = "Compilers" },
    { title = "Not asked", value = "x" },
    { title = "Role", value = "Lead" },
  ]`
			config := env.Config(fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %[1]q
  topic      = "tf-acc-questions"
  start_time = %[2]q
  settings   = { approval_type = 0 }
}

resource "zoom_webinar" "w" {
  user_id    = %[1]q
  topic      = "tf-acc-questions"
  start_time = %[2]q
  settings   = { approval_type = 0 }
}

resource "zoom_meeting_registrant" "test" {
  meeting_id       = zoom_meeting.m.id
  email            = %[3]q
  first_name       = "Grace"
  custom_questions = %[4]s
}

resource "zoom_webinar_registrant" "test" {
  webinar_id       = zoom_webinar.w.id
  email            = %[3]q
  first_name       = "Grace"
  custom_questions = %[4]s
}
`, env.Host, start, env.RandomEmail(), questions))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: config,
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(meetingRegistrantAddr, tfjsonpath.New("custom_questions"), knownvalue.ListSizeExact(3)),
							statecheck.ExpectKnownValue("zoom_webinar_registrant.test", tfjsonpath.New("custom_questions"), knownvalue.ListSizeExact(3)),
							statecheck.ExpectKnownValue("zoom_webinar_registrant.test", tfjsonpath.New("language"), knownvalue.Null()),
						},
					},
				},
			})
		})
	}
}
