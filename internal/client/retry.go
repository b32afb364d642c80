package client

import (
	"errors"
	"fmt"
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

// outcome is what one attempt of an operation ended with, as the retry
// decision sees it. Exactly one of tokenErr, transportErr, decodeErr and
// apiErr is set.
type outcome struct {
	method   string
	path     string // sanitized, for logs
	category Category
	// tokenErr: no access token could be obtained; nothing was sent.
	tokenErr error
	// transportErr: no complete answer arrived; wrote tells whether the
	// request had reached the connection.
	transportErr error
	wrote        bool
	timedOut     bool // the per-attempt timeout fired
	attemptNo    int  // 1-based number of this attempt
	// decodeErr: a 2xx answer whose body could not be read.
	decodeErr *DecodeError
	// apiErr: an error status; header is the answer's header.
	apiErr *APIError
	header http.Header
}

// retryState is what one operation has spent so far.
type retryState struct {
	retries     int           // retries after errors, bounded by maxRetries
	rateRetries int           // waits after HTTP 429 (for the backoff), not bounded by maxRetries
	rateWaited  time.Duration // time spent waiting out HTTP 429, bounded by rateWait
	reauthed    bool          // a rejected token was replaced once
}

// retryDecision is what to do after a failed attempt.
type retryDecision struct {
	// retry: send the request again after wait; otherwise fail with err.
	retry bool
	wait  time.Duration
	err   error
	// reauth: the token was rejected; fetch a new one and retry at once
	// (not counted as a retry).
	reauth bool
	// pause holds the rate-limit category back for wait (a QPS 429), so that
	// parallel operations wait too.
	pause bool
	// daily: a daily rate limit was reached.
	daily bool
	// waitingFor completes "canceled while ..." when the context ends during the wait.
	waitingFor string
	// logMsg and logFields are logged as a warning (as a debug message on reauth), when logMsg is set.
	logMsg    string
	logFields map[string]any
}

// decideRetry is the client's one retry policy. It decides, from the outcome
// of an attempt and what the operation has spent so far, whether to retry and
// how long to wait first, updating s:
//
//   - no token (transient OAuth failure): backoff, counts against maxRetries;
//   - transport error: retried with backoff when the error is retryable and the
//     request is idempotent or was not written (a POST on the wire may have
//     been processed: MaybeProcessed, never retried);
//   - unreadable 2xx answer: retried with backoff unless POST (MaybeProcessed);
//   - rejected token (code 124 on 401/400): one new token, then retry at once;
//     with a static token, an error saying so;
//   - HTTP 429: a daily limit or a Retry-After beyond maxRetryAfterWait fails
//     with RetryAt; otherwise Retry-After (or backoff from 1s, 6s for the
//     Resource-intensive category) is waited, within the rateWait budget, not
//     counted against maxRetries;
//   - 5xx: retried with backoff (a longer Retry-After up to maxRetryAfterWait
//     is honoured) unless POST (MaybeProcessed);
//   - any other error status: not retried.
func (c *Client) decideRetry(o *outcome, s *retryState) retryDecision {
	errorRetry := func(base time.Duration) time.Duration {
		s.retries++
		return c.backoff(s.retries, base)
	}
	switch {
	case o.tokenErr != nil:
		var ae *AuthError
		if !errors.As(o.tokenErr, &ae) || !ae.transient() || s.retries >= c.maxRetries {
			return retryDecision{err: o.tokenErr}
		}
		wait := errorRetry(500 * time.Millisecond)
		return retryDecision{retry: true, wait: wait, waitingFor: "waiting to retry the token request",
			logMsg:    "zoom: token request failed, retrying",
			logFields: map[string]any{"error": o.tokenErr.Error(), "wait": wait.String(), "retry": s.retries}}

	case o.transportErr != nil:
		reqErr := &RequestError{Method: o.method, Path: o.path, Err: o.transportErr, Timeout: o.timedOut, Attempts: o.attemptNo}
		if o.method == http.MethodPost && o.wrote {
			reqErr.MaybeProcessed = true
			return retryDecision{err: reqErr}
		}
		if s.retries >= c.maxRetries || !retryableTransportError(o.transportErr) {
			return retryDecision{err: reqErr}
		}
		wait := errorRetry(500 * time.Millisecond)
		return retryDecision{retry: true, wait: wait, waitingFor: fmt.Sprintf("waiting to retry after %v", o.transportErr),
			logMsg: "zoom: request failed, retrying",
			logFields: map[string]any{
				"method": o.method, "path": o.path, "error": o.transportErr.Error(), "wait": wait.String(), "retry": s.retries,
			}}

	case o.decodeErr != nil:
		de := o.decodeErr
		if o.method == http.MethodPost {
			// Zoom carried the request out; only its answer is unreadable.
			de.MaybeProcessed = true
			return retryDecision{err: de}
		}
		// GET, PUT, PATCH and DELETE are idempotent: an answer cut short or garbled is retried like a 5xx.
		if s.retries >= c.maxRetries {
			return retryDecision{err: de}
		}
		wait := errorRetry(500 * time.Millisecond)
		return retryDecision{retry: true, wait: wait, waitingFor: "waiting to retry after an unreadable answer",
			logMsg: "zoom: unreadable answer, retrying",
			logFields: map[string]any{
				"method": o.method, "path": o.path, "status": de.HTTPStatus, "error": de.Err.Error(), "wait": wait.String(), "retry": s.retries,
			}}
	}

	apiErr := o.apiErr
	status := apiErr.HTTPStatus
	now := c.env.now()
	switch {
	case (status == http.StatusUnauthorized || status == http.StatusBadRequest) && apiErr.Code == 124:
		// Expired or revoked token: Zoom did not process the request. Zoom answers 401; the users operation
		// documents 400 for the same code.
		if !c.tokens.refreshable() {
			return retryDecision{err: fmt.Errorf("the configured Zoom access token was rejected (expired or invalid); a static access token cannot be refreshed: supply a new one, or configure the Server-to-Server OAuth account ID, client ID and client secret instead: %w", apiErr)}
		}
		if s.reauthed {
			return retryDecision{err: apiErr}
		}
		s.reauthed = true
		return retryDecision{retry: true, reauth: true,
			logMsg:    "zoom: access token rejected (code 124), fetching a new one and retrying once",
			logFields: map[string]any{"method": o.method, "path": o.path}}

	case status == http.StatusTooManyRequests:
		d := classify429(apiErr, o.header, now)
		if d.daily {
			apiErr.RetryAt = d.retryAt
			return retryDecision{err: apiErr, daily: true,
				logMsg: "zoom: daily rate limit reached, not retrying",
				logFields: map[string]any{
					"method": o.method, "path": o.path, "category": apiErr.RateLimitCategory, "retry_at": d.retryAt.Format(time.RFC3339),
				}}
		}
		if d.hasWait && d.wait > maxRetryAfterWait {
			apiErr.RetryAt = now.Add(d.wait)
			return retryDecision{err: apiErr,
				logMsg:    "zoom: rate limited with a long Retry-After, not waiting",
				logFields: map[string]any{"method": o.method, "path": o.path, "retry_after": d.wait.String()}}
		}
		s.rateRetries++
		wait := d.wait
		if !d.hasWait {
			base := time.Second
			if o.category == CategoryResourceIntensive {
				base = 6 * time.Second
			}
			wait = c.backoff(s.rateRetries, base)
		}
		if s.rateWaited+wait > c.rateWait {
			apiErr.RetryAt = now.Add(wait)
			return retryDecision{err: apiErr,
				logMsg: "zoom: still rate limited after waiting the longest allowed, giving up",
				logFields: map[string]any{
					"method": o.method, "path": o.path, "waited": s.rateWaited.String(), "limit": c.rateWait.String(),
				}}
		}
		s.rateWaited += wait
		return retryDecision{retry: true, wait: wait, pause: !d.concurrent,
			waitingFor: fmt.Sprintf("waiting %v after HTTP 429", wait),
			logMsg:     "zoom: rate limited (HTTP 429), retrying",
			logFields: map[string]any{
				"method": o.method, "path": o.path, "category": o.category, "rate_limit_type": apiErr.RateLimitType,
				"message": apiErr.Message, "wait": wait.String(), "retry": s.rateRetries,
			}}

	case status >= 500:
		if o.method == http.MethodPost {
			apiErr.MaybeProcessed = true
			return retryDecision{err: apiErr}
		}
		if s.retries >= c.maxRetries {
			return retryDecision{err: apiErr}
		}
		wait := errorRetry(500 * time.Millisecond)
		if ra, ok := parseRetryAfter(o.header.Get("Retry-After"), now); ok {
			if w := ra.Sub(now); w > wait && w <= maxRetryAfterWait {
				wait = w
			}
		}
		return retryDecision{retry: true, wait: wait, waitingFor: fmt.Sprintf("waiting %v after HTTP %d", wait, status),
			logMsg: "zoom: server error, retrying",
			logFields: map[string]any{
				"method": o.method, "path": o.path, "status": status, "wait": wait.String(), "retry": s.retries,
			}}
	}
	return retryDecision{err: apiErr}
}
