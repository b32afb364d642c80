package client

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
)

// Transport security: which URLs may carry credentials, which redirects are
// followed, and how much of a response is read.

const (
	// maxSuccessBody bounds how much of a successful API response is read.
	// The largest legitimate answers are list pages: a users page holds up to
	// 2,000 users (well under 1 KiB each, 2 KiB with every text field at its
	// maximum length: about 4 MiB), a meetings or webinars page up to 300
	// items, and even with full settings and 50 occurrences a meeting is under
	// 10 KiB (about 3 MiB a page). 32 MiB leaves room for fields Zoom may add
	// while keeping a broken or hostile endpoint from growing one request's
	// buffer without bound.
	maxSuccessBody = 32 << 20
	// maxErrorBody bounds how much of an error response is read. Zoom's error
	// bodies are a few hundred bytes, a proxy's HTML page a few KiB, and only
	// the first 2 KiB end up in an error.
	maxErrorBody = 64 << 10
	// maxTokenBody bounds the token endpoint's answer, success or error (an
	// access token response is a few KiB).
	maxTokenBody = 64 << 10
	// maxRedirects is how many same-origin redirects one request follows.
	maxRedirects = 10
)

// ResponseTooLargeError is returned when a response body is longer than the
// client is willing to read. The request is not retried.
type ResponseTooLargeError struct {
	// HTTPStatus is the status of the oversized response.
	HTTPStatus int
	// Limit is the number of bytes the client reads at most.
	Limit int64
}

// Error implements error.
func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("the response body after HTTP %d is larger than %s, more than any Zoom answer; "+
		"stopped reading it (check that the URL points at the Zoom API)", e.HTTPStatus, byteSize(e.Limit))
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// readBounded reads r to the end, but no more than limit bytes: a longer body
// returns its first limit bytes and a *ResponseTooLargeError (HTTPStatus
// unset).
func readBounded(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], &ResponseTooLargeError{Limit: limit}
	}
	return data, err
}

// boundedTransport makes every response body fail with a
// *ResponseTooLargeError once more than limit bytes were read from it. It
// wraps the token endpoint's transport, whose body the oauth2 package reads.
// The last such error is kept so that the token cache can report it (oauth2
// flattens the read error into text).
type boundedTransport struct {
	base     http.RoundTripper
	limit    int64
	exceeded atomic.Pointer[ResponseTooLargeError]
}

func (t *boundedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil || resp.Body == nil {
		return resp, err
	}
	resp.Body = &boundedBody{rc: resp.Body, left: t.limit, status: resp.StatusCode, t: t}
	return resp, nil
}

type boundedBody struct {
	rc     io.ReadCloser
	left   int64
	status int
	t      *boundedTransport
}

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, b.fail()
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return n - 1, b.fail()
	}
	return n, err
}

func (b *boundedBody) fail() error {
	e := &ResponseTooLargeError{HTTPStatus: b.status, Limit: b.t.limit}
	b.t.exceeded.Store(e)
	return e
}

func (b *boundedBody) Close() error { return b.rc.Close() }

// RedirectError is a redirect the client refused to follow: every request
// carries credentials (the bearer token, or the client ID and secret of the
// token request), and they go only to the configured scheme and host.
type RedirectError struct {
	// HTTPStatus is the status of the redirect (301, 302, 303, 307, 308).
	HTTPStatus int
	// From and To are the scheme and host of the request and of the
	// redirect's target (paths and queries are left out: they may hold
	// secrets).
	From, To string
}

// Error implements error.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("refused to follow the HTTP %d redirect from %s to %s: the request carries credentials, "+
		"which are sent only to the configured host and never from https to http; set the URL to the final "+
		"https address instead", e.HTTPStatus, e.From, e.To)
}

// sameOriginRedirects returns a CheckRedirect function that follows a
// redirect only to the scheme, host and port of the original request, so
// that the Authorization header (which net/http keeps for the same host
// name, even on another port or from https to http) never reaches anyone
// else. next, when not nil, is then consulted too.
func sameOriginRedirects(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		orig := via[0].URL
		if origin(req.URL) != origin(orig) {
			status := 0
			if req.Response != nil {
				status = req.Response.StatusCode
			}
			return &RedirectError{HTTPStatus: status, From: displayOrigin(orig), To: displayOrigin(req.URL)}
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		return nil
	}
}

// origin is scheme://host:port in canonical form.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		switch scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return scheme + "://" + net.JoinHostPort(strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), port)
}

func displayOrigin(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + u.Host
}

// CheckURL reports why raw cannot be the API base URL or the token URL, or
// nil. It must be an absolute https URL; plain http is accepted only for a
// loopback host (127.0.0.0/8, ::1 or localhost), where a local Zoom sandbox
// runs, because every request carries credentials that http would send
// unencrypted.
func CheckURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("must be an absolute http(s) URL such as https://api.zoom.us/v2")
	}
	if u.Scheme == "http" && !IsLoopbackHost(u.Hostname()) {
		return &InsecureURLError{Host: u.Hostname()}
	}
	return nil
}

// InsecureURLError is CheckURL's answer to a plain http URL whose host is not
// a loopback host.
type InsecureURLError struct {
	// Host is the URL's host name or address.
	Host string
}

// Error implements error.
func (e *InsecureURLError) Error() string {
	return fmt.Sprintf("uses plain http:// with the host %q: the client secret and the access tokens would "+
		"cross the network unencrypted; use https:// (http:// is accepted only for a loopback host, "+
		"127.0.0.1, ::1 or localhost, where a local Zoom sandbox runs)", e.Host)
}

// IsLoopbackHost reports whether host (a host name or IP address without
// port or brackets) is "localhost" or a loopback address.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// retryableTransportError reports whether a request that got no usable
// response may be retried: not when the answer was refused on purpose.
func retryableTransportError(err error) bool {
	var tooLarge *ResponseTooLargeError
	var redirect *RedirectError
	return !errors.As(err, &tooLarge) && !errors.As(err, &redirect)
}
