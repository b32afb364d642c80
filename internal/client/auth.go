package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// grantType is Zoom's Server-to-Server OAuth grant.
const grantType = "account_credentials"

// defaultTokenLifetime is assumed when the token response has no expires_in.
const defaultTokenLifetime = time.Hour

// AuthError is a failure of the OAuth token endpoint. Its message says what
// is wrong (the client ID/secret, the account ID, the app type, or the
// endpoint itself) and never contains the client secret or a token.
type AuthError struct {
	// HTTPStatus is the token endpoint's status; 0 when no response arrived.
	HTTPStatus int
	// ErrorCode is the OAuth "error" field, e.g. "invalid_client".
	ErrorCode string
	// Reason is Zoom's "reason" field (or a short excerpt of a non-JSON body).
	Reason string
	// Hint says what to check.
	Hint string

	err        error
	redirected bool // the endpoint redirected elsewhere and was not followed
	tooLarge   bool // the endpoint's answer exceeded maxTokenBody
}

// Error implements error.
func (e *AuthError) Error() string {
	var b strings.Builder
	b.WriteString("zoom: OAuth token request (grant " + grantType + ") failed")
	if e.HTTPStatus != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.HTTPStatus)
	}
	if e.ErrorCode != "" {
		b.WriteString(" " + e.ErrorCode)
	}
	if e.Reason != "" {
		fmt.Fprintf(&b, " (%s)", e.Reason)
	}
	if e.HTTPStatus == 0 && e.err != nil {
		fmt.Fprintf(&b, ": %v", e.err)
	}
	if e.Hint != "" {
		b.WriteString(": " + e.Hint)
	}
	return b.String()
}

// Unwrap returns the underlying transport error, if any.
func (e *AuthError) Unwrap() error { return e.err }

// transient reports whether retrying the token request may help.
func (e *AuthError) transient() bool {
	return e.HTTPStatus == 0 || e.HTTPStatus == http.StatusTooManyRequests || e.HTTPStatus >= 500
}

// accessToken is a bearer token and its expiry (zero when unknown).
type accessToken struct {
	value  string
	expiry time.Time
}

// tokenProvider supplies bearer tokens to requests.
type tokenProvider interface {
	// token returns a valid token.
	token(ctx context.Context) (accessToken, error)
	// invalidate drops the cached token if it is still value (after Zoom
	// rejected it with code 124).
	invalidate(value string)
	// refreshable reports whether a new token can be obtained.
	refreshable() bool
}

// staticToken is a pre-minted access token.
type staticToken string

func (s staticToken) token(context.Context) (accessToken, error) {
	return accessToken{value: string(s)}, nil
}
func (staticToken) invalidate(string) {}
func (staticToken) refreshable() bool { return false }

type tokenCacheConfig struct {
	oauthURL      string
	accountID     string
	clientID      string
	clientSecret  string
	transport     http.RoundTripper // nil: http.DefaultTransport
	timeout       time.Duration     // bounds one token request; 0: none
	refreshBefore time.Duration
	env           *runtimeEnv
	logger        Logger
	onFetch       func()
}

// tokenCache caches the Server-to-Server OAuth token and replaces it
// refreshBefore its expiry (capped at half its lifetime). Concurrent callers
// share one token request (no stampede); each caller waits for it only as
// long as its own context allows. The request itself runs on a long-lived
// context derived from context.Background, never a caller's.
//
// It uses clientcredentials for the exchange but not
// oauth2.ReuseTokenSourceWithExpiry for the cache, because it must drop a
// token that Zoom rejected (code 124), honour the caller's context while
// waiting, cap the early refresh for short-lived tokens and use an
// injectable clock.
type tokenCache struct {
	cfg     tokenCacheConfig
	oauth   *clientcredentials.Config
	base    context.Context
	bounded *boundedTransport
	mu      sync.Mutex
	cur     *cachedToken
	flight  *tokenFlight
}

type cachedToken struct {
	accessToken
	refreshAt time.Time
}

type tokenFlight struct {
	done chan struct{}
	tok  *cachedToken
	err  error
}

