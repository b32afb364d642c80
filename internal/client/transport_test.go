package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCheckURLAcceptsHTTPOnlyForLoopback(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://api.zoom.us/v2":          true,
		"https://api.zoomgov.com/v2":      true,
		"https://10.0.0.5:8443/v2":        true,
		"http://127.0.0.1:8787/v2":        true,
		"http://127.5.6.7/v2":             true,
		"http://[::1]:8787/oauth/token":   true,
		"http://localhost:8787/v2":        true,
		"http://LocalHost./oauth/token":   true,
		"http://api.zoom.us/v2":           false,
		"http://zoom.invalid/v2":          false,
		"http://10.0.0.5:8787/v2":         false,
		"http://[::ffff:10.0.0.5]:80/v2":  false,
		"http://0.0.0.0:8787/v2":          false,
		"http://localhost.example.com/v2": false,
		"http://127.0.0.1.nip.io/v2":      false,
	} {
		err := CheckURL(raw)
		if ok && err != nil {
			t.Errorf("CheckURL(%s) = %v, want accepted", raw, err)
		}
		if !ok && (err == nil || !strings.Contains(err.Error(), "https://") || !strings.Contains(err.Error(), "unencrypted")) {
			t.Errorf("CheckURL(%s) = %v, want a refusal that asks for https and says why", raw, err)
		}
	}
}

func TestNewRejectsPlainHTTPToAnotherHost(t *testing.T) {
	var hits atomic.Int64
	cases := map[string]Config{
		"api url":   {APIURL: "http://api.zoom.us/v2", AccessToken: "t"},
		"oauth url": {OAuthURL: "http://zoom.us/oauth/token", AccountID: "a", ClientID: "c", ClientSecret: "s3cr3t"},
	}
	for name, cfg := range cases {
		cfg.HTTPClient = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
			hits.Add(1)
			return nil, errors.New("no request may be sent")
		})}
		_, err := New(cfg)
		if err == nil || !strings.Contains(err.Error(), "https://") {
			t.Errorf("%s: New = %v, want an error asking for https", name, err)
		}
	}
	if hits.Load() != 0 {
		t.Fatalf("%d requests sent", hits.Load())
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// elsewhere is a server that must never see the credentials.
type elsewhere struct {
	*httptest.Server
	hits, withCredentials atomic.Int64
}

func newElsewhere(t *testing.T) *elsewhere {
	e := &elsewhere{}
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.hits.Add(1)
		if r.Header.Get("Authorization") != "" {
			e.withCredentials.Add(1)
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": "u1", "email": "u1@example.com",
			"access_token": "stolen", "token_type": "bearer", "expires_in": 3600})
	}))
	t.Cleanup(e.Close)
	return e
}

func TestRedirectNeverCarriesTheBearerToken(t *testing.T) {
	for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect} {
		for _, tc := range []struct {
			name string
			tls  bool // https → http
		}{{"another host", false}, {"https to http", true}} {
			t.Run(tc.name+" "+http.StatusText(status), func(t *testing.T) {
				target := newElsewhere(t)
				var apiHits atomic.Int64
				mux := http.NewServeMux()
				mux.HandleFunc("/v2/", func(w http.ResponseWriter, r *http.Request) {
					apiHits.Add(1)
					http.Redirect(w, r, target.URL+r.URL.Path, status)
				})
				srv := httptest.NewUnstartedServer(mux)
				if tc.tls {
					srv.StartTLS()
				} else {
					srv.Start()
				}
				t.Cleanup(srv.Close)
				c, err := New(Config{APIURL: srv.URL + "/v2", AccessToken: "bearer-secret", HTTPClient: srv.Client(), DisablePacing: true})
				if err != nil {
					t.Fatal(err)
				}
				newFakeEnv().install(c)

				_, err = c.Users.Get(context.Background(), "me")
				var re *RedirectError
				if !errors.As(err, &re) || !strings.Contains(err.Error(), "refused to follow") {
					t.Fatalf("err = %v, want a refused redirect", err)
				}
				if strings.Contains(err.Error(), "bearer-secret") {
					t.Fatal("the error shows the token")
				}
				if n := target.hits.Load(); n != 0 {
					t.Errorf("the redirect target got %d requests (%d with credentials)", n, target.withCredentials.Load())
				}
				if n := apiHits.Load(); n != 1 {
					t.Errorf("the API got %d requests, want 1 (a refused redirect is not retried)", n)
				}
			})
		}
	}
}

func TestRedirectToTheSameOriginIsFollowed(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("GET /users/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/v2/users/new", http.StatusMovedPermanently)
	})
	var auth atomic.Value
	ts.handle("GET /users/new", func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
		writeJSON(w, http.StatusOK, map[string]any{"id": "new"})
	})
	c, _ := newTestClient(t, ts, nil)
	u, err := c.Users.Get(context.Background(), "old")
	if err != nil || u.ID != "new" {
		t.Fatalf("Get = %+v, %v", u, err)
	}
	if a, _ := auth.Load().(string); !strings.HasPrefix(a, "Bearer ") {
		t.Fatalf("the same-origin redirect lost the token: %q", a)
	}
}

