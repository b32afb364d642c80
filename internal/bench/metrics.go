package bench

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Floor is the physical lower bound of a phase's wall time: the requests of each rate-limit category divided by
// that category's sustained limit (requests per second), the largest of these. admitted counts the requests the
// sandbox's limiter let through per category; a category without a positive limit is ignored. It returns the
// bound in seconds and the category that sets it ("" when there were no requests).
func Floor(admitted map[string]int, perSecond map[string]float64) (float64, string) {
	best, which := 0.0, ""
	cats := make([]string, 0, len(admitted))
	for c := range admitted {
		cats = append(cats, c)
	}
	sort.Strings(cats) // deterministic choice between equal bounds
	for _, c := range cats {
		lim := perSecond[c]
		if lim <= 0 || admitted[c] <= 0 {
			continue
		}
		if s := float64(admitted[c]) / lim; s > best {
			best, which = s, c
		}
	}
	return best, which
}

// Ratio is wall / floor, or 0 when the floor is 0 (a phase without rate-limited requests has no floor).
func Ratio(wall, floor float64) float64 {
	if floor <= 0 || math.IsNaN(floor) || math.IsNaN(wall) {
		return 0
	}
	return wall / floor
}

// Failure kinds that a client retries.
const (
	failNone = iota
	fail429
	fail5xx
	failDropped
)

func failureKind(r sandbox.RequestRecord) int {
	switch {
	case r.Status == 429:
		return fail429
	case r.Status >= 500:
		return fail5xx
	case r.Status == 0:
		return failDropped
	}
	return failNone
}

// RetryStats is what CountRetries derives from a request log.
type RetryStats struct {
	// Failed429, Failed5xx and FailedDropped count the answers of each kind (FailedDropped: no answer sent).
	Failed429, Failed5xx, FailedDropped int
	// Retried429, Retried5xx and RetriedDropped count those the client repeated.
	Retried429, Retried5xx, RetriedDropped int
}

// Retries is the number of requests the client repeated after a 429, a 5xx or a dropped connection.
func (s RetryStats) Retries() int { return s.Retried429 + s.Retried5xx + s.RetriedDropped }

// Unretried429 is the number of 429s the client did not repeat: they reached the caller (Terraform) as errors.
func (s RetryStats) Unretried429() int { return s.Failed429 - s.Retried429 }

// Unretried is the number of failures of any kind the client did not repeat.
func (s RetryStats) Unretried() int {
	return s.Failed429 + s.Failed5xx + s.FailedDropped - s.Retries()
}

// CountRetries derives retries from a request log, which has no client or operation ids: a failed request (429,
// 5xx, or no answer) counts as retried when a later request has the same method, path and query. Each later
// request repeats at most one earlier failure, the oldest one first. Two operations that use the same URL (two
// meeting creations for one host: POST /users/{id}/meetings) cannot be told apart, so a failure that was given
// up on can be matched with another operation's request; the benchmark's configurations keep that rare, and the
// client retries every 429 it does not give up on anyway.
func CountRetries(recs []sandbox.RequestRecord) RetryStats {
	sorted := append([]sandbox.RequestRecord(nil), recs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Time.Before(sorted[j].Time) })
	var st RetryStats
	pending := map[string][]int{}
	for _, r := range sorted {
		key := r.Method + " " + r.Path + "?" + r.Query
		if q := pending[key]; len(q) > 0 {
			switch q[0] {
			case fail429:
				st.Retried429++
			case fail5xx:
				st.Retried5xx++
			case failDropped:
				st.RetriedDropped++
			}
			pending[key] = q[1:]
		}
		switch k := failureKind(r); k {
		case fail429:
			st.Failed429++
		case fail5xx:
			st.Failed5xx++
		case failDropped:
			st.FailedDropped++
		}
		if k := failureKind(r); k != failNone {
			pending[key] = append(pending[key], k)
		}
	}
	return st
}

// PerSecond buckets records by whole seconds since start, over n seconds: for each category the requests the
// limiter admitted, and (key "429") the 429 answers. Records before start or after n seconds are dropped.
func PerSecond(recs []sandbox.RequestRecord, start time.Time, n int) map[string][]float64 {
	out := map[string][]float64{}
	add := func(key string, i int) {
		s := out[key]
		if s == nil {
			s = make([]float64, n)
			out[key] = s
		}
		s[i]++
	}
	for _, r := range recs {
		d := r.Time.Sub(start)
		if d < 0 {
			continue
		}
		i := int(d / time.Second)
		if i >= n {
			continue
		}
		if r.Status == 429 {
			add("429", i)
		}
		if r.Category != "" && !r.RateLimited {
			add(r.Category, i)
		}
	}
	return out
}

// Peak is the largest value of s.
func Peak(s []float64) float64 {
	m := 0.0
	for _, v := range s {
		m = max(m, v)
	}
	return m
}

// Stage is one step of a dependency chain: every resource of a stage waits for the stage before it (a meeting
// waits for its host). Requests counts the stage's admitted requests per rate-limit category; Resources how
// many resources made them.
type Stage struct {
	Requests  map[string]int
	Resources int
}

