package datasources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ datasource.DataSource              = (*roleDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*roleDataSource)(nil)
)

// NewRole returns the zoom_role data source.
func NewRole() datasource.DataSource { return &roleDataSource{} }

type roleDataSource struct {
	client *client.Client
}

type roleDSModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Description  types.String `tfsdk:"description"`
	Privileges   types.Set    `tfsdk:"privileges"`
	TotalMembers types.Int64  `tfsdk:"total_members"`
	BuiltIn      types.Bool   `tfsdk:"built_in"`
}

func (d *roleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (d *roleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	one := []validator.String{stringvalidator.LengthAtLeast(1),
		stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
	resp.Schema = schema.Schema{
		Description: "One role of the Zoom account, by ID or by name, including the built-in Owner (`0`), Admin " +
			"(`1`) and Member (`2`) roles.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, Validators: one,
				Description: "Role ID. Give `id` or `name`."},
			"name": schema.StringAttribute{Optional: true, Computed: true, Validators: one,
				Description: "Role name, matched case-insensitively. Give `id` or `name`."},
			"description": schema.StringAttribute{Computed: true, Description: "Description of the role."},
			"privileges": schema.SetAttribute{Computed: true, ElementType: types.StringType,
				Description: "Privileges of the role, e.g. `User:Read`."},
			"total_members": schema.Int64Attribute{Computed: true, Description: "Number of users who hold the role."},
			"built_in":      schema.BoolAttribute{Computed: true, Description: "Whether it is one of Zoom's built-in roles (Owner, Admin, Member)."},
		},
	}
}

func (d *roleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *roleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m roleDSModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	if id == "" {
		roles, err := d.client.Roles.List(ctx)
		if err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom roles", err)
			return
		}
		var names []string
		for _, r := range roles {
			names = append(names, r.Name)
			if strings.EqualFold(r.Name, strings.TrimSpace(m.Name.ValueString())) {
				id = r.ID
			}
		}
		if id == "" {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Zoom role not found",
				fmt.Sprintf("No role of the account is named %q. The roles are: %s.", m.Name.ValueString(), strings.Join(names, ", ")))
			return
		}
	}
	r, err := d.client.Roles.Get(ctx, id)
	if err != nil {
		detail := diagnostics.Explain(err)
		if client.IsRoleNotFound(err) {
			detail = fmt.Sprintf("No role of the account has the ID %q.\n\nZoom said: %s", id, err.Error())
		}
		resp.Diagnostics.AddError("Error reading Zoom role "+id, detail)
		return
	}
	vals := make([]attr.Value, 0, len(r.Privileges))
	for _, p := range r.Privileges {
		vals = append(vals, types.StringValue(p))
	}
	m.ID = types.StringValue(r.ID)
	m.Name = types.StringValue(r.Name)
	m.Description = types.StringValue(r.Description)
	m.Privileges = types.SetValueMust(types.StringType, vals)
	m.TotalMembers = types.Int64Value(int64(r.TotalMembers))
	m.BuiltIn = types.BoolValue(client.IsBuiltinRole(r.ID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
