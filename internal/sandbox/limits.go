package sandbox

import "time"

// RateLimit is one category's effective quota, as the sandbox enforces it.
type RateLimit struct {
	// PerWindow requests are allowed per Window.
	PerWindow int `json:"per_window"`
	// Window is one second, or one minute for Resource-intensive.
	Window time.Duration `json:"window"`
	// Daily is the daily quota, 0 when there is none.
	Daily int `json:"daily"`
}

// PerSecond is the sustained rate the quota allows, in requests per second.
func (l RateLimit) PerSecond() float64 {
	if l.Window <= 0 {
		return 0
	}
	return float64(l.PerWindow) / l.Window.Seconds()
}

// Categories lists the rate-limit categories, lightest first.
func Categories() []Category {
	return []Category{CategoryLight, CategoryMedium, CategoryHeavy, CategoryResourceIntensive}
}

// RateLimits returns the quota of every category under p: the plan's numbers from docs/development/zoom-api.md#rate-limits with p's
// overrides applied. It is what the limiter enforces when p.RateLimitsEnabled is true, so that tools such as
// zoom-bench compare against the same table.
func (p Profile) RateLimits() map[Category]RateLimit {
	out := make(map[Category]RateLimit, 4)
	for _, c := range Categories() {
		l := limitsFor(p, c)
		out[c] = RateLimit{PerWindow: l.perWindow, Window: l.window, Daily: l.daily}
	}
	return out
}
