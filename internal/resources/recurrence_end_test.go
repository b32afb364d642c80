package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Zoom may move recurrence.end_date_time to the end of that day. Under either behaviour a recurring meeting and
// webinar keep the configured end_date_time, with no error and no diff, also after changing it.
func TestAccRecurrence_endDateTimeUnderEveryKnob(t *testing.T) {
	// Both behaviours in one TestCase and one configuration, each with its own sandbox and provider instance.
	set := newSandboxes(t, map[string]func(*sandbox.Profile){
		"zoomendexact": func(p *sandbox.Profile) { p.RecurrenceEndDateTime = sandbox.RecurrenceEndExact },
		"zoomendofday": func(p *sandbox.Profile) { p.RecurrenceEndDateTime = sandbox.RecurrenceEndEndOfDay },
	})
	berlin, _ := time.LoadLocation("Europe/Berlin")
	first := time.Now().In(berlin).AddDate(0, 0, 10)
	local := time.Date(first.Year(), first.Month(), first.Day(), 10, 30, 0, 0, berlin)
	config := func(endDays int) string {
		// An end in UTC and one with an offset: both name 11:00 Berlin time on the last day.
		end := local.AddDate(0, 0, endDays).Add(30 * time.Minute)
		return set.config(func(name string, env *acctest.Env) string {
			return fmt.Sprintf(`
resource "zoom_meeting" %[5]q {
  provider   = %[5]s
  user_id    = %[1]q
  topic      = "tf-acc-recurrence-end"
  type       = "recurring_fixed_time"
  start_time = %[2]q
  timezone   = "Europe/Berlin"
  recurrence = { type = "daily", end_date_time = %[3]q }
}

resource "zoom_webinar" %[5]q {
  provider   = %[5]s
  user_id    = %[1]q
  topic      = "tf-acc-recurrence-end"
  type       = "recurring_fixed_time"
  start_time = %[2]q
  timezone   = "Europe/Berlin"
  recurrence = { type = "daily", end_date_time = %[4]q }
}
`, env.Host, local.Format("2006-01-02T15:04:05"), end.UTC().Format(time.RFC3339), end.Format(time.RFC3339), name)
		})
	}
	var created, updated []statecheck.StateCheck
	var updates []plancheck.PlanCheck
	for _, name := range set.names {
		created = append(created,
			statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(3)),
			statecheck.ExpectKnownValue("zoom_webinar."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(3)),
		)
		updates = append(updates, plancheck.ExpectResourceAction("zoom_meeting."+name, plancheck.ResourceActionUpdate))
		updated = append(updated, statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(5)))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: set.factories(),
		Steps: []resource.TestStep{
			{
				Config:           config(2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(created...)}},
			},
			{
				Config: config(4),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:            updates,
					PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(updated...)},
				},
			},
		},
	})
}
