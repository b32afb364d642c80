package client

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	// maxBackoff caps one computed backoff wait.
	maxBackoff = 30 * time.Second
	// maxRetryAfterWait is the longest Retry-After the client sleeps on; a
	// longer one fails the operation with APIError.RetryAt instead.
	maxRetryAfterWait = 2 * time.Minute
)

// backoff returns the wait before retry number n (1-based): base·2^(n-1),
// capped at maxBackoff, with "equal jitter" (half fixed, half random) so that
// parallel operations do not retry in lockstep.
func (c *Client) backoff(n int, base time.Duration) time.Duration {
	d := base
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	if d > maxBackoff {
		d = maxBackoff
	}
	half := d / 2
	return half + c.env.jitter(d-half)
}

// parseRetryAfter parses a Retry-After value in any of the forms seen:
// delay seconds ("120"), an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT") or
// an ISO-8601/RFC 3339 timestamp ("2020-05-31T00:00:00Z", as on Zoom's daily
// limits). It returns the absolute time to retry at.
func parseRetryAfter(v string, now time.Time) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || secs > 366*24*3600 {
			return time.Time{}, false
		}
		return now.Add(time.Duration(secs * float64(time.Second))), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05",
	} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// decision429 is what to do about a 429.
type decision429 struct {
	daily      bool          // a daily quota: never retry, never sleep
	retryAt    time.Time     // for daily: when it resets
	concurrent bool          // "Too many concurrent requests": a per-resource conflict
	hasWait    bool          // the server said how long to wait
	wait       time.Duration // that wait
}

// classify429 implements docs/development/zoom-api.md#telling-429s-apart:
//  1. X-RateLimit-Type: QPS → short backoff (Retry-After honoured if given);
//  2. X-RateLimit-Type: Daily-limit → fail with the reset time;
//  3. no type and "daily rate limit" in the message → per-user/registrant
//     daily limit, resets at 00:00 UTC;
//  4. "Too many concurrent requests" → retry after a short delay;
//  5. anything else → like QPS.
func classify429(e *APIError, h http.Header, now time.Time) decision429 {
	if t, ok := e.dailyLimit(); ok {
		return decision429{daily: true, retryAt: t}
	}
	var d decision429
	if t, ok := parseRetryAfter(h.Get("Retry-After"), now); ok {
		d.hasWait = true
		d.wait = max(t.Sub(now), 0)
	} else if m := reAfterSecs.FindStringSubmatch(e.Message); m != nil {
		// In-meeting controls: "You can resume these API requests after 5 seconds."
		if n, err := strconv.Atoi(m[1]); err == nil {
			d.hasWait = true
			d.wait = time.Duration(n) * time.Second
		}
	}
	d.concurrent = reConcurrent.MatchString(e.Message)
	return d
}
