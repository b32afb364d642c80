package datasources

import (
	"context"
	"fmt"

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

var _ datasource.DataSourceWithConfigure = (*groupMembersDataSource)(nil)

// NewGroupMembers returns the zoom_group_members data source.
func NewGroupMembers() datasource.DataSource { return &groupMembersDataSource{} }

type groupMembersDataSource struct {
	client *client.Client
}

type groupMembersModel struct {
	GroupID types.String `tfsdk:"group_id"`
	Members types.List   `tfsdk:"members"`
	IDs     types.List   `tfsdk:"ids"`
	Emails  types.List   `tfsdk:"emails"`
}

var groupMemberAttrTypes = map[string]attr.Type{
	"id": types.StringType, "email": types.StringType, "first_name": types.StringType, "last_name": types.StringType,
	"type": types.Int64Type,
}

func (d *groupMembersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_members"
}

func (d *groupMembersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The members of a Zoom group, every page (Zoom returns up to 2,000 members a request, so a " +
			"5,000-member group costs three requests).",
		Attributes: map[string]schema.Attribute{
			"group_id": schema.StringAttribute{
				Required: true, Description: "The group's ID.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"members": schema.ListNestedAttribute{
				Computed: true, Description: "The members, in Zoom's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         schema.StringAttribute{Computed: true, Description: "User ID."},
					"email":      schema.StringAttribute{Computed: true, Description: "E-mail."},
					"first_name": schema.StringAttribute{Computed: true, Description: "First name."},
					"last_name":  schema.StringAttribute{Computed: true, Description: "Last name."},
					"type":       schema.Int64Attribute{Computed: true, Description: "User type: `1` Basic, `2` Licensed."},
				}},
			},
			"ids":    schema.ListAttribute{Computed: true, ElementType: types.StringType, Description: "The members' user IDs."},
			"emails": schema.ListAttribute{Computed: true, ElementType: types.StringType, Description: "The members' e-mails."},
		},
	}
}

func (d *groupMembersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *groupMembersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m groupMembersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	members, err := d.client.Groups.ListMembers(ctx, m.GroupID.ValueString())
	if client.IsGroupNotFound(err) {
		resp.Diagnostics.AddError("Zoom group not found", fmt.Sprintf("The account has no group with the ID %q.", m.GroupID.ValueString()))
		return
	}
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom group members", err)
		return
	}
	objs := make([]attr.Value, 0, len(members))
	ids := make([]attr.Value, 0, len(members))
	emails := make([]attr.Value, 0, len(members))
	for _, u := range members {
		obj, diags := types.ObjectValue(groupMemberAttrTypes, map[string]attr.Value{
			"id": types.StringValue(u.ID), "email": types.StringValue(u.Email), "first_name": types.StringValue(u.FirstName),
			"last_name": types.StringValue(u.LastName), "type": types.Int64Value(int64(u.Type)),
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(u.ID))
		emails = append(emails, types.StringValue(u.Email))
	}
	var diags diag.Diagnostics
	m.Members, diags = types.ListValue(types.ObjectType{AttrTypes: groupMemberAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	m.Emails, diags = types.ListValue(types.StringType, emails)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
