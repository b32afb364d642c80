package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/meetingattrs"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
)

var (
	_ datasource.DataSource              = (*webinarsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*webinarsDataSource)(nil)
)

// NewWebinars returns the zoom_webinars data source.
func NewWebinars() datasource.DataSource { return &webinarsDataSource{} }

type webinarsDataSource struct {
	client *client.Client
}

type webinarsModel struct {
	UserID   types.String `tfsdk:"user_id"`
	Type     types.String `tfsdk:"type"`
	Webinars types.List   `tfsdk:"webinars"`
	IDs      types.List   `tfsdk:"ids"`
}

// webinarSummaryAttrTypes are the attributes of one listed webinar.
var webinarSummaryAttrTypes = map[string]attr.Type{
	"id":          types.StringType,
	"uuid":        types.StringType,
	"host_id":     types.StringType,
	"topic":       types.StringType,
	"type":        types.StringType,
	"start_time":  types.StringType,
	"duration":    types.Int64Type,
	"timezone":    types.StringType,
	"created_at":  types.StringType,
	"join_url":    types.StringType,
	"agenda":      types.StringType,
	"is_simulive": types.BoolType,
}

var webinarSummaryDescriptions = map[string]string{
	"id":         "Webinar ID (the webinar number), as a string: what the `zoom_webinar` data source and import take.",
	"uuid":       "UUID of the current webinar instance.",
	"host_id":    "User ID of the host.",
	"topic":      "Title.",
	"type":       "`scheduled`, `recurring_fixed_time` or `recurring_no_fixed_time`.",
	"start_time": "Start in UTC, as `2026-12-01T09:30:00Z`; null for `recurring_no_fixed_time`.",
	"duration":   "Length in minutes.",
	"timezone":   "IANA time zone of the webinar; null when Zoom reports none.",
	"created_at": "When the webinar was created (UTC).",
	"join_url":   "Link attendees join with. Sensitive: it embeds the passcode.",
	"agenda": "Description, truncated by Zoom to 250 characters in lists (the `zoom_webinar` data source has " +
		"the full text); null when there is none.",
	"is_simulive": "Whether the webinar is a Simulive webinar (plays a recording as if live).",
}

func (d *webinarsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webinars"
}

func (d *webinarsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := make(map[string]schema.Attribute, len(webinarSummaryAttrTypes))
	for name, t := range webinarSummaryAttrTypes {
		desc := webinarSummaryDescriptions[name]
		switch t {
		case types.Int64Type:
			item[name] = schema.Int64Attribute{Computed: true, Description: desc}
		case types.BoolType:
			item[name] = schema.BoolAttribute{Computed: true, Description: desc}
		default:
			item[name] = schema.StringAttribute{Computed: true, Description: desc, Sensitive: name == "join_url"}
		}
	}
	resp.Schema = schema.Schema{
		Description: "Lists the webinars of one host, every page (Zoom returns up to 300 webinars a request). Needs " +
			"the Webinar add-on on the account and a webinar licence for the host. Zoom does not list webinars that " +
			"have expired.",
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required:    true,
				Description: "The host: a user ID or e-mail of the account, or `me` for the owner of the Zoom app.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				Optional: true,
				Description: "Which webinars to list: `scheduled` (Zoom's default when not set: every webinar of the " +
					"host that has not expired, past, live and upcoming) or `upcoming` (webinars running now or still " +
					"to come).",
				Validators: []validator.String{stringvalidator.OneOf(client.WebinarListScheduled, client.WebinarListUpcoming)},
			},
			"webinars": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The webinars, in Zoom's order. Zoom lists a summary: no settings, passcode or start URL.",
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the webinars, in the same order.",
			},
		},
	}
}

func (d *webinarsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *webinarsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m webinarsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := m.UserID.ValueString()
	webinars, err := d.client.Webinars.List(ctx, host, &client.ListWebinarsOptions{Type: m.Type.ValueString()})
	if err != nil {
		switch {
		case addWebinarAddonError(&resp.Diagnostics, "Cannot list the Zoom webinars of "+host, "the user "+host, err):
		case client.IsNotFound(err):
			resp.Diagnostics.AddError("Zoom user not found", "No user "+host+" exists in the Zoom account, so it has no webinars to list.")
		default:
			diagnostics.AddAPIError(&resp.Diagnostics, "Error listing the Zoom webinars of "+host, err)
		}
		return
	}

	objs := make([]attr.Value, 0, len(webinars))
	ids := make([]attr.Value, 0, len(webinars))
	for i := range webinars {
		obj, diags := types.ObjectValue(webinarSummaryAttrTypes, webinarSummaryValues(&webinars[i]))
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(strconv.FormatInt(webinars[i].ID, 10)))
	}
	var diags diag.Diagnostics
	m.Webinars, diags = types.ListValue(types.ObjectType{AttrTypes: webinarSummaryAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func webinarSummaryValues(s *client.WebinarSummary) map[string]attr.Value {
	return map[string]attr.Value{
		"id":          types.StringValue(strconv.FormatInt(s.ID, 10)),
		"uuid":        types.StringValue(s.UUID),
		"host_id":     types.StringValue(s.HostID),
		"topic":       types.StringValue(s.Topic),
		"type":        types.StringValue(meetingattrs.WebinarKind.TypeName(s.Type)),
		"start_time":  tfvalue.StringOrNull(s.StartTime),
		"duration":    types.Int64Value(int64(s.Duration)),
		"timezone":    tfvalue.StringOrNull(s.Timezone),
		"created_at":  types.StringValue(s.CreatedAt),
		"join_url":    types.StringValue(s.JoinURL),
		"agenda":      tfvalue.StringOrNull(s.Agenda),
		"is_simulive": types.BoolValue(s.IsSimulive),
	}
}
