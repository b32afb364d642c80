package meetingattrs

import (
	"encoding/json"
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

	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

// Kind is the Terraform shape of a setting.
type Kind int

// Setting kinds.
const (
	// KindBool is a JSON boolean.
	KindBool Kind = iota
	// KindInt is a JSON integer from an enumeration.
	KindInt
	// KindString is a JSON string.
	KindString
	// KindEmailSet is a JSON string of e-mails joined by the Setting's Separator, a set in Terraform (order and
	// case are Zoom's business, not a change).
	KindEmailSet
	// KindObject is a nested JSON object whose keys are the Setting's Fields.
	KindObject
)

// Setting describes one key of a meeting or webinar `settings` object. The Terraform name is the JSON key.
type Setting struct {
	Name        string
	Kind        Kind
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
	// Fields are the keys of a KindObject setting.
	Fields []Setting
	// UpdateOnly marks a key the create request does not take (only update does): the resource sends it with
	// a follow-up update after the create.
	UpdateOnly bool
	// Separator joins the e-mails of a KindEmailSet on the wire: ";" when empty (meetings), "," for webinars
	// (each operation documents its own).
	Separator string
}

// separator is the wire separator of a KindEmailSet.
func (s Setting) separator() string {
	if s.Separator == "" {
		return ";"
	}
	return s.Separator
}

// MeetingSettings are the meeting settings the provider manages (Zoom's Meeting API spec, POST
// /users/{userId}/meetings, settings; docs/development/zoom-api.md#meeting-settings).
var MeetingSettings = []Setting{
	{Name: "host_video", Kind: KindBool, Description: "Start the meeting with the host's video on."},
	{Name: "participant_video", Kind: KindBool, Description: "Start the meeting with participants' video on."},
	{Name: "join_before_host", Kind: KindBool, Description: "Let participants join before the host. Zoom turns it off when `waiting_room` is on."},
	{Name: "jbh_time", Kind: KindInt, Ints: []int64{0, 5, 10}, Description: "With `join_before_host`: how early participants may join: `0` any time, `5` or `10` minutes before the start."},
	{Name: "mute_upon_entry", Kind: KindBool, Description: "Mute participants when they join."},
	{Name: "waiting_room", Kind: KindBool, Description: "Put participants in the waiting room. Turning it on turns `join_before_host` off."},
	{Name: "approval_type", Kind: KindInt, Ints: []int64{0, 1, 2}, Description: "Registration: `0` registrants are approved automatically, `1` the host approves them, `2` no registration (Zoom's default). `0` and `1` need a Licensed host and a scheduled or recurring-with-fixed-time meeting."},
	{Name: "registration_type", Kind: KindInt, Ints: []int64{1, 2, 3}, Description: "For recurring meetings with a fixed time and registration: `1` register once for all occurrences, `2` register for each occurrence, `3` register once and choose occurrences."},
	{Name: "audio", Kind: KindString, Strings: []string{"both", "telephony", "voip"}, Description: "Audio: `both` (telephone and computer audio), `telephony` only, or `voip` (computer audio) only."},
	{Name: "auto_recording", Kind: KindString, Strings: []string{"local", "cloud", "none"}, Description: "Record automatically: `local`, `cloud` or `none`."},
	{Name: "alternative_hosts", Kind: KindEmailSet, Description: "E-mails of alternative hosts: licensed users of the same account (not Basic users) who can start the meeting. A set: order and case do not matter."},
	{Name: "alternative_hosts_email_notification", Kind: KindBool, Description: "E-mail the alternative hosts when they are set."},
	{Name: "alternative_host_update_polls", Kind: KindBool, Description: "Let alternative hosts add or edit polls."},
	{Name: "meeting_authentication", Kind: KindBool, Description: "Only authenticated users may join (see `authentication_option` and `authentication_domains`)."},
	{Name: "authentication_option", Kind: KindString, MaxLen: 256, Description: "ID of the authentication profile participants must pass when `meeting_authentication` is on (from the host's meeting-authentication settings)."},
	{Name: "authentication_domains", Kind: KindString, MaxLen: 2000, Description: "Comma-separated domains whose signed-in users pass authentication (wildcards allowed)."},
	{Name: "encryption_type", Kind: KindString, Strings: []string{"enhanced_encryption", "e2ee"}, Description: "`enhanced_encryption` (keys in Zoom's cloud) or `e2ee` (end-to-end: disables cloud recording, dial-in, join before host, breakout rooms, polls and live transcription)."},
	{Name: "focus_mode", Kind: KindBool, Description: "Start the meeting in focus mode."},
	{Name: "private_meeting", Kind: KindBool, Description: "Mark the meeting private: calendar add-ins hide its details."},
	{Name: "calendar_type", Kind: KindInt, Ints: []int64{1, 2}, Description: "Calendar add-in that scheduled the meeting: `1` Outlook, `2` Google Workspace."},
	{Name: "registrants_confirmation_email", Kind: KindBool, Description: "Send registrants a confirmation e-mail."},
	{Name: "registrants_email_notification", Kind: KindBool, Description: "E-mail registrants when they are approved, cancelled or denied."},
	{Name: "email_notification", Kind: KindBool, Description: "E-mail alternative hosts and users with scheduling privilege about the meeting."},
	{Name: "use_pmi", Kind: KindBool, Description: "Whether the meeting is held on the host's Personal Meeting ID. Only `false` may be set: a meeting on the PMI shares the PMI as its ID with the host's other PMI meetings and Zoom refuses to delete it, so Terraform cannot manage it (a meeting imported with `true` is refused for the same reason)."},
	{Name: "watermark", Kind: KindBool, Description: "Add a watermark to shared screens."},
	{Name: "close_registration", Kind: KindBool, Description: "Close registration after the meeting date."},
	{Name: "show_share_button", Kind: KindBool, Description: "Show social-share buttons on the registration page."},
	{Name: "allow_multiple_devices", Kind: KindBool, Description: "Let a registrant join from several devices at once."},
	{Name: "host_save_video_order", Kind: KindBool, Description: "Let the host save the gallery-view video order."},
	{Name: "contact_name", Kind: KindString, MaxLen: 256, Description: "Contact name shown on the registration page."},
	{Name: "contact_email", Kind: KindString, Email: true, Description: "Contact e-mail shown on the registration page."},
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
	switch s.Kind {
	case KindBool:
		return types.BoolType
	case KindInt:
		return types.Int64Type
	case KindEmailSet:
		return types.SetType{ElemType: types.StringType}
	case KindObject:
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
		switch s.Kind {
		case KindBool:
			out[s.Name] = rschema.BoolAttribute{Optional: true, Computed: true, Description: desc,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
		case KindInt:
			var vs []validator.Int64
			if len(s.Ints) > 0 {
				vs = append(vs, int64validator.OneOf(s.Ints...))
			} else if s.Min != 0 || s.Max != 0 {
				vs = append(vs, int64validator.Between(s.Min, s.Max))
			}
			out[s.Name] = rschema.Int64Attribute{Optional: true, Computed: true, Description: desc,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}, Validators: vs}
		case KindObject:
			out[s.Name] = rschema.SingleNestedAttribute{Optional: true, Computed: true, Description: s.description(),
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes:    ResourceAttributes(s.Fields)}
		case KindEmailSet:
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
		switch s.Kind {
		case KindBool:
			out[s.Name] = dschema.BoolAttribute{Computed: true, Description: desc}
		case KindInt:
			out[s.Name] = dschema.Int64Attribute{Computed: true, Description: desc}
		case KindEmailSet:
			out[s.Name] = dschema.SetAttribute{ElementType: types.StringType, Computed: true, Description: desc}
		case KindObject:
			out[s.Name] = dschema.SingleNestedAttribute{Computed: true, Description: desc, Attributes: DataSourceAttributes(s.Fields)}
		default:
			out[s.Name] = dschema.StringAttribute{Computed: true, Description: desc}
		}
	}
	return out
}

// FromAPI maps the settings object of a Zoom response (any JSON-marshalable value) onto a Terraform object.
// A key Zoom does not return keeps its prior value (null when there is none). E-mail sets keep the prior spelling
// of addresses Zoom returns in another case.
func FromAPI(list []Setting, api any, prior types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	raw := map[string]json.RawMessage{}
	if api != nil {
		b, err := json.Marshal(api)
		if err == nil {
			err = json.Unmarshal(b, &raw)
		}
		if err != nil {
			diags.AddError("Cannot read Zoom settings", err.Error())
			return types.ObjectNull(AttrTypes(list)), diags
		}
	}
	priorAttrs := map[string]attr.Value{}
	if !prior.IsNull() && !prior.IsUnknown() {
		priorAttrs = prior.Attributes()
	}
	vals := make(map[string]attr.Value, len(list))
	for _, s := range list {
		v, ok := s.decode(raw[s.Name], priorAttrs[s.Name])
		if !ok {
			if p, has := priorAttrs[s.Name]; has && !p.IsUnknown() {
				v = p
			} else {
				v = nullOf(s)
			}
		}
		vals[s.Name] = v
	}
	obj, d := types.ObjectValue(AttrTypes(list), vals)
	diags.Append(d...)
	return obj, diags
}

func nullOf(s Setting) attr.Value {
	switch s.Kind {
	case KindBool:
		return types.BoolNull()
	case KindInt:
		return types.Int64Null()
	case KindEmailSet:
		return types.SetNull(types.StringType)
	case KindObject:
		return types.ObjectNull(AttrTypes(s.Fields))
	default:
		return types.StringNull()
	}
}

// decode converts one JSON value; ok is false when the key is absent or null.
func (s Setting) decode(raw json.RawMessage, prior attr.Value) (attr.Value, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, false
	}
	switch s.Kind {
	case KindBool:
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return nil, false
		}
		return types.BoolValue(b), true
	case KindInt:
		var n int64
		if json.Unmarshal(raw, &n) != nil {
			return nil, false
		}
		return types.Int64Value(n), true
	case KindEmailSet:
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return nil, false
		}
		return EmailSetValue(SplitEmails(str), prior), true
	case KindObject:
		var sub map[string]json.RawMessage
		if json.Unmarshal(raw, &sub) != nil {
			return nil, false
		}
		priorObj, _ := prior.(types.Object)
		if prior == nil {
			priorObj = types.ObjectNull(AttrTypes(s.Fields))
		}
		obj, diags := FromAPI(s.Fields, sub, priorObj)
		if diags.HasError() {
			return nil, false
		}
		return obj, true
	default:
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return nil, false
		}
		return types.StringValue(str), true
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

