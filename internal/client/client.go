// Package client is a Zoom REST API client for the Terraform provider.
//
// It is shaped after google/go-github: a Client with one service per API group
// (Users, Meetings, Webinars, Mail), typed request and response
// structs, pointer fields for optional request values and a typed *APIError.
// Unlike go-github it retries on its own: safe methods on 429, 5xx, timeouts
// and connection errors, POST only where Zoom certainly did not process the
// request. It paces requests per Zoom rate-limit category, authenticates with
// Server-to-Server OAuth (or a pre-minted access token) and logs every request
// through an optional Logger with secrets redacted.
//
// The package imports nothing from Terraform.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// Default configuration values: the one place for them. A zero value in Config
// (nil for MaxRetries) means the default; the provider leaves unset settings
// zero and documents these values.
const (
	// DefaultAPIURL is the base URL of the Zoom REST API (commercial cluster).
	DefaultAPIURL = "https://api.zoom.us/v2"
	// DefaultOAuthURL is the Zoom OAuth token endpoint (commercial cluster).
	DefaultOAuthURL = "https://zoom.us/oauth/token"
	// DefaultRequestTimeout bounds one HTTP attempt (not the whole operation).
	DefaultRequestTimeout = 30 * time.Second
	// DefaultMaxRetries bounds the retries of one operation after errors (5xx, dropped connections, unreadable
	// answers); waiting out HTTP 429 does not count against it.
	DefaultMaxRetries = 6
	// DefaultRateLimitWait bounds the total time one operation spends waiting out HTTP 429 answers.
	DefaultRateLimitWait = 2 * time.Minute
	// DefaultTokenRefreshBefore is how long before its expiry an OAuth token is replaced.
	DefaultTokenRefreshBefore = 5 * time.Minute
	// DefaultPlan is the Zoom plan whose rate limits size the client-side pacing.
	DefaultPlan = "pro"
	// DefaultUserAgent is sent when Config.UserAgent is empty.
	DefaultUserAgent = "terraform-provider-zoom-client"
)

// Config configures a Client. Only the credentials are required.
type Config struct {
	// APIURL is the REST base URL; default "https://api.zoom.us/v2". A trailing slash is tolerated.
	APIURL string
	// OAuthURL is the token endpoint; default "https://zoom.us/oauth/token".
	OAuthURL string
	// AccountID is the Server-to-Server OAuth app's account ID.
	AccountID string
	// ClientID is the Server-to-Server OAuth app's client ID.
	ClientID string
	// ClientSecret is the Server-to-Server OAuth app's client secret.
	ClientSecret string
	// AccessToken is a pre-minted access token, an alternative to the client
	// credentials. It cannot be refreshed: when Zoom rejects it (401, code 124)
	// requests fail with an error saying so.
	AccessToken string
	// HTTPClient is an optional base client; its Transport, Jar and
	// CheckRedirect are used, the client itself is not modified. By default a
	// client with sane transport timeouts is used. Whatever its CheckRedirect
	// says, a redirect to another scheme, host or port is never followed.
	HTTPClient *http.Client
	// RequestTimeout bounds each HTTP attempt; default 30s.
	RequestTimeout time.Duration
	// MaxRetries bounds the retries of one operation after errors; nil means
	// DefaultMaxRetries (6), 0 disables retries. Rate-limit answers (429) do not
	// count: they are bounded by RateLimitWait.
	MaxRetries *int
	// RateLimitWait bounds the total time one operation waits out HTTP 429
	// answers (Retry-After or backoff); default 2 minutes.
	RateLimitWait time.Duration
	// Plan is the account's Zoom plan, "free", "pro" (default) or "business"
	// ("business+", "enterprise" and "education" are accepted as "business").
	// It sizes the client-side pacing per rate-limit category.
	Plan string
	// DisablePacing turns client-side pacing off (for benchmarks).
	DisablePacing bool
	// UserAgent is sent with every request; default "terraform-provider-zoom-client".
	UserAgent string
	// Logger receives request logs; nil disables logging.
	Logger Logger
	// TokenRefreshBefore is how long before expiry a token is replaced; default
	// 5 minutes. It is capped at half of a token's lifetime so that short-lived
	// tokens are not refetched on every request.
	TokenRefreshBefore time.Duration
}

