package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// categoryLimit is one category's quota for the current plan.
type categoryLimit struct {
	perWindow int           // requests per window
	window    time.Duration // one second, or one minute for Resource-intensive
	daily     int           // daily quota, 0 = none
	// dailyGroup names the daily counter; Heavy and Resource-intensive share
	// one on Pro and Business plans.
	dailyGroup string
}

// planLimits is the table of docs/development/zoom-api.md#rate-limits.
func planLimits(plan string, c Category) categoryLimit {
	const sharedHeavy = "Heavy+Resource-intensive"
	switch plan {
	case PlanFree:
		switch c {
		case CategoryLight:
			return categoryLimit{4, time.Second, 6000, string(c)}
		case CategoryMedium:
			return categoryLimit{2, time.Second, 2000, string(c)}
		case CategoryHeavy:
			return categoryLimit{1, time.Second, 1000, string(c)}
		default:
			return categoryLimit{10, time.Minute, 30000, string(c)}
		}
	case PlanPro:
		switch c {
		case CategoryLight:
			return categoryLimit{30, time.Second, 0, string(c)}
		case CategoryMedium:
			return categoryLimit{20, time.Second, 0, string(c)}
		case CategoryHeavy:
			return categoryLimit{10, time.Second, 30000, sharedHeavy}
		default:
			return categoryLimit{10, time.Minute, 30000, sharedHeavy}
		}
	default:
		switch c {
		case CategoryLight:
			return categoryLimit{80, time.Second, 0, string(c)}
		case CategoryMedium:
			return categoryLimit{60, time.Second, 0, string(c)}
		case CategoryHeavy:
			return categoryLimit{40, time.Second, 60000, sharedHeavy}
		default:
			return categoryLimit{20, time.Minute, 60000, sharedHeavy}
		}
	}
}

// limitsFor applies the profile's overrides to the plan table.
func limitsFor(p Profile, c Category) categoryLimit {
	l := planLimits(p.Plan, c)
	if o, ok := p.RateLimitOverrides[string(c)]; ok {
		if o.PerWindow > 0 {
			l.perWindow = o.PerWindow
		}
		switch {
		case o.Daily > 0:
			l.daily = o.Daily
			l.dailyGroup = string(c)
		case o.Daily < 0:
			l.daily = 0
		}
	}
	return l
}

// bucket is a token bucket refilled continuously by the wall clock.
type bucket struct {
	tokens float64
	last   time.Time
}

// checkRateLimitLocked consumes one request of category c. It returns the
// X-RateLimit-* headers to send and, when the request is refused, the 429
// answer (QPS or daily). Per-second windows use the wall clock; daily counters
// use the sandbox clock and reset at 00:00 UTC.
func (s *Server) checkRateLimitLocked(c Category, now, wall time.Time) (http.Header, *apiResponse) {
	lim := limitsFor(s.profile, c)
	h := http.Header{}
	h.Set("X-RateLimit-Category", string(c))

	dayCount := 0
	key := ""
	if lim.daily > 0 {
		key = "ratelimit|" + dayKey(now) + "|" + lim.dailyGroup
		dayCount = s.st.Counters[key]
		if dayCount >= lim.daily {
			h.Set("X-RateLimit-Type", "Daily-limit")
			h.Set("X-RateLimit-Limit", strconv.Itoa(lim.daily))
			h.Set("X-RateLimit-Remaining", "0")
			h.Set("Retry-After", formatZoomTime(nextUTCMidnight(now)))
			resp := errResp(http.StatusTooManyRequests, codeRateLimited, msgDailyLimit)
			resp.header = h
			return nil, &resp
		}
	}

	b := s.buckets[c]
	capacity := float64(lim.perWindow)
	if b == nil {
		b = &bucket{tokens: capacity, last: wall}
		s.buckets[c] = b
	}
	if elapsed := wall.Sub(b.last); elapsed > 0 {
		b.tokens += elapsed.Seconds() / lim.window.Seconds() * capacity
	}
	b.last = wall
	if b.tokens > capacity {
		b.tokens = capacity
	}
	if b.tokens < 1 {
		h.Set("X-RateLimit-Type", "QPS")
		h.Set("X-RateLimit-Limit", strconv.Itoa(lim.perWindow))
		h.Set("X-RateLimit-Remaining", "0")
		resp := errResp(http.StatusTooManyRequests, codeRateLimited, msgQPSLimit)
		resp.header = h
		return nil, &resp
	}
	b.tokens--

	if lim.daily > 0 {
		s.st.pruneCounters("ratelimit|", dayKey(now))
		s.st.Counters[key] = dayCount + 1
		s.countersDirty = true
		h.Set("X-RateLimit-Type", "Daily-limit")
		h.Set("X-RateLimit-Limit", strconv.Itoa(lim.daily))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(lim.daily-dayCount-1))
	} else {
		h.Set("X-RateLimit-Type", "QPS")
		h.Set("X-RateLimit-Limit", strconv.Itoa(lim.perWindow))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(int(math.Floor(b.tokens))))
	}
	return h, nil
}

// qpsHeaders are the headers of a QPS 429 for category c (used by faults).
func (s *Server) qpsHeaders(c Category) http.Header {
	h := http.Header{}
	h.Set("X-RateLimit-Type", "QPS")
	h.Set("X-RateLimit-Remaining", "0")
	if c != "" {
		s.mu.Lock()
		lim := limitsFor(s.profile, c)
		s.mu.Unlock()
		h.Set("X-RateLimit-Category", string(c))
		h.Set("X-RateLimit-Limit", strconv.Itoa(lim.perWindow))
	}
	return h
}