// Request fills out (a pointer to a client settings struct) with the settings to send: those set in config whose
// planned value differs from state (every configured one when state is null, as on create, except UpdateOnly keys).
// It reports whether anything is to be sent.
func Request(list []Setting, config, plan, state types.Object, out any) (bool, error) {
	send := requestMap(list, config, plan, state)
	if len(send) == 0 {
		return false, nil
	}
	b, err := json.Marshal(send)
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal(b, out)
}

// UpdateOnlyRequest fills out with the configured UpdateOnly settings, for the update that follows a create.
func UpdateOnlyRequest(list []Setting, config, plan types.Object, out any) (bool, error) {
	var only []Setting
	for _, s := range list {
		if s.UpdateOnly {
			s.UpdateOnly = false
			only = append(only, s)
		}
	}
	return Request(only, config, plan, types.ObjectNull(AttrTypes(list)), out)
}

func requestMap(list []Setting, config, plan, state types.Object) map[string]any {
	if config.IsNull() || config.IsUnknown() {
		return nil
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
	send := map[string]any{}
	for _, s := range list {
		c, p := cfg[s.Name], planned[s.Name]
		if c == nil || c.IsNull() || p == nil || p.IsNull() || p.IsUnknown() || (creating && s.UpdateOnly) {
			continue
		}
		if old, ok := prior[s.Name]; ok && old.Equal(p) {
			continue
		}
		if s.Kind == KindObject {
			// Whether Zoom merges a nested object key by key is unconfirmed: send every known planned key of it,
			// so that keys Terraform does not set keep the values it last saw.
			if sub := knownValues(s.Fields, p.(types.Object)); len(sub) > 0 {
				send[s.Name] = sub
			}
			continue
		}
		send[s.Name] = wireValue(p, s.separator())
	}
	return send
}

// knownValues is the wire form of every known, non-null key of an object setting.
func knownValues(list []Setting, obj types.Object) map[string]any {
	out := map[string]any{}
	attrs := obj.Attributes()
	for _, s := range list {
		v := attrs[s.Name]
		if v == nil || v.IsNull() || v.IsUnknown() {
			continue
		}
		if s.Kind == KindObject {
			if sub := knownValues(s.Fields, v.(types.Object)); len(sub) > 0 {
				out[s.Name] = sub
			}
			continue
		}
		out[s.Name] = wireValue(v, s.separator())
	}
	return out
}

func wireValue(v attr.Value, sep string) any {
	switch x := v.(type) {
	case types.Bool:
		return x.ValueBool()
	case types.Int64:
		return x.ValueInt64()
	case types.Set:
		var emails []string
		for _, e := range x.Elements() {
			if s, ok := e.(types.String); ok {
				emails = append(emails, s.ValueString())
			}
		}
		sort.Strings(emails)
		return strings.Join(emails, sep)
	case types.String:
		return x.ValueString()
	}
	return nil
}

// Reconcile decides what to store after an apply, setting by setting, given the configuration, the plan and what
// Zoom answered (got). A configured setting Zoom did not apply is an error naming it (state keeps Zoom's value,
// so the next plan tries again). An unconfigured setting whose planned value was known keeps it: Zoom changed it
// as a side effect, and the next refresh picks Zoom's value up without a diff, since the setting follows Zoom.
func Reconcile(list []Setting, at path.Path, config, plan, got types.Object, diags *diag.Diagnostics) types.Object {
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
		if s.Kind == KindObject {
			c, _ := cfg[s.Name].(types.Object)
			if cfg[s.Name] == nil {
				c = types.ObjectNull(AttrTypes(s.Fields))
			}
			out[s.Name] = Reconcile(s.Fields, at.AtName(s.Name), c, p.(types.Object), g.(types.Object), diags)
			continue
		}
		if c := cfg[s.Name]; c != nil && !c.IsNull() {
			why := "The account or host settings may lock it, or another setting overrides it (for example " +
				"waiting_room turns join_before_host off)."
			if s.Kind == KindEmailSet {
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