// Client is a Zoom API client. It is safe for concurrent use; create one per
// provider instance and share it.
type Client struct {
	// Users is the Users API (/users).
	Users *UsersService
	// Mail is the Zoom Mail mailbox-settings API (vacation responder).
	Mail *MailService
	// Meetings is the meetings and meeting-templates API.
	Meetings *MeetingsService
	// Webinars is the webinars and webinar-templates API.
	Webinars *WebinarsService
	// TrackingFields is the account's tracking fields.
	TrackingFields *TrackingFieldsService
	// Roles is the account's roles and their members.
	Roles *RolesService
	// Settings is the account, group and user settings and lock settings API.
	Settings *SettingsService
	// Groups is the groups API: groups, their members and administrators.
	Groups *GroupsService
	// MeetingRegistrants and WebinarRegistrants are the registrant operations of meetings and of webinars.
	MeetingRegistrants, WebinarRegistrants *RegistrantsService

	baseURL    *url.URL
	httpClient *http.Client
	userAgent  string
	timeout    time.Duration
	maxRetries int
	rateWait   time.Duration
	logger     Logger
	// serverOffset is Zoom's clock minus the local clock, in nanoseconds, from
	// the Date header of the last answer (0 until one arrives).
	serverOffset atomic.Int64
	sawDate      atomic.Bool

	tokens tokenProvider
	pacer  *pacer
	env    *runtimeEnv
	stats  statsCounters

	// bodyLimit bounds a successful response body (maxSuccessBody; tests shrink it).
	bodyLimit int64
}

// service is embedded (by conversion) in every API group's service type.
type service struct {
	client *Client
}

// runtimeEnv holds the clock, sleeper and jitter source, replaceable in tests.
type runtimeEnv struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	// jitter returns a random duration in [0, d).
	jitter func(d time.Duration) time.Duration
}

func defaultEnv() *runtimeEnv {
	return &runtimeEnv{
		now:   time.Now,
		sleep: sleepCtx,
		jitter: func(d time.Duration) time.Duration {
			if d <= 0 {
				return 0
			}
			return time.Duration(rand.Int64N(int64(d)))
		},
	}
}

