package datasources_test

import (
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// webinarTemplateScenarios lists the account webinar template the sandbox seeds ("Product launch") and a user's
// own template (no other scenario of the account adds templates), and schedules a webinar from a template.
func webinarTemplateScenarios(s *suite) {
	webinarTemplates(s)
	webinarTemplatesSchedule(s)
}

func webinarTemplates(s *suite) {
	env := s.sandbox("zoom") // relies on the seeded account template
	if env == nil {
		return
	}
	user := createUser(s.t, env, 2)
	own, err := env.Sandbox.AddWebinarTemplate(user.ID, "Panel", map[string]any{"panelists_video": true})
	if err != nil {
		s.t.Fatalf("adding a user webinar template: %v", err)
	}
	tmpl := func(name string) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name": knownvalue.StringExact(name), "id": knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`)),
		})
	}

	s.apply("zoom", fmt.Sprintf(`
data "zoom_webinar_templates" "user" {
  user_id = %[1]q
}

data "zoom_webinar_templates" "owner" {
  user_id = "me"
}

data "zoom_webinar_templates" "launch" {
  user_id = %[1]q
  name    = "Product launch"
}

data "zoom_webinar_templates" "own" {
  user_id = %[1]q
  name    = "Panel"
}

data "zoom_webinar_templates" "none" {
  user_id = %[1]q
  name    = "product launch"
}
`, user.Email),
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.user", tfjsonpath.New("templates"),
			knownvalue.ListExact([]knownvalue.Check{tmpl("Product launch"), tmpl("Panel")})),
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.user", tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
		// Another user sees the account template only.
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.owner", tfjsonpath.New("templates"),
			knownvalue.ListExact([]knownvalue.Check{tmpl("Product launch")})),
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.launch", tfjsonpath.New("templates"),
			knownvalue.ListExact([]knownvalue.Check{tmpl("Product launch")})),
		statecheck.CompareValuePairs(
			"data.zoom_webinar_templates.launch", tfjsonpath.New("ids").AtSliceIndex(0),
			"data.zoom_webinar_templates.user", tfjsonpath.New("ids").AtSliceIndex(0), compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.own", tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(own)})),
		// The name filter is an exact, case-sensitive match.
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.none", tfjsonpath.New("templates"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.zoom_webinar_templates.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
	)
	s.fails("zoom", `
data "zoom_webinar_templates" "nobody" {
  user_id = "nobody-`+acctest.RandomName()+`@example.com"
}
`, `Zoom user not found`)
}

// webinarTemplatesSchedule looks a webinar template up by name and schedules a webinar from it, as the
// zoom_webinar example does: the webinar gets the template's settings.
func webinarTemplatesSchedule(s *suite) {
	env := s.sandbox("zoom") // relies on the seeded "Product launch" template
	if env == nil {
		return
	}
	host := createUser(s.t, env, 2)
	start := time.Now().UTC().Add(5 * 24 * time.Hour).Truncate(time.Hour)
	settings := tfjsonpath.New("settings")
	s.apply("zoom", fmt.Sprintf(`
data "zoom_webinar_templates" "for_launch" {
  user_id = %[1]q
  name    = "Product launch"
}

resource "zoom_webinar" "launch" {
  user_id     = %[1]q
  topic       = %[2]q
  start_time  = %[3]q
  duration    = 60
  template_id = data.zoom_webinar_templates.for_launch.ids[0]
}

data "zoom_webinar" "launch" {
  id = zoom_webinar.launch.id
}
`, host.Email, acctest.RandomName(), start.Format(zoomUTC)),
		statecheck.ExpectKnownValue("zoom_webinar.launch", settings.AtMapKey("practice_session"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("zoom_webinar.launch", settings.AtMapKey("hd_video"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("data.zoom_webinar.launch", settings.AtMapKey("question_and_answer").AtMapKey("enable"), knownvalue.Bool(true)),
		statecheck.CompareValuePairs(
			"zoom_webinar.launch", tfjsonpath.New("template_id"),
			"data.zoom_webinar_templates.for_launch", tfjsonpath.New("templates").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
	)
}
