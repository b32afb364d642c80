package zoomevent

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

// Recurrence type names in Terraform and their API numbers.
var recurrenceTypes = map[string]int{"daily": client.RecurrenceDaily, "weekly": client.RecurrenceWeekly, "monthly": client.RecurrenceMonthly}

// maxRepeatInterval is the largest repeat_interval per recurrence type (docs/development/zoom-api.md#recurrence).
var maxRepeatInterval = map[string]int64{"daily": 90, "weekly": 12, "monthly": 3}

// MaxEndTimes is the spec's maximum number of occurrences (the Zoom docs page says 50 unless raised by support).
const MaxEndTimes = 365

// RecurrenceModel is the `recurrence` object.
type RecurrenceModel struct {
	Type           types.String       `tfsdk:"type"`
	RepeatInterval types.Int64        `tfsdk:"repeat_interval"`
	WeeklyDays     types.Set          `tfsdk:"weekly_days"`
	MonthlyDay     types.Int64        `tfsdk:"monthly_day"`
	MonthlyWeek    types.Int64        `tfsdk:"monthly_week"`
	MonthlyWeekDay types.Int64        `tfsdk:"monthly_week_day"`
	EndTimes       types.Int64        `tfsdk:"end_times"`
	EndDateTime    zoomtime.TimeValue `tfsdk:"end_date_time"`
}

// RecurrenceAttrTypes are the attribute types of the recurrence object.
var RecurrenceAttrTypes = map[string]attr.Type{
	"type":             types.StringType,
	"repeat_interval":  types.Int64Type,
	"weekly_days":      types.SetType{ElemType: types.Int64Type},
	"monthly_day":      types.Int64Type,
	"monthly_week":     types.Int64Type,
	"monthly_week_day": types.Int64Type,
	"end_times":        types.Int64Type,
	"end_date_time":    zoomtime.TimeType{},
}

var recurrenceDescriptions = map[string]string{
	"type":             "How the meeting repeats: `daily`, `weekly` or `monthly`.",
	"repeat_interval":  "Repeat every N days (at most 90), weeks (at most 12) or months (at most 3). Default 1.",
	"weekly_days":      "Weekly only, required there: the days of the week, `1` Sunday to `7` Saturday.",
	"monthly_day":      "Monthly by date: the day of the month, 1 to 31. Exclusive with `monthly_week`.",
	"monthly_week":     "Monthly by weekday: the week of the month: `-1` the last, `1` the first, `2` the second, `3` the third or `4` the fourth; with `monthly_week_day`.",
	"monthly_week_day": "Monthly by weekday: the day, `1` Sunday to `7` Saturday; with `monthly_week`.",
	"end_times":        fmt.Sprintf("How many times the meeting occurs, 1 to %d (Zoom may cap it lower, usually at 50). Exactly one of `end_times` and `end_date_time`.", MaxEndTimes),
	"end_date_time":    "Last date the meeting may occur, as an RFC 3339 time (for example 2027-06-30T23:59:00Z). Exactly one of `end_times` and `end_date_time`. Zoom may move it to the end of that day; the configured value is kept then.",
}

// RecurrenceResourceAttribute is the resource schema of `recurrence` (plain Optional: it is fully configured, so
// it never needs to be computed).
func RecurrenceResourceAttribute(desc string) rschema.SingleNestedAttribute {
	d := recurrenceDescriptions
	return rschema.SingleNestedAttribute{
		Optional: true, Description: desc,
		Attributes: map[string]rschema.Attribute{
			"type": rschema.StringAttribute{Required: true, Description: d["type"],
				Validators: []validator.String{stringvalidator.OneOf("daily", "weekly", "monthly")}},
			"repeat_interval": rschema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				Description: d["repeat_interval"], Validators: []validator.Int64{int64validator.Between(1, 90)}},
			"weekly_days": rschema.SetAttribute{ElementType: types.Int64Type, Optional: true, Description: d["weekly_days"],
				Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.Between(1, 7))}},
			"monthly_day": rschema.Int64Attribute{Optional: true, Description: d["monthly_day"],
				Validators: []validator.Int64{int64validator.Between(1, 31)}},
			"monthly_week": rschema.Int64Attribute{Optional: true, Description: d["monthly_week"],
				Validators: []validator.Int64{int64validator.OneOf(-1, 1, 2, 3, 4)}},
			"monthly_week_day": rschema.Int64Attribute{Optional: true, Description: d["monthly_week_day"],
				Validators: []validator.Int64{int64validator.Between(1, 7)}},
			"end_times": rschema.Int64Attribute{Optional: true, Description: d["end_times"],
				Validators: []validator.Int64{int64validator.Between(1, MaxEndTimes)}},
			"end_date_time": rschema.StringAttribute{Optional: true, CustomType: zoomtime.TimeType{}, Description: d["end_date_time"]},
		},
	}
}

