package resources_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// eventCase is one TestCase made of scenarios that each used to be a TestCase of their own: every TestCase costs
// a terraform init, a show and a destroy, and every step six terraform processes or more, whatever the number of
// resources. Each scenario puts its resources (on its own sandbox, under a provider local name, where it needs
// one) into the configurations of the phases it takes part in, and its checks and expected errors into those
// phases. The phases run in this order:
//
//   - eventValidate: a plan that must fail because the configuration does not validate (nothing else is planned);
//   - eventFirstFail: an apply that must fail, before the main one;
//   - eventCreate: the main apply; its state checks read the framework's post-apply plan (stateAfterApply);
//   - the import steps;
//   - eventPlanFail: a plan that must fail once the configuration validates;
//   - eventLastFail: an apply that must fail, the last step (the destroy at the end removes what it created).
//
// A phase without configuration is left out. A scenario whose resources exist after a phase must also put them
// into the configurations of the later phases (see eventAfterCreate), with their provider blocks.
type eventCase struct {
	t         *testing.T
	env       *acctest.Env // the zoom provider's account
	names     []string     // the other provider local names
	errs      *stepErrors
	phases    [eventPhases]eventStep
	imports   []resource.TestStep
	destroyed []resource.TestCheckFunc
}

type eventPhase int

const (
	eventValidate eventPhase = iota
	eventFirstFail
	eventCreate
	eventPlanFail
	eventLastFail
	eventPhases
)

// nonEmpty matches a string that is not empty (what TestCheckResourceAttrSet asserted).
var nonEmpty = regexp.MustCompile(`.`)

// eventAfterCreate are the phases in whose configurations what the main apply created must stay.
var eventAfterCreate = []eventPhase{eventCreate, eventPlanFail, eventLastFail}

type eventStep struct {
	config strings.Builder
	pre    []func()
	state  []statecheck.StateCheck
	want   []wantDiag
	text   []*regexp.Regexp // errors Terraform reports without naming a resource (an import block's)
}

func newEventCase(t *testing.T, env *acctest.Env) *eventCase {
	return &eventCase{t: t, env: env, errs: &stepErrors{t: t}}
}

// provider serves the Zoom provider under the given local names as well.
func (c *eventCase) provider(names ...string) { c.names = append(c.names, names...) }

// add puts a configuration fragment into the given phases.
func (c *eventCase) add(fragment string, phases ...eventPhase) {
	for _, p := range phases {
		c.phases[p].config.WriteString(fragment)
	}
}

// addSet puts the provider blocks of a sandbox set and, for each of its sandboxes, what body returns into the
// given phases; the set's provider names are served.
func (c *eventCase) addSet(set sandboxSet, body func(name string, env *acctest.Env) string, phases ...eventPhase) {
	c.provider(set.names...)
	var b strings.Builder
	for _, name := range set.names {
		b.WriteString(set.envs[name].ProviderBlock(name))
		b.WriteString(body(name, set.envs[name]))
	}
	c.add(b.String(), phases...)
}

// pre runs f before the phase's step (its PreConfig).
func (c *eventCase) pre(p eventPhase, f ...func()) { c.phases[p].pre = append(c.phases[p].pre, f...) }

// check adds state checks to the main apply (read from its post-apply plan).
func (c *eventCase) check(checks ...statecheck.StateCheck) {
	c.phases[eventCreate].state = append(c.phases[eventCreate].state, checks...)
}

// fail expects errors of a failing phase.
func (c *eventCase) fail(p eventPhase, want ...wantDiag) {
	c.phases[p].want = append(c.phases[p].want, want...)
}

// importStep adds an import step after the main apply. Its configuration should hold only the provider block and
// the resource it imports: the step runs in a working directory of its own, where terraform init and import start
// every provider the configuration names, and ImportStateVerify compares the imported resource with the
// TestCase's state whatever else the configuration holds.
func (c *eventCase) importStep(step resource.TestStep) { c.imports = append(c.imports, step) }

// failText expects an error of a failing phase that Terraform reports without naming the resource (the
// refusal of an import block, say): pattern must match the step's error output.
func (c *eventCase) failText(p eventPhase, pattern string) {
	c.phases[p].text = append(c.phases[p].text, regexp.MustCompile(`(?s)`+pattern))
}

