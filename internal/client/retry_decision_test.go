package client

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// decisionClient is a client whose retry policy can be asked directly: no
// jitter, a fixed clock, maxRetries 2 and a 10s rate-limit budget.
func decisionClient(t *testing.T, static bool) (*Client, *fakeEnv) {
	t.Helper()
	cfg := Config{AccountID: "a", ClientID: "b", ClientSecret: "c", MaxRetries: Ptr(2), RateLimitWait: 10 * time.Second}
	if static {
		cfg = Config{AccessToken: "tok", MaxRetries: Ptr(2), RateLimitWait: 10 * time.Second}
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	env := newFakeEnv()
	env.install(c)
	return c, env
}

func apiOutcome(method string, status, code int, msg string, h http.Header) *outcome {
	if h == nil {
		h = http.Header{}
	}
	return &outcome{method: method, path: "/x", category: CategoryLight, header: h,
		apiErr: &APIError{HTTPStatus: status, Code: code, Message: msg, Method: method, Path: "/x",
			RateLimitType: h.Get("X-RateLimit-Type")}}
}

// TestDecideRetryTable checks each case of the retry policy once: whether it
// retries, how long it waits, and which budget it spends.
func TestDecideRetryTable(t *testing.T) {
	const ms = time.Millisecond
	cases := []struct {
		name    string
		static  bool
		state   retryState
		o       func(now time.Time) *outcome
		retry   bool
		wait    time.Duration
		reauth  bool
		pause   bool
		daily   bool
		after   retryState // the state after the decision
		errText string     // a piece of the error when not retried
		maybe   bool       // the error says the request may have been processed
	}{
		{name: "transient token failure retried with backoff",
			o:     func(time.Time) *outcome { return &outcome{method: "GET", tokenErr: &AuthError{HTTPStatus: 503}} },
			retry: true, wait: 250 * ms, after: retryState{retries: 1}},
		{name: "token failure with bad credentials not retried",
			o:       func(time.Time) *outcome { return &outcome{method: "GET", tokenErr: &AuthError{HTTPStatus: 401}} },
			errText: "HTTP 401"},
		{name: "transient token failure beyond maxRetries not retried", state: retryState{retries: 2},
			o:       func(time.Time) *outcome { return &outcome{method: "GET", tokenErr: &AuthError{HTTPStatus: 503}} },
			errText: "HTTP 503", after: retryState{retries: 2}},
		{name: "transport error on GET retried", state: retryState{retries: 1},
			o: func(time.Time) *outcome {
				return &outcome{method: "GET", transportErr: errors.New("reset"), wrote: true}
			},
			retry: true, wait: 500 * ms, after: retryState{retries: 2}},
		{name: "transport error on a POST not yet written retried",
			o:     func(time.Time) *outcome { return &outcome{method: "POST", transportErr: errors.New("dial")} },
			retry: true, wait: 250 * ms, after: retryState{retries: 1}},
		{name: "transport error on a written POST may have been processed",
			o: func(time.Time) *outcome {
				return &outcome{method: "POST", transportErr: errors.New("reset"), wrote: true}
			},
			errText: "reset", maybe: true},
		{name: "transport error that retrying cannot help",
			o: func(time.Time) *outcome {
				return &outcome{method: "GET", transportErr: &RedirectError{}}
			},
			errText: "redirect"},
		{name: "transport error beyond maxRetries", state: retryState{retries: 2},
			o:       func(time.Time) *outcome { return &outcome{method: "DELETE", transportErr: errors.New("reset")} },
			errText: "reset", after: retryState{retries: 2}},
		{name: "unreadable answer of an idempotent request retried",
			o: func(time.Time) *outcome {
				return &outcome{method: "PATCH", decodeErr: &DecodeError{Method: "PATCH", HTTPStatus: 200, Err: errors.New("cut")}}
			},
			retry: true, wait: 250 * ms, after: retryState{retries: 1}},
		{name: "unreadable answer of a POST may have been processed",
			o: func(time.Time) *outcome {
				return &outcome{method: "POST", decodeErr: &DecodeError{Method: "POST", HTTPStatus: 201, Err: errors.New("cut")}}
			},
			errText: "cut", maybe: true},
		{name: "unreadable answer beyond maxRetries", state: retryState{retries: 2},
			o: func(time.Time) *outcome {
				return &outcome{method: "GET", decodeErr: &DecodeError{Method: "GET", HTTPStatus: 200, Err: errors.New("cut")}}
			},
			errText: "cut", after: retryState{retries: 2}},
		{name: "rejected token replaced once",
			o:     func(time.Time) *outcome { return apiOutcome("GET", 401, 124, "Invalid access token.", nil) },
			retry: true, reauth: true, after: retryState{reauthed: true}},
		{name: "rejected token on the documented 400 replaced once",
			o:     func(time.Time) *outcome { return apiOutcome("POST", 400, 124, "Invalid access token.", nil) },
			retry: true, reauth: true, after: retryState{reauthed: true}},
		{name: "token rejected again", state: retryState{reauthed: true},
			o:       func(time.Time) *outcome { return apiOutcome("GET", 401, 124, "Invalid access token.", nil) },
			errText: "Invalid access token", after: retryState{reauthed: true}},
		{name: "static token rejected", static: true,
			o:       func(time.Time) *outcome { return apiOutcome("GET", 401, 124, "Invalid access token.", nil) },
			errText: "cannot be refreshed"},
		{name: "429 with Retry-After waits that long, not counted against maxRetries", state: retryState{retries: 2},
			o: func(time.Time) *outcome {
				return apiOutcome("POST", 429, 429, "Too many requests", http.Header{"Retry-After": {"3"}})
			},
			retry: true, wait: 3 * time.Second, pause: true, after: retryState{retries: 2, rateRetries: 1, rateWaited: 3 * time.Second}},
		{name: "429 with the wait in the message",
			o: func(time.Time) *outcome {
				return apiOutcome("GET", 429, 429, "You can resume these API requests after 5 seconds.", nil)
			},
			retry: true, wait: 5 * time.Second, pause: true, after: retryState{rateRetries: 1, rateWaited: 5 * time.Second}},
		{name: "429 without a wait backs off from one second",
			o:     func(time.Time) *outcome { return apiOutcome("GET", 429, 0, "", nil) },
			retry: true, wait: 500 * ms, pause: true, after: retryState{rateRetries: 1, rateWaited: 500 * ms}},
		{name: "429 of a Resource-intensive request backs off from six seconds",
			o: func(time.Time) *outcome {
				o := apiOutcome("GET", 429, 0, "", nil)
				o.category = CategoryResourceIntensive
				return o
			},
			retry: true, wait: 3 * time.Second, pause: true, after: retryState{rateRetries: 1, rateWaited: 3 * time.Second}},
		{name: "429 for concurrent requests does not pause the category",
			o: func(time.Time) *outcome {
				return apiOutcome("GET", 429, 0, "Too many concurrent requests.", http.Header{"Retry-After": {"1"}})
			},
			retry: true, wait: time.Second, after: retryState{rateRetries: 1, rateWaited: time.Second}},
		{name: "429 beyond the rate-limit budget", state: retryState{rateRetries: 3, rateWaited: 9 * time.Second},
			o: func(time.Time) *outcome {
				return apiOutcome("GET", 429, 0, "", http.Header{"Retry-After": {"2"}})
			},
			errText: "HTTP 429", after: retryState{rateRetries: 4, rateWaited: 9 * time.Second}},
		{name: "429 with a Retry-After longer than two minutes not waited",
			o: func(time.Time) *outcome {
				return apiOutcome("GET", 429, 0, "", http.Header{"Retry-After": {"121"}})
			},
			errText: "HTTP 429"},
		{name: "daily limit not retried",
			o: func(time.Time) *outcome {
				return apiOutcome("GET", 429, 0, "", http.Header{"X-Ratelimit-Type": {"Daily-limit"}})
			},
			daily: true, errText: "HTTP 429"},
		{name: "5xx on GET retried with backoff",
			o:     func(time.Time) *outcome { return apiOutcome("GET", 502, 0, "", nil) },
			retry: true, wait: 250 * ms, after: retryState{retries: 1}},
		{name: "5xx honours a longer Retry-After",
			o: func(time.Time) *outcome {
				return apiOutcome("PUT", 503, 0, "", http.Header{"Retry-After": {"4"}})
			},
			retry: true, wait: 4 * time.Second, after: retryState{retries: 1}},
		{name: "5xx ignores a Retry-After beyond two minutes",
			o: func(time.Time) *outcome {
				return apiOutcome("PUT", 503, 0, "", http.Header{"Retry-After": {"600"}})
			},
			retry: true, wait: 250 * ms, after: retryState{retries: 1}},
		{name: "5xx on POST may have been processed",
			o:       func(time.Time) *outcome { return apiOutcome("POST", 500, 0, "", nil) },
			errText: "HTTP 500", maybe: true},
		{name: "5xx beyond maxRetries", state: retryState{retries: 2},
			o:       func(time.Time) *outcome { return apiOutcome("GET", 500, 0, "", nil) },
			errText: "HTTP 500", after: retryState{retries: 2}},
		{name: "other error statuses not retried",
			o:       func(time.Time) *outcome { return apiOutcome("GET", 404, 1001, "User does not exist.", nil) },
			errText: "User does not exist"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, env := decisionClient(t, tc.static)
			s := tc.state
			d := c.decideRetry(tc.o(env.now()), &s)
			if d.retry != tc.retry || d.wait != tc.wait || d.reauth != tc.reauth || d.pause != tc.pause || d.daily != tc.daily {
				t.Fatalf("decision = retry %v wait %v reauth %v pause %v daily %v, want %v %v %v %v %v",
					d.retry, d.wait, d.reauth, d.pause, d.daily, tc.retry, tc.wait, tc.reauth, tc.pause, tc.daily)
			}
			if s != tc.after {
				t.Fatalf("state after = %+v, want %+v", s, tc.after)
			}
			if tc.retry {
				if d.err != nil {
					t.Fatalf("a retry carries no error, got %v", d.err)
				}
				if !tc.reauth && d.waitingFor == "" {
					t.Fatal("a retry after a wait says what it waits for")
				}
				return
			}
			if d.err == nil || !strings.Contains(d.err.Error(), tc.errText) {
				t.Fatalf("error = %v, want one containing %q", d.err, tc.errText)
			}
			if got := IsMaybeProcessed(d.err); got != tc.maybe {
				t.Fatalf("IsMaybeProcessed = %v, want %v (%v)", got, tc.maybe, d.err)
			}
		})
	}
}

// TestDecideRetryGivingUpOn429SetsRetryAt: a 429 that is not waited out says when to try again.
func TestDecideRetryGivingUpOn429SetsRetryAt(t *testing.T) {
	c, env := decisionClient(t, false)
	o := apiOutcome("GET", 429, 0, "", http.Header{"Retry-After": {"300"}})
	d := c.decideRetry(o, &retryState{})
	if want := env.now().Add(300 * time.Second); !o.apiErr.RetryAt.Equal(want) || d.retry {
		t.Fatalf("RetryAt = %v, want %v", o.apiErr.RetryAt, want)
	}
}
