package resources

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/meetingattrs"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
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
	meetingattrs.MeetingCommon
	UserID          types.String `tfsdk:"user_id"`
	DefaultPassword types.Bool   `tfsdk:"default_password"`
	TemplateID      types.String `tfsdk:"template_id"`
	NotifyOnDestroy types.Bool   `tfsdk:"notify_on_destroy"`
}

// meetingPasscode is Zoom's passcode rule for meetings (REFERENCE §4b "Passcode rules").
var meetingPasscode = regexp.MustCompile(`^[A-Za-z0-9@_*-]{1,10}$`)

// Zoom error codes the meeting resource handles (REFERENCE §2.2).
const (
	codeMeetingNotFound = 3001
	codeMeetingEnded    = 3007
)

func (r *meetingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_meeting"
}

func (r *meetingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Sensitive: sensitive, PlanModifiers: keep, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "A scheduled or recurring Zoom meeting. Every argument except the host and the template is " +
			"changed in place with one update request that carries only what changed (Zoom allows 100 meeting " +
			"creates and updates per host per day). Settings you do not set follow Zoom and never show a diff; " +
			"settings you set are enforced, and a change in the Zoom portal shows up as drift on exactly that field. " +
			"A meeting whose time has passed stays in state with `status = \"expired\"` and destroys cleanly.",
		Attributes: map[string]schema.Attribute{
			"id": computed("Meeting ID (the meeting number).", false),
			"user_id": schema.StringAttribute{
				Required: true,
				Description: "The host: a user ID or e-mail of the account (or `me`, the app's own user). Changing the host " +
					"replaces the meeting (Zoom cannot move a meeting to another host); switching between the host's ID " +
					"and e-mail does not.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(sameHost,
					"Changing the host creates a new meeting; the same host written as ID or e-mail does not.",
					"Changing the host creates a new meeting; the same host written as ID or e-mail does not.")},
			},
			"topic": schema.StringAttribute{
				Required: true, Description: "Title, 1 to 200 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 200)},
			},
			"type": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(meetingattrs.TypeScheduled),
				Description: "`scheduled` (default) is a one-time meeting at `start_time`; `recurring_fixed_time` " +
					"repeats by `recurrence` from `start_time`; `recurring_no_fixed_time` can be started any time and has " +
					"no start time. Instant and PMI meetings are not managed: they exist only while they run. Changed in place.",
				Validators: []validator.String{meetingTypeValidator{}},
			},
			"start_time": schema.StringAttribute{
				Optional: true, CustomType: meetingattrs.TimeType{},
				Description: "Start, as `2026-12-01T09:30:00Z` (UTC), with an offset (`2026-12-01T10:30:00+01:00`), or as " +
					"a local time without zone (`2026-12-01T10:30:00`) read in `timezone`. Zoom reports UTC; any spelling " +
					"of the same instant compares equal. Required for `scheduled` and `recurring_fixed_time` (the first " +
					"occurrence), not used by `recurring_no_fixed_time`. A meeting is not created with a start in the past.",
			},
			"timezone": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep,
				Description: "IANA time zone of the meeting, e.g. `Europe/Berlin`. Follows the host's time zone when not set.",
				Validators:  []validator.String{validators.TimeZone()},
			},
			"duration": schema.Int64Attribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Description: "Length in minutes (of each occurrence for recurring meetings). Not used by `recurring_no_fixed_time`.",
				Validators:  []validator.Int64{int64validator.AtLeast(1)},
			},
			"agenda": schema.StringAttribute{
				Optional: true, Description: "Description, 1 to 2,000 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 2000)},
			},
			"password": schema.StringAttribute{
				Optional: true, Computed: true, Sensitive: true, PlanModifiers: keep,
				Description: "Passcode: at most 10 characters from letters, digits and `@ - _ *`. When not set, Zoom may " +
					"generate one (accounts that require a passcode or a security option); the generated one is kept " +
					"here. Removing it from the configuration keeps the current passcode.",
				Validators: []validator.String{stringvalidator.RegexMatches(meetingPasscode,
					"must be 1 to 10 characters from letters, digits and @ - _ *")},
			},
			"default_password": schema.BoolAttribute{
				Optional: true,
				Description: "Let Zoom generate the passcode from the host's settings (the PMI passcode with " +
					"`use_pmi`). Only used when the meeting is created. Conflicts with `password`.",
			},
			"pre_schedule": schema.BoolAttribute{
				Optional: true, Computed: true, PlanModifiers: boolKeep,
				Description: "Create a pre-scheduled meeting for Google Workspace (only `scheduled` and `recurring_no_fixed_time`).",
			},
			"template_id": schema.StringAttribute{
				Optional: true,
				Description: "ID of an account meeting template (see the `zoom_meeting_templates` data source) to " +
					"create the meeting from; settings you set override the template's. Zoom does not report the " +
					"template of a meeting, so it is create-only: changing it replaces the meeting.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(templateChanged,
					"Changing the template creates a new meeting.", "Changing the template creates a new meeting.")},
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"tracking_fields": schema.ListAttribute{
				Optional: true, ElementType: types.ObjectType{AttrTypes: meetingattrs.TrackingFieldAttrTypes},
				Description: "Tracking-field values: objects with `field` (the label of a tracking field of the " +
					"account) and `value`.",
				Validators: []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"recurrence": meetingattrs.RecurrenceResourceAttribute("How a `recurring_fixed_time` meeting repeats; " +
				"required for that type and not allowed for the others."),
			"settings": schema.SingleNestedAttribute{
				Optional: true, Computed: true,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Description:   "Meeting settings. Each setting you leave out follows Zoom (the host's and account's defaults).",
				Attributes:    meetingattrs.ResourceAttributes(meetingattrs.MeetingSettings),
			},
			"notify_on_destroy": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "When the meeting is destroyed, e-mail the host, alternative hosts and registrants about " +
					"the cancellation. Default false.",
			},
			"uuid":       computed("UUID of the current meeting instance; Zoom mints a new one after each instance ends.", false),
			"host_id":    computed("User ID of the host.", false),
			"host_email": computed("E-mail of the host.", false),
			"status": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				Description: "`waiting` (not started), `started` (running), `finished` where Zoom reports it, or " +
					"`expired`: the meeting's time has passed and Zoom no longer returns it, so the resource can be " +
					"removed from the configuration. Changes here never cause a diff.",
			},
			"created_at": computed("When the meeting was created (UTC).", false),
			"join_url":   computed("Link participants join with. Sensitive: it embeds the passcode.", true),
			"start_url": computed("Link that starts the meeting as the host without signing in. Sensitive. It carries "+
				"a token that expires after two hours (90 days for custCreate hosts) and changes on every read, so the "+
				"value here is the one of the last refresh and never causes a diff; refresh (or read the "+
				"`zoom_meeting` data source) just before handing it to a host.", true),
			"registration_url":   computed("Registration link; empty unless registration is on (`settings.approval_type` 0 or 1).", false),
			"h323_password":      computed("Passcode for H.323/SIP room systems, derived from the passcode.", true),
			"pstn_password":      computed("Passcode for phone dial-in, derived from the passcode.", true),
			"encrypted_password": computed("Encrypted passcode, as carried in join links.", true),
			"occurrences": schema.ListAttribute{
				Computed: true, PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				ElementType: types.ObjectType{AttrTypes: meetingattrs.OccurrenceAttrTypes},
				Description: "Upcoming occurrences of a recurring meeting (past ones drop off): `occurrence_id`, " +
					"`start_time` (UTC), `duration`, `status`.",
			},
		},
	}
}