// sleepCtx waits for d or until ctx is done, whichever comes first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// New validates cfg and returns a Client. It makes no network call: the first
// token is fetched by the first request.
func New(cfg Config) (*Client, error) {
	apiURL := strings.TrimSpace(cfg.APIURL)
	if apiURL == "" {
		apiURL = DefaultAPIURL
	}
	base, err := parseBaseURL("APIURL", strings.TrimRight(apiURL, "/"))
	if err != nil {
		return nil, err
	}
	oauthURL := strings.TrimSpace(cfg.OAuthURL)
	if oauthURL == "" {
		oauthURL = DefaultOAuthURL
	}
	if _, err := parseBaseURL("OAuthURL", oauthURL); err != nil {
		return nil, err
	}

	hasToken := cfg.AccessToken != ""
	var missing []string
	if cfg.AccountID == "" {
		missing = append(missing, "account ID")
	}
	if cfg.ClientID == "" {
		missing = append(missing, "client ID")
	}
	if cfg.ClientSecret == "" {
		missing = append(missing, "client secret")
	}
	switch {
	case hasToken && len(missing) < 3:
		return nil, errors.New("zoom client: configure either an access token or the account ID, client ID and client secret, not both")
	case !hasToken && len(missing) == 3:
		return nil, errors.New("zoom client: no credentials: configure the Server-to-Server OAuth app's account ID, client ID and client secret (or a pre-minted access token)")
	case !hasToken && len(missing) > 0:
		return nil, fmt.Errorf("zoom client: incomplete Server-to-Server OAuth credentials: missing %s", strings.Join(missing, ", "))
	}

	plan, err := normalizePlan(cfg.Plan)
	if err != nil {
		return nil, err
	}
	if cfg.RequestTimeout < 0 || cfg.TokenRefreshBefore < 0 || cfg.RateLimitWait < 0 || (cfg.MaxRetries != nil && *cfg.MaxRetries < 0) {
		return nil, errors.New("zoom client: RequestTimeout, RateLimitWait, TokenRefreshBefore and MaxRetries must not be negative")
	}
	rateWait := cfg.RateLimitWait
	if rateWait == 0 {
		rateWait = DefaultRateLimitWait
	}
	timeout := cfg.RequestTimeout
	if timeout == 0 {
		timeout = DefaultRequestTimeout
	}
	maxRetries := DefaultMaxRetries
	if cfg.MaxRetries != nil {
		maxRetries = *cfg.MaxRetries
	}
	refreshBefore := cfg.TokenRefreshBefore
	if refreshBefore == 0 {
		refreshBefore = DefaultTokenRefreshBefore
	}
	ua := cfg.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}

	httpClient := buildHTTPClient(cfg.HTTPClient)
	env := defaultEnv()
	c := &Client{
		baseURL:    base,
		httpClient: httpClient,
		userAgent:  ua,
		timeout:    timeout,
		maxRetries: maxRetries,
		rateWait:   rateWait,
		logger:     cfg.Logger,
		env:        env,
		bodyLimit:  maxSuccessBody,
	}
	if !cfg.DisablePacing {
		c.pacer = newPacer(plan, env)
	}
	if hasToken {
		c.tokens = staticToken(cfg.AccessToken)
	} else {
		c.tokens = newTokenCache(tokenCacheConfig{
			oauthURL:      oauthURL,
			accountID:     cfg.AccountID,
			clientID:      cfg.ClientID,
			clientSecret:  cfg.ClientSecret,
			transport:     httpClient.Transport,
			timeout:       timeout,
			refreshBefore: refreshBefore,
			env:           env,
			logger:        cfg.Logger,
			onFetch:       func() { c.stats.tokenRequests.Add(1) },
		})
	}

	common := &service{client: c}
	c.Users = (*UsersService)(common)
	c.Mail = (*MailService)(common)
	c.Meetings = (*MeetingsService)(common)
	c.Webinars = (*WebinarsService)(common)
	c.TrackingFields = (*TrackingFieldsService)(common)
	c.Roles = (*RolesService)(common)
	c.Settings = (*SettingsService)(common)
	c.Groups = (*GroupsService)(common)
	c.MeetingRegistrants = newRegistrantsService(c, "meeting")
	c.WebinarRegistrants = newRegistrantsService(c, "webinar")
	return c, nil
}

func parseBaseURL(name, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("zoom client: invalid %s %q: %w", name, raw, err)
	}
	if err := CheckURL(raw); err != nil {
		return nil, fmt.Errorf("zoom client: invalid %s %q: %w", name, u.Redacted(), err)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("zoom client: invalid %s %q: must not have a query or fragment", name, u.Redacted())
	}
	return u, nil
}

// buildHTTPClient returns the client used for API calls: the caller's
// transport (or a default one) without the caller's overall Timeout, since
// timeouts are applied per attempt, following same-origin redirects only.
func buildHTTPClient(base *http.Client) *http.Client {
	if base == nil {
		return &http.Client{Transport: defaultTransport(), CheckRedirect: sameOriginRedirects(nil)}
	}
	rt := base.Transport
	if rt == nil {
		rt = defaultTransport()
	}
	return &http.Client{Transport: rt, Jar: base.Jar, CheckRedirect: sameOriginRedirects(base.CheckRedirect)}
}

func defaultTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   10 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// Token returns a valid access token and its expiry. With client credentials
// the cached token is returned (fetched or refreshed when needed); with a
// static access token the expiry is the zero time (unknown).
func (c *Client) Token(ctx context.Context) (string, time.Time, error) {
	tok, err := c.tokens.token(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	return tok.value, tok.expiry, nil
}

// Response carries the HTTP status and rate-limit headers of a successful
// call, for services that want them.
type Response struct {
	// StatusCode is the HTTP status code.
	StatusCode int
	// Header is the response header.
	Header http.Header
	// RateLimit holds the X-RateLimit-* headers, when present.
	RateLimit RateLimitInfo
}

// RateLimitInfo holds Zoom's rate-limit response headers.
type RateLimitInfo struct {
	// Category is X-RateLimit-Category (e.g. "Light").
	Category string
	// Type is X-RateLimit-Type ("QPS" or "Daily-limit").
	Type string
	// Limit is X-RateLimit-Limit, or -1 when absent.
	Limit int
	// Remaining is X-RateLimit-Remaining, or -1 when absent.
	Remaining int
}

// request describes one API operation. Services build one and call
// Client.do; the body is marshalled once and re-sent on every attempt.
type request struct {
	method   string
	path     string     // relative to the API base, already escaped (see pathf)
	query    url.Values // optional
	body     any        // optional; marshalled to JSON
	out      any        // optional; the 2xx JSON body is decoded into it
	category Category
}

// pathf builds an escaped relative path: each %s verb is replaced by the
// path-escaped argument. Empty, "." and ".." segments are rejected so that
// a value can never address another resource.
func pathf(format string, segments ...string) (string, error) {
	args := make([]any, len(segments))
	for i, s := range segments {
		if s == "" || s == "." || s == ".." || strings.TrimSpace(s) == "" {
			return "", fmt.Errorf("zoom client: invalid path parameter %q", s)
		}
		args[i] = url.PathEscape(s)
	}
	return fmt.Sprintf(format, args...), nil
}

// get, post, put, patch and del are shorthands for do.
func (c *Client) get(ctx context.Context, path string, q url.Values, cat Category, out any) (*Response, error) {
	return c.do(ctx, &request{method: http.MethodGet, path: path, query: q, out: out, category: cat})
}

func (c *Client) post(ctx context.Context, path string, body any, cat Category, out any) (*Response, error) {
	return c.do(ctx, &request{method: http.MethodPost, path: path, body: body, out: out, category: cat})
}

func (c *Client) put(ctx context.Context, path string, body any, cat Category, out any) (*Response, error) {
	return c.do(ctx, &request{method: http.MethodPut, path: path, body: body, out: out, category: cat})
}

func (c *Client) patch(ctx context.Context, path string, q url.Values, body any, cat Category) (*Response, error) {
	return c.do(ctx, &request{method: http.MethodPatch, path: path, query: q, body: body, category: cat})
}

func (c *Client) del(ctx context.Context, path string, q url.Values, cat Category) (*Response, error) {
	return c.do(ctx, &request{method: http.MethodDelete, path: path, query: q, category: cat})
}

// attempt is the outcome of one HTTP exchange.
type attempt struct {
	status   int
	header   http.Header
	body     []byte
	err      error // transport error, nil when a response was received
	wrote    bool  // request headers were written to the connection
	timedOut bool  // the per-attempt timeout fired
	duration time.Duration
}

// do runs one API operation: pacing, authentication, the HTTP exchange,
// retries and decoding. It returns *APIError for Zoom errors, *AuthError for
// token failures, *RequestError for transport failures, and wraps ctx.Err()
// when ctx ends first.
func (c *Client) do(ctx context.Context, r *request) (*Response, error) {
	var payload []byte
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, fmt.Errorf("zoom client: %s %s: encoding request body: %w", r.method, r.path, err)
		}
		payload = b
	}
	u, err := c.buildURL(r.path, r.query)
	if err != nil {
		return nil, err
	}
	logPath := sanitizePath(r.path, r.query)
	cat := r.category
	if cat == "" {
		cat = CategoryLight
	}

	var state retryState
	for attemptNo := 1; ; attemptNo++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%s %s: %w", r.method, logPath, err)
		}
		if err := c.pacer.wait(ctx, cat); err != nil {
			return nil, fmt.Errorf("%s %s: waiting for the %s rate limit: %w", r.method, logPath, cat, err)
		}

		o := outcome{method: r.method, path: logPath, category: cat, attemptNo: attemptNo}
		var resp *Response
		tok, err := c.tokens.token(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("%s %s: %w", r.method, logPath, ctx.Err())
			}
			o.tokenErr = err
		} else {
			at := c.send(ctx, r.method, u, payload, tok.value)
			c.stats.countRequest(cat)
			c.logAttempt(ctx, r.method, logPath, cat, attemptNo, payload, at)
			if at.err != nil {
				if ctx.Err() != nil {
					// The caller gave up; a POST already on the wire may still have been processed.
					return nil, &RequestError{Method: r.method, Path: logPath, Err: ctx.Err(), MaybeProcessed: r.method == http.MethodPost && at.wrote}
				}
				o.transportErr, o.wrote, o.timedOut = at.err, at.wrote, at.timedOut
			} else {
				c.noteServerDate(at.header)
				resp = &Response{StatusCode: at.status, Header: at.header, RateLimit: parseRateLimit(at.header)}
				if at.status >= 200 && at.status < 300 {
					err := decodeSuccess(r, logPath, at, r.out)
					if err == nil {
						return resp, nil
					}
					var de *DecodeError
					if !errors.As(err, &de) {
						return resp, err
					}
					o.decodeErr = de
				} else {
					o.apiErr = newAPIError(r.method, logPath, at.status, at.header, at.body, c.env.now())
					o.header = at.header
					if at.status >= 500 {
						c.stats.serverErrors.Add(1)
					}
					if at.status == http.StatusTooManyRequests {
						c.stats.rateLimited.Add(1)
					}
				}
			}
		}

		d := c.decideRetry(&o, &state)
		if d.daily {
			c.stats.dailyLimited.Add(1)
		}
		if d.reauth {
			c.stats.reauths.Add(1)
			c.tokens.invalidate(tok.value)
			c.logDebug(ctx, d.logMsg, d.logFields)
			continue
		}
		if d.logMsg != "" {
			c.logWarn(ctx, d.logMsg, d.logFields)
		}
		if !d.retry {
			if o.decodeErr != nil {
				return resp, d.err
			}
			return nil, d.err
		}
		if d.pause {
			c.pacer.pause(cat, d.wait)
		}
		c.stats.retries.Add(1)
		if err := c.env.sleep(ctx, d.wait); err != nil {
			return nil, fmt.Errorf("%s %s: canceled while %s: %w", r.method, logPath, d.waitingFor, err)
		}
	}
}

