package resources_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// recurrenceEnd is a scenario that runs in eventRegistrationURLKept's part of TestAccEvent_lifecycle (its two
// applies, on sandboxes of its own): Zoom may move recurrence.end_date_time to the end of that day. Under either behaviour a
// recurring meeting and webinar keep the configured end_date_time, with no error and no diff, also after
// changing it.
type recurrenceEnd struct {
	set   sandboxSet
	local time.Time
}

func newRecurrenceEnd(t *testing.T) recurrenceEnd {
	// Both behaviours, each with its own sandbox and provider instance.
	set := newSandboxes(t, map[string]func(*sandbox.Profile){
		"zoomendexact": func(p *sandbox.Profile) { p.RecurrenceEndDateTime = sandbox.RecurrenceEndExact },
		"zoomendofday": func(p *sandbox.Profile) { p.RecurrenceEndDateTime = sandbox.RecurrenceEndEndOfDay },
	})
	berlin, _ := time.LoadLocation("Europe/Berlin")
	first := time.Now().In(berlin).AddDate(0, 0, 10)
	return recurrenceEnd{set: set, local: time.Date(first.Year(), first.Month(), first.Day(), 10, 30, 0, 0, berlin)}
}

// config is the scenario's provider blocks and resources, the recurrences ending after endDays days.
func (r recurrenceEnd) config(endDays int) string {
	// An end in UTC and one with an offset: both name 11:00 Berlin time on the last day.
	end := r.local.AddDate(0, 0, endDays).Add(30 * time.Minute)
	var b strings.Builder
	for _, name := range r.set.names {
		env := r.set.envs[name]
		b.WriteString(env.ProviderBlock(name))
		fmt.Fprintf(&b, `
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
`, env.Host, r.local.Format("2006-01-02T15:04:05"), end.UTC().Format(time.RFC3339), end.Format(time.RFC3339), name)
	}
	return b.String()
}

// created checks the state after config(2); updates the plan of config(4), updated the state after it.
func (r recurrenceEnd) created() []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for _, name := range r.set.names {
		out = append(out,
			statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(3)),
			statecheck.ExpectKnownValue("zoom_webinar."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(3)),
		)
	}
	return out
}

func (r recurrenceEnd) updates() []plancheck.PlanCheck {
	var out []plancheck.PlanCheck
	for _, name := range r.set.names {
		out = append(out, plancheck.ExpectResourceAction("zoom_meeting."+name, plancheck.ResourceActionUpdate))
	}
	return out
}

func (r recurrenceEnd) updated() []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for _, name := range r.set.names {
		out = append(out, statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("occurrences"), knownvalue.ListSizeExact(5)))
	}
	return out
}
