package resources

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

var (
	_ resource.Resource                   = (*meetingResource)(nil)
	_ resource.ResourceWithConfigure      = (*meetingResource)(nil)
	_ resource.ResourceWithImportState    = (*meetingResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*meetingResource)(nil)
	_ resource.ResourceWithValidateConfig = (*meetingResource)(nil)
)

// NewMeeting returns the zoom_meeting resource.
func NewMeeting() resource.Resource { return &meetingResource{} }

type meetingResource struct {
	client *client.Client
}

type meetingModel struct {
	zoomevent.MeetingCommon
	zoomevent.ResourceArgs
	DefaultPassword types.Bool `tfsdk:"default_password"`
}

func (r *meetingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_meeting"
}

func (r *meetingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	attrs := zoomevent.Meeting.ResourceAttributes()
	attrs["type"] = withDescription(attrs["type"], "`scheduled` (default) is a one-time meeting at `start_time`; "+
		"`recurring_fixed_time` repeats by `recurrence` from `start_time`; `recurring_no_fixed_time` can be started any "+
		"time and has no start time. Instant and PMI meetings are not managed: they exist only while they run. Changed in place.")
	attrs["default_password"] = schema.BoolAttribute{
		Optional: true,
		Description: "Let Zoom generate the passcode from the host's settings. Only used when the meeting is " +
			"created. Conflicts with `password`.",
	}
	attrs["pre_schedule"] = schema.BoolAttribute{
		Optional: true, Computed: true, PlanModifiers: boolKeep,
		Description: "Create a pre-scheduled meeting for Google Workspace (only `scheduled` and `recurring_no_fixed_time`).",
	}
	for name, desc := range map[string]string{
		"h323_password": "Passcode for H.323/SIP room systems, derived from the passcode.",
		"pstn_password": "Passcode for phone dial-in, derived from the passcode. No Zoom answer documents it: null " +
			"unless Zoom reports it anyway; once known it is kept while the passcode stays the same.",
		"encrypted_password": "Encrypted passcode, as carried in join links.",
	} {
		attrs[name] = schema.StringAttribute{Computed: true, Sensitive: true, PlanModifiers: keep, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "A scheduled or recurring Zoom meeting. Every argument except the host and the template is " +
			"changed in place with one update request that carries only what changed (Zoom allows 100 meeting " +
			"creates and updates per host per day). Settings you do not set follow Zoom and never show a diff; " +
			"settings you set are enforced, and a change in the Zoom portal shows up as drift on exactly that field. " +
			"A meeting whose time has passed stays in state with `status = \"expired\"` and destroys cleanly.",
		Attributes: attrs,
	}
}

// withDescription replaces a string attribute's description.
func withDescription(a schema.Attribute, desc string) schema.Attribute {
	if s, ok := a.(schema.StringAttribute); ok {
		s.Description = desc
		return s
	}
	return a
}

func (r *meetingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (r *meetingResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m meetingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d := &resp.Diagnostics
	typ, ok := zoomevent.Meeting.Validate(ctx, &m.EventCommon, d)
	if !ok {
		return
	}
	if m.DefaultPassword.ValueBool() && !m.Password.IsNull() {
		d.AddAttributeError(path.Root("default_password"), "Conflicting passcode arguments",
			"Set either password or default_password = true, not both.")
	}
	if m.PreSchedule.ValueBool() && typ == zoomevent.TypeRecurringFixedTime {
		d.AddAttributeError(path.Root("pre_schedule"), "pre_schedule not allowed",
			"Zoom only pre-schedules scheduled and recurring_no_fixed_time meetings.")
	}
	if v, ok := zoomevent.AttrsOf(m.Settings)["use_pmi"].(types.Bool); ok && v.ValueBool() {
		d.AddAttributeError(path.Root("settings").AtName("use_pmi"), "use_pmi = true cannot be managed", usePMIRefusal)
	}
}

func (r *meetingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || unchangedMeetingPlan(req) {
		return
	}
	var plan, config, state meetingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	creating := req.State.Raw.IsNull()
	if creating {
		state.Settings = types.ObjectNull(zoomevent.AttrTypes(zoomevent.Meeting.Settings))
	} else {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	unknown, stop := zoomevent.Meeting.Plan(&plan.EventCommon, &state.EventCommon, &config.EventCommon, creating, &resp.Diagnostics)
	if stop {
		return
	}
	if !creating {
		if zoomevent.SettingChanged(plan.Settings, state.Settings, "use_pmi") {
			for _, a := range zoomevent.Meeting.DerivedFromPasscode {
				unknown[a] = true
			}
		}
		// Zoom keeps at least one security option: turning the waiting room or authentication off may make it
		// generate a passcode.
		if config.Password.IsNull() && (zoomevent.SettingChanged(plan.Settings, state.Settings, "waiting_room") ||
			zoomevent.SettingChanged(plan.Settings, state.Settings, "meeting_authentication")) {
			unknown["password"] = true
			for _, a := range zoomevent.Meeting.DerivedFromPasscode {
				unknown[a] = true
			}
		}
		zoomevent.MarkUnknown(ctx, resp, unknown)
	}
	// Settings Zoom derives from others.
	planSettings := zoomevent.AttrsOf(plan.Settings)
	if len(planSettings) == 0 {
		return
	}
	next := make(map[string]attr.Value, len(planSettings))
	for k, v := range planSettings {
		next[k] = v
	}
	updated := false
	if wr, ok := planSettings["waiting_room"].(types.Bool); ok && wr.ValueBool() && !zoomevent.SettingConfigured(config.Settings, "join_before_host") {
		next["join_before_host"] = types.BoolValue(false)
		updated = true
	}
	if zoomevent.SettingChanged(plan.Settings, state.Settings, "meeting_authentication") && !zoomevent.SettingConfigured(config.Settings, "authentication_option") {
		next["authentication_option"] = types.StringUnknown()
		updated = true
	}
	if updated {
		obj, d := types.ObjectValue(zoomevent.AttrTypes(zoomevent.Meeting.Settings), next)
		resp.Diagnostics.Append(d...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("settings"), obj)...)
	}
}

// unchangedMeetingPlan reports whether ModifyPlan has nothing to do: the meeting exists and its plan is its state,
// as Terraform plans every unchanged meeting on every run. Each step of the full path acts only on a new meeting
// or on a difference between plan and state, except one: Zoom turns join_before_host off under a waiting room, so
// a plan holding waiting_room = true without join_before_host = false takes the full path. Decoding the plan, the
// configuration and the state into models for nothing was about a tenth of the provider's CPU in a plan of
// unchanged meetings.
func unchangedMeetingPlan(req resource.ModifyPlanRequest) bool {
	if req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var top map[string]tftypes.Value
	if err := req.Plan.Raw.As(&top); err != nil {
		return false
	}
	settings, ok := top["settings"]
	if !ok || settings.IsNull() {
		return true
	}
	var set map[string]tftypes.Value
	if !settings.IsFullyKnown() || settings.As(&set) != nil {
		return false
	}
	var waitingRoom, jbh *bool
	if v, ok := set["waiting_room"]; !ok || v.As(&waitingRoom) != nil {
		return false
	}
	if waitingRoom == nil || !*waitingRoom {
		return true
	}
	if v, ok := set["join_before_host"]; !ok || v.As(&jbh) != nil {
		return false
	}
	return jbh != nil && !*jbh
}

func (r *meetingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, config meetingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := meetingRequest(ctx, &plan, &config, nil)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := plan.UserID.ValueString()
	m, err := createOrAdopt(ctx, r.client, host, zoomevent.Meeting.KeyOf(&plan.EventCommon),
		func() (*client.Meeting, error) { return r.client.Meetings.Create(ctx, host, body) },
		r.listEvents(ctx, host),
		func(id int64) (*client.Meeting, error) { return r.client.Meetings.Get(ctx, id, nil) },
		func(m *client.Meeting) int64 { return m.ID },
		&resp.Diagnostics)
	if err != nil {
		if partialEventState(ctx, r.client, "meeting", err, req.Plan, &resp.State, &resp.Diagnostics) {
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error creating Zoom meeting for host %s (zoom_meeting %q)", host, plan.Topic.ValueString()),
			zoomevent.Meeting.ExplainAltHosts(zoomevent.Meeting.ExplainHost(err, host), plan.Settings))
		return
	}
	if needsReadBack(m) {
		// meetingCreate's answer documents neither uuid, host_id, status nor encrypted_password (Zoom mints the
		// UUID, resolves a host given by e-mail and derives the encrypted passcode), and the state holds all
		// four: they are read with meetingGet (one Light request), unless Zoom's answer carried them anyway.
		got, err := r.client.Meetings.Get(ctx, m.ID, nil)
		if err != nil {
			// The meeting exists: save what is known (not empty values for what only the GET tells), so that
			// it is neither tainted nor recorded wrong; the next refresh reads the rest.
			partialEventState(ctx, r.client, "meeting", &adoptedUnread{id: m.ID, err: err}, req.Plan, &resp.State, &resp.Diagnostics)
			return
		}
		// GET documents no registration_url: keep the one the create answer carried.
		keepCreateOnly(&got.RegistrationURL, m.RegistrationURL)
		keepCreateOnly(&got.PSTNPassword, m.PSTNPassword)
		m = got
	}
	got := plan
	resp.Diagnostics.Append(got.FromAPI(ctx, m)...)
	reconcileMeeting(&config, &plan, &got, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

func (r *meetingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readEvent(ctx, r.ops(), req, resp, func(state *meetingModel, m *client.Meeting) bool {
		if state.Topic.IsNull() && onPMI(m) {
			// Importing: a meeting on the host's PMI shares its ID with the host's other PMI meetings and cannot be
			// deleted, so it is not taken under management.
			resp.Diagnostics.AddError(fmt.Sprintf("Zoom meeting %d is held on the host's Personal Meeting ID", m.ID),
				usePMIRefusal+" This meeting can only be managed in the Zoom portal.")
			return false
		}
		return true
	})
}

func (r *meetingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, state, config meetingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := eventNumber(&state.EventCommon, "meeting", &resp.Diagnostics)
	if !ok {
		return
	}
	body, diags := meetingRequest(ctx, &plan, &config, &state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	updateEvent(ctx, r.ops(), id, &plan, &config, &state, body.IsEmpty(),
		func() error { return r.client.Meetings.Update(ctx, id, body) }, func(err error) error { return err },
		zoomevent.PlanHasUnknowns(&plan.EventCommon, plan.H323Password, plan.PSTNPassword, plan.EncryptedPassword, plan.PreSchedule), resp)
}

func (r *meetingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteEvent(ctx, r.ops(), req, resp, func(id int64, state *meetingModel) error {
		notify := client.Ptr(state.NotifyOnDestroy.ValueBool())
		return r.client.Meetings.Delete(ctx, id, &client.DeleteMeetingOptions{ScheduleForReminder: notify, CancelMeetingReminder: notify})
	}, func(err error, _ *meetingModel) error {
		if client.IsPMIMeetingDelete(err) {
			return fmt.Errorf("%w\n\nThe meeting is held on the host's Personal Meeting ID, which Zoom never deletes. "+
				"Remove it from the state with `terraform state rm` and manage it in the Zoom portal", err)
		}
		return err
	})
}

// needsReadBack reports whether a meeting create answer (or an adopted meeting's GET answer) lacks a field that
// only meetingGet documents: the UUID, the host's ID, the status, or the encrypted passcode of a meeting that has
// a passcode.
func needsReadBack(m *client.Meeting) bool {
	return m.UUID == "" || m.HostID == "" || m.Status == "" || (m.Password != "" && m.EncryptedPassword == "")
}

// keepCreateOnly keeps a value only the create answer carried when the GET that follows lacks it.
func keepCreateOnly(got *string, created string) {
	if *got == "" {
		*got = created
	}
}

// onPMI reports whether Zoom holds m on its host's Personal Meeting ID (its ID is the PMI).
func onPMI(m *client.Meeting) bool {
	return m.Type == client.MeetingTypePMI || (m.PMI != "" && string(m.PMI) == strconv.FormatInt(m.ID, 10))
}

// ImportState accepts a meeting ID.
func (r *meetingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importEvent(ctx, "meeting", req, resp)
}

// meetingRequest builds the create body (state nil: every configured argument) or the update body (only what
// changed between state and plan).
func meetingRequest(ctx context.Context, plan, config, state *meetingModel) (*client.MeetingRequest, diag.Diagnostics) {
	var stateCommon *zoomevent.EventCommon
	if state != nil {
		stateCommon = &state.EventCommon
	}
	fields, diags := zoomevent.Meeting.Request(ctx, &plan.EventCommon, &config.EventCommon, stateCommon, plan.TemplateID)
	if diags.HasError() {
		return nil, diags
	}
	req := &client.MeetingRequest{EventFields: fields}
	if settings := new(client.MeetingSettings); zoomevent.Meeting.SettingsRequest(&config.EventCommon, &plan.EventCommon, stateCommon, settings) {
		req.Settings = settings
	}
	create := state == nil
	if create && plan.DefaultPassword.ValueBool() {
		req.DefaultPassword = client.Ptr(true)
	}
	if !config.PreSchedule.IsNull() && !plan.PreSchedule.IsUnknown() && (create || !plan.PreSchedule.Equal(state.PreSchedule)) {
		req.PreSchedule = plan.PreSchedule.ValueBoolPointer()
	}
	return req, diags
}

// usePMIRefusal explains why a meeting held on the host's Personal Meeting ID is refused: such a meeting takes
// the PMI as its ID, which every other meeting of the host on the PMI shares (so two resources would manage one
// ID, and a change to one shows up in the other), and Zoom refuses to delete it (meetingDelete answers 3018), so
// destroy could never succeed.
const usePMIRefusal = "A meeting with settings.use_pmi = true takes the host's Personal Meeting ID (PMI) as its " +
	"ID. Every meeting of the host held on the PMI shares that ID, and Zoom refuses to delete it (error 3018), so " +
	"Terraform could neither tell such meetings apart nor destroy them. Remove use_pmi (or set it to false): the " +
	"meeting gets its own ID. To share the host's personal room link, use the zoom_user's personal meeting " +
	"settings instead."

// reconcileMeeting settles what is stored after an apply (see zoomevent.Kind.Reconcile).
func reconcileMeeting(config, plan, got *meetingModel, diags *diag.Diagnostics) {
	zoomevent.Meeting.Reconcile(&config.EventCommon, &plan.EventCommon, &got.EventCommon, diags)
	zoomevent.Settle(diags, "pre_schedule", !config.PreSchedule.IsNull(), plan.PreSchedule, &got.PreSchedule)
	zoomevent.Settle(diags, "h323_password", false, plan.H323Password, &got.H323Password)
	zoomevent.Settle(diags, "pstn_password", false, plan.PSTNPassword, &got.PSTNPassword)
	zoomevent.Settle(diags, "encrypted_password", false, plan.EncryptedPassword, &got.EncryptedPassword)
}

// listEvents lists the host's scheduled meetings, where the lookups of lost creates search.
func (r *meetingResource) listEvents(ctx context.Context, host string) func() ([]zoomevent.Listed, error) {
	return func() ([]zoomevent.Listed, error) {
		list, err := r.client.Meetings.List(ctx, host, &client.ListMeetingsOptions{Type: client.MeetingListScheduled})
		out := make([]zoomevent.Listed, len(list))
		for i := range list {
			out[i] = list[i].EventSummary
		}
		return out, err
	}
}

func (m *meetingModel) event() *zoomevent.EventCommon { return &m.EventCommon }
func (m *meetingModel) args() *zoomevent.ResourceArgs { return &m.ResourceArgs }

// ops names the meeting calls and mapping of the shared refresh and update steps.
func (r *meetingResource) ops() eventOps[meetingModel, client.Meeting] {
	return eventOps[meetingModel, client.Meeting]{
		kind:   zoomevent.Meeting,
		client: r.client,
		list:   r.listEvents,
		get: func(ctx context.Context, id int64) (*client.Meeting, error) {
			return r.client.Meetings.Get(ctx, id, nil)
		},
		info: func(m *client.Meeting) *client.Event { return &m.Event },
		fromAPI: func(ctx context.Context, m *meetingModel, e *client.Meeting) diag.Diagnostics {
			return m.FromAPI(ctx, e)
		},
		reconcile: reconcileMeeting,
		readError: func(err error, _ *meetingModel) error { return err },
	}
}
