package datasources_test

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// meetingTemplateScenarios lists the two admin templates the sandbox seeds and a user's own template (no other
// scenario of the account adds templates), and schedules a meeting from a template.
func meetingTemplateScenarios(s *suite) {
	meetingTemplates(s)
	meetingTemplatesSchedule(s)
}

func meetingTemplates(s *suite) {
	env := s.sandbox("zoom") // relies on the seeded admin templates
	if env == nil {
		return
	}
	user := createUser(s.t, env, 2)
	own, err := env.Sandbox.AddMeetingTemplate(user.ID, "Standup", false, map[string]any{"waiting_room": true})
	if err != nil {
		s.t.Fatalf("adding a user template: %v", err)
	}
	tmpl := func(name string, typ int64) knownvalue.Check {
		return knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"name": knownvalue.StringExact(name), "type": knownvalue.Int64Exact(typ), "id": knownvalue.NotNull(),
		})
	}

	s.apply("zoom", fmt.Sprintf(`
data "zoom_meeting_templates" "user" {
  user_id = %[1]q
}

data "zoom_meeting_templates" "owner" {
  user_id = "me"
}

data "zoom_meeting_templates" "all_hands" {
  user_id = %[1]q
  name    = "All-hands"
}

data "zoom_meeting_templates" "own" {
  user_id = %[1]q
  name    = "Standup"
}

data "zoom_meeting_templates" "none" {
  user_id = %[1]q
  name    = "all-hands"
}
`, user.Email),
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.user", tfjsonpath.New("templates"),
			knownvalue.ListExact([]knownvalue.Check{tmpl("All-hands", 2), tmpl("Training", 2), tmpl("Standup", 1)})),
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.user", tfjsonpath.New("ids"), knownvalue.ListSizeExact(3)),
		// Another user sees the admin templates only.
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.owner", tfjsonpath.New("templates"),
			knownvalue.ListExact([]knownvalue.Check{tmpl("All-hands", 2), tmpl("Training", 2)})),
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.all_hands", tfjsonpath.New("templates"),
			knownvalue.ListExact([]knownvalue.Check{tmpl("All-hands", 2)})),
		statecheck.CompareValuePairs(
			"data.zoom_meeting_templates.all_hands", tfjsonpath.New("ids").AtSliceIndex(0),
			"data.zoom_meeting_templates.user", tfjsonpath.New("ids").AtSliceIndex(0), compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.own", tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(own)})),
		// The name filter is an exact, case-sensitive match.
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.none", tfjsonpath.New("templates"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.zoom_meeting_templates.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
	)
	s.fails("zoom", `
data "zoom_meeting_templates" "nobody" {
  user_id = "nobody-`+acctest.RandomName()+`@example.com"
}
`, `Zoom user not found`)
}

// meetingTemplatesSchedule looks an admin template up by name and schedules a meeting from it, as the
// zoom_meeting example does: the meeting gets the template's settings.
func meetingTemplatesSchedule(s *suite) {
	env := s.sandbox("zoom") // relies on the seeded "All-hands" template
	if env == nil {
		return
	}
	host := createUser(s.t, env, 2)
	start := time.Now().UTC().Add(5 * 24 * time.Hour).Truncate(time.Hour)
	s.apply("zoom", fmt.Sprintf(`
data "zoom_meeting_templates" "town_hall" {
  user_id = %[1]q
  name    = "All-hands"
}

resource "zoom_meeting" "town_hall" {
  user_id     = %[1]q
  topic       = %[2]q
  start_time  = %[3]q
  duration    = 60
  template_id = data.zoom_meeting_templates.town_hall.ids[0]
}
`, host.Email, acctest.RandomName(), start.Format(zoomUTC)),
		statecheck.ExpectKnownValue("zoom_meeting.town_hall", tfjsonpath.New("settings").AtMapKey("mute_upon_entry"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("zoom_meeting.town_hall", tfjsonpath.New("settings").AtMapKey("auto_recording"), knownvalue.StringExact("cloud")),
		statecheck.CompareValuePairs(
			"zoom_meeting.town_hall", tfjsonpath.New("template_id"),
			"data.zoom_meeting_templates.town_hall", tfjsonpath.New("templates").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
	)
}
