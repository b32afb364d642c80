package zoomevent

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

func settingsObject(t *testing.T, vals map[string]attr.Value) types.Object {
	t.Helper()
	all := map[string]attr.Value{}
	for _, s := range meetingSettings {
		all[s.Name] = nullOf(s)
	}
	for k, v := range vals {
		all[k] = v
	}
	obj, diags := types.ObjectValue(AttrTypes(meetingSettings), all)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return obj
}

func TestSettingsFromAPIAndRequest(t *testing.T) {
	api := &client.MeetingSettings{
		WaitingRoom: client.Ptr(true), JBHTime: client.Ptr(5), Audio: client.Ptr("voip"),
		AlternativeHosts: client.Ptr("a@example.com;B@Example.com"),
	}
	prior := settingsObject(t, map[string]attr.Value{
		"alternative_hosts": types.SetValueMust(types.StringType, []attr.Value{types.StringValue("b@example.com")}),
		"host_video":        types.BoolValue(true),
	})
	got := settingsFromAPI(meetingSettings, api, prior)
	a := got.Attributes()
	if !a["waiting_room"].Equal(types.BoolValue(true)) || !a["jbh_time"].Equal(types.Int64Value(5)) || !a["audio"].Equal(types.StringValue("voip")) {
		t.Fatalf("decoded = %v", a)
	}
	// Zoom's case of an address the configuration spelled differently is not a change.
	wantHosts := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("a@example.com"), types.StringValue("b@example.com")})
	if !a["alternative_hosts"].Equal(wantHosts) {
		t.Fatalf("alternative_hosts = %v", a["alternative_hosts"])
	}
	// A key Zoom did not return keeps the prior value.
	if !a["host_video"].Equal(types.BoolValue(true)) || !a["focus_mode"].IsNull() {
		t.Fatalf("absent keys = %v, %v", a["host_video"], a["focus_mode"])
	}

	// Only configured settings that changed are sent.
	config := settingsObject(t, map[string]attr.Value{
		"waiting_room": types.BoolValue(false), "jbh_time": types.Int64Value(5),
		"alternative_hosts": types.SetValueMust(types.StringType, []attr.Value{types.StringValue("z@example.com"), types.StringValue("a@example.com")}),
	})
	plan := config
	var out client.MeetingSettings
	if !settingsRequest(meetingSettings, config, plan, got, &out) {
		t.Fatal("settingsRequest sent nothing")
	}
	if out.WaitingRoom == nil || *out.WaitingRoom || out.JBHTime != nil || out.Audio != nil ||
		out.AlternativeHosts == nil || *out.AlternativeHosts != "a@example.com;z@example.com" {
		t.Fatalf("request = %+v", out)
	}
	// On create (no state) every configured setting is sent; nothing configured sends nothing.
	out = client.MeetingSettings{}
	if has := settingsRequest(meetingSettings, config, plan, types.ObjectNull(AttrTypes(meetingSettings)), &out); !has || out.JBHTime == nil {
		t.Fatalf("create request = %+v", out)
	}
	if settingsRequest(meetingSettings, types.ObjectNull(AttrTypes(meetingSettings)), plan, got, &out) {
		t.Fatal("an unconfigured settings block sent something")
	}
}

func TestReconcileSettings(t *testing.T) {
	config := settingsObject(t, map[string]attr.Value{"waiting_room": types.BoolValue(true), "join_before_host": types.BoolValue(true)})
	plan := settingsObject(t, map[string]attr.Value{"waiting_room": types.BoolValue(true), "join_before_host": types.BoolValue(true), "mute_upon_entry": types.BoolValue(false)})
	got := settingsObject(t, map[string]attr.Value{"waiting_room": types.BoolValue(true), "join_before_host": types.BoolValue(false), "mute_upon_entry": types.BoolValue(true)})
	var diags diag.Diagnostics
	out := reconcileSettings(meetingSettings, path.Root("settings"), config, plan, got, &diags)
	if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != "Zoom did not apply a setting" {
		t.Fatalf("diags = %v", diags)
	}
	a := out.Attributes()
	// The configured setting Zoom refused keeps Zoom's value; the unconfigured one keeps the plan's.
	if !a["join_before_host"].Equal(types.BoolValue(false)) || !a["mute_upon_entry"].Equal(types.BoolValue(false)) {
		t.Fatalf("reconciled = %v", a)
	}
}

