package sandbox_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestTrackingFieldCRUD(t *testing.T) {
	e := newEnv(t, nil)
	r := e.call(http.MethodPost, "/v2/tracking_fields", map[string]any{
		"field": "Cost centre", "required": false, "visible": false, "recommended_values": []string{"b", "a"}})
	r.wantStatus(t, http.StatusCreated)
	got := r.json(t)
	id, _ := got["id"].(string)
	if id == "" || got["field"] != "Cost centre" || got["visible"] != false || got["required"] != false ||
		fmt.Sprint(got["recommended_values"]) != "[b a]" {
		t.Fatalf("create answer: %v", got)
	}
	// Defaults of what a create leaves out; a field label is needed.
	d := e.call(http.MethodPost, "/v2/tracking_fields", map[string]any{"field": "Project"}).json(t)
	if d["visible"] != true || d["required"] != false || fmt.Sprint(d["recommended_values"]) != "[]" {
		t.Fatalf("defaults: %v", d)
	}
	e.call(http.MethodPost, "/v2/tracking_fields", map[string]any{"visible": true}).wantField(t, "field")
	e.call(http.MethodPost, "/v2/tracking_fields", map[string]any{"field": " "}).wantField(t, "field")
	e.call(http.MethodPost, "/v2/tracking_fields", map[string]any{"field": "x", "recommended_values": "a"}).
		wantField(t, "recommended_values")

	// PATCH changes only what it is given.
	e.call(http.MethodPatch, "/v2/tracking_fields/"+id, map[string]any{"required": true}).wantStatus(t, http.StatusNoContent)
	g := e.call(http.MethodGet, "/v2/tracking_fields/"+id, nil).json(t)
	if g["required"] != true || g["field"] != "Cost centre" || fmt.Sprint(g["recommended_values"]) != "[b a]" {
		t.Fatalf("after PATCH: %v", g)
	}
	e.call(http.MethodPatch, "/v2/tracking_fields/"+id, map[string]any{"field": ""}).wantField(t, "field")

	l := e.call(http.MethodGet, "/v2/tracking_fields", nil).json(t)
	if l["total_records"] != float64(2) || len(l["tracking_fields"].([]any)) != 2 {
		t.Fatalf("list: %v", l)
	}

	e.call(http.MethodDelete, "/v2/tracking_fields/"+id, nil).wantStatus(t, http.StatusNoContent)
	// The documented 404 carries no Zoom code (the spec gives none).
	for _, m := range []string{http.MethodGet, http.MethodPatch, http.MethodDelete} {
		r := e.call(m, "/v2/tracking_fields/"+id, map[string]any{"visible": true})
		r.wantStatus(t, http.StatusNotFound)
		if strings.Contains(string(r.body), `"code"`) {
			t.Fatalf("%s: 404 body has a code: %s", m, r.body)
		}
	}
}

func TestTrackingFieldRequiredOnEvents(t *testing.T) {
	for _, knob := range []string{sandbox.TrackingRequiredRefuse, sandbox.TrackingRequiredIgnore} {
		t.Run(knob, func(t *testing.T) {
			e := newEnv(t, func(p *sandbox.Profile) { p.TrackingFieldRequired = knob })
			e.call(http.MethodPost, "/v2/tracking_fields", map[string]any{"field": "Cost centre", "required": true,
				"visible": false}).wantStatus(t, http.StatusCreated)
			refused := func(r response) {
				t.Helper()
				if knob == sandbox.TrackingRequiredIgnore {
					if r.status >= 300 {
						t.Fatalf("ignore: status %d %s", r.status, r.body)
					}
					return
				}
				r.wantError(t, http.StatusBadRequest, 300, "Validation Failed.")
				if !strings.Contains(string(r.body), `"field":"tracking_fields"`) || !strings.Contains(string(r.body), `Cost centre`) {
					t.Fatalf("the refusal does not name the field: %s", r.body)
				}
			}
			start := e.s.Now().Add(48 * time.Hour).UTC().Format("2006-01-02T15:04:05Z")
			base := map[string]any{"topic": "t", "type": 2, "start_time": start, "duration": 30}
			refused(e.call(http.MethodPost, "/v2/users/me/meetings", base))
			refused(e.call(http.MethodPost, "/v2/users/me/webinars", map[string]any{"topic": "t", "type": 5, "start_time": start}))
			with := map[string]any{"topic": "t", "type": 2, "start_time": start, "duration": 30,
				"tracking_fields": []map[string]any{{"field": "Cost centre", "value": "42"}}}
			m := e.call(http.MethodPost, "/v2/users/me/meetings", with)
			m.wantStatus(t, http.StatusCreated)
			mid := fmt.Sprint(int64(m.json(t)["id"].(float64)))
			with["type"] = 5
			w := e.call(http.MethodPost, "/v2/users/me/webinars", with)
			w.wantStatus(t, http.StatusCreated)
			wid := fmt.Sprint(int64(w.json(t)["id"].(float64)))

			// Meetings report the field's visibility from the account's definition; webinars report none.
			if got := fmt.Sprint(e.call(http.MethodGet, "/v2/meetings/"+mid, nil).json(t)["tracking_fields"]); got != "[map[field:Cost centre value:42 visible:false]]" {
				t.Fatalf("meeting tracking_fields = %s", got)
			}
			if got := fmt.Sprint(e.call(http.MethodGet, "/v2/webinars/"+wid, nil).json(t)["tracking_fields"]); got != "[map[field:Cost centre value:42]]" {
				t.Fatalf("webinar tracking_fields = %s", got)
			}
			// An update that empties the list (or the value) is refused; one that leaves it alone is not.
			refused(e.call(http.MethodPatch, "/v2/meetings/"+mid, map[string]any{"tracking_fields": []any{}}))
			refused(e.call(http.MethodPatch, "/v2/webinars/"+wid, map[string]any{"tracking_fields": []map[string]any{{"field": "Cost centre", "value": ""}}}))
			e.call(http.MethodPatch, "/v2/meetings/"+mid, map[string]any{"topic": "u"}).wantStatus(t, http.StatusNoContent)
		})
	}
}
