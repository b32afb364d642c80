package datasources_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// The plan checks in this file inspect a data source that Terraform read while planning (its configuration is
// fully known). Such a read lands in the plan's prior state, not among its resource changes, so a PlanOnly step
// can check it without an apply. That matters for data sources listing thousands of objects: every terraform
// command that carries such a state (apply, each plan, each show) costs a second or more of CPU.

// expectReadValue checks the value at path of the data source addr as read during the plan.
func expectReadValue(addr string, path tfjsonpath.Path, check knownvalue.Check) plancheck.PlanCheck {
	return readCheck{addr: addr, path: path, check: check}
}

// expectReadSensitive checks that the value at path of the data source addr, as read during the plan, is sensitive.
func expectReadSensitive(addr string, path tfjsonpath.Path) plancheck.PlanCheck {
	return readCheck{addr: addr, path: path, sensitive: true}
}

type readCheck struct {
	addr      string
	path      tfjsonpath.Path
	check     knownvalue.Check
	sensitive bool
}

func (c readCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan == nil || req.Plan.PriorState == nil || req.Plan.PriorState.Values == nil || req.Plan.PriorState.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s: the plan has no prior state", c.addr)
		return
	}
	for _, r := range req.Plan.PriorState.Values.RootModule.Resources {
		if r.Address != c.addr {
			continue
		}
		if c.sensitive {
			var sensitive any
			if len(r.SensitiveValues) > 0 {
				if err := json.Unmarshal(r.SensitiveValues, &sensitive); err != nil {
					resp.Error = fmt.Errorf("%s: sensitive values: %w", c.addr, err)
					return
				}
			}
			v, err := tfjsonpath.Traverse(sensitive, c.path)
			if err != nil || v != true {
				resp.Error = fmt.Errorf("%s: %s is not sensitive", c.addr, c.path)
			}
			return
		}
		v, err := tfjsonpath.Traverse(acctest.JSONNumbers(r.AttributeValues), c.path)
		if err != nil {
			resp.Error = fmt.Errorf("%s: %w", c.addr, err)
			return
		}
		if err := c.check.CheckValue(v); err != nil {
			resp.Error = fmt.Errorf("%s: %s: %w", c.addr, c.path, err)
		}
		return
	}
	resp.Error = fmt.Errorf("%s was not read during the plan", c.addr)
}

// checkPlanNow is a plan check that runs f, which inspects something other than the plan (the sandbox's request
// log), right after the plan it is attached to.
func checkPlanNow(f func() error) plancheck.PlanCheck { return planNow(f) }

type planNow func() error

func (f planNow) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}
