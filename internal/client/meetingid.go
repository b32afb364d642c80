package client

import (
	"errors"
	"strconv"
)

// ParseMeetingID parses a meeting or webinar ID (the number in the join link, the {meetingId} and {webinarId} of
// the API's paths). Zoom's specs make it a positive 64-bit integer (int64, often more than 10 digits), which Zoom
// always writes in plain decimal. So the only form accepted is that one: digits only, the first not 0, at most
// the int64 maximum. No sign, no spaces, no leading zeros: " 123" or "0123" would name meeting 123 but differ from
// the ID Zoom reports, and a configuration holding them would never match the state. Callers that take user input
// with surrounding blanks (an import ID) trim it first.
func ParseMeetingID(s string) (int64, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	for i, r := range s {
		if r < '0' || r > '9' {
			return 0, errors.New("not a plain decimal number (digits only, no sign or spaces)")
		}
		if i == 0 && r == '0' {
			return 0, errors.New("starts with 0 (Zoom's IDs are positive and have no leading zeros)")
		}
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, errors.New("too large for a Zoom ID (a 64-bit integer)")
	}
	return id, nil
}
