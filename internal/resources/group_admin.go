package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                = (*groupAdminResource)(nil)
	_ resource.ResourceWithConfigure   = (*groupAdminResource)(nil)
	_ resource.ResourceWithImportState = (*groupAdminResource)(nil)
)

// NewGroupAdmin returns the zoom_group_admin resource.
func NewGroupAdmin() resource.Resource { return &groupAdminResource{} }

type groupAdminResource struct {
	client *client.Client
}

// groupAdminModel is one administrator of one group.
type groupAdminModel struct {
	ID      types.String `tfsdk:"id"`
	GroupID types.String `tfsdk:"group_id"`
	UserID  types.String `tfsdk:"user_id"`
	AdminID types.String `tfsdk:"admin_id"`
	Email   types.String `tfsdk:"email"`
}

func (r *groupAdminResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_admin"
}

func (r *groupAdminResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "An administrator of a Zoom group: a user who manages the group's members and settings. The " +
			"user need not be a member of the group. An administrator removed in the Zoom web portal, or a user deleted " +
			"there, shows as drift.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "`<group_id>/<admin_id>`."},
			"group_id": schema.StringAttribute{
				Required: true, Description: "The group's ID. Changing it replaces the administrator.",
				Validators:    []validator.String{validators.NotBlank()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"user_id":  userRefAttribute("The administrator, a user of the account. Naming another user replaces the resource.", "admin_id", "email", "the administrator"),
			"admin_id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "The administrator's user ID."},
			"email":    schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "The administrator's e-mail."},
		},
	}
}

func (r *groupAdminResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (r *groupAdminResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupAdminModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	groupID, ref := plan.GroupID.ValueString(), plan.UserID.ValueString()
	ids, err := r.client.Groups.AddAdmins(ctx, groupID, []client.UserRef{client.RefTo(ref)})
	if err != nil {
		addUsersError(&resp.Diagnostics, "Error adding Zoom group administrator", groupID, err)
		return
	}
	u, err := r.client.Users.Get(ctx, ref)
	if err != nil || len(ids) == 0 {
		resp.Diagnostics.AddError("Error adding Zoom group administrator", fmt.Sprintf("Zoom did not make %q an "+
			"administrator of group %s: it is not a user of the account (check user_id).", ref, groupID))
		return
	}
	plan.ID = types.StringValue(groupID + "/" + u.ID)
	plan.AdminID = types.StringValue(u.ID)
	plan.Email = types.StringValue(u.Email)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// readAdmin reads the user and whether they administer the group (groupAdmins lists e-mails, not IDs).
func readAdmin(ctx context.Context, c *client.Client, groupID, userID string, diags *diag.Diagnostics) (*client.User, bool) {
	u, err := c.Users.Get(ctx, userID)
	if client.IsNotFound(err) {
		return nil, false
	}
	if err != nil {
		diagnostics.AddAPIError(diags, "Error reading Zoom user", err)
		return nil, false
	}
	admins, err := c.Groups.ListAdmins(ctx, groupID)
	if client.IsGroupNotFound(err) {
		return u, false
	}
	if err != nil {
		diagnostics.AddAPIError(diags, "Error reading Zoom group administrators", err)
		return nil, false
	}
	for _, a := range admins {
		if strings.EqualFold(a.Email, u.Email) {
			return u, true
		}
	}
	return u, false
}

func (r *groupAdminResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupAdminModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	u, ok := readAdmin(ctx, r.client, state.GroupID.ValueString(), state.AdminID.ValueString(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !ok {
		resp.State.RemoveResource(ctx)
		return
	}
	state.Email = types.StringValue(u.Email)
	state.UserID = keepSpelling(state.UserID, u.ID, u.Email)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update only records another spelling of the same user (every other change replaces the resource).
func (r *groupAdminResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupAdminModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.AdminID, plan.Email = state.ID, state.AdminID, state.Email
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *groupAdminResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupAdminModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	err := r.client.Groups.RemoveAdmin(ctx, state.GroupID.ValueString(), state.AdminID.ValueString())
	if err != nil && !client.IsNotGroupAdmin(err) && !client.IsGroupNotFound(err) && !client.IsNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error removing Zoom group administrator", err)
	}
}

// ImportState accepts "<group_id>/<user ID or e-mail>".
func (r *groupAdminResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	groupID, ref, diags := splitPairID(req.ID, "group administrator")
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	u, ok := readAdmin(ctx, r.client, groupID, ref, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !ok {
		resp.Diagnostics.AddError("Zoom group administrator not found", fmt.Sprintf("%q is not an administrator of group %s.", ref, groupID))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupAdminModel{
		ID: types.StringValue(groupID + "/" + u.ID), GroupID: types.StringValue(groupID), UserID: types.StringValue(ref),
		AdminID: types.StringValue(u.ID), Email: types.StringValue(u.Email),
	})...)
}
