package zoomevent

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

// Type names in Terraform, shared by meetings and webinars. Only scheduled and the two recurring types can be
// managed; the others appear in data sources.
const (
	TypeScheduled            = "scheduled"
	TypeRecurringNoFixedTime = "recurring_no_fixed_time"
	TypeRecurringFixedTime   = "recurring_fixed_time"
	TypeInstant              = "instant"
	TypePMI                  = "pmi"
)

// ManagedTypes are the types a zoom_meeting or zoom_webinar can have.
var ManagedTypes = []string{TypeScheduled, TypeRecurringFixedTime, TypeRecurringNoFixedTime}

// StatusExpired is the status the provider reports for a meeting or webinar whose time has passed and that Zoom no
// longer returns (404 code 3001, as for a deleted one).
const StatusExpired = "expired"

// TrackingFieldAttrTypes are the attribute types of one tracking field.
var TrackingFieldAttrTypes = map[string]attr.Type{"field": types.StringType, "value": types.StringType}

// EventCommon is what meeting and webinar resources and data sources share: every attribute Zoom reports for both.
// Models embed it (through MeetingCommon or WebinarCommon).
type EventCommon struct {
	ID              types.String       `tfsdk:"id"`
	Topic           types.String       `tfsdk:"topic"`
	Type            types.String       `tfsdk:"type"`
	StartTime       zoomtime.TimeValue `tfsdk:"start_time"`
	Timezone        types.String       `tfsdk:"timezone"`
	Duration        types.Int64        `tfsdk:"duration"`
	Agenda          types.String       `tfsdk:"agenda"`
	Password        types.String       `tfsdk:"password"`
	TrackingFields  types.List         `tfsdk:"tracking_fields"`
	Recurrence      types.Object       `tfsdk:"recurrence"`
	Settings        types.Object       `tfsdk:"settings"`
	UUID            types.String       `tfsdk:"uuid"`
	HostID          types.String       `tfsdk:"host_id"`
	HostEmail       types.String       `tfsdk:"host_email"`
	Status          types.String       `tfsdk:"status"`
	CreatedAt       types.String       `tfsdk:"created_at"`
	JoinURL         types.String       `tfsdk:"join_url"`
	StartURL        types.String       `tfsdk:"start_url"`
	RegistrationURL types.String       `tfsdk:"registration_url"`
	Occurrences     types.List         `tfsdk:"occurrences"`
}

// MeetingCommon is EventCommon plus the meeting-only attributes.
type MeetingCommon struct {
	EventCommon
	PreSchedule       types.Bool   `tfsdk:"pre_schedule"`
	H323Password      types.String `tfsdk:"h323_password"`
	PSTNPassword      types.String `tfsdk:"pstn_password"`
	EncryptedPassword types.String `tfsdk:"encrypted_password"`
}

// WebinarCommon is what the zoom_webinar resource and data source share.
type WebinarCommon struct {
	EventCommon
}

// FromAPI maps a Zoom meeting onto c (see EventCommon.fromEvent for how prior values are kept).
// pstn_password is in no response schema: when Zoom leaves it out, the prior value is kept while the passcode it
// derives from is unchanged (null otherwise).
func (c *MeetingCommon) FromAPI(ctx context.Context, m *client.Meeting) diag.Diagnostics {
	samePasscode := !c.Password.IsNull() && !c.Password.IsUnknown() && c.Password.ValueString() == m.Password
	diags := c.fromEvent(ctx, Meeting, &m.Event, settingsOf(m.Settings))
	c.PreSchedule = types.BoolValue(m.PreSchedule)
	c.H323Password = types.StringValue(m.H323Password)
	c.PSTNPassword = reported(m.PSTNPassword, c.PSTNPassword, samePasscode)
	c.EncryptedPassword = types.StringValue(m.EncryptedPassword)
	return diags
}

// FromAPI maps a Zoom webinar onto c.
func (c *WebinarCommon) FromAPI(ctx context.Context, w *client.Webinar) diag.Diagnostics {
	return c.fromEvent(ctx, Webinar, &w.Event, settingsOf(w.Settings))
}

// settingsOf is the settings struct of an answer for the table mapping: nil when Zoom sent none.
func settingsOf[S any](p *S) any {
	if p == nil {
		return nil
	}
	return p
}

