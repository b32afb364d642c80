package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

// NewGroups returns the zoom_groups data source.
func NewGroups() datasource.DataSource { return &groupsDataSource{} }

type groupsDataSource struct {
	client *client.Client
}

var groupAttrTypes = map[string]attr.Type{"id": types.StringType, "name": types.StringType, "total_members": types.Int64Type}

func (d *groupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_groups"
}

func (d *groupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Every group of the Zoom account (every page; Zoom returns up to 300 groups a request).",
		Attributes: map[string]schema.Attribute{
			"groups": schema.ListNestedAttribute{
				Computed: true, Description: "The groups, in Zoom's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, Description: "The group ID."},
					"name":          schema.StringAttribute{Computed: true, Description: "The group's name."},
					"total_members": schema.Int64Attribute{Computed: true, Description: "Number of members."},
				}},
			},
		},
	}
}

func (d *groupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *groupsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	groups, err := d.client.Groups.List(ctx)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom groups", err)
		return
	}
	objs := make([]attr.Value, 0, len(groups))
	for _, g := range groups {
		obj, diags := types.ObjectValue(groupAttrTypes, map[string]attr.Value{
			"id": types.StringValue(g.ID), "name": types.StringValue(g.Name), "total_members": types.Int64Value(int64(g.TotalMembers)),
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
	}
	list, diags := types.ListValue(types.ObjectType{AttrTypes: groupAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("groups"), list)...)
}
