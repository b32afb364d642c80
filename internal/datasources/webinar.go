package datasources

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/meetingattrs"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

var (
	_ datasource.DataSource              = (*webinarDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*webinarDataSource)(nil)
)

// NewWebinar returns the zoom_webinar data source.
func NewWebinar() datasource.DataSource { return &webinarDataSource{} }

type webinarDataSource struct {
	client *client.Client
}

type webinarDataSourceModel struct {
	meetingattrs.WebinarCommon
	ShowPreviousOccurrences types.Bool `tfsdk:"show_previous_occurrences"`
	IsSimulive              types.Bool `tfsdk:"is_simulive"`
}

func (d *webinarDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webinar"
}

func (d *webinarDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Sensitive: sensitive, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "Reads one Zoom webinar by its webinar ID: its schedule, settings, links and occurrences, as " +
			"the `zoom_webinar` resource reports them. Needs the Webinar add-on on the account and a webinar licence " +
			"for the host. Zoom answers \"not found\" alike for a deleted webinar and for one whose time has passed " +
			"(expired), so reading either is an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Required:    true,
				Description: "Webinar ID (the webinar number, for example `81234567890`).",
				Validators:  []validator.String{eventIDValidator{noun: "webinar"}},
			},
			"show_previous_occurrences": schema.BoolAttribute{
				Optional: true,
				Description: "For a recurring webinar, also list the occurrences that have already taken place in " +
					"`occurrences`. Default false: only upcoming occurrences.",
			},
			"topic": computed("Title.", false),
			"type": computed("`scheduled` (a one-time webinar at `start_time`), `recurring_fixed_time` (repeats by "+
				"`recurrence` from `start_time`) or `recurring_no_fixed_time` (can be started any time, no start time).", false),
			"start_time": schema.StringAttribute{
				Computed: true, CustomType: zoomtime.TimeType{},
				Description: "Start in UTC, as `2026-12-01T09:30:00Z` (the first occurrence of a recurring webinar " +
					"with a fixed time). Null for `recurring_no_fixed_time`.",
			},
			"timezone": computed("IANA time zone of the webinar, e.g. `Europe/Berlin`.", false),
			"duration": schema.Int64Attribute{
				Computed:    true,
				Description: "Length in minutes (of each occurrence for recurring webinars).",
			},
			"agenda":   computed("Description; null when there is none.", false),
			"password": computed("Passcode; empty when the webinar has none. Sensitive.", true),
			"tracking_fields": schema.ListAttribute{
				Computed: true, ElementType: types.ObjectType{AttrTypes: meetingattrs.TrackingFieldAttrTypes},
				Description: "Tracking-field values: objects with `field` (the label of a tracking field of the " +
					"account) and `value`. Null when the webinar has none.",
			},
			"recurrence": meetingattrs.RecurrenceDataSourceAttribute("How a `recurring_fixed_time` webinar repeats; " +
				"null for the other types."),
			"settings": schema.SingleNestedAttribute{
				Computed: true,
				Description: "Webinar settings, as Zoom reports them (a setting Zoom does not report is null). Q&A " +
					"and the reminder and follow-up e-mail plans are nested objects, e.g. " +
					"`settings.question_and_answer.enable`.",
				Attributes: meetingattrs.DataSourceAttributes(meetingattrs.WebinarSettings),
			},
			"is_simulive": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the webinar is a Simulive webinar (plays a recording as if live).",
			},
			"uuid":       computed("UUID of the current webinar instance; Zoom mints a new one after each instance ends.", false),
			"host_id":    computed("User ID of the host.", false),
			"host_email": computed("E-mail of the host.", false),
			"status": computed("`waiting` (not started), `started` (running) or `finished` where Zoom reports it; "+
				"empty when Zoom reports no status (its webinar API documents none).", false),
			"created_at": computed("When the webinar was created (UTC).", false),
			"join_url":   computed("Link attendees join with. Sensitive: it embeds the passcode.", true),
			"start_url": computed("Link that starts the webinar as the host without signing in. Sensitive. It carries "+
				"a token that expires after two hours (90 days for custCreate hosts) and changes on every read.", true),
			"registration_url": computed("Registration link. No webinar answer of Zoom's API documents it, so it is null "+
				"unless Zoom reports it anyway (with registration on).", false),
			"occurrences": schema.ListAttribute{
				Computed:    true,
				ElementType: types.ObjectType{AttrTypes: meetingattrs.OccurrenceAttrTypes},
				Description: "Occurrences of a recurring webinar, upcoming ones only unless `show_previous_occurrences` " +
					"is true; empty for other webinars. Each has `occurrence_id` (its start as epoch milliseconds, used " +
					"to address one occurrence), `start_time` (UTC), `duration` (minutes) and `status` (e.g. `available`).",
			},
		},
	}
}

func (d *webinarDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *webinarDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var m webinarDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	idStr := m.ID.ValueString()
	id, err := parseEventNumber("webinar", idStr)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid webinar ID", err.Error())
		return
	}
	webinar, err := d.client.Webinars.Get(ctx, id, &client.GetMeetingOptions{
		ShowPreviousOccurrences: m.ShowPreviousOccurrences.ValueBool(),
	})
	if err != nil {
		var apiErr *client.APIError
		switch {
		case addWebinarAddonError(&resp.Diagnostics, "Cannot read Zoom webinar "+idStr, "the host of webinar "+idStr, err):
		case errors.As(err, &apiErr) && apiErr.HTTPStatus == http.StatusNotFound && apiErr.Code == 1001:
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Zoom webinar host not found",
				fmt.Sprintf("Zoom cannot read webinar %s because its host no longer exists in the account.\n\nZoom said: %s", idStr, err))
		case client.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Zoom webinar not found",
				fmt.Sprintf("Webinar %s does not exist: it was deleted, or its time has passed and Zoom no longer "+
					"returns it (expired webinars answer like deleted ones, code 3001). Check the webinar ID.", idStr))
		case errors.As(err, &apiErr) && apiErr.Code == 3000:
			// A meeting's number on the webinar endpoint: "Cannot access meeting info." (docs/development/zoom-api.md#not-found-answers).
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Not a Zoom webinar",
				fmt.Sprintf("Zoom cannot read %s as a webinar; if it is a meeting, read it with the zoom_meeting data "+
					"source.\n\nZoom said: %s", idStr, err))
		default:
			diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom webinar "+idStr, err)
		}
		return
	}
	// The prior values are null, so FromAPI reports everything as Zoom has it.
	resp.Diagnostics.Append(m.FromAPI(ctx, webinar)...)
	m.IsSimulive = types.BoolValue(webinar.IsSimulive)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// addWebinarAddonError adds an error naming the Webinar add-on when err is Zoom's "webinar plan missing" answer
// (400 code 200) and reports whether it did. who names the host concerned, e.g. "user ada@example.com".
func addWebinarAddonError(diags *diag.Diagnostics, summary, who string, err error) bool {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != http.StatusBadRequest || apiErr.Code != client.CodeWebinarPlanMissing {
		return false
	}
	diags.AddError(summary+": the Zoom Webinar add-on is missing",
		fmt.Sprintf("Every Zoom webinar API call needs the Webinar add-on: the account must subscribe to a Webinar "+
			"plan, and %s needs a webinar licence assigned (Zoom web portal > User Management > Users > edit the "+
			"user > Webinar). Add the licence, or remove the webinar resources and data sources from the "+
			"configuration.\n\nZoom said: %s", who, err))
	return true
}
