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
	_ datasource.DataSource              = (*trackingFieldsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*trackingFieldsDataSource)(nil)
)

// NewTrackingFields returns the zoom_tracking_fields data source.
func NewTrackingFields() datasource.DataSource { return &trackingFieldsDataSource{} }

type trackingFieldsDataSource struct {
	client *client.Client
}

type trackingFieldsModel struct {
	Field          types.String `tfsdk:"field"`
	TrackingFields types.List   `tfsdk:"tracking_fields"`
}

var trackingFieldDefAttrTypes = map[string]attr.Type{
	"id":                 types.StringType,
	"field":              types.StringType,
	"required":           types.BoolType,
	"visible":            types.BoolType,
	"recommended_values": types.ListType{ElemType: types.StringType},
}

func (d *trackingFieldsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking_fields"
}

func (d *trackingFieldsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the tracking fields of the Zoom account: the labels meetings and webinars carry values " +
			"for in their `tracking_fields`, which of them every meeting and webinar must carry (`required`), and " +
			"their recommended values. Tracking fields need a Business, Education, API or higher plan.",
		Attributes: map[string]schema.Attribute{
			"field": schema.StringAttribute{
				Optional: true,
				Description: "Only the fields with exactly this label (case-sensitive), for looking one field up. " +
					"When none matches, `tracking_fields` is empty.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"tracking_fields": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The tracking fields, in Zoom's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":    schema.StringAttribute{Computed: true, Description: "Zoom's ID of the field."},
					"field": schema.StringAttribute{Computed: true, Description: "The label."},
					"required": schema.BoolAttribute{Computed: true,
						Description: "Whether every meeting and webinar must carry a value for the field."},
					"visible": schema.BoolAttribute{Computed: true,
						Description: "Whether the field is shown in the scheduling options of the web portal."},
					"recommended_values": schema.ListAttribute{Computed: true, ElementType: types.StringType,
						Description: "The values the scheduling options offer, in order."},
				}},
			},
		},
	}
}

func (d *trackingFieldsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *trackingFieldsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m trackingFieldsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	fields, err := d.client.TrackingFields.List(ctx)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing the Zoom account's tracking fields", err)
		return
	}
	objs := make([]attr.Value, 0, len(fields))
	for _, f := range fields {
		if !m.Field.IsNull() && f.Field != m.Field.ValueString() {
			continue
		}
		vals := make([]attr.Value, 0, len(f.RecommendedValues))
		for _, v := range f.RecommendedValues {
			vals = append(vals, types.StringValue(v))
		}
		obj, diags := types.ObjectValue(trackingFieldDefAttrTypes, map[string]attr.Value{
			"id": types.StringValue(f.ID), "field": types.StringValue(f.Field), "required": types.BoolValue(f.Required),
			"visible": types.BoolValue(f.Visible), "recommended_values": types.ListValueMust(types.StringType, vals),
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
	}
	var diags diag.Diagnostics
	m.TrackingFields, diags = types.ListValue(types.ObjectType{AttrTypes: trackingFieldDefAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
