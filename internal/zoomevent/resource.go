package zoomevent

// What zoom_meeting and zoom_webinar share as resources: the schema, plan-time checks and plan adjustments, the
// request holding only the changes, the post-apply reconciliation, the reading of "not found" (deleted or
// expired) and the explanations added to Zoom's refusals.

import (
	"context"
	"fmt"
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
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"
)

// ResourceArgs are the resource-only arguments both resources have.
type ResourceArgs struct {
	UserID          types.String `tfsdk:"user_id"`
	TemplateID      types.String `tfsdk:"template_id"`
	NotifyOnDestroy types.Bool   `tfsdk:"notify_on_destroy"`
}

// ZoomTimezoneList describes the time zones Zoom takes: only the IDs of its list, which validators.TimeZone checks.
const ZoomTimezoneList = "one of the IDs of Zoom's time-zone list (" + zoomtz.ListURL + "), which has some legacy " +
	"names (`Europe/Kiev`, `Asia/Calcutta`) and lacks others (`Europe/Kyiv`, `US/Eastern`, `Etc/GMT+5`); the " +
	"error for another name suggests the nearest listed zone"

// timezoneDescription describes the timezone of a meeting or webinar (noun).
func timezoneDescription(noun string) string {
	return "Time zone of the " + noun + ", for example `Europe/Berlin`: " + ZoomTimezoneList +
		". Follows the host's time zone when not set."
}

// checkLocalStartZone refuses a local start_time (no Z or offset) in a listed zone that the time-zone database
// does not know (SST): neither the provider nor anyone reading the configuration can tell which instant it is.
func checkLocalStartZone(m *EventCommon, d *diag.Diagnostics) {
	if m.StartTime.IsNull() || m.StartTime.IsUnknown() || m.Timezone.IsNull() || m.Timezone.IsUnknown() {
		return
	}
	p, err := zoomtime.ParseTime(m.StartTime.ValueString())
	if err != nil || !p.Local {
		return
	}
	if _, ok := p.In(m.Timezone.ValueString()); !ok {
		d.AddAttributeError(path.Root("start_time"), "Start time needs a zone",
			fmt.Sprintf("%q is in Zoom's time-zone list but not in the IANA time-zone database, so a local start_time "+
				"cannot be placed in time; give start_time in UTC (ending in Z) or with an offset such as +11:00.",
				m.Timezone.ValueString()))
	}
}

// checkPasscode refuses at plan time a configured passcode Zoom would refuse, but only when it is going to be
// sent: on create, or when it differs from the passcode in state. A passcode Zoom generated (accounts whose
// passcode rules ask for special characters get ones like "k3P9x(") may hold characters a request may not
// send; written into the configuration after an import it equals the state, is never sent, and so is accepted.
func (k Kind) checkPasscode(config, state types.String, creating bool, d *diag.Diagnostics) {
	if config.IsNull() || config.IsUnknown() {
		return
	}
	if !creating && config.Equal(state) {
		return
	}
	if !k.passcode.MatchString(config.ValueString()) {
		d.AddAttributeError(path.Root("password"), "Invalid passcode",
			"password must be 1 to 10 characters from "+k.passcodeChars+" (what Zoom accepts in a request); "+
				"a passcode Zoom generated with other characters is accepted only while it stays unchanged.")
	}
}

// ExplainAltHosts says what to do when Zoom refuses an alternative host (client.AltHostRefusal). Alternative
// hosts must be active, licensed users of the same account other than the host (Zoom support article
// KB0082130). The configured entry the message names is repeated, so the user knows whom to license or remove.
func (k Kind) ExplainAltHosts(err error, settings types.Object) error {
	message, ok := client.AltHostRefusal(err)
	if !ok {
		return err
	}
	var named []string
	if v, ok := AttrsOf(settings)["alternative_hosts"].(types.Set); ok && !v.IsNull() && !v.IsUnknown() {
		for _, e := range v.Elements() {
			if s, ok := e.(types.String); ok && strings.Contains(strings.ToLower(message), strings.ToLower(s.ValueString())) {
				named = append(named, s.ValueString())
			}
		}
	}
	who := "Each alternative host"
	if len(named) > 0 {
		who = strings.Join(named, ", ")
	}
	return fmt.Errorf("%w\n\n%s must be an active, licensed user of this Zoom account other than the host: a "+
		"Basic user, a pending or deactivated user, or someone outside the account cannot be an alternative host. "+
		"Give the user a licence (Zoom portal > User Management > Users, or zoom_user type = 2) or remove them from "+
		"settings.alternative_hosts of the %s", err, who, k.Noun)
}

