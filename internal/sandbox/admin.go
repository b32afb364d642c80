package sandbox

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Admin surface, never under /v2. It is open unless the server was given an
// admin token (Options.AdminToken), which every request then carries as
// "Authorization: Bearer <token>"; a missing or wrong token is a 401.
//
//	POST   /_sandbox/reset[?profile=1]  empty the account; profile=1 also restores the start-up profile
//	GET    /_sandbox/profile            the profile
//	PUT    /_sandbox/profile            merge the given fields into the profile
//	GET    /_sandbox/faults             fault rules with match/fire counts
//	POST   /_sandbox/faults             add a rule (Fault JSON)
//	DELETE /_sandbox/faults             remove every rule
//	GET    /_sandbox/requests           {"requests":[...],"stats":{...}}
//	DELETE /_sandbox/requests           clear the log and counters
//	GET    /_sandbox/clock              {"now":...,"offset_seconds":...}
//	POST   /_sandbox/clock              {"advance_seconds":N} or {"now":"RFC3339"}
//	DELETE /_sandbox/tokens             revoke every issued access token
//	POST   /_sandbox/meetings/{id}/start  start a meeting, as its host would ({"id":...,"status":"started"})
//	POST   /_sandbox/meetings/{id}/end    end a running meeting (new uuid; the status of ended_meeting_status)
//	POST   /_sandbox/webinars/{id}/start  start a webinar, as its host would ({"id":...,"status":"started"})
//	POST   /_sandbox/webinars/{id}/end    end a running webinar (new uuid; the status of ended_meeting_status)
//	POST   /_sandbox/users/{id}/accept    accept a pending user's invitation, as the person would (id or e-mail)
//	POST   /_sandbox/seed/users           add many users in one step (seed.go)
//	POST   /_sandbox/seed/groups          add a group with its members in one step ({"name":...,"members":[...],
//	                                      "member_prefix":...} → {"id":...}; groups.go)
//
// Errors are {"error":"..."} with 400, 401, 404 or 405.

// EnvAdminToken is the environment variable zoom-sandbox reads the admin token
// from (when -admin-token is not given); harnesses that drive a sandbox they
// did not start send it too.
const EnvAdminToken = "ZOOM_SANDBOX_ADMIN_TOKEN"

// adminAuthorized reports whether r may use the admin surface: always without
// an admin token, else only with "Authorization: Bearer <token>". The
// comparison takes the same time whatever the given value.
func (s *Server) adminAuthorized(r *http.Request) bool {
	if s.adminToken == "" {
		return true
	}
	scheme, given, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	want := sha256.Sum256([]byte(s.adminToken))
	got := sha256.Sum256([]byte(strings.TrimSpace(given)))
	return subtle.ConstantTimeCompare(want[:], got[:]) == 1
}

type adminError struct {
	Error string `json:"error"`
}

func writeAdmin(w http.ResponseWriter, status int, body any) {
	b, err := json.MarshalIndent(body, "", "  ")
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"cannot encode response"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func adminFail(w http.ResponseWriter, status int, format string, args ...any) {
	writeAdmin(w, status, adminError{Error: fmt.Sprintf(format, args...)})
}

// readAdminBody reads a JSON admin body into v, rejecting unknown fields.
func readAdminBody(r *http.Request, v any) error {
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("invalid JSON body: %v", err)
	}
	return nil
}

type clockView struct {
	Now           time.Time `json:"now"`
	OffsetSeconds float64   `json:"offset_seconds"`
}

type clockRequest struct {
	AdvanceSeconds *float64 `json:"advance_seconds"`
	Now            *string  `json:"now"`
}

type requestsView struct {
	Requests []RequestRecord `json:"requests"`
	Stats    RequestStats    `json:"stats"`
}

