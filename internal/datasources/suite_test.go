package datasources_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// The data source scenarios run side by side in one TestCase, TestAccDataSources: every TestCase and every step
// starts several terraform processes (the whole cost of these tests), whatever the number of data sources in its
// configuration. Each scenario adds to some of its four steps:
//
//   - configurations that Terraform must reject while validating (one failing plan);
//   - configurations whose read must fail while Terraform plans (one failing plan);
//   - data sources that list thousands of objects, read in a plan-only step (see planread_test.go): nothing of
//     them is ever stored, applied or destroyed;
//   - blocks and state checks of the applied configuration.
//
// A scenario that needs an account of its own (because it counts the account's objects, moves the sandbox's
// clock or changes a profile knob) gets a sandbox under a provider local name of its own (acctest.ProviderBlock);
// the others share the default account, "zoom". Blocks of an account other than "zoom" get their provider
// argument from bind.

// suite gathers the scenarios of one TestCase.
type suite struct {
	t     *testing.T
	names []string // provider local names, in order of first use; "zoom" is the default account
	envs  map[string]*acctest.Env

	applied     []block
	checks      []statecheck.StateCheck
	beforeApply []func()
	invalid     []block // rejected while Terraform validates the configuration
	failing     []block // their read fails while Terraform plans
	listed      []block
	listChecks  []plancheck.PlanCheck
	beforeList  []func()

	prevMonday time.Time // see previousWeek
}

// block is configuration for the account name; want matches the error it must fail with, if any.
type block struct {
	name, config, want string
}

func newSuite(t *testing.T) *suite {
	if os.Getenv(resource.EnvTfAcc) == "" {
		// Before the scenarios seed their sandboxes: resource.ParallelTest would skip only afterwards.
		t.Skipf("acceptance tests run only when %s is set", resource.EnvTfAcc)
	}
	return &suite{t: t, envs: map[string]*acctest.Env{}}
}

// account returns the account under provider local name name, starting its sandbox (with the profile changes)
// on first use. Against a real account every name is that account.
func (s *suite) account(name string, profile ...func(*sandbox.Profile)) *acctest.Env {
	s.t.Helper()
	if env, ok := s.envs[name]; ok {
		if len(profile) > 0 {
			s.t.Fatalf("account %q exists already: profile changes must come with its first use", name)
		}
		return env
	}
	env := acctest.New(s.t, profile...)
	s.envs[name] = env
	s.names = append(s.names, name)
	return env
}

// sandbox is account for a scenario that needs the sandbox (its clock, its request log, its knobs): it returns
// nil against a real account, where the scenario is left out.
func (s *suite) sandbox(name string, profile ...func(*sandbox.Profile)) *acctest.Env {
	s.t.Helper()
	if acctest.RealAccount() {
		return nil
	}
	return s.account(name, profile...)
}

var blockStart = regexp.MustCompile(`(?m)^((?:data|resource) "[a-z_]+" "[a-z_0-9]+" \{)$`)

// bind gives every top-level block of config the provider argument of account name. Blocks must open on a line
// of their own.
func (s *suite) bind(name, config string) string {
	s.t.Helper()
	if regexp.MustCompile(`(?m)^(?:data|resource) .*\{.+$`).MatchString(config) {
		s.t.Fatalf("a block opens and continues on one line:\n%s", config)
	}
	if name == "zoom" {
		return config
	}
	return blockStart.ReplaceAllString(config, "$1\n  provider = "+name)
}

// apply adds blocks to the applied configuration and checks of its state.
func (s *suite) apply(name, config string, checks ...statecheck.StateCheck) {
	s.applied = append(s.applied, block{name: name, config: s.bind(name, config)})
	s.checks = append(s.checks, checks...)
}

// rejected adds a configuration that Terraform must reject while validating, with an error matching want.
func (s *suite) rejected(name, config, want string) {
	s.invalid = append(s.invalid, block{name: name, config: s.bind(name, config), want: want})
}

// fails adds a configuration whose read must fail while Terraform plans, with an error matching want.
func (s *suite) fails(name, config, want string) {
	s.failing = append(s.failing, block{name: name, config: s.bind(name, config), want: want})
}

// list adds data sources to the plan-only step, with checks of the plan (see planread_test.go).
func (s *suite) list(name, config string, checks ...plancheck.PlanCheck) {
	s.listed = append(s.listed, block{name: name, config: s.bind(name, config)})
	s.listChecks = append(s.listChecks, checks...)
}

// config is a configuration of blocks, with the provider block of every account they use.
func (s *suite) config(blocks []block) string {
	var b strings.Builder
	var used []string
	for _, bl := range blocks {
		if !slices.Contains(used, bl.name) {
			used = append(used, bl.name)
		}
	}
	for _, name := range s.names {
		if !slices.Contains(used, name) {
			continue
		}
		if name == "zoom" {
			b.WriteString(s.envs[name].Config(""))
		} else {
			b.WriteString(s.envs[name].ProviderBlock(name))
		}
	}
	for _, bl := range blocks {
		b.WriteString("\n")
		b.WriteString(bl.config)
	}
	return b.String()
}

// expectErrors matches Terraform's errors for blocks: Terraform prints its diagnostics sorted by their place in
// the configuration, so each block's error follows the one of the block before it.
func expectErrors(blocks []block) *regexp.Regexp {
	wants := make([]string, len(blocks))
	for i, bl := range blocks {
		wants[i] = "(?:" + bl.want + ")"
	}
	return regexp.MustCompile(`(?s)` + strings.Join(wants, `.*`))
}

func runAll(fs []func()) func() {
	return func() {
		for _, f := range fs {
			f()
		}
	}
}

// run runs the gathered scenarios in one TestCase: the step of configurations rejected while validating, the
// step of reads failing while planning, the plan-only step of large lists and the applied step.
func (s *suite) run() {
	s.t.Helper()
	if len(s.names) == 0 {
		s.t.Skip("no scenario runs against this account")
	}
	var steps []resource.TestStep
	if len(s.invalid) > 0 {
		steps = append(steps, resource.TestStep{Config: s.config(s.invalid), ExpectError: expectErrors(s.invalid)})
	}
	if len(s.failing) > 0 {
		steps = append(steps, resource.TestStep{Config: s.config(s.failing), ExpectError: expectErrors(s.failing)})
	}
	if len(s.listed) > 0 {
		steps = append(steps, resource.TestStep{
			PreConfig:        runAll(s.beforeList),
			Config:           s.config(s.listed),
			PlanOnly:         true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: s.listChecks},
		})
	}
	if len(s.applied) > 0 {
		steps = append(steps, resource.TestStep{
			PreConfig:         runAll(s.beforeApply),
			Config:            s.config(s.applied),
			ConfigStateChecks: s.checks,
		})
	}
	var extra []string
	for _, name := range s.names {
		if name != "zoom" {
			extra = append(extra, name)
		}
	}
	acctest.ParallelTest(s.t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(extra...),
		Steps:                    steps,
	})
}

// TestAccDataSources runs every data source scenario: see the scenario functions for what each asserts.
func TestAccDataSources(t *testing.T) {
	s := newSuite(t)
	for _, scenario := range []func(*suite){
		userScenarios, usersScenarios, usersPagination, groupScenarios, roleScenarios, settingsScenarios,
		meetingScenarios, meetingsScenarios, meetingsPagination, meetingTemplateScenarios,
		webinarScenarios, webinarsScenarios, webinarsPagination, webinarTemplateScenarios,
	} {
		scenario(s)
	}
	s.run()
}
