package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

// NewMeeting returns the zoom_meeting data source.
func NewMeeting() datasource.DataSource { return &eventDataSource{src: &meetingSource} }

// NewMeetings returns the zoom_meetings data source.
func NewMeetings() datasource.DataSource { return &eventsDataSource{src: &meetingSource} }

// NewMeetingTemplates returns the zoom_meeting_templates data source.
func NewMeetingTemplates() datasource.DataSource {
	return &eventTemplatesDataSource{src: &meetingSource}
}

type meetingDataSourceModel struct {
	zoomevent.MeetingCommon
	ShowPreviousOccurrences types.Bool `tfsdk:"show_previous_occurrences"`
}

func sensitive(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, Sensitive: true, Description: desc}
}

// meetingSource is what the meeting data sources need to know of meetings.
var meetingSource = eventSource{
	kind:         zoomevent.Meeting,
	participants: "participants",
	oneDescription: "Reads one Zoom meeting by its meeting ID: its schedule, settings, links and occurrences, as " +
		"the `zoom_meeting` resource reports them. Zoom answers \"not found\" alike for a deleted meeting and for " +
		"one whose time has passed (expired), so reading either is an error.",
	idExample: "85746065432",
	typeDescription: "`scheduled` (a one-time meeting at `start_time`), `recurring_fixed_time` (repeats by " +
		"`recurrence` from `start_time`), `recurring_no_fixed_time` (can be started any time, no start time), " +
		"`instant` (started when created, exists only while it runs) or `pmi` (held on the host's Personal " +
		"Meeting ID).",
	statusDescription: "`waiting` (not started), `started` (running), or `finished` where Zoom reports it.",
	registrationURLDescription: "Registration link. GET /meetings/{meetingId}, which this data source reads, does " +
		"not document it, so it is null unless Zoom reports it anyway (with registration on).",
	settingsDescription: "Meeting settings, as Zoom reports them (a setting Zoom does not report is null).",
	oneAttributes: map[string]schema.Attribute{
		"pre_schedule":  schema.BoolAttribute{Computed: true, Description: "Whether the meeting is a pre-scheduled meeting for Google Workspace."},
		"h323_password": sensitive("Passcode for H.323/SIP room systems, derived from the passcode. Sensitive."),
		"pstn_password": sensitive("Passcode for phone dial-in. No Zoom answer documents it, so it is null unless " +
			"Zoom reports it anyway. Sensitive."),
		"encrypted_password": sensitive("Encrypted passcode, as carried in join links. Sensitive."),
	},
	get: func(ctx context.Context, c *client.Client, id int64, opts *client.GetMeetingOptions, config tfsdk.Config) (any, diag.Diagnostics, error) {
		var m meetingDataSourceModel
		diags := config.Get(ctx, &m)
		meeting, err := c.Meetings.Get(ctx, id, opts)
		if err != nil || diags.HasError() {
			return nil, diags, err
		}
		// The prior values are null, so FromAPI reports everything as Zoom has it.
		diags.Append(m.FromAPI(ctx, meeting)...)
		return &m, diags, nil
	},

	listDescription: "Lists the meetings of one host, every page (Zoom returns up to 300 meetings a request). " +
		"Zoom lists neither instant meetings nor meetings that have expired.",
	listTypeDescription: "Which meetings to list: `scheduled` (Zoom's default when not set: past meetings that " +
		"have not expired, live meetings and upcoming meetings), `live` (meetings running now), " +
		"`upcoming` (upcoming meetings, live ones included), `upcoming_meetings` (the same, by Zoom's " +
		"newer name) or `previous_meetings` (meetings that have taken place).",
	listTypes: []string{client.MeetingListScheduled, client.MeetingListLive, client.MeetingListUpcoming,
		client.MeetingListUpcomingMeetings, client.MeetingListPreviousMeetings},
	listTypeLabel: "`scheduled`, `recurring_fixed_time`, `recurring_no_fixed_time` (the types a `zoom_meeting` can " +
		"have) or `pmi` (held on the host's Personal Meeting ID). Zoom never lists instant meetings.",
	listAttrTypes:    map[string]attr.Type{"pmi": types.StringType},
	listDescriptions: map[string]string{"pmi": "The host's Personal Meeting ID when the meeting is held on it; null otherwise."},
	list: func(ctx context.Context, c *client.Client, host, typ string) ([]client.EventSummary, []map[string]attr.Value, error) {
		meetings, err := c.Meetings.List(ctx, host, &client.ListMeetingsOptions{Type: typ})
		listed := make([]client.EventSummary, len(meetings))
		own := make([]map[string]attr.Value, len(meetings))
		for i, m := range meetings {
			listed[i], own[i] = m.EventSummary, map[string]attr.Value{"pmi": tfvalue.StringOrNull(string(m.PMI))}
		}
		return listed, own, err
	},

	templatesDescription: "Lists the meeting templates a user can schedule with: the user's own templates and the " +
		"account's admin templates. Only admin templates (`type` 2) can be given to `zoom_meeting.template_id`. " +
		templatesDeferredRead("meeting"),
	templatesListDescription: "The templates, in Zoom's order.",
	templateType: "`1` the user's own template, `2` an account admin template. Only admin templates " +
		"can be used for creating a meeting via `template_id`.",
	templates: func(ctx context.Context, c *client.Client, user string) ([]client.MeetingTemplate, error) {
		return c.Meetings.ListTemplates(ctx, user)
	},
}

// templatesDeferredRead explains when a template data source is read only at apply time.
func templatesDeferredRead(noun string) string {
	return "Terraform reads a data source during plan only when its arguments are known and nothing it refers to " +
		"has changes pending; `user_id = zoom_user.x.id` with that user changing in the same plan defers the " +
		"read to apply, so every `template_id` fed from it is unknown in the plan. `zoom_" + noun + "` never replaces an " +
		"existing " + noun + " for that, but the safe pattern keeps the value known: give `user_id` as a literal (the " +
		"host's e-mail, or `me`) and pick the template with `name`."
}
