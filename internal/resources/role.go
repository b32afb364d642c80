package resources

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                = (*roleResource)(nil)
	_ resource.ResourceWithConfigure   = (*roleResource)(nil)
	_ resource.ResourceWithImportState = (*roleResource)(nil)
)

// NewRole returns the zoom_role resource.
func NewRole() resource.Resource { return &roleResource{} }

type roleResource struct {
	client *client.Client
}

type roleModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Description  types.String `tfsdk:"description"`
	Privileges   types.Set    `tfsdk:"privileges"`
	TotalMembers types.Int64  `tfsdk:"total_members"`
}

// builtinRoleNote explains why the built-in roles are not managed.
const builtinRoleNote = "Zoom's built-in roles (Owner, Admin and Member) cannot be changed or deleted; read them " +
	"with the zoom_role data source."

func (r *roleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (r *roleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "A custom role of the Zoom account (role-based access control): a name and the privileges its " +
			"members get. " + builtinRoleNote + " Members are managed with zoom_role_member or zoom_role_members. " +
			"Destroying a role that still has members fails when Zoom refuses it; the error names the members to move.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "Role ID."},
			"name": schema.StringAttribute{
				Required: true,
				Description: "Role name, unique in the account (Zoom refuses a name another role has). The names of the " +
					"built-in roles are refused. Changed in place.",
				Validators: []validator.String{roleNameValidator{}},
			},
			"description": schema.StringAttribute{
				Optional: true, Description: "Description of the role. Changed in place; removing it clears it.",
				Validators: []validator.String{validators.NotBlank()},
			},
			"privileges": schema.SetAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				Default: setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
				Description: "Privileges of the role, written `<Area>:<Action>` as Zoom names them, e.g. `User:Read`, " +
					"`User:Edit`, `Group:Read`, `Branding:Edit` (see Zoom's privileges reference; the API documents no " +
					"complete list, so the provider checks the form and Zoom checks the names). Default none. Changed in place.",
				Validators: []validator.Set{privilegesValidator{}},
			},
			"total_members": schema.Int64Attribute{
				Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Description: "Number of users who hold the role (as of the last refresh).",
			},
		},
	}
}

func (r *roleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// roleNameValidator refuses an empty name and the built-in roles' names.
type roleNameValidator struct{}

func (roleNameValidator) Description(context.Context) string {
	return "a non-empty name that is not Owner, Admin or Member"
}
func (v roleNameValidator) MarkdownDescription(c context.Context) string { return v.Description(c) }
func (roleNameValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := strings.TrimSpace(req.ConfigValue.ValueString())
	if name == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Missing role name", "Zoom needs a role name.")
		return
	}
	for _, b := range client.BuiltinRoleNames {
		if strings.EqualFold(name, b) {
			resp.Diagnostics.AddAttributeError(req.Path, "Built-in role",
				fmt.Sprintf("%q is the name of a built-in role. %s", name, builtinRoleNote))
		}
	}
}

