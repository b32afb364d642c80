package zoomevent

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

// Shape is the Terraform shape of a setting.
type Shape int

// Setting shapes.
const (
	// ShapeBool is a JSON boolean.
	ShapeBool Shape = iota
	// ShapeInt is a JSON integer from an enumeration.
	ShapeInt
	// ShapeString is a JSON string.
	ShapeString
	// ShapeEmailSet is a JSON string of e-mails joined by the Setting's Separator, a set in Terraform (order and
	// case are Zoom's business, not a change).
	ShapeEmailSet
	// ShapeObject is a nested JSON object whose keys are the Setting's Fields.
	ShapeObject
)

// Setting describes one key of a meeting or webinar `settings` object. The Terraform name is the JSON key.
type Setting struct {
	Name        string
	Shape       Shape
	Description string
	// Ints and Strings are the allowed values of an enumeration (checked at plan time).
	Ints    []int64
	Strings []string
	// Email asks for an e-mail check of a string.
	Email bool
	// MaxLen bounds a string's length (0 = no bound).
	MaxLen int
	// Min and Max bound an integer without enumeration (both 0 = no bound).
	Min, Max int64
	// Fields are the keys of a ShapeObject setting.
	Fields []Setting
	// UpdateOnly marks a key the create request does not take (only update does): the resource sends it with
	// a follow-up update after the create.
	UpdateOnly bool
	// Separator joins the e-mails of a ShapeEmailSet on the wire: ";" when empty (meetings), "," for webinars
	// (each operation documents its own).
	Separator string
	// field returns a pointer to the setting's field in the client's settings struct (or nested struct) it is
	// given: a **bool for ShapeBool, **int for ShapeInt, **string for the string kinds.
	field func(owner any) any
	// object returns the nested struct of a ShapeObject (nil when absent, allocated when create is set).
	object func(owner any, create bool) any
}

// ms is the client struct of meeting settings, which the meeting table maps to.
type ms = client.MeetingSettings

// at makes a Setting.field from an accessor of a client struct S.
func at[S any](f func(*S) any) func(any) any {
	return func(owner any) any { return f(owner.(*S)) }
}

// nested makes a Setting.object from an accessor of a nested struct T of a client struct S.
func nested[S, T any](f func(*S) **T) func(any, bool) any {
	return func(owner any, create bool) any {
		p := f(owner.(*S))
		if *p == nil {
			if !create {
				return nil
			}
			*p = new(T)
		}
		return *p
	}
}

// separator is the wire separator of a ShapeEmailSet.
func (s Setting) separator() string {
	if s.Separator == "" {
		return ";"
	}
	return s.Separator
}