// RecurrenceDataSourceAttribute is the computed data-source schema of `recurrence`.
func RecurrenceDataSourceAttribute(desc string) dschema.SingleNestedAttribute {
	attrs := map[string]dschema.Attribute{}
	for name, t := range RecurrenceAttrTypes {
		switch t {
		case types.StringType:
			attrs[name] = dschema.StringAttribute{Computed: true, Description: recurrenceDescriptions[name]}
		case types.Int64Type:
			attrs[name] = dschema.Int64Attribute{Computed: true, Description: recurrenceDescriptions[name]}
		default:
			if _, ok := t.(zoomtime.TimeType); ok {
				attrs[name] = dschema.StringAttribute{Computed: true, CustomType: zoomtime.TimeType{}, Description: recurrenceDescriptions[name]}
			} else {
				attrs[name] = dschema.SetAttribute{ElementType: types.Int64Type, Computed: true, Description: recurrenceDescriptions[name]}
			}
		}
	}
	return dschema.SingleNestedAttribute{Computed: true, Description: desc, Attributes: attrs}
}

// ValidateRecurrence checks the combinations a single attribute validator cannot see.
func ValidateRecurrence(ctx context.Context, obj types.Object, at path.Path, diags *diag.Diagnostics) {
	if obj.IsNull() || obj.IsUnknown() {
		return
	}
	var r RecurrenceModel
	if d := obj.As(ctx, &r, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true}); d.HasError() {
		diags.Append(d...)
		return
	}
	typ := r.Type.ValueString()
	if r.Type.IsUnknown() {
		return
	}
	set := func(v attr.Value) bool { return !v.IsNull() }
	if max := maxRepeatInterval[typ]; !r.RepeatInterval.IsUnknown() && !r.RepeatInterval.IsNull() && r.RepeatInterval.ValueInt64() > max {
		diags.AddAttributeError(at.AtName("repeat_interval"), "Invalid recurrence",
			fmt.Sprintf("A %s recurrence repeats at most every %d %s.", typ, max, map[string]string{"daily": "days", "weekly": "weeks", "monthly": "months"}[typ]))
	}
	if typ == "weekly" && !set(r.WeeklyDays) {
		diags.AddAttributeError(at.AtName("weekly_days"), "Invalid recurrence", "A weekly recurrence needs weekly_days (1 Sunday to 7 Saturday).")
	}
	if typ != "weekly" && set(r.WeeklyDays) {
		diags.AddAttributeError(at.AtName("weekly_days"), "Invalid recurrence", "weekly_days is only used by a weekly recurrence; remove it.")
	}
	monthlyByDay, monthlyByWeek := set(r.MonthlyDay), set(r.MonthlyWeek) || set(r.MonthlyWeekDay)
	if typ != "monthly" && (monthlyByDay || monthlyByWeek) {
		diags.AddAttributeError(at, "Invalid recurrence", "monthly_day, monthly_week and monthly_week_day are only used by a monthly recurrence; remove them.")
	}
	if typ == "monthly" {
		switch {
		case monthlyByDay && monthlyByWeek:
			diags.AddAttributeError(at.AtName("monthly_day"), "Invalid recurrence", "Set either monthly_day, or monthly_week with monthly_week_day, not both.")
		case !monthlyByDay && !monthlyByWeek:
			diags.AddAttributeError(at, "Invalid recurrence", "A monthly recurrence needs monthly_day, or monthly_week with monthly_week_day.")
		case monthlyByWeek && (!set(r.MonthlyWeek) || !set(r.MonthlyWeekDay)):
			diags.AddAttributeError(at.AtName("monthly_week"), "Invalid recurrence", "monthly_week and monthly_week_day go together: set both.")
		}
	}
	if set(r.EndDateTime) && !r.EndDateTime.IsUnknown() {
		if t, err := zoomtime.ParseTime(r.EndDateTime.ValueString()); err == nil && t.Local {
			diags.AddAttributeError(at.AtName("end_date_time"), "Invalid recurrence",
				"end_date_time needs a zone: end it with Z (UTC) or an offset such as +01:00.")
		}
	}
	switch {
	case set(r.EndTimes) && set(r.EndDateTime):
		diags.AddAttributeError(at.AtName("end_times"), "Invalid recurrence", "Set either end_times or end_date_time, not both.")
	case !set(r.EndTimes) && !set(r.EndDateTime):
		diags.AddAttributeError(at, "Invalid recurrence",
			"Say when the recurrence ends with end_times (a number of occurrences) or end_date_time (a last date); "+
				"Zoom would otherwise schedule a single occurrence.")
	}
}