// privilegePattern is the `<Area>:<Action>` form of Zoom's privilege names.
var privilegePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*:[A-Za-z][A-Za-z0-9_]*$`)

type privilegesValidator struct{}

func (privilegesValidator) Description(context.Context) string {
	return "privilege names of the form <Area>:<Action>"
}
func (v privilegesValidator) MarkdownDescription(c context.Context) string { return v.Description(c) }
func (privilegesValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() {
			continue
		}
		if !privilegePattern.MatchString(s.ValueString()) {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid privilege",
				fmt.Sprintf("%q is not a Zoom privilege name: Zoom names privileges <Area>:<Action>, for example "+
					"User:Read or Group:Edit.", s.ValueString()))
		}
	}
}

func (r *roleResource) request(ctx context.Context, m *roleModel, create bool) (*client.RoleRequest, bool) {
	req := &client.RoleRequest{Name: client.Ptr(m.Name.ValueString())}
	switch {
	case !m.Description.IsNull():
		req.Description = client.Ptr(m.Description.ValueString())
	case !create:
		req.Description = client.Ptr("")
	}
	privs, ok := stringSet(ctx, m.Privileges)
	if !ok {
		return nil, false
	}
	if privs == nil {
		privs = []string{}
	}
	if len(privs) > 0 || !create {
		req.Privileges = &privs
	}
	return req, true
}

// stringSet returns the elements of a known set, sorted.
func stringSet(ctx context.Context, s types.Set) ([]string, bool) {
	if s.IsNull() || s.IsUnknown() {
		return nil, true
	}
	var out []string
	if d := s.ElementsAs(ctx, &out, false); d.HasError() {
		return nil, false
	}
	sort.Strings(out)
	return out, true
}

func setOf(list []string) types.Set {
	vals := make([]attr.Value, 0, len(list))
	for _, s := range list {
		vals = append(vals, types.StringValue(s))
	}
	return types.SetValueMust(types.StringType, vals)
}

func roleFromAPI(got *client.Role, m *roleModel) {
	m.ID = types.StringValue(got.ID)
	m.Name = types.StringValue(got.Name)
	m.Description = tfvalue.StringOrNull(got.Description)
	m.Privileges = setOf(got.Privileges)
	m.TotalMembers = types.Int64Value(int64(got.TotalMembers))
}

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, ok := r.request(ctx, &plan, true)
	if !ok {
		return
	}
	created, err := r.client.Roles.Create(ctx, body)
	if err != nil && client.IsMaybeProcessed(err) {
		// Zoom may have created it: take over a role of that name, else fail as usual.
		if found, ferr := findRoleByName(ctx, r.client, plan.Name.ValueString()); ferr == nil && found != nil && !client.IsBuiltinRole(found.ID) {
			created, err = found, nil
		}
	}
	if err != nil {
		detail := diagnostics.Explain(err)
		if client.IsRoleNameTaken(err) {
			detail = fmt.Sprintf("Another role of the account is already named %q. Choose another name, or bring the "+
				"existing role under Terraform: terraform import <address> %q\n\nZoom said: %s",
				plan.Name.ValueString(), plan.Name.ValueString(), err.Error())
		}
		resp.Diagnostics.AddError("Error creating Zoom role", detail)
		return
	}
	got, err := r.client.Roles.Get(ctx, created.ID)
	if err != nil {
		// The role exists; record it so that the next plan refreshes it rather than creating it again.
		plan.ID = types.StringValue(created.ID)
		plan.TotalMembers = types.Int64Value(int64(created.TotalMembers))
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading the new Zoom role "+created.ID, err)
		return
	}
	roleFromAPI(got, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := r.client.Roles.Get(ctx, state.ID.ValueString())
	if err != nil {
		if client.IsRoleNotFound(err) {
			resp.State.RemoveResource(ctx)
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom role "+state.ID.ValueString(), err)
		return
	}
	roleFromAPI(got, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *roleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, state roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, ok := r.request(ctx, &plan, false)
	if !ok {
		return
	}
	if plan.Name.Equal(state.Name) {
		body.Name = nil
	}
	id := state.ID.ValueString()
	if err := r.client.Roles.Update(ctx, id, body); err != nil {
		detail := diagnostics.Explain(err)
		if client.IsRoleNameTaken(err) {
			detail = fmt.Sprintf("Another role of the account is already named %q; choose another name.\n\nZoom said: %s",
				plan.Name.ValueString(), err.Error())
		}
		resp.Diagnostics.AddError("Error updating Zoom role "+id, detail)
		return
	}
	got, err := r.client.Roles.Get(ctx, id)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom role "+id, err)
		return
	}
	members := state.TotalMembers
	roleFromAPI(got, &plan)
	plan.TotalMembers = members // an update does not change the members; the next refresh records their number
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	err := r.client.Roles.Delete(ctx, id)
	if err == nil || client.IsRoleNotFound(err) {
		return
	}
	detail := diagnostics.Explain(err)
	if members, lerr := r.client.Roles.ListMembers(ctx, id); lerr == nil && len(members) > 0 {
		detail = fmt.Sprintf("Zoom did not delete the role while users hold it. Give these members another role "+
			"first (remove them from zoom_role_member / zoom_role_members, or assign them another role in Zoom): %s."+
			"\n\nZoom said: %s", roleMemberList(members), err.Error())
	}
	resp.Diagnostics.AddError("Error deleting Zoom role "+id, detail)
}

// roleMemberList names up to 20 members by e-mail (or ID).
func roleMemberList(members []client.RoleMember) string {
	names := make([]string, 0, len(members))
	for _, m := range members {
		n := m.Email
		if n == "" {
			n = m.ID
		}
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 20 {
		return strings.Join(names[:20], ", ") + fmt.Sprintf(" and %d more", len(names)-20)
	}
	return strings.Join(names, ", ")
}

// findRoleByName returns the role named name (case-insensitively), or nil.
func findRoleByName(ctx context.Context, c *client.Client, name string) (*client.Role, error) {
	roles, err := c.Roles.List(ctx)
	if err != nil {
		return nil, err
	}
	for i := range roles {
		if strings.EqualFold(roles[i].Name, strings.TrimSpace(name)) {
			return &roles[i], nil
		}
	}
	return nil, nil
}

// ImportState accepts a role ID or a role name; built-in roles are refused.
func (r *roleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	ref := strings.TrimSpace(req.ID)
	id := ref
	if !client.IsBuiltinRole(ref) && r.client != nil {
		found, err := findRoleByName(ctx, r.client, ref)
		if err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom roles", err)
			return
		}
		if found != nil {
			id = found.ID
		}
	}
	if client.IsBuiltinRole(id) {
		resp.Diagnostics.AddError("Built-in role", fmt.Sprintf("%q is one of Zoom's built-in roles. %s", ref, builtinRoleNote))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}
