package resources_test

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Zoom may keep only the answers to the questions a meeting or webinar defines, in its own order. Under either
// behaviour the registrants keep the configured answers, with no error and no diff (a diff would replace them:
// custom_questions cannot change in place); a webinar registrant without a language stays without one.
// registrantLifecycle (TestAccEvent_lifecycle) runs this scenario in a sandbox per setting of the questions knob
// (a provider local name each), or once against a real account (under the zoom provider).

// registrantQuestionsProfiles are the sandboxes of the custom-questions scenario, by provider local name.
var registrantQuestionsProfiles = map[string]func(*sandbox.Profile){
	"questionskeep":    registrantQuestionsProfile(sandbox.RegistrantQuestionsKeep),
	"questionsdefined": registrantQuestionsProfile(sandbox.RegistrantQuestionsDefined),
}

func registrantQuestionsProfile(mode string) func(*sandbox.Profile) {
	return func(p *sandbox.Profile) {
		p.RegistrantCustomQuestions = mode
		p.RegistrantDefinedQuestions = []string{"Role", "Team"}
	}
}

// registrantQuestionsConfig is the scenario's configuration for the account of env under provider name prov (a
// new e-mail on every call): a meeting and a webinar with a registrant each, who answers two defined questions
// and one that is not asked.
func registrantQuestionsConfig(prov string, env *acctest.Env) string {
	questions := `[
    { title = "Team", value = "Compilers" },
    { title = "Not asked", value = "x" },
    { title = "Role", value = "Lead" },
  ]`
	return fmt.Sprintf(`
resource "zoom_meeting" "%[1]s_questions" {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-questions"
  start_time = %[3]q
  settings   = { approval_type = 0 }
}

resource "zoom_webinar" "%[1]s_questions" {
  provider   = %[1]s
  user_id    = %[2]q
  topic      = "tf-acc-questions"
  start_time = %[3]q
  settings   = { approval_type = 0 }
}

resource "zoom_meeting_registrant" "%[1]s_questions" {
  provider         = %[1]s
  meeting_id       = zoom_meeting.%[1]s_questions.id
  email            = %[4]q
  first_name       = "Grace"
  custom_questions = %[5]s
}

resource "zoom_webinar_registrant" "%[1]s_questions" {
  provider         = %[1]s
  webinar_id       = zoom_webinar.%[1]s_questions.id
  email            = %[4]q
  first_name       = "Grace"
  custom_questions = %[5]s
}
`, prov, env.Host, zoomUTC(futureUTC(90*time.Hour)), env.RandomEmail(), questions)
}

// registrantQuestionsChecks are the scenario's state checks after the create (the framework's plans after the
// apply and refresh check that nothing differs).
func registrantQuestionsChecks(prov string) []statecheck.StateCheck {
	meeting, webinar := "zoom_meeting_registrant."+prov+"_questions", "zoom_webinar_registrant."+prov+"_questions"
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(meeting, tfjsonpath.New("custom_questions"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownValue(webinar, tfjsonpath.New("custom_questions"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownValue(webinar, tfjsonpath.New("language"), knownvalue.Null()),
	}
}
