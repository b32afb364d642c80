package validators

import (
	"strings"
	"testing"
)

func TestCheckUserPassword(t *testing.T) {
	ok := []string{"Zx9-kQ2m-Lp7", "Abcdefg1", strings.Repeat("aB3", 10)}
	bad := map[string]string{
		"Sh0rt":                   "8 to 32",
		strings.Repeat("aB3", 11): "8 to 32",
		"alllowercase1":           "upper-case",
		"ALLUPPERCASE1":           "upper-case",
		"NoDigitsHere":            "digits",
		"Xabcdefgh1":              "run of 8",
		"x87654321Y":              "run of 8",
	}
	for _, p := range ok {
		if err := CheckUserPassword(p); err != nil {
			t.Errorf("%q rejected: %v", p, err)
		}
	}
	for p, want := range bad {
		err := CheckUserPassword(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error mentioning %q", p, err, want)
		}
		if err != nil && strings.Contains(err.Error(), p) {
			t.Errorf("the error for %q repeats the password", p)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	for _, e := range []string{"ada@example.com", "tf-acc-x1@sub.example.org"} {
		if err := CheckEmail(e); err != nil {
			t.Errorf("%q rejected: %v", e, err)
		}
	}
	for _, e := range []string{"", "ada", "Ada <ada@example.com>", "ada@localhost", strings.Repeat("a", 120) + "@example.com"} {
		if CheckEmail(e) == nil {
			t.Errorf("%q accepted", e)
		}
	}
}

func TestCheckTimeZoneAndURL(t *testing.T) {
	if CheckTimeZone("Europe/Berlin") != nil || CheckTimeZone("UTC") != nil {
		t.Error("valid time zones rejected")
	}
	for _, z := range []string{"", "Local", "Mars/Olympus", "+02:00"} {
		if CheckTimeZone(z) == nil {
			t.Errorf("%q accepted", z)
		}
	}
	if CheckHTTPURL("https://api.zoom.us/v2") != nil || CheckHTTPURL("http://127.0.0.1:8787/v2") != nil {
		t.Error("valid URLs rejected")
	}
	for _, u := range []string{"api.zoom.us/v2", "ftp://x", "https://"} {
		if CheckHTTPURL(u) == nil {
			t.Errorf("%q accepted", u)
		}
	}
}

// Zoom accepts only the IDs of its time-zone list: other IANA names are refused with the nearest listed zone.
func TestCheckTimeZoneZoomList(t *testing.T) {
	for _, z := range []string{"Europe/Kiev", "Asia/Calcutta", "Asia/Kolkata", "America/Indianapolis", "SST", "CET", "UTC"} {
		if err := CheckTimeZone(z); err != nil {
			t.Errorf("%q is in Zoom's list but rejected: %v", z, err)
		}
	}
	for z, want := range map[string]string{
		"Europe/Kyiv":   `use "Europe/Kiev"`,
		"US/Eastern":    `use "America/New_York"`,
		"Etc/GMT+5":     `"America/Panama"`,
		"europe/berlin": `use "Europe/Berlin"`,
		"GMT":           `"UTC"`,
		"Mars/Olympus":  `developers.zoom.us`,
	} {
		err := CheckTimeZone(z)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error containing %s", z, err, want)
		}
	}
}

func TestMeetingID(t *testing.T) {
	v := MeetingID("webinar").(stringCheck)
	if err := v.check("85746065432"); err != nil {
		t.Errorf("a webinar ID rejected: %v", err)
	}
	for _, s := range []string{"0123", " 123", "+1", "abc", ""} {
		if err := v.check(s); err == nil || !strings.Contains(err.Error(), "must be a webinar ID") {
			t.Errorf("%q: got %v, want an error naming the webinar ID", s, err)
		}
	}
}
