package resources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Zoom Mail may refuse "" for a vacation time. Dropping start_time and end_time from the configuration clears them
// whether Zoom accepts "" or not, and whether a PUT clears or keeps the fields it leaves out; destroy clears them
// too. Only when Zoom both keeps omitted fields and refuses "" is there no way to clear a time, and the error says
// so.
func TestAccMailVacation_clearTimesUnderEveryKnob(t *testing.T) {
	for _, c := range []struct {
		empty, omitted string
		fails          bool
	}{
		{sandbox.MailEmptyTimeClear, sandbox.MailPutClear, false},
		{sandbox.MailEmptyTimeRefuse, sandbox.MailPutClear, false},
		{sandbox.MailEmptyTimeClear, sandbox.MailPutKeep, false},
		{sandbox.MailEmptyTimeRefuse, sandbox.MailPutKeep, true},
	} {
		t.Run(c.empty+"/"+c.omitted, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.MailEmptyTime, p.MailPutOmitted = c.empty, c.omitted })
			env.RequireSandbox(t)
			mailbox := env.Host
			withTimes := vacationConfig(env, mailbox, `  enabled    = true
  subject    = "Away"
  start_time = "2030-12-23T18:00:00+01:00"
  end_time   = "2031-01-02T07:00:00Z"
`)
			withoutTimes := vacationConfig(env, mailbox, "  enabled = true\n  subject = \"Away\"\n")
			noTimes := zoomVacationNow(env, mailbox, func(v *client.MailVacation) error {
				if _, ok, _ := v.Start(); ok {
					return fmt.Errorf("Zoom still has a start time")
				}
				if _, ok, _ := v.End(); ok {
					return fmt.Errorf("Zoom still has an end time")
				}
				return nil
			})
			steps := []resource.TestStep{{Config: withTimes}}
			if c.fails {
				steps = append(steps, resource.TestStep{
					Config:      withoutTimes,
					ExpectError: regexp.MustCompile(`(?s)Zoom kept the responder's start_time and end_time.*refused an empty value`),
				}, resource.TestStep{Config: withTimes})
			} else {
				steps = append(steps, resource.TestStep{
					Config: withoutTimes,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("start_time"), knownvalue.Null()),
						statecheck.ExpectKnownValue(vacationAddr, tfjsonpath.New("end_time"), knownvalue.Null()),
						noTimes,
					},
				}, resource.TestStep{Config: withTimes})
			}
			tc := resource.TestCase{Steps: steps}
			if !c.fails {
				tc.CheckDestroy = checkVacationsOff(env)
			}
			mailTest(t, tc)
		})
	}
}
