package sandbox

import (
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault kinds.
const (
	// FaultRateLimit answers 429 with the QPS body and headers (optional Retry-After seconds).
	FaultRateLimit = "429"
	// Fault500 answers 500 with a Zoom-style JSON body, without processing.
	Fault500 = "500"
	// Fault502 answers 502 with a Zoom-style JSON body, without processing.
	Fault502 = "502"
	// Fault503 answers 503 with a Zoom-style JSON body, without processing.
	Fault503 = "503"
	// Fault504 answers 504 with a Zoom-style JSON body, without processing.
	Fault504 = "504"
	// FaultHTML answers 502 with an HTML error page (a proxy in front of Zoom), without processing.
	FaultHTML = "html"
	// FaultTruncated answers 200 with a cut-off JSON body, without processing.
	FaultTruncated = "truncated"
	// FaultHang blocks until the client goes away or the server closes; with
	// HangMS > 0 it blocks that long and then processes the request normally.
	FaultHang = "hang"
	// FaultDrop closes the connection without answering, before processing.
	FaultDrop = "drop"
	// FaultDropAfter processes the request (state changes) and then closes
	// the connection without answering.
	FaultDropAfter = "drop_after"
	// Fault5xxAfter processes the request (state changes) and then answers 500.
	Fault5xxAfter = "5xx_after"
	// FaultTruncatedAfter processes the request (state changes) and then loses
	// the answer halfway: the real status line and a Content-Length for the
	// whole body, half of the body, and the connection closed.
	FaultTruncatedAfter = "truncated_after"
)

// FaultKinds lists every fault kind, for tests that mix them all.
var FaultKinds = []string{
	FaultRateLimit, Fault500, Fault502, Fault503, Fault504, FaultHTML, FaultTruncated, FaultHang, FaultDrop,
	FaultDropAfter, Fault5xxAfter, FaultTruncatedAfter,
}

var faultKinds = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range FaultKinds {
		m[k] = true
	}
	return m
}()

// Fault is a fault-injection rule, the same shape as the JSON of
// POST /_sandbox/faults. A rule matches requests by method and path and fires
// on the next Count matching requests, or on a Fraction of them (decided by a
// RNG seeded with Seed, so runs are reproducible), or both (a fraction, at
// most Count times). With neither Count nor Fraction the rule fires once.
// Faults apply to /v2 and /oauth/token, before authentication.
type Fault struct {
	// ID is assigned when the rule is added.
	ID int `json:"id"`
	// Method is an HTTP method; "" or "*" matches any.
	Method string `json:"method,omitempty"`
	// Path is a Go regular expression matched against the URL path, e.g.
	// "^/v2/users$". Empty matches every path.
	Path string `json:"path,omitempty"`
	// Kind is one of "429", "500", "502", "503", "504", "html", "truncated",
	// "hang", "drop", "drop_after", "5xx_after", "truncated_after".
	Kind string `json:"kind"`
	// Count is how many times the rule fires (0 = once, unless Fraction is set).
	Count int `json:"count,omitempty"`
	// Fraction (0 < f ≤ 1) is the probability that a matching request fires it.
	Fraction float64 `json:"fraction,omitempty"`
	// Seed seeds the rule's RNG for Fraction.
	Seed uint64 `json:"seed,omitempty"`
	// RetryAfterSeconds adds "Retry-After: N" to a 429 fault.
	RetryAfterSeconds int `json:"retry_after_seconds,omitempty"`
	// RetryAfterMS adds a Retry-After in fractional seconds ("0.05") to a 429
	// fault, so that tests wait out rate limits quickly. Zoom sends whole
	// seconds; RetryAfterSeconds wins when both are set.
	RetryAfterMS int `json:"retry_after_ms,omitempty"`
	// HangMS bounds a hang fault; 0 = until the client goes away.
	HangMS int `json:"hang_ms,omitempty"`
	// Matched counts the requests the rule matched (read-only).
	Matched int `json:"matched"`
	// Fired counts the times the rule fired (read-only).
	Fired int `json:"fired"`
}

// validate checks f and compiles its path.
func (f *Fault) validate() (*regexp.Regexp, error) {
	if !faultKinds[f.Kind] {
		return nil, fmt.Errorf("kind: unknown fault kind %q", f.Kind)
	}
	re, err := regexp.Compile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("path: %v", err)
	}
	if f.Count < 0 {
		return nil, fmt.Errorf("count: must not be negative")
	}
	if f.Fraction < 0 || f.Fraction > 1 {
		return nil, fmt.Errorf("fraction: must be between 0 and 1")
	}
	if f.RetryAfterSeconds < 0 || f.RetryAfterMS < 0 || f.HangMS < 0 {
		return nil, fmt.Errorf("retry_after_seconds, retry_after_ms and hang_ms must not be negative")
	}
	return re, nil
}

// faultRule is a stored Fault with its compiled path and RNG.
type faultRule struct {
	Fault
	re  *regexp.Regexp
	rng *rand.Rand
}

// faultSet holds the fault rules; it has its own lock so that hanging
// requests never hold the state lock.
type faultSet struct {
	mu     sync.Mutex
	rules  []*faultRule
	nextID int
}