// ResourceAttributes returns the schema attributes of a zoom_meeting or zoom_webinar resource (the
// resources add their own).
func (k Kind) ResourceAttributes() map[string]schema.Attribute {
	noun := k.Noun
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Sensitive: sensitive, PlanModifiers: keep, Description: desc}
	}
	return map[string]schema.Attribute{
		"id": computed(fmt.Sprintf("%s ID (the %s number).", capitalise(noun), noun), false),
		"user_id": schema.StringAttribute{
			Required: true,
			Description: fmt.Sprintf("The host: a user ID or e-mail of the account (or `me`, the app's own user). Changing "+
				"the host replaces the %[1]s (Zoom cannot move a %[1]s to another host); switching between the host's ID "+
				"and e-mail does not.", noun),
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(sameHost,
				"Changing the host creates a new "+noun+"; the same host written as ID or e-mail does not.",
				"Changing the host creates a new "+noun+"; the same host written as ID or e-mail does not.")},
		},
		"topic": schema.StringAttribute{
			Required: true, Description: "Title, 1 to 200 characters.",
			Validators: []validator.String{stringvalidator.LengthBetween(1, 200)},
		},
		"type": schema.StringAttribute{
			Optional: true, Computed: true, Default: stringdefault.StaticString(TypeScheduled),
			Description: fmt.Sprintf("`scheduled` (default) is a one-time %[1]s at `start_time`; `recurring_fixed_time` "+
				"repeats by `recurrence` from `start_time`; `recurring_no_fixed_time` can be started any time and has "+
				"no start time. Changed in place.", noun),
			Validators: []validator.String{eventTypeValidator{noun: noun}},
		},
		"start_time": schema.StringAttribute{
			Optional: true, CustomType: zoomtime.TimeType{},
			Description: "Start, as `2026-12-01T09:30:00Z` (UTC), with an offset (`2026-12-01T10:30:00+01:00`), or as " +
				"a local time without zone (`2026-12-01T10:30:00`) read in `timezone`. Zoom reports UTC; any spelling " +
				"of the same instant compares equal. Required for `scheduled` and `recurring_fixed_time` (the first " +
				"occurrence), not used by `recurring_no_fixed_time`. A " + noun + " is not created with a start in the past.",
		},
		"timezone": schema.StringAttribute{
			Optional: true, Computed: true, PlanModifiers: keep,
			Description: timezoneDescription(noun),
			Validators:  []validator.String{validators.TimeZone()},
		},
		"duration": schema.Int64Attribute{
			Optional: true, Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			Description: "Length in minutes (of each occurrence when recurring). Not used by `recurring_no_fixed_time`.",
			Validators:  []validator.Int64{int64validator.AtLeast(1)},
		},
		"agenda": schema.StringAttribute{
			Optional: true, Description: "Description, 1 to 2,000 characters.",
			Validators: []validator.String{stringvalidator.LengthBetween(1, 2000)},
		},
		"password": schema.StringAttribute{
			Optional: true, Computed: true, Sensitive: true, PlanModifiers: keep,
			Description: "Passcode: at most 10 characters from " + k.passcodeChars + ". When not set, Zoom may " +
				"generate one (accounts that require a passcode); the generated one is kept here, and may hold " +
				"other characters (e.g. `!`, `(`, `{`): it can be written into the configuration as it is, since an " +
				"unchanged passcode is never sent. Removing it from the configuration keeps the current passcode.",
			Validators: []validator.String{stringvalidator.LengthBetween(1, 10)},
		},
		"template_id": schema.StringAttribute{
			Optional: true,
			Description: "ID of a " + noun + " template (" + k.templateSource + ") to create the " + noun + " from; " +
				"settings you set override the template's. Only used when the " + noun + " is created: Zoom does not " +
				"report the template afterwards, so an existing " + noun + " keeps the template it was created from " +
				"and is never replaced because of this argument (the plan warns when the configured template differs " +
				"from the one in the state; `terraform apply -replace` re-creates the " + noun + " from the new one). " +
				"A value read from a data source is often known only at apply time, for example when the data " +
				"source's `user_id` refers to a `zoom_user` that changes in the same plan; that never replaces an " +
				"existing " + noun + ". Still, prefer a value known at plan time: the template's ID as a literal or " +
				"variable, or a data source whose arguments are literals (`user_id = \"me\"` or the host's e-mail as " +
				"a string, plus `name`).",
			PlanModifiers: []planmodifier.String{templateCreateOnly{noun: noun}},
			Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"tracking_fields": schema.ListAttribute{
			Optional: true, ElementType: types.ObjectType{AttrTypes: TrackingFieldAttrTypes},
			Description: "Tracking-field values: objects with `field` (the label of a tracking field of the " +
				"account) and `value`.",
			Validators: []validator.List{listvalidator.SizeAtLeast(1)},
		},
		"recurrence": RecurrenceResourceAttribute("How a `recurring_fixed_time` " + noun + " repeats; " +
			"required for that type and not allowed for the others."),
		"settings": schema.SingleNestedAttribute{
			Optional: true, Computed: true,
			PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
			Description:   capitalise(noun) + " settings. Each setting you leave out follows Zoom (the host's and account's defaults).",
			Attributes:    ResourceAttributes(k.Settings),
		},
		"notify_on_destroy": schema.BoolAttribute{
			Optional: true, Computed: true, Default: booldefault.StaticBool(false),
			Description: k.notifyDescription,
		},
		"uuid":       computed("UUID of the current instance; Zoom mints a new one after each instance ends.", false),
		"host_id":    computed("User ID of the host.", false),
		"host_email": computed("E-mail of the host.", false),
		"status": schema.StringAttribute{
			Computed: true, PlanModifiers: keep,
			Description: "What Zoom reports (`waiting` not started, `started` running, `finished` where Zoom reports " +
				"it), or `expired`: the " + noun + "'s time has passed and Zoom no longer returns it, so the resource " +
				"can be removed from the configuration. Changes here never cause a diff.",
		},
		"created_at": computed("When the "+noun+" was created (UTC).", false),
		"join_url":   computed("Link participants join with. Sensitive: it embeds the passcode.", true),
		"start_url": computed("Link that starts the "+noun+" as the host without signing in. Sensitive. It carries "+
			"a token that expires after two hours (90 days for custCreate hosts). Zoom mints a new token on every "+
			"read; the state keeps the link it got when the "+noun+" was created (or imported) for as long as only "+
			"the token differs, so refreshes never report a change. Read the `zoom_"+noun+"` data source just "+
			"before handing a link to a host.", true),
		"registration_url": computed(registrationURLDescription(noun), false),
		"occurrences": schema.ListAttribute{
			Computed: true, PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			ElementType: types.ObjectType{AttrTypes: OccurrenceAttrTypes},
			Description: "Upcoming occurrences when recurring (past ones drop off): `occurrence_id`, " +
				"`start_time` (UTC), `duration`, `status`.",
		},
	}
}

