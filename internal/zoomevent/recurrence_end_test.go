package zoomevent

import (
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

// Zoom may report recurrence.end_date_time moved to the end of that day: the prior value is kept then, and only
// then.
func TestKeepEndDate(t *testing.T) {
	for _, c := range []struct {
		prior, tz, api string
		keep           bool
	}{
		{"2030-01-10T11:00:00+01:00", "Europe/Berlin", "2030-01-10T10:00:00Z", true}, // same instant
		{"2030-01-10T11:00:00+01:00", "Europe/Berlin", "2030-01-10T22:59:00Z", true}, // end of the Berlin day
		{"2030-01-10T10:00:00Z", "Europe/Berlin", "2030-01-10T23:59:59Z", true},      // end of the UTC day
		{"2030-01-10T10:00:00Z", "", "2030-01-10T23:59:00Z", true},                   // no zone: the UTC day
		{"2030-01-10T10:00:00Z", "Europe/Berlin", "2030-01-11T22:59:00Z", false},     // a later day: drift
		{"2030-01-10T10:00:00Z", "Europe/Berlin", "2030-01-10T09:00:00Z", false},     // earlier: drift
		{"2030-01-10T10:00:00", "America/New_York", "2030-01-11T04:59:00Z", true},    // local prior, end of its day
		{"2030-01-10T10:00:00", "America/New_York", "2030-01-11T05:00:00Z", false},   // the next New York day
	} {
		got := keepEndDate(zoomtime.NewTimeValue(c.prior), c.tz, c.api)
		if kept := got.ValueString() == c.prior; kept != c.keep {
			t.Errorf("keepEndDate(%s, %q, %s) = %s, want kept=%v", c.prior, c.tz, c.api, got.ValueString(), c.keep)
		}
	}
	if got := keepEndDate(zoomtime.NewTimeNull(), "UTC", "2030-01-10T23:59:00Z"); got.ValueString() != "2030-01-10T23:59:00Z" {
		t.Errorf("no prior: got %s", got.ValueString())
	}
}