func (r *meetingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// sameHost lets a host written as ID or e-mail switch spelling without replacement.
func sameHost(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsUnknown() {
		resp.RequiresReplace = !req.StateValue.IsNull()
		return
	}
	var hostID, hostEmail types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("host_id"), &hostID)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("host_email"), &hostEmail)...)
	want := req.PlanValue.ValueString()
	// "me" (the app's own user) can only be compared with itself without asking Zoom.
	same := strings.EqualFold(want, req.StateValue.ValueString()) ||
		(want != "me" && (want == hostID.ValueString() || strings.EqualFold(want, hostEmail.ValueString())))
	resp.RequiresReplace = !same
}

// templateChanged replaces the meeting when its template changes, but not when an imported meeting (whose
// template Zoom does not report) gets one in the configuration.
func templateChanged(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

// meetingTypeValidator accepts the managed types and explains why the others are refused.
type meetingTypeValidator struct{}

func (meetingTypeValidator) Description(context.Context) string {
	return "one of scheduled, recurring_fixed_time, recurring_no_fixed_time"
}
func (v meetingTypeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}
func (meetingTypeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	switch v := req.ConfigValue.ValueString(); v {
	case meetingattrs.TypeScheduled, meetingattrs.TypeRecurringFixedTime, meetingattrs.TypeRecurringNoFixedTime:
	case meetingattrs.TypeInstant, "1":
		resp.Diagnostics.AddAttributeError(req.Path, "Instant meetings cannot be managed",
			"An instant meeting starts when it is created and ends with its session, so it cannot be kept in "+
				"configuration. Use type = \"scheduled\" with a start_time, or \"recurring_no_fixed_time\" for a meeting "+
				"that can be started at any time.")
	case meetingattrs.TypePMI, "4":
		resp.Diagnostics.AddAttributeError(req.Path, "PMI meetings cannot be managed",
			"A PMI meeting is the host's personal meeting room, not a meeting Terraform can create. To hold a "+
				"scheduled meeting on the PMI, set settings.use_pmi = true.")
	default:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid meeting type",
			fmt.Sprintf("%q is not a meeting type: use scheduled, recurring_fixed_time or recurring_no_fixed_time.", v))
	}
}

