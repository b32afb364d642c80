package datasources

// The data sources of meetings and webinars: one event (zoom_meeting, zoom_webinar), a host's list
// (zoom_meetings, zoom_webinars) and a user's templates (zoom_meeting_templates, zoom_webinar_templates). Each is
// one implementation driven by an eventSource, which names the kind, the words that differ and the client calls
// (meeting.go, webinar.go).

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

// eventSource is what the meeting or webinar data sources need to know of their kind.
type eventSource struct {
	kind zoomevent.Kind
	// webinarPlan: every call needs the Webinar add-on, and Zoom's "plan missing" answer is explained.
	webinarPlan bool
	// participants names who joins ("participants", "attendees").
	participants string

	// One event.
	oneDescription, idExample, typeDescription, statusDescription, registrationURLDescription, settingsDescription string
	// oneAttributes are the kind's own attributes.
	oneAttributes map[string]schema.Attribute
	// get reads one event and maps it onto a new model of the data source (prior values null).
	get func(ctx context.Context, c *client.Client, id int64, opts *client.GetMeetingOptions, config tfsdk.Config) (model any, diags diag.Diagnostics, err error)
	// notOfKind, when set, is the message for Zoom's answer to a number of another kind (client.IsNotAWebinar).
	notOfKind string

	// A host's list.
	listDescription, listTypeDescription, listTypeLabel string
	listTypes                                           []string
	// listAttrTypes and listDescriptions are the kind's own attributes of a listed event.
	listAttrTypes    map[string]attr.Type
	listDescriptions map[string]string
	// list reads the host's events and the kind's own values of each.
	list func(ctx context.Context, c *client.Client, host, typ string) ([]client.EventSummary, []map[string]attr.Value, error)

	// A user's templates.
	templatesDescription, templatesListDescription string
	// templateType is the description of a template's `type` (empty when Zoom does not report it).
	templateType string
	templates    func(ctx context.Context, c *client.Client, user string) ([]client.MeetingTemplate, error)
	// templatesHostMissingToo: Zoom documents "user not found" of the template list as 400 code 1001 too.
	templatesHostMissingToo bool
}

// addonError adds an error naming the Webinar add-on when the kind needs it and err is Zoom's "plan missing"
// answer, and reports whether it did.
func (s *eventSource) addonError(diags *diag.Diagnostics, summary, who string, err error) bool {
	return s.webinarPlan && addWebinarAddonError(diags, summary, who, err)
}

// addWebinarAddonError adds an error naming the Webinar add-on when err is Zoom's "webinar plan missing" answer
// (400 code 200) and reports whether it did. who names the host concerned, e.g. "user ada@example.com".
func addWebinarAddonError(diags *diag.Diagnostics, summary, who string, err error) bool {
	if !client.IsWebinarPlanMissing(err, true) {
		return false
	}
	diags.AddError(summary+": the Zoom Webinar add-on is missing",
		fmt.Sprintf("Every Zoom webinar API call needs the Webinar add-on: the account must subscribe to a Webinar "+
			"plan, and %s needs a webinar licence assigned (Zoom web portal > User Management > Users > edit the "+
			"user > Webinar). Add the licence, or remove the webinar resources and data sources from the "+
			"configuration.\n\nZoom said: %s", who, err))
	return true
}

// listError explains why listing a user's what (e.g. "meetings", "webinar templates") failed; userMissing tells
// Zoom's answer that the user does not exist.
func (s *eventSource) listError(diags *diag.Diagnostics, what, user string, err error, userMissing bool) {
	switch {
	case s.addonError(diags, "Cannot list the Zoom "+what+" of "+user, "the user "+user, err):
	case userMissing:
		diags.AddError("Zoom user not found", "No user "+user+" exists in the Zoom account, so it has no "+what+" to list.")
	default:
		diagnostics.AddAPIError(diags, "Error listing the Zoom "+what+" of "+user, err)
	}
}

