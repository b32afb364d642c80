package sandbox

import (
	"sync"
	"time"
)

// zoomTimeLayout is Zoom's UTC timestamp format, yyyy-MM-ddTHH:mm:ssZ.
const zoomTimeLayout = "2006-01-02T15:04:05Z"

// clock is the sandbox's own clock: the real time plus an offset that tests can
// advance or set. Token expiry, daily counters, page-token expiry and
// timestamps use it; per-second rate-limit windows use the wall clock.
type clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// now returns the sandbox time.
func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// advance moves the sandbox time forward (or back, for a negative d).
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// set makes the sandbox time equal t from now on (it keeps running).
func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.offset = time.Until(t)
	c.mu.Unlock()
}

// getOffset returns the current offset from the wall clock.
func (c *clock) getOffset() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.offset
}

// setOffset restores an offset (used when loading persisted state).
func (c *clock) setOffset(d time.Duration) {
	c.mu.Lock()
	c.offset = d
	c.mu.Unlock()
}

// formatZoomTime renders t as yyyy-MM-ddTHH:mm:ssZ in UTC.
func formatZoomTime(t time.Time) string {
	return t.UTC().Format(zoomTimeLayout)
}

// dayKey is the UTC calendar day of t, used to key daily counters.
func dayKey(t time.Time) string {
	return t.UTC().Format("2006-01-02")
}

// nextUTCMidnight is the next 00:00:00Z after t.
func nextUTCMidnight(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)
}