// meetingSettings are the meeting settings the provider manages (Zoom's Meeting API spec, POST
// /users/{userId}/meetings, settings; docs/development/zoom-api.md#meeting-settings).
var meetingSettings = []Setting{
	{Name: "host_video", Shape: ShapeBool, Description: "Start the meeting with the host's video on.", field: at(func(s *ms) any { return &s.HostVideo })},
	{Name: "participant_video", Shape: ShapeBool, Description: "Start the meeting with participants' video on.", field: at(func(s *ms) any { return &s.ParticipantVideo })},
	{Name: "join_before_host", Shape: ShapeBool, Description: "Let participants join before the host. Zoom turns it off when `waiting_room` is on.", field: at(func(s *ms) any { return &s.JoinBeforeHost })},
	{Name: "jbh_time", Shape: ShapeInt, Ints: []int64{0, 5, 10}, Description: "With `join_before_host`: how early participants may join: `0` any time, `5` or `10` minutes before the start.", field: at(func(s *ms) any { return &s.JBHTime })},
	{Name: "mute_upon_entry", Shape: ShapeBool, Description: "Mute participants when they join.", field: at(func(s *ms) any { return &s.MuteUponEntry })},
	{Name: "waiting_room", Shape: ShapeBool, Description: "Put participants in the waiting room. Turning it on turns `join_before_host` off.", field: at(func(s *ms) any { return &s.WaitingRoom })},
	{Name: "approval_type", Shape: ShapeInt, Ints: []int64{0, 1, 2}, Description: "Registration: `0` registrants are approved automatically, `1` the host approves them, `2` no registration (Zoom's default). `0` and `1` need a Licensed host and a scheduled or recurring-with-fixed-time meeting.", field: at(func(s *ms) any { return &s.ApprovalType })},
	{Name: "registration_type", Shape: ShapeInt, Ints: []int64{1, 2, 3}, Description: "For recurring meetings with a fixed time and registration: `1` register once for all occurrences, `2` register for each occurrence, `3` register once and choose occurrences.", field: at(func(s *ms) any { return &s.RegistrationType })},
	{Name: "audio", Shape: ShapeString, Strings: []string{"both", "telephony", "voip"}, Description: "Audio: `both` (telephone and computer audio), `telephony` only, or `voip` (computer audio) only.", field: at(func(s *ms) any { return &s.Audio })},
	{Name: "auto_recording", Shape: ShapeString, Strings: []string{"local", "cloud", "none"}, Description: "Record automatically: `local`, `cloud` or `none`.", field: at(func(s *ms) any { return &s.AutoRecording })},
	{Name: "alternative_hosts", Shape: ShapeEmailSet, Description: "E-mails of alternative hosts: licensed users of the same account (not Basic users) who can start the meeting. A set: order and case do not matter.", field: at(func(s *ms) any { return &s.AlternativeHosts })},
	{Name: "alternative_hosts_email_notification", Shape: ShapeBool, Description: "E-mail the alternative hosts when they are set.", field: at(func(s *ms) any { return &s.AlternativeHostsEmailNotification })},
	{Name: "alternative_host_update_polls", Shape: ShapeBool, Description: "Let alternative hosts add or edit polls.", field: at(func(s *ms) any { return &s.AlternativeHostUpdatePolls })},
	{Name: "meeting_authentication", Shape: ShapeBool, Description: "Only authenticated users may join (see `authentication_option` and `authentication_domains`).", field: at(func(s *ms) any { return &s.MeetingAuthentication })},
	{Name: "authentication_option", Shape: ShapeString, MaxLen: 256, Description: "ID of the authentication profile participants must pass when `meeting_authentication` is on (from the host's meeting-authentication settings).", field: at(func(s *ms) any { return &s.AuthenticationOption })},
	{Name: "authentication_domains", Shape: ShapeString, MaxLen: 2000, Description: "Comma-separated domains whose signed-in users pass authentication (wildcards allowed).", field: at(func(s *ms) any { return &s.AuthenticationDomains })},
	{Name: "encryption_type", Shape: ShapeString, Strings: []string{"enhanced_encryption", "e2ee"}, Description: "`enhanced_encryption` (keys in Zoom's cloud) or `e2ee` (end-to-end: disables cloud recording, dial-in, join before host, breakout rooms, polls and live transcription).", field: at(func(s *ms) any { return &s.EncryptionType })},
	{Name: "focus_mode", Shape: ShapeBool, Description: "Start the meeting in focus mode.", field: at(func(s *ms) any { return &s.FocusMode })},
	{Name: "private_meeting", Shape: ShapeBool, Description: "Mark the meeting private: calendar add-ins hide its details.", field: at(func(s *ms) any { return &s.PrivateMeeting })},
	{Name: "calendar_type", Shape: ShapeInt, Ints: []int64{1, 2}, Description: "Calendar add-in that scheduled the meeting: `1` Outlook, `2` Google Workspace.", field: at(func(s *ms) any { return &s.CalendarType })},
	{Name: "registrants_confirmation_email", Shape: ShapeBool, Description: "Send registrants a confirmation e-mail.", field: at(func(s *ms) any { return &s.RegistrantsConfirmationEmail })},
	{Name: "registrants_email_notification", Shape: ShapeBool, Description: "E-mail registrants when they are approved, cancelled or denied.", field: at(func(s *ms) any { return &s.RegistrantsEmailNotification })},
	{Name: "email_notification", Shape: ShapeBool, Description: "E-mail alternative hosts and users with scheduling privilege about the meeting.", field: at(func(s *ms) any { return &s.EmailNotification })},
	{Name: "use_pmi", Shape: ShapeBool, Description: "Whether the meeting is held on the host's Personal Meeting ID. Only `false` may be set: a meeting on the PMI shares the PMI as its ID with the host's other PMI meetings and Zoom refuses to delete it, so Terraform cannot manage it (a meeting imported with `true` is refused for the same reason).", field: at(func(s *ms) any { return &s.UsePMI })},
	{Name: "watermark", Shape: ShapeBool, Description: "Add a watermark to shared screens.", field: at(func(s *ms) any { return &s.Watermark })},
	{Name: "close_registration", Shape: ShapeBool, Description: "Close registration after the meeting date.", field: at(func(s *ms) any { return &s.CloseRegistration })},
	{Name: "show_share_button", Shape: ShapeBool, Description: "Show social-share buttons on the registration page.", field: at(func(s *ms) any { return &s.ShowShareButton })},
	{Name: "allow_multiple_devices", Shape: ShapeBool, Description: "Let a registrant join from several devices at once.", field: at(func(s *ms) any { return &s.AllowMultipleDevices })},
	{Name: "host_save_video_order", Shape: ShapeBool, Description: "Let the host save the gallery-view video order.", field: at(func(s *ms) any { return &s.HostSaveVideoOrder })},
	{Name: "contact_name", Shape: ShapeString, MaxLen: 256, Description: "Contact name shown on the registration page.", field: at(func(s *ms) any { return &s.ContactName })},
	{Name: "contact_email", Shape: ShapeString, Email: true, Description: "Contact e-mail shown on the registration page.", field: at(func(s *ms) any { return &s.ContactEmail })},
}

