package sandbox_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"
)

// Zoom takes only the zones of its list in a timezone field (meetingCreate, meetingUpdate, webinarCreate,
// webinarUpdate, userUpdate). No operation documents a specific error for another zone, so the sandbox answers
// the generic validation error (400 code 300) naming the field, by default.
func TestTimezoneOutsideZoomListRefused(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	start := t0.Add(48 * 3600e9).Format("2006-01-02T15:04:05Z")
	meeting := e.createMeeting("me", map[string]any{"type": 2, "start_time": start, "timezone": "Europe/Kiev"})
	webinar := e.createWebinar("me", map[string]any{"type": 5, "start_time": start, "timezone": "Asia/Calcutta"})
	if meeting["timezone"] != "Europe/Kiev" || webinar["timezone"] != "Asia/Calcutta" {
		t.Fatalf("listed zones not kept: %v, %v", meeting["timezone"], webinar["timezone"])
	}
	mid, wid := fmt.Sprintf("%.0f", meeting["id"]), fmt.Sprintf("%.0f", webinar["id"])
	for _, z := range []string{"Europe/Kyiv", "US/Eastern", "Etc/GMT+5", "GMT", "Mars/Olympus"} {
		body := map[string]any{"type": 2, "start_time": start, "timezone": z}
		e.call(http.MethodPost, "/v2/users/me/meetings", body).wantField(t, "timezone")
		e.patchMeeting(mid, map[string]any{"timezone": z}).wantField(t, "timezone")
		body["type"] = 5
		e.call(http.MethodPost, "/v2/users/me/webinars", body).wantField(t, "timezone")
		e.patchWebinar(wid, map[string]any{"timezone": z}).wantField(t, "timezone")
		e.call(http.MethodPatch, "/v2/users/me", map[string]any{"timezone": z}).wantField(t, "timezone")
	}
	if got := e.getMeeting(mid)["timezone"]; got != "Europe/Kiev" {
		t.Errorf("meeting timezone = %v after refused updates", got)
	}
	// SST is in Zoom's list although Go's time-zone database does not know it.
	e.patchMeeting(mid, map[string]any{"timezone": "SST"}).wantStatus(t, http.StatusNoContent)
	e.call(http.MethodPatch, "/v2/users/me", map[string]any{"timezone": "SST"}).wantStatus(t, http.StatusNoContent)
	if got := e.call(http.MethodGet, "/v2/users/me", nil).json(t)["timezone"]; got != "SST" {
		t.Errorf("user timezone = %v, want SST", got)
	}
}

// With unlisted_timezone = "substitute" the sandbox stores a listed zone with the same UTC offset instead.
func TestTimezoneOutsideZoomListSubstituted(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.UnlistedTimezone = sandbox.UnlistedTimezoneSubstitute })
	e.setNow(t0)
	start := t0.Add(48 * 3600e9).Format("2006-01-02T15:04:05Z")
	m := e.createMeeting("me", map[string]any{"type": 2, "start_time": start, "timezone": "Europe/Kyiv"})
	w := e.createWebinar("me", map[string]any{"type": 5, "start_time": start, "timezone": "US/Eastern"})
	e.call(http.MethodPatch, "/v2/users/me", map[string]any{"timezone": "Etc/GMT+5"}).wantStatus(t, http.StatusNoContent)
	u := e.call(http.MethodGet, "/v2/users/me", nil).json(t)
	for what, got := range map[string]any{"meeting": m["timezone"], "webinar": w["timezone"], "user": u["timezone"]} {
		if s, _ := got.(string); !zoomtz.Supported(s) {
			t.Errorf("%s timezone %v is not in Zoom's list", what, got)
		}
	}
	if m["start_time"] != start {
		t.Errorf("start_time moved: %v", m["start_time"])
	}
	// A name that is no zone at all is still refused.
	e.call(http.MethodPost, "/v2/users/me/meetings", map[string]any{"type": 2, "start_time": start, "timezone": "Mars/Olympus"}).wantField(t, "timezone")
}

func TestProfileTimezoneKnobs(t *testing.T) {
	p := sandbox.DefaultProfile()
	p.UnlistedTimezone = "ignore"
	if p.Validate() == nil {
		t.Error("unknown unlisted_timezone accepted")
	}
	p = sandbox.DefaultProfile()
	p.DefaultTimezone = "Europe/Kyiv"
	if p.Validate() == nil {
		t.Error("default_timezone outside Zoom's list accepted")
	}
}
