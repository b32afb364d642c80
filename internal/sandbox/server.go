// Package sandbox is a stateful emulator of the subset of the Zoom REST API
// used by terraform-provider-zoom: Server-to-Server OAuth, users, groups, meetings,
// webinars, their registrants and templates, and the Zoom Mail vacation responder.
//
// A Server is an http.Handler. It serves
//
//   - POST /oauth/token — the S2S OAuth token endpoint;
//   - /v2/... — the REST API, with bearer auth, scopes, rate limits and Zoom's
//     status codes, error bodies and id formats, and a Date header taken from
//     the sandbox clock;
//   - /_sandbox/... — an admin surface (reset, profile, fault injection,
//     request log, clock) for tests and benchmarks, open unless
//     Options.AdminToken is set (see admin.go).
//
// State lives in memory and, with Options.StatePath, is persisted to a JSON file
// after each mutation. The package speaks HTTP only and imports nothing from the
// provider or its client.
package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// maxBodyBytes bounds request bodies read by the API and admin handlers.
const maxBodyBytes = 1 << 20

// Options configures New.
type Options struct {
	// Profile is the account profile. nil = the profile saved in StatePath if
	// any, else DefaultProfile(). A non-nil Profile wins over the saved one.
	Profile *Profile
	// StatePath, when not empty, is a JSON file the state is loaded from (if it
	// exists) and saved to atomically after each mutation.
	StatePath string
	// AdminToken, when not empty, is demanded by every /_sandbox/ endpoint as
	// "Authorization: Bearer <AdminToken>". Without it the admin surface is
	// open, which is only safe on a loopback address.
	AdminToken string
}

// Server is the Zoom sandbox. It is safe for concurrent use.
type Server struct {
	clock clock

	// mu guards everything below it.
	mu             sync.Mutex
	profile        Profile
	initialProfile Profile
	st             *state
	tokens         map[string]*accessToken
	issuedTokens   []string
	pageTokens     map[string]pageCursor
	buckets        map[Category]*bucket
	statePath      string
	dirty          bool // state changed, must be saved now
	countersDirty  bool // only counters changed, save lazily
	lastSave       time.Time
	saveErr        error

	routes    []*route
	allScopes []string

	faults faultSet
	reqlog requestLog

	closing   chan struct{}
	closeOnce sync.Once

	adminToken string
}

