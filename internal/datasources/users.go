package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ datasource.DataSource              = (*usersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)
)

// NewUsers returns the zoom_users data source.
func NewUsers() datasource.DataSource { return &usersDataSource{} }

type usersDataSource struct {
	client *client.Client
}

type usersModel struct {
	Status types.String `tfsdk:"status"`
	RoleID types.String `tfsdk:"role_id"`
	Users  types.List   `tfsdk:"users"`
	IDs    types.List   `tfsdk:"ids"`
	Emails types.List   `tfsdk:"emails"`
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the users of the Zoom account, every page (Zoom returns up to 2,000 users a request, " +
			"so 5,000 users cost three requests).",
		Attributes: map[string]schema.Attribute{
			"status": schema.StringAttribute{
				Optional:    true,
				Description: "Only users with this status: `active` (Zoom's default), `inactive` or `pending`. Zoom does not report pending users' IDs.",
				Validators:  []validator.String{stringvalidator.OneOf("active", "inactive", "pending")},
			},
			"role_id": schema.StringAttribute{
				Optional:    true,
				Description: "Only users with this role ID.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"users": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The matching users, in Zoom's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: userSummaryAttributes()},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the matching users (pending users, whose IDs Zoom does not list, are left out).",
			},
			"emails": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "E-mails of the matching users.",
			},
		},
	}
}

func (d *usersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m usersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	users, err := d.client.Users.List(ctx, &client.ListUsersOptions{
		Status: m.Status.ValueString(), RoleID: m.RoleID.ValueString(),
	})
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom users", err)
		return
	}

	objType := types.ObjectType{AttrTypes: userSummaryAttrTypes}
	objs := make([]attr.Value, 0, len(users))
	ids := make([]attr.Value, 0, len(users))
	emails := make([]attr.Value, 0, len(users))
	for i := range users {
		obj, diags := types.ObjectValue(userSummaryAttrTypes, userSummaryValues(&users[i]))
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		if users[i].ID != "" {
			ids = append(ids, types.StringValue(users[i].ID))
		}
		emails = append(emails, types.StringValue(users[i].Email))
	}
	var diags diag.Diagnostics
	m.Users, diags = types.ListValue(objType, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	m.Emails, diags = types.ListValue(types.StringType, emails)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