func (r *meetingResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m meetingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Type.IsUnknown() {
		return
	}
	typ := m.Type.ValueString()
	if m.Type.IsNull() {
		typ = meetingattrs.TypeScheduled
	}
	d := &resp.Diagnostics
	switch typ {
	case meetingattrs.TypeScheduled, meetingattrs.TypeRecurringFixedTime:
		if m.StartTime.IsNull() {
			d.AddAttributeError(path.Root("start_time"), "Missing start_time",
				fmt.Sprintf("A %s meeting needs a start_time; Zoom would otherwise start it now.", typ))
		}
	case meetingattrs.TypeRecurringNoFixedTime:
		for name, v := range map[string]attr.Value{"start_time": m.StartTime, "duration": m.Duration} {
			if !v.IsNull() {
				d.AddAttributeError(path.Root(name), "Not used by recurring_no_fixed_time",
					fmt.Sprintf("Zoom ignores %s for a recurring meeting with no fixed time, so it would never match; remove it.", name))
			}
		}
	}
	if typ == meetingattrs.TypeRecurringFixedTime && m.Recurrence.IsNull() {
		d.AddAttributeError(path.Root("recurrence"), "Missing recurrence",
			"A recurring_fixed_time meeting needs a recurrence block saying how it repeats and when it ends.")
	}
	if typ != meetingattrs.TypeRecurringFixedTime && !m.Recurrence.IsNull() {
		d.AddAttributeError(path.Root("recurrence"), "Recurrence not used",
			fmt.Sprintf("Zoom only uses recurrence for recurring_fixed_time meetings, not %s; remove it or change type.", typ))
	}
	meetingattrs.ValidateRecurrence(ctx, m.Recurrence, path.Root("recurrence"), d)
	if m.DefaultPassword.ValueBool() && !m.Password.IsNull() {
		d.AddAttributeError(path.Root("default_password"), "Conflicting passcode arguments",
			"Set either password or default_password = true, not both.")
	}
	if m.PreSchedule.ValueBool() && typ == meetingattrs.TypeRecurringFixedTime {
		d.AddAttributeError(path.Root("pre_schedule"), "pre_schedule not allowed",
			"Zoom only pre-schedules scheduled and recurring_no_fixed_time meetings.")
	}
	if !m.Settings.IsNull() && !m.Settings.IsUnknown() {
		if v, ok := m.Settings.Attributes()["use_pmi"].(types.Bool); ok && v.ValueBool() && typ == meetingattrs.TypeRecurringFixedTime {
			d.AddAttributeError(path.Root("settings").AtName("use_pmi"), "use_pmi not allowed",
				"Zoom cannot hold a recurring meeting with a fixed time on the host's Personal Meeting ID.")
		}
	}
	if !m.TrackingFields.IsNull() && !m.TrackingFields.IsUnknown() {
		for i, e := range m.TrackingFields.Elements() {
			o, ok := e.(types.Object)
			if !ok || o.IsUnknown() {
				continue
			}
			if f, ok := o.Attributes()["field"].(types.String); ok && !f.IsUnknown() && strings.TrimSpace(f.ValueString()) == "" {
				d.AddAttributeError(path.Root("tracking_fields").AtListIndex(i).AtName("field"), "Missing tracking field",
					"Each tracking field needs the label of one of the account's tracking fields.")
			}
		}
	}
}