func TestRecurrenceRoundTrip(t *testing.T) {
	ctx := context.Background()
	mk := func(vals map[string]attr.Value) types.Object {
		all := map[string]attr.Value{
			"type": types.StringNull(), "repeat_interval": types.Int64Null(), "weekly_days": types.SetNull(types.Int64Type),
			"monthly_day": types.Int64Null(), "monthly_week": types.Int64Null(), "monthly_week_day": types.Int64Null(),
			"end_times": types.Int64Null(), "end_date_time": zoomtime.NewTimeNull(),
		}
		for k, v := range vals {
			all[k] = v
		}
		return types.ObjectValueMust(RecurrenceAttrTypes, all)
	}
	weekly := mk(map[string]attr.Value{
		"type": types.StringValue("weekly"), "repeat_interval": types.Int64Value(1), "end_times": types.Int64Value(6),
		"weekly_days": types.SetValueMust(types.Int64Type, []attr.Value{types.Int64Value(4), types.Int64Value(2)}),
	})
	api, diags := RecurrenceToAPI(ctx, weekly)
	if diags.HasError() || api.Type != 2 || api.WeeklyDays != "2,4" || *api.EndTimes != 6 || api.MonthlyDay != nil {
		t.Fatalf("to API = %+v, %v", api, diags)
	}
	back, diags := RecurrenceFromAPI(ctx, api, weekly, "UTC")
	if diags.HasError() || !back.Equal(weekly) {
		t.Fatalf("round trip = %v, %v", back, diags)
	}

	// Zoom may report a default monthly_day next to monthly_week and both ends: the prior choice wins.
	byWeek := mk(map[string]attr.Value{
		"type": types.StringValue("monthly"), "repeat_interval": types.Int64Value(1),
		"monthly_week": types.Int64Value(-1), "monthly_week_day": types.Int64Value(6),
		"end_date_time": zoomtime.NewTimeValue("2027-06-30T23:00:00+02:00"),
	})
	zoom := &client.Recurrence{Type: 3, RepeatInterval: client.Ptr(1), MonthlyDay: client.Ptr(1), MonthlyWeek: client.Ptr(-1),
		MonthlyWeekDay: client.Ptr(6), EndTimes: client.Ptr(8), EndDateTime: "2027-06-30T21:00:00Z"}
	back, diags = RecurrenceFromAPI(ctx, zoom, byWeek, "Europe/Berlin")
	if diags.HasError() || !back.Equal(byWeek) {
		t.Fatalf("monthly = %v, %v", back, diags)
	}
	// Without a prior object (import) Zoom's values are taken as they come.
	back, _ = RecurrenceFromAPI(ctx, zoom, types.ObjectNull(RecurrenceAttrTypes), "Europe/Berlin")
	if a := back.Attributes(); !a["end_date_time"].Equal(zoomtime.NewTimeValue("2027-06-30T21:00:00Z")) || !a["monthly_week"].Equal(types.Int64Value(-1)) {
		t.Fatalf("import = %v", a)
	}
}

func TestValidateRecurrence(t *testing.T) {
	ctx := context.Background()
	obj := types.ObjectValueMust(RecurrenceAttrTypes, map[string]attr.Value{
		"type": types.StringValue("daily"), "repeat_interval": types.Int64Value(91), "weekly_days": types.SetNull(types.Int64Type),
		"monthly_day": types.Int64Value(3), "monthly_week": types.Int64Null(), "monthly_week_day": types.Int64Null(),
		"end_times": types.Int64Null(), "end_date_time": zoomtime.NewTimeNull(),
	})
	var diags diag.Diagnostics
	ValidateRecurrence(ctx, obj, path.Root("recurrence"), &diags)
	if diags.ErrorsCount() != 3 {
		t.Fatalf("want 3 errors (interval, monthly_day on daily, no end), got %v", diags)
	}
}

