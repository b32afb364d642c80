package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ datasource.DataSource              = (*rolesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*rolesDataSource)(nil)
)

// NewRoles returns the zoom_roles data source.
func NewRoles() datasource.DataSource { return &rolesDataSource{} }

type rolesDataSource struct {
	client *client.Client
}

type rolesModel struct {
	BuiltIn types.Bool `tfsdk:"built_in"`
	Roles   types.List `tfsdk:"roles"`
}

var roleSummaryTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "description": types.StringType,
	"total_members": types.Int64Type, "built_in": types.BoolType,
}

func (d *rolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_roles"
}

func (d *rolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the roles of the Zoom account: the built-in Owner, Admin and Member roles and the custom roles.",
		Attributes: map[string]schema.Attribute{
			"built_in": schema.BoolAttribute{Optional: true,
				Description: "`true`: only the built-in roles; `false`: only custom roles; not set: every role."},
			"roles": schema.ListNestedAttribute{
				Computed: true, Description: "The roles, in Zoom's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, Description: "Role ID."},
					"name":          schema.StringAttribute{Computed: true, Description: "Role name."},
					"description":   schema.StringAttribute{Computed: true, Description: "Description of the role."},
					"total_members": schema.Int64Attribute{Computed: true, Description: "Number of users who hold the role."},
					"built_in":      schema.BoolAttribute{Computed: true, Description: "Whether it is a built-in role."},
				}},
			},
		},
	}
}

func (d *rolesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *rolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m rolesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roles, err := d.client.Roles.List(ctx)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom roles", err)
		return
	}
	objType := types.ObjectType{AttrTypes: roleSummaryTypes}
	objs := []attr.Value{}
	for _, r := range roles {
		builtIn := client.IsBuiltinRole(r.ID)
		if !m.BuiltIn.IsNull() && m.BuiltIn.ValueBool() != builtIn {
			continue
		}
		obj, diags := types.ObjectValue(roleSummaryTypes, map[string]attr.Value{
			"id": types.StringValue(r.ID), "name": types.StringValue(r.Name), "description": types.StringValue(r.Description),
			"total_members": types.Int64Value(int64(r.TotalMembers)), "built_in": types.BoolValue(builtIn),
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
	}
	list, diags := types.ListValue(objType, objs)
	resp.Diagnostics.Append(diags...)
	m.Roles = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
