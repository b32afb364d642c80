package resources

import (
	"context"
	"fmt"
	"slices"

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
	_ resource.Resource                = (*groupMemberResource)(nil)
	_ resource.ResourceWithConfigure   = (*groupMemberResource)(nil)
	_ resource.ResourceWithImportState = (*groupMemberResource)(nil)
)

// NewGroupMember returns the zoom_group_member resource.
func NewGroupMember() resource.Resource { return &groupMemberResource{} }

type groupMemberResource struct {
	client *client.Client
}

// groupMemberModel is one user's membership of one group.
type groupMemberModel struct {
	ID       types.String `tfsdk:"id"`
	GroupID  types.String `tfsdk:"group_id"`
	UserID   types.String `tfsdk:"user_id"`
	MemberID types.String `tfsdk:"member_id"`
	Email    types.String `tfsdk:"email"`
	Primary  types.Bool   `tfsdk:"primary"`
}

// exclusivityNote is the rule the member resources' documentation states.
const exclusivityNote = "Manage a group's members either with one `zoom_group_members` (the whole set) or with " +
	"`zoom_group_member` resources (one user each), never both for the same group: `zoom_group_members` removes " +
	"every member it does not list, including those added by `zoom_group_member`, and the two would undo each other " +
	"on every apply."

func (r *groupMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_member"
}

// keepSpelling keeps the configured spelling of a user (ID or e-mail) while it names the user read from Zoom.
func keepSpelling(configured types.String, id, email string) types.String {
	if !configured.IsNull() && !configured.IsUnknown() && matchesUser(configured.ValueString(), id, email) {
		return configured
	}
	if email != "" {
		return types.StringValue(email)
	}
	return types.StringValue(id)
}

func (r *groupMemberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "One user's membership of a Zoom group (non-authoritative: other members of the group are left " +
			"alone). " + exclusivityNote + " A member removed from the group, deactivated or deleted in the Zoom web " +
			"portal shows as drift (Terraform plans to add them again), never as an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				Description: "`<group_id>/<member_id>`.",
			},
			"group_id": schema.StringAttribute{
				Required: true, Description: "The group's ID. Changing it replaces the membership.",
				Validators:    []validator.String{validators.NotBlank()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"user_id":   userRefAttribute("The member, a user of the account. Naming another user replaces the membership.", "member_id", "email", "the membership's user"),
			"member_id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "The member's user ID."},
			"email":     schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "The member's e-mail."},
			"primary": schema.BoolAttribute{
				Optional: true,
				Description: "When true, this group is made the user's primary group (whose settings the user " +
					"follows by default; by default it is the first group the user joined). Zoom does not report a " +
					"user's primary group, so a change made elsewhere is not detected, and setting it back to false " +
					"or removing it changes nothing in Zoom: the group stays primary until another one is made primary.",
			},
		},
	}
}

func (r *groupMemberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// addUsersError explains a failed groupMembersCreate or groupAdminsCreate.
func addUsersError(diags *diag.Diagnostics, summary, groupID string, err error) {
	switch {
	case client.IsGroupNotFound(err):
		diags.AddError(summary, fmt.Sprintf("%v\n\nThe account has no group %s (deleted, or a wrong group_id).", err, groupID))
	case client.IsNotFound(err):
		diags.AddError(summary, fmt.Sprintf("%v\n\nNot a user of the account: check the user ID or e-mail (it must "+
			"name an existing user).", err))
	default:
		diagnostics.AddAPIError(diags, summary, err)
	}
}

func (r *groupMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	groupID, ref := plan.GroupID.ValueString(), plan.UserID.ValueString()
	ids, err := r.client.Groups.AddMembers(ctx, groupID, []client.UserRef{client.RefTo(ref)})
	if err != nil {
		addUsersError(&resp.Diagnostics, "Error adding Zoom group member", groupID, err)
		return
	}
	u, err := r.client.Users.Get(ctx, ref)
	if err != nil || len(ids) == 0 {
		resp.Diagnostics.AddError("Error adding Zoom group member", fmt.Sprintf("Zoom did not add %q to group %s: "+
			"it is not a user of the account (check user_id).", ref, groupID))
		return
	}
	if plan.Primary.ValueBool() {
		if err := r.client.Groups.SetPrimary(ctx, groupID, u.ID); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error making the group the user's primary group", err)
			// The membership exists: keep it in the state so that destroy removes it.
			plan.Primary = types.BoolValue(false)
		}
	}
	plan.ID = types.StringValue(groupID + "/" + u.ID)
	plan.MemberID = types.StringValue(u.ID)
	plan.Email = types.StringValue(u.Email)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// readMembership reads the user and whether they are an effective member of the group: false (with a warning for
// a deactivated user) when the user is gone, deactivated or not in the group.
func readMembership(ctx context.Context, c *client.Client, groupID, userID string, diags *diag.Diagnostics) (*client.User, bool) {
	u, err := c.Users.Get(ctx, userID)
	if client.IsNotFound(err) {
		return nil, false
	}
	if err != nil {
		diagnostics.AddAPIError(diags, "Error reading Zoom user", err)
		return nil, false
	}
	if u.Status == client.UserStatusInactive {
		diags.AddWarning("Zoom group member deactivated", fmt.Sprintf("User %s is deactivated, so Terraform plans to "+
			"add them to group %s again. Reactivate the user, or remove the membership from the configuration.", u.Email, groupID))
		return u, false
	}
	return u, slices.Contains(u.GroupIDs, groupID)
}

func (r *groupMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	u, member := readMembership(ctx, r.client, state.GroupID.ValueString(), state.MemberID.ValueString(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !member {
		resp.State.RemoveResource(ctx)
		return
	}
	state.Email = types.StringValue(u.Email)
	state.UserID = keepSpelling(state.UserID, u.ID, u.Email)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *groupMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	if plan.Primary.ValueBool() && !state.Primary.ValueBool() {
		if err := r.client.Groups.SetPrimary(ctx, state.GroupID.ValueString(), state.MemberID.ValueString()); err != nil {
			if client.IsGroupMemberNotFound(err) || client.IsGroupNotFound(err) {
				resp.Diagnostics.AddError("Zoom group member not found", fmt.Sprintf("%v\n\nUser %s left group %s since "+
					"the last refresh; run plan again to add them.", err, state.Email.ValueString(), state.GroupID.ValueString()))
				return
			}
			diagnostics.AddAPIError(&resp.Diagnostics, "Error making the group the user's primary group", err)
			return
		}
	}
	plan.ID, plan.MemberID, plan.Email = state.ID, state.MemberID, state.Email
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *groupMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	err := r.client.Groups.RemoveMember(ctx, state.GroupID.ValueString(), state.MemberID.ValueString())
	if err != nil && !client.IsGroupMemberNotFound(err) && !client.IsGroupNotFound(err) && !client.IsNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error removing Zoom group member", err)
	}
}

// ImportState accepts "<group_id>/<user ID or e-mail>".
func (r *groupMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	groupID, ref, diags := splitPairID(req.ID, "group member")
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	u, member := readMembership(ctx, r.client, groupID, ref, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if u == nil || !member {
		resp.Diagnostics.AddError("Zoom group member not found", fmt.Sprintf("%q is not an active member of group %s.", ref, groupID))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupMemberModel{
		ID: types.StringValue(groupID + "/" + u.ID), GroupID: types.StringValue(groupID), UserID: types.StringValue(ref),
		MemberID: types.StringValue(u.ID), Email: types.StringValue(u.Email), Primary: types.BoolNull(),
	})...)
}