func configure(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *client.Client {
	return diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// eventDataSource reads one meeting or webinar.
type eventDataSource struct {
	client *client.Client
	src    *eventSource
}

func (d *eventDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.src.kind.Noun
}

func (d *eventDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	s, noun := d.src, d.src.kind.Noun
	computed := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Sensitive: sensitive, Description: desc}
	}
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Required:    true,
			Description: fmt.Sprintf("%s ID (the %s number, for example `%s`).", s.kind.Title(), noun, s.idExample),
			Validators:  []validator.String{eventIDValidator{noun: noun}},
		},
		"show_previous_occurrences": schema.BoolAttribute{
			Optional: true,
			Description: "For a recurring " + noun + ", also list the occurrences that have already taken place in " +
				"`occurrences`. Default false: only upcoming occurrences.",
		},
		"topic": computed("Title.", false),
		"type":  computed(s.typeDescription, false),
		"start_time": schema.StringAttribute{
			Computed: true, CustomType: zoomtime.TimeType{},
			Description: "Start in UTC, as `2026-12-01T09:30:00Z` (the first occurrence of a recurring " + noun + " " +
				"with a fixed time). Null for `recurring_no_fixed_time`.",
		},
		"timezone": computed("IANA time zone of the "+noun+", e.g. `Europe/Berlin`.", false),
		"duration": schema.Int64Attribute{
			Computed:    true,
			Description: "Length in minutes (of each occurrence for recurring " + noun + "s).",
		},
		"agenda":   computed("Description; null when there is none.", false),
		"password": computed("Passcode; empty when the "+noun+" has none. Sensitive.", true),
		"tracking_fields": schema.ListAttribute{
			Computed: true, ElementType: types.ObjectType{AttrTypes: zoomevent.TrackingFieldAttrTypes},
			Description: "Tracking-field values: objects with `field` (the label of a tracking field of the " +
				"account) and `value`. Null when the " + noun + " has none.",
		},
		"recurrence": zoomevent.RecurrenceDataSourceAttribute("How a `recurring_fixed_time` " + noun + " repeats; " +
			"null for the other types."),
		"settings": schema.SingleNestedAttribute{
			Computed:    true,
			Description: s.settingsDescription,
			Attributes:  zoomevent.DataSourceAttributes(s.kind.Settings),
		},
		"uuid":       computed("UUID of the current "+noun+" instance; Zoom mints a new one after each instance ends.", false),
		"host_id":    computed("User ID of the host.", false),
		"host_email": computed("E-mail of the host.", false),
		"status":     computed(s.statusDescription, false),
		"created_at": computed("When the "+noun+" was created (UTC).", false),
		"join_url":   computed("Link "+s.participants+" join with. Sensitive: it embeds the passcode.", true),
		"start_url": computed("Link that starts the "+noun+" as the host without signing in. Sensitive. It carries "+
			"a token that expires after two hours (90 days for custCreate hosts) and changes on every read.", true),
		"registration_url": computed(s.registrationURLDescription, false),
		"occurrences": schema.ListAttribute{
			Computed:    true,
			ElementType: types.ObjectType{AttrTypes: zoomevent.OccurrenceAttrTypes},
			Description: "Occurrences of a recurring " + noun + ", upcoming ones only unless `show_previous_occurrences` " +
				"is true; empty for other " + noun + "s. Each has `occurrence_id` (its start as epoch milliseconds, used " +
				"to address one occurrence), `start_time` (UTC), `duration` (minutes) and `status` (e.g. `available`).",
		},
	}
	for name, a := range s.oneAttributes {
		attrs[name] = a
	}
	resp.Schema = schema.Schema{Description: s.oneDescription, Attributes: attrs}
}

func (d *eventDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configure(req, resp)
}

