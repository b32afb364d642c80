package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// displayNameFollowsNames keeps an unconfigured display_name at its prior value, unless the first or last name
// changes: Zoom may then derive a new display name, so the plan says "known after apply" instead of promising
// the old one.
type displayNameFollowsNames struct{}

func (displayNameFollowsNames) Description(context.Context) string {
	return "Keeps the prior display name unless the first or last name changes."
}

func (m displayNameFollowsNames) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (displayNameFollowsNames) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.ConfigValue.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	for _, name := range []string{"first_name", "last_name"} {
		var planned, prior types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &prior)...)
		if !planned.Equal(prior) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