// RecurrenceToAPI converts a known recurrence object to the request form.
func RecurrenceToAPI(ctx context.Context, obj types.Object) (*client.Recurrence, diag.Diagnostics) {
	if obj.IsNull() || obj.IsUnknown() {
		return nil, nil
	}
	var r RecurrenceModel
	diags := obj.As(ctx, &r, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	out := &client.Recurrence{Type: recurrenceTypes[r.Type.ValueString()]}
	if !r.RepeatInterval.IsNull() && !r.RepeatInterval.IsUnknown() {
		out.RepeatInterval = client.Ptr(int(r.RepeatInterval.ValueInt64()))
	}
	if !r.WeeklyDays.IsNull() {
		var days []int64
		diags.Append(r.WeeklyDays.ElementsAs(ctx, &days, false)...)
		sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
		parts := make([]string, len(days))
		for i, d := range days {
			parts[i] = strconv.FormatInt(d, 10)
		}
		out.WeeklyDays = strings.Join(parts, ",")
	}
	intPtr := func(v types.Int64) *int {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		return client.Ptr(int(v.ValueInt64()))
	}
	out.MonthlyDay, out.MonthlyWeek, out.MonthlyWeekDay, out.EndTimes = intPtr(r.MonthlyDay), intPtr(r.MonthlyWeek), intPtr(r.MonthlyWeekDay), intPtr(r.EndTimes)
	if !r.EndDateTime.IsNull() {
		wire, err := zoomtime.WireTime(r.EndDateTime.ValueString())
		if err != nil {
			diags.AddError("Invalid end_date_time", err.Error())
			return nil, diags
		}
		out.EndDateTime = wire
	}
	return out, diags
}

// RecurrenceFromAPI maps Zoom's recurrence onto a Terraform object, keeping the prior object's choices where Zoom
// reports more than was set (a default monthly_day next to monthly_week, both end_times and end_date_time).
func RecurrenceFromAPI(ctx context.Context, api *client.Recurrence, prior types.Object, tz string) (types.Object, diag.Diagnostics) {
	if api == nil || api.Type == 0 {
		return types.ObjectNull(RecurrenceAttrTypes), nil
	}
	var p RecurrenceModel
	var diags diag.Diagnostics
	hasPrior := !prior.IsNull() && !prior.IsUnknown()
	if hasPrior {
		diags.Append(prior.As(ctx, &p, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
	}
	r := RecurrenceModel{
		RepeatInterval: types.Int64Value(1),
		WeeklyDays:     types.SetNull(types.Int64Type),
		MonthlyDay:     types.Int64Null(),
		MonthlyWeek:    types.Int64Null(),
		MonthlyWeekDay: types.Int64Null(),
		EndTimes:       types.Int64Null(),
		EndDateTime:    zoomtime.NewTimeNull(),
	}
	r.Type = types.StringValue(fmt.Sprint(api.Type))
	for name, n := range recurrenceTypes {
		if n == api.Type {
			r.Type = types.StringValue(name)
		}
	}
	if api.RepeatInterval != nil && *api.RepeatInterval > 0 {
		r.RepeatInterval = types.Int64Value(int64(*api.RepeatInterval))
	}
	switch api.Type {
	case client.RecurrenceWeekly:
		var days []attr.Value
		for _, part := range strings.Split(api.WeeklyDays, ",") {
			if n, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil {
				days = append(days, types.Int64Value(n))
			}
		}
		r.WeeklyDays = types.SetValueMust(types.Int64Type, days)
	case client.RecurrenceMonthly:
		byWeek := api.MonthlyWeek != nil && *api.MonthlyWeek != 0 && api.MonthlyWeekDay != nil && *api.MonthlyWeekDay != 0
		if byWeek && (!hasPrior || p.MonthlyDay.IsNull()) {
			r.MonthlyWeek = types.Int64Value(int64(*api.MonthlyWeek))
			r.MonthlyWeekDay = types.Int64Value(int64(*api.MonthlyWeekDay))
		} else if api.MonthlyDay != nil {
			r.MonthlyDay = types.Int64Value(int64(*api.MonthlyDay))
		}
	}
	useDate := api.EndDateTime != "" && (!hasPrior || !p.EndDateTime.IsNull() || api.EndTimes == nil)
	if useDate {
		r.EndDateTime = keepEndDate(p.EndDateTime, tz, api.EndDateTime)
	} else if api.EndTimes != nil {
		r.EndTimes = types.Int64Value(int64(*api.EndTimes))
	}
	obj, d := types.ObjectValueFrom(ctx, RecurrenceAttrTypes, r)
	diags.Append(d...)
	return obj, diags
}

// keepEndDate is zoomtime.KeepTime for recurrence.end_date_time. Zoom may move the end to the end of that day (the series
// is the same: it ends after that calendar day), so a reported end later on the same calendar day as the prior
// value, in the meeting's time zone or in UTC, keeps the prior value as well.
func keepEndDate(prior zoomtime.TimeValue, tz, api string) zoomtime.TimeValue {
	if p, err := prior.ToStringValue(context.Background()); err == nil && !p.IsNull() && !p.IsUnknown() {
		pp, perr := zoomtime.ParseTime(p.ValueString())
		a, aerr := zoomtime.ParseTime(api)
		if perr == nil && aerr == nil && !a.Local {
			if pt, ok := pp.In(tz); ok && !a.Instant.Before(pt) {
				zones := []*time.Location{time.UTC}
				if loc, err := time.LoadLocation(tz); err == nil && tz != "" {
					zones = append(zones, loc)
				}
				for _, loc := range zones {
					y1, m1, d1 := pt.In(loc).Date()
					y2, m2, d2 := a.Instant.In(loc).Date()
					if y1 == y2 && m1 == m2 && d1 == d2 {
						return zoomtime.NewTimeValue(p.ValueString())
					}
				}
			}
		}
	}
	return zoomtime.KeepTime(prior, tz, api)
}

// OccurrenceAttrTypes are the attribute types of one occurrence.
var OccurrenceAttrTypes = map[string]attr.Type{
	"occurrence_id": types.StringType,
	"start_time":    types.StringType,
	"duration":      types.Int64Type,
	"status":        types.StringType,
}

// OccurrenceDescriptions document the occurrence attributes.
var OccurrenceDescriptions = map[string]string{
	"occurrence_id": "Occurrence ID (its start as epoch milliseconds), used to address one occurrence, for example when registering for it.",
	"start_time":    "Start of the occurrence, UTC.",
	"duration":      "Length in minutes.",
	"status":        "Zoom's status of the occurrence, e.g. `available`.",
}

// OccurrencesFromAPI maps occurrences to a list (empty for a meeting without them).
func OccurrencesFromAPI(occ []client.Occurrence) types.List {
	elems := make([]attr.Value, 0, len(occ))
	for _, o := range occ {
		elems = append(elems, types.ObjectValueMust(OccurrenceAttrTypes, map[string]attr.Value{
			"occurrence_id": types.StringValue(o.OccurrenceID),
			"start_time":    types.StringValue(o.StartTime),
			"duration":      types.Int64Value(int64(o.Duration)),
			"status":        types.StringValue(o.Status),
		}))
	}
	return types.ListValueMust(types.ObjectType{AttrTypes: OccurrenceAttrTypes}, elems)
}