// buildURL joins the API base URL with an escaped relative path and query.
func (c *Client) buildURL(path string, q url.Values) (*url.URL, error) {
	path = strings.TrimLeft(path, "/")
	if strings.Contains(path, "://") || strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("zoom client: invalid request path %q", path)
	}
	raw := strings.TrimRight(c.baseURL.String(), "/") + "/" + path
	if len(q) > 0 {
		raw += "?" + q.Encode()
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("zoom client: invalid request path %q: %w", path, err)
	}
	return u, nil
}

// send performs one HTTP exchange with a per-attempt timeout, reading the
// body fully (bounded).
func (c *Client) send(ctx context.Context, method string, u *url.URL, payload []byte, token string) attempt {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{
		WroteHeaders: func() { wrote.Store(true) },
	}
	actx = httptrace.WithClientTrace(actx, trace)

	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(actx, method, u.String(), body)
	if err != nil {
		return attempt{err: err}
	}
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Authorization", "Bearer "+token)

	start := time.Now()
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return attempt{
			err:      stripURLError(err),
			wrote:    wrote.Load(),
			timedOut: (errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil) || isTimeout(err),
			duration: time.Since(start),
		}
	}
	defer func() { _ = resp.Body.Close() }()

	limit := c.bodyLimit
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		limit = maxErrorBody
	}
	data, err := readBounded(resp.Body, limit)
	var tooLarge *ResponseTooLargeError
	if errors.As(err, &tooLarge) {
		tooLarge.HTTPStatus = resp.StatusCode
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return attempt{status: resp.StatusCode, header: resp.Header, wrote: true, err: tooLarge, duration: time.Since(start)}
		}
		err = nil // an error status is an error anyway: keep the beginning of its body
	}
	at := attempt{status: resp.StatusCode, header: resp.Header, wrote: true, duration: time.Since(start)}
	if err != nil {
		// The status line arrived but the body was cut: for a success this
		// is a transport failure (the change may have been made).
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			at.err = fmt.Errorf("reading response body after HTTP %d: %w", resp.StatusCode, err)
			at.timedOut = errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil
			return at
		}
		// For an error status, use what was read.
	}
	at.body = data
	return at
}

