package resources

import (
	"testing"

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
