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
//
// Where the originals change in a later step, the step after the import forgets the copies (removed, with
// destroy = false), so that only the originals go on.
type importCopies struct {
	blocks      strings.Builder
	copies      []string
	checks      []plancheck.PlanCheck
	stateChecks []statecheck.StateCheck
}

// add copies the block of addr (type.name) found in config to type.<name>_imported, imported with id (an HCL
// expression) through the provider of local name provider ("" for zoom). The copy's block leaves out the
// arguments ignore names, and the comparison leaves out those attributes (ImportStateVerifyIgnore).
func (c *importCopies) add(config, addr, provider, id string, ignore ...string) {
	_, name, _ := strings.Cut(addr, ".")
	c.addAs(name+"_imported", config, addr, provider, id, ignore...)
}

// addAs is add with the copy's name, for a second copy of one resource (imported by another ID).
func (c *importCopies) addAs(copyName, config, addr, provider, id string, ignore ...string) {
	typ, name, _ := strings.Cut(addr, ".")
	block := regexp.MustCompile(`(?s)\nresource "` + typ + `" "` + name + `" \{\n.*?\n\}\n`).FindString(config)
	if block == "" {
		panic("no block of " + addr + " in the configuration")
	}
	for _, attr := range ignore {
		block = regexp.MustCompile(`(?m)^  `+regexp.QuoteMeta(attr)+` +=.*\n`).ReplaceAllString(block, "")
	}
	c.addBlock(strings.Replace(block, `"`+name+`" {`, `"`+copyName+`" {`, 1), copyName, addr, provider, id, ignore...)
}

// addBlock is add with the copy's block given (named copyName), for a copy whose arguments are written as the
// import records them (members by Zoom's e-mails, say) where the original's are not: the comparison leaves out the
// attributes ignore names, which the caller checks otherwise.
func (c *importCopies) addBlock(block, copyName, addr, provider, id string, ignore ...string) {
	typ, _, _ := strings.Cut(addr, ".")
	c.copies = append(c.copies, typ+"."+copyName)
	c.blocks.WriteString(block)
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
		want, got := maps.Clone(orig.AttributeValues), maps.Clone(imported.AttributeValues)
		for _, attr := range ignore {
			delete(want, attr)
			delete(got, attr)
		}
		if !reflect.DeepEqual(want, got) {
			var diff []string
			for _, k := range slices.Sorted(maps.Keys(want)) {
				if !reflect.DeepEqual(want[k], got[k]) {
					diff = append(diff, fmt.Sprintf("%s: %v, imported %v", k, want[k], got[k]))
				}
			}
			return fmt.Errorf("%s imported differs from the state: %s", addr, strings.Join(diff, "; "))
		}
		return nil
	}))
}

// config returns the copies and their import blocks, to append to the step's configuration.
func (c *importCopies) config() string { return c.blocks.String() }

// removed returns removed blocks that forget the copies (their objects stay), for the next step's configuration.
func (c *importCopies) removed() string {
	var b strings.Builder
	for _, addr := range c.copies {
		fmt.Fprintf(&b, "\nremoved {\n  from = %s\n  lifecycle {\n    destroy = false\n  }\n}\n", addr)
	}
	return b.String()
}
