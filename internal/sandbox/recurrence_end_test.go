package sandbox_test

import (
	"net/http"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// recurrence_end_date_time "end_of_day" moves recurrence.end_date_time to the last minute of its calendar day in
// the meeting's time zone; "exact" (default) keeps it. The occurrences are the same either way.
func TestRecurrenceEndDateTimeKnob(t *testing.T) {
	for mode, want := range map[string]string{
		sandbox.RecurrenceEndExact:    "2030-01-10T09:00:00Z",
		sandbox.RecurrenceEndEndOfDay: "2030-01-10T22:59:00Z", // 23:59 in Berlin (UTC+1 in January)
	} {
		e := newEnv(t, func(p *sandbox.Profile) { p.RecurrenceEndDateTime = mode })
		e.setNow(t0)
		rec := map[string]any{"type": 1, "end_date_time": "2030-01-10T09:00:00Z"}
		body := map[string]any{"type": 8, "start_time": "2030-01-08T10:00:00", "timezone": "Europe/Berlin", "recurrence": rec}
		m := e.createMeeting("me", body)
		w := e.createWebinar("me", map[string]any{"type": 9, "start_time": "2030-01-08T10:00:00", "timezone": "Europe/Berlin", "recurrence": rec})
		for what, got := range map[string]map[string]any{"meeting": e.getMeeting(mid(m)), "webinar": e.getWebinar(mid(w))} {
			if end := got["recurrence"].(map[string]any)["end_date_time"]; end != want {
				t.Errorf("%s, %s: end_date_time = %v, want %s", mode, what, end, want)
			}
			if n := len(got["occurrences"].([]any)); n != 3 {
				t.Errorf("%s, %s: %d occurrences, want 3", mode, what, n)
			}
		}
		e.patchMeeting(mid(m), map[string]any{"recurrence": map[string]any{"type": 1, "end_date_time": "2030-01-12T09:00:00Z"}}).wantStatus(t, http.StatusNoContent)
		if end := e.getMeeting(mid(m))["recurrence"].(map[string]any)["end_date_time"]; mode == sandbox.RecurrenceEndEndOfDay && end != "2030-01-12T22:59:00Z" {
			t.Errorf("after PATCH: end_date_time = %v", end)
		}
	}
}
