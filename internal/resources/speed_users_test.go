package resources_test

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// expectBeforeSet is a plan check: the set (or list) attribute attr of addr holds exactly the strings want, in any
// order, before the change (in the refreshed state). A step whose PreConfig changes something out of band checks so
// that the refresh saw the change, where a plan-only step would cost four terraform commands more.
func expectBeforeSet(addr, attr string, want ...string) plancheck.PlanCheck {
	return beforeSetCheck{addr, attr, want}
}

type beforeSetCheck struct {
	addr, attr string
	want       []string
}

func (c beforeSetCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		values, _ := before[c.attr].([]any)
		got := make([]string, 0, len(values))
		for _, v := range values {
			s, _ := v.(string)
			got = append(got, s)
		}
		want := slices.Clone(c.want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			resp.Error = fmt.Errorf("%s: %s before the change is %v, want %v", c.addr, c.attr, got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.addr)
}

// importCopies checks the import of resources that two addresses may share, because their destroy sends nothing
// to Zoom (the settings resources) or takes an object already deleted as deleted (tracking fields), without
// ImportState steps (each costs a working directory and four terraform
// commands): the step's configuration holds, next to each original resource, a copy of its block under another
// name with an import block for that copy. The plan must import each copy without any change (checks), and after
// the apply each copy's attributes must equal its original's (stateChecks, for stateAfterApply): what
// ImportStateVerify checks, for all of them in one step.
type importCopies struct {
	blocks      strings.Builder
	checks      []plancheck.PlanCheck
	stateChecks []statecheck.StateCheck
}

// add copies the block of addr (type.name) found in config to type.<name>_imported, imported with id (an HCL
// expression) through the provider of local name provider ("" for zoom).
func (c *importCopies) add(config, addr, provider, id string) {
	typ, name, _ := strings.Cut(addr, ".")
	block := regexp.MustCompile(`(?s)\nresource "` + typ + `" "` + name + `" \{\n.*?\n\}\n`).FindString(config)
	if block == "" {
		panic("no block of " + addr + " in the configuration")
	}
	copyName := name + "_imported"
	c.blocks.WriteString(strings.Replace(block, `"`+name+`" {`, `"`+copyName+`" {`, 1))
	if provider != "" {
		provider = "\n  provider = " + provider
	}
	fmt.Fprintf(&c.blocks, "\nimport {%s\n  to       = %s.%s\n  id       = %s\n}\n", provider, typ, copyName, id)
	copyAddr := typ + "." + copyName
	c.checks = append(c.checks, importedCheck(copyAddr), plancheck.ExpectResourceAction(copyAddr, plancheck.ResourceActionNoop))
	c.stateChecks = append(c.stateChecks, stateCheckFunc(func(state *tfjson.State) error {
		orig, imported := stateResource(state, addr), stateResource(state, copyAddr)
		if orig == nil || imported == nil {
			return fmt.Errorf("%s or %s is not in the state", addr, copyAddr)
		}
		if !reflect.DeepEqual(orig.AttributeValues, imported.AttributeValues) {
			var diff []string
			for _, k := range slices.Sorted(maps.Keys(orig.AttributeValues)) {
				if !reflect.DeepEqual(orig.AttributeValues[k], imported.AttributeValues[k]) {
					diff = append(diff, fmt.Sprintf("%s: %v, imported %v", k, orig.AttributeValues[k], imported.AttributeValues[k]))
				}
			}
			return fmt.Errorf("%s imported differs from the state: %s", addr, strings.Join(diff, "; "))
		}
		return nil
	}))
}

// config returns the copies and their import blocks, to append to the step's configuration.
func (c *importCopies) config() string { return c.blocks.String() }
