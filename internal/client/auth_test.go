package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestNewValidatesConfig(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()

	full := Config{APIURL: srv.URL, OAuthURL: srv.URL, AccountID: "a", ClientID: "b", ClientSecret: "c"}
	if _, err := New(full); err != nil {
		t.Fatalf("valid config: %v", err)
	}
	if _, err := New(Config{APIURL: srv.URL, AccessToken: "t"}); err != nil {
		t.Fatalf("access token config: %v", err)
	}
	cases := map[string]struct {
		cfg  Config
		want string
	}{
		"nothing":       {Config{}, "no credentials"},
		"half":          {Config{AccountID: "a", ClientID: "b"}, "missing client secret"},
		"both":          {Config{AccountID: "a", ClientID: "b", ClientSecret: "c", AccessToken: "t"}, "not both"},
		"bad api url":   {Config{APIURL: "api.zoom.us", AccessToken: "t"}, "absolute"},
		"bad oauth url": {Config{OAuthURL: "ftp://x", AccessToken: "t"}, "absolute"},
		"bad plan":      {Config{AccessToken: "t", Plan: "gold"}, "unknown plan"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := New(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "c") && tc.cfg.ClientSecret == "s3cr3t" {
				t.Fatal("secret leaked")
			}
		})
	}
	if hits.Load() != 0 {
		t.Fatalf("New made %d network calls", hits.Load())
	}
}

func TestTokenFetchedOnceAndReused(t *testing.T) {
	ts := newTestServer(t)
	var seen sync.Map
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		seen.Store(r.Header.Get("Authorization"), true)
		writeJSON(w, 200, map[string]any{"id": r.PathValue("id")})
	})
	c, _ := newTestClient(t, ts, nil)
	for range 5 {
		if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
			t.Fatal(err)
		}
	}
	if n := ts.tokenRequests.Load(); n != 1 {
		t.Fatalf("token requests = %d, want 1", n)
	}
	if _, ok := seen.Load("Bearer tok-1"); !ok {
		t.Fatal("API did not receive Bearer tok-1")
	}
	forms := ts.forms()
	if len(forms) != 1 || forms[0].Get("grant_type") != "account_credentials" || forms[0].Get("account_id") != testAccountID {
		t.Fatalf("token form = %v", forms)
	}
	if got := c.Stats().TokenRequests; got != 1 {
		t.Fatalf("Stats().TokenRequests = %d", got)
	}
}

func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	ts := newTestServer(t)
	c, env := newTestClient(t, ts, nil) // default TokenRefreshBefore: 5 minutes
	ctx := context.Background()

	tok, exp, err := c.Token(ctx)
	if err != nil || tok != "tok-1" {
		t.Fatalf("Token = %q, %v", tok, err)
	}
	if want := env.now().Add(time.Hour); !exp.Equal(want) {
		t.Fatalf("expiry = %v, want %v", exp, want)
	}
	env.advance(54 * time.Minute)
	if tok, _, _ := c.Token(ctx); tok != "tok-1" {
		t.Fatalf("at +54m got %q, want tok-1 reused", tok)
	}
	env.advance(time.Minute + time.Second) // 4m59s before expiry
	if tok, _, _ := c.Token(ctx); tok != "tok-2" {
		t.Fatalf("at +55m01s got %q, want a new token", tok)
	}

	// A short-lived token (60 s) is refreshed at half its life, not on every call.
	ts.expiresIn.Store(60)
	env.advance(time.Hour)
	if tok, _, _ := c.Token(ctx); tok != "tok-3" {
		t.Fatalf("got %q, want tok-3", tok)
	}
	env.advance(29 * time.Second)
	if tok, _, _ := c.Token(ctx); tok != "tok-3" {
		t.Fatalf("at +29s got %q, want tok-3 reused", tok)
	}
	env.advance(2 * time.Second)
	if tok, _, _ := c.Token(ctx); tok != "tok-4" {
		t.Fatalf("at +31s got %q, want tok-4", tok)
	}
}

