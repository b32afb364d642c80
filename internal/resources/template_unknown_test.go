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
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// templateFromDataSource is a meeting or webinar (zoom_<kind>.<name>, on the provider of that local name) whose
// template_id comes from the templates data source of a zoom_user that the same configuration manages: while that
// user has changes pending, Terraform reads the data source only at apply time, so template_id is unknown in the
// plan. host is the meeting's user_id expression.
func templateFromDataSource(name, email, kind, dept, template, host string, start time.Time) string {
	return fmt.Sprintf(`
resource "zoom_user" "%[1]s_owner" {
  provider = %[1]s
  email    = %[2]q
  action   = "autoCreate"
  type     = 2
  dept     = %[3]q
}

data "zoom_%[4]s_templates" %[1]q {
  provider = %[1]s
  user_id  = zoom_user.%[1]s_owner.id
  name     = %[5]q
}

resource "zoom_%[4]s" %[1]q {
  provider    = %[1]s
  user_id     = %[6]s
  topic       = "From a template"
  start_time  = %[7]q
  template_id = data.zoom_%[4]s_templates.%[1]s.ids[0]
}
`, name, email, dept, kind, template, host, zoomUTC(start))
}

// TestAccMeeting_template creates a meeting from an account template (its settings apply, a set setting wins);
// the template is only used at creation: another one leaves the existing meeting as it is (with a warning), and
// replacing it (taint, or apply -replace) creates it from the new template (zoom_meeting.zoomtemplate).
//
// The same steps carry, each on a sandbox of its own, an existing meeting (zoomdeferred) and webinar
// (zoomdeferredwebinar) that are not replaced because their template_id is unknown at plan time, nor at apply
// when the template read then differs: a new host replaces the meeting, created from the configured template.
func TestAccMeeting_template(t *testing.T) {
	set := newSandboxes(t, map[string]func(*sandbox.Profile){"zoomtemplate": nil, "zoomdeferred": nil, "zoomdeferredwebinar": nil})
	start := zoomUTC(futureUTC(50 * time.Hour))
	deferredStart := futureUTC(96 * time.Hour)
	meetingEmail, webinarEmail := set.envs["zoomdeferred"].RandomEmail(), set.envs["zoomdeferredwebinar"].RandomEmail()
	const tmplAddr, addr, webinarAddr = "zoom_meeting.zoomtemplate", "zoom_meeting.zoomdeferred", "zoom_webinar.zoomdeferredwebinar"
	const dataAddr, webinarDataAddr = "data.zoom_meeting_templates.zoomdeferred", "data.zoom_webinar_templates.zoomdeferredwebinar"
	// Per step: the template of zoom_meeting.zoomtemplate; the deferred meeting's owner department, template
	// and host; the deferred webinar's owner department.
	type version struct{ template, dept, deferredTemplate, host, webinarDept string }
	config := func(v version) string {
		return set.config(func(name string, env *acctest.Env) string {
			switch name {
			case "zoomdeferred":
				return templateFromDataSource(name, meetingEmail, "meeting", v.dept, v.deferredTemplate, v.host, deferredStart)
			case "zoomdeferredwebinar":
				return templateFromDataSource(name, webinarEmail, "webinar", v.webinarDept, "Product launch", fmt.Sprintf("%q", env.Host), deferredStart)
			}
			return fmt.Sprintf(`
data "zoom_meeting_templates" %[1]q {
  provider = %[1]s
  user_id  = %[2]q
  name     = %[3]q
}

resource "zoom_meeting" %[1]q {
  provider    = %[1]s
  user_id     = %[2]q
  topic       = "tf-acc-from-template"
  start_time  = %[4]q
  template_id = data.zoom_meeting_templates.%[1]s.ids[0]
  settings = {
    host_video = true
  }
}
`, name, env.Host, v.template, start)
		})
	}
	deferredHost := fmt.Sprintf("%q", set.envs["zoomdeferred"].Host)
	v1 := version{"All-hands", "Sales", "All-hands", deferredHost, "Sales"}
	// An unrelated change to the owners defers the data sources; the meeting and webinar stay.
	v2 := version{"Training", "Marketing", "All-hands", deferredHost, "Marketing"}
	// The deferred read finds another template: the existing meeting keeps the one it was created from.
	v3 := version{"Training", "Support", "Training", deferredHost, "Marketing"}
	// A new host replaces it, and the new one is created from the configured template, not the old one.
	v4 := v3
	v4.host = "zoom_user.zoomdeferred_owner.email"

	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameWebinarID := statecheck.CompareValue(compare.ValuesSame())
	deferred := func(data, res string) []plancheck.PlanCheck {
		return []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(data, plancheck.ResourceActionRead),
			plancheck.ExpectResourceAction(res, plancheck.ResourceActionNoop),
		}
	}
	var destroyed []resource.TestCheckFunc
	for _, env := range set.envs {
		destroyed = append(destroyed, checkMeetingsDestroyed(env), checkWebinarsDestroyed(env), checkUserDestroyed(env))
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: set.factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		Steps: []resource.TestStep{
			{
				Config: config(v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(
					statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
					statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("host_video"), knownvalue.Bool(true)),
					sameID.AddStateValue(addr, tfjsonpath.New("id")),
					sameWebinarID.AddStateValue(webinarAddr, tfjsonpath.New("id")),
				)}},
			},
			{
				Config: config(v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: append(append(deferred(dataAddr, addr), deferred(webinarDataAddr, webinarAddr)...),
						plancheck.ExpectResourceAction(tmplAddr, plancheck.ResourceActionNoop)),
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(
						sameID.AddStateValue(addr, tfjsonpath.New("id")),
						sameWebinarID.AddStateValue(webinarAddr, tfjsonpath.New("id")),
					)},
				},
			},
			{
				Config: config(v3), Taint: []string{tmplAddr},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: append(deferred(dataAddr, addr),
						plancheck.ExpectResourceAction(tmplAddr, plancheck.ResourceActionDestroyBeforeCreate)),
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(
						statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("host_video"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("participant_video"), knownvalue.Bool(false)),
						sameID.AddStateValue(addr, tfjsonpath.New("id")),
					)},
				},
			},
			{
				Config: config(v4),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("template_id"), knownvalue.NotNull()),
						statecheck.CompareValuePairs(addr, tfjsonpath.New("template_id"), dataAddr, tfjsonpath.New("ids").AtSliceIndex(0), compare.ValuesSame()),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("settings").AtMapKey("participant_video"), knownvalue.Bool(false)),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("none")),
					)},
				},
			},
		},
	})
}