func (r *meetingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, config meetingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	now := time.Now()
	var state meetingModel
	creating := req.State.Raw.IsNull()
	if creating {
		if start, ok := plannedStart(&plan); ok && start.Before(now) &&
			plan.Type.ValueString() == meetingattrs.TypeScheduled {
			resp.Diagnostics.AddAttributeError(path.Root("start_time"), "Meeting in the past",
				fmt.Sprintf("start_time %s has passed, so this would create a meeting that is already over. Set a "+
					"future start_time, or remove the resource from the configuration.", plan.StartTime.ValueString()))
		}
		state.Settings = types.ObjectNull(meetingattrs.AttrTypes(meetingattrs.MeetingSettings))
	} else {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if state.Status.ValueString() == meetingattrs.StatusExpired {
			if changed := changedArguments(&plan, &state); len(changed) > 0 {
				resp.Diagnostics.AddError("Meeting has expired",
					fmt.Sprintf("Meeting %s has ended and Zoom no longer returns it, so %s cannot be changed. Remove the "+
						"resource from the configuration (destroying it succeeds), or give the new meeting another resource address.",
						state.ID.ValueString(), strings.Join(changed, ", ")))
			}
			return
		}
		if !plan.StartTime.IsUnknown() && !plan.StartTime.IsNull() && !sameStart(&plan, &state) {
			if start, ok := plannedStart(&plan); ok && start.Before(now) {
				resp.Diagnostics.AddAttributeError(path.Root("start_time"), "Start time in the past",
					fmt.Sprintf("Zoom ignores a start_time in the past (%s) when a meeting is updated; set a future one.", plan.StartTime.ValueString()))
			}
		}
	}

	unknown := map[string]bool{}
	if !creating && (!sameStart(&plan, &state) || !plan.Type.Equal(state.Type) || !plan.Timezone.Equal(state.Timezone) ||
		!plan.Duration.Equal(state.Duration) || !plan.Recurrence.Equal(state.Recurrence)) {
		unknown["occurrences"] = true
	}
	planSettings, stateSettings, configSettings := attrsOf(plan.Settings), attrsOf(state.Settings), attrsOf(config.Settings)
	settingChanged := func(name string) bool {
		p, s := planSettings[name], stateSettings[name]
		return p != nil && (p.IsUnknown() || s == nil || !p.Equal(s))
	}
	configured := func(name string) bool { v := configSettings[name]; return v != nil && !v.IsNull() }
	passwordChanged := !plan.Password.Equal(state.Password)
	if passwordChanged || settingChanged("use_pmi") {
		for _, a := range []string{"join_url", "h323_password", "pstn_password", "encrypted_password"} {
			unknown[a] = true
		}
	}
	// Zoom keeps at least one security option: turning the waiting room or authentication off may make it
	// generate a passcode.
	if config.Password.IsNull() && (settingChanged("waiting_room") || settingChanged("meeting_authentication")) {
		for _, a := range []string{"password", "join_url", "h323_password", "pstn_password", "encrypted_password"} {
			unknown[a] = true
		}
	}
	if settingChanged("approval_type") {
		unknown["registration_url"] = true
	}
	if creating {
		unknown = map[string]bool{}
	}
	for a := range unknown {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(a), unknownOf(a))...)
	}
	// Settings Zoom derives from others.
	if len(planSettings) > 0 {
		updated := false
		next := make(map[string]attr.Value, len(planSettings))
		for k, v := range planSettings {
			next[k] = v
		}
		if wr, ok := planSettings["waiting_room"].(types.Bool); ok && wr.ValueBool() && !configured("join_before_host") {
			next["join_before_host"] = types.BoolValue(false)
			updated = true
		}
		if settingChanged("meeting_authentication") && !configured("authentication_option") {
			next["authentication_option"] = types.StringUnknown()
			updated = true
		}
		if updated {
			obj, d := types.ObjectValue(meetingattrs.AttrTypes(meetingattrs.MeetingSettings), next)
			resp.Diagnostics.Append(d...)
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("settings"), obj)...)
		}
	}
}

func unknownOf(name string) attr.Value {
	if name == "occurrences" {
		return types.ListUnknown(types.ObjectType{AttrTypes: meetingattrs.OccurrenceAttrTypes})
	}
	return types.StringUnknown()
}

func attrsOf(o types.Object) map[string]attr.Value {
	if o.IsNull() || o.IsUnknown() {
		return map[string]attr.Value{}
	}
	return o.Attributes()
}

// plannedStart is the instant of the planned start time, when it can be known at plan time.
func plannedStart(m *meetingModel) (time.Time, bool) {
	if m.StartTime.IsNull() || m.StartTime.IsUnknown() {
		return time.Time{}, false
	}
	p, err := meetingattrs.ParseTime(m.StartTime.ValueString())
	if err != nil || (p.Local && m.Timezone.IsUnknown()) {
		return time.Time{}, false
	}
	return p.In(m.Timezone.ValueString())
}