// registrationURLDescription documents registration_url: of the meeting answers only the create answer
// documents it (GET does not), and no webinar answer does, so it is kept from creation and never blanked.
func registrationURLDescription(noun string) string {
	if noun == "webinar" {
		return "Registration link, when registration is on (`settings.approval_type` 0 or 1) and Zoom reports it: " +
			"Zoom's webinar API documents it in no answer, so it is usually null. Once known it is kept (never " +
			"replaced by an empty value) until registration is turned off."
	}
	return "Registration link, when registration is on (`settings.approval_type` 0 or 1). Zoom reports it when the " +
		"meeting is created (its GET does not document it), and it is kept from then on (never replaced by an empty " +
		"value) until registration is turned off. Null when registration is turned on later or after an import, as " +
		"Zoom does not report it then."
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

// templateCreateOnly plans an existing event's template_id as the one in the state whenever the configuration
// names another or one not known yet (a data source read at apply time): the template only matters when the
// event is created, and Zoom does not report it. Terraform accepts a planned value equal to the prior one in
// place of a configured value. Replacing instead would be wrong twice over: an unknown value would replace the
// event in every plan that defers the data source, and a plan that did not replace could not be followed by an
// apply-time plan that does (Terraform refuses a final plan whose action changed). An event without a recorded
// template (imported) records the configured one; an event being created or replaced for another reason is
// planned from a null state and takes the configured value.
type templateCreateOnly struct{ noun string }

func (m templateCreateOnly) Description(context.Context) string {
	return "Keeps the template of an existing " + m.noun + "; the template is only used at creation."
}

func (m templateCreateOnly) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m templateCreateOnly) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.ConfigValue.IsNull() || req.PlanValue.Equal(req.StateValue) {
		return
	}
	resp.PlanValue = req.StateValue
	if !req.ConfigValue.IsUnknown() {
		resp.Diagnostics.AddAttributeWarning(req.Path, capitalise(m.noun)+" keeps its template",
			fmt.Sprintf("template_id changed from %s to %s, but a template is only used when the %s is created, so "+
				"the existing %s is left as it is. To re-create it from the new template (new ID and join link), "+
				"run terraform apply -replace=<address>.", req.StateValue, req.ConfigValue, m.noun, m.noun))
	}
}

