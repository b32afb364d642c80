package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// stateAfterApply runs state checks as a plan check, for ConfigPlanChecks.PostApplyPreRefresh: that plan is made
// with -refresh=false right after the apply, so its prior state is the state the apply left. The testing framework
// shows that plan anyway, while ConfigStateChecks (or a Check) cost one more terraform show per step.
func stateAfterApply(checks ...statecheck.StateCheck) plancheck.PlanCheck {
	return stateFromPlan(checks)
}

type stateFromPlan []statecheck.StateCheck

func (checks stateFromPlan) CheckPlan(ctx context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan == nil || req.Plan.PriorState == nil {
		resp.Error = fmt.Errorf("the plan after the apply has no prior state")
		return
	}
	state := priorStateWithJSONNumbers(req.Plan.PriorState)
	var errs []error
	for _, c := range checks {
		var r statecheck.CheckStateResponse
		c.CheckState(ctx, statecheck.CheckStateRequest{State: state}, &r)
		if r.Error != nil {
			errs = append(errs, r.Error)
		}
	}
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		resp.Error = fmt.Errorf("state after apply: %s", strings.Join(msgs, "\n"))
	}
}

// priorStateWithJSONNumbers returns a copy of a plan's prior state whose numbers are json.Number, as in the state
// that state checks normally see (the plan is decoded with float64 numbers).
func priorStateWithJSONNumbers(s *tfjson.State) *tfjson.State {
	if s.Values == nil {
		return s
	}
	out := *s
	values := *s.Values
	values.RootModule = moduleWithJSONNumbers(s.Values.RootModule)
	out.Values = &values
	return &out
}

func moduleWithJSONNumbers(m *tfjson.StateModule) *tfjson.StateModule {
	if m == nil {
		return nil
	}
	out := *m
	out.Resources = make([]*tfjson.StateResource, len(m.Resources))
	for i, r := range m.Resources {
		c := *r
		c.AttributeValues = map[string]any{}
		for k, v := range r.AttributeValues {
			c.AttributeValues[k] = acctest.JSONNumbers(v)
		}
		out.Resources[i] = &c
	}
	out.ChildModules = make([]*tfjson.StateModule, len(m.ChildModules))
	for i, cm := range m.ChildModules {
		out.ChildModules[i] = moduleWithJSONNumbers(cm)
	}
	return &out
}

// wantDiag is an error a failing step must report about one resource: a diagnostic that names addr (Terraform
// writes "with <addr>," under the summary, <addr>[<key>] for an instance) and whose text matches pattern.
type wantDiag struct {
	addr    string
	pattern *regexp.Regexp
}

// about tells whether diagnostic d names the resource (or one instance of it, with count or for_each).
func (w wantDiag) about(d string) bool {
	return regexp.MustCompile(`with ` + regexp.QuoteMeta(w.addr) + `(\[[^\]]*\])?,`).MatchString(d)
}

func diagAbout(addr, pattern string) wantDiag {
	return wantDiag{addr: addr, pattern: regexp.MustCompile(`(?s)` + strings.TrimPrefix(pattern, `(?s)`))}
}

// stepErrors is a TestCase.ErrorCheck for steps whose configuration holds several failing scenarios, one resource
// each: the step's error must hold a matching diagnostic for every one of them (ExpectError takes a single
// pattern, which cannot tie a message to its resource). A step that must fail sets what it expects in its
// PreConfig (expect); an error of any other step fails the test as usual. ErrorCheck only sees failing steps, so
// the test calls done afterwards with the number of steps that had to fail.
type stepErrors struct {
	t       *testing.T
	want    []wantDiag
	pending bool
	failed  int
	expects int
}

func (s *stepErrors) expect(want ...wantDiag) func() {
	return func() {
		if s.pending {
			s.t.Fatal("the previous step that had to fail did not")
		}
		s.want, s.pending = want, true
		s.expects++
	}
}

// diagStart matches the line that opens an error diagnostic in Terraform's output (with or without the box).
var diagStart = regexp.MustCompile(`(?m)^[ \t│╷]*Error: `)

// errorDiagnostics splits Terraform's output into its error diagnostics, each from its "Error:" line to the next.
func errorDiagnostics(out string) []string {
	starts := diagStart.FindAllStringIndex(out, -1)
	diags := make([]string, 0, len(starts))
	for i, st := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		diags = append(diags, out[st[0]:end])
	}
	return diags
}

func (s *stepErrors) check(err error) error {
	if !s.pending {
		return err
	}
	s.pending = false
	diags := errorDiagnostics(err.Error())
	var missing []string
	for _, w := range s.want {
		found := false
		for _, d := range diags {
			if w.about(d) && w.pattern.MatchString(d) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, fmt.Sprintf("%s: %s", w.addr, w.pattern))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("the step's error has no diagnostic for:\n  %s\nerror: %w", strings.Join(missing, "\n  "), err)
	}
	s.failed++
	return nil
}

// done fails the test unless every step that had to fail did.
func (s *stepErrors) done() {
	s.t.Helper()
	if s.failed != s.expects || s.pending {
		s.t.Fatalf("%d of the %d steps that had to fail did, with every expected error", s.failed, s.expects)
	}
}

// attrRef remembers a string attribute of a resource as a state check saw it, for a later step's Check (a
// RefreshState step, say, which takes no state checks) to compare with.
type attrRef struct {
	addr, attr string
	value      *string
}

func (r *attrRef) captureNow() statecheck.StateCheck { return attrCapture{r} }

type attrCapture struct{ r *attrRef }

func (c attrCapture) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State != nil && req.State.Values != nil && req.State.Values.RootModule != nil {
		for _, res := range req.State.Values.RootModule.Resources {
			if res.Address == c.r.addr {
				v, _ := res.AttributeValues[c.r.attr].(string)
				c.r.value = &v
				return
			}
		}
	}
	resp.Error = fmt.Errorf("%s not in state", c.r.addr)
}

// same checks that the attribute still has the value captured before.
func (r *attrRef) same() resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if r.value == nil {
			return fmt.Errorf("%s.%s was never captured", r.addr, r.attr)
		}
		rs, ok := s.RootModule().Resources[r.addr]
		if !ok {
			return fmt.Errorf("%s not in state", r.addr)
		}
		if got := rs.Primary.Attributes[r.attr]; got != *r.value {
			return fmt.Errorf("%s.%s changed", r.addr, r.attr) // the value may be a secret: not printed
		}
		return nil
	}
}
