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

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// templateFromDataSource is a meeting or webinar (zoom_<kind>.<name>, on the provider of local name prov) whose
// template_id comes from the templates data source of a zoom_user that the same configuration manages: while that
// user has changes pending, Terraform reads the data source only at apply time, so template_id is unknown in the
// plan. host is the meeting's user_id expression.
func templateFromDataSource(name, prov, email, kind, dept, template, host string, start time.Time) string {
	return fmt.Sprintf(`
resource "zoom_user" "%[1]s_owner" {
  provider = %[8]s
  email    = %[2]q
  action   = "autoCreate"
  type     = 2
  dept     = %[3]q
}

data "zoom_%[4]s_templates" %[1]q {
  provider = %[8]s
  user_id  = zoom_user.%[1]s_owner.id
  name     = %[5]q
}

resource "zoom_%[4]s" %[1]q {
  provider    = %[8]s
  user_id     = %[6]s
  topic       = "From a template"
  start_time  = %[7]q
  template_id = data.zoom_%[4]s_templates.%[1]s.ids[0]
}
`, name, email, dept, kind, template, host, zoomUTC(start), prov)
}

// meetingTemplate (formerly TestAccMeeting_template, now on the four applies of TestAccMeeting_scheduled) creates a
// meeting from an account template (its settings apply, a set setting wins); the template is only used at
// creation: another one leaves the existing meeting as it is (with a warning), and replacing it (taint, or apply
// -replace) creates it from the new template (zoom_meeting.zoomtemplate).
//
// The same steps carry, on the same sandbox (provider zoomtemplate), an existing meeting (zoomdeferred) and webinar
// (zoomdeferredwebinar) that are not replaced because their template_id is unknown at plan time, nor at apply
// when the template read then differs: a new host replaces the meeting, created from the configured template.
type meetingTemplate struct {
	set                        sandboxSet
	start                      string
	deferredStart              time.Time
	meetingEmail, webinarEmail string
	versions                   []templateVersion
	// sameID and sameWebinarID compare the deferred meeting's and webinar's IDs across the applies.
	sameID, sameWebinarID interface {
		AddStateValue(string, tfjsonpath.Path) statecheck.StateCheck
	}
}

// templateVersion is, per apply: the template of zoom_meeting.zoomtemplate; the deferred meeting's owner
// department, template and host; the deferred webinar's owner department.
type templateVersion struct{ template, dept, deferredTemplate, host, webinarDept string }

const (
	tmplAddr, tmplDeferredAddr, tmplWebinarAddr = "zoom_meeting.zoomtemplate", "zoom_meeting.zoomdeferred", "zoom_webinar.zoomdeferredwebinar"
	tmplDataAddr, tmplWebinarDataAddr           = "data.zoom_meeting_templates.zoomdeferred", "data.zoom_webinar_templates.zoomdeferredwebinar"
)

func newMeetingTemplate(t *testing.T) *meetingTemplate {
	set := newSandboxes(t, map[string]func(*sandbox.Profile){"zoomtemplate": nil})
	env := set.envs["zoomtemplate"]
	m := &meetingTemplate{
		set: set, start: zoomUTC(futureUTC(50 * time.Hour)), deferredStart: futureUTC(96 * time.Hour),
		meetingEmail: env.RandomEmail(), webinarEmail: env.RandomEmail(),
		sameID: statecheck.CompareValue(compare.ValuesSame()), sameWebinarID: statecheck.CompareValue(compare.ValuesSame()),
	}
	deferredHost := fmt.Sprintf("%q", env.Host)
	v1 := templateVersion{"All-hands", "Sales", "All-hands", deferredHost, "Sales"}
	// An unrelated change to the owners defers the data sources; the meeting and webinar stay.
	v2 := templateVersion{"Training", "Marketing", "All-hands", deferredHost, "Marketing"}
	// The deferred read finds another template: the existing meeting keeps the one it was created from.
	v3 := templateVersion{"Training", "Support", "Training", deferredHost, "Marketing"}
	// A new host replaces it, and the new one is created from the configured template, not the old one.
	v4 := v3
	v4.host = "zoom_user.zoomdeferred_owner.email"
	m.versions = []templateVersion{v1, v2, v3, v4}
	return m
}

