package sandbox

import (
	"net/url"
	"strings"
	"sync"
	"time"
)

// maxLoggedRequests bounds the request log; the oldest records are dropped
// (the statistics keep counting).
const maxLoggedRequests = 100000

// RequestRecord is one entry of the request log. It never holds bodies,
// tokens or Authorization headers.
type RequestRecord struct {
	// Time is the sandbox-clock time the request arrived.
	Time time.Time `json:"time"`
	// Method is the HTTP method.
	Method string `json:"method"`
	// Path is the URL path.
	Path string `json:"path"`
	// Route is "METHOD pattern", e.g. "PATCH /v2/users/{userId}", or
	// "METHOD <unmatched>" for unknown paths.
	Route string `json:"route"`
	// Query is the raw query with credential-like parameters redacted.
	Query string `json:"query,omitempty"`
	// Status is the HTTP status answered; 0 when no answer was sent
	// (connection dropped, client gone).
	Status int `json:"status"`
	// Category is the rate-limit category of the route.
	Category string `json:"category,omitempty"`
	// RateLimited is true when the rate limiter refused the request.
	RateLimited bool `json:"rate_limited"`
	// Fault is the kind of the fault applied, if any.
	Fault string `json:"fault,omitempty"`
	// DurationMS is the wall-clock handling time in milliseconds.
	DurationMS float64 `json:"duration_ms"`
}

// RequestStats summarises the request log since the last clear.
type RequestStats struct {
	// Total counts every tracked request (/v2, /oauth/token, unknown paths).
	Total int `json:"total"`
	// ByCategory counts requests per rate-limit category.
	ByCategory map[string]int `json:"by_category"`
	// ByRoute counts requests per "METHOD path-template".
	ByRoute map[string]int `json:"by_route"`
	// ByStatus counts requests per HTTP status (0 = no answer).
	ByStatus map[int]int `json:"by_status"`
	// TooManyRequests counts 429 answers of any origin (limiter, faults, daily quotas).
	TooManyRequests int `json:"too_many_requests"`
	// RateLimited counts requests refused by the per-category rate limiter.
	RateLimited int `json:"rate_limited"`
	// TokenRequests counts requests to /oauth/token.
	TokenRequests int `json:"token_requests"`
	// Faults counts requests a fault rule fired on.
	Faults int `json:"faults"`
}

// requestLog is the bounded request log plus running statistics.
type requestLog struct {
	mu      sync.Mutex
	records []RequestRecord
	stats   RequestStats
}

func (l *requestLog) init() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = nil
	l.stats = RequestStats{ByCategory: map[string]int{}, ByRoute: map[string]int{}, ByStatus: map[int]int{}}
}

func (l *requestLog) add(rec RequestRecord) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.records) >= maxLoggedRequests {
		n := copy(l.records, l.records[len(l.records)/10:])
		l.records = l.records[:n]
	}
	l.records = append(l.records, rec)
	st := &l.stats
	st.Total++
	if rec.Category != "" {
		st.ByCategory[rec.Category]++
	}
	st.ByRoute[rec.Route]++
	st.ByStatus[rec.Status]++
	if rec.Status == 429 {
		st.TooManyRequests++
	}
	if rec.RateLimited {
		st.RateLimited++
	}
	if strings.HasSuffix(rec.Route, " /oauth/token") {
		st.TokenRequests++
	}
	if rec.Fault != "" {
		st.Faults++
	}
}

func (l *requestLog) snapshot() ([]RequestRecord, RequestStats) {
	l.mu.Lock()
	defer l.mu.Unlock()
	recs := append([]RequestRecord(nil), l.records...)
	st := l.stats
	st.ByCategory = copyMap(l.stats.ByCategory)
	st.ByRoute = copyMap(l.stats.ByRoute)
	st.ByStatus = copyMap(l.stats.ByStatus)
	return recs, st
}

func copyMap[K comparable](m map[K]int) map[K]int {
	out := make(map[K]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Requests returns a copy of the request log, oldest first.
func (s *Server) Requests() []RequestRecord {
	recs, _ := s.reqlog.snapshot()
	return recs
}

// RequestStats returns the request counters since the last ClearRequests.
func (s *Server) RequestStats() RequestStats {
	_, st := s.reqlog.snapshot()
	return st
}

// ClearRequests empties the request log and its counters.
func (s *Server) ClearRequests() { s.reqlog.init() }

// sensitiveQueryKeys are query parameters whose values are never logged.
var sensitiveQueryKeys = []string{"access_token", "token", "client_secret", "password", "zak", "pwd"}

// redactQuery returns raw with credential-like parameter values replaced.
func redactQuery(raw string) string {
	if raw == "" {
		return ""
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "<unparseable>"
	}
	for _, k := range sensitiveQueryKeys {
		for key := range q {
			if strings.EqualFold(key, k) {
				q[key] = []string{"REDACTED"}
			}
		}
	}
	return q.Encode()
}
