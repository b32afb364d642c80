package client

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func pacerEnv() (*fakeEnv, *runtimeEnv) {
	f := newFakeEnv()
	return f, &runtimeEnv{now: f.now, sleep: f.sleep, jitter: func(time.Duration) time.Duration { return 0 }}
}

func TestPacerSpreadsSequentialBurst(t *testing.T) {
	f, env := pacerEnv()
	p := newPacer("free", env) // Light: 4/s documented → burst 1, then 3/s
	start := f.now()
	var times []time.Time
	for range 9 {
		if err := p.wait(context.Background(), CategoryLight); err != nil {
			t.Fatal(err)
		}
		times = append(times, f.now())
	}
	if got, want := times[len(times)-1].Sub(start), 8*time.Second/3; absDur(got-want) > time.Millisecond {
		t.Fatalf("9 requests took %v of virtual time, want %v", got, want)
	}
	// No one-second window holds more than the documented 4 requests.
	for i := range times {
		n := 0
		for _, u := range times[i:] {
			if u.Sub(times[i]) < time.Second {
				n++
			}
		}
		if n > 4 {
			t.Fatalf("%d requests within one second starting at %v", n, times[i].Sub(start))
		}
	}
	// Categories are independent: Medium is not slowed by Light.
	before := f.now()
	if err := p.wait(context.Background(), CategoryMedium); err != nil || !f.now().Equal(before) {
		t.Fatalf("Medium waited %v", f.now().Sub(before))
	}
}

func TestPacerConcurrentBurstThroughClient(t *testing.T) {
	ts := newTestServer(t)
	var hits atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	c, err := New(Config{
		APIURL: ts.URL + "/v2", OAuthURL: ts.URL + "/oauth/token",
		AccountID: testAccountID, ClientID: testClientID, ClientSecret: testClientSecret,
		Plan: "free",
	})
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeEnv()
	f.frozen = true // all reservations happen at the same instant
	f.install(c)

	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if hits.Load() != 10 {
		t.Fatalf("hits = %d", hits.Load())
	}
	// Burst 1 at 3/s: one request at once, the others a third of a second apart.
	got := f.recorded()
	slices.Sort(got)
	if len(got) != 9 {
		t.Fatalf("pacing waits = %v, want 9", got)
	}
	for i, d := range got {
		want := time.Duration(float64(i+1) / 3 * float64(time.Second))
		if absDur(d-want) > time.Millisecond {
			t.Fatalf("wait %d = %v, want %v (all: %v)", i, d, want, got)
		}
	}
}

func TestPacerPauseAfter429(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("X-RateLimit-Type", "QPS")
			w.Header().Set("Retry-After", "2")
			writeZoomError(w, 429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
			return
		}
		writeJSON(w, 200, map[string]any{"id": "u1"})
	})
	c, f := newTestClient(t, ts, func(cfg *Config) { cfg.DisablePacing = false; cfg.Plan = "business" })
	f.frozen = true
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	// The category is held back for the Retry-After, so other goroutines
	// wait too (the clock is frozen, so the pause is still in force).
	b := c.pacer.buckets[CategoryLight]
	b.mu.Lock()
	paused := b.pausedUntil
	b.mu.Unlock()
	if !paused.Equal(f.now().Add(2 * time.Second)) {
		t.Fatalf("pausedUntil = %v, want now+2s", paused)
	}
	before := len(f.recorded())
	if err := c.pacer.wait(context.Background(), CategoryLight); err != nil {
		t.Fatal(err)
	}
	if got := f.recorded()[before:]; len(got) == 0 || got[0] != 2*time.Second {
		t.Fatalf("wait after pause slept %v", got)
	}
	// Other categories are not paused.
	before = len(f.recorded())
	if err := c.pacer.wait(context.Background(), CategoryMedium); err != nil || len(f.recorded()) != before {
		t.Fatalf("Medium slept %v, %v", f.recorded()[before:], err)
	}
}

