package meetingattrs

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
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

// EventKind describes what differs between meetings and webinars for the shared mapping.
type EventKind struct {
	// Noun is "meeting" or "webinar", for messages.
	Noun string
	// Types maps type names to Zoom's numbers.
	Types map[string]int
	// Settings is the settings table.
	Settings []Setting
}

// MeetingKind describes meetings (types 1, 2, 3, 4 and 8).
var MeetingKind = EventKind{
	Noun: "meeting",
	Types: map[string]int{
		TypeInstant:              client.MeetingTypeInstant,
		TypeScheduled:            client.MeetingTypeScheduled,
		TypeRecurringNoFixedTime: client.MeetingTypeRecurringNoFixedTime,
		TypePMI:                  client.MeetingTypePMI,
		TypeRecurringFixedTime:   client.MeetingTypeRecurringFixedTime,
	},
	Settings: MeetingSettings,
}

// WebinarKind describes webinars (types 5, 6 and 9).
var WebinarKind = EventKind{
	Noun: "webinar",
	Types: map[string]int{
		TypeScheduled:            client.WebinarTypeScheduled,
		TypeRecurringNoFixedTime: client.WebinarTypeRecurringNoFixedTime,
		TypeRecurringFixedTime:   client.WebinarTypeRecurringFixedTime,
	},
	Settings: WebinarSettings,
}

// TypeNumber returns the API number of a type name (0 if unknown).
func (k EventKind) TypeNumber(name string) int { return k.Types[name] }

// TypeName returns the Terraform name of an API type number.
func (k EventKind) TypeName(n int) string {
	for name, v := range k.Types {
		if v == n {
			return name
		}
	}
	return strconv.Itoa(n)
}

// MeetingTypeNumber returns the API number of a meeting type name (0 if unknown).
func MeetingTypeNumber(name string) int { return MeetingKind.TypeNumber(name) }

// MeetingTypeName returns the Terraform name of a meeting type number.
func MeetingTypeName(n int) string { return MeetingKind.TypeName(n) }

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

// event is the API-neutral view of a meeting or webinar that the shared mapping reads.
type event struct {
	id                                                                  int64
	typ, duration                                                       int
	uuid, hostID, hostEmail, topic, status, startTime, timezone, agenda string
	createdAt, startURL, joinURL, registrationURL, password             string
	trackingFields                                                      []client.TrackingField
	occurrences                                                         []client.Occurrence
	recurrence                                                          *client.Recurrence
	settings                                                            any
}

// FromAPI maps a Zoom meeting onto c (see EventCommon.fromEvent for how prior values are kept).
// pstn_password is in no response schema: when Zoom leaves it out, the prior value is kept while the passcode it
// derives from is unchanged (null otherwise).
func (c *MeetingCommon) FromAPI(ctx context.Context, m *client.Meeting) diag.Diagnostics {
	samePasscode := !c.Password.IsNull() && !c.Password.IsUnknown() && c.Password.ValueString() == m.Password
	diags := c.fromEvent(ctx, MeetingKind, event{
		id: m.ID, typ: m.Type, duration: m.Duration, uuid: m.UUID, hostID: m.HostID, hostEmail: m.HostEmail,
		topic: m.Topic, status: m.Status, startTime: m.StartTime, timezone: m.Timezone, agenda: m.Agenda,
		createdAt: m.CreatedAt, startURL: m.StartURL, joinURL: m.JoinURL, registrationURL: m.RegistrationURL,
		password: m.Password, trackingFields: m.TrackingFields, occurrences: m.Occurrences, recurrence: m.Recurrence,
		settings: m.Settings,
	})
	c.PreSchedule = types.BoolValue(m.PreSchedule)
	c.H323Password = types.StringValue(m.H323Password)
	c.PSTNPassword = reported(m.PSTNPassword, c.PSTNPassword, samePasscode)
	c.EncryptedPassword = types.StringValue(m.EncryptedPassword)
	return diags
}

// FromAPI maps a Zoom webinar onto c.
func (c *WebinarCommon) FromAPI(ctx context.Context, w *client.Webinar) diag.Diagnostics {
	return c.fromEvent(ctx, WebinarKind, event{
		id: w.ID, typ: w.Type, duration: w.Duration, uuid: w.UUID, hostID: w.HostID, hostEmail: w.HostEmail,
		topic: w.Topic, status: w.Status, startTime: w.StartTime, timezone: w.Timezone, agenda: w.Agenda,
		createdAt: w.CreatedAt, startURL: w.StartURL, joinURL: w.JoinURL, registrationURL: w.RegistrationURL,
		password: w.Password, trackingFields: w.TrackingFields, occurrences: w.Occurrences, recurrence: w.Recurrence,
		settings: w.Settings,
	})
}

