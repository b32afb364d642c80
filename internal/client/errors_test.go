package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// errorClient returns a client whose GET /e answers with h.
func errorClient(t *testing.T, h http.HandlerFunc) *Client {
	t.Helper()
	ts := newTestServer(t)
	ts.handle("/e", h)
	c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.MaxRetries = Ptr(0) })
	return c
}

func TestAPIErrorValidation(t *testing.T) {
	c := errorClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, map[string]any{
			"code": 300, "message": "Validation Failed.",
			"errors": []map[string]string{
				{"field": "user_info.email", "message": "Invalid field."},
				{"field": "user_info.type", "message": "Invalid field."},
			},
		})
	})
	_, err := c.patch(context.Background(), "e", nil, map[string]string{"x": "y"}, CategoryLight)
	var e *APIError
	if !errors.As(err, &e) {
		t.Fatalf("err = %T %v", err, err)
	}
	want := "PATCH /e: HTTP 400, Zoom code 300: Validation Failed. (user_info.email: Invalid field.; user_info.type: Invalid field.)"
	if err.Error() != want {
		t.Fatalf("Error() = %q\nwant      %q", err.Error(), want)
	}
	if len(e.Errors) != 2 || e.Errors[1] != (FieldError{Field: "user_info.type", Message: "Invalid field."}) {
		t.Fatalf("Errors = %+v", e.Errors)
	}
	if IsNotFound(err) || IsConflict(err) || IsRateLimited(err) || IsUnauthorized(err) || IsMaybeProcessed(err) {
		t.Fatal("a validation error matched another predicate")
	}
	if _, ok := IsDailyLimit(err); ok {
		t.Fatal("IsDailyLimit")
	}
}

func TestIsNotFound(t *testing.T) {
	cases := []struct {
		status int
		body   string
		want   bool
	}{
		{404, `{"code":1001,"message":"User does not exist: u1."}`, true},
		{404, `{"code":3001,"message":"Meeting does not exist: 1."}`, true},
		{404, ``, true},
		{404, `{"code":404,"message":"Registration has not been enabled for this meeting: 1."}`, false},
		{400, `{"code":1001,"message":"x"}`, false},
		{400, `{"code":300,"message":"x"}`, false},
	}
	for _, tc := range cases {
		c := errorClient(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(tc.status)
			_, _ = io.WriteString(w, tc.body)
		})
		_, err := c.get(context.Background(), "e", nil, CategoryLight, nil)
		if got := IsNotFound(err); got != tc.want {
			t.Errorf("%d %s: IsNotFound = %v, want %v (%v)", tc.status, tc.body, got, tc.want, err)
		}
		// Wrapping keeps the predicates working.
		if got := IsNotFound(fmt.Errorf("reading: %w", err)); got != tc.want {
			t.Errorf("wrapped: IsNotFound = %v", got)
		}
	}
}

func TestIsConflict(t *testing.T) {
	c := errorClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeZoomError(w, 409, 1005, `Email "a@b.c" has already been used.`)
	})
	_, err := c.get(context.Background(), "e", nil, CategoryLight, nil)
	if !IsConflict(err) {
		t.Fatalf("IsConflict false for %v", err)
	}
}

func TestIsScopeMissing(t *testing.T) {
	for _, tc := range []struct {
		code int
		msg  string
		want []string
	}{
		{4711, "Invalid access token, does not contain scopes:[user:read:list_users:admin].", []string{"user:read:list_users:admin"}},
		{4711, "Invalid access token, does not contain scopes:[contact:read:list_contacts, contact:read:list_contacts:admin].", []string{"contact:read:list_contacts", "contact:read:list_contacts:admin"}},
		{4700, "Invalid access token, does not contain scopes. The user is not authorized.", nil},
	} {
		c := errorClient(t, func(w http.ResponseWriter, r *http.Request) { writeZoomError(w, 400, tc.code, tc.msg) })
		_, err := c.get(context.Background(), "e", nil, CategoryLight, nil)
		scopes, ok := IsScopeMissing(err)
		if !ok || !slices.Equal(scopes, tc.want) {
			t.Errorf("IsScopeMissing(%q) = %v, %v; want %v", tc.msg, scopes, ok, tc.want)
		}
	}
	if _, ok := IsScopeMissing(errors.New("x")); ok {
		t.Error("plain error matched")
	}
}

func TestHTMLErrorBody(t *testing.T) {
	c := errorClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		_, _ = io.WriteString(w, "<html><head><title>502 Bad Gateway</title></head><body>"+strings.Repeat("x", 10000)+"</body></html>")
	})
	_, err := c.put(context.Background(), "e", map[string]int{"a": 1}, CategoryLight, nil)
	var e *APIError
	if !errors.As(err, &e) || e.HTTPStatus != 502 || e.Code != 0 {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasPrefix(e.Body, "<html><head><title>502 Bad Gateway") || len(e.Body) > maxBodyExcerpt+8 {
		t.Fatalf("Body = %q (%d bytes)", e.Body[:min(80, len(e.Body))], len(e.Body))
	}
	if !strings.Contains(err.Error(), "HTTP 502: Bad Gateway (body:") || len(err.Error()) > 400 {
		t.Fatalf("Error() = %q", err.Error())
	}
}

func TestSuccessBodyDecoding(t *testing.T) {
	cases := map[string]struct {
		status  int
		body    string
		wantErr string
	}{
		"truncated json": {200, `{"id":"u1","email":"a@b`, "body starts with"},
		"html on 200":    {200, `<html>maintenance</html>`, `"<html>maintenance</html>"`},
		"empty on 200":   {200, ``, "empty response body"},
		"wrong shape":    {200, `[1,2]`, "cannot decode"},
		"empty 204":      {204, ``, ""},
		"created":        {201, `{"id":"u1"}`, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := errorClient(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			})
			var u User
			_, err := c.get(context.Background(), "e", nil, CategoryLight, &u)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var de *DecodeError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want DecodeError containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestEmptyBodyWhenNothingExpected(t *testing.T) {
	c := errorClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		_, _ = io.WriteString(w, "not json either")
	})
	if _, err := c.put(context.Background(), "e", map[string]string{"action": "activate"}, CategoryLight, nil); err != nil {
		t.Fatalf("a 2xx with an ignored body must succeed: %v", err)
	}
}

func TestRequestErrorAndAuthErrorMessages(t *testing.T) {
	re := &RequestError{Method: "POST", Path: "/users", Attempts: 1, Timeout: true, MaybeProcessed: true, Err: errors.New("context deadline exceeded")}
	if got := re.Error(); got != "POST /users: request timed out: context deadline exceeded (Zoom may have processed the request)" {
		t.Fatalf("RequestError = %q", got)
	}
	ae := &AuthError{HTTPStatus: 400, ErrorCode: "invalid_client", Reason: "Invalid client_id or client_secret", Hint: "fix it"}
	if got := ae.Error(); got != "zoom: OAuth token request (grant account_credentials) failed: HTTP 400 invalid_client (Invalid client_id or client_secret): fix it" {
		t.Fatalf("AuthError = %q", got)
	}
}