// New builds a Server. With opts.StatePath it loads the saved state when the
// file exists; an unreadable or corrupt file is an error and is left untouched.
func New(opts Options) (*Server, error) {
	s := &Server{
		tokens:     map[string]*accessToken{},
		pageTokens: map[string]pageCursor{},
		buckets:    map[Category]*bucket{},
		statePath:  opts.StatePath,
		closing:    make(chan struct{}),
		adminToken: opts.AdminToken,
	}
	s.routes = buildRoutes()
	s.allScopes = collectScopes(s.routes)
	s.reqlog.init()

	var saved *persisted
	if opts.StatePath != "" {
		var err error
		saved, err = loadState(opts.StatePath)
		if err != nil {
			return nil, err
		}
	}
	switch {
	case opts.Profile != nil:
		s.profile = opts.Profile.clone()
	case saved != nil:
		s.profile = saved.Profile.clone()
	default:
		s.profile = DefaultProfile()
	}
	if err := s.profile.Validate(); err != nil {
		return nil, fmt.Errorf("sandbox: invalid profile: %w", err)
	}
	s.initialProfile = s.profile.clone()
	if saved != nil {
		s.st = saved.State
		s.st.reindex()
		s.clock.setOffset(time.Duration(saved.ClockOffsetNS))
	} else {
		s.st = newState(s.profile, s.clock.now())
		s.dirty = true
	}
	s.mu.Lock()
	s.persistLocked()
	err := s.saveErr
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/_sandbox" || strings.HasPrefix(r.URL.Path, "/_sandbox/") {
		if !s.adminAuthorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="zoom-sandbox admin"`)
			adminFail(w, http.StatusUnauthorized, "this sandbox's admin endpoints need its admin token: send the "+
				"header \"Authorization: Bearer\" followed by the token given to zoom-sandbox (-admin-token or %s)",
				EnvAdminToken)
			return
		}
		s.serveAdmin(w, r)
		return
	}
	s.serveTracked(w, r)
}

// Close releases hanging requests and flushes the state to StatePath. It
// returns the last persistence error, if any.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { close(s.closing) })
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.countersDirty {
		s.dirty = true
	}
	s.persistLocked()
	return s.saveErr
}

// Reset empties the account (users, meetings, webinars, registrants, templates,
// counters, page tokens, rate-limit buckets) and recreates the owner, the seed
// admin meeting templates and the seed account webinar template; the profile,
// tokens, faults, request log and clock are kept.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resetLocked()
}

func (s *Server) resetLocked() {
	s.st = newState(s.profile, s.clock.now())
	s.pageTokens = map[string]pageCursor{}
	s.buckets = map[Category]*bucket{}
	s.dirty = true
	s.persistLocked()
}

// Profile returns a copy of the current profile.
func (s *Server) Profile() Profile {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.profile.clone()
}

// SetProfile replaces the profile. An invalid profile is ignored; use
// UpdateProfile or PUT /_sandbox/profile to get the validation error.
func (s *Server) SetProfile(p Profile) {
	_ = s.setProfile(p.clone())
}

// UpdateProfile applies fn to a copy of the profile and installs the result if
// it is valid. fn runs under the sandbox lock and must not call the Server.
func (s *Server) UpdateProfile(fn func(*Profile)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.profile.clone()
	fn(&p)
	if p.Validate() != nil {
		return
	}
	s.profile = p
	s.dirty = true
	s.persistLocked()
}

func (s *Server) setProfile(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.profile = p
	s.dirty = true
	s.persistLocked()
	return nil
}

// RevokeTokens invalidates every access token issued so far.
func (s *Server) RevokeTokens() {
	s.mu.Lock()
	s.tokens = map[string]*accessToken{}
	s.mu.Unlock()
}

// Now returns the sandbox clock's current time.
func (s *Server) Now() time.Time { return s.clock.now() }

// Advance moves the sandbox clock forward by d.
func (s *Server) Advance(d time.Duration) {
	s.clock.advance(d)
	s.markDirty()
}

// SetNow sets the sandbox clock to t (it keeps running from there).
func (s *Server) SetNow(t time.Time) {
	s.clock.set(t)
	s.markDirty()
}

func (s *Server) markDirty() {
	s.mu.Lock()
	s.dirty = true
	s.persistLocked()
	s.mu.Unlock()
}

// --- request pipeline -------------------------------------------------------

// endpointKind classifies a tracked request.
type endpointKind int

const (
	kindOther endpointKind = iota
	kindToken
	kindAPI
)

func classify(path string) endpointKind {
	switch {
	case path == "/oauth/token":
		return kindToken
	case path == "/v2" || strings.HasPrefix(path, "/v2/"):
		return kindAPI
	}
	return kindOther
}

// serveTracked handles /oauth/token, /v2 and unknown paths: latency, faults,
// processing and the request log.
func (s *Server) serveTracked(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	kind := classify(r.URL.Path)
	rec := RequestRecord{
		Time:   s.clock.now(),
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  redactQuery(r.URL.RawQuery),
	}
	var rt *route
	var params map[string]string
	switch kind {
	case kindToken:
		rec.Route = r.Method + " /oauth/token"
	case kindAPI:
		rt, params = s.match(r.Method, r.URL.Path)
		if rt != nil {
			rec.Route = r.Method + " " + rt.pattern
			rec.Category = string(rt.category)
		}
	}
	if rec.Route == "" {
		rec.Route = r.Method + " " + unmatchedRoute
	}

	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		rec.Status = sw.status
		rec.DurationMS = float64(time.Since(start).Microseconds()) / 1000
		s.reqlog.add(rec)
	}()

	s.mu.Lock()
	latency := time.Duration(s.profile.LatencyMS) * time.Millisecond
	s.mu.Unlock()
	if latency > 0 && !s.sleep(r, latency) {
		return
	}

	process := func(w http.ResponseWriter) {
		switch kind {
		case kindToken:
			s.handleToken(w, r)
		case kindAPI:
			s.handleAPI(w, r, rt, params, &rec)
		default:
			writeResponse(w, notRecognized())
		}
	}
	// Every tracked answer carries a Date from the sandbox clock (net/http keeps a Date the handler set);
	// handleAPI refreshes it with the time the request was handled at.
	w.Header().Set("Date", s.clock.now().UTC().Format(http.TimeFormat))
	if f := s.faults.match(r.Method, r.URL.Path); f != nil {
		rec.Fault = f.Kind
		s.applyFault(sw, w, r, f, rt, process)
		return
	}
	process(sw)
}

// sleep waits for d; false if the client went away or the server closed first.
func (s *Server) sleep(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	case <-s.closing:
		return false
	}
}

// handleAPI authenticates, routes, checks scopes and rate limits, then runs the
// route's handler under the state lock.
func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request, rt *route, params map[string]string, rec *RequestRecord) {
	var body []byte
	if r.Body != nil && (r.Method == http.MethodPost || r.Method == http.MethodPut || r.Method == http.MethodPatch) {
		b, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
		if err != nil {
			writeResponse(w, errResp(http.StatusBadRequest, 300, msgInvalidJSON))
			return
		}
		body = b
	}

	s.mu.Lock()
	now := s.clock.now()
	tok, resp := s.authenticateLocked(r, now)
	if resp == nil && rt == nil {
		resp = ptr(notRecognized())
	}
	if resp == nil {
		resp = s.checkScopesLocked(tok, rt)
	}
	var rlHeaders http.Header
	if resp == nil && s.profile.RateLimitsEnabled {
		var limited *apiResponse
		rlHeaders, limited = s.checkRateLimitLocked(rt.category, now, time.Now())
		if limited != nil {
			rec.RateLimited = true
			resp = limited
		}
	}
	if resp == nil {
		if len(body) > maxBodyBytes {
			resp = ptr(errResp(http.StatusBadRequest, 300, msgInvalidJSON))
		} else {
			c := &call{s: s, r: r, params: params, now: now, body: body, profile: &s.profile, token: tok}
			out := rt.handler(c)
			resp = &out
		}
	}
	s.persistLocked()
	out := resp.encode()
	s.mu.Unlock()

	for k, v := range rlHeaders {
		if out.header.Get(k) == "" && !containsFold(resp.dropHeaders, k) {
			out.header[k] = v
		}
	}
	out.header.Set("Date", now.UTC().Format(http.TimeFormat))
	writeEncoded(w, out)
}

// --- routing ---------------------------------------------------------------

// unmatchedRoute is the route template recorded for paths no route matches.
const unmatchedRoute = "<unmatched>"

// Category is a Zoom rate-limit category ("Rate Limit Label").
type Category string

// Rate-limit categories of docs/development/zoom-api.md#rate-limits.
const (
	CategoryLight             Category = "Light"
	CategoryMedium            Category = "Medium"
	CategoryHeavy             Category = "Heavy"
	CategoryResourceIntensive Category = "Resource-intensive"
)

func parseCategory(s string) (Category, bool) {
	for _, c := range []Category{CategoryLight, CategoryMedium, CategoryHeavy, CategoryResourceIntensive} {
		if strings.EqualFold(s, string(c)) {
			return c, true
		}
	}
	return "", false
}

// route is one REST endpoint: method, path pattern ("/v2/users/{userId}"),
// rate-limit category, accepted scopes and handler.
type route struct {
	method   string
	pattern  string
	category Category
	// macroScopes are the classic scopes (x-macro-scopes), granularScopes the
	// granular ones (x-granular-scopes). A token needs any one of them; the
	// 4711 message lists the granular ones.
	macroScopes    []string
	granularScopes []string
	handler        func(*call) apiResponse
	segs           []string
}

// buildRoutes collects every API group's routes. Each group lives in its own
// file and contributes a function here.
func buildRoutes() []*route {
	var all []*route
	for _, group := range [][]*route{userRoutes(), meetingRoutes(), templateRoutes(), mailRoutes(), webinarRoutes(), registrantRoutes(),
		trackingFieldRoutes(), roleRoutes(), assistantRoutes(), groupRoutes(), settingsRoutes()} {
		all = append(all, group...)
	}
	for _, rt := range all {
		rt.segs = strings.Split(strings.TrimPrefix(rt.pattern, "/"), "/")
	}
	return all
}

func collectScopes(routes []*route) []string {
	seen := map[string]bool{}
	var out []string
	for _, rt := range routes {
		for _, sc := range append(append([]string(nil), rt.macroScopes...), rt.granularScopes...) {
			if !seen[sc] {
				seen[sc] = true
				out = append(out, sc)
			}
		}
	}
	sort.Strings(out)
	return out
}

// match finds the route for method and path; literal segments win over
// parameters. It returns nil for unknown paths and methods.
func (s *Server) match(method, path string) (*route, map[string]string) {
	path = strings.TrimSuffix(path, "/")
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	var best *route
	var bestParams map[string]string
	bestVars := -1
	for _, rt := range s.routes {
		if rt.method != method || len(rt.segs) != len(segs) {
			continue
		}
		params := map[string]string{}
		vars := 0
		ok := true
		for i, seg := range rt.segs {
			if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
				if segs[i] == "" {
					ok = false
					break
				}
				params[seg[1:len(seg)-1]] = segs[i]
				vars++
				continue
			}
			if seg != segs[i] {
				ok = false
				break
			}
		}
		if ok && (best == nil || vars < bestVars) {
			best, bestParams, bestVars = rt, params, vars
		}
	}
	return best, bestParams
}

// --- handler context and responses ----------------------------------------

// call is the context of one API request, handled under Server.mu.
type call struct {
	s       *Server
	r       *http.Request
	params  map[string]string
	now     time.Time
	body    []byte
	profile *Profile
	token   *accessToken
}

func (c *call) query(name string) string { return c.r.URL.Query().Get(name) }

// apiResponse is a handler's answer, encoded after the handler returns.
type apiResponse struct {
	status int
	body   any
	header http.Header
	// dropHeaders are rate-limit headers the category limiter must not add to this answer.
	dropHeaders []string
}

// encodedResponse is an apiResponse rendered to bytes.
type encodedResponse struct {
	status      int
	header      http.Header
	body        []byte
	contentType string
}

func (a apiResponse) encode() encodedResponse {
	out := encodedResponse{status: a.status, header: http.Header{}}
	for k, v := range a.header {
		out.header[k] = append([]string(nil), v...)
	}
	if a.body != nil && a.status != http.StatusNoContent {
		b, err := json.Marshal(a.body)
		if err != nil {
			out.status = http.StatusInternalServerError
			b = []byte(`{"code":500,"message":"Internal Server Error."}`)
		}
		out.body = b
		out.contentType = "application/json;charset=UTF-8"
	}
	return out
}

func writeEncoded(w http.ResponseWriter, e encodedResponse) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	if e.contentType != "" {
		h.Set("Content-Type", e.contentType)
		h.Set("Content-Length", fmt.Sprint(len(e.body)))
	}
	w.WriteHeader(e.status)
	if len(e.body) > 0 {
		_, _ = w.Write(e.body)
	}
}

func writeResponse(w http.ResponseWriter, a apiResponse) { writeEncoded(w, a.encode()) }

func ptr[T any](v T) *T { return &v }

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// zoomError is Zoom's REST error body.
type zoomError struct {
	Code    int          `json:"code"`
	Message string       `json:"message"`
	Errors  []fieldError `json:"errors,omitempty"`
}

// fieldError is one entry of a validation error's "errors" array.
type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Messages Zoom documents (docs/development/zoom-api.md#error-bodies).
const (
	msgInvalidJSON      = "Request Body should be a valid JSON object."
	msgValidationFailed = "Validation Failed."
	msgInvalidField     = "Invalid field."
	msgInvalidToken     = "Invalid access token."
	msgExpiredToken     = "Access token is expired."
	msgNotRecognized    = "This API endpoint is not recognized."
	msgPageTokenInvalid = "The next page token is invalid or expired."
	msgQPSLimit         = "You have reached the maximum per-second rate limit for this API. Try again later."
	msgDailyLimit       = "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request."
	codeValidation      = 300
	codeNoPermission    = 200
	codeUserNotFound    = 1001
	codeEmailUsed       = 1005
	codeTokenInvalid    = 124
	codeScopeMissing    = 4711
	codeNotRecognized   = 2300
	codeRateLimited     = 429
	codeSSONotAllowed   = 2032
	codeVanityTaken     = 4100
	codeCannotDisassoc  = 1117
	codeInternalError   = 500
)

func errResp(status, code int, msg string) apiResponse {
	return apiResponse{status: status, body: zoomError{Code: code, Message: msg}}
}

func validationResp(errs []fieldError) apiResponse {
	return apiResponse{status: http.StatusBadRequest, body: zoomError{Code: codeValidation, Message: msgValidationFailed, Errors: errs}}
}

func notRecognized() apiResponse {
	return errResp(http.StatusNotFound, codeNotRecognized, msgNotRecognized)
}

func jsonResp(status int, body any) apiResponse { return apiResponse{status: status, body: body} }

func noContent() apiResponse { return apiResponse{status: http.StatusNoContent} }

// decodeObject parses a request body that must be a JSON object.
func decodeObject(body []byte) (map[string]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return nil, false
	}
	return m, true
}

// statusWriter records the status code written through it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// bufferWriter captures a response so that a fault can decide what to do with it.
type bufferWriter struct {
	header http.Header
	status int
	body   []byte
}

func newBufferWriter() *bufferWriter { return &bufferWriter{header: http.Header{}} }

func (b *bufferWriter) Header() http.Header { return b.header }

func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	b.body = append(b.body, p...)
	return len(p), nil
}