// eventTypeValidator accepts the managed types and explains why the others are refused.
type eventTypeValidator struct{ noun string }

func (eventTypeValidator) Description(context.Context) string {
	return "one of scheduled, recurring_fixed_time, recurring_no_fixed_time"
}
func (v eventTypeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}
func (v eventTypeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	switch t := req.ConfigValue.ValueString(); {
	case t == TypeScheduled || t == TypeRecurringFixedTime || t == TypeRecurringNoFixedTime:
	case v.noun == "meeting" && (t == TypeInstant || t == "1"):
		resp.Diagnostics.AddAttributeError(req.Path, "Instant meetings cannot be managed",
			"An instant meeting starts when it is created and ends with its session, so it cannot be kept in "+
				"configuration. Use type = \"scheduled\" with a start_time, or \"recurring_no_fixed_time\" for a meeting "+
				"that can be started at any time.")
	case v.noun == "meeting" && (t == TypePMI || t == "4"):
		resp.Diagnostics.AddAttributeError(req.Path, "PMI meetings cannot be managed",
			"A PMI meeting is the host's personal meeting room, not a meeting Terraform can create or delete. "+
				"Use type = \"scheduled\" or \"recurring_no_fixed_time\": the meeting gets its own ID.")
	default:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.noun+" type",
			fmt.Sprintf("%q is not a %s type: use scheduled, recurring_fixed_time or recurring_no_fixed_time.", t, v.noun))
	}
}