func TestConcurrentRequestsShareOneTokenFetch(t *testing.T) {
	ts := newTestServer(t)
	ts.tokenDelay.Store(int64(100 * time.Millisecond))
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"id": r.PathValue("id")})
	})
	c, _ := newTestClient(t, ts, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Go(func() {
			if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := ts.tokenRequests.Load(); n != 1 {
		t.Fatalf("token requests = %d, want 1", n)
	}
}

func TestTokenWaitHonoursCallerContext(t *testing.T) {
	ts := newTestServer(t)
	ts.tokenDelay.Store(int64(300 * time.Millisecond))
	c, _ := newTestClient(t, ts, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := c.Token(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 250*time.Millisecond {
		t.Fatal("Token did not return promptly on ctx expiry")
	}
	// The fetch carried on on its long-lived context and is cached.
	tok, _, err := c.Token(context.Background())
	if err != nil || tok != "tok-1" {
		t.Fatalf("Token = %q, %v", tok, err)
	}
}

func TestReauthOnce(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			writeZoomError(w, 401, 124, "Access token is expired.")
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	ts.handle("GET /always401", func(w http.ResponseWriter, r *http.Request) {
		writeZoomError(w, 401, 124, "Invalid access token.")
	})
	c, _ := newTestClient(t, ts, nil)

	u, err := c.Users.Get(context.Background(), "u1")
	if err != nil || u.ID != "u1" {
		t.Fatalf("Get = %+v, %v", u, err)
	}
	if calls.Load() != 2 || ts.tokenRequests.Load() != 2 {
		t.Fatalf("calls = %d, token requests = %d; want 2, 2", calls.Load(), ts.tokenRequests.Load())
	}
	if c.Stats().Reauthentications != 1 {
		t.Fatalf("stats = %+v", c.Stats())
	}

	// A second 401 after re-authenticating is returned.
	_, err = c.get(context.Background(), "always401", nil, CategoryLight, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 124 || !IsUnauthorized(err) {
		t.Fatalf("err = %v", err)
	}
	if n := ts.tokenRequests.Load(); n != 3 {
		t.Fatalf("token requests = %d, want 3 (one re-auth only)", n)
	}
}

func TestReauthOnPOST(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			writeZoomError(w, 401, 124, "Invalid access token.")
			return
		}
		writeJSON(w, 201, map[string]any{"id": "new"})
	})
	c, _ := newTestClient(t, ts, nil)
	u, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	if err != nil || u.ID != "new" || calls.Load() != 2 {
		t.Fatalf("Create = %+v, %v (calls %d)", u, err, calls.Load())
	}
}

func TestStaticTokenRejected(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer static-tok" {
			t.Errorf("Authorization = %q", r.Header.Get("Authorization"))
		}
		writeZoomError(w, 401, 124, "Access token is expired.")
	})
	c, _ := newTestClient(t, ts, func(cfg *Config) {
		cfg.AccountID, cfg.ClientID, cfg.ClientSecret = "", "", ""
		cfg.AccessToken = "static-tok"
	})
	tok, exp, err := c.Token(context.Background())
	if tok != "static-tok" || !exp.IsZero() || err != nil {
		t.Fatalf("Token = %q %v %v", tok, exp, err)
	}
	_, err = c.Users.Get(context.Background(), "u1")
	if err == nil || !strings.Contains(err.Error(), "cannot be refreshed") || !IsUnauthorized(err) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "static-tok") {
		t.Fatal("error contains the token")
	}
	if ts.tokenRequests.Load() != 0 {
		t.Fatal("token endpoint called with a static token")
	}
}

func TestTokenEndpointErrors(t *testing.T) {
	cases := []struct {
		name       string
		handler    http.HandlerFunc
		status     int
		code       string
		want       []string
		maxRetries int
		wantCalls  int64
	}{
		{
			name: "invalid_client",
			handler: func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 400, map[string]string{"reason": "Invalid client_id or client_secret", "error": "invalid_client"})
			},
			status: 400, code: "invalid_client", want: []string{"client ID or client secret", "account_credentials"}, wantCalls: 1,
		},
		{
			name: "invalid_request",
			handler: func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 400, map[string]string{"reason": "Invalid account_id", "error": "invalid_request"})
			},
			status: 400, code: "invalid_request", want: []string{"account ID"}, wantCalls: 1,
		},
		{
			name: "unsupported_grant_type",
			handler: func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 400, map[string]string{"reason": "unsupported grant type", "error": "unsupported_grant_type"})
			},
			status: 400, code: "unsupported_grant_type", want: []string{"Server-to-Server OAuth app"}, wantCalls: 1,
		},
		{
			name: "html 503 echoing the secret",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(503)
				_, _ = io.WriteString(w, "<html><body>Service Unavailable "+testClientSecret+"</body></html>")
			},
			status: 503, want: []string{"HTTP 503", "unavailable"}, maxRetries: 2, wantCalls: 3,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t)
			ts.setTokenHandler(tc.handler)
			ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
				t.Error("API called without a token")
			})
			c, _ := newTestClient(t, ts, func(cfg *Config) {
				if tc.maxRetries != 0 {
					cfg.MaxRetries = Ptr(tc.maxRetries)
				}
			})
			_, err := c.Users.Get(context.Background(), "u1")
			var ae *AuthError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %T %v, want *AuthError", err, err)
			}
			if ae.HTTPStatus != tc.status || ae.ErrorCode != tc.code {
				t.Fatalf("AuthError = %+v", ae)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), testClientSecret) {
				t.Fatalf("error contains the client secret: %v", err)
			}
			if got := ts.tokenRequests.Load(); got != tc.wantCalls {
				t.Fatalf("token requests = %d, want %d", got, tc.wantCalls)
			}
			if tc.status == 400 && !IsUnauthorized(err) {
				t.Error("IsUnauthorized = false for rejected credentials")
			}
		})
	}
}

func TestTokenEndpointUnreachable(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	c, err := New(Config{
		APIURL: deadURL, OAuthURL: deadURL + "/oauth/token",
		AccountID: testAccountID, ClientID: testClientID, ClientSecret: testClientSecret,
		MaxRetries: Ptr(0), DisablePacing: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Token(context.Background())
	var ae *AuthError
	if !errors.As(err, &ae) || ae.HTTPStatus != 0 || !strings.Contains(err.Error(), "cannot reach") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), testClientSecret) {
		t.Fatal("secret leaked")
	}
}

func TestTokenRequestRetriedWhenTransient(t *testing.T) {
	ts := newTestServer(t)
	var n atomic.Int64
	ts.setTokenHandler(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(502)
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": "tok-ok", "token_type": "bearer", "expires_in": 3600})
	})
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	c, env := newTestClient(t, ts, nil)
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	if len(env.recorded()) != 1 || n.Load() != 2 {
		t.Fatalf("sleeps %v, token calls %d", env.recorded(), n.Load())
	}
}