func newTokenCache(cfg tokenCacheConfig) *tokenCache {
	oc := &clientcredentials.Config{
		ClientID:     cfg.clientID,
		ClientSecret: cfg.clientSecret,
		TokenURL:     cfg.oauthURL,
		EndpointParams: url.Values{
			"grant_type": {grantType},
			"account_id": {cfg.accountID},
		},
		AuthStyle: oauth2.AuthStyleInHeader,
	}
	// The token request carries the client secret: its answer is read with a
	// bound and it follows no redirect to another scheme, host or port.
	bounded := &boundedTransport{base: cfg.transport, limit: maxTokenBody}
	hc := &http.Client{Transport: bounded, Timeout: cfg.timeout, CheckRedirect: sameOriginRedirects(nil)}
	base := context.WithValue(context.Background(), oauth2.HTTPClient, hc)
	return &tokenCache{cfg: cfg, oauth: oc, base: base, bounded: bounded}
}

func (t *tokenCache) refreshable() bool { return true }

func (t *tokenCache) token(ctx context.Context) (accessToken, error) {
	t.mu.Lock()
	if t.cur != nil && t.cfg.env.now().Before(t.cur.refreshAt) {
		tok := t.cur.accessToken
		t.mu.Unlock()
		return tok, nil
	}
	f := t.flight
	if f == nil {
		f = &tokenFlight{done: make(chan struct{})}
		t.flight = f
		go t.fetch(f)
	}
	t.mu.Unlock()

	select {
	case <-ctx.Done():
		return accessToken{}, fmt.Errorf("waiting for a Zoom OAuth token: %w", ctx.Err())
	case <-f.done:
		if f.err != nil {
			return accessToken{}, f.err
		}
		return f.tok.accessToken, nil
	}
}

// fetch performs one token request and publishes its result.
func (t *tokenCache) fetch(f *tokenFlight) {
	start := t.cfg.env.now()
	if t.cfg.onFetch != nil {
		t.cfg.onFetch()
	}
	t.bounded.exceeded.Store(nil) // fetches never overlap (one flight at a time)
	tok, err := t.oauth.Token(t.base)
	if err != nil {
		if tooLarge := t.bounded.exceeded.Load(); tooLarge != nil {
			err = tooLarge // oauth2 reports the failed read as text only
		}
		f.err = t.authError(err)
		if t.cfg.logger != nil {
			t.cfg.logger.Warn(t.base, "zoom: OAuth token request failed", map[string]any{"error": f.err.Error()})
		}
	} else {
		f.tok = t.newCached(tok, start)
		if t.cfg.logger != nil {
			t.cfg.logger.Debug(t.base, "zoom: fetched OAuth token", map[string]any{
				"expires_at": f.tok.expiry.UTC().Format(time.RFC3339),
				"refresh_at": f.tok.refreshAt.UTC().Format(time.RFC3339),
			})
		}
	}
	t.mu.Lock()
	if f.err == nil {
		t.cur = f.tok
	}
	if t.flight == f {
		t.flight = nil
	}
	t.mu.Unlock()
	close(f.done)
}

func (t *tokenCache) newCached(tok *oauth2.Token, start time.Time) *cachedToken {
	lifetime := time.Duration(tok.ExpiresIn) * time.Second
	if lifetime <= 0 {
		lifetime = time.Duration(extraSeconds(tok.Extra("expires_in"))) * time.Second
	}
	if lifetime <= 0 && !tok.Expiry.IsZero() {
		lifetime = time.Until(tok.Expiry)
	}
	if lifetime <= 0 {
		lifetime = defaultTokenLifetime
	}
	early := t.cfg.refreshBefore
	if early > lifetime/2 {
		early = lifetime / 2
	}
	expiry := start.Add(lifetime)
	return &cachedToken{
		accessToken: accessToken{value: tok.AccessToken, expiry: expiry},
		refreshAt:   expiry.Add(-early),
	}
}

func (t *tokenCache) invalidate(value string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cur != nil && t.cur.value == value {
		t.cur = nil
	}
}

