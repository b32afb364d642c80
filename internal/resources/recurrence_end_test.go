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
	for _, mode := range []string{sandbox.RecurrenceEndExact, sandbox.RecurrenceEndEndOfDay} {
		t.Run(mode, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.RecurrenceEndDateTime = mode })
			berlin, _ := time.LoadLocation("Europe/Berlin")
			first := time.Now().In(berlin).AddDate(0, 0, 10)
			local := time.Date(first.Year(), first.Month(), first.Day(), 10, 30, 0, 0, berlin)
			config := func(endDays int) string {
				// An end in UTC and one with an offset: both name 11:00 Berlin time on the last day.
				end := local.AddDate(0, 0, endDays).Add(30 * time.Minute)
				return env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %[1]q
  topic      = "tf-acc-recurrence-end"
  type       = "recurring_fixed_time"
  start_time = %[2]q
  timezone   = "Europe/Berlin"
  recurrence = { type = "daily", end_date_time = %[3]q }
}

resource "zoom_webinar" "test" {
  user_id    = %[1]q
  topic      = "tf-acc-recurrence-end"
  type       = "recurring_fixed_time"
  start_time = %[2]q
  timezone   = "Europe/Berlin"
  recurrence = { type = "daily", end_date_time = %[4]q }
}
`, env.Host, local.Format("2006-01-02T15:04:05"), end.UTC().Format(time.RFC3339), end.Format(time.RFC3339)))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: config(2),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(3)),
							statecheck.ExpectKnownValue("zoom_webinar.test", tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(3)),
						},
					},
					{
						Config: config(4),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("zoom_meeting.test", plancheck.ResourceActionUpdate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue("zoom_meeting.test", tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(5)),
						},
					},
				},
			})
		})
	}
}
