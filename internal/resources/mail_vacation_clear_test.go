package resources_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Zoom Mail may refuse "" for a vacation time. Dropping start_time and end_time from the configuration clears them
// whether Zoom accepts "" or not, and whether a PUT clears or keeps the fields it leaves out; destroy clears them
// too. Only when Zoom both keeps omitted fields and refuses "" is there no way to clear a time, and the error says
// so.
//
// The three settings under which the times clear run in one TestCase, each with its own sandbox, provider instance
// and zoom_mail_vacation in one configuration; the failing one has a TestCase of its own.
func TestAccMailVacation_clearTimesUnderEveryKnob(t *testing.T) {
	const withTimes = `  enabled    = true
  subject    = "Away"
  start_time = "2030-12-23T18:00:00+01:00"
  end_time   = "2031-01-02T07:00:00Z"
`
	const withoutTimes = "  enabled = true\n  subject = \"Away\"\n"
	knob := func(empty, omitted string) func(*sandbox.Profile) {
		return func(p *sandbox.Profile) { p.MailEmptyTime, p.MailPutOmitted = empty, omitted }
	}

	t.Run("cleared", func(t *testing.T) {
		// The names are local names of the provider: each setting's resource uses its own.
		names := []string{"zoomclearclear", "zoomrefuseclear", "zoomclearkeep"}
		envs := map[string]*acctest.Env{
			"zoomclearclear":  acctest.New(t, knob(sandbox.MailEmptyTimeClear, sandbox.MailPutClear)),
			"zoomrefuseclear": acctest.New(t, knob(sandbox.MailEmptyTimeRefuse, sandbox.MailPutClear)),
			"zoomclearkeep":   acctest.New(t, knob(sandbox.MailEmptyTimeClear, sandbox.MailPutKeep)),
		}
		envs[names[0]].RequireSandbox(t)
		config := func(args string) string {
			var b strings.Builder
			for _, name := range names {
				b.WriteString(envs[name].ProviderBlock(name))
				fmt.Fprintf(&b, "\nresource \"zoom_mail_vacation\" %q {\n  provider = %s\n  mailbox  = %q\n%s}\n", name, name, envs[name].Host, args)
			}
			return envs[names[0]].Config(b.String())
		}
		var cleared []statecheck.StateCheck
		for _, name := range names {
			env, addr := envs[name], "zoom_mail_vacation."+name
			cleared = append(cleared,
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("start_time"), knownvalue.Null()),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("end_time"), knownvalue.Null()),
				zoomVacationNow(env, env.Host, func(v *client.MailVacation) error {
					if _, ok, _ := v.Start(); ok {
						return fmt.Errorf("%s: Zoom still has a start time", name)
					}
					if _, ok, _ := v.End(); ok {
						return fmt.Errorf("%s: Zoom still has an end time", name)
					}
					return nil
				}),
			)
		}
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(names...),
			CheckDestroy: func(*terraform.State) error {
				for _, name := range names {
					if err := vacationOff(envs[name], envs[name].Host); err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
				}
				return nil
			},
			Steps: []resource.TestStep{
				{Config: config(withTimes)},
				{Config: config(withoutTimes), ConfigStateChecks: cleared},
				{Config: config(withTimes)},
			},
		})
	})

	t.Run(sandbox.MailEmptyTimeRefuse+"/"+sandbox.MailPutKeep, func(t *testing.T) {
		env := acctest.New(t, knob(sandbox.MailEmptyTimeRefuse, sandbox.MailPutKeep))
		env.RequireSandbox(t)
		mailTest(t, resource.TestCase{Steps: []resource.TestStep{
			{Config: vacationConfig(env, env.Host, withTimes)},
			{
				Config:      vacationConfig(env, env.Host, withoutTimes),
				ExpectError: regexp.MustCompile(`(?s)Zoom kept the responder's start_time and end_time.*refused an empty value`),
			},
			{Config: vacationConfig(env, env.Host, withTimes)},
		}})
	})
}
