package zoomtime

import (
	"context"
	"testing"
)

func TestParseTimeAndWireTime(t *testing.T) {
	cases := []struct {
		in, wire string
		ok       bool
	}{
		{"2026-12-01T09:30:00Z", "2026-12-01T09:30:00Z", true},
		{"2026-12-01T10:30:00+01:00", "2026-12-01T09:30:00Z", true},
		{"2026-12-01T04:30:00-05:00", "2026-12-01T09:30:00Z", true},
		{"2026-12-01T10:30:00", "2026-12-01T10:30:00", true},
		{"2026-12-01T10:30", "", false},
		{"2026-12-01T10:30:00.123Z", "", false},
		{"2026-13-01T10:30:00Z", "", false},
		{"tomorrow", "", false},
	}
	for _, c := range cases {
		got, err := WireTime(c.in)
		if (err == nil) != c.ok || got != c.wire {
			t.Errorf("WireTime(%q) = %q, %v; want %q ok=%v", c.in, got, err, c.wire, c.ok)
		}
	}
}

func TestSameInstant(t *testing.T) {
	cases := []struct {
		prior, tz, api string
		want           bool
	}{
		{"2026-12-01T10:30:00", "Europe/Berlin", "2026-12-01T09:30:00Z", true},
		{"2026-07-01T10:30:00", "Europe/Berlin", "2026-07-01T08:30:00Z", true}, // summer time
		{"2026-12-01T10:30:00", "America/New_York", "2026-12-01T09:30:00Z", false},
		{"2026-12-01T10:30:00+01:00", "", "2026-12-01T09:30:00Z", true},
		{"2026-12-01T09:30:00Z", "Asia/Tokyo", "2026-12-01T09:30:00Z", true},
		{"2026-12-01T10:30:00", "", "2026-12-01T10:30:00Z", false}, // a local time needs a zone
		{"2026-12-01T10:30:00", "Not/AZone", "2026-12-01T10:30:00Z", false},
		{"garbage", "UTC", "2026-12-01T10:30:00Z", false},
	}
	for _, c := range cases {
		if got := SameInstant(c.prior, c.tz, c.api); got != c.want {
			t.Errorf("SameInstant(%q, %q, %q) = %v", c.prior, c.tz, c.api, got)
		}
	}
	if v := KeepTime(NewTimeValue("2026-12-01T10:30:00"), "Europe/Berlin", "2026-12-01T09:30:00Z"); v.ValueString() != "2026-12-01T10:30:00" {
		t.Errorf("KeepTime kept %q", v.ValueString())
	}
	if v := KeepTime(NewTimeValue("2026-12-01T10:30:00"), "Europe/Berlin", "2026-12-01T11:30:00Z"); v.ValueString() != "2026-12-01T11:30:00Z" {
		t.Errorf("KeepTime after a move = %q", v.ValueString())
	}
	if v := KeepTime(NewTimeNull(), "UTC", ""); !v.IsNull() {
		t.Errorf("KeepTime of nothing = %v", v)
	}
}

func TestTimeSemanticEquality(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		a, b string
		want bool
	}{
		{"2026-12-01T09:30:00Z", "2026-12-01T10:30:00+01:00", true},
		{"2026-12-01T09:30:00Z", "2026-12-01T09:31:00Z", false},
		{"2026-12-01T10:30:00", "2026-12-01T10:30:00", true},
		{"2026-12-01T10:30:00", "2026-12-01T10:30:00Z", false},
	}
	for _, c := range cases {
		got, diags := NewTimeValue(c.a).StringSemanticEquals(ctx, NewTimeValue(c.b))
		if diags.HasError() || got != c.want {
			t.Errorf("%s ~ %s = %v (%v)", c.a, c.b, got, diags)
		}
	}
}
