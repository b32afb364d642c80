package sandbox_test

import (
	"net/http"
	"strconv"
	"testing"
)

// TestMeetingOnPMI: a meeting created with settings.use_pmi takes the host's PMI as its number (two such
// meetings share it), and DELETE answers 3018 as meetingDelete documents.
func TestMeetingOnPMI(t *testing.T) {
	e := newEnv(t, nil)
	me := e.call(http.MethodGet, "/v2/users/me", nil).json(t)
	pmi := numberString(me["pmi"])
	a := e.createMeeting("me", map[string]any{"start_time": "2031-01-01T10:00:00Z", "settings": map[string]any{"use_pmi": true}})
	b := e.createMeeting("me", map[string]any{"start_time": "2031-01-02T10:00:00Z", "settings": map[string]any{"use_pmi": true}})
	if mid(a) != pmi || mid(b) != pmi {
		t.Fatalf("use_pmi meetings got ids %s and %s, want the host's PMI %s", mid(a), mid(b), pmi)
	}
	other := e.createMeeting("me", map[string]any{"start_time": "2031-01-03T10:00:00Z"})
	if mid(other) == pmi {
		t.Fatalf("a meeting without use_pmi got the PMI")
	}
	e.call(http.MethodDelete, "/v2/meetings/"+pmi, nil).wantError(t, 400, 3018, "Not allowed to delete PMI.")
	e.getMeeting(pmi)
	e.call(http.MethodDelete, "/v2/meetings/"+mid(other), nil).wantStatus(t, 204)
}

func numberString(v any) string {
	switch n := v.(type) {
	case float64:
		return strconv.FormatInt(int64(n), 10)
	case string:
		return n
	}
	return ""
}