func TestMeetingEnd(t *testing.T) {
	c := EventCommon{Type: types.StringValue(TypeScheduled), StartTime: zoomtime.NewTimeValue("2026-12-01T10:00:00"),
		Timezone: types.StringValue("Europe/Berlin"), Duration: types.Int64Value(90)}
	end, ok := c.End()
	if !ok || end.Format("15:04") != "10:30" {
		t.Fatalf("end = %v, %v", end, ok)
	}
	c = EventCommon{Type: types.StringValue(TypeRecurringFixedTime), Occurrences: OccurrencesFromAPI([]client.Occurrence{
		{OccurrenceID: "1", StartTime: "2026-12-01T09:00:00Z", Duration: 60},
		{OccurrenceID: "2", StartTime: "2026-12-08T09:00:00Z", Duration: 30},
	})}
	end, ok = c.End()
	if !ok || end.Format("2006-01-02T15:04") != "2026-12-08T09:30" {
		t.Fatalf("recurring end = %v, %v", end, ok)
	}
	c = EventCommon{Type: types.StringValue(TypeRecurringNoFixedTime)}
	if _, ok := c.End(); ok {
		t.Fatal("a meeting with no fixed time has an end")
	}
}

func TestStartTimeOfRecurringMeetingFollowingNextOccurrence(t *testing.T) {
	c := EventCommon{StartTime: zoomtime.NewTimeValue("2026-12-01T10:00:00"), Type: types.StringValue(TypeRecurringFixedTime),
		Timezone: types.StringValue("Europe/Berlin"), Settings: types.ObjectNull(AttrTypes(meetingSettings)),
		Recurrence: types.ObjectNull(RecurrenceAttrTypes), TrackingFields: types.ListNull(types.ObjectType{AttrTypes: TrackingFieldAttrTypes})}
	m := &client.Meeting{Event: client.Event{ID: 85746065432, Type: 8, Timezone: "Europe/Berlin", StartTime: "2026-12-08T09:00:00Z",
		Occurrences: []client.Occurrence{{OccurrenceID: "x", StartTime: "2026-12-08T09:00:00Z", Duration: 60}},
		Recurrence:  &client.Recurrence{Type: 2, WeeklyDays: "3", EndTimes: client.Ptr(4)}}}
	mc := MeetingCommon{EventCommon: c}
	if diags := mc.FromAPI(context.Background(), m); diags.HasError() {
		t.Fatal(diags)
	}
	if mc.StartTime.ValueString() != "2026-12-01T10:00:00" {
		t.Fatalf("start_time moved to %q", mc.StartTime.ValueString())
	}
	// A start that moved to a time that is not the next occurrence is drift.
	m.StartTime = "2026-12-01T12:00:00Z"
	if mc.FromAPI(context.Background(), m); mc.StartTime.ValueString() != "2026-12-01T12:00:00Z" {
		t.Fatalf("drift hidden: %q", mc.StartTime.ValueString())
	}
}

func webinarSettingsObject(t *testing.T, vals map[string]attr.Value) types.Object {
	t.Helper()
	all := map[string]attr.Value{}
	for _, s := range webinarSettings {
		all[s.Name] = nullOf(s)
	}
	for k, v := range vals {
		all[k] = v
	}
	obj, diags := types.ObjectValue(AttrTypes(webinarSettings), all)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return obj
}

func qa(t *testing.T, vals map[string]attr.Value) types.Object {
	t.Helper()
	var fields []Setting
	for _, s := range webinarSettings {
		if s.Name == "question_and_answer" {
			fields = s.Fields
		}
	}
	all := map[string]attr.Value{}
	for _, s := range fields {
		all[s.Name] = nullOf(s)
	}
	for k, v := range vals {
		all[k] = v
	}
	return types.ObjectValueMust(AttrTypes(fields), all)
}

