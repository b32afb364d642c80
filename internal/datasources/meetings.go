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
	_ datasource.DataSource              = (*meetingsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*meetingsDataSource)(nil)
)

// NewMeetings returns the zoom_meetings data source.
func NewMeetings() datasource.DataSource { return &meetingsDataSource{} }

type meetingsDataSource struct {
	client *client.Client
}

type meetingsModel struct {
	UserID   types.String `tfsdk:"user_id"`
	Type     types.String `tfsdk:"type"`
	Meetings types.List   `tfsdk:"meetings"`
	IDs      types.List   `tfsdk:"ids"`
}

// meetingSummaryAttrTypes are the attributes of one listed meeting.
var meetingSummaryAttrTypes = map[string]attr.Type{
	"id":         types.StringType,
	"uuid":       types.StringType,
	"host_id":    types.StringType,
	"topic":      types.StringType,
	"type":       types.StringType,
	"start_time": types.StringType,
	"duration":   types.Int64Type,
	"timezone":   types.StringType,
	"created_at": types.StringType,
	"join_url":   types.StringType,
	"agenda":     types.StringType,
	"pmi":        types.StringType,
}

var meetingSummaryDescriptions = map[string]string{
	"id":      "Meeting ID (the meeting number), as a string: what the `zoom_meeting` data source and import take.",
	"uuid":    "UUID of the current meeting instance.",
	"host_id": "User ID of the host.",
	"topic":   "Title.",
	"type": "`scheduled`, `recurring_fixed_time`, `recurring_no_fixed_time` (the types a `zoom_meeting` can " +
		"have) or `pmi` (held on the host's Personal Meeting ID). Zoom never lists instant meetings.",
	"start_time": "Start in UTC, as `2026-12-01T09:30:00Z`; null for `recurring_no_fixed_time`.",
	"duration":   "Length in minutes.",
	"timezone":   "IANA time zone of the meeting; null when Zoom reports none.",
	"created_at": "When the meeting was created (UTC).",
	"join_url":   "Link participants join with. Sensitive: it embeds the passcode.",
	"agenda": "Description, truncated by Zoom to 250 characters in lists (the `zoom_meeting` data source has " +
		"the full text); null when there is none.",
	"pmi": "The host's Personal Meeting ID when the meeting is held on it; null otherwise.",
}

func (d *meetingsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_meetings"
}

func (d *meetingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := make(map[string]schema.Attribute, len(meetingSummaryAttrTypes))
	for name, t := range meetingSummaryAttrTypes {
		desc := meetingSummaryDescriptions[name]
		if t == types.Int64Type {
			item[name] = schema.Int64Attribute{Computed: true, Description: desc}
			continue
		}
		item[name] = schema.StringAttribute{Computed: true, Description: desc, Sensitive: name == "join_url"}
	}
	resp.Schema = schema.Schema{
		Description: "Lists the meetings of one host, every page (Zoom returns up to 300 meetings a request). " +
			"Zoom lists neither instant meetings nor meetings that have expired.",
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required:    true,
				Description: "The host: a user ID or e-mail of the account, or `me` for the owner of the Zoom app.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				Optional: true,
				Description: "Which meetings to list: `scheduled` (Zoom's default when not set: past meetings that " +
					"have not expired, live meetings and upcoming meetings), `live` (meetings running now), " +
					"`upcoming` (upcoming meetings, live ones included), `upcoming_meetings` (the same, by Zoom's " +
					"newer name) or `previous_meetings` (meetings that have taken place).",
				Validators: []validator.String{stringvalidator.OneOf(
					client.MeetingListScheduled, client.MeetingListLive, client.MeetingListUpcoming,
					client.MeetingListUpcomingMeetings, client.MeetingListPreviousMeetings)},
			},
			"meetings": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The meetings, in Zoom's order. Zoom lists a summary: no settings, passcode or start URL.",
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the meetings, in the same order.",
			},
		},
	}
}

func (d *meetingsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *meetingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m meetingsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := m.UserID.ValueString()
	meetings, err := d.client.Meetings.List(ctx, host, &client.ListMeetingsOptions{Type: m.Type.ValueString()})
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddError("Zoom user not found", "No user "+host+" exists in the Zoom account, so it has no meetings to list.")
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error listing the Zoom meetings of "+host, err)
		return
	}

	objs := make([]attr.Value, 0, len(meetings))
	ids := make([]attr.Value, 0, len(meetings))
	for i := range meetings {
		obj, diags := types.ObjectValue(meetingSummaryAttrTypes, meetingSummaryValues(&meetings[i]))
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(strconv.FormatInt(meetings[i].ID, 10)))
	}
	var diags diag.Diagnostics
	m.Meetings, diags = types.ListValue(types.ObjectType{AttrTypes: meetingSummaryAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func meetingSummaryValues(s *client.MeetingSummary) map[string]attr.Value {
	return map[string]attr.Value{
		"id":         types.StringValue(strconv.FormatInt(s.ID, 10)),
		"uuid":       types.StringValue(s.UUID),
		"host_id":    types.StringValue(s.HostID),
		"topic":      types.StringValue(s.Topic),
		"type":       types.StringValue(meetingattrs.MeetingTypeName(s.Type)),
		"start_time": tfvalue.StringOrNull(s.StartTime),
		"duration":   types.Int64Value(int64(s.Duration)),
		"timezone":   tfvalue.StringOrNull(s.Timezone),
		"created_at": types.StringValue(s.CreatedAt),
		"join_url":   types.StringValue(s.JoinURL),
		"agenda":     tfvalue.StringOrNull(s.Agenda),
		"pmi":        tfvalue.StringOrNull(string(s.PMI)),
	}
}