// fromEvent maps a Zoom meeting or webinar onto c. The values already in c are the prior ones (state, or the plan
// after an apply): a start time Zoom reports as the same instant keeps its prior spelling, a meeting Zoom reports
// as type 4 (held on the PMI) keeps the prior type, and settings keep the prior spelling of e-mails.
func (c *EventCommon) fromEvent(ctx context.Context, k Kind, m *client.Event, apiSettings any) diag.Diagnostics {
	var diags diag.Diagnostics
	c.ID = types.StringValue(strconv.FormatInt(m.ID, 10))
	c.Topic = types.StringValue(m.Topic)
	typeName := k.TypeName(m.Type)
	if m.Type == client.MeetingTypePMI && k.Noun == Meeting.Noun && !c.Type.IsNull() && !c.Type.IsUnknown() {
		typeName = c.Type.ValueString()
	}
	c.Type = types.StringValue(typeName)
	if m.Timezone != "" {
		c.Timezone = types.StringValue(m.Timezone)
	} else if c.Timezone.IsUnknown() {
		c.Timezone = types.StringNull()
	}
	c.StartTime = c.startTimeFromAPI(typeName, m)
	c.Duration = types.Int64Value(int64(m.Duration))
	c.Agenda = tfvalue.StringOrNull(m.Agenda)
	c.Password = types.StringValue(m.Password)

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

	if typeName == TypeRecurringFixedTime {
		rec, d := RecurrenceFromAPI(ctx, m.Recurrence, c.Recurrence, m.Timezone)
		diags.Append(d...)
		c.Recurrence = rec
	} else {
		c.Recurrence = types.ObjectNull(RecurrenceAttrTypes)
	}
	c.Settings = settingsFromAPI(k.Settings, apiSettings, c.Settings)

	c.UUID = types.StringValue(m.UUID)
	c.HostID = types.StringValue(m.HostID)
	c.HostEmail = types.StringValue(m.HostEmail)
	c.Status = types.StringValue(m.Status)
	c.CreatedAt = types.StringValue(m.CreatedAt)
	c.JoinURL = types.StringValue(m.JoinURL)
	c.StartURL = keepStartURL(c.StartURL, m.StartURL)
	c.RegistrationURL = reported(m.RegistrationURL, c.RegistrationURL, registrationOn(c.Settings))
	c.Occurrences = OccurrencesFromAPI(m.Occurrences)
	return diags
}

// startTimeFromAPI keeps the prior spelling of the same instant. A recurring event with a fixed time whose first
// occurrences have passed may be reported with the next occurrence's start: the prior start is then kept too.
func (c *EventCommon) startTimeFromAPI(typeName string, m *client.Event) zoomtime.TimeValue {
	priorKnown := !c.StartTime.IsNull() && !c.StartTime.IsUnknown()
	if typeName == TypeRecurringNoFixedTime && !priorKnown {
		return zoomtime.NewTimeNull()
	}
	if m.StartTime == "" {
		if priorKnown && typeName != TypeRecurringNoFixedTime {
			return c.StartTime
		}
		return zoomtime.NewTimeNull()
	}
	kept := zoomtime.KeepTime(c.StartTime, m.Timezone, m.StartTime)
	if kept.ValueString() != m.StartTime || typeName != TypeRecurringFixedTime || !priorKnown {
		return kept
	}
	prior, err := zoomtime.ParseTime(c.StartTime.ValueString())
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
func (c *EventCommon) End() (time.Time, bool) {
	switch c.Type.ValueString() {
	case TypeScheduled:
		p, err := zoomtime.ParseTime(c.StartTime.ValueString())
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

// keepStartURL keeps the prior start link while only its token differs: Zoom mints a new ZAK token on every
// read, and storing each one would report a change outside Terraform on every refresh (a refresh-only plan
// would never be empty). A link to another meeting or host page replaces it.
func keepStartURL(prior types.String, api string) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && api != "" {
		p, _, _ := strings.Cut(prior.ValueString(), "?")
		a, _, _ := strings.Cut(api, "?")
		if p == a {
			return prior
		}
	}
	return types.StringValue(api)
}

// reported maps a value only some answers carry (GET /meetings/{meetingId} and the webinar answers document no
// registration_url; no answer documents pstn_password): Zoom's value when it sends one, else the prior value
// while keep holds and it is known, else null. A value once learnt is never replaced by "".
func reported(api string, prior types.String, keep bool) types.String {
	switch {
	case api != "":
		return types.StringValue(api)
	case keep && !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() != "":
		return prior
	}
	return types.StringNull()
}

// registrationOn reports whether settings (as mapped from Zoom) have registration on (approval_type 0 or 1).
func registrationOn(settings types.Object) bool {
	if settings.IsNull() || settings.IsUnknown() {
		return false
	}
	v, ok := settings.Attributes()["approval_type"].(types.Int64)
	return ok && !v.IsNull() && !v.IsUnknown() && v.ValueInt64() != 2
}
