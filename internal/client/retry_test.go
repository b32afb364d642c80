package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"5", now.Add(5 * time.Second), true},
		{" 1.5 ", now.Add(1500 * time.Millisecond), true},
		{"0", now, true},
		{"Sat, 10 Jan 2026 12:00:30 GMT", now.Add(30 * time.Second), true},
		{"2026-01-11T00:00:00Z", time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), true},
		{"2026-01-11T02:00:00+02:00", time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), true},
		{"2026-01-11T00:00:00.000Z", time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), true},
		{"", time.Time{}, false},
		{"soon", time.Time{}, false},
		{"-3", time.Time{}, false},
	}
	for _, tc := range cases {
		got, ok := parseRetryAfter(tc.in, now)
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoffGrowsAndIsCapped(t *testing.T) {
	c, _ := newTestClient(t, newTestServer(t), nil)
	var got []time.Duration
	for n := 1; n <= 8; n++ {
		got = append(got, c.backoff(n, time.Second))
	}
	// Jitter is zero in tests: half of base·2^(n-1), capped at half of 30s.
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 15 * time.Second, 15 * time.Second, 15 * time.Second}
	if !slices.Equal(got, want) {
		t.Fatalf("backoff = %v, want %v", got, want)
	}
	c.env.jitter = func(d time.Duration) time.Duration { return d - 1 }
	if d := c.backoff(20, time.Second); d >= maxBackoff {
		t.Fatalf("jittered backoff %v exceeds cap", d)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	now := newFakeEnv().now()
	cases := map[string]struct {
		header string
		want   time.Duration
	}{
		"seconds":   {"3", 3 * time.Second},
		"http-date": {now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second},
		"iso-8601":  {now.Add(7 * time.Second).Format(time.RFC3339), 7 * time.Second},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t)
			var calls atomic.Int64
			ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
				if calls.Add(1) == 1 {
					w.Header().Set("X-RateLimit-Type", "QPS")
					w.Header().Set("X-RateLimit-Category", "Light")
					w.Header().Set("Retry-After", tc.header)
					writeZoomError(w, 429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
					return
				}
				writeJSON(w, 200, map[string]any{"id": "u1"})
			})
			c, env := newTestClient(t, ts, nil)
			if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
				t.Fatal(err)
			}
			if got := env.recorded(); len(got) != 1 || got[0] != tc.want {
				t.Fatalf("sleeps = %v, want [%v]", got, tc.want)
			}
			st := c.Stats()
			if st.RateLimited != 1 || st.Retries != 1 || st.Requests[CategoryLight] != 2 {
				t.Fatalf("stats = %+v", st)
			}
		})
	}
}

func TestDailyLimitNotRetried(t *testing.T) {
	env := newFakeEnv()
	reset := time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		method  string
		handler http.HandlerFunc
		want    time.Time
	}{
		"header form": {
			method: http.MethodGet,
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-RateLimit-Type", "Daily-limit")
				w.Header().Set("X-RateLimit-Category", "Light")
				w.Header().Set("X-RateLimit-Remaining", "0")
				w.Header().Set("Retry-After", "2026-01-11T00:00:00Z")
				writeZoomError(w, 429, 429, "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.")
			},
			want: reset,
		},
		"per-user message form": {
			method: http.MethodPost,
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-RateLimit-Category", "Medium")
				writeZoomError(w, 429, 429, "You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.")
			},
			want: reset,
		},
		"old code 300 form": {
			method: http.MethodPost,
			handler: func(w http.ResponseWriter, r *http.Request) {
				writeZoomError(w, 400, 300, "A maximum of 100 meetings can be created/updated for a single user in one day.")
			},
			want: reset,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t)
			var calls atomic.Int64
			ts.handle("/limited", func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				tc.handler(w, r)
			})
			c, fenv := newTestClient(t, ts, nil)
			fenv.t = env.t
			_, err := c.do(context.Background(), &request{method: tc.method, path: "limited", body: map[string]int{"a": 1}, category: CategoryLight})
			at, ok := IsDailyLimit(err)
			if !ok || !at.Equal(tc.want) {
				t.Fatalf("IsDailyLimit = %v, %v (err %v)", at, ok, err)
			}
			if calls.Load() != 1 || len(fenv.recorded()) != 0 {
				t.Fatalf("calls = %d, sleeps = %v: a daily limit must not be retried or slept on", calls.Load(), fenv.recorded())
			}
			if !strings.Contains(err.Error(), "resets at 2026-01-11T00:00:00Z") {
				t.Fatalf("error %q does not name the reset time", err)
			}
		})
	}
}

func TestQPS429WithoutHeadersIsRetried(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			writeZoomError(w, 429, 429, "Too many concurrent requests. A request to disassociate this user has already been made.")
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	c, env := newTestClient(t, ts, nil)
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	if got := env.recorded(); !slices.Equal(got, []time.Duration{500 * time.Millisecond, time.Second}) {
		t.Fatalf("sleeps = %v", got)
	}
}

func TestLongRetryAfterIsNotSlept(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Type", "QPS")
		w.Header().Set("Retry-After", "3600")
		writeZoomError(w, 429, 429, "Try again later.")
	})
	c, env := newTestClient(t, ts, nil)
	_, err := c.Users.Get(context.Background(), "u1")
	var e *APIError
	if !errors.As(err, &e) || !IsRateLimited(err) || !e.RetryAt.Equal(env.now().Add(time.Hour)) {
		t.Fatalf("err = %v", err)
	}
	if len(env.recorded()) != 0 {
		t.Fatalf("slept %v", env.recorded())
	}
}

