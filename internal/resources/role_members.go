package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ resource.Resource                = (*roleMembersResource)(nil)
	_ resource.ResourceWithConfigure   = (*roleMembersResource)(nil)
	_ resource.ResourceWithImportState = (*roleMembersResource)(nil)
)

// NewRoleMembers returns the zoom_role_members resource.
func NewRoleMembers() resource.Resource { return &roleMembersResource{} }

type roleMembersResource struct {
	client *client.Client
}

type roleMembersModel struct {
	ID      types.String `tfsdk:"id"`
	RoleID  types.String `tfsdk:"role_id"`
	Members types.Set    `tfsdk:"members"`
}

func (r *roleMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_members"
}

func (r *roleMembersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The whole set of members of a custom role (authoritative): users given the role outside " +
			"Terraform show as drift and the next apply unassigns them; members who lose the role, or are deleted, " +
			"outside Terraform show as drift too. " + roleMembershipRule + " Users unassigned by this resource, and " +
			"every member when it is destroyed, go back to the account's default Member role. Zoom assigns up to 30 " +
			"users per request and unassigns them one by one.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The role ID.",
			},
			"role_id": schema.StringAttribute{
				Required: true, Description: "ID of a custom role (zoom_role.<name>.id). Changing it replaces the resource.",
				Validators:    []validator.String{noMembersRole{authoritative: true}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"members": schema.SetAttribute{
				ElementType: types.StringType, Required: true,
				Description: "The members: user IDs or e-mail addresses (either spelling of a user is kept as written). " +
					"An empty set unassigns everyone. Members added outside Terraform appear here by e-mail.",
				Validators: []validator.Set{nonEmptyElements{}},
			},
		},
	}
}

func (r *roleMembersResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// nonEmptyElements refuses empty strings in a set.
type nonEmptyElements struct{}

func (nonEmptyElements) Description(context.Context) string             { return "elements must not be empty" }
func (v nonEmptyElements) MarkdownDescription(c context.Context) string { return v.Description(c) }
func (nonEmptyElements) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, e := range req.ConfigValue.Elements() {
		if s, ok := e.(types.String); ok && !s.IsUnknown() && strings.TrimSpace(s.ValueString()) == "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Empty member", "Each member is a user ID or e-mail address.")
		}
	}
}

// membersAsWritten maps the role's current members to the spellings of want (IDs or e-mails); members want does
// not name appear by e-mail (or ID when Zoom gives none).
func membersAsWritten(current []client.RoleMember, want []string) []string {
	out := make([]string, 0, len(current))
	for _, m := range current {
		name := m.Email
		if name == "" {
			name = m.ID
		}
		for _, w := range want {
			if matchesUser(w, m.ID, m.Email) {
				name = w
				break
			}
		}
		out = append(out, name)
	}
	return out
}

// sync makes the role's members exactly want: it assigns the missing ones (30 per request) and unassigns the others.
func (r *roleMembersResource) sync(ctx context.Context, role string, want []string) error {
	current, err := r.client.Roles.ListMembers(ctx, role)
	if err != nil {
		return err
	}
	var add []client.UserRef
	for _, w := range want {
		found := false
		for _, m := range current {
			if matchesUser(w, m.ID, m.Email) {
				found = true
				break
			}
		}
		if !found {
			add = append(add, client.RefTo(w))
		}
	}
	for len(add) > 0 {
		n := min(len(add), client.MaxRoleMembersPerAdd)
		if err := r.client.Roles.AddMembers(ctx, role, add[:n]); err != nil {
			return err
		}
		add = add[n:]
	}
	for _, m := range current {
		keep := false
		for _, w := range want {
			if matchesUser(w, m.ID, m.Email) {
				keep = true
				break
			}
		}
		if !keep {
			if err := r.client.Roles.RemoveMember(ctx, role, m.ID); err != nil && !client.IsNotFound(err) {
				return err
			}
		}
	}
	return nil
}

func (r *roleMembersResource) apply(ctx context.Context, plan *roleMembersModel, diags func(string, error)) bool {
	want, ok := stringSet(ctx, plan.Members)
	if !ok {
		return false
	}
	role := plan.RoleID.ValueString()
	if err := r.sync(ctx, role, want); err != nil {
		diags("Error setting the members of Zoom role "+role, err)
		return false
	}
	current, err := r.client.Roles.ListMembers(ctx, role)
	if err != nil {
		diags("Error reading the members of Zoom role "+role, err)
		return false
	}
	plan.ID = types.StringValue(role)
	plan.Members = setOf(membersAsWritten(current, want))
	return true
}

func (r *roleMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan roleMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.apply(ctx, &plan, func(s string, err error) { diagnostics.AddAPIError(&resp.Diagnostics, s, err) }) {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

func (r *roleMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan roleMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.apply(ctx, &plan, func(s string, err error) { diagnostics.AddAPIError(&resp.Diagnostics, s, err) }) {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

func (r *roleMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state roleMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	role := state.ID.ValueString()
	current, err := r.client.Roles.ListMembers(ctx, role)
	if err != nil {
		if client.IsRoleNotFound(err) {
			resp.State.RemoveResource(ctx)
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading the members of Zoom role "+role, err)
		return
	}
	want, _ := stringSet(ctx, state.Members)
	state.RoleID = types.StringValue(role)
	state.Members = setOf(membersAsWritten(current, want))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *roleMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state roleMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	role := state.RoleID.ValueString()
	if err := r.sync(ctx, role, nil); err != nil && !client.IsRoleNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error unassigning the members of Zoom role "+role, err)
	}
}

// ImportState accepts a role ID.
func (r *roleMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if id == "" || client.IsBuiltinRole(id) {
		resp.Diagnostics.AddError("Invalid role ID", fmt.Sprintf("zoom_role_members is imported by the ID of a custom role, not %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("members"), types.SetValueMust(types.StringType, nil))...)
}