func TestRedirectNeverCarriesTheClientSecret(t *testing.T) {
	for _, tc := range []struct {
		name string
		tls  bool
	}{{"another host", false}, {"https to http", true}} {
		t.Run(tc.name, func(t *testing.T) {
			target := newElsewhere(t)
			var tokenHits atomic.Int64
			mux := http.NewServeMux()
			mux.HandleFunc("/oauth/token", func(w http.ResponseWriter, r *http.Request) {
				tokenHits.Add(1)
				http.Redirect(w, r, target.URL+"/oauth/token", http.StatusTemporaryRedirect)
			})
			srv := httptest.NewUnstartedServer(mux)
			if tc.tls {
				srv.StartTLS()
			} else {
				srv.Start()
			}
			t.Cleanup(srv.Close)
			c, err := New(Config{
				APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
				AccountID: testAccountID, ClientID: testClientID, ClientSecret: testClientSecret,
				HTTPClient: srv.Client(), DisablePacing: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			newFakeEnv().install(c)

			_, err = c.Users.Get(context.Background(), "me")
			var ae *AuthError
			if !errors.As(err, &ae) || !strings.Contains(err.Error(), "refused to follow") || !strings.Contains(ae.Hint, "OAuth URL") {
				t.Fatalf("err = %v, want a token error about the refused redirect", err)
			}
			if strings.Contains(err.Error(), testClientSecret) {
				t.Fatal("the error shows the secret")
			}
			if n := target.hits.Load(); n != 0 {
				t.Errorf("the redirect target got %d requests (%d with credentials)", n, target.withCredentials.Load())
			}
			if n := tokenHits.Load(); n != 1 {
				t.Errorf("the token endpoint got %d requests, want 1 (a refused redirect is not retried)", n)
			}
		})
	}
}

// endless writes status and then body bytes until the client stops reading (or most bytes, so that a test of a
// broken client ends).
func endless(status int, most int64, written *atomic.Int64) http.HandlerFunc {
	chunk := []byte(`{"users":[` + strings.Repeat(`{"id":"x"},`, 3000))
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		for written.Load() < most {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}
}

func TestOversizedSuccessBodyIsAClearErrorAndNotRetried(t *testing.T) {
	ts := newTestServer(t)
	var written, hits atomic.Int64
	const limit = 1 << 20 // the mechanism, without streaming the real 32 MiB
	h := endless(http.StatusOK, 32*limit, &written)
	ts.handle("GET /users", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); h(w, r) })
	c, _ := newTestClient(t, ts, nil)
	if c.bodyLimit != maxSuccessBody {
		t.Fatalf("bodyLimit %d, want %d", c.bodyLimit, maxSuccessBody)
	}
	c.bodyLimit = limit

	_, err := c.Users.List(context.Background(), nil)
	var tooLarge *ResponseTooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.HTTPStatus != http.StatusOK || tooLarge.Limit != limit {
		t.Fatalf("err = %v, want a ResponseTooLargeError after HTTP 200", err)
	}
	if !strings.Contains(err.Error(), "larger than 1 MiB") || !strings.Contains(err.Error(), "GET /users") {
		t.Errorf("unclear message: %v", err)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests, want 1 (an oversized answer is not retried)", hits.Load())
	}
	if written.Load() >= 32*limit {
		t.Errorf("the client read the whole %d-byte body", written.Load())
	}
}

func TestOversizedErrorBodyIsReadWithABound(t *testing.T) {
	ts := newTestServer(t)
	var written atomic.Int64
	ts.handle("GET /users/{id}", endless(http.StatusBadRequest, 64*maxErrorBody, &written))
	c, _ := newTestClient(t, ts, nil)

	_, err := c.Users.Get(context.Background(), "me")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != http.StatusBadRequest {
		t.Fatalf("err = %v, want the HTTP 400", err)
	}
	if len(apiErr.Body) > 2*maxBodyExcerpt {
		t.Errorf("the error holds %d bytes of body", len(apiErr.Body))
	}
	if written.Load() >= 64*maxErrorBody {
		t.Errorf("the client read the whole %d-byte error body", written.Load())
	}
}

func TestOversizedTokenAnswerIsAClearError(t *testing.T) {
	for _, status := range []int{http.StatusOK, http.StatusBadRequest} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			ts := newTestServer(t)
			var written atomic.Int64
			ts.setTokenHandler(endless(status, 64*maxTokenBody, &written))
			c, _ := newTestClient(t, ts, nil)

			_, err := c.Users.Get(context.Background(), "me")
			var ae *AuthError
			if !errors.As(err, &ae) || ae.HTTPStatus != status || !strings.Contains(err.Error(), "larger than 64 KiB") ||
				!strings.Contains(ae.Hint, "check the OAuth URL") {
				t.Fatalf("err = %v, want a token error saying the answer is larger than 64 KiB", err)
			}
			if n := ts.tokenRequests.Load(); n != 1 {
				t.Errorf("%d token requests, want 1", n)
			}
			if written.Load() >= 64*maxTokenBody {
				t.Errorf("the client read the whole %d-byte token answer", written.Load())
			}
		})
	}
}

func TestResponseTooLargeMessage(t *testing.T) {
	e := &ResponseTooLargeError{HTTPStatus: 200, Limit: maxSuccessBody}
	if got := e.Error(); !strings.Contains(got, "HTTP 200 is larger than 32 MiB") {
		t.Fatalf("message %q", got)
	}
}

func TestReadBounded(t *testing.T) {
	b, err := readBounded(strings.NewReader("12345"), 5)
	if err != nil || string(b) != "12345" {
		t.Fatalf("exact size: %q, %v", b, err)
	}
	b, err = readBounded(strings.NewReader("123456"), 5)
	var tooLarge *ResponseTooLargeError
	if !errors.As(err, &tooLarge) || string(b) != "12345" {
		t.Fatalf("one byte over: %q, %v", b, err)
	}
}
