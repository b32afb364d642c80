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
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

// NewWebinar returns the zoom_webinar data source.
func NewWebinar() datasource.DataSource { return &eventDataSource{src: &webinarSource} }

// NewWebinars returns the zoom_webinars data source.
func NewWebinars() datasource.DataSource { return &eventsDataSource{src: &webinarSource} }

// NewWebinarTemplates returns the zoom_webinar_templates data source.
func NewWebinarTemplates() datasource.DataSource {
	return &eventTemplatesDataSource{src: &webinarSource}
}

type webinarDataSourceModel struct {
	zoomevent.WebinarCommon
	ShowPreviousOccurrences types.Bool `tfsdk:"show_previous_occurrences"`
	IsSimulive              types.Bool `tfsdk:"is_simulive"`
}

const isSimuliveDescription = "Whether the webinar is a Simulive webinar (plays a recording as if live)."

// webinarSource is what the webinar data sources need to know of webinars.
var webinarSource = eventSource{
	kind:         zoomevent.Webinar,
	webinarPlan:  true,
	participants: "attendees",
	oneDescription: "Reads one Zoom webinar by its webinar ID: its schedule, settings, links and occurrences, as " +
		"the `zoom_webinar` resource reports them. Needs the Webinar add-on on the account and a webinar licence " +
		"for the host. Zoom answers \"not found\" alike for a deleted webinar and for one whose time has passed " +
		"(expired), so reading either is an error.",
	idExample: "81234567890",
	typeDescription: "`scheduled` (a one-time webinar at `start_time`), `recurring_fixed_time` (repeats by " +
		"`recurrence` from `start_time`) or `recurring_no_fixed_time` (can be started any time, no start time).",
	statusDescription: "`waiting` (not started), `started` (running) or `finished` where Zoom reports it; " +
		"empty when Zoom reports no status (its webinar API documents none).",
	registrationURLDescription: "Registration link. No webinar answer of Zoom's API documents it, so it is null " +
		"unless Zoom reports it anyway (with registration on).",
	settingsDescription: "Webinar settings, as Zoom reports them (a setting Zoom does not report is null). Q&A " +
		"and the reminder and follow-up e-mail plans are nested objects, e.g. " +
		"`settings.question_and_answer.enable`.",
	oneAttributes: map[string]schema.Attribute{
		"is_simulive": schema.BoolAttribute{Computed: true, Description: isSimuliveDescription},
	},
	get: func(ctx context.Context, c *client.Client, id int64, opts *client.GetMeetingOptions, config tfsdk.Config) (any, diag.Diagnostics, error) {
		var m webinarDataSourceModel
		diags := config.Get(ctx, &m)
		webinar, err := c.Webinars.Get(ctx, id, opts)
		if err != nil || diags.HasError() {
			return nil, diags, err
		}
		// The prior values are null, so FromAPI reports everything as Zoom has it.
		diags.Append(m.FromAPI(ctx, webinar)...)
		m.IsSimulive = types.BoolValue(webinar.IsSimulive)
		return &m, diags, nil
	},
	// A meeting's number on the webinar endpoint: "Cannot access meeting info." (docs/development/zoom-api.md#not-found-answers).
	notOfKind: "Zoom cannot read %s as a webinar; if it is a meeting, read it with the zoom_meeting data " +
		"source.",

	listDescription: "Lists the webinars of one host, every page (Zoom returns up to 300 webinars a request). Needs " +
		"the Webinar add-on on the account and a webinar licence for the host. Zoom does not list webinars that " +
		"have expired.",
	listTypeDescription: "Which webinars to list: `scheduled` (Zoom's default when not set: every webinar of the " +
		"host that has not expired, past, live and upcoming) or `upcoming` (webinars running now or still " +
		"to come).",
	listTypes:        []string{client.WebinarListScheduled, client.WebinarListUpcoming},
	listTypeLabel:    "`scheduled`, `recurring_fixed_time` or `recurring_no_fixed_time`.",
	listAttrTypes:    map[string]attr.Type{"is_simulive": types.BoolType},
	listDescriptions: map[string]string{"is_simulive": isSimuliveDescription},
	list: func(ctx context.Context, c *client.Client, host, typ string) ([]client.EventSummary, []map[string]attr.Value, error) {
		webinars, err := c.Webinars.List(ctx, host, &client.ListWebinarsOptions{Type: typ})
		listed := make([]client.EventSummary, len(webinars))
		own := make([]map[string]attr.Value, len(webinars))
		for i, w := range webinars {
			listed[i], own[i] = w.EventSummary, map[string]attr.Value{"is_simulive": types.BoolValue(w.IsSimulive)}
		}
		return listed, own, err
	},

	templatesDescription: "Lists the webinar templates a user can schedule with: the account's webinar templates and the " +
		"user's own. Any of them can be given to `zoom_webinar.template_id`. Needs the Webinar add-on on the " +
		"account and a webinar licence for the user. " + templatesDeferredRead("webinar"),
	templatesListDescription: "The templates, in Zoom's order. Unlike meeting templates, Zoom does not say whether a " +
		"webinar template is the user's own or the account's.",
	templates: func(ctx context.Context, c *client.Client, user string) ([]client.MeetingTemplate, error) {
		list, err := c.Webinars.ListTemplates(ctx, user)
		out := make([]client.MeetingTemplate, len(list))
		for i, t := range list {
			out[i] = client.MeetingTemplate{ID: t.ID, Name: t.Name}
		}
		return out, err
	},
	// Zoom documents "user not found" here as 400 code 1001 (docs/development/zoom-api.md#templates), elsewhere as 404.
	templatesHostMissingToo: true,
}
