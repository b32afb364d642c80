package client

import "testing"

func TestParseMeetingID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64 // 0: rejected
	}{
		{"85746065432", 85746065432},
		{"1", 1},
		{"9223372036854775807", 9223372036854775807},
		{"9223372036854775808", 0}, // beyond int64
		{"", 0},
		{"0", 0},
		{"0123", 0}, // a leading zero: not how Zoom writes an ID
		{" 123", 0}, // blanks are the caller's to trim
		{"123 ", 0},
		{"+123", 0},
		{"-123", 0},
		{"12a", 0},
		{"1_000", 0},
		{"１２３", 0}, // full-width digits
	} {
		got, err := ParseMeetingID(tc.in)
		if got != tc.want || (err == nil) != (tc.want != 0) {
			t.Errorf("ParseMeetingID(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}