// authError turns an oauth2 error into an actionable *AuthError that never
// contains the secret.
func (t *tokenCache) authError(err error) *AuthError {
	ae := &AuthError{}
	var re *oauth2.RetrieveError
	var tooLarge *ResponseTooLargeError
	var redirect *RedirectError
	if errors.As(err, &tooLarge) {
		ae.HTTPStatus = tooLarge.HTTPStatus
		ae.Reason = tooLarge.Error()
		ae.tooLarge = true
	} else if errors.As(err, &redirect) {
		ae.HTTPStatus = redirect.HTTPStatus
		ae.Reason = redirect.Error()
		ae.redirected = true
	} else if errors.As(err, &re) {
		if re.Response != nil {
			ae.HTTPStatus = re.Response.StatusCode
		}
		ae.ErrorCode = re.ErrorCode
		var body struct {
			Reason      string `json:"reason"`
			Error       string `json:"error"`
			Description string `json:"error_description"`
			Message     string `json:"message"`
		}
		if json.Unmarshal(re.Body, &body) == nil {
			if ae.ErrorCode == "" {
				ae.ErrorCode = body.Error
			}
			ae.Reason = firstNonEmpty(body.Reason, body.Description, body.Message)
		} else if len(re.Body) > 0 {
			ae.Reason = excerpt(re.Body, 120)
		}
	} else if ue := (*url.Error)(nil); errors.As(err, &ue) {
		ae.err = ue.Err
	} else {
		// oauth2 answers a 2xx without a usable token this way.
		ae.HTTPStatus = http.StatusOK
		ae.Reason = err.Error()
	}
	ae.Reason = t.scrub(ae.Reason)
	if ae.err != nil {
		ae.err = errors.New(t.scrub(ae.err.Error()))
	}
	ae.Hint = t.hint(ae)
	return ae
}

// scrub removes the client secret from s, should an endpoint echo it.
func (t *tokenCache) scrub(s string) string {
	if t.cfg.clientSecret != "" {
		s = strings.ReplaceAll(s, t.cfg.clientSecret, "***")
	}
	return s
}

func (t *tokenCache) hint(ae *AuthError) string {
	switch {
	case ae.tooLarge:
		return "no Zoom token endpoint answers that much; check the OAuth URL " + t.cfg.oauthURL
	case ae.redirected:
		return "set the OAuth URL to the token endpoint itself (https://zoom.us/oauth/token, or https://zoomgov.com/oauth/token on Zoom for Government)"
	case ae.ErrorCode == "invalid_client":
		return "the client ID or client secret is wrong; copy both from the Server-to-Server OAuth app's App Credentials page"
	case ae.ErrorCode == "invalid_request":
		return "the account ID is missing or wrong (or the request was malformed); copy the account ID from the Server-to-Server OAuth app's App Credentials page"
	case ae.ErrorCode == "unsupported_grant_type":
		return "the app does not support the account_credentials grant; the credentials must belong to a Server-to-Server OAuth app"
	case ae.ErrorCode == "unauthorized_client" || ae.ErrorCode == "access_denied":
		return "the app is not allowed to obtain tokens; check that the Server-to-Server OAuth app is activated"
	case ae.HTTPStatus == 0:
		return "cannot reach the Zoom OAuth endpoint " + t.cfg.oauthURL + "; check the OAuth URL and network access"
	case ae.HTTPStatus == http.StatusTooManyRequests:
		return "the Zoom OAuth endpoint is rate limiting token requests; try again shortly"
	case ae.HTTPStatus >= 500:
		return "the Zoom OAuth endpoint " + t.cfg.oauthURL + " is unavailable; try again later"
	case ae.HTTPStatus >= 200 && ae.HTTPStatus < 300:
		return "the endpoint " + t.cfg.oauthURL + " answered without an access token; check the OAuth URL"
	case ae.HTTPStatus == http.StatusNotFound:
		return "no token endpoint at " + t.cfg.oauthURL + "; check the OAuth URL"
	case ae.HTTPStatus == http.StatusUnauthorized || ae.HTTPStatus == http.StatusForbidden:
		return "the credentials were refused; check the account ID, client ID and client secret and that the app is activated"
	default:
		return "check the account ID, client ID and client secret of the Server-to-Server OAuth app"
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// extraSeconds reads a raw expires_in value (a JSON number or string).
func extraSeconds(v any) int64 {
	switch t := v.(type) {
	case float64:
		return int64(t)
	case json.Number:
		n, _ := t.Int64()
		return n
	case string:
		n, _ := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
		return n
	default:
		return 0
	}
}
