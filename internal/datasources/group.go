package datasources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ datasource.DataSource                     = (*groupDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*groupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*groupDataSource)(nil)
)

// NewGroup returns the zoom_group data source.
func NewGroup() datasource.DataSource { return &groupDataSource{} }

type groupDataSource struct {
	client *client.Client
}

type groupModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	TotalMembers types.Int64  `tfsdk:"total_members"`
}

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "One group of the Zoom account, found by ID or by name.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true, Description: "The group ID. Set `id` or `name`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				Description: "The group's name (Zoom's names are unique without regard to letter case; the exact " +
					"spelling is preferred when it exists). Set `id` or `name`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"total_members": schema.Int64Attribute{Computed: true, Description: "Number of members."},
		},
	}
}

func (d *groupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *groupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *groupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m groupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var g *client.Group
	if id := m.ID.ValueString(); id != "" {
		var err error
		g, err = d.client.Groups.Get(ctx, id)
		if client.IsGroupNotFound(err) {
			resp.Diagnostics.AddError("Zoom group not found", fmt.Sprintf("The account has no group with the ID %q.", id))
			return
		}
		if err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom group", err)
			return
		}
	} else {
		name := m.Name.ValueString()
		groups, err := d.client.Groups.List(ctx)
		if err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom groups", err)
			return
		}
		for i := range groups {
			if groups[i].Name == name {
				g = &groups[i]
				break
			}
			if g == nil && strings.EqualFold(groups[i].Name, name) {
				g = &groups[i]
			}
		}
		if g == nil {
			resp.Diagnostics.AddError("Zoom group not found", fmt.Sprintf("The account has no group named %q.", name))
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupModel{
		ID: types.StringValue(g.ID), Name: types.StringValue(g.Name), TotalMembers: types.Int64Value(int64(g.TotalMembers)),
	})...)
}