// Validate checks the combinations of the shared arguments (ValidateConfig); it returns the type, ok false
// when it is not known yet.
func (k Kind) Validate(ctx context.Context, m *EventCommon, d *diag.Diagnostics) (typ string, ok bool) {
	noun := k.Noun
	if m.Type.IsUnknown() {
		return "", false
	}
	typ = m.Type.ValueString()
	if m.Type.IsNull() {
		typ = TypeScheduled
	}
	switch typ {
	case TypeScheduled, TypeRecurringFixedTime:
		if m.StartTime.IsNull() {
			d.AddAttributeError(path.Root("start_time"), "Missing start_time",
				fmt.Sprintf("A %s %s needs a start_time; Zoom would otherwise start it now.", typ, noun))
		}
	case TypeRecurringNoFixedTime:
		for name, v := range map[string]attr.Value{"start_time": m.StartTime, "duration": m.Duration} {
			if !v.IsNull() {
				d.AddAttributeError(path.Root(name), "Not used by recurring_no_fixed_time",
					fmt.Sprintf("Zoom ignores %s for a recurring %s with no fixed time, so it would never match; remove it.", name, noun))
			}
		}
	}
	if typ == TypeRecurringFixedTime && m.Recurrence.IsNull() {
		d.AddAttributeError(path.Root("recurrence"), "Missing recurrence",
			fmt.Sprintf("A recurring_fixed_time %s needs a recurrence block saying how it repeats and when it ends.", noun))
	}
	if typ != TypeRecurringFixedTime && !m.Recurrence.IsNull() {
		d.AddAttributeError(path.Root("recurrence"), "Recurrence not used",
			fmt.Sprintf("Zoom only uses recurrence for recurring_fixed_time %ss, not %s; remove it or change type.", noun, typ))
	}
	ValidateRecurrence(ctx, m.Recurrence, path.Root("recurrence"), d)
	checkLocalStartZone(m, d)
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
	return typ, true
}

// Plan is the shared part of ModifyPlan (state is the zero value when creating). It checks a passcode to be
// sent, reports errors (a start in the past, a change to an expired
// event) and returns the computed attributes to mark unknown; stop is true when nothing else should be planned.
func (k Kind) Plan(plan, state, config *EventCommon, creating bool, d *diag.Diagnostics) (unknown map[string]bool, stop bool) {
	k.checkPasscode(config.Password, state.Password, creating, d)
	noun := k.Noun
	now := time.Now()
	unknown = map[string]bool{}
	if creating {
		if start, ok := plannedStart(plan); ok && start.Before(now) && plan.Type.ValueString() == TypeScheduled {
			d.AddAttributeError(path.Root("start_time"), capitalise(noun)+" in the past",
				fmt.Sprintf("start_time %s has passed, so this would create a %s that is already over. Set a "+
					"future start_time, or remove the resource from the configuration.", plan.StartTime.ValueString(), noun))
		}
		return unknown, false
	}
	if state.Status.ValueString() == StatusExpired {
		if changed := changedArguments(plan, state); len(changed) > 0 {
			d.AddError(capitalise(noun)+" has expired",
				fmt.Sprintf("%s %s has ended and Zoom no longer returns it, so %s cannot be changed. Remove the "+
					"resource from the configuration (destroying it succeeds), or give the new %s another resource address.",
					capitalise(noun), state.ID.ValueString(), strings.Join(changed, ", "), noun))
		}
		return unknown, true
	}
	if !plan.StartTime.IsUnknown() && !plan.StartTime.IsNull() && !sameStart(plan, state) {
		if start, ok := plannedStart(plan); ok && start.Before(now) {
			d.AddAttributeError(path.Root("start_time"), "Start time in the past",
				fmt.Sprintf("Zoom ignores a start_time in the past (%s) when a %s is updated; set a future one.", plan.StartTime.ValueString(), noun))
		}
	}
	// Only recurring events have occurrences; a one-time event's list stays empty whatever changes.
	recurring := plan.Type.ValueString() != TypeScheduled || state.Type.ValueString() != TypeScheduled
	if recurring && (!sameStart(plan, state) || !plan.Type.Equal(state.Type) || !plan.Timezone.Equal(state.Timezone) ||
		!plan.Duration.Equal(state.Duration) || !plan.Recurrence.Equal(state.Recurrence)) {
		unknown["occurrences"] = true
	}
	if !plan.Password.Equal(state.Password) {
		for _, a := range k.DerivedFromPasscode {
			unknown[a] = true
		}
	}
	// The link changes only when registration is turned on or off (0 and 1 both have registration).
	if p, ok := AttrsOf(plan.Settings)["approval_type"].(types.Int64); ok && (p.IsUnknown() ||
		registrationSetting(plan.Settings) != registrationSetting(state.Settings)) {
		unknown["registration_url"] = true
	}
	return unknown, false
}

