package resources

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                = (*groupResource)(nil)
	_ resource.ResourceWithConfigure   = (*groupResource)(nil)
	_ resource.ResourceWithImportState = (*groupResource)(nil)
)

// NewGroup returns the zoom_group resource.
func NewGroup() resource.Resource { return &groupResource{} }

type groupResource struct {
	client *client.Client
}

// groupModel is a group of the account (docs/development/zoom-api.md#groups).
type groupModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	TotalMembers types.Int64  `tfsdk:"total_members"`
}

func (r *groupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (r *groupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A group of the Zoom account. Groups carry settings and licences for their members; manage " +
			"the members with `zoom_group_members` (the whole set) or `zoom_group_member` (one user each), never both " +
			"for the same group. Needs a Pro or higher plan.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The group ID.",
			},
			"name": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("Name, 1 to %d characters, unique in the account (Zoom compares names without "+
					"regard to letter case). Changed in place. A name another group already has is refused; if that "+
					"group should be managed here, import it.", client.MaxGroupNameLength),
				Validators: []validator.String{stringvalidator.LengthBetween(1, client.MaxGroupNameLength), validators.NotBlank()},
			},
			"total_members": schema.Int64Attribute{
				Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Description: "Number of members, as Zoom counted them at the last refresh.",
			},
		},
	}
}

func (r *groupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func groupToModel(g *client.Group) groupModel {
	return groupModel{ID: types.StringValue(g.ID), Name: types.StringValue(g.Name), TotalMembers: types.Int64Value(int64(g.TotalMembers))}
}

// nameTaken explains a 409 on a group name.
func nameTaken(err error, name string) string {
	return fmt.Sprintf("%v\n\nAnother group of the account is already named %q (Zoom compares group names without "+
		"regard to letter case). Choose another name, or, if that group should be managed by this configuration, "+
		"import it: terraform import <address of this zoom_group> %q", err, name, name)
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	name := plan.Name.ValueString()
	g, err := r.client.Groups.Create(ctx, name)
	if err != nil && client.IsMaybeProcessed(err) {
		// Zoom may have created the group before the answer was lost: a group with this exact name is ours.
		if found, lerr := findGroupByName(ctx, r.client, name, true); lerr == nil && found != nil {
			g, err = found, nil
		}
	}
	switch {
	case err != nil && client.IsGroupNameTaken(err):
		resp.Diagnostics.AddError("Zoom group name already in use", nameTaken(err, name))
		return
	case err != nil:
		diagnostics.AddAPIError(&resp.Diagnostics, "Error creating Zoom group", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupToModel(g))...)
}

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	g, err := r.client.Groups.Get(ctx, state.ID.ValueString())
	if client.IsGroupNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom group", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupToModel(g))...)
}

func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	id, name := state.ID.ValueString(), plan.Name.ValueString()
	if name != state.Name.ValueString() {
		if err := r.client.Groups.Rename(ctx, id, name); err != nil {
			switch {
			case client.IsGroupNameTaken(err):
				resp.Diagnostics.AddError("Zoom group name already in use", nameTaken(err, name))
			case client.IsGroupNotFound(err):
				resp.Diagnostics.AddError("Zoom group not found", fmt.Sprintf("%v\n\nGroup %s was deleted since the "+
					"last refresh; run plan again to create it.", err, id))
			default:
				diagnostics.AddAPIError(&resp.Diagnostics, "Error renaming Zoom group", err)
			}
			return
		}
	}
	plan.ID = state.ID
	plan.TotalMembers = state.TotalMembers
	if g, err := r.client.Groups.Get(ctx, id); err == nil {
		plan.TotalMembers = types.Int64Value(int64(g.TotalMembers))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// maxNamedMembers bounds how many members an error lists by name.
const maxNamedMembers = 20

func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	id := state.ID.ValueString()
	err := r.client.Groups.Delete(ctx, id)
	if err == nil || client.IsGroupNotFound(err) {
		return
	}
	if client.IsGroupRefused(err) {
		// Zoom refuses to delete a group that still has members (docs/development/zoom-api.md#groups): name them.
		if members, lerr := r.client.Groups.ListMembers(ctx, id); lerr == nil && len(members) > 0 {
			resp.Diagnostics.AddError("Zoom group still has members", fmt.Sprintf("%v\n\nZoom does not delete group "+
				"%q (%s) while it has members. Move or remove them first (remove their zoom_group_member or "+
				"zoom_group_members resources, or move them to another group in the Zoom web portal), then destroy "+
				"again. Members (%d): %s", err, state.Name.ValueString(), id, len(members), describeMembers(members)))
			return
		}
	}
	diagnostics.AddAPIError(&resp.Diagnostics, "Error deleting Zoom group", err)
}

// describeMembers lists members by e-mail, sorted, at most maxNamedMembers of them.
func describeMembers(members []client.GroupMember) string {
	names := make([]string, 0, len(members))
	for _, m := range members {
		name := m.Email
		if name == "" {
			name = m.ID
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) > maxNamedMembers {
		return strings.Join(names[:maxNamedMembers], ", ") + fmt.Sprintf(" and %d more", len(names)-maxNamedMembers)
	}
	return strings.Join(names, ", ")
}

// ImportState accepts the group's ID or its name.
func (r *groupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	ref := strings.TrimSpace(req.ID)
	if ref == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a Zoom group by its ID or its name.")
		return
	}
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	g, diags := lookupGroup(ctx, r.client, ref)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupToModel(g))...)
}

// lookupGroup finds a group by ID or, failing that, by name (exact spelling first, then without regard to case).
func lookupGroup(ctx context.Context, c *client.Client, ref string) (*client.Group, diag.Diagnostics) {
	var diags diag.Diagnostics
	g, err := c.Groups.Get(ctx, ref)
	if err == nil {
		return g, nil
	}
	if !client.IsGroupNotFound(err) {
		diagnostics.AddAPIError(&diags, "Error reading Zoom group", err)
		return nil, diags
	}
	g, err = findGroupByName(ctx, c, ref, false)
	if err != nil {
		diagnostics.AddAPIError(&diags, "Error listing Zoom groups", err)
		return nil, diags
	}
	if g == nil {
		diags.AddError("Zoom group not found", fmt.Sprintf("The account has no group with the ID or name %q.", ref))
	}
	return g, diags
}

// findGroupByName returns the group named name: the exact spelling, else (unless exact) the only one equal
// without regard to case; nil when there is none.
func findGroupByName(ctx context.Context, c *client.Client, name string, exact bool) (*client.Group, error) {
	groups, err := c.Groups.List(ctx)
	if err != nil {
		return nil, err
	}
	var folded *client.Group
	for i := range groups {
		if groups[i].Name == name {
			return &groups[i], nil
		}
		if strings.EqualFold(groups[i].Name, name) {
			folded = &groups[i]
		}
	}
	if exact {
		return nil, nil
	}
	return folded, nil
}

// splitPairID splits an import ID "<group_id>/<user ID or e-mail>".
func splitPairID(id, what string) (string, string, diag.Diagnostics) {
	var diags diag.Diagnostics
	g, u, ok := splitPair(id)
	if !ok {
		diags.AddError("Invalid import ID", fmt.Sprintf("Import a %s as <group_id>/<user ID or e-mail>, got %q.", what, id))
	}
	return g, u, diags
}
