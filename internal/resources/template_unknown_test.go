package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// templateFromDataSource is a meeting or webinar whose template_id comes from the templates data source of a
// zoom_user that the same configuration manages: while that user has changes pending, Terraform reads the data
// source only at apply time, so template_id is unknown in the plan.
func templateFromDataSource(env *acctest.Env, email, kind, dept, name, host string, start time.Time) string {
	return env.Config(fmt.Sprintf(`
resource "zoom_user" "owner" {
  email  = %[1]q
  action = "autoCreate"
  type   = 2
  dept   = %[2]q
}

data "zoom_%[3]s_templates" "t" {
  user_id = zoom_user.owner.id
  name    = %[4]q
}

resource "zoom_%[3]s" "test" {
  user_id     = %[5]s
  topic       = "From a template"
  start_time  = %[6]q
  template_id = data.zoom_%[3]s_templates.t.ids[0]
}
`, email, dept, kind, name, host, zoomUTC(start)))
}

// testTemplateUnknownAtPlan: an existing meeting or webinar is not replaced because its template_id is unknown
// at plan time, nor at apply when the template read then differs (otherName, when given): the template is only
// used at creation.
func testTemplateUnknownAtPlan(t *testing.T, kind, name, otherName string, destroyed func(*acctest.Env) resource.TestCheckFunc) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	email := env.RandomEmail()
	start := futureUTC(96 * time.Hour)
	addr := "zoom_" + kind + ".test"
	dataAddr := "data.zoom_" + kind + "_templates.t"
	sameID := statecheck.CompareValue(compare.ValuesSame())
	host := fmt.Sprintf("%q", env.Host)
	steps := []resource.TestStep{
		{
			Config:            templateFromDataSource(env, email, kind, "Sales", name, host, start),
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(addr, tfjsonpath.New("id"))},
		},
		// An unrelated change to the user defers the data source; the meeting stays.
		{
			Config: templateFromDataSource(env, email, kind, "Marketing", name, host, start),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(dataAddr, plancheck.ResourceActionRead),
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(addr, tfjsonpath.New("id"))},
		},
	}
	if otherName != "" {
		steps = append(steps,
			// The deferred read finds another template: the existing meeting keeps the one it was created from.
			resource.TestStep{
				Config: templateFromDataSource(env, email, kind, "Support", otherName, host, start),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(dataAddr, plancheck.ResourceActionRead),
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(addr, tfjsonpath.New("id"))},
			},
			// A new host replaces it, and the new one is created from the configured template, not the old one.
			resource.TestStep{
				Config: templateFromDataSource(env, email, kind, "Support", otherName, "zoom_user.owner.email", start),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("template_id"), knownvalue.NotNull()),
					statecheck.CompareValuePairs(addr, tfjsonpath.New("template_id"), dataAddr, tfjsonpath.New("ids").AtSliceIndex(0), compare.ValuesSame()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("settings").AtMapKey("participant_video"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("none")),
				},
			},
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed(env), checkUserDestroyed(env)),
		Steps:                    steps,
	})
}

func TestAccMeeting_templateUnknownAtPlan(t *testing.T) {
	testTemplateUnknownAtPlan(t, "meeting", "All-hands", "Training", checkMeetingsDestroyed)
}

func TestAccWebinar_templateUnknownAtPlan(t *testing.T) {
	testTemplateUnknownAtPlan(t, "webinar", "Product launch", "", checkWebinarsDestroyed)
}