func (d *eventDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	s, noun, title := d.src, d.src.kind.Noun, d.src.kind.Title()
	var idValue types.String
	var showPrevious types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &idValue)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("show_previous_occurrences"), &showPrevious)...)
	if resp.Diagnostics.HasError() {
		return
	}
	idStr := idValue.ValueString()
	id, err := parseEventNumber(noun, idStr)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid "+noun+" ID", err.Error())
		return
	}
	model, diags, err := s.get(ctx, d.client, id, &client.GetMeetingOptions{ShowPreviousOccurrences: showPrevious.ValueBool()}, req.Config)
	if err != nil {
		switch {
		case s.addonError(&resp.Diagnostics, "Cannot read Zoom "+noun+" "+idStr, "the host of "+noun+" "+idStr, err):
		case client.IsHostMissing(err) && client.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Zoom "+noun+" host not found",
				fmt.Sprintf("Zoom cannot read %s %s because its host no longer exists in the account.\n\nZoom said: %s", noun, idStr, err))
		case client.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Zoom "+noun+" not found",
				fmt.Sprintf("%s %s does not exist: it was deleted, or its time has passed and Zoom no longer "+
					"returns it (expired %ss answer like deleted ones, code 3001). Check the %s ID.", title, idStr, noun, noun))
		case s.notOfKind != "" && client.IsNotAWebinar(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Not a Zoom "+noun,
				fmt.Sprintf(s.notOfKind+"\n\nZoom said: %s", idStr, err))
		default:
			diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom "+noun+" "+idStr, err)
		}
		return
	}
	resp.Diagnostics.Append(diags...)
	if model == nil {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// eventsDataSource lists the meetings or webinars of a host.
type eventsDataSource struct {
	client *client.Client
	src    *eventSource
}

// listedAttrTypes are the attributes of one listed event: the shared ones and the kind's own.
func (s *eventSource) listedAttrTypes() map[string]attr.Type {
	out := map[string]attr.Type{
		"id": types.StringType, "uuid": types.StringType, "host_id": types.StringType, "topic": types.StringType,
		"type": types.StringType, "start_time": types.StringType, "duration": types.Int64Type,
		"timezone": types.StringType, "created_at": types.StringType, "join_url": types.StringType,
		"agenda": types.StringType,
	}
	for k, v := range s.listAttrTypes {
		out[k] = v
	}
	return out
}

func (d *eventsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.src.kind.Noun + "s"
}

func (d *eventsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	s, noun := d.src, d.src.kind.Noun
	desc := map[string]string{
		"id":         fmt.Sprintf("%s ID (the %s number), as a string: what the `zoom_%s` data source and import take.", s.kind.Title(), noun, noun),
		"uuid":       "UUID of the current " + noun + " instance.",
		"host_id":    "User ID of the host.",
		"topic":      "Title.",
		"type":       s.listTypeLabel,
		"start_time": "Start in UTC, as `2026-12-01T09:30:00Z`; null for `recurring_no_fixed_time`.",
		"duration":   "Length in minutes.",
		"timezone":   "IANA time zone of the " + noun + "; null when Zoom reports none.",
		"created_at": "When the " + noun + " was created (UTC).",
		"join_url":   "Link " + s.participants + " join with. Sensitive: it embeds the passcode.",
		"agenda": "Description, truncated by Zoom to 250 characters in lists (the `zoom_" + noun + "` data source has " +
			"the full text); null when there is none.",
	}
	for k, v := range s.listDescriptions {
		desc[k] = v
	}
	item := map[string]schema.Attribute{}
	for name, t := range s.listedAttrTypes() {
		switch t {
		case types.Int64Type:
			item[name] = schema.Int64Attribute{Computed: true, Description: desc[name]}
		case types.BoolType:
			item[name] = schema.BoolAttribute{Computed: true, Description: desc[name]}
		default:
			item[name] = schema.StringAttribute{Computed: true, Description: desc[name], Sensitive: name == "join_url"}
		}
	}
	resp.Schema = schema.Schema{
		Description: s.listDescription,
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required:    true,
				Description: "The host: a user ID or e-mail of the account, or `me` for the owner of the Zoom app.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				Optional:    true,
				Description: s.listTypeDescription,
				Validators:  []validator.String{stringvalidator.OneOf(s.listTypes...)},
			},
			noun + "s": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The " + noun + "s, in Zoom's order. Zoom lists a summary: no settings, passcode or start URL.",
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the " + noun + "s, in the same order.",
			},
		},
	}
}

func (d *eventsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configure(req, resp)
}