// AttrTypes returns the object attribute types of a settings table.
func AttrTypes(list []Setting) map[string]attr.Type {
	out := make(map[string]attr.Type, len(list))
	for _, s := range list {
		out[s.Name] = s.attrType()
	}
	return out
}

func (s Setting) attrType() attr.Type {
	switch s.Shape {
	case ShapeBool:
		return types.BoolType
	case ShapeInt:
		return types.Int64Type
	case ShapeEmailSet:
		return types.SetType{ElemType: types.StringType}
	case ShapeObject:
		return types.ObjectType{AttrTypes: AttrTypes(s.Fields)}
	default:
		return types.StringType
	}
}

func (s Setting) description() string {
	d := s.Description
	switch {
	case len(s.Ints) > 0:
		vals := make([]string, len(s.Ints))
		for i, v := range s.Ints {
			vals[i] = fmt.Sprint(v)
		}
		d += " One of: " + strings.Join(vals, ", ") + "."
	case len(s.Strings) > 0:
		d += " One of: `" + strings.Join(s.Strings, "`, `") + "`."
	case s.Min != 0 || s.Max != 0:
		d += fmt.Sprintf(" From %d to %d.", s.Min, s.Max)
	}
	return d
}

// ResourceAttributes returns the schema of a resource's settings: every setting is Optional and Computed, so an
// unset one follows Zoom without a diff and a set one is enforced (drift shows on exactly that field).
func ResourceAttributes(list []Setting) map[string]rschema.Attribute {
	out := make(map[string]rschema.Attribute, len(list))
	for _, s := range list {
		desc := s.description() + " Follows Zoom when not set."
		if s.UpdateOnly {
			desc += " Zoom only takes it on update, so setting it at creation costs a second request."
		}
		switch s.Shape {
		case ShapeBool:
			out[s.Name] = rschema.BoolAttribute{Optional: true, Computed: true, Description: desc,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
		case ShapeInt:
			var vs []validator.Int64
			if len(s.Ints) > 0 {
				vs = append(vs, int64validator.OneOf(s.Ints...))
			} else if s.Min != 0 || s.Max != 0 {
				vs = append(vs, int64validator.Between(s.Min, s.Max))
			}
			out[s.Name] = rschema.Int64Attribute{Optional: true, Computed: true, Description: desc,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}, Validators: vs}
		case ShapeObject:
			out[s.Name] = rschema.SingleNestedAttribute{Optional: true, Computed: true, Description: s.description(),
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes:    ResourceAttributes(s.Fields)}
		case ShapeEmailSet:
			out[s.Name] = rschema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, Description: desc,
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
				Validators:    []validator.Set{setvalidator.ValueStringsAre(validators.Email())}}
		default:
			var vs []validator.String
			switch {
			case len(s.Strings) > 0:
				vs = append(vs, stringvalidator.OneOf(s.Strings...))
			case s.Email:
				vs = append(vs, validators.Email())
			case s.MaxLen > 0:
				vs = append(vs, stringvalidator.LengthAtMost(s.MaxLen))
			}
			out[s.Name] = rschema.StringAttribute{Optional: true, Computed: true, Description: desc,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, Validators: vs}
		}
	}
	return out
}

// DataSourceAttributes returns the computed schema of a data source's settings.
func DataSourceAttributes(list []Setting) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(list))
	for _, s := range list {
		desc := s.description()
		switch s.Shape {
		case ShapeBool:
			out[s.Name] = dschema.BoolAttribute{Computed: true, Description: desc}
		case ShapeInt:
			out[s.Name] = dschema.Int64Attribute{Computed: true, Description: desc}
		case ShapeEmailSet:
			out[s.Name] = dschema.SetAttribute{ElementType: types.StringType, Computed: true, Description: desc}
		case ShapeObject:
			out[s.Name] = dschema.SingleNestedAttribute{Computed: true, Description: desc, Attributes: DataSourceAttributes(s.Fields)}
		default:
			out[s.Name] = dschema.StringAttribute{Computed: true, Description: desc}
		}
	}
	return out
}

