package settingsattrs

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// Target is the object a resource or data source reads and writes: the settings of a level, or its lock settings.
type Target struct {
	Level Level
	Locks bool
}

// Rows are the settings of sec the target has.
func (t Target) Rows(sec Section) []Setting {
	var out []Setting
	for _, s := range sec.Settings {
		if (t.Locks && s.Locks&t.Level != 0) || (!t.Locks && s.Levels&t.Level != 0) {
			out = append(out, s)
		}
	}
	return out
}

// Sections are the sections the target has at least one row of.
func (t Target) Sections() []Section {
	var out []Section
	for _, sec := range Sections {
		if len(t.Rows(sec)) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// SectionNames are the names of t.Sections.
func (t Target) SectionNames() []string {
	var out []string
	for _, sec := range t.Sections() {
		out = append(out, sec.Name)
	}
	return out
}

// key is the JSON key of s in the target's object (lock settings use the account and group spelling).
func (t Target) key(s Setting) string {
	if t.Locks {
		return s.Name
	}
	return s.JSON(t.Level)
}

// AttrTypes are the attribute types of a section object.
func (t Target) AttrTypes(sec Section) map[string]attr.Type {
	out := map[string]attr.Type{}
	for _, s := range t.Rows(sec) {
		out[s.Name] = t.attrType(s)
	}
	return out
}

func (t Target) attrType(s Setting) attr.Type {
	if t.Locks {
		return types.BoolType
	}
	switch s.Kind {
	case Int:
		return types.Int64Type
	case String:
		return types.StringType
	}
	return types.BoolType
}

func (t Target) description(s Setting) string {
	if t.Locks {
		who := "every user of the account"
		if t.Level == Group {
			who = "the group's members"
		}
		return fmt.Sprintf("Lock `%s` (%s) for %s: true makes the value of the level above the only one they get.",
			s.Name, strings.TrimSuffix(s.Description, "."), who)
	}
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
	case s.MaxLen > 0:
		d += fmt.Sprintf(" At most %d characters.", s.MaxLen)
	}
	return d
}

// ResourceAttributes are the section attributes of a resource: every section and setting is Optional and
// Computed, so a setting the configuration leaves out follows Zoom without a diff, and a written one is managed.
func (t Target) ResourceAttributes() map[string]rschema.Attribute {
	out := map[string]rschema.Attribute{}
	for _, sec := range t.Sections() {
		attrs := map[string]rschema.Attribute{}
		for _, s := range t.Rows(sec) {
			desc := t.description(s) + " Managed only when set."
			switch {
			case t.Locks || s.Kind == Bool:
				attrs[s.Name] = rschema.BoolAttribute{Optional: true, Computed: true, Description: desc,
					PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
			case s.Kind == Int:
				var vs []validator.Int64
				if len(s.Ints) > 0 {
					vs = append(vs, int64validator.OneOf(s.Ints...))
				} else {
					vs = append(vs, int64validator.AtLeast(1))
				}
				attrs[s.Name] = rschema.Int64Attribute{Optional: true, Computed: true, Description: desc, Validators: vs,
					PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
			default:
				var vs []validator.String
				if len(s.Strings) > 0 {
					vs = append(vs, stringvalidator.OneOf(s.Strings...))
				}
				if s.MaxLen > 0 {
					vs = append(vs, stringvalidator.LengthAtMost(s.MaxLen))
				}
				attrs[s.Name] = rschema.StringAttribute{Optional: true, Computed: true, Description: desc, Validators: vs,
					PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
			}
		}
		out[sec.Name] = rschema.SingleNestedAttribute{Optional: true, Computed: true, Attributes: attrs,
			Description:   sec.Description,
			PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}}
	}
	return out
}

// DataSourceAttributes are the computed section attributes of a data source.
func (t Target) DataSourceAttributes() map[string]dschema.Attribute {
	out := map[string]dschema.Attribute{}
	for _, sec := range t.Sections() {
		attrs := map[string]dschema.Attribute{}
		for _, s := range t.Rows(sec) {
			desc := t.description(s)
			switch t.attrType(s) {
			case types.Int64Type:
				attrs[s.Name] = dschema.Int64Attribute{Computed: true, Description: desc}
			case types.StringType:
				attrs[s.Name] = dschema.StringAttribute{Computed: true, Description: desc}
			default:
				attrs[s.Name] = dschema.BoolAttribute{Computed: true, Description: desc}
			}
		}
		out[sec.Name] = dschema.SingleNestedAttribute{Computed: true, Attributes: attrs,
			Description: sec.Description + " Null unless the section is read (`sections`)."}
	}
	return out
}

// FromAPI maps Zoom's section object onto a section value. A setting Zoom leaves out keeps its prior value (null
// when there is none).
func (t Target) FromAPI(sec Section, api client.Settings, prior types.Object) types.Object {
	got := api[sec.Name]
	var priorAttrs map[string]attr.Value
	if !prior.IsNull() && !prior.IsUnknown() {
		priorAttrs = prior.Attributes()
	}
	vals := map[string]attr.Value{}
	for _, s := range t.Rows(sec) {
		v, ok := t.decode(s, got[t.key(s)])
		if !ok {
			if p, has := priorAttrs[s.Name]; has && !p.IsUnknown() {
				v = p
			} else {
				v = nullOf(t.attrType(s))
			}
		}
		vals[s.Name] = v
	}
	return types.ObjectValueMust(t.AttrTypes(sec), vals)
}

// KeepKnown returns got with the known values of planned in place of Zoom's.
func (t Target) KeepKnown(sec Section, planned, got types.Object) types.Object {
	if planned.IsNull() || planned.IsUnknown() {
		return got
	}
	vals := got.Attributes()
	for name, v := range planned.Attributes() {
		if !v.IsUnknown() {
			vals[name] = v
		}
	}
	return types.ObjectValueMust(t.AttrTypes(sec), vals)
}

func nullOf(ty attr.Type) attr.Value {
	switch ty {
	case types.Int64Type:
		return types.Int64Null()
	case types.StringType:
		return types.StringNull()
	}
	return types.BoolNull()
}

func (t Target) decode(s Setting, v any) (attr.Value, bool) {
	switch x := v.(type) {
	case bool:
		if t.attrType(s) == types.BoolType {
			return types.BoolValue(x), true
		}
	case int64:
		if t.attrType(s) == types.Int64Type {
			return types.Int64Value(x), true
		}
	case float64:
		if t.attrType(s) == types.Int64Type {
			return types.Int64Value(int64(x)), true
		}
	case string:
		if t.attrType(s) == types.StringType {
			return types.StringValue(x), true
		}
	}
	return nil, false
}

// Change is one setting a request writes.
type Change struct {
	Section Section
	Setting Setting
	Value   any
}

// Path is "section.name" of the change, as the configuration writes it.
func (c Change) Path() string { return c.Section.Name + "." + c.Setting.Name }

// Changes lists the settings of the plan's section that are known and differ from the state's (every known one
// when there is no state): the settings a create or update must write.
func (t Target) Changes(sec Section, plan, state types.Object) []Change {
	if plan.IsNull() || plan.IsUnknown() {
		return nil
	}
	pa := plan.Attributes()
	var sa map[string]attr.Value
	if !state.IsNull() && !state.IsUnknown() {
		sa = state.Attributes()
	}
	var out []Change
	for _, s := range t.Rows(sec) {
		v := pa[s.Name]
		if v == nil || v.IsNull() || v.IsUnknown() {
			continue
		}
		if old, ok := sa[s.Name]; ok && old.Equal(v) {
			continue
		}
		var raw any
		switch x := v.(type) {
		case types.Bool:
			raw = x.ValueBool()
		case types.Int64:
			raw = x.ValueInt64()
		case types.String:
			raw = x.ValueString()
		}
		out = append(out, Change{Section: sec, Setting: s, Value: raw})
	}
	return out
}

// Request is one PATCH: the settings of one section, or one add-on's licence settings.
type Request struct {
	Option string
	// Addon is the add-on whose licence the request grants or changes ("" = none).
	Addon   string
	Changes []Change
}

// Body is the request body.
func (r Request) Body(t Target) client.Settings {
	body := client.Settings{}
	for _, c := range r.Changes {
		if body[c.Section.Name] == nil {
			body[c.Section.Name] = map[string]any{}
		}
		body[c.Section.Name][t.key(c.Setting)] = c.Value
	}
	return body
}

// Requests groups changes into PATCH requests: one per section, in table order, except that the settings of each
// add-on (its switch and capacity) go in a request of their own after the others, so that a licence the account
// cannot grant loses nothing else.
func Requests(changes []Change) []Request {
	var plain []Request
	var addons []Request
	addonOf := map[string]string{}
	for _, sec := range Sections {
		for _, s := range sec.Settings {
			if s.Addon != "" {
				addonOf[sec.Name+"."+s.Name] = s.Addon
				addonOf[sec.Name+"."+s.With] = s.Addon
			}
		}
	}
	add := func(list *[]Request, key, option string, c Change) {
		for i := range *list {
			r := &(*list)[i]
			if (r.Addon != "" && r.Addon == key) || (r.Addon == "" && key == "" && r.Changes[0].Section.Name == c.Section.Name) {
				r.Changes = append(r.Changes, c)
				return
			}
		}
		*list = append(*list, Request{Option: option, Addon: key, Changes: []Change{c}})
	}
	for _, c := range changes {
		if a := addonOf[c.Path()]; a != "" {
			add(&addons, a, c.Section.Option, c)
			continue
		}
		add(&plain, "", c.Section.Option, c)
	}
	return append(plain, addons...)
}

// Fetch reads the target object (owner is the group or user ID): one request per option the sections use.
func (t Target) Fetch(ctx context.Context, c *client.Client, owner string, sections []Section) (client.Settings, error) {
	out := client.Settings{}
	done := map[string]bool{}
	for _, sec := range sections {
		if done[sec.Option] {
			continue
		}
		done[sec.Option] = true
		var got client.Settings
		var err error
		switch {
		case t.Level == Account && t.Locks:
			got, err = c.Settings.GetAccountLocks(ctx, sec.Option)
		case t.Level == Account:
			got, err = c.Settings.GetAccount(ctx, sec.Option)
		case t.Level == Group && t.Locks:
			got, err = c.Settings.GetGroupLocks(ctx, owner, sec.Option)
		case t.Level == Group:
			got, err = c.Settings.GetGroup(ctx, owner, sec.Option)
		default:
			got, err = c.Settings.GetUser(ctx, owner, sec.Option)
		}
		if err != nil {
			return nil, err
		}
		for k, v := range got {
			out[k] = v
		}
	}
	return out, nil
}
