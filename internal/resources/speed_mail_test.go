package resources_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// checkAfterApply runs TestCheckFuncs as a plan check, for ConfigPlanChecks.PostApplyPreRefresh: that plan is
// made with -refresh=false right after the apply, so its prior state is the state the apply left, and it reads
// nothing from Zoom, so checks that ask the account or the sandbox see what the apply left there too. A step's
// Check costs one more terraform show; this plan is shown anyway. The checks get the prior state in the legacy
// form a Check gets: resources of the root module by address (an instance's index after a dot), with the "id"
// attribute as the ID and the attributes flattened (lists "a.#" and "a.0", maps and objects "a.%" and "a.key").
func checkAfterApply(checks ...resource.TestCheckFunc) plancheck.PlanCheck {
	return legacyChecks(checks)
}

type legacyChecks []resource.TestCheckFunc

func (checks legacyChecks) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan == nil || req.Plan.PriorState == nil {
		resp.Error = fmt.Errorf("the plan after the apply has no prior state")
		return
	}
	state := legacyState(req.Plan.PriorState)
	for _, check := range checks {
		if err := check(state); err != nil {
			resp.Error = fmt.Errorf("after apply: %w", err)
			return
		}
	}
}

// legacyState is the root module of s in the legacy form (see checkAfterApply).
func legacyState(s *tfjson.State) *terraform.State {
	state := terraform.NewState() //nolint:staticcheck // the form TestCheckFuncs take
	if s == nil || s.Values == nil || s.Values.RootModule == nil {
		return state
	}
	root := state.RootModule()
	for _, r := range s.Values.RootModule.Resources {
		if r.Mode != tfjson.ManagedResourceMode {
			continue
		}
		key := r.Type + "." + r.Name
		switch i := r.Index.(type) {
		case float64:
			key += "." + strconv.FormatFloat(i, 'f', -1, 64)
		case string:
			key += "." + i
		}
		attrs := map[string]string{}
		for k, v := range r.AttributeValues {
			flatten(attrs, k, v)
		}
		id, _ := r.AttributeValues["id"].(string)
		if n, ok := r.AttributeValues["id"].(float64); ok {
			id = strconv.FormatFloat(n, 'f', -1, 64)
		}
		root.Resources[key] = &terraform.ResourceState{
			Type:     r.Type,
			Provider: r.ProviderName,
			Primary:  &terraform.InstanceState{ID: id, Attributes: attrs},
		}
	}
	return state
}

// flatten adds value v of attribute path p to attrs in the legacy flat form; null values are left out.
func flatten(attrs map[string]string, p string, v any) {
	switch v := v.(type) {
	case nil:
	case string:
		attrs[p] = v
	case bool:
		attrs[p] = strconv.FormatBool(v)
	case float64:
		attrs[p] = strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		attrs[p+".#"] = strconv.Itoa(len(v))
		for i, e := range v {
			flatten(attrs, p+"."+strconv.Itoa(i), e)
		}
	case map[string]any:
		attrs[p+".%"] = strconv.Itoa(len(v))
		for _, k := range slices.Sorted(maps.Keys(v)) {
			flatten(attrs, p+"."+k, v[k])
		}
	default:
		attrs[p] = fmt.Sprint(v)
	}
}

// expectOnlyChanges is a plan check: the plan changes exactly the resources of want, each with its action (a
// no-op is named too, to make sure the resource is in the plan), and no other resource.
func expectOnlyChanges(want map[string]plancheck.ResourceActionType) plancheck.PlanCheck {
	return onlyChanges(want)
}

type onlyChanges map[string]plancheck.ResourceActionType

func (want onlyChanges) CheckPlan(ctx context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var problems []string
	for _, addr := range slices.Sorted(maps.Keys(want)) {
		var r plancheck.CheckPlanResponse
		plancheck.ExpectResourceAction(addr, want[addr]).CheckPlan(ctx, req, &r)
		if r.Error != nil {
			problems = append(problems, r.Error.Error())
		}
	}
	for _, rc := range req.Plan.ResourceChanges {
		if _, ok := want[rc.Address]; !ok && !rc.Change.Actions.NoOp() && !rc.Change.Actions.Read() {
			problems = append(problems, fmt.Sprintf("%s: unexpected change %v", rc.Address, rc.Change.Actions))
		}
	}
	if len(problems) > 0 {
		resp.Error = fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
}

// betweenPlanAndApply is a PreApply "plan check" that checks nothing and runs f: it changes the account after the
// step's plan and before its apply, as someone could between terraform plan and terraform apply (a PreConfig
// runs before the plan). Put it after the step's real checks.
func betweenPlanAndApply(f func()) plancheck.PlanCheck { return planHook(f) }

type planHook func()

func (f planHook) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	f()
}
