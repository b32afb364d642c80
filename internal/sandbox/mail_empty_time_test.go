package sandbox_test

import (
	"net/http"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// mail_empty_time "refuse" answers "" in any time field with 400 code 400; "clear" (default) removes the time.
func TestMailEmptyTimeKnob(t *testing.T) {
	const owner = "owner@sandbox.zoom.test"
	set := `{"enableAutoReply":true,"responseSubject":"Away","startTime":"1704268800000","endTime":"1705046399000"}`
	for _, body := range []string{`{"enableAutoReply":false,"startTime":""}`, `{"enableAutoReply":false,"endTimeISO":""}`} {
		e := newEnv(t, func(p *sandbox.Profile) { p.MailEmptyTime = sandbox.MailEmptyTimeRefuse })
		e.putVacation(owner, set).wantStatus(t, http.StatusOK)
		e.putVacation(owner, body).wantError(t, http.StatusBadRequest, 400, "Invalid Argument.")
		if v := e.vacation(owner); v["startTime"] != "1704268800000" || v["endTime"] != "1705046399000" {
			t.Errorf("refused PUT changed the setting: %v", v)
		}
	}
	e := newEnv(t, nil)
	e.putVacation(owner, set).wantStatus(t, http.StatusOK)
	e.putVacation(owner, `{"enableAutoReply":false,"startTime":"","endTime":""}`).wantStatus(t, http.StatusOK)
	if v := e.vacation(owner); v["startTime"] != nil || v["endTime"] != nil {
		t.Errorf("times not cleared: %v", v)
	}
}
