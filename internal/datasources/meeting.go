package datasources

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/meetingattrs"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

var (
	_ datasource.DataSource              = (*meetingDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*meetingDataSource)(nil)
)

// NewMeeting returns the zoom_meeting data source.
func NewMeeting() datasource.DataSource { return &meetingDataSource{} }

type meetingDataSource struct {
	client *client.Client
}

type meetingDataSourceModel struct {
	meetingattrs.MeetingCommon
	ShowPreviousOccurrences types.Bool `tfsdk:"show_previous_occurrences"`
}

func (d *meetingDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_meeting"
}

func (d *meetingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Sensitive: sensitive, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "Reads one Zoom meeting by its meeting ID: its schedule, settings, links and occurrences, as " +
			"the `zoom_meeting` resource reports them. Zoom answers \"not found\" alike for a deleted meeting and for " +
			"one whose time has passed (expired), so reading either is an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Required:    true,
				Description: "Meeting ID (the meeting number, for example `85746065432`).",
				Validators:  []validator.String{eventIDValidator{noun: "meeting"}},
			},
			"show_previous_occurrences": schema.BoolAttribute{
				Optional: true,
				Description: "For a recurring meeting, also list the occurrences that have already taken place in " +
					"`occurrences`. Default false: only upcoming occurrences.",
			},
			"topic": computed("Title.", false),
			"type": computed("`scheduled` (a one-time meeting at `start_time`), `recurring_fixed_time` (repeats by "+
				"`recurrence` from `start_time`), `recurring_no_fixed_time` (can be started any time, no start time), "+
				"`instant` (started when created, exists only while it runs) or `pmi` (held on the host's Personal "+
				"Meeting ID).", false),
			"start_time": schema.StringAttribute{
				Computed: true, CustomType: zoomtime.TimeType{},
				Description: "Start in UTC, as `2026-12-01T09:30:00Z` (the first occurrence of a recurring meeting " +
					"with a fixed time). Null for `recurring_no_fixed_time`.",
			},
			"timezone": computed("IANA time zone of the meeting, e.g. `Europe/Berlin`.", false),
			"duration": schema.Int64Attribute{
				Computed:    true,
				Description: "Length in minutes (of each occurrence for recurring meetings).",
			},
			"agenda":       computed("Description; null when there is none.", false),
			"password":     computed("Passcode; empty when the meeting has none. Sensitive.", true),
			"pre_schedule": schema.BoolAttribute{Computed: true, Description: "Whether the meeting is a pre-scheduled meeting for Google Workspace."},
			"tracking_fields": schema.ListAttribute{
				Computed: true, ElementType: types.ObjectType{AttrTypes: meetingattrs.TrackingFieldAttrTypes},
				Description: "Tracking-field values: objects with `field` (the label of a tracking field of the " +
					"account) and `value`. Null when the meeting has none.",
			},
			"recurrence": meetingattrs.RecurrenceDataSourceAttribute("How a `recurring_fixed_time` meeting repeats; " +
				"null for the other types."),
			"settings": schema.SingleNestedAttribute{
				Computed:    true,
				Description: "Meeting settings, as Zoom reports them (a setting Zoom does not report is null).",
				Attributes:  meetingattrs.DataSourceAttributes(meetingattrs.MeetingSettings),
			},
			"uuid":       computed("UUID of the current meeting instance; Zoom mints a new one after each instance ends.", false),
			"host_id":    computed("User ID of the host.", false),
			"host_email": computed("E-mail of the host.", false),
			"status":     computed("`waiting` (not started), `started` (running), or `finished` where Zoom reports it.", false),
			"created_at": computed("When the meeting was created (UTC).", false),
			"join_url":   computed("Link participants join with. Sensitive: it embeds the passcode.", true),
			"start_url": computed("Link that starts the meeting as the host without signing in. Sensitive. It carries "+
				"a token that expires after two hours (90 days for custCreate hosts) and changes on every read.", true),
			"registration_url": computed("Registration link. GET /meetings/{meetingId}, which this data source reads, does "+
				"not document it, so it is null unless Zoom reports it anyway (with registration on).", false),
			"h323_password": computed("Passcode for H.323/SIP room systems, derived from the passcode. Sensitive.", true),
			"pstn_password": computed("Passcode for phone dial-in. No Zoom answer documents it, so it is null unless "+
				"Zoom reports it anyway. Sensitive.", true),
			"encrypted_password": computed("Encrypted passcode, as carried in join links. Sensitive.", true),
			"occurrences": schema.ListAttribute{
				Computed:    true,
				ElementType: types.ObjectType{AttrTypes: meetingattrs.OccurrenceAttrTypes},
				Description: "Occurrences of a recurring meeting, upcoming ones only unless `show_previous_occurrences` " +
					"is true; empty for other meetings. Each has `occurrence_id` (its start as epoch milliseconds, used " +
					"to address one occurrence), `start_time` (UTC), `duration` (minutes) and `status` (e.g. `available`).",
			},
		},
	}
}

func (d *meetingDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *meetingDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m meetingDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	idStr := m.ID.ValueString()
	id, err := parseMeetingID(idStr)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid meeting ID", err.Error())
		return
	}
	meeting, err := d.client.Meetings.Get(ctx, id, &client.GetMeetingOptions{
		ShowPreviousOccurrences: m.ShowPreviousOccurrences.ValueBool(),
	})
	if err != nil {
		var apiErr *client.APIError
		switch {
		case errors.As(err, &apiErr) && apiErr.HTTPStatus == 404 && apiErr.Code == 1001:
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Zoom meeting host not found",
				fmt.Sprintf("Zoom cannot read meeting %s because its host no longer exists in the account.\n\nZoom said: %s", idStr, err))
		case client.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Zoom meeting not found",
				fmt.Sprintf("Meeting %s does not exist: it was deleted, or its time has passed and Zoom no longer "+
					"returns it (expired meetings answer like deleted ones, code 3001). Check the meeting ID.", idStr))
		default:
			diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom meeting "+idStr, err)
		}
		return
	}
	// The prior values are null, so FromAPI reports everything as Zoom has it.
	resp.Diagnostics.Append(m.FromAPI(ctx, meeting)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// parseMeetingID parses a meeting number: a positive decimal integer without sign or leading zeros.
func parseMeetingID(s string) (int64, error) { return parseEventNumber("meeting", s) }

// parseEventNumber parses the number of a meeting or webinar (noun): a positive decimal integer without sign or
// leading zeros.
func parseEventNumber(noun, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != s {
		return 0, fmt.Errorf("%q is not a Zoom %s ID: use the %s number, a positive integer such as 85746065432, without spaces", s, noun, noun)
	}
	return id, nil
}

// eventIDValidator checks a meeting or webinar ID (noun) at plan time.
type eventIDValidator struct{ noun string }

func (v eventIDValidator) Description(context.Context) string {
	return "a " + v.noun + " number: a positive integer such as 85746065432"
}

func (v eventIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v eventIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseEventNumber(v.noun, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.noun+" ID", err.Error())
	}
}