func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	endpoint := r.URL.Path
	methodNotAllowed := func() { adminFail(w, http.StatusMethodNotAllowed, "method %s not allowed on %s", r.Method, endpoint) }
	if rest, ok := strings.CutPrefix(endpoint, "/_sandbox/meetings/"); ok {
		s.serveAdminMeeting(w, r, rest, methodNotAllowed)
		return
	}
	if rest, ok := strings.CutPrefix(endpoint, "/_sandbox/webinars/"); ok {
		s.serveAdminWebinar(w, r, rest, methodNotAllowed)
		return
	}
	if rest, ok := strings.CutPrefix(endpoint, "/_sandbox/users/"); ok {
		s.serveAdminUser(w, r, rest, methodNotAllowed)
		return
	}
	switch endpoint {
	case "/_sandbox/reset":
		if r.Method != http.MethodPost {
			methodNotAllowed()
			return
		}
		s.mu.Lock()
		if v := r.URL.Query().Get("profile"); v == "1" || v == "true" {
			s.profile = s.initialProfile.clone()
		}
		s.resetLocked()
		p := s.profile.clone()
		s.mu.Unlock()
		writeAdmin(w, http.StatusOK, map[string]any{"reset": true, "profile": p})

	case "/_sandbox/profile":
		switch r.Method {
		case http.MethodGet:
			writeAdmin(w, http.StatusOK, s.Profile())
		case http.MethodPut, http.MethodPatch:
			p := s.Profile()
			if err := readAdminBody(r, &p); err != nil {
				adminFail(w, http.StatusBadRequest, "%v", err)
				return
			}
			if err := s.setProfile(p); err != nil {
				adminFail(w, http.StatusBadRequest, "invalid profile: %v", err)
				return
			}
			writeAdmin(w, http.StatusOK, s.Profile())
		default:
			methodNotAllowed()
		}

	case "/_sandbox/faults":
		switch r.Method {
		case http.MethodGet:
			writeAdmin(w, http.StatusOK, map[string]any{"faults": s.faults.list()})
		case http.MethodPost:
			var f Fault
			if err := readAdminBody(r, &f); err != nil {
				adminFail(w, http.StatusBadRequest, "%v", err)
				return
			}
			added, err := s.faults.add(f)
			if err != nil {
				adminFail(w, http.StatusBadRequest, "invalid fault: %v", err)
				return
			}
			writeAdmin(w, http.StatusCreated, added)
		case http.MethodDelete:
			s.faults.clear()
			w.WriteHeader(http.StatusNoContent)
		default:
			methodNotAllowed()
		}

	case "/_sandbox/requests":
		switch r.Method {
		case http.MethodGet:
			recs, st := s.reqlog.snapshot()
			writeAdmin(w, http.StatusOK, requestsView{Requests: recs, Stats: st})
		case http.MethodDelete:
			s.ClearRequests()
			w.WriteHeader(http.StatusNoContent)
		default:
			methodNotAllowed()
		}

	case "/_sandbox/clock":
		switch r.Method {
		case http.MethodGet:
		case http.MethodPost:
			var req clockRequest
			if err := readAdminBody(r, &req); err != nil {
				adminFail(w, http.StatusBadRequest, "%v", err)
				return
			}
			switch {
			case req.AdvanceSeconds != nil && req.Now != nil:
				adminFail(w, http.StatusBadRequest, "give either advance_seconds or now, not both")
				return
			case req.AdvanceSeconds != nil:
				s.Advance(time.Duration(*req.AdvanceSeconds * float64(time.Second)))
			case req.Now != nil:
				t, err := time.Parse(time.RFC3339, *req.Now)
				if err != nil {
					adminFail(w, http.StatusBadRequest, "now: %v", err)
					return
				}
				s.SetNow(t)
			default:
				adminFail(w, http.StatusBadRequest, "give advance_seconds or now")
				return
			}
		default:
			methodNotAllowed()
			return
		}
		writeAdmin(w, http.StatusOK, clockView{Now: s.Now().UTC(), OffsetSeconds: s.clock.getOffset().Seconds()})

	case "/_sandbox/seed/users": // POST: bulk-create users (seed.go)
		s.serveAdminSeedUsers(w, r)

	case "/_sandbox/seed/groups": // POST: a group with its members in one step (groups.go)
		s.serveAdminSeedGroup(w, r)

	case "/_sandbox/tokens":
		if r.Method != http.MethodDelete {
			methodNotAllowed()
			return
		}
		s.RevokeTokens()
		w.WriteHeader(http.StatusNoContent)

	default:
		adminFail(w, http.StatusNotFound, "unknown sandbox admin endpoint %s", endpoint)
	}
}

// serveAdminMeeting serves /_sandbox/meetings/{id}/start and /_sandbox/meetings/{id}/end.
func (s *Server) serveAdminMeeting(w http.ResponseWriter, r *http.Request, rest string, methodNotAllowed func()) {
	s.serveAdminSession(w, r, rest, methodNotAllowed, "meeting", s.StartMeeting, s.EndMeeting, s.meetingStatus)
}

// serveAdminWebinar serves /_sandbox/webinars/{id}/start and /_sandbox/webinars/{id}/end.
func (s *Server) serveAdminWebinar(w http.ResponseWriter, r *http.Request, rest string, methodNotAllowed func()) {
	s.serveAdminSession(w, r, rest, methodNotAllowed, "webinar", s.StartWebinar, s.EndWebinar, s.webinarStatus)
}

// serveAdminSession starts or ends a meeting or webinar ({id}/start, {id}/end).
func (s *Server) serveAdminSession(w http.ResponseWriter, r *http.Request, rest string, methodNotAllowed func(),
	noun string, start, end func(int64) error, status func(int64) string) {
	ref, action, _ := strings.Cut(rest, "/")
	id, ok := parseMeetingID(ref)
	if !ok || (action != "start" && action != "end") {
		adminFail(w, http.StatusNotFound, "unknown sandbox admin endpoint %s", r.URL.Path)
		return
	}
	if r.Method != http.MethodPost {
		methodNotAllowed()
		return
	}
	op := start
	if action == "end" {
		op = end
	}
	if err := op(id); errors.Is(err, ErrMeetingNotFound) || errors.Is(err, ErrWebinarNotFound) {
		adminFail(w, http.StatusNotFound, "%s %d does not exist, was deleted or has expired", noun, id)
		return
	}
	writeAdmin(w, http.StatusOK, map[string]any{"id": id, "status": status(id)})
}

// serveAdminUser serves /_sandbox/users/{id}/accept.
func (s *Server) serveAdminUser(w http.ResponseWriter, r *http.Request, rest string, methodNotAllowed func()) {
	ref, action, _ := strings.Cut(rest, "/")
	if ref == "" || action != "accept" {
		adminFail(w, http.StatusNotFound, "unknown sandbox admin endpoint %s", r.URL.Path)
		return
	}
	if r.Method != http.MethodPost {
		methodNotAllowed()
		return
	}
	switch err := s.AcceptInvitation(ref); {
	case errors.Is(err, ErrUserNotFound):
		adminFail(w, http.StatusNotFound, "user %s does not exist", ref)
	case errors.Is(err, ErrUserNotPending):
		adminFail(w, http.StatusBadRequest, "user %s is not pending", ref)
	default:
		writeAdmin(w, http.StatusOK, map[string]any{"id": ref, "status": statusActive})
	}
}