// CriticalPathFloor is the lower bound of a phase whose resources depend on each other in stages: the stages run
// one after the other, each taking at least its own category floor (Floor) and at least the latency of the
// requests one of its resources makes one after the other (its share of the stage's requests, rounded up). A
// stage without requests or resources takes no time.
func CriticalPathFloor(stages []Stage, perSecond map[string]float64, latency time.Duration) float64 {
	total := 0.0
	for _, st := range stages {
		n := 0
		for _, c := range st.Requests {
			n += c
		}
		if n == 0 || st.Resources <= 0 {
			continue
		}
		floor, _ := Floor(st.Requests, perSecond)
		chain := math.Ceil(float64(n)/float64(st.Resources)) * latency.Seconds()
		total += math.Max(floor, chain)
	}
	return total
}

// workloadStages splits a phase's admitted requests of the main workload (m hosts, k other users, n meetings)
// into its critical path: the hosts' share of the user requests (m of every m+k users), then the meetings; for
// destroy the other way round. The other users depend on nothing and nothing depends on them: they count in the
// category floor only.
func workloadStages(kind string, recs []sandbox.RequestRecord, m, k, n int) []Stage {
	users, meetings := map[string]int{}, map[string]int{}
	for _, r := range recs {
		if r.Category == "" || r.RateLimited || strings.HasSuffix(r.Route, " /oauth/token") {
			continue
		}
		if strings.Contains(r.Route, "/meetings") {
			meetings[r.Category]++
		} else {
			users[r.Category]++
		}
	}
	hosts := map[string]int{}
	if m+k > 0 {
		for c, v := range users {
			hosts[c] = int(math.Ceil(float64(v) * float64(m) / float64(m+k)))
		}
	}
	h, mt := Stage{Requests: hosts, Resources: m}, Stage{Requests: meetings, Resources: n}
	if kind == "destroy" {
		return []Stage{mt, h}
	}
	return []Stage{h, mt}
}

// orderStages splits a phase's admitted requests of the main workload (m hosts, k other users, n meetings) in
// the order Terraform runs them, which is not the dependency chain's. Terraform starts every resource whose
// dependencies are done and hands out its -parallelism slots first come, first served: at the start of an apply
// all m+k users are ready and take every slot, and a meeting, ready only once its host exists, queues behind all
// of them. So apply runs every user request, then the meetings'. Destroy first refreshes everything (its GETs),
// then deletes the meetings and the other users, which are all ready at once, and the hosts last. With hostsFirst
// (the other users depend on the hosts: Config.HostsFirst) the apply runs the hosts' share of the user requests,
// then the other users' beside the meetings'; its destroy is ordered as the main graph's.
func orderStages(kind string, recs []sandbox.RequestRecord, m, k, n int, hostsFirst bool) []Stage {
	users, meetings, reads, hostDeletes, otherDeletes := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, r := range recs {
		if r.Category == "" || r.RateLimited || strings.HasSuffix(r.Route, " /oauth/token") {
			continue
		}
		switch {
		case kind == "destroy" && strings.HasPrefix(r.Route, "GET "):
			reads[r.Category]++
		case kind == "destroy":
			// The hosts' share of the user deletes (m of every m+k users) is settled below.
			if strings.Contains(r.Route, "/meetings") {
				otherDeletes[r.Category]++
			} else {
				users[r.Category]++
			}
		case strings.Contains(r.Route, "/meetings"):
			meetings[r.Category]++
		default:
			users[r.Category]++
		}
	}
	hostShare := func(v int) int {
		if m+k == 0 {
			return 0
		}
		return int(math.Ceil(float64(v) * float64(m) / float64(m+k)))
	}
	if kind != "destroy" && hostsFirst {
		hosts := map[string]int{}
		for c, v := range users {
			hosts[c] = hostShare(v)
			meetings[c] += v - hosts[c]
		}
		return []Stage{{Requests: hosts, Resources: m}, {Requests: meetings, Resources: n + k}}
	}
	if kind != "destroy" {
		return []Stage{{Requests: users, Resources: m + k}, {Requests: meetings, Resources: n}}
	}
	for c, v := range users {
		h := hostShare(v)
		hostDeletes[c] = h
		otherDeletes[c] += v - h
	}
	return []Stage{{Requests: reads, Resources: m + k + n}, {Requests: otherDeletes, Resources: n + k}, {Requests: hostDeletes, Resources: m}}
}

// Fit is a least-squares line y = Intercept + Slope·x through a scaling series, and how far the series strays
// from it: MaxResidual is the largest |y - fit| relative to y.
type Fit struct {
	Slope, Intercept, MaxResidual float64
}

// FitLine fits a line through the points (xs[i], ys[i]); fewer than two distinct xs give a zero Fit.
func FitLine(xs, ys []float64) Fit {
	n := float64(len(xs))
	if len(xs) < 2 || len(xs) != len(ys) {
		return Fit{}
	}
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy, sxx, sxy = sx+xs[i], sy+ys[i], sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	d := n*sxx - sx*sx
	if d == 0 {
		return Fit{}
	}
	f := Fit{Slope: (n*sxy - sx*sy) / d}
	f.Intercept = (sy - f.Slope*sx) / n
	for i := range xs {
		if ys[i] == 0 {
			continue
		}
		f.MaxResidual = math.Max(f.MaxResidual, math.Abs(ys[i]-(f.Intercept+f.Slope*xs[i]))/math.Abs(ys[i]))
	}
	return f
}