// settingsFromAPI maps the settings struct of a Zoom response (a *client.MeetingSettings, *client.WebinarSettings
// or nested struct; nil when Zoom sent none) onto a Terraform object. A key Zoom does not return keeps its prior
// value (null when there is none). E-mail sets keep the prior spelling of addresses Zoom returns in another case.
func settingsFromAPI(list []Setting, api any, prior types.Object) types.Object {
	priorAttrs := map[string]attr.Value{}
	if !prior.IsNull() && !prior.IsUnknown() {
		priorAttrs = prior.Attributes()
	}
	vals := make(map[string]attr.Value, len(list))
	for _, s := range list {
		var v attr.Value
		ok := false
		if api != nil {
			v, ok = s.decode(api, priorAttrs[s.Name])
		}
		if !ok {
			if p, has := priorAttrs[s.Name]; has && !p.IsUnknown() {
				v = p
			} else {
				v = nullOf(s)
			}
		}
		vals[s.Name] = v
	}
	return types.ObjectValueMust(AttrTypes(list), vals)
}

func nullOf(s Setting) attr.Value {
	switch s.Shape {
	case ShapeBool:
		return types.BoolNull()
	case ShapeInt:
		return types.Int64Null()
	case ShapeEmailSet:
		return types.SetNull(types.StringType)
	case ShapeObject:
		return types.ObjectNull(AttrTypes(s.Fields))
	default:
		return types.StringNull()
	}
}

// decode reads the setting from owner (a client settings struct); ok is false when Zoom did not send it.
func (s Setting) decode(owner any, prior attr.Value) (attr.Value, bool) {
	if s.Shape == ShapeObject {
		sub := s.object(owner, false)
		if sub == nil {
			return nil, false
		}
		priorObj, _ := prior.(types.Object)
		if prior == nil {
			priorObj = types.ObjectNull(AttrTypes(s.Fields))
		}
		return settingsFromAPI(s.Fields, sub, priorObj), true
	}
	switch p := s.field(owner).(type) {
	case **bool:
		if *p != nil {
			return types.BoolValue(**p), true
		}
	case **int:
		if *p != nil {
			return types.Int64Value(int64(**p)), true
		}
	case **string:
		switch {
		case *p == nil:
		case s.Shape == ShapeEmailSet:
			return EmailSetValue(SplitEmails(**p), prior), true
		default:
			return types.StringValue(**p), true
		}
	}
	return nil, false
}

// encode writes the wire form of v (a known, non-null value) into owner.
func (s Setting) encode(owner any, v attr.Value) {
	switch p := s.field(owner).(type) {
	case **bool:
		b := v.(types.Bool).ValueBool()
		*p = &b
	case **int:
		n := int(v.(types.Int64).ValueInt64())
		*p = &n
	case **string:
		var str string
		if set, ok := v.(types.Set); ok {
			var emails []string
			for _, e := range set.Elements() {
				if es, ok := e.(types.String); ok {
					emails = append(emails, es.ValueString())
				}
			}
			sort.Strings(emails)
			str = strings.Join(emails, s.separator())
		} else {
			str = v.(types.String).ValueString()
		}
		*p = &str
	}
}