// sameStart reports whether plan and state start at the same instant (or both have no start).
func sameStart(plan, state *meetingModel) bool {
	if plan.StartTime.IsUnknown() {
		return false
	}
	if plan.StartTime.IsNull() || state.StartTime.IsNull() {
		return plan.StartTime.IsNull() && state.StartTime.IsNull()
	}
	if plan.StartTime.Equal(state.StartTime) && plan.Timezone.Equal(state.Timezone) {
		return true
	}
	a, okA := plannedStart(plan)
	b, okB := plannedStart(state)
	return okA && okB && a.Equal(b)
}

// changedArguments names the arguments whose planned value differs from state.
func changedArguments(plan, state *meetingModel) []string {
	pairs := []struct {
		name string
		a, b attr.Value
	}{
		{"topic", plan.Topic, state.Topic}, {"type", plan.Type, state.Type}, {"timezone", plan.Timezone, state.Timezone},
		{"duration", plan.Duration, state.Duration}, {"agenda", plan.Agenda, state.Agenda},
		{"password", plan.Password, state.Password}, {"pre_schedule", plan.PreSchedule, state.PreSchedule},
		{"tracking_fields", plan.TrackingFields, state.TrackingFields}, {"recurrence", plan.Recurrence, state.Recurrence},
		{"settings", plan.Settings, state.Settings},
	}
	var out []string
	if !sameStart(plan, state) {
		out = append(out, "start_time")
	}
	for _, p := range pairs {
		if !p.a.Equal(p.b) {
			out = append(out, p.name)
		}
	}
	return out
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
	m, err := r.createOrAdopt(ctx, host, body, &resp.Diagnostics)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error creating Zoom meeting for host "+host, r.explainHost(err, host))
		return
	}
	if m.HostID == "" || m.Status == "" {
		// The create response schema omits some fields; GET has them all.
		if got, err := r.client.Meetings.Get(ctx, m.ID, nil); err == nil {
			m = got
		}
	}
	got := plan
	resp.Diagnostics.Append(got.FromAPI(ctx, m)...)
	reconcileMeeting(&config, &plan, &got, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

// explainHost adds what the host has to do with err when Zoom refuses the host itself.
func (r *meetingResource) explainHost(err error, host string) error {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Code {
		case 1001:
			return fmt.Errorf("%w\n\nThe host %s is not a user of this Zoom account (or was deleted)", err, host)
		case 3161:
			return fmt.Errorf("%w\n\nThe host %s may not host meetings: Zoom only lets active Basic or Licensed "+
				"users host (not pending users or users of type 4)", err, host)
		}
	}
	return err
}

// createOrAdopt creates the meeting. When Zoom may have created it without answering (a 5xx or a dropped
// connection), it looks among the host's upcoming meetings for one with the same topic and start, created in the
// last minutes, and adopts it instead of creating a duplicate.
func (r *meetingResource) createOrAdopt(ctx context.Context, host string, body *client.MeetingRequest, diags *diag.Diagnostics) (*client.Meeting, error) {
	started := time.Now()
	m, err := r.client.Meetings.Create(ctx, host, body)
	if err == nil || !client.IsMaybeProcessed(err) {
		return m, err
	}
	list, listErr := r.client.Meetings.List(ctx, host, &client.ListMeetingsOptions{Type: client.MeetingListScheduled})
	if listErr != nil {
		return nil, fmt.Errorf("%w\n\nZoom may have created the meeting %q for %s; the provider could not check (%v). "+
			"Look for it in the Zoom portal and delete it or import it before running apply again", err, deref(body.Topic), host, listErr)
	}
	var matches []client.MeetingSummary
	for _, s := range list {
		if s.Topic != deref(body.Topic) || meetingTypeMismatch(s.Type, body.Type) {
			continue
		}
		tz := deref(body.Timezone)
		if tz == "" {
			tz = s.Timezone
		}
		if body.StartTime != nil && !meetingattrs.SameInstant(*body.StartTime, tz, s.StartTime) {
			continue
		}
		if created, perr := time.Parse(time.RFC3339, s.CreatedAt); perr == nil && created.Before(started.Add(-10*time.Minute)) {
			continue
		}
		matches = append(matches, s)
	}
	switch len(matches) {
	case 0:
		// Zoom did not create it: creating again is safe.
		return r.client.Meetings.Create(ctx, host, body)
	case 1:
		diags.AddWarning("Adopted a Zoom meeting created by an interrupted request",
			fmt.Sprintf("Creating meeting %q failed without a definite answer (%v), but Zoom had created it (id %d); "+
				"Terraform manages that meeting now.", deref(body.Topic), err, matches[0].ID))
		return r.client.Meetings.Get(ctx, matches[0].ID, nil)
	default:
		ids := make([]string, len(matches))
		for i, s := range matches {
			ids[i] = strconv.FormatInt(s.ID, 10)
		}
		return nil, fmt.Errorf("%w\n\nZoom may have created meeting %q; several recent meetings of %s match it (%s). "+
			"Delete the duplicates in the Zoom portal, import the one to keep, and run apply again",
			err, deref(body.Topic), host, strings.Join(ids, ", "))
	}
}