func TestNestedAndUpdateOnlySettings(t *testing.T) {
	api := &client.WebinarSettings{
		QuestionAndAnswer:            &client.QuestionAndAnswer{Enable: client.Ptr(true), AnswerQuestions: client.Ptr("all"), AttendeesCanUpvote: client.Ptr(false)},
		RegistrantsConfirmationEmail: client.Ptr(true),
	}
	got := settingsFromAPI(webinarSettings, api, types.ObjectNull(AttrTypes(webinarSettings)))
	q := got.Attributes()["question_and_answer"].(types.Object).Attributes()
	if !q["enable"].Equal(types.BoolValue(true)) || !q["answer_questions"].Equal(types.StringValue("all")) || !q["attendees_can_comment"].IsNull() {
		t.Fatalf("nested = %v", q)
	}

	// A configured nested key that changed sends every known key of the object.
	config := webinarSettingsObject(t, map[string]attr.Value{
		"question_and_answer":            qa(t, map[string]attr.Value{"enable": types.BoolValue(false)}),
		"registrants_confirmation_email": types.BoolValue(false),
	})
	plan := webinarSettingsObject(t, map[string]attr.Value{
		"question_and_answer": qa(t, map[string]attr.Value{"enable": types.BoolValue(false), "answer_questions": types.StringValue("all"),
			"attendees_can_upvote": types.BoolValue(false)}),
		"registrants_confirmation_email": types.BoolValue(false),
	})
	var out client.WebinarSettings
	has := settingsRequest(webinarSettings, config, plan, got, &out)
	if !has || out.QuestionAndAnswer == nil || *out.QuestionAndAnswer.Enable || *out.QuestionAndAnswer.AnswerQuestions != "all" ||
		out.RegistrantsConfirmationEmail == nil {
		t.Fatalf("update request = %+v", out)
	}
	// On create the update-only key is left out, and updateOnlyRequest carries it alone.
	out = client.WebinarSettings{}
	if has := settingsRequest(webinarSettings, config, plan, types.ObjectNull(AttrTypes(webinarSettings)), &out); !has || out.RegistrantsConfirmationEmail != nil {
		t.Fatalf("create request = %+v", out)
	}
	out = client.WebinarSettings{}
	if has := updateOnlyRequest(webinarSettings, config, plan, &out); !has || out.RegistrantsConfirmationEmail == nil || out.QuestionAndAnswer != nil {
		t.Fatalf("update-only request = %+v", out)
	}

	// Reconcile reaches into nested objects: a configured key Zoom refused is an error naming its path.
	refused := webinarSettingsObject(t, map[string]attr.Value{
		"question_and_answer":            qa(t, map[string]attr.Value{"enable": types.BoolValue(true), "answer_questions": types.StringValue("all"), "attendees_can_upvote": types.BoolValue(false)}),
		"registrants_confirmation_email": types.BoolValue(false),
	})
	var d diag.Diagnostics
	reconcileSettings(webinarSettings, path.Root("settings"), config, plan, refused, &d)
	if d.ErrorsCount() != 1 || !d.Errors()[0].(diag.DiagnosticWithPath).Path().Equal(path.Root("settings").AtName("question_and_answer").AtName("enable")) {
		t.Fatalf("diags = %v", d)
	}
}

// TestSettingAccessorsMatchShapes checks that every setting's accessor reaches a client field of its shape, so
// that the table and the client structs cannot drift apart unnoticed.
func TestSettingAccessorsMatchShapes(t *testing.T) {
	var check func(at string, list []Setting, owner any)
	check = func(at string, list []Setting, owner any) {
		for _, s := range list {
			name := at + s.Name
			if s.Shape == ShapeObject {
				if s.object == nil {
					t.Errorf("%s: no object accessor", name)
					continue
				}
				check(name+".", s.Fields, s.object(owner, true))
				continue
			}
			if s.field == nil {
				t.Errorf("%s: no field accessor", name)
				continue
			}
			ok := false
			switch s.field(owner).(type) {
			case **bool:
				ok = s.Shape == ShapeBool
			case **int:
				ok = s.Shape == ShapeInt
			case **string:
				ok = s.Shape == ShapeString || s.Shape == ShapeEmailSet
			}
			if !ok {
				t.Errorf("%s: accessor %T does not fit shape %v", name, s.field(owner), s.Shape)
			}
		}
	}
	check("meeting.", Meeting.Settings, new(client.MeetingSettings))
	check("webinar.", Webinar.Settings, new(client.WebinarSettings))
}
