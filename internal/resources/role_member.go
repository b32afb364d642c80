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
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                = (*roleMemberResource)(nil)
	_ resource.ResourceWithConfigure   = (*roleMemberResource)(nil)
	_ resource.ResourceWithImportState = (*roleMemberResource)(nil)
)

// NewRoleMember returns the zoom_role_member resource.
func NewRoleMember() resource.Resource { return &roleMemberResource{} }

type roleMemberResource struct {
	client *client.Client
}

type roleMemberModel struct {
	ID          types.String `tfsdk:"id"`
	RoleID      types.String `tfsdk:"role_id"`
	UserID      types.String `tfsdk:"user_id"`
	MemberID    types.String `tfsdk:"member_id"`
	MemberEmail types.String `tfsdk:"member_email"`
}

// roleMembershipRule is said in the docs of both role membership resources.
const roleMembershipRule = "A user holds exactly one role: assigning a role moves the user out of the role they " +
	"held. Manage a role's members either with zoom_role_members (authoritative: the whole set) or with " +
	"zoom_role_member (one user each), never both for the same role, or the two undo each other on every apply."

func (r *roleMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_member"
}

// userRefAttribute is a user given by ID or e-mail, compared with the user's recorded ID and e-mail.
func userRefAttribute(desc, idAttr, emailAttr, what string) schema.StringAttribute {
	msg := "Changing " + what + " replaces the resource; the same user written as ID or e-mail does not."
	return schema.StringAttribute{
		Required:    true,
		Description: desc + " A user ID or e-mail address; switching between the two spellings of the same user changes nothing.",
		Validators:  []validator.String{validators.NotBlank()},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
			func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
				if req.StateValue.IsNull() || req.PlanValue.IsUnknown() {
					resp.RequiresReplace = !req.StateValue.IsNull()
					return
				}
				var id, email types.String
				resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(idAttr), &id)...)
				resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(emailAttr), &email)...)
				resp.RequiresReplace = !sameUserRef(req.PlanValue.ValueString(), req.StateValue.ValueString(), id.ValueString(), email.ValueString())
			}, msg, msg)},
	}
}

// sameUserRef reports whether want names the user recorded as prior (the configured spelling), id and email.
func sameUserRef(want, prior, id, email string) bool {
	return strings.EqualFold(want, prior) || (id != "" && want == id) || (email != "" && strings.EqualFold(want, email))
}

// matchesUser reports whether ref (an ID or e-mail) names the user with this ID and e-mail.
func matchesUser(ref, id, email string) bool {
	return ref == id || (email != "" && strings.EqualFold(ref, email))
}

// noMembersRole refuses the roles that take no members through the API.
type noMembersRole struct{ authoritative bool }

func (v noMembersRole) Description(context.Context) string {
	if v.authoritative {
		return "a custom role ID"
	}
	return "a role ID other than the Owner (0) and Member (2) roles"
}
func (v noMembersRole) MarkdownDescription(c context.Context) string { return v.Description(c) }
func (v noMembersRole) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	id := strings.TrimSpace(req.ConfigValue.ValueString())
	switch {
	case id == "":
		resp.Diagnostics.AddAttributeError(req.Path, "Missing role ID", "Give the ID of the role (zoom_role.<name>.id).")
	case id == client.RoleIDOwner || id == client.RoleIDMember:
		resp.Diagnostics.AddAttributeError(req.Path, "Role takes no members",
			fmt.Sprintf("Zoom does not add members to or remove members from its built-in %s role: the account has one "+
				"owner, and users return to the Member role when their role is removed.", client.BuiltinRoleNames[id]))
	case v.authoritative && id == client.RoleIDAdmin:
		resp.Diagnostics.AddAttributeError(req.Path, "Built-in role",
			"zoom_role_members manages custom roles only: taking over the built-in Admin role would demote every "+
				"admin not listed. Assign the Admin role to single users with zoom_role_member.")
	}
}

func (r *roleMemberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "Assigns a role to one user (non-authoritative: other members of the role are left alone). " +
			roleMembershipRule + " Destroying it unassigns the role, which moves the user back to the account's " +
			"default Member role. A user deleted in Zoom, or moved to another role outside Terraform, shows as drift " +
			"and the next apply assigns the role again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{keepUnless("user_id")},
				Description: "`<role_id>/<user_id>`."},
			"role_id": schema.StringAttribute{
				Required: true, Description: "ID of the role: a custom role or the built-in Admin role (`1`). Changing it replaces the resource.",
				Validators:    []validator.String{noMembersRole{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"user_id":      userRefAttribute("The user who gets the role.", "member_id", "member_email", "the user"),
			"member_id":    schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "User ID of the member."},
			"member_email": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "E-mail address of the member."},
		},
	}
}

func (r *roleMemberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// lookup reads the user and reports whether they hold the role.
func (r *roleMemberResource) lookup(ctx context.Context, m *roleMemberModel) (bool, error) {
	ref := m.MemberID.ValueString()
	if ref == "" {
		ref = m.UserID.ValueString()
	}
	u, err := r.client.Users.Get(ctx, ref)
	if err != nil {
		return false, err
	}
	if u.RoleID != m.RoleID.ValueString() {
		return false, nil
	}
	m.MemberID = types.StringValue(u.ID)
	m.MemberEmail = tfvalue.StringOrNull(u.Email)
	if m.UserID.IsNull() || !matchesUser(m.UserID.ValueString(), u.ID, u.Email) {
		m.UserID = types.StringValue(u.ID)
	}
	m.ID = types.StringValue(m.RoleID.ValueString() + "/" + m.UserID.ValueString())
	return true, nil
}

func (r *roleMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan roleMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	role, user := plan.RoleID.ValueString(), plan.UserID.ValueString()
	if err := r.client.Roles.AddMembers(ctx, role, []client.UserRef{client.RefTo(user)}); err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error assigning Zoom role %s to %s", role, user), err)
		return
	}
	plan.MemberID, plan.MemberEmail = types.StringNull(), types.StringNull()
	ok, err := r.lookup(ctx, &plan)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom user "+user, err)
		return
	}
	if !ok {
		resp.Diagnostics.AddError("Role not assigned", fmt.Sprintf("Zoom accepted the assignment of role %s to %s, "+
			"but the user does not hold it.", role, user))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roleMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state roleMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ok, err := r.lookup(ctx, &state)
	if err != nil && !client.IsNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom role member "+state.ID.ValueString(), err)
		return
	}
	if !ok {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only records another spelling of the same user.
func (r *roleMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roleMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.MemberID, plan.MemberEmail = state.MemberID, state.MemberEmail
	plan.ID = types.StringValue(plan.RoleID.ValueString() + "/" + plan.UserID.ValueString())
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roleMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state roleMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.Roles.RemoveMember(ctx, state.RoleID.ValueString(), state.MemberID.ValueString())
	if err != nil && !client.IsNotFound(err) && !client.IsRoleNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error unassigning Zoom role member "+state.ID.ValueString(), err)
	}
}

// ImportState accepts `<role_id>/<user_id or e-mail>`.
func (r *roleMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	role, user, ok := splitPair(req.ID)
	if !ok {
		resp.Diagnostics.AddError("Invalid role member ID",
			fmt.Sprintf("A role member is imported as <role_id>/<user_id or e-mail>, not %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), role+"/"+user)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("role_id"), role)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), user)...)
}

// splitPair splits `<a>/<b>` with both parts non-empty.
func splitPair(id string) (string, string, bool) {
	a, b, found := strings.Cut(strings.TrimSpace(id), "/")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a, b, found && a != "" && b != "" && !strings.Contains(b, "/")
}
