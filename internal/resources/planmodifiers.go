package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// keepUnlessChanged is the targeted form of UseStateForUnknown: an unconfigured computed value keeps its prior
// value in an update plan unless one of the attributes it depends on changes. Zoom may then derive a new value,
// so the plan says "known after apply" instead of promising the old one; any other change leaves it known.
type keepUnlessChanged struct {
	// dependsOn are the top-level attributes the value follows.
	dependsOn []string
}

// keepUnless returns the plan modifier that keeps a prior value unless one of the named attributes changes.
func keepUnless(dependsOn ...string) keepUnlessChanged {
	return keepUnlessChanged{dependsOn: dependsOn}
}

func (m keepUnlessChanged) Description(context.Context) string {
	return "Keeps the prior value unless " + strings.Join(m.dependsOn, " or ") + " changes."
}

func (m keepUnlessChanged) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

// keep reports whether the prior value stands: there is one, the configuration does not set the value, the plan
// has it unknown, and every attribute it depends on is planned as it was. A dependency that is not configured
// counts as unchanged even while the plan still has it unknown: the dependencies are arguments that keep their
// prior value when not set (UseStateForUnknown), which the framework applies to them separately.
func (m keepUnlessChanged) keep(ctx context.Context, plan tfsdk.Plan, config tfsdk.Config, state tfsdk.State, prior, configured, planned attr.Value, diags *diag.Diagnostics) bool {
	if prior.IsNull() || prior.IsUnknown() || !configured.IsNull() || !planned.IsUnknown() {
		return false
	}
	for _, name := range m.dependsOn {
		var p, c, s attr.Value
		diags.Append(plan.GetAttribute(ctx, path.Root(name), &p)...)
		diags.Append(config.GetAttribute(ctx, path.Root(name), &c)...)
		diags.Append(state.GetAttribute(ctx, path.Root(name), &s)...)
		if diags.HasError() || p == nil || c == nil || s == nil {
			return false
		}
		if p.IsUnknown() && c.IsNull() {
			continue
		}
		if !p.Equal(s) {
			return false
		}
	}
	return true
}

func (m keepUnlessChanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if m.keep(ctx, req.Plan, req.Config, req.State, req.StateValue, req.ConfigValue, req.PlanValue, &resp.Diagnostics) {
		resp.PlanValue = req.StateValue
	}
}

func (m keepUnlessChanged) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	if m.keep(ctx, req.Plan, req.Config, req.State, req.StateValue, req.ConfigValue, req.PlanValue, &resp.Diagnostics) {
		resp.PlanValue = req.StateValue
	}
}

var (
	_ planmodifier.String = keepUnlessChanged{}
	_ planmodifier.Bool   = keepUnlessChanged{}
)