// meetingTypeMismatch reports whether a listed meeting's type cannot be the requested one.
func meetingTypeMismatch(listed int, requested *int) bool {
	want := client.MeetingTypeScheduled
	if requested != nil {
		want = *requested
	}
	return listed != want && listed != client.MeetingTypePMI
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (r *meetingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state meetingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := meetingNumber(&state, &resp.Diagnostics)
	if !ok {
		return
	}
	m, err := r.client.Meetings.Get(ctx, id, nil)
	if err != nil {
		if !client.IsNotFound(err) {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom meeting "+state.ID.ValueString(), err)
			return
		}
		if end, ok := state.End(); ok && end.Before(serverNow(err)) {
			// Zoom answers "not found or has expired" alike; a meeting whose time has passed expired.
			state.Status = types.StringValue(meetingattrs.StatusExpired)
			resp.Diagnostics.AddWarning("Zoom meeting has expired",
				fmt.Sprintf("Meeting %s (%q) ended at %s and Zoom no longer returns it. It stays in the state as "+
					"expired; remove it from the configuration when convenient (destroying it succeeds).",
					state.ID.ValueString(), state.Topic.ValueString(), end.UTC().Format(time.RFC3339)))
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
		resp.State.RemoveResource(ctx)
		return
	}
	if state.UserID.IsNull() {
		// Import: name the host by e-mail, as configurations usually do.
		state.UserID = types.StringValue(m.HostEmail)
	} else if u := state.UserID.ValueString(); u != "me" && !strings.EqualFold(u, m.HostID) && !strings.EqualFold(u, m.HostEmail) {
		state.UserID = types.StringValue(m.HostEmail)
	}
	resp.Diagnostics.Append(state.FromAPI(ctx, m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// meetingNumber parses the meeting number held in the state's ID.
func meetingNumber(m *meetingModel, diags *diag.Diagnostics) (int64, bool) {
	id, err := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	if err != nil || id <= 0 {
		diags.AddAttributeError(path.Root("id"), "Invalid meeting ID",
			fmt.Sprintf("%q is not a Zoom meeting ID (a meeting number such as 85746065432).", m.ID.ValueString()))
		return 0, false
	}
	return id, true
}

// serverNow is Zoom's clock at the time of err (its Date header), or the local clock.
func serverNow(err error) time.Time {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && !apiErr.ServerTime.IsZero() {
		return apiErr.ServerTime
	}
	return time.Now()
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
	id, ok := meetingNumber(&state, &resp.Diagnostics)
	if !ok {
		return
	}
	body, diags := meetingRequest(ctx, &plan, &config, &state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !body.IsEmpty() {
		if err := r.client.Meetings.Update(ctx, id, body); err != nil {
			summary := fmt.Sprintf("Error updating Zoom meeting %d of host %s", id, state.HostEmail.ValueString())
			var apiErr *client.APIError
			if client.IsNotFound(err) {
				err = fmt.Errorf("%w\n\nThe meeting was deleted or has expired since the last refresh; run plan again", err)
			} else if errors.As(err, &apiErr) && apiErr.Code == 3000 && strings.Contains(strings.ToLower(apiErr.Message), "started") {
				err = fmt.Errorf("%w\n\nThe meeting is running; apply the change after it ends", err)
			}
			diagnostics.AddAPIError(&resp.Diagnostics, summary, err)
			return
		}
	} else if !meetingPlanHasUnknowns(&plan) {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	m, err := r.client.Meetings.Get(ctx, id, nil)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error reading Zoom meeting %d after updating it", id), err)
		return
	}
	got := plan
	resp.Diagnostics.Append(got.FromAPI(ctx, m)...)
	reconcileMeeting(&config, &plan, &got, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

func meetingPlanHasUnknowns(m *meetingModel) bool {
	for _, v := range []attr.Value{m.Password, m.JoinURL, m.H323Password, m.PSTNPassword, m.EncryptedPassword,
		m.RegistrationURL, m.Occurrences, m.Settings, m.Timezone, m.Duration, m.PreSchedule, m.Status, m.StartURL} {
		if v.IsUnknown() {
			return true
		}
	}
	if !m.Settings.IsNull() && !m.Settings.IsUnknown() {
		for _, v := range m.Settings.Attributes() {
			if v.IsUnknown() {
				return true
			}
		}
	}
	return false
}

func (r *meetingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state meetingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := meetingNumber(&state, &resp.Diagnostics)
	if !ok {
		return
	}
	notify := client.Ptr(state.NotifyOnDestroy.ValueBool())
	err := r.client.Meetings.Delete(ctx, id, &client.DeleteMeetingOptions{ScheduleForReminder: notify, CancelMeetingReminder: notify})
	var apiErr *client.APIError
	switch {
	case err == nil, client.IsNotFound(err):
	case errors.As(err, &apiErr) && apiErr.Code == codeMeetingEnded:
		// Zoom refuses to delete a meeting that has ended; it is over, so there is nothing left to destroy.
	case errors.As(err, &apiErr) && apiErr.Code == 3002:
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot delete Zoom meeting %d while it is running", id),
			fmt.Errorf("%w\n\nEnd the meeting (or wait for it to end) and run destroy again", err))
	default:
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error deleting Zoom meeting %d", id), err)
	}
}

// ImportState accepts a meeting ID.
func (r *meetingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if n, err := strconv.ParseInt(id, 10, 64); err != nil || n <= 0 {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import a Zoom meeting by its meeting ID (a number such as 85746065432), not %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("notify_on_destroy"), false)...)
}

// meetingRequest builds the create body (state nil: every configured argument) or the update body (only what
// changed between state and plan).
func meetingRequest(ctx context.Context, plan, config, state *meetingModel) (*client.MeetingRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	create := state == nil
	if create {
		state = &meetingModel{}
		state.Settings = types.ObjectNull(meetingattrs.AttrTypes(meetingattrs.MeetingSettings))
	}
	req := &client.MeetingRequest{}
	changed := func(p, s attr.Value) bool { return !p.IsNull() && !p.IsUnknown() && (create || !p.Equal(s)) }
	if changed(plan.Topic, state.Topic) {
		req.Topic = plan.Topic.ValueStringPointer()
	}
	typeChanged := changed(plan.Type, state.Type)
	if typeChanged {
		req.Type = client.Ptr(meetingattrs.MeetingTypeNumber(plan.Type.ValueString()))
	}
	if !config.Timezone.IsNull() && changed(plan.Timezone, state.Timezone) {
		req.Timezone = plan.Timezone.ValueStringPointer()
	}
	startChanged := !plan.StartTime.IsNull() && !plan.StartTime.IsUnknown() && (create || !sameStart(plan, state))
	if startChanged {
		wire, err := meetingattrs.WireTime(plan.StartTime.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("start_time"), "Invalid start_time", err.Error())
			return nil, diags
		}
		req.StartTime = &wire
		if p, _ := meetingattrs.ParseTime(wire); p.Local && req.Timezone == nil && !plan.Timezone.IsNull() && !plan.Timezone.IsUnknown() {
			// A local time is read in the request's zone: send the zone it was planned in.
			req.Timezone = plan.Timezone.ValueStringPointer()
		}
	}
	if !config.Duration.IsNull() && changed(plan.Duration, state.Duration) {
		req.Duration = client.Ptr(int(plan.Duration.ValueInt64()))
	}
	if plan.Agenda.IsNull() && !create && !state.Agenda.IsNull() {
		req.Agenda = client.Ptr("")
	} else if changed(plan.Agenda, state.Agenda) {
		req.Agenda = plan.Agenda.ValueStringPointer()
	}
	if !config.Password.IsNull() && changed(plan.Password, state.Password) {
		req.Password = plan.Password.ValueStringPointer()
	}
	if create && plan.DefaultPassword.ValueBool() {
		req.DefaultPassword = client.Ptr(true)
	}
	if !config.PreSchedule.IsNull() && changed(plan.PreSchedule, state.PreSchedule) {
		req.PreSchedule = plan.PreSchedule.ValueBoolPointer()
	}
	if create && !plan.TemplateID.IsNull() {
		req.TemplateID = plan.TemplateID.ValueStringPointer()
	}
	if !plan.TrackingFields.Equal(state.TrackingFields) || (create && !plan.TrackingFields.IsNull()) {
		fields := []client.TrackingField{}
		if !plan.TrackingFields.IsNull() {
			var tf []struct {
				Field types.String `tfsdk:"field"`
				Value types.String `tfsdk:"value"`
			}
			diags.Append(plan.TrackingFields.ElementsAs(ctx, &tf, false)...)
			for _, f := range tf {
				fields = append(fields, client.TrackingField{Field: f.Field.ValueString(), Value: f.Value.ValueString()})
			}
		}
		req.TrackingFields = &fields
	}
	recurring := plan.Type.ValueString() == meetingattrs.TypeRecurringFixedTime
	// Zoom needs the recurrence with a new start time or type, and takes it as a whole.
	if recurring && (create || typeChanged || startChanged || !plan.Recurrence.Equal(state.Recurrence)) {
		rec, d := meetingattrs.RecurrenceToAPI(ctx, plan.Recurrence)
		diags.Append(d...)
		req.Recurrence = rec
	}
	settings := &client.MeetingSettings{}
	has, err := meetingattrs.Request(meetingattrs.MeetingSettings, config.Settings, plan.Settings, state.Settings, settings)
	if err != nil {
		diags.AddError("Cannot build the meeting settings", err.Error())
	}
	if has {
		req.Settings = settings
	}
	return req, diags
}

// reconcileMeeting settles what is stored after an apply (see meetingattrs.Reconcile for settings). A configured
// argument Zoom did not take is an error naming it; an unconfigured or computed value that was known in the plan
// keeps the planned value (Zoom changed it on the side, or it is volatile like start_url), and the next refresh
// brings Zoom's value without a diff.
func reconcileMeeting(config, plan, got *meetingModel, diags *diag.Diagnostics) {
	got.Settings = meetingattrs.Reconcile(meetingattrs.MeetingSettings, path.Root("settings"), config.Settings, plan.Settings, got.Settings, diags)
	d := diags
	settle(d, "timezone", !config.Timezone.IsNull(), plan.Timezone, &got.Timezone)
	settle(d, "duration", !config.Duration.IsNull(), plan.Duration, &got.Duration)
	settle(d, "password", !config.Password.IsNull(), plan.Password, &got.Password)
	settle(d, "pre_schedule", !config.PreSchedule.IsNull(), plan.PreSchedule, &got.PreSchedule)
	settle(d, "agenda", true, plan.Agenda, &got.Agenda)
	settle(d, "tracking_fields", true, plan.TrackingFields, &got.TrackingFields)
	settle(d, "recurrence", true, plan.Recurrence, &got.Recurrence)
	for name, v := range map[string]struct{ p, g *types.String }{
		"status": {&plan.Status, &got.Status}, "start_url": {&plan.StartURL, &got.StartURL}, "uuid": {&plan.UUID, &got.UUID},
		"join_url": {&plan.JoinURL, &got.JoinURL}, "h323_password": {&plan.H323Password, &got.H323Password},
		"pstn_password": {&plan.PSTNPassword, &got.PSTNPassword}, "encrypted_password": {&plan.EncryptedPassword, &got.EncryptedPassword},
		"registration_url": {&plan.RegistrationURL, &got.RegistrationURL}, "created_at": {&plan.CreatedAt, &got.CreatedAt},
	} {
		settle(d, name, false, *v.p, v.g)
	}
	settle(d, "occurrences", false, plan.Occurrences, &got.Occurrences)
	settle(d, "start_time", true, plan.StartTime, &got.StartTime)
	settle(d, "topic", true, plan.Topic, &got.Topic)
	settle(d, "type", true, plan.Type, &got.Type)
}

// settle decides one attribute after an apply: a configured value Zoom did not store is an error naming it (the
// state keeps Zoom's value); an unconfigured or computed value known in the plan keeps the planned value.
func settle[T attr.Value](diags *diag.Diagnostics, name string, configured bool, planned T, got *T) {
	if planned.IsUnknown() || planned.Equal(*got) {
		return
	}
	if !configured {
		*got = planned
		return
	}
	diags.AddAttributeError(path.Root(name), "Zoom did not apply an argument",
		fmt.Sprintf("%s was planned as %s, but Zoom stored %s. The account's settings may override it; change the "+
			"configuration to match, or the account setting.", name, planned, *got))
}
