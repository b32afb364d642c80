package resources

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// TestNeedsReadBack: a meeting answer lacking any field only meetingGet documents needs the GET; one carrying
// them all (or an adopted meeting's GET answer) does not.
func TestNeedsReadBack(t *testing.T) {
	full := client.Meeting{Event: client.Event{UUID: "u", HostID: "h", Status: "waiting", Password: "p"}, EncryptedPassword: "e"}
	if needsReadBack(&full) {
		t.Errorf("an answer with every field needs no read-back")
	}
	noPasscode := full
	noPasscode.Password, noPasscode.EncryptedPassword = "", ""
	if needsReadBack(&noPasscode) {
		t.Errorf("a meeting without a passcode has no encrypted passcode to read")
	}
	for name, drop := range map[string]func(*client.Meeting){
		"uuid":               func(m *client.Meeting) { m.UUID = "" },
		"host_id":            func(m *client.Meeting) { m.HostID = "" },
		"status":             func(m *client.Meeting) { m.Status = "" },
		"encrypted_password": func(m *client.Meeting) { m.EncryptedPassword = "" },
	} {
		m := full
		drop(&m)
		if !needsReadBack(&m) {
			t.Errorf("an answer without %s needs the read-back", name)
		}
	}
}

// meetingPlanRequest is a ModifyPlan request whose plan and state are the same existing meeting (every attribute
// null but id, settings as given) and whose configuration is the same but for configSettings.
func meetingPlanRequest(t *testing.T, settings, configSettings map[string]any) (resource.ModifyPlanRequest, *resource.ModifyPlanResponse) {
	t.Helper()
	return eventPlanRequest(t, &meetingResource{}, settings, configSettings)
}

// eventPlanRequest is meetingPlanRequest for any event resource (zoom_meeting, zoom_webinar).
func eventPlanRequest(t *testing.T, r resource.Resource, settings, configSettings map[string]any) (resource.ModifyPlanRequest, *resource.ModifyPlanResponse) {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	object := func(settings map[string]any) tftypes.Value {
		vals := map[string]tftypes.Value{}
		for name, at := range typ.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
		}
		vals["id"] = tftypes.NewValue(tftypes.String, "85746065432")
		if settings != nil {
			st := typ.AttributeTypes["settings"].(tftypes.Object)
			sv := map[string]tftypes.Value{}
			for name, at := range st.AttributeTypes {
				sv[name] = tftypes.NewValue(at, settings[name])
			}
			vals["settings"] = tftypes.NewValue(st, sv)
		}
		return tftypes.NewValue(typ, vals)
	}
	raw := object(settings)
	req := resource.ModifyPlanRequest{
		Plan:   tfsdk.Plan{Schema: sr.Schema, Raw: raw},
		State:  tfsdk.State{Schema: sr.Schema, Raw: raw},
		Config: tfsdk.Config{Schema: sr.Schema, Raw: object(configSettings)},
	}
	return req, &resource.ModifyPlanResponse{Plan: req.Plan}
}

// TestMeetingModifyPlanUnchanged: the plan of an unchanged meeting is left as it is without decoding plan,
// configuration and state into models (hundreds of allocations, not thousands), except where Zoom's waiting room rule
// still moves join_before_host, which the full path plans as before.
func TestMeetingModifyPlanUnchanged(t *testing.T) {
	ctx := context.Background()
	r := &meetingResource{}
	for name, settings := range map[string]map[string]any{
		"no settings":          nil,
		"no waiting room":      {"host_video": true},
		"waiting room, no JBH": {"waiting_room": true, "join_before_host": false},
	} {
		req, resp := meetingPlanRequest(t, settings, settings)
		r.ModifyPlan(ctx, req, resp)
		if resp.Diagnostics.HasError() || !resp.Plan.Raw.Equal(req.State.Raw) {
			t.Errorf("%s: plan changed or diagnostics: %v", name, resp.Diagnostics)
		}
		allocs := testing.AllocsPerRun(10, func() { r.ModifyPlan(ctx, req, resp) })
		if allocs > 1000 { // the full path: about 4,500
			t.Errorf("%s: ModifyPlan of an unchanged meeting made %.0f allocations, want the fast path's few hundred", name, allocs)
		}
	}

	// Waiting room on, join_before_host on in state and not configured: Zoom turns it off, the plan says so.
	req, resp := meetingPlanRequest(t, map[string]any{"waiting_room": true, "join_before_host": true}, map[string]any{"waiting_room": true})
	r.ModifyPlan(ctx, req, resp)
	var jbh types.Bool
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("settings").AtName("join_before_host"), &jbh)...)
	if resp.Diagnostics.HasError() || jbh.IsNull() || jbh.ValueBool() {
		t.Errorf("join_before_host planned %v (%v), want false", jbh, resp.Diagnostics)
	}
}

// TestWebinarModifyPlanUnchanged: as for meetings, the plan of an unchanged webinar is left as it is without
// decoding plan, configuration and state into models (Terraform plans every unchanged webinar on every run, and
// every webinar in the normal plan that terraform destroy makes before its destroy plan).
func TestWebinarModifyPlanUnchanged(t *testing.T) {
	ctx := context.Background()
	r := &webinarResource{}
	for name, settings := range map[string]map[string]any{
		"no settings":   nil,
		"some settings": {"host_video": true, "approval_type": int64(2)},
	} {
		req, resp := eventPlanRequest(t, r, settings, settings)
		r.ModifyPlan(ctx, req, resp)
		if resp.Diagnostics.HasError() || !resp.Plan.Raw.Equal(req.State.Raw) {
			t.Errorf("%s: plan changed or diagnostics: %v", name, resp.Diagnostics)
		}
		allocs := testing.AllocsPerRun(10, func() { r.ModifyPlan(ctx, req, resp) })
		if allocs > 1000 { // the full path: about 4,000
			t.Errorf("%s: ModifyPlan of an unchanged webinar made %.0f allocations, want the fast path's few hundred", name, allocs)
		}
	}
}