// fromEvent maps a Zoom meeting or webinar onto c. The values already in c are the prior ones (state, or the plan
// after an apply): a start time Zoom reports as the same instant keeps its prior spelling, a meeting Zoom reports
// as type 4 (held on the PMI) keeps the prior type, and settings keep the prior spelling of e-mails.
func (c *EventCommon) fromEvent(ctx context.Context, k EventKind, m event) diag.Diagnostics {
	var diags diag.Diagnostics
	c.ID = types.StringValue(strconv.FormatInt(m.id, 10))
	c.Topic = types.StringValue(m.topic)
	typeName := k.TypeName(m.typ)
	if m.typ == client.MeetingTypePMI && k.Noun == "meeting" && !c.Type.IsNull() && !c.Type.IsUnknown() {
		typeName = c.Type.ValueString()
	}
	c.Type = types.StringValue(typeName)
	if m.timezone != "" {
		c.Timezone = types.StringValue(m.timezone)
	} else if c.Timezone.IsUnknown() {
		c.Timezone = types.StringNull()
	}
	c.StartTime = c.startTimeFromAPI(typeName, m)
	c.Duration = types.Int64Value(int64(m.duration))
	c.Agenda = optional(m.agenda)
	c.Password = types.StringValue(m.password)

	if len(m.trackingFields) == 0 && (c.TrackingFields.IsNull() || c.TrackingFields.IsUnknown()) {
		c.TrackingFields = types.ListNull(types.ObjectType{AttrTypes: TrackingFieldAttrTypes})
	} else {
		elems := make([]attr.Value, 0, len(m.trackingFields))
		for _, f := range m.trackingFields {
			elems = append(elems, types.ObjectValueMust(TrackingFieldAttrTypes, map[string]attr.Value{
				"field": types.StringValue(f.Field), "value": types.StringValue(f.Value),
			}))
		}
		c.TrackingFields = types.ListValueMust(types.ObjectType{AttrTypes: TrackingFieldAttrTypes}, elems)
	}

	if typeName == TypeRecurringFixedTime {
		rec, d := RecurrenceFromAPI(ctx, m.recurrence, c.Recurrence, m.timezone)
		diags.Append(d...)
		c.Recurrence = rec
	} else {
		c.Recurrence = types.ObjectNull(RecurrenceAttrTypes)
	}
	settings, d := FromAPI(k.Settings, m.settings, c.Settings)
	diags.Append(d...)
	c.Settings = settings

	c.UUID = types.StringValue(m.uuid)
	c.HostID = types.StringValue(m.hostID)
	c.HostEmail = types.StringValue(m.hostEmail)
	c.Status = types.StringValue(m.status)
	c.CreatedAt = types.StringValue(m.createdAt)
	c.JoinURL = types.StringValue(m.joinURL)
	c.StartURL = keepStartURL(c.StartURL, m.startURL)
	c.RegistrationURL = reported(m.registrationURL, c.RegistrationURL, registrationOn(c.Settings))
	c.Occurrences = OccurrencesFromAPI(m.occurrences)
	return diags
}

// startTimeFromAPI keeps the prior spelling of the same instant. A recurring event with a fixed time whose first
// occurrences have passed may be reported with the next occurrence's start: the prior start is then kept too.
func (c *EventCommon) startTimeFromAPI(typeName string, m event) zoomtime.TimeValue {
	priorKnown := !c.StartTime.IsNull() && !c.StartTime.IsUnknown()
	if typeName == TypeRecurringNoFixedTime && !priorKnown {
		return zoomtime.NewTimeNull()
	}
	if m.startTime == "" {
		if priorKnown && typeName != TypeRecurringNoFixedTime {
			return c.StartTime
		}
		return zoomtime.NewTimeNull()
	}
	kept := zoomtime.KeepTime(c.StartTime, m.timezone, m.startTime)
	if kept.ValueString() != m.startTime || typeName != TypeRecurringFixedTime || !priorKnown {
		return kept
	}
	prior, err := zoomtime.ParseTime(c.StartTime.ValueString())
	if err != nil {
		return kept
	}
	priorAt, ok := prior.In(m.timezone)
	api, err := time.Parse(time.RFC3339, m.startTime)
	if !ok || err != nil || len(m.occurrences) == 0 || m.occurrences[0].StartTime != m.startTime || !priorAt.Before(api) {
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

func optional(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
