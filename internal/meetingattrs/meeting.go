package meetingattrs

import (
	"context"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// Meeting type names in Terraform. Only the first three can be managed; the others appear in data sources.
const (
	TypeScheduled            = "scheduled"
	TypeRecurringNoFixedTime = "recurring_no_fixed_time"
	TypeRecurringFixedTime   = "recurring_fixed_time"
	TypeInstant              = "instant"
	TypePMI                  = "pmi"
)

// ManagedTypes are the meeting types a zoom_meeting can have.
var ManagedTypes = []string{TypeScheduled, TypeRecurringFixedTime, TypeRecurringNoFixedTime}

var meetingTypeNumbers = map[string]int{
	TypeInstant:              client.MeetingTypeInstant,
	TypeScheduled:            client.MeetingTypeScheduled,
	TypeRecurringNoFixedTime: client.MeetingTypeRecurringNoFixedTime,
	TypePMI:                  client.MeetingTypePMI,
	TypeRecurringFixedTime:   client.MeetingTypeRecurringFixedTime,
}

// MeetingTypeNumber returns the API number of a type name (0 if unknown).
func MeetingTypeNumber(name string) int { return meetingTypeNumbers[name] }

// MeetingTypeName returns the Terraform name of an API type number.
func MeetingTypeName(n int) string {
	for name, v := range meetingTypeNumbers {
		if v == n {
			return name
		}
	}
	return strconv.Itoa(n)
}

// StatusExpired is the status the provider reports for a meeting whose time has passed and that Zoom no longer
// returns (404 code 3001, as for a deleted meeting).
const StatusExpired = "expired"

// TrackingFieldAttrTypes are the attribute types of one tracking field.
var TrackingFieldAttrTypes = map[string]attr.Type{"field": types.StringType, "value": types.StringType}

// MeetingCommon is what the zoom_meeting resource and data source share: every attribute Zoom reports. Models
// embed it.
type MeetingCommon struct {
	ID                types.String `tfsdk:"id"`
	Topic             types.String `tfsdk:"topic"`
	Type              types.String `tfsdk:"type"`
	StartTime         TimeValue    `tfsdk:"start_time"`
	Timezone          types.String `tfsdk:"timezone"`
	Duration          types.Int64  `tfsdk:"duration"`
	Agenda            types.String `tfsdk:"agenda"`
	Password          types.String `tfsdk:"password"`
	PreSchedule       types.Bool   `tfsdk:"pre_schedule"`
	TrackingFields    types.List   `tfsdk:"tracking_fields"`
	Recurrence        types.Object `tfsdk:"recurrence"`
	Settings          types.Object `tfsdk:"settings"`
	UUID              types.String `tfsdk:"uuid"`
	HostID            types.String `tfsdk:"host_id"`
	HostEmail         types.String `tfsdk:"host_email"`
	Status            types.String `tfsdk:"status"`
	CreatedAt         types.String `tfsdk:"created_at"`
	JoinURL           types.String `tfsdk:"join_url"`
	StartURL          types.String `tfsdk:"start_url"`
	RegistrationURL   types.String `tfsdk:"registration_url"`
	H323Password      types.String `tfsdk:"h323_password"`
	PSTNPassword      types.String `tfsdk:"pstn_password"`
	EncryptedPassword types.String `tfsdk:"encrypted_password"`
	Occurrences       types.List   `tfsdk:"occurrences"`
}

// FromAPI maps a Zoom meeting onto c. The values already in c are the prior ones (state, or the plan after an
// apply): a start time Zoom reports as the same instant keeps its prior spelling, a type Zoom reports as `4`
// (held on the PMI) keeps the prior type, and settings keep the prior spelling of e-mails.
func (c *MeetingCommon) FromAPI(ctx context.Context, m *client.Meeting) diag.Diagnostics {
	var diags diag.Diagnostics
	c.ID = types.StringValue(strconv.FormatInt(m.ID, 10))
	c.Topic = types.StringValue(m.Topic)
	typeName := MeetingTypeName(m.Type)
	if m.Type == client.MeetingTypePMI && !c.Type.IsNull() && !c.Type.IsUnknown() {
		typeName = c.Type.ValueString()
	}
	c.Type = types.StringValue(typeName)
	if m.Timezone != "" {
		c.Timezone = types.StringValue(m.Timezone)
	} else if c.Timezone.IsUnknown() {
		c.Timezone = types.StringNull()
	}
	c.StartTime = c.startTimeFromAPI(m)
	c.Duration = types.Int64Value(int64(m.Duration))
	c.Agenda = optional(m.Agenda)
	c.Password = types.StringValue(m.Password)
	c.PreSchedule = types.BoolValue(m.PreSchedule)

	if len(m.TrackingFields) == 0 && (c.TrackingFields.IsNull() || c.TrackingFields.IsUnknown()) {
		c.TrackingFields = types.ListNull(types.ObjectType{AttrTypes: TrackingFieldAttrTypes})
	} else {
		elems := make([]attr.Value, 0, len(m.TrackingFields))
		for _, f := range m.TrackingFields {
			elems = append(elems, types.ObjectValueMust(TrackingFieldAttrTypes, map[string]attr.Value{
				"field": types.StringValue(f.Field), "value": types.StringValue(f.Value),
			}))
		}
		c.TrackingFields = types.ListValueMust(types.ObjectType{AttrTypes: TrackingFieldAttrTypes}, elems)
	}

	if m.Type == client.MeetingTypeRecurringFixedTime {
		rec, d := RecurrenceFromAPI(ctx, m.Recurrence, c.Recurrence, m.Timezone)
		diags.Append(d...)
		c.Recurrence = rec
	} else {
		c.Recurrence = types.ObjectNull(RecurrenceAttrTypes)
	}
	settings, d := FromAPI(MeetingSettings, m.Settings, c.Settings)
	diags.Append(d...)
	c.Settings = settings

	c.UUID = types.StringValue(m.UUID)
	c.HostID = types.StringValue(m.HostID)
	c.HostEmail = types.StringValue(m.HostEmail)
	c.Status = types.StringValue(m.Status)
	c.CreatedAt = types.StringValue(m.CreatedAt)
	c.JoinURL = types.StringValue(m.JoinURL)
	c.StartURL = types.StringValue(m.StartURL)
	c.RegistrationURL = types.StringValue(m.RegistrationURL)
	c.H323Password = types.StringValue(m.H323Password)
	c.PSTNPassword = types.StringValue(m.PSTNPassword)
	c.EncryptedPassword = types.StringValue(m.EncryptedPassword)
	c.Occurrences = OccurrencesFromAPI(m.Occurrences)
	return diags
}

// startTimeFromAPI keeps the prior spelling of the same instant. A recurring meeting with a fixed time whose first
// occurrences have passed may be reported with the next occurrence's start: the prior start is then kept too.
func (c *MeetingCommon) startTimeFromAPI(m *client.Meeting) TimeValue {
	if m.StartTime == "" || (m.Type == client.MeetingTypeRecurringNoFixedTime && (c.StartTime.IsNull() || c.StartTime.IsUnknown())) {
		if m.Type == client.MeetingTypeRecurringNoFixedTime {
			return NewTimeNull()
		}
		if c.StartTime.IsUnknown() {
			return NewTimeNull()
		}
		return c.StartTime
	}
	kept := KeepTime(c.StartTime, m.Timezone, m.StartTime)
	if kept.ValueString() != m.StartTime || m.Type != client.MeetingTypeRecurringFixedTime || c.StartTime.IsNull() || c.StartTime.IsUnknown() {
		return kept
	}
	prior, err := ParseTime(c.StartTime.ValueString())
	if err != nil {
		return kept
	}
	priorAt, ok := prior.In(m.Timezone)
	api, err := time.Parse(time.RFC3339, m.StartTime)
	if !ok || err != nil || len(m.Occurrences) == 0 || m.Occurrences[0].StartTime != m.StartTime || !priorAt.Before(api) {
		return kept
	}
	return c.StartTime
}

// End returns when the meeting's last scheduled time ends, from what the state holds; ok is false when that is not
// known (a recurring meeting with no fixed time never ends by time).
func (c *MeetingCommon) End() (time.Time, bool) {
	switch c.Type.ValueString() {
	case TypeScheduled:
		p, err := ParseTime(c.StartTime.ValueString())
		if err != nil {
			return time.Time{}, false
		}
		start, ok := p.In(c.Timezone.ValueString())
		if !ok {
			return time.Time{}, false
		}
		return start.Add(time.Duration(c.Duration.ValueInt64()) * time.Minute), true
	case TypeRecurringFixedTime:
		var last time.Time
		found := false
		if !c.Occurrences.IsNull() && !c.Occurrences.IsUnknown() {
			for _, e := range c.Occurrences.Elements() {
				o, ok := e.(types.Object)
				if !ok {
					continue
				}
				st, _ := o.Attributes()["start_time"].(types.String)
				dur, _ := o.Attributes()["duration"].(types.Int64)
				t, err := time.Parse(time.RFC3339, st.ValueString())
				if err != nil {
					continue
				}
				if end := t.Add(time.Duration(dur.ValueInt64()) * time.Minute); end.After(last) {
					last, found = end, true
				}
			}
		}
		return last, found
	}
	return time.Time{}, false
}

func optional(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