func TestServerErrorRetriedOnGETNotOnPOST(t *testing.T) {
	ts := newTestServer(t)
	var gets, posts atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if gets.Add(1) <= 2 {
			writeZoomError(w, 503, 0, "Service Unavailable")
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		writeZoomError(w, 500, 0, "Internal Error")
	})
	c, env := newTestClient(t, ts, nil)
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	if gets.Load() != 3 || len(env.recorded()) != 2 {
		t.Fatalf("gets = %d, sleeps = %v", gets.Load(), env.recorded())
	}
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	if !IsMaybeProcessed(err) || posts.Load() != 1 {
		t.Fatalf("err = %v (maybe processed %v), posts = %d", err, IsMaybeProcessed(err), posts.Load())
	}
	st := c.Stats()
	if st.ServerErrors != 3 || st.Retries != 2 {
		t.Fatalf("stats = %+v", st)
	}
}

func TestRetriesBoundedByMaxRetries(t *testing.T) {
	for _, tc := range []struct {
		maxRetries *int // nil: the default, 6
		wantCalls  int64
	}{{Ptr(2), 3}, {Ptr(0), 1}, {nil, 7}} {
		ts := newTestServer(t)
		var calls atomic.Int64
		ts.handle("DELETE /users/{id}", func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			writeZoomError(w, 502, 0, "Bad Gateway")
		})
		c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.MaxRetries = tc.maxRetries })
		err := c.Users.Delete(context.Background(), "u1", nil)
		var e *APIError
		if !errors.As(err, &e) || e.HTTPStatus != 502 || IsMaybeProcessed(err) {
			t.Fatalf("MaxRetries %v: err = %v", tc.maxRetries, err)
		}
		if calls.Load() != tc.wantCalls {
			t.Fatalf("MaxRetries %v: calls = %d, want %d", tc.maxRetries, calls.Load(), tc.wantCalls)
		}
	}
}

func TestPOSTRetriedOn429(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	var mu sync.Mutex
	var bodies []string
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		if calls.Add(1) == 1 {
			w.Header().Set("X-RateLimit-Type", "QPS")
			writeZoomError(w, 429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
			return
		}
		writeJSON(w, 201, map[string]any{"id": "new", "email": "a@b.c", "type": 1})
	})
	c, _ := newTestClient(t, ts, nil)
	u, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	if err != nil || u.ID != "new" {
		t.Fatalf("Create = %+v, %v", u, err)
	}
	if len(bodies) != 2 || bodies[0] != bodies[1] || bodies[0] == "" {
		t.Fatalf("bodies = %q: the body must be re-sent identically", bodies)
	}
}

func hijackAndClose(t *testing.T, w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Error("no hijacker")
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	_ = conn.Close()
}

func TestDroppedConnection(t *testing.T) {
	ts := newTestServer(t)
	var gets, posts atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if gets.Add(1) == 1 {
			hijackAndClose(t, w)
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		_, _ = io.ReadAll(r.Body)
		hijackAndClose(t, w)
	})
	c, _ := newTestClient(t, ts, nil)
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatalf("GET after dropped connection: %v", err)
	}
	if gets.Load() != 2 {
		t.Fatalf("gets = %d", gets.Load())
	}
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	var re *RequestError
	if !errors.As(err, &re) || !IsMaybeProcessed(err) {
		t.Fatalf("err = %v", err)
	}
	if posts.Load() != 1 {
		t.Fatalf("posts = %d: a POST dropped after writing must not be retried", posts.Load())
	}
}

func TestPOSTRetriedOnDialError(t *testing.T) {
	ts := newTestServer(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	c, env := newTestClient(t, ts, func(cfg *Config) {
		cfg.APIURL = deadURL + "/v2"
		cfg.MaxRetries = Ptr(2)
	})
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	var re *RequestError
	if !errors.As(err, &re) || IsMaybeProcessed(err) || re.Attempts != 3 {
		t.Fatalf("err = %#v", err)
	}
	if len(env.recorded()) != 2 {
		t.Fatalf("sleeps = %v, want 2 retries", env.recorded())
	}
}

func TestTimeouts(t *testing.T) {
	ts := newTestServer(t)
	var gets, posts atomic.Int64
	hang := func(r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if gets.Add(1) == 1 {
			hang(r)
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	ts.handle("POST /users", func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		hang(r)
	})
	c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond })
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatalf("GET after timeout: %v", err)
	}
	_, err := c.Users.Create(context.Background(), &CreateUserRequest{Action: "create", UserInfo: CreateUserInfo{Email: "a@b.c", Type: 1}})
	var re *RequestError
	if !errors.As(err, &re) || !re.Timeout || !IsMaybeProcessed(err) || posts.Load() != 1 {
		t.Fatalf("err = %v (posts %d)", err, posts.Load())
	}
}

func TestCancellationDuringBackoff(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		writeZoomError(w, 429, 429, "Try again later.")
	})
	c, _ := newTestClient(t, ts, nil)
	c.env.sleep = sleepCtx // really wait, so that cancellation interrupts it
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Users.Get(ctx, "u1")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("returned after %v", d)
	}
	if !strings.Contains(err.Error(), "/users/u1") {
		t.Fatalf("error %q does not say which request", err)
	}
}

func TestPUTBodyResentAfter5xx(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	var mu sync.Mutex
	var bodies []string
	ts.handle("PATCH /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		if calls.Add(1) == 1 {
			w.WriteHeader(504)
			return
		}
		w.WriteHeader(204)
	})
	c, _ := newTestClient(t, ts, nil)
	if err := c.Users.Update(context.Background(), "u1", &UpdateUserRequest{FirstName: Ptr("Ann")}); err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 || bodies[0] != `{"first_name":"Ann"}` || bodies[1] != bodies[0] {
		t.Fatalf("bodies = %q", bodies)
	}
}
