package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// An idempotent request whose successful answer is cut short or unreadable is retried like a 5xx.
func TestUnreadableAnswerRetriedOnIdempotentRequests(t *testing.T) {
	ts := newTestServer(t)
	var gets atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if gets.Add(1) <= 2 {
			w.WriteHeader(200)
			_, _ = io.WriteString(w, `{"id":"u1","first_na`)
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1", "email": "a@b.c"})
	})
	c, env := newTestClient(t, ts, nil)
	u, err := c.Users.Get(context.Background(), "u1")
	if err != nil || u.Email != "a@b.c" {
		t.Fatalf("user = %+v, err = %v", u, err)
	}
	if gets.Load() != 3 || len(env.recorded()) != 2 {
		t.Fatalf("gets = %d, sleeps = %v", gets.Load(), env.recorded())
	}
}

// A POST whose success answer is unreadable is not retried and says that Zoom carried it out.
func TestUnreadableCreateAnswerIsMaybeProcessed(t *testing.T) {
	ts := newTestServer(t)
	var posts atomic.Int64
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		w.WriteHeader(201)
		_, _ = io.WriteString(w, `{"id":"u1","ema`)
	})
	c, _ := newTestClient(t, ts, nil)
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	var de *DecodeError
	if !errors.As(err, &de) || !IsMaybeProcessed(err) || posts.Load() != 1 {
		t.Fatalf("err = %v (maybe processed %v), posts = %d", err, IsMaybeProcessed(err), posts.Load())
	}
	if !strings.Contains(err.Error(), "Zoom processed the request") {
		t.Fatalf("error %q does not say the request was processed", err)
	}
}

// A 5xx answer to a POST says that Zoom may have processed it.
func TestServerErrorOnPOSTSaysMaybeProcessed(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) { writeZoomError(w, 502, 0, "Bad Gateway") })
	c, _ := newTestClient(t, ts, nil)
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	if !IsMaybeProcessed(err) || !strings.Contains(err.Error(), "HTTP 502") || !strings.Contains(err.Error(), "may have processed") {
		t.Fatalf("err = %v", err)
	}
}

// Waiting out 429s does not use up the error-retry budget: six 429s and then a 500 still leave retries for the
// 500, with max_retries = 1.
func TestRateLimitWaitsDoNotUseTheRetryBudget(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("DELETE /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		switch n := calls.Add(1); {
		case n <= 6:
			w.Header().Set("X-RateLimit-Type", "QPS")
			w.Header().Set("Retry-After", "1")
			writeZoomError(w, 429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
		case n == 7:
			writeZoomError(w, 500, 0, "Internal Error")
		default:
			w.WriteHeader(204)
		}
	})
	c, env := newTestClient(t, ts, func(cfg *Config) { cfg.MaxRetries = Ptr(1) })
	if err := c.Users.Delete(context.Background(), "u1", nil); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 8 || len(env.recorded()) != 7 {
		t.Fatalf("calls = %d, sleeps = %v", calls.Load(), env.recorded())
	}
}

// Waiting out 429s is bounded by time: with a 5 s budget and Retry-After 2, the third 429 is returned.
func TestRateLimitWaitIsBoundedByTime(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("X-RateLimit-Type", "QPS")
		w.Header().Set("Retry-After", "2")
		writeZoomError(w, 429, 429, "Try again later.")
	})
	c, env := newTestClient(t, ts, func(cfg *Config) { cfg.RateLimitWait = 5 * time.Second; cfg.MaxRetries = Ptr(20) })
	_, err := c.Users.Get(context.Background(), "u1")
	if !IsRateLimited(err) || calls.Load() != 3 || len(env.recorded()) != 2 {
		t.Fatalf("err = %v, calls = %d, sleeps = %v", err, calls.Load(), env.recorded())
	}
}

// ServerNow follows Zoom's Date header rather than the local clock.
func TestServerNowFollowsDateHeader(t *testing.T) {
	ts := newTestServer(t)
	zoomNow := time.Date(2026, 1, 10, 15, 0, 0, 0, time.UTC) // three hours ahead of the fake local clock
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", zoomNow.Format(http.TimeFormat))
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	c, env := newTestClient(t, ts, nil)
	if got := c.ServerNow(); !got.Equal(env.now()) {
		t.Fatalf("before any answer ServerNow = %v, want the local %v", got, env.now())
	}
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	env.advance(time.Minute)
	if got := c.ServerNow(); !got.Equal(zoomNow.Add(time.Minute)) {
		t.Fatalf("ServerNow = %v, want %v", got, zoomNow.Add(time.Minute))
	}
}

// A PATCH whose (unneeded) answer is JSON cut short is retried: the answer was lost halfway.
func TestCutShortAnswerRetriedWhenNoBodyIsExpected(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("PATCH /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(200)
			_, _ = io.WriteString(w, `{"id":"u1","first_na`)
			return
		}
		w.WriteHeader(204)
	})
	c, _ := newTestClient(t, ts, nil)
	if err := c.Users.Update(context.Background(), "u1", &UpdateUserRequest{FirstName: Ptr("Ann")}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 {
		t.Fatalf("calls = %d, want 2", calls.Load())
	}
}
