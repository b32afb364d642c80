package datasources

import (
	"context"
	"errors"

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
	_ datasource.DataSource              = (*webinarTemplatesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*webinarTemplatesDataSource)(nil)
)

// NewWebinarTemplates returns the zoom_webinar_templates data source.
func NewWebinarTemplates() datasource.DataSource { return &webinarTemplatesDataSource{} }

type webinarTemplatesDataSource struct {
	client *client.Client
}

type webinarTemplatesModel struct {
	UserID    types.String `tfsdk:"user_id"`
	Name      types.String `tfsdk:"name"`
	Templates types.List   `tfsdk:"templates"`
	IDs       types.List   `tfsdk:"ids"`
}

var webinarTemplateAttrTypes = map[string]attr.Type{
	"id":   types.StringType,
	"name": types.StringType,
}

func (d *webinarTemplatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webinar_templates"
}

func (d *webinarTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the webinar templates a user can schedule with: the account's webinar templates and the " +
			"user's own. Any of them can be given to `zoom_webinar.template_id`. Needs the Webinar add-on on the " +
			"account and a webinar licence for the user. " +
			"Terraform reads a data source during plan only when its arguments are known and nothing it refers to " +
			"has changes pending; `user_id = zoom_user.x.id` with that user changing in the same plan defers the " +
			"read to apply, so every `template_id` fed from it is unknown in the plan. `zoom_webinar` never replaces an " +
			"existing webinar for that, but the safe pattern keeps the value known: give `user_id` as a literal (the " +
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
				Computed: true,
				Description: "The templates, in Zoom's order. Unlike meeting templates, Zoom does not say whether a " +
					"webinar template is the user's own or the account's.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":   schema.StringAttribute{Computed: true, Description: "Template ID."},
					"name": schema.StringAttribute{Computed: true, Description: "Template name."},
				}},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the templates, in the same order.",
			},
		},
	}
}

func (d *webinarTemplatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *webinarTemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m webinarTemplatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user := m.UserID.ValueString()
	templates, err := d.client.Webinars.ListTemplates(ctx, user)
	if err != nil {
		var apiErr *client.APIError
		switch {
		case addWebinarAddonError(&resp.Diagnostics, "Cannot list the Zoom webinar templates of "+user, "the user "+user, err):
		// Zoom documents "user not found" here as 400 code 1001 (docs/development/zoom-api.md#templates), elsewhere as 404.
		case client.IsNotFound(err) || (errors.As(err, &apiErr) && apiErr.Code == 1001):
			resp.Diagnostics.AddError("Zoom user not found", "No user "+user+" exists in the Zoom account, so it has no webinar templates to list.")
		default:
			diagnostics.AddAPIError(&resp.Diagnostics, "Error listing the Zoom webinar templates of "+user, err)
		}
		return
	}

	objs := make([]attr.Value, 0, len(templates))
	ids := make([]attr.Value, 0, len(templates))
	for _, t := range templates {
		if !m.Name.IsNull() && t.Name != m.Name.ValueString() {
			continue
		}
		obj, diags := types.ObjectValue(webinarTemplateAttrTypes, map[string]attr.Value{
			"id": types.StringValue(t.ID), "name": types.StringValue(t.Name),
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(t.ID))
	}
	var diags diag.Diagnostics
	m.Templates, diags = types.ListValue(types.ObjectType{AttrTypes: webinarTemplateAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