// registrationSetting reports whether settings have registration on (approval_type 0 or 1).
func registrationSetting(settings types.Object) bool {
	v, ok := AttrsOf(settings)["approval_type"].(types.Int64)
	return ok && !v.IsNull() && !v.IsUnknown() && v.ValueInt64() != 2
}

// SettingChanged reports whether a setting's planned value differs from state (or is unknown).
func SettingChanged(plan, state types.Object, name string) bool {
	p, s := AttrsOf(plan)[name], AttrsOf(state)[name]
	return p != nil && (p.IsUnknown() || s == nil || !p.Equal(s))
}

// SettingConfigured reports whether the configuration sets a setting.
func SettingConfigured(config types.Object, name string) bool {
	v := AttrsOf(config)[name]
	return v != nil && !v.IsNull()
}

// MarkUnknown sets the named top-level computed attributes of the plan to unknown.
func MarkUnknown(ctx context.Context, resp *resource.ModifyPlanResponse, names map[string]bool) {
	for a := range names {
		var v attr.Value = types.StringUnknown()
		if a == "occurrences" {
			v = types.ListUnknown(types.ObjectType{AttrTypes: OccurrenceAttrTypes})
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(a), v)...)
	}
}

func AttrsOf(o types.Object) map[string]attr.Value {
	if o.IsNull() || o.IsUnknown() {
		return map[string]attr.Value{}
	}
	return o.Attributes()
}

// plannedStart is the instant of the planned start time, when it can be known at plan time.
func plannedStart(m *EventCommon) (time.Time, bool) {
	if m.StartTime.IsNull() || m.StartTime.IsUnknown() {
		return time.Time{}, false
	}
	p, err := zoomtime.ParseTime(m.StartTime.ValueString())
	if err != nil || (p.Local && m.Timezone.IsUnknown()) {
		return time.Time{}, false
	}
	return p.In(m.Timezone.ValueString())
}