func TestPacerHonoursContext(t *testing.T) {
	_, env := pacerEnv()
	env.sleep = sleepCtx
	p := newPacer("free", env)
	p.pause(CategoryLight, time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := p.wait(ctx, CategoryLight); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	var nilPacer *pacer
	if err := nilPacer.wait(context.Background(), CategoryLight); err != nil {
		t.Fatal(err)
	}
	nilPacer.pause(CategoryLight, time.Second)
}

func TestPlans(t *testing.T) {
	for in, want := range map[string]string{"": "pro", "Free": "free", "pro": "pro", "business": "business", "Enterprise": "business", "business+": "business"} {
		got, err := normalizePlan(in)
		if err != nil || got != want {
			t.Errorf("normalizePlan(%q) = %q, %v", in, got, err)
		}
	}
	p := newPacer("business", defaultEnv())
	if l := p.buckets[CategoryResourceIntensive].lim; l.Burst() != 1 || absFloat(float64(l.Limit())-19.0/60) > 1e-9 {
		t.Fatalf("business Resource-intensive: burst %d, limit %v", l.Burst(), l.Limit())
	}
	if l := p.buckets[CategoryLight].lim; l.Burst() != 1 || float64(l.Limit()) != 79 {
		t.Fatalf("business Light: burst %d, limit %v", l.Burst(), l.Limit())
	}
	c, _ := newTestClient(t, newTestServer(t), nil)
	if c.pacer != nil {
		t.Fatal("DisablePacing did not disable pacing")
	}
	if len(Categories()) != 4 {
		t.Fatal("Categories")
	}
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func absFloat(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// A category documented at one request per window (free plan's Heavy: 1/s) runs at that rate: a bucket of one
// request that refills one per window, never a limiter that cannot grant a second request.
func TestPacerOnePerWindow(t *testing.T) {
	f, env := pacerEnv()
	p := newPacer("free", env)
	start := f.now()
	for range 4 {
		if err := p.wait(context.Background(), CategoryHeavy); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.now().Sub(start); absDur(got-3*time.Second) > time.Millisecond {
		t.Fatalf("4 Heavy requests took %v of virtual time, want 3s", got)
	}
}

// TestPacerLateWakeupKeepsTheLimit: requests whose slots passed while the process was not scheduled (all woken at
// once, late) still go at most the documented count per window, not all together.
func TestPacerLateWakeupKeepsTheLimit(t *testing.T) {
	f, env := pacerEnv()       // sleeping advances the clock
	p := newPacer("free", env) // Light: 4 per second documented
	b := p.buckets[CategoryLight]
	start := f.now()
	f.advance(5 * time.Second) // ten slots a third of a second apart, all passed
	var got []time.Time
	for i := range 10 {
		at, err := b.admit(context.Background(), env, start.Add(time.Duration(i)*time.Second/3))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, at)
	}
	for i := range got {
		n := 0
		for _, u := range got[i:] {
			if u.Sub(got[i]) < time.Second {
				n++
			}
		}
		if n > 4 {
			t.Fatalf("%d requests let through within one second from %v (all: %v)", n, got[i].Sub(start), got)
		}
	}
	// Four at once (the documented count), then four a second later, then two.
	if want := start.Add(7 * time.Second); !got[9].Equal(want) {
		t.Errorf("last request let through at %v, want %v", got[9].Sub(start), want.Sub(start))
	}
	// Requests at their slots are not held back: the bucket's spacing keeps the count by itself.
	f2, env2 := pacerEnv()
	q := newPacer("free", env2)
	before := f2.now()
	for range 9 {
		if err := q.wait(context.Background(), CategoryLight); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := f2.now().Sub(before), 8*time.Second/3; absDur(got-want) > time.Millisecond {
		t.Errorf("9 requests at their slots took %v, want %v", got, want)
	}
}
