package client

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Category is a Zoom rate-limit category (the "Rate Limit Label" of an
// endpoint). Its values equal the X-RateLimit-Category header values.
type Category string

// Zoom rate-limit categories.
const (
	CategoryLight             Category = "Light"
	CategoryMedium            Category = "Medium"
	CategoryHeavy             Category = "Heavy"
	CategoryResourceIntensive Category = "Resource-intensive"
)

// Categories lists every rate-limit category.
func Categories() []Category {
	return []Category{CategoryLight, CategoryMedium, CategoryHeavy, CategoryResourceIntensive}
}

// planLimit is one category's documented limit: count requests per window.
type planLimit struct {
	count  int
	window time.Duration
}

// Plans lists the Zoom plans whose rate limits the client knows, the values of Config.Plan (the provider's
// account_plan takes exactly these). Config.Plan accepts a few other names of the same tiers too (see
// normalizePlan).
func Plans() []string { return []string{"free", "pro", "business"} }

// planLimits is docs/development/zoom-api.md#rate-limits: per-account limits per plan and category.
var planLimits = map[string]map[Category]planLimit{
	"free": {
		CategoryLight:             {4, time.Second},
		CategoryMedium:            {2, time.Second},
		CategoryHeavy:             {1, time.Second},
		CategoryResourceIntensive: {10, time.Minute},
	},
	"pro": {
		CategoryLight:             {30, time.Second},
		CategoryMedium:            {20, time.Second},
		CategoryHeavy:             {10, time.Second},
		CategoryResourceIntensive: {10, time.Minute},
	},
	"business": {
		CategoryLight:             {80, time.Second},
		CategoryMedium:            {60, time.Second},
		CategoryHeavy:             {40, time.Second},
		CategoryResourceIntensive: {20, time.Minute},
	},
}

// normalizePlan maps a configured plan name to a planLimits key.
func normalizePlan(p string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(p)) {
	case "":
		return DefaultPlan, nil
	case "free", "basic":
		return "free", nil
	case "pro":
		return "pro", nil
	case "business", "business+", "business_plus", "businessplus", "enterprise", "education":
		return "business", nil
	default:
		return "", fmt.Errorf("zoom client: unknown plan %q: use one of %s", p, strings.Join(Plans(), ", "))
	}
}

// pacer spaces requests per category with token buckets so that one
// client's parallel operations stay under the account's limits. A nil
// *pacer paces nothing.
//
// Each bucket holds one request and refills at the documented count less one
// per window, so that any window of the documented length sees at most the
// documented count (one request at its start, then count-1 more), while a
// saturated category runs at (count-1)/count of its limit: 95% of Pro's
// Medium (19/s), 97% of its Light (29/s). A larger burst b would cost b-1
// requests per window at the same bound: a burst of 10% held Pro's Medium at
// 18/s (make bench measures the rate against the floor).
//
// The bucket grants each request a time slot in the order requests arrive
// (reservations: one timer per waiting request, no polling; a category never
// waits for another). A process that is not scheduled for a while (a busy
// machine) wakes many requests whose slots have passed at once, so each
// request is also checked against the documented count of the requests sent
// in the last window (admit) before it goes.
type pacer struct {
	env     *runtimeEnv
	buckets map[Category]*bucket
}

type bucket struct {
	lim *rate.Limiter
	mu  sync.Mutex
	// pausedUntil holds the category back after a 429 despite pacing.
	pausedUntil time.Time
	// sent holds the times of the last count requests let through (count and window: the documented limit).
	sent   []time.Time
	count  int
	window time.Duration
}

func newPacer(plan string, env *runtimeEnv) *pacer {
	p := &pacer{env: env, buckets: make(map[Category]*bucket)}
	for cat, l := range planLimits[plan] {
		burst := 1
		perSecond := float64(max(1, l.count-burst)) / l.window.Seconds()
		p.buckets[cat] = &bucket{lim: rate.NewLimiter(rate.Limit(perSecond), burst), count: l.count, window: l.window}
	}
	return p
}

// wait blocks until a request of category cat may be sent, or ctx ends.
func (p *pacer) wait(ctx context.Context, cat Category) error {
	if p == nil {
		return nil
	}
	b := p.buckets[cat]
	if b == nil {
		b = p.buckets[CategoryLight]
	}
	b.mu.Lock()
	paused := b.pausedUntil
	b.mu.Unlock()
	if d := paused.Sub(p.env.now()); d > 0 {
		if err := p.env.sleep(ctx, d); err != nil {
			return err
		}
	}
	now := p.env.now()
	r := b.lim.ReserveN(now, 1)
	if !r.OK() {
		return fmt.Errorf("rate limiter for %s cannot grant a request", cat)
	}
	d := r.DelayFrom(now)
	if d > 0 {
		if err := p.env.sleep(ctx, d); err != nil {
			r.CancelAt(p.env.now())
			return err
		}
	}
	_, err := b.admit(ctx, p.env, now.Add(max(d, 0)))
	return err
}

// admit lets a request whose slot is at go once fewer than the documented count of requests were let through in
// the window before it (at is moved to the clock when the clock is later), waiting otherwise; it returns the time
// it let the request through at. The token bucket's slots keep that bound by themselves while requests go at
// their slots; this holds it when many go late at once.
func (b *bucket) admit(ctx context.Context, env *runtimeEnv, at time.Time) (time.Time, error) {
	if b.count <= 0 || b.window <= 0 {
		return at, nil
	}
	for {
		b.mu.Lock()
		if now := env.now(); now.After(at) {
			at = now
		}
		inWindow, oldest, oldestIdx := 0, time.Time{}, -1
		for i, s := range b.sent {
			if !s.After(at) && at.Sub(s) < b.window {
				inWindow++
				if oldest.IsZero() || s.Before(oldest) {
					oldest = s
				}
			}
			if oldestIdx < 0 || s.Before(b.sent[oldestIdx]) {
				oldestIdx = i
			}
		}
		if inWindow < b.count {
			if len(b.sent) < b.count {
				b.sent = append(b.sent, at)
			} else {
				b.sent[oldestIdx] = at
			}
			b.mu.Unlock()
			return at, nil
		}
		wait := oldest.Add(b.window).Sub(at)
		b.mu.Unlock()
		if err := env.sleep(ctx, wait); err != nil {
			return at, err
		}
		at = at.Add(wait)
	}
}

// pause holds category cat back for d (after a QPS 429), so that parallel
// operations wait instead of hammering Zoom.
func (p *pacer) pause(cat Category, d time.Duration) {
	if p == nil || d <= 0 {
		return
	}
	b := p.buckets[cat]
	if b == nil {
		return
	}
	until := p.env.now().Add(d)
	b.mu.Lock()
	if until.After(b.pausedUntil) {
		b.pausedUntil = until
	}
	b.mu.Unlock()
}