// destroyedCheck adds a CheckDestroy function.
func (c *eventCase) destroyedCheck(f ...resource.TestCheckFunc) {
	c.destroyed = append(c.destroyed, f...)
}

// config is the configuration of a phase.
func (c *eventCase) config(p eventPhase) string { return c.env.Config(c.phases[p].config.String()) }

// run runs the TestCase.
func (c *eventCase) run() {
	c.t.Helper()
	var steps []resource.TestStep
	var text []*regexp.Regexp // the failText patterns of the running step
	for p := eventValidate; p < eventPhases; p++ {
		ph := &c.phases[p]
		if ph.config.Len() == 0 {
			continue
		}
		pre := slices.Clone(ph.pre)
		if p != eventCreate {
			pre = append([]func(){c.errs.expect(ph.want...), func() { text = ph.text }}, pre...)
		}
		step := resource.TestStep{
			Config: c.config(p),
			PreConfig: func() {
				for _, f := range pre {
					f()
				}
			},
			PlanOnly: p == eventValidate || p == eventPlanFail,
		}
		if p == eventCreate && len(ph.state) > 0 {
			step.ConfigPlanChecks.PostApplyPreRefresh = []plancheck.PlanCheck{stateAfterApply(ph.state...)}
		}
		steps = append(steps, step)
		if p == eventCreate {
			steps = append(steps, c.imports...)
		}
	}
	acctest.ParallelTest(c.t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(c.names...),
		CheckDestroy:             resource.ComposeTestCheckFunc(c.destroyed...),
		ErrorCheck: func(err error) error {
			for _, pattern := range text {
				if !pattern.MatchString(err.Error()) {
					return fmt.Errorf("the step's error does not match %s: %w", pattern, err)
				}
			}
			text = nil
			return c.errs.check(err)
		},
		Steps: steps,
	})
	c.errs.done()
}

// lifecyclePart is a lifecycle scenario of TestAccEvent_lifecycle: its resources (config, without the zoom
// provider's block) in the first apply and, changed, in the second (second true); failing adds what the last
// apply, which must fail, adds. Its checks: the state after the first apply (created), out-of-band changes before
// the second (portal), the second's plan (planned) and the state after it (changed), its import steps (after the
// second apply), the errors of the last apply, CheckDestroy functions, and the provider local names it serves.
type lifecyclePart struct {
	names     []string
	config    func(second, failing bool) string
	created   []statecheck.StateCheck
	portal    []func()
	planned   []plancheck.PlanCheck
	changed   []statecheck.StateCheck
	imports   []resource.TestStep
	failing   []wantDiag
	destroyed []resource.TestCheckFunc
}

// lifecycleSteps runs lifecycle parts in one TestCase: the first apply, the out-of-band changes and the second
// apply, the import steps, the apply that must fail.
func lifecycleSteps(t *testing.T, env *acctest.Env, parts ...lifecyclePart) {
	t.Helper()
	var names []string
	var created, changed []statecheck.StateCheck
	var planned []plancheck.PlanCheck
	var portal []func()
	var imports []resource.TestStep
	var failing []wantDiag
	var destroyed []resource.TestCheckFunc
	config := func(second, fail bool) string {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.config(second, fail))
		}
		return env.Config(b.String())
	}
	for _, p := range parts {
		names = append(names, p.names...)
		created = append(created, p.created...)
		changed = append(changed, p.changed...)
		planned = append(planned, p.planned...)
		portal = append(portal, p.portal...)
		imports = append(imports, p.imports...)
		failing = append(failing, p.failing...)
		destroyed = append(destroyed, p.destroyed...)
	}
	errs := &stepErrors{t: t}
	steps := []resource.TestStep{
		{
			Config:           config(false, false),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(created...)}},
		},
		{
			PreConfig: func() {
				for _, f := range portal {
					f()
				}
			},
			Config: config(true, false),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:            planned,
				PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(changed...)},
			},
		},
	}
	steps = append(steps, imports...)
	if len(failing) > 0 {
		steps = append(steps, resource.TestStep{PreConfig: errs.expect(failing...), Config: config(true, true)})
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(names...),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		ErrorCheck:               errs.check,
		Steps:                    steps,
	})
	errs.done()
}