// names are the provider local names of the scenario's sandbox.
func (m *meetingTemplate) names() []string { return m.set.names }

// config is the scenario's provider block and resources for apply i (0 to 3).
func (m *meetingTemplate) config(i int) string {
	const name = "zoomtemplate"
	v := m.versions[i]
	env := m.set.envs[name]
	return env.ProviderBlock(name) + fmt.Sprintf(`
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
`, name, env.Host, v.template, m.start) +
		templateFromDataSource("zoomdeferred", name, m.meetingEmail, "meeting", v.dept, v.deferredTemplate, v.host, m.deferredStart) +
		templateFromDataSource("zoomdeferredwebinar", name, m.webinarEmail, "webinar", v.webinarDept, "Product launch", fmt.Sprintf("%q", env.Host), m.deferredStart)
}

// taint is what apply i taints.
func (m *meetingTemplate) taint(i int) []string {
	if i == 2 {
		return []string{tmplAddr}
	}
	return nil
}

// checks returns, for apply i, the checks of its plan and of the state after it (call it once per apply).
func (m *meetingTemplate) checks(i int) (preApply []plancheck.PlanCheck, state []statecheck.StateCheck) {
	sameID := func() statecheck.StateCheck { return m.sameID.AddStateValue(tmplDeferredAddr, tfjsonpath.New("id")) }
	sameWebinarID := func() statecheck.StateCheck {
		return m.sameWebinarID.AddStateValue(tmplWebinarAddr, tfjsonpath.New("id"))
	}
	deferred := func(data, res string) []plancheck.PlanCheck {
		return []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(data, plancheck.ResourceActionRead),
			plancheck.ExpectResourceAction(res, plancheck.ResourceActionNoop),
		}
	}
	switch i {
	case 0:
		return nil, []statecheck.StateCheck{
			statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
			statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("host_video"), knownvalue.Bool(true)),
			sameID(), sameWebinarID(),
		}
	case 1:
		return append(append(deferred(tmplDataAddr, tmplDeferredAddr), deferred(tmplWebinarDataAddr, tmplWebinarAddr)...),
				plancheck.ExpectResourceAction(tmplAddr, plancheck.ResourceActionNoop)),
			[]statecheck.StateCheck{sameID(), sameWebinarID()}
	case 2:
		return append(deferred(tmplDataAddr, tmplDeferredAddr),
				plancheck.ExpectResourceAction(tmplAddr, plancheck.ResourceActionDestroyBeforeCreate)),
			[]statecheck.StateCheck{
				statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("host_video"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(tmplAddr, tfjsonpath.New("settings").AtMapKey("participant_video"), knownvalue.Bool(false)),
				sameID(),
			}
	}
	return []plancheck.PlanCheck{plancheck.ExpectResourceAction(tmplDeferredAddr, plancheck.ResourceActionDestroyBeforeCreate)},
		[]statecheck.StateCheck{
			statecheck.ExpectKnownValue(tmplDeferredAddr, tfjsonpath.New("template_id"), knownvalue.NotNull()),
			statecheck.CompareValuePairs(tmplDeferredAddr, tfjsonpath.New("template_id"), tmplDataAddr, tfjsonpath.New("ids").AtSliceIndex(0), compare.ValuesSame()),
			statecheck.ExpectKnownValue(tmplDeferredAddr, tfjsonpath.New("settings").AtMapKey("participant_video"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(tmplDeferredAddr, tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("none")),
		}
}

// destroyed checks that destroy left nothing behind in the scenario's sandboxes.
func (m *meetingTemplate) destroyed() []resource.TestCheckFunc {
	var out []resource.TestCheckFunc
	for _, env := range m.set.envs {
		out = append(out, checkMeetingsDestroyed(env), checkWebinarsDestroyed(env), checkUserDestroyed(env))
	}
	return out
}