// stripURLError drops the *url.Error wrapper (which repeats the full URL,
// query included) and keeps the cause.
func stripURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// decodeSuccess decodes a 2xx body into out. Empty bodies are fine for 204
// and when nothing is expected; a body that is not valid JSON when JSON is
// expected is a clear error.
func decodeSuccess(r *request, logPath string, at attempt, out any) error {
	trimmed := bytes.TrimSpace(at.body)
	if out == nil {
		// The body is not needed, but JSON cut short means the answer was lost halfway: Zoom may not have
		// carried the request out.
		if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') && !json.Valid(trimmed) {
			return &DecodeError{Method: r.method, Path: logPath, HTTPStatus: at.status, Err: errors.New("JSON answer cut short"), Excerpt: excerpt(at.body, 120)}
		}
		return nil
	}
	if len(trimmed) == 0 {
		if at.status == http.StatusNoContent {
			return nil
		}
		return &DecodeError{Method: r.method, Path: logPath, HTTPStatus: at.status, Err: errors.New("empty response body, expected JSON")}
	}
	if err := json.Unmarshal(trimmed, out); err != nil {
		return &DecodeError{Method: r.method, Path: logPath, HTTPStatus: at.status, Err: err, Excerpt: excerpt(at.body, 120)}
	}
	return nil
}

// DecodeError is returned when a successful response does not hold the JSON
// that was expected (an HTML page, a truncated body, a wrong shape).
type DecodeError struct {
	// Method and Path identify the request (path sanitized).
	Method, Path string
	// HTTPStatus is the (successful) status of the response.
	HTTPStatus int
	// Excerpt is the beginning of the body, redacted.
	Excerpt string
	// Err is the JSON error.
	Err error
	// MaybeProcessed is true for a POST: Zoom answered with success, so it
	// carried the request out, but what it created could not be read.
	MaybeProcessed bool
}

// Error implements error.
func (e *DecodeError) Error() string {
	s := fmt.Sprintf("%s %s: HTTP %d: cannot decode response: %v", e.Method, e.Path, e.HTTPStatus, e.Err)
	if e.Excerpt != "" {
		s += fmt.Sprintf(" (body starts with %q)", e.Excerpt)
	}
	if e.MaybeProcessed {
		s += " (Zoom processed the request but its answer was unreadable)"
	}
	return s
}

// Unwrap returns the JSON error.
func (e *DecodeError) Unwrap() error { return e.Err }

// excerpt returns up to n bytes of body, redacted, as a single line.
func excerpt(body []byte, n int) string {
	b := Redact(body)
	if len(b) > n {
		b = b[:n]
	}
	return strings.Join(strings.Fields(strings.ToValidUTF8(string(b), "?")), " ")
}

func parseRateLimit(h http.Header) RateLimitInfo {
	info := RateLimitInfo{
		Category:  h.Get("X-RateLimit-Category"),
		Type:      h.Get("X-RateLimit-Type"),
		Limit:     -1,
		Remaining: -1,
	}
	if v, ok := atoi(h.Get("X-RateLimit-Limit")); ok {
		info.Limit = v
	}
	if v, ok := atoi(h.Get("X-RateLimit-Remaining")); ok {
		info.Remaining = v
	}
	return info
}

func atoi(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1<<40 {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// noteServerDate remembers how far Zoom's clock (the Date header) is from the local one.
func (c *Client) noteServerDate(h http.Header) {
	if h == nil {
		return
	}
	t, err := http.ParseTime(h.Get("Date"))
	if err != nil {
		return
	}
	c.serverOffset.Store(int64(t.Sub(c.env.now())))
	c.sawDate.Store(true)
}

// ServerNow is Zoom's clock as last seen in an answer's Date header (to the
// second), carried forward by the local clock; the local clock until an
// answer has been received. Callers compare it with times Zoom reports, such
// as when an object was created, without depending on the local clock.
func (c *Client) ServerNow() time.Time {
	now := c.env.now()
	if !c.sawDate.Load() {
		return now
	}
	return now.Add(time.Duration(c.serverOffset.Load()))
}

// Ptr returns a pointer to v, for optional request fields.
func Ptr[T any](v T) *T { return &v }