// SplitEmails splits Zoom's "a@x;b@x" (meetings) or "a@x,b@x" (webinars), dropping blanks.
func SplitEmails(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// EmailSetValue builds a set of e-mails, spelling each as the prior set did when they differ only in case.
func EmailSetValue(emails []string, prior attr.Value) types.Set {
	var priorList []string
	if ps, ok := prior.(types.Set); ok && !ps.IsNull() && !ps.IsUnknown() {
		for _, e := range ps.Elements() {
			if s, ok := e.(types.String); ok {
				priorList = append(priorList, s.ValueString())
			}
		}
	}
	seen := map[string]bool{}
	elems := make([]attr.Value, 0, len(emails))
	for _, e := range emails {
		for _, p := range priorList {
			if strings.EqualFold(p, e) {
				e = p
				break
			}
		}
		if key := strings.ToLower(e); !seen[key] {
			seen[key] = true
			elems = append(elems, types.StringValue(e))
		}
	}
	return types.SetValueMust(types.StringType, elems)
}

// settingsRequest fills out (the client's settings struct of the table) with the settings to send: those set in
// config whose planned value differs from state (every configured one when state is null, as on create, except
// UpdateOnly keys). It reports whether anything is to be sent.
func settingsRequest(list []Setting, config, plan, state types.Object, out any) bool {
	if config.IsNull() || config.IsUnknown() {
		return false
	}
	cfg := config.Attributes()
	planned := map[string]attr.Value{}
	if !plan.IsNull() && !plan.IsUnknown() {
		planned = plan.Attributes()
	}
	prior := map[string]attr.Value{}
	if !state.IsNull() && !state.IsUnknown() {
		prior = state.Attributes()
	}
	creating := state.IsNull() || state.IsUnknown()
	sent := false
	for _, s := range list {
		c, p := cfg[s.Name], planned[s.Name]
		if c == nil || c.IsNull() || p == nil || p.IsNull() || p.IsUnknown() || (creating && s.UpdateOnly) {
			continue
		}
		if old, ok := prior[s.Name]; ok && old.Equal(p) {
			continue
		}
		if s.Shape == ShapeObject {
			// Whether Zoom merges a nested object key by key is unconfirmed: send every known planned key of it,
			// so that keys Terraform does not set keep the values it last saw.
			if knownInto(s.Fields, p.(types.Object), func() any { return s.object(out, true) }) {
				sent = true
			}
			continue
		}
		s.encode(out, p)
		sent = true
	}
	return sent
}

// updateOnlyRequest fills out with the configured UpdateOnly settings, for the update that follows a create.
func updateOnlyRequest(list []Setting, config, plan types.Object, out any) bool {
	var only []Setting
	for _, s := range list {
		if s.UpdateOnly {
			s.UpdateOnly = false
			only = append(only, s)
		}
	}
	return settingsRequest(only, config, plan, types.ObjectNull(AttrTypes(list)), out)
}

// knownInto writes every known, non-null key of an object setting into the struct owner returns (called only
// when there is one to write, so that an object with none is not sent); it reports whether it wrote any.
func knownInto(list []Setting, obj types.Object, owner func() any) bool {
	wrote := false
	var target any
	get := func() any {
		if target == nil {
			target = owner()
		}
		return target
	}
	attrs := obj.Attributes()
	for _, s := range list {
		v := attrs[s.Name]
		if v == nil || v.IsNull() || v.IsUnknown() {
			continue
		}
		if s.Shape == ShapeObject {
			if knownInto(s.Fields, v.(types.Object), func() any { return s.object(get(), true) }) {
				wrote = true
			}
			continue
		}
		s.encode(get(), v)
		wrote = true
	}
	return wrote
}

// reconcileSettings decides what to store after an apply, setting by setting, given the configuration, the plan and what
// Zoom answered (got). A configured setting Zoom did not apply is an error naming it (state keeps Zoom's value,
// so the next plan tries again). An unconfigured setting whose planned value was known keeps it: Zoom changed it
// as a side effect, and the next refresh picks Zoom's value up without a diff, since the setting follows Zoom.
func reconcileSettings(list []Setting, at path.Path, config, plan, got types.Object, diags *diag.Diagnostics) types.Object {
	if got.IsNull() || got.IsUnknown() || plan.IsNull() || plan.IsUnknown() {
		return got
	}
	cfg := map[string]attr.Value{}
	if !config.IsNull() && !config.IsUnknown() {
		cfg = config.Attributes()
	}
	planned := plan.Attributes()
	vals := got.Attributes()
	out := make(map[string]attr.Value, len(vals))
	for _, s := range list {
		g, p := vals[s.Name], planned[s.Name]
		out[s.Name] = g
		if p == nil || p.IsUnknown() || g.Equal(p) {
			continue
		}
		if s.Shape == ShapeObject {
			c, _ := cfg[s.Name].(types.Object)
			if cfg[s.Name] == nil {
				c = types.ObjectNull(AttrTypes(s.Fields))
			}
			out[s.Name] = reconcileSettings(s.Fields, at.AtName(s.Name), c, p.(types.Object), g.(types.Object), diags)
			continue
		}
		if c := cfg[s.Name]; c != nil && !c.IsNull() {
			why := "The account or host settings may lock it, or another setting overrides it (for example " +
				"waiting_room turns join_before_host off)."
			if s.Shape == ShapeEmailSet {
				why = "Zoom drops an alternative host that is not an active, licensed user of the account: license " +
					"the missing users (not Basic) or remove them."
			}
			diags.AddAttributeError(at.AtName(s.Name), "Zoom did not apply a setting",
				fmt.Sprintf("%s was set to %s, but Zoom kept %s. %s Change the configuration or the account "+
					"setting; the next plan will try again.", s.Name, p, g, why))
			continue
		}
		out[s.Name] = p
	}
	obj, d := types.ObjectValue(AttrTypes(list), out)
	diags.Append(d...)
	return obj
}
