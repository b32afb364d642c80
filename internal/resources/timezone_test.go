package resources_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// timezoneScenarios are the time-zone scenarios, which TestAccPlanNoise_everyKind runs in its test case (a test
// case of their own would cost five more terraform commands and a step more):
//
//   - step refused (before anything exists): Zoom accepts only the zones of its time-zone list. Meetings,
//     webinars and users refuse any other IANA name at plan time, and the error names the nearest zone Zoom
//     lists; and SST, which is in Zoom's list but not in the IANA database, cannot place a local start_time in
//     time. The step must fail with exactly one error for each of these resources, matching its pattern, and no
//     other (errorCheck; done fails the test unless it did).
//   - listed, in the configurations of the steps that follow: SST with a start_time in UTC applies (and plans
//     again with no diff); and the listed zones that are legacy names (Europe/Kiev, Asia/Calcutta,
//     America/Indianapolis) are kept as written, with no diff, whether the sandbox refuses unlisted zones or
//     substitutes them (a sandbox under each setting of the knob, under the provider local names tzrefuse and
//     tzsubstitute). checks are the state checks after the first apply.
type timezoneScenarios struct {
	names      []string
	refused    resource.TestStep
	listed     string
	checks     []statecheck.StateCheck
	errorCheck func(error) error
	done       func()
}

func newTimezoneScenarios(t *testing.T) timezoneScenarios {
	s := newSandboxes(t, map[string]func(*sandbox.Profile){
		"tzrefuse":     func(p *sandbox.Profile) { p.UnlistedTimezone = sandbox.UnlistedTimezoneRefuse },
		"tzsubstitute": func(p *sandbox.Profile) { p.UnlistedTimezone = sandbox.UnlistedTimezoneSubstitute },
	})
	env := s.envs["tzrefuse"]
	start := zoomUTC(futureUTC(48 * time.Hour))
	cases := []struct{ zone, want string }{
		{"Europe/Kyiv", `use "Europe/Kiev", the same zone under the name Zoom lists`},
		{"US/Eastern", `use "America/New_York"`},
		{"Etc/GMT+5", `nearest zone Zoom accepts is "America/Panama"`},
	}
	var refused strings.Builder
	expect := map[string]*regexp.Regexp{}
	for i, c := range cases {
		for j, body := range []string{
			"resource \"zoom_meeting\" %q {\n  user_id = %q\n  topic = \"tf-acc-tz\"\n  start_time = %q\n  timezone = %q\n}\n",
			"resource \"zoom_webinar\" %q {\n  user_id = %q\n  topic = \"tf-acc-tz\"\n  start_time = %q\n  timezone = %q\n}\n",
			"resource \"zoom_user\" %q {\n  email = \"tf-acc-tz@example.com\"\n  type = 1\n  timezone = %[4]q\n}\n",
		} {
			name := fmt.Sprintf("z%d%d", i, j)
			fmt.Fprintf(&refused, body, name, env.Host, start, c.zone)
			expect[name] = regexp.MustCompile(`(?s)Zoom accepts only the time zones of its list.*` + flexSpace(c.want))
		}
	}
	// SST is in Zoom's list but not in the IANA database: a local start_time cannot be placed in time there.
	sst := "resource \"zoom_meeting\" \"sst\" {\n  user_id = %q\n  topic = \"tf-acc-tz\"\n  start_time = %q\n  timezone = \"SST\"\n}\n"
	fmt.Fprintf(&refused, sst, env.Host, strings.TrimSuffix(start, "Z"))
	expect["sst"] = regexp.MustCompile(`(?s)Start time needs a zone.*"SST" is in Zoom's time-zone list`)

	listedStart, email := futureUTC(72*time.Hour), env.RandomEmail()
	local := listedStart.In(time.FixedZone("", 2*3600)).Format("2006-01-02T15:04:05")
	listed := func(name string, env *acctest.Env) string {
		return withProvider(name, fmt.Sprintf(`
resource "zoom_user" %[1]q {
  email    = %[2]q
  action   = "autoCreate"
  type     = 2
  timezone = "America/Indianapolis"
}

resource "zoom_meeting" %[1]q {
  user_id    = %[3]q
  topic      = "tf-acc-tz"
  start_time = %[4]q
  timezone   = "Europe/Kiev"
}

resource "zoom_webinar" %[1]q {
  user_id    = %[3]q
  topic      = "tf-acc-tz"
  start_time = %[5]q
  timezone   = "Asia/Calcutta"
}
`, name, email, env.Host, local, zoomUTC(listedStart)))
	}
	var checks []statecheck.StateCheck
	for _, name := range s.names {
		checks = append(checks,
			statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Kiev")),
			statecheck.ExpectKnownValue("zoom_meeting."+name, tfjsonpath.New("start_time"), knownvalue.StringExact(local)),
			statecheck.ExpectKnownValue("zoom_webinar."+name, tfjsonpath.New("timezone"), knownvalue.StringExact("Asia/Calcutta")),
			statecheck.ExpectKnownValue("zoom_user."+name, tfjsonpath.New("timezone"), knownvalue.StringExact("America/Indianapolis")))
	}
	checks = append(checks,
		statecheck.ExpectKnownValue("zoom_meeting.sst", tfjsonpath.New("timezone"), knownvalue.StringExact("SST")),
		statecheck.ExpectKnownValue("zoom_meeting.sst", tfjsonpath.New("start_time"), knownvalue.StringExact(start)))
	var listedConfig strings.Builder
	for _, name := range s.names {
		listedConfig.WriteString(s.envs[name].ProviderBlock(name) + listed(name, s.envs[name]))
		if name == "tzrefuse" {
			listedConfig.WriteString(withProvider(name, "\n"+fmt.Sprintf(sst, env.Host, start)))
		}
	}
	pending, failed := false, false
	return timezoneScenarios{
		names: s.names,
		refused: resource.TestStep{
			PreConfig: func() { pending = true },
			Config:    env.ProviderBlock("tzrefuse") + withProvider("tzrefuse", refused.String()),
			PlanOnly:  true,
		},
		listed: listedConfig.String(),
		checks: checks,
		errorCheck: func(err error) error {
			if !pending {
				return err
			}
			pending = false
			if problems := scenarioErrors(err.Error(), byFirstPart, expect); len(problems) > 0 {
				return fmt.Errorf("%s\n\nin: %w", strings.Join(problems, "\n"), err)
			}
			failed = true
			return nil
		},
		done: func() {
			t.Helper()
			if !failed {
				t.Error("the step with the refused time zones should have failed with their errors")
			}
		},
	}
}

// flexSpace quotes s for a regexp in which any space may also be a line break (Terraform wraps diagnostics).
func flexSpace(s string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(s)), `\s+`)
}