func (fs *faultSet) add(f Fault) (Fault, error) {
	re, err := f.validate()
	if err != nil {
		return f, err
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.nextID++
	f.ID = fs.nextID
	f.Matched, f.Fired = 0, 0
	f.Method = strings.ToUpper(f.Method)
	if f.Count == 0 && f.Fraction == 0 {
		f.Count = 1
	}
	fs.rules = append(fs.rules, &faultRule{Fault: f, re: re, rng: rand.New(rand.NewPCG(f.Seed, f.Seed^0x9e3779b97f4a7c15))})
	return f, nil
}

func (fs *faultSet) clear() {
	fs.mu.Lock()
	fs.rules = nil
	fs.mu.Unlock()
}

func (fs *faultSet) list() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]Fault, 0, len(fs.rules))
	for _, r := range fs.rules {
		out = append(out, r.Fault)
	}
	return out
}

// match returns a copy of the first rule that fires for the request, or nil.
func (fs *faultSet) match(method, path string) *Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, r := range fs.rules {
		if r.Method != "" && r.Method != "*" && r.Method != method {
			continue
		}
		if !r.re.MatchString(path) {
			continue
		}
		if r.Count > 0 && r.Fired >= r.Count {
			continue
		}
		r.Matched++
		if r.Fraction > 0 && r.rng.Float64() >= r.Fraction {
			continue
		}
		r.Fired++
		f := r.Fault
		return &f
	}
	return nil
}

// AddFault adds a fault-injection rule. It returns an error (and adds
// nothing) when the rule is invalid, e.g. an unknown kind or a bad regexp.
func (s *Server) AddFault(f Fault) error {
	_, err := s.faults.add(f)
	return err
}

// ClearFaults removes every fault rule.
func (s *Server) ClearFaults() { s.faults.clear() }

// Faults returns the fault rules with their match and fire counts.
func (s *Server) Faults() []Fault { return s.faults.list() }

const htmlErrorPage = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`

// applyFault answers a request according to f. sw wraps w and records the
// status; process runs the real handler.
func (s *Server) applyFault(sw *statusWriter, w http.ResponseWriter, r *http.Request, f *Fault, rt *route, process func(http.ResponseWriter)) {
	var category Category
	if rt != nil {
		category = rt.category
	}
	switch f.Kind {
	case FaultRateLimit:
		resp := errResp(http.StatusTooManyRequests, codeRateLimited, msgQPSLimit)
		resp.header = s.qpsHeaders(category)
		if f.RetryAfterSeconds > 0 {
			resp.header.Set("Retry-After", strconv.Itoa(f.RetryAfterSeconds))
		} else if f.RetryAfterMS > 0 {
			resp.header.Set("Retry-After", strconv.FormatFloat(float64(f.RetryAfterMS)/1000, 'f', -1, 64))
		}
		writeResponse(sw, resp)
	case Fault500, Fault502, Fault503, Fault504:
		code, _ := strconv.Atoi(f.Kind)
		writeResponse(sw, errResp(code, code, http.StatusText(code)+"."))
	case FaultHTML:
		sw.Header().Set("Content-Type", "text/html")
		sw.WriteHeader(http.StatusBadGateway)
		_, _ = sw.Write([]byte(htmlErrorPage))
	case FaultTruncated:
		sw.Header().Set("Content-Type", "application/json;charset=UTF-8")
		sw.WriteHeader(http.StatusOK)
		_, _ = sw.Write([]byte(`{"id":"` + newZoomID() + `","first_name":"Tru`))
	case FaultHang:
		if f.HangMS == 0 {
			select {
			case <-r.Context().Done():
			case <-s.closing:
			}
			return
		}
		if s.sleep(r, time.Duration(f.HangMS)*time.Millisecond) {
			process(sw)
		}
	case FaultDrop:
		dropConnection(w)
	case FaultDropAfter:
		process(newBufferWriter())
		dropConnection(w)
	case Fault5xxAfter:
		process(newBufferWriter())
		writeResponse(sw, errResp(http.StatusInternalServerError, codeInternalError, "Internal Server Error."))
	case FaultTruncatedAfter:
		buf := newBufferWriter()
		process(buf)
		truncateAnswer(sw, w, buf)
	}
}

// truncateAnswer sends the status and headers of a captured answer, announces its whole body but sends only half
// of it, and closes the connection. An answer without a body (204) becomes a 200 announcing a small JSON body, so
// that the client always sees an answer cut short.
func truncateAnswer(sw *statusWriter, w http.ResponseWriter, buf *bufferWriter) {
	status, body := buf.status, buf.body
	if status == 0 {
		status = http.StatusOK
	}
	if len(body) == 0 {
		status, body = http.StatusOK, []byte(`{"truncated":true}`)
	}
	for k, v := range buf.header {
		sw.Header()[k] = v
	}
	sw.Header().Set("Content-Length", strconv.Itoa(len(body)))
	sw.WriteHeader(status)
	_, _ = sw.Write(body[:len(body)/2])
	if fl, ok := w.(http.Flusher); ok {
		fl.Flush()
	}
	dropConnection(w)
}

// dropConnection closes the client connection without an answer. When the
// ResponseWriter cannot be hijacked (HTTP/2, httptest.ResponseRecorder) it
// aborts the handler with http.ErrAbortHandler, the net/http way to drop a
// response.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		conn, _, err := hj.Hijack()
		if err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
