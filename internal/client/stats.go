package client

import "sync/atomic"

// Stats counts what a Client did since it was created, for benchmarks and
// diagnostics.
type Stats struct {
	// Requests is the number of HTTP requests sent to the API (every attempt),
	// by rate-limit category.
	Requests map[Category]int64
	// TotalRequests is the sum of Requests.
	TotalRequests int64
	// Retries is the number of retries after a 429, 5xx, timeout, connection
	// error or failed token request (re-authentications are not counted).
	Retries int64
	// RateLimited is the number of HTTP 429 responses received.
	RateLimited int64
	// DailyLimited is the number of those 429s that were daily quotas.
	DailyLimited int64
	// ServerErrors is the number of HTTP 5xx responses received.
	ServerErrors int64
	// TokenRequests is the number of OAuth token requests made.
	TokenRequests int64
	// Reauthentications is the number of times a token rejected with code 124
	// was replaced and the request retried.
	Reauthentications int64
}

type statsCounters struct {
	light, medium, heavy, intensive atomic.Int64
	retries                         atomic.Int64
	rateLimited                     atomic.Int64
	dailyLimited                    atomic.Int64
	serverErrors                    atomic.Int64
	tokenRequests                   atomic.Int64
	reauths                         atomic.Int64
}

func (s *statsCounters) countRequest(cat Category) {
	switch cat {
	case CategoryMedium:
		s.medium.Add(1)
	case CategoryHeavy:
		s.heavy.Add(1)
	case CategoryResourceIntensive:
		s.intensive.Add(1)
	default:
		s.light.Add(1)
	}
}

// Stats returns a snapshot of the client's counters.
func (c *Client) Stats() Stats {
	s := Stats{
		Requests: map[Category]int64{
			CategoryLight:             c.stats.light.Load(),
			CategoryMedium:            c.stats.medium.Load(),
			CategoryHeavy:             c.stats.heavy.Load(),
			CategoryResourceIntensive: c.stats.intensive.Load(),
		},
		Retries:           c.stats.retries.Load(),
		RateLimited:       c.stats.rateLimited.Load(),
		DailyLimited:      c.stats.dailyLimited.Load(),
		ServerErrors:      c.stats.serverErrors.Load(),
		TokenRequests:     c.stats.tokenRequests.Load(),
		Reauthentications: c.stats.reauths.Load(),
	}
	for _, n := range s.Requests {
		s.TotalRequests += n
	}
	return s
}
