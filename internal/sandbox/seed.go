package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Bulk seeding, for benchmarks and tests that need a large account (zoom-bench measures data "zoom_users" on
// 10,000 users) without paying for thousands of rate-limited POST /users calls:
//
//	POST /_sandbox/seed/users  {"count":10000,"prefix":"seed-user-","domain":"seed.zoom.test","type":1}
//	                           → 201 {"created":10000,"users":10001,"first_email":"...","last_email":"..."}
//
// Seeded users look like users created through the API (active users as with action=autoCreate, pending ones as
// with action=create). Nothing is logged in the request log and no rate limit or daily quota is consumed.

// maxSeedUsers bounds one SeedUsers call.
const maxSeedUsers = 100000

// UserSeed describes the users SeedUsers adds. The e-mail of user n is <Prefix><n, zero-padded to the width of
// the largest number>@<Domain>, for n from Start to Start+Count-1.
type UserSeed struct {
	// Count is the number of users to add, 1 to 100,000.
	Count int `json:"count"`
	// Prefix starts each e-mail's local part. Default "seed-user-".
	Prefix string `json:"prefix,omitempty"`
	// Domain is the e-mails' domain. Default "seed.zoom.test".
	Domain string `json:"domain,omitempty"`
	// Start is the first number. Default 1.
	Start int `json:"start,omitempty"`
	// Type is the user type: 1 Basic (default), 2 Licensed or 4 Unassigned.
	Type int `json:"type,omitempty"`
	// Status is "active" (default), "inactive" or "pending".
	Status string `json:"status,omitempty"`
}

// SeedResult is what SeedUsers did.
type SeedResult struct {
	// Created is the number of users added.
	Created int `json:"created"`
	// Users is the number of users in the account afterwards (the owner included).
	Users int `json:"users"`
	// FirstEmail and LastEmail are the e-mails of the first and the last user added.
	FirstEmail string `json:"first_email"`
	LastEmail  string `json:"last_email"`
}

// withDefaults fills the zero fields of spec with their defaults.
func (spec UserSeed) withDefaults() UserSeed {
	if spec.Prefix == "" {
		spec.Prefix = "seed-user-"
	}
	if spec.Domain == "" {
		spec.Domain = "seed.zoom.test"
	}
	if spec.Start == 0 {
		spec.Start = 1
	}
	if spec.Type == 0 {
		spec.Type = 1
	}
	if spec.Status == "" {
		spec.Status = statusActive
	}
	return spec
}

// emails returns the e-mails spec describes, in order.
func (spec UserSeed) emails() []string {
	width := len(fmt.Sprint(spec.Start + spec.Count - 1))
	out := make([]string, spec.Count)
	for i := range out {
		out[i] = fmt.Sprintf("%s%0*d@%s", spec.Prefix, width, spec.Start+i, spec.Domain)
	}
	return out
}

// SeedUsers adds spec.Count users to the account in one step. Nothing is added when spec is invalid or when one
// of the e-mails is already taken.
func (s *Server) SeedUsers(spec UserSeed) (SeedResult, error) {
	spec = spec.withDefaults()
	if spec.Count < 1 || spec.Count > maxSeedUsers {
		return SeedResult{}, fmt.Errorf("count: must be between 1 and %d, got %d", maxSeedUsers, spec.Count)
	}
	if spec.Start < 0 {
		return SeedResult{}, fmt.Errorf("start: must not be negative")
	}
	if spec.Type != 1 && spec.Type != 2 && spec.Type != 4 {
		return SeedResult{}, fmt.Errorf("type: must be 1, 2 or 4, got %d", spec.Type)
	}
	switch spec.Status {
	case statusActive, statusInactive, statusPending:
	default:
		return SeedResult{}, fmt.Errorf("status: must be active, inactive or pending, got %q", spec.Status)
	}
	emails := spec.emails()
	for _, e := range []string{emails[0], emails[len(emails)-1]} {
		if !validEmail(e) {
			return SeedResult{}, fmt.Errorf("prefix, domain: %q is not a valid e-mail", e)
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	for _, e := range emails {
		if st.byEmail[strings.ToLower(e)] != nil {
			return SeedResult{}, fmt.Errorf("e-mail %s is already used", e)
		}
	}
	// st.uniquePMI scans every user, which is quadratic over a large seed; keep a set instead.
	pmis := make(map[int64]bool, len(st.Users)+spec.Count)
	for _, u := range st.Users {
		pmis[u.PMI] = true
	}
	now := s.clock.now().UTC().Truncate(time.Second)
	p := s.profile
	for i, email := range emails {
		pmi := randomDigits(10)
		for pmis[pmi] {
			pmi = randomDigits(10)
		}
		pmis[pmi] = true
		first, last := "Seed", fmt.Sprintf("User %d", spec.Start+i)
		u := &user{
			ID:          newZoomID(),
			Email:       email,
			FirstName:   first,
			LastName:    last,
			DisplayName: joinName(first, last),
			Type:        spec.Type,
			Status:      spec.Status,
			RoleID:      roleMember,
			PMI:         pmi,
			Timezone:    p.DefaultTimezone,
			Language:    "en-US",
			LoginTypes:  []int{100},
			Verified:    1,
			CreatedAt:   now,
			Action:      "autoCreate",
		}
		if spec.Status == statusPending {
			u.Verified = 0
			u.Action = "create"
		}
		st.add(u)
	}
	s.dirty = true
	s.persistLocked()
	return SeedResult{Created: spec.Count, Users: len(st.Users), FirstEmail: emails[0], LastEmail: emails[len(emails)-1]}, nil
}

// serveAdminSeedUsers serves POST /_sandbox/seed/users.
func (s *Server) serveAdminSeedUsers(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		adminFail(w, http.StatusMethodNotAllowed, "method %s not allowed on %s", r.Method, r.URL.Path)
		return
	}
	var spec UserSeed
	if err := readAdminBody(r, &spec); err != nil {
		adminFail(w, http.StatusBadRequest, "%v", err)
		return
	}
	res, err := s.SeedUsers(spec)
	if err != nil {
		adminFail(w, http.StatusBadRequest, "invalid seed: %v", err)
		return
	}
	writeAdmin(w, http.StatusCreated, res)
}
