// Package validators holds the plan-time checks shared by the provider, its resources and its data sources, for
// the limits and formats that the Zoom API documents (see docs/development/zoom-api.md).
package validators

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"
)

// stringCheck adapts a function that inspects one known string into a validator.String.
type stringCheck struct {
	desc  string
	check func(string) error
}

func (v stringCheck) Description(context.Context) string         { return v.desc }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.desc }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value for "+req.Path.String(), err.Error())
	}
}

// NotBlank refuses an empty value and one made only of blanks: an optional attribute is left out, not given "".
func NotBlank() validator.String {
	return stringCheck{desc: "must not be empty or blank", check: func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("the value must not be empty or blank: give a value, or leave an optional attribute out")
		}
		return nil
	}}
}

// MeetingID accepts a meeting or webinar ID (noun says which) in the one form client.ParseMeetingID takes: a
// positive decimal integer without sign, blanks or leading zeros.
func MeetingID(noun string) validator.String {
	return stringCheck{desc: "must be a " + noun + " ID (a number)", check: func(s string) error {
		if _, err := client.ParseMeetingID(s); err != nil {
			return fmt.Errorf("%q must be a %s ID (a number such as 85746065432): %v", s, noun, err)
		}
		return nil
	}}
}

// HTTPURL accepts absolute http or https URLs.
func HTTPURL() validator.String {
	return stringCheck{desc: "must be an absolute http(s) URL", check: CheckHTTPURL}
}

// CheckHTTPURL reports why s is not an absolute http or https URL, or nil.
func CheckHTTPURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("must be an absolute http:// or https:// URL, got %q", s)
	}
	return nil
}

// Duration accepts Go duration strings between min and max.
func Duration(minimum, maximum time.Duration) validator.String {
	return stringCheck{
		desc: fmt.Sprintf("must be a duration such as 30s, between %s and %s", minimum, maximum),
		check: func(s string) error {
			d, err := time.ParseDuration(s)
			if err != nil {
				return fmt.Errorf("%q is not a duration such as 30s or 2m", s)
			}
			if d < minimum || d > maximum {
				return fmt.Errorf("%s is outside the allowed range %s to %s", d, minimum, maximum)
			}
			return nil
		},
	}
}

// Email accepts a single plain e-mail address (no display name) of at most 128 characters, Zoom's limit.
func Email() validator.String {
	return stringCheck{desc: "must be an e-mail address of at most 128 characters", check: CheckEmail}
}

// CheckEmail reports why s is not a plain e-mail address that Zoom accepts, or nil.
func CheckEmail(s string) error {
	if len(s) > 128 {
		return fmt.Errorf("%q is %d characters long; Zoom allows at most 128", s, len(s))
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return fmt.Errorf("%q is not a plain e-mail address such as jane@example.com", s)
	}
	return nil
}

// TimeZone accepts the time-zone IDs of Zoom's published list (package zoomtz), the only ones Zoom's API takes in
// a timezone field; for any other name the error names the nearest listed zone.
func TimeZone() validator.String {
	return stringCheck{desc: "must be one of the time-zone IDs Zoom lists, such as Europe/Berlin", check: CheckTimeZone}
}

// CheckTimeZone reports why Zoom would not accept s as a time zone, naming the nearest zone it lists, or nil.
func CheckTimeZone(s string) error {
	if zoomtz.Supported(s) {
		return nil
	}
	if _, ok := zoomtz.Nearest(s, time.Now()); !ok {
		return fmt.Errorf("%q is not an IANA time-zone name; %s", s, zoomtz.Suggest(s, time.Now()))
	}
	return fmt.Errorf("Zoom accepts only the time zones of its list (%s), and %q is not one of them; %s",
		zoomtz.ListURL, s, zoomtz.Suggest(s, time.Now()))
}

// UserPassword enforces the rules Zoom documents for a user's initial password (POST /users, autoCreate):
// 8 to 32 characters, letters and digits, upper and lower case, not one repeated character, and no run of eight
// consecutive characters such as 12345678 or abcdefgh.
func UserPassword() validator.String {
	return stringCheck{
		desc:  "8-32 characters with upper- and lower-case letters and digits, not one repeated character, no run such as 12345678",
		check: CheckUserPassword,
	}
}

// CheckUserPassword reports which of Zoom's password rules s breaks, or nil. The message never contains s.
func CheckUserPassword(s string) error {
	n := len([]rune(s))
	var upper, lower, digit bool
	for _, r := range s {
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
		digit = digit || unicode.IsDigit(r)
	}
	switch {
	case n < 8 || n > 32:
		return fmt.Errorf("the password is %d characters long; Zoom requires 8 to 32", n)
	case !upper || !lower || !digit:
		return fmt.Errorf("the password must contain upper-case letters, lower-case letters and digits")
	case strings.Count(s, s[:1]) == len(s):
		return fmt.Errorf("the password must not be one repeated character")
	case hasSequentialRun(s, 8):
		return fmt.Errorf("the password must not contain a run of 8 consecutive characters such as 12345678")
	}
	return nil
}

func hasSequentialRun(s string, length int) bool {
	rs := []rune(s)
	up, down := 1, 1
	for i := 1; i < len(rs); i++ {
		up, down = 1+up*b2i(rs[i] == rs[i-1]+1), 1+down*b2i(rs[i] == rs[i-1]-1)
		if up >= length || down >= length {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// IsOneOf reports whether s is one of the allowed values.
func IsOneOf(s string, allowed []string) bool { return slices.Contains(allowed, s) }
