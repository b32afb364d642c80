package zoomtz

import (
	"strings"
	"testing"
	"time"
)

// A fixed reference instant keeps the "today" of the suggestions stable: northern winter.
var jan = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func TestListShape(t *testing.T) {
	if len(IDs) != 135 {
		t.Errorf("the list has %d IDs, want the 135 of Zoom's table", len(IDs))
	}
	for _, id := range []string{"Europe/Kiev", "Asia/Kolkata", "Asia/Calcutta", "UTC", "Etc/Greenwich", "CET", "SST", "Pacific/Apia"} {
		if !Supported(id) {
			t.Errorf("%s is in Zoom's list but not supported", id)
		}
	}
	for _, id := range []string{"Europe/Kyiv", "US/Eastern", "Etc/GMT+5", "GMT", "europe/berlin", "", "Local"} {
		if Supported(id) {
			t.Errorf("%q is not in Zoom's list but supported", id)
		}
	}
	// Every listed ID but SST (not an IANA name) resolves in the embedded database.
	if n := len(candidates()); n != len(IDs)-1 {
		t.Errorf("%d listed IDs resolve, want %d", n, len(IDs)-1)
	}
}

func TestNearest(t *testing.T) {
	for _, c := range []struct {
		name, want string
		match      Match
	}{
		{"Europe/Kyiv", "Europe/Kiev", SameZone},
		{"US/Eastern", "America/New_York", SameZone},
		{"Asia/Ho_Chi_Minh", "Asia/Saigon", SameZone},
		{"America/Nuuk", "America/Godthab", SameZone},
		{"europe/berlin", "Europe/Berlin", SameSpelling},
		{"Etc/GMT+5", "America/Panama", SameRules},
		{"Europe/Kaliningrad", "Africa/Harare", SameRules},
		{"America/Toronto", "America/Montreal", SameZone},
		{"Asia/Colombo", "Asia/Calcutta", SameRules},
		{"Australia/Eucla", "Asia/Yakutsk", ClosestOffset},
	} {
		s, ok := Nearest(c.name, jan)
		if !ok || s.ID != c.want || s.Match != c.match {
			t.Errorf("Nearest(%q) = %+v, %v; want %s (match %d)", c.name, s, ok, c.want, c.match)
		}
		if ok && !Supported(s.ID) {
			t.Errorf("Nearest(%q) suggests %s, which Zoom does not list", c.name, s.ID)
		}
	}
	for _, name := range []string{"Europe/Berlin", "Mars/Olympus", "", "Local", "+02:00"} {
		if s, ok := Nearest(name, jan); ok {
			t.Errorf("Nearest(%q) = %+v, want none", name, s)
		}
	}
}

func TestSuggest(t *testing.T) {
	for name, want := range map[string]string{
		"Europe/Kyiv":  `use "Europe/Kiev", the same zone under the name Zoom lists.`,
		"Etc/GMT+5":    `the nearest zone Zoom accepts is "America/Panama", which keeps the same UTC offset (UTC-05:00 today)`,
		"Mars/Olympus": ListURL,
	} {
		if got := Suggest(name, jan); !strings.Contains(got, want) {
			t.Errorf("Suggest(%q) = %q, want it to contain %q", name, got, want)
		}
	}
}
