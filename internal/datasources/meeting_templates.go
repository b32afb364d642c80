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
	_ datasource.DataSource              = (*meetingTemplatesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*meetingTemplatesDataSource)(nil)
)

// NewMeetingTemplates returns the zoom_meeting_templates data source.
func NewMeetingTemplates() datasource.DataSource { return &meetingTemplatesDataSource{} }

type meetingTemplatesDataSource struct {
	client *client.Client
}

type meetingTemplatesModel struct {
	UserID    types.String `tfsdk:"user_id"`
	Name      types.String `tfsdk:"name"`
	Templates types.List   `tfsdk:"templates"`
	IDs       types.List   `tfsdk:"ids"`
}

var meetingTemplateAttrTypes = map[string]attr.Type{
	"id":   types.StringType,
	"name": types.StringType,
	"type": types.Int64Type,
}

func (d *meetingTemplatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_meeting_templates"
}

func (d *meetingTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the meeting templates a user can schedule with: the user's own templates and the " +
			"account's admin templates. Only admin templates (`type` 2) can be given to `zoom_meeting.template_id`. " +
			"Terraform reads a data source during plan only when its arguments are known and nothing it refers to " +
			"has changes pending; `user_id = zoom_user.x.id` with that user changing in the same plan defers the " +
			"read to apply, so every `template_id` fed from it is unknown in the plan. `zoom_meeting` never replaces an " +
			"existing meeting for that, but the safe pattern keeps the value known: give `user_id` as a literal (the " +
			"host's e-mail, or `me`) and pick the template with `name`.",
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required:    true,
				Description: "The user whose templates to list: a user ID or e-mail of the account, or `me` for the owner of the Zoom app.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Optional: true,
				Description: "Only templates with exactly this name (case-sensitive), for looking one template up by " +
					"name. When none matches, `templates` and `ids` are empty.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"templates": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The templates, in Zoom's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":   schema.StringAttribute{Computed: true, Description: "Template ID."},
					"name": schema.StringAttribute{Computed: true, Description: "Template name."},
					"type": schema.Int64Attribute{Computed: true,
						Description: "`1` the user's own template, `2` an account admin template. Only admin templates " +
							"can be used for creating a meeting via `template_id`."},
				}},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the templates, in the same order.",
			},
		},
	}
}

func (d *meetingTemplatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *meetingTemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m meetingTemplatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user := m.UserID.ValueString()
	templates, err := d.client.Meetings.ListTemplates(ctx, user)
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddError("Zoom user not found", "No user "+user+" exists in the Zoom account, so it has no meeting templates to list.")
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing the Zoom meeting templates of "+user, err)
		return
	}

	objs := make([]attr.Value, 0, len(templates))
	ids := make([]attr.Value, 0, len(templates))
	for _, t := range templates {
		if !m.Name.IsNull() && t.Name != m.Name.ValueString() {
			continue
		}
		obj, diags := types.ObjectValue(meetingTemplateAttrTypes, map[string]attr.Value{
			"id": types.StringValue(t.ID), "name": types.StringValue(t.Name), "type": types.Int64Value(int64(t.Type)),
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(t.ID))
	}
	var diags diag.Diagnostics
	m.Templates, diags = types.ListValue(types.ObjectType{AttrTypes: meetingTemplateAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