func (d *eventsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	s, noun := d.src, d.src.kind.Noun
	var hostValue, typ types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_id"), &hostValue)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("type"), &typ)...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := hostValue.ValueString()
	listed, own, err := s.list(ctx, d.client, host, typ.ValueString())
	if err != nil {
		s.listError(&resp.Diagnostics, noun+"s", host, err, client.IsNotFound(err))
		return
	}
	attrTypes := s.listedAttrTypes()
	objs := make([]attr.Value, 0, len(listed))
	ids := make([]attr.Value, 0, len(listed))
	for i, e := range listed {
		vals := map[string]attr.Value{
			"id":         types.StringValue(strconv.FormatInt(e.ID, 10)),
			"uuid":       types.StringValue(e.UUID),
			"host_id":    types.StringValue(e.HostID),
			"topic":      types.StringValue(e.Topic),
			"type":       types.StringValue(s.kind.TypeName(e.Type)),
			"start_time": tfvalue.StringOrNull(e.StartTime),
			"duration":   types.Int64Value(int64(e.Duration)),
			"timezone":   tfvalue.StringOrNull(e.Timezone),
			"created_at": types.StringValue(e.CreatedAt),
			"join_url":   types.StringValue(e.JoinURL),
			"agenda":     tfvalue.StringOrNull(e.Agenda),
		}
		for k, v := range own[i] {
			vals[k] = v
		}
		obj, diags := types.ObjectValue(attrTypes, vals)
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(strconv.FormatInt(e.ID, 10)))
	}
	list, diags := types.ListValue(types.ObjectType{AttrTypes: attrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	idList, diags := types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	resp.State.Raw = req.Config.Raw
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(noun+"s"), list)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("ids"), idList)...)
}

// eventTemplatesDataSource lists a user's meeting or webinar templates.
type eventTemplatesDataSource struct {
	client *client.Client
	src    *eventSource
}

type eventTemplatesModel struct {
	UserID    types.String `tfsdk:"user_id"`
	Name      types.String `tfsdk:"name"`
	Templates types.List   `tfsdk:"templates"`
	IDs       types.List   `tfsdk:"ids"`
}

// templateAttrTypes are the attributes of one template.
func (s *eventSource) templateAttrTypes() map[string]attr.Type {
	out := map[string]attr.Type{"id": types.StringType, "name": types.StringType}
	if s.templateType != "" {
		out["type"] = types.Int64Type
	}
	return out
}

func (d *eventTemplatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.src.kind.Noun + "_templates"
}

func (d *eventTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	s := d.src
	item := map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true, Description: "Template ID."},
		"name": schema.StringAttribute{Computed: true, Description: "Template name."},
	}
	if s.templateType != "" {
		item["type"] = schema.Int64Attribute{Computed: true, Description: s.templateType}
	}
	resp.Schema = schema.Schema{
		Description: s.templatesDescription,
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
				Computed:     true,
				Description:  s.templatesListDescription,
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				Description: "IDs of the templates, in the same order.",
			},
		},
	}
}

func (d *eventTemplatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configure(req, resp)
}

func (d *eventTemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	s, noun := d.src, d.src.kind.Noun
	var m eventTemplatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user := m.UserID.ValueString()
	templates, err := s.templates(ctx, d.client, user)
	if err != nil {
		s.listError(&resp.Diagnostics, noun+" templates", user, err, client.IsNotFound(err) || (s.templatesHostMissingToo && client.IsHostMissing(err)))
		return
	}
	attrTypes := s.templateAttrTypes()
	objs := make([]attr.Value, 0, len(templates))
	ids := make([]attr.Value, 0, len(templates))
	for _, t := range templates {
		if !m.Name.IsNull() && t.Name != m.Name.ValueString() {
			continue
		}
		vals := map[string]attr.Value{"id": types.StringValue(t.ID), "name": types.StringValue(t.Name)}
		if s.templateType != "" {
			vals["type"] = types.Int64Value(int64(t.Type))
		}
		obj, diags := types.ObjectValue(attrTypes, vals)
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
		ids = append(ids, types.StringValue(t.ID))
	}
	var diags diag.Diagnostics
	m.Templates, diags = types.ListValue(types.ObjectType{AttrTypes: attrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = types.ListValue(types.StringType, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