// sameStart reports whether plan and state start at the same instant (or both have no start).
func sameStart(plan, state *EventCommon) bool {
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

// changedArguments names the shared arguments whose planned value differs from state.
func changedArguments(plan, state *EventCommon) []string {
	pairs := []struct {
		name string
		a, b attr.Value
	}{
		{"topic", plan.Topic, state.Topic}, {"type", plan.Type, state.Type}, {"timezone", plan.Timezone, state.Timezone},
		{"duration", plan.Duration, state.Duration}, {"agenda", plan.Agenda, state.Agenda},
		{"password", plan.Password, state.Password}, {"tracking_fields", plan.TrackingFields, state.TrackingFields},
		{"recurrence", plan.Recurrence, state.Recurrence}, {"settings", plan.Settings, state.Settings},
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

// Request builds the shared fields of the create body (state nil: every configured argument) or of the update
// body (only what changed).
func (k Kind) Request(ctx context.Context, plan, config, state *EventCommon, templateID types.String) (req client.EventFields, diags diag.Diagnostics) {
	create := state == nil
	if create {
		state = &EventCommon{Settings: types.ObjectNull(AttrTypes(k.Settings))}
	}
	changed := func(p, s attr.Value) bool { return !p.IsNull() && !p.IsUnknown() && (create || !p.Equal(s)) }
	if changed(plan.Topic, state.Topic) {
		req.Topic = plan.Topic.ValueStringPointer()
	}
	typeChanged := changed(plan.Type, state.Type)
	if typeChanged {
		req.Type = client.Ptr(k.TypeNumber(plan.Type.ValueString()))
	}
	if !config.Timezone.IsNull() && changed(plan.Timezone, state.Timezone) {
		req.Timezone = plan.Timezone.ValueStringPointer()
	}
	startChanged := !plan.StartTime.IsNull() && !plan.StartTime.IsUnknown() && (create || !sameStart(plan, state))
	if startChanged {
		wire, err := zoomtime.WireTime(plan.StartTime.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("start_time"), "Invalid start_time", err.Error())
			return req, diags
		}
		req.StartTime = &wire
		if p, _ := zoomtime.ParseTime(wire); p.Local && req.Timezone == nil && !plan.Timezone.IsNull() && !plan.Timezone.IsUnknown() {
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
	if create && !templateID.IsNull() && !templateID.IsUnknown() {
		req.TemplateID = templateID.ValueStringPointer()
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
	recurring := plan.Type.ValueString() == TypeRecurringFixedTime
	// Zoom needs the recurrence with a new start time or type, and takes it as a whole.
	if recurring && (create || typeChanged || startChanged || !plan.Recurrence.Equal(state.Recurrence)) {
		rec, d := RecurrenceToAPI(ctx, plan.Recurrence)
		diags.Append(d...)
		req.Recurrence = rec
	}
	return req, diags
}

// SettingsRequest fills out (a *client.MeetingSettings for meetings, a *client.WebinarSettings for webinars) with
// the settings to send: those set in config whose planned value differs from state (every configured one when
// state is nil or null, as on create, except the ones Zoom only takes on update). It reports whether there is any.
func (k Kind) SettingsRequest(config, plan *EventCommon, state *EventCommon, out any) bool {
	prior := types.ObjectNull(AttrTypes(k.Settings))
	if state != nil {
		prior = state.Settings
	}
	return settingsRequest(k.Settings, config.Settings, plan.Settings, prior, out)
}

// UpdateOnlySettings fills out with the configured settings Zoom only takes on update, for the update that
// follows a create; it reports whether there is any.
func (k Kind) UpdateOnlySettings(config, plan *EventCommon, out any) bool {
	return updateOnlyRequest(k.Settings, config.Settings, plan.Settings, out)
}

// Reconcile settles what is stored after an apply (see reconcileSettings for settings). A configured
// argument Zoom did not take is an error naming it; an unconfigured or computed value that was known in the plan
// keeps the planned value (Zoom changed it on the side, or it is volatile like start_url), and the next refresh
// brings Zoom's value without a diff.
func (k Kind) Reconcile(config, plan, got *EventCommon, d *diag.Diagnostics) {
	got.Settings = reconcileSettings(k.Settings, path.Root("settings"), config.Settings, plan.Settings, got.Settings, d)
	Settle(d, "timezone", !config.Timezone.IsNull(), plan.Timezone, &got.Timezone)
	Settle(d, "duration", !config.Duration.IsNull(), plan.Duration, &got.Duration)
	Settle(d, "password", !config.Password.IsNull(), plan.Password, &got.Password)
	Settle(d, "agenda", true, plan.Agenda, &got.Agenda)
	Settle(d, "tracking_fields", true, plan.TrackingFields, &got.TrackingFields)
	Settle(d, "recurrence", true, plan.Recurrence, &got.Recurrence)
	for name, v := range map[string]struct{ p, g *types.String }{
		"status": {&plan.Status, &got.Status}, "start_url": {&plan.StartURL, &got.StartURL}, "uuid": {&plan.UUID, &got.UUID},
		"join_url": {&plan.JoinURL, &got.JoinURL}, "registration_url": {&plan.RegistrationURL, &got.RegistrationURL},
		"created_at": {&plan.CreatedAt, &got.CreatedAt},
	} {
		Settle(d, name, false, *v.p, v.g)
	}
	Settle(d, "occurrences", false, plan.Occurrences, &got.Occurrences)
	Settle(d, "start_time", true, plan.StartTime, &got.StartTime)
	Settle(d, "topic", true, plan.Topic, &got.Topic)
	Settle(d, "type", true, plan.Type, &got.Type)
}

// Settle decides one attribute after an apply: a configured value Zoom did not store is an error naming it (the
// state keeps Zoom's value); an unconfigured or computed value known in the plan keeps the planned value.
func Settle[T attr.Value](diags *diag.Diagnostics, name string, configured bool, planned T, got *T) {
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

// ReadGone decides what a "not found" on read means: a meeting or webinar whose time has passed by Zoom's clock
// expired (it stays in state, marked expired, with a warning); otherwise it was deleted (remove it).
func (k Kind) ReadGone(err error, state *EventCommon, diags *diag.Diagnostics) (keep bool) {
	noun := k.Noun
	end, ok := state.End()
	if !ok || !end.Before(client.ServerTime(err)) {
		return false
	}
	// Zoom answers "not found or has expired" alike; an event whose time has passed expired.
	state.Status = types.StringValue(StatusExpired)
	diags.AddWarning("Zoom "+noun+" has expired",
		fmt.Sprintf("%s %s (%q) ended at %s and Zoom no longer returns it. It stays in the state as "+
			"expired; remove it from the configuration when convenient (destroying it succeeds).",
			capitalise(noun), state.ID.ValueString(), state.Topic.ValueString(), end.UTC().Format(time.RFC3339)))
	return true
}

// HostAfterRead keeps the configured spelling of the host (ID, e-mail or "me") while it names the same user, and
// names the host by e-mail on import or when it changed.
func HostAfterRead(userID types.String, hostID, hostEmail string) types.String {
	if userID.IsNull() || userID.IsUnknown() {
		return types.StringValue(hostEmail)
	}
	if u := userID.ValueString(); u != "me" && !strings.EqualFold(u, hostID) && !strings.EqualFold(u, hostEmail) {
		return types.StringValue(hostEmail)
	}
	return userID
}

// UpdateError explains a failed update.
func (k Kind) UpdateError(err error) error {
	noun := k.Noun
	switch {
	case client.IsNotFound(err):
		return fmt.Errorf("%w\n\nThe %s was deleted or has expired since the last refresh; run plan again", err, noun)
	case client.IsEventStarted(err):
		return fmt.Errorf("%w\n\nThe %s is running; apply the change after it ends", err, noun)
	}
	return err
}

// DeleteOutcome treats "already gone" and "already over" as success, and explains the rest.
func (k Kind) DeleteOutcome(err error, id int64, diags *diag.Diagnostics, explain func(error) error) {
	noun := k.Noun
	switch {
	case err == nil, client.IsNotFound(err):
	case client.IsEventEnded(err):
		// Zoom refuses to delete an event that has ended; it is over, so there is nothing left to destroy.
	case client.IsEventInProgress(err):
		diagnostics.AddAPIError(diags, fmt.Sprintf("Cannot delete Zoom %s %d while it is running", noun, id),
			fmt.Errorf("%w\n\nEnd the %s (or wait for it to end) and run destroy again", err, noun))
	default:
		diagnostics.AddAPIError(diags, fmt.Sprintf("Error deleting Zoom %s %d", noun, id), explain(err))
	}
}

// PlanHasUnknowns reports whether an update plan leaves any shared value to be learnt from Zoom.
func PlanHasUnknowns(m *EventCommon, extra ...attr.Value) bool {
	for _, v := range append([]attr.Value{m.Password, m.JoinURL, m.RegistrationURL, m.Occurrences, m.Settings,
		m.Timezone, m.Duration, m.Status, m.StartURL}, extra...) {
		if v.IsUnknown() {
			return true
		}
	}
	for _, v := range AttrsOf(m.Settings) {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

// ExplainHost adds what to do when Zoom refuses the host itself.
func (k Kind) ExplainHost(err error, host string) error {
	switch {
	case client.IsHostMissing(err):
		return fmt.Errorf("%w\n\nThe host %s is not a user of this Zoom account (or was deleted)", err, host)
	case client.IsHostNotAllowed(err):
		return fmt.Errorf("%w\n\nThe host %s may not host %ss: Zoom only lets active Basic or Licensed "+
			"users host (not pending users or users of type 4)", err, host, k.Noun)
	}
	return err
}
