package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// stateVersion is the version of the persisted state format. Meetings, deleted meetings, meeting templates,
// webinars, webinar templates and registrants were added to version 1 without a bump: files written before
// them load with none of them and the seed templates.
const stateVersion = 1

// counterSaveInterval bounds how often counter-only changes (rate-limit
// counters) are written; every other mutation is written at once.
const counterSaveInterval = time.Second

// state is the account's data. It is guarded by Server.mu.
type state struct {
	AccountNumber int64 `json:"account_number"`
	NextSeq       int64 `json:"next_seq"`
	// Users in creation order.
	Users []*user `json:"users"`
	// Counters are daily counters keyed "<kind>|<yyyy-mm-dd>|<name>".
	Counters map[string]int `json:"counters"`
	// Meetings in creation (sequence) order.
	Meetings []*meeting `json:"meetings,omitempty"`
	// DeletedMeetings are tombstones that PUT /meetings/{id}/status action=recover can restore.
	DeletedMeetings []*meeting `json:"deleted_meetings,omitempty"`
	// MeetingTemplates are the account admin templates and the users' own, in creation order. nil only in
	// files written before templates existed (they get the seed templates on load).
	MeetingTemplates []*meetingTemplate `json:"meeting_templates"`
	// Webinars in creation (sequence) order; DeletedWebinarIDs keeps the numbers of deleted webinars out of
	// the number space they share with meetings.
	Webinars          []*webinar `json:"webinars,omitempty"`
	DeletedWebinarIDs []int64    `json:"deleted_webinar_ids,omitempty"`
	// WebinarTemplates are the account's webinar templates (no owner) and the users' own, in creation order.
	// nil only in files written before webinar templates existed (they get the seed template on load).
	WebinarTemplates []*webinarTemplate `json:"webinar_templates"`
	// Mailboxes are the Zoom Mail settings of mailboxes that have set them, keyed by the owning user's id (a
	// mailbox follows its user through an e-mail change, and goes with a deleted user). See mail.go.
	Mailboxes map[string]*mailbox `json:"mailboxes,omitempty"`
	// TrackingFields are the account's tracking fields in creation order (trackingfields.go).
	TrackingFields []*trackingFieldDef `json:"tracking_fields,omitempty"`
	// Roles are the account's custom roles in creation order (the built-in ones are not stored; see roles.go).
	Roles []*role `json:"roles,omitempty"`
	// Assistants are, per user ID, the user IDs of the user's scheduling assistants (see assistants.go).
	Assistants map[string][]string `json:"assistants,omitempty"`
	// AccountSettings, GroupSettings and UserSettings are the settings values written to the account, a group
	// (by group id) and a user (by user id); AccountLocks and GroupLocks the lock settings. See settings.go.
	AccountSettings settingsValues             `json:"account_settings,omitempty"`
	AccountLocks    map[string]bool            `json:"account_locks,omitempty"`
	GroupSettings   map[string]settingsValues  `json:"group_settings,omitempty"`
	GroupLocks      map[string]map[string]bool `json:"group_locks,omitempty"`
	UserSettings    map[string]settingsValues  `json:"user_settings,omitempty"`
	// Groups in creation (sequence) order, with their members and administrators (groups.go).
	Groups []*group `json:"groups,omitempty"`

	byID         map[string]*user
	byEmail      map[string]*user
	meetingsByID map[int64]*meeting
	webinarsByID map[int64]*webinar
	groupsByID   map[string]*group
}

// persisted is the JSON document written to Options.StatePath.
type persisted struct {
	Version       int       `json:"version"`
	SavedAt       time.Time `json:"saved_at"`
	ClockOffsetNS int64     `json:"clock_offset_ns"`
	Profile       Profile   `json:"profile"`
	State         *state    `json:"state"`
}

// newState returns an empty account holding only its owner.
func newState(p Profile, now time.Time) *state {
	st := &state{
		AccountNumber: randomDigits(8),
		Counters:      map[string]int{},
	}
	st.reindex()
	owner := &user{
		ID:          newZoomID(),
		Email:       p.OwnerEmail,
		FirstName:   "Sandbox",
		LastName:    "Owner",
		DisplayName: "Sandbox Owner",
		Type:        2,
		Status:      statusActive,
		RoleID:      roleOwner,
		Timezone:    p.DefaultTimezone,
		Language:    "en-US",
		LoginTypes:  []int{100},
		Verified:    1,
		CreatedAt:   now.UTC().Truncate(time.Second),
		Action:      "owner",
	}
	st.add(owner)
	st.MeetingTemplates = seedMeetingTemplates(now)
	st.WebinarTemplates = seedWebinarTemplates(now)
	return st
}

// reindex rebuilds the lookup maps after loading.
func (st *state) reindex() {
	if st.Counters == nil {
		st.Counters = map[string]int{}
	}
	st.byID = make(map[string]*user, len(st.Users))
	st.byEmail = make(map[string]*user, len(st.Users))
	for _, u := range st.Users {
		st.byID[u.ID] = u
		st.byEmail[strings.ToLower(u.Email)] = u
	}
	st.meetingsByID = make(map[int64]*meeting, len(st.Meetings))
	for _, m := range st.Meetings {
		st.meetingsByID[m.ID] = m
	}
	st.webinarsByID = make(map[int64]*webinar, len(st.Webinars))
	for _, w := range st.Webinars {
		st.webinarsByID[w.ID] = w
	}
	st.groupsByID = make(map[string]*group, len(st.Groups))
	for _, g := range st.Groups {
		st.groupsByID[g.ID] = g
	}
}

// findUserRef resolves a user reference: a user id, an e-mail (case-insensitive) or "me" (the owner when
// the profile maps it).
func (st *state) findUserRef(ref string, p *Profile) *user {
	if ref == "me" {
		if p.MeMapsToOwner {
			return st.owner()
		}
		return nil
	}
	if strings.Contains(ref, "@") {
		return st.byEmail[strings.ToLower(ref)]
	}
	return st.byID[ref]
}

// add appends u, giving it the next sequence number and a unique PMI.
func (st *state) add(u *user) {
	st.NextSeq++
	u.Seq = st.NextSeq
	if u.PMI == 0 {
		u.PMI = st.uniquePMI()
	}
	st.Users = append(st.Users, u)
	st.byID[u.ID] = u
	st.byEmail[strings.ToLower(u.Email)] = u
}

func (st *state) remove(u *user) {
	delete(st.byID, u.ID)
	delete(st.byEmail, strings.ToLower(u.Email))
	for i, x := range st.Users {
		if x == u {
			st.Users = append(st.Users[:i:i], st.Users[i+1:]...)
			break
		}
	}
}

func (st *state) changeEmail(u *user, email string) {
	delete(st.byEmail, strings.ToLower(u.Email))
	u.Email = email
	st.byEmail[strings.ToLower(email)] = u
}

func (st *state) uniquePMI() int64 {
	for {
		pmi := randomDigits(10)
		taken := false
		for _, u := range st.Users {
			if u.PMI == pmi {
				taken = true
				break
			}
		}
		if !taken {
			return pmi
		}
	}
}

// owner returns the account owner (role "0").
func (st *state) owner() *user {
	for _, u := range st.Users {
		if u.RoleID == roleOwner {
			return u
		}
	}
	return nil
}

// pruneCounters drops counters of kind prefix that belong to another day than today.
func (st *state) pruneCounters(prefix, today string) {
	for k := range st.Counters {
		if strings.HasPrefix(k, prefix) && !strings.HasPrefix(k, prefix+today+"|") {
			delete(st.Counters, k)
		}
	}
}

// validate checks a loaded state for consistency.
func (st *state) validate() error {
	ids := map[string]bool{}
	emails := map[string]bool{}
	for i, u := range st.Users {
		if u == nil {
			return fmt.Errorf("users[%d] is null", i)
		}
		if u.ID == "" || ids[u.ID] {
			return fmt.Errorf("users[%d]: missing or duplicate id %q", i, u.ID)
		}
		e := strings.ToLower(u.Email)
		if e == "" || emails[e] {
			return fmt.Errorf("users[%d]: missing or duplicate email %q", i, u.Email)
		}
		ids[u.ID], emails[e] = true, true
		switch u.Status {
		case statusActive, statusInactive, statusPending:
		default:
			return fmt.Errorf("users[%d]: invalid status %q", i, u.Status)
		}
		if u.Seq <= 0 || u.Seq > st.NextSeq {
			return fmt.Errorf("users[%d]: invalid seq %d", i, u.Seq)
		}
	}
	numbers := map[int64]bool{}
	pmis := map[string]int64{}
	for _, u := range st.Users {
		pmis[u.ID] = u.PMI
	}
	for _, list := range []struct {
		name     string
		meetings []*meeting
	}{{"meetings", st.Meetings}, {"deleted_meetings", st.DeletedMeetings}} {
		lastSeq := int64(0)
		for i, m := range list.meetings {
			switch {
			case m == nil:
				return fmt.Errorf("%s[%d] is null", list.name, i)
			case m.ID <= 0 || (numbers[m.ID] && m.ID != pmis[m.HostID]):
				return fmt.Errorf("%s[%d]: missing or duplicate id %d", list.name, i, m.ID)
			case !ids[m.HostID]:
				return fmt.Errorf("%s[%d]: host %q is not a user", list.name, i, m.HostID)
			case m.Seq <= 0 || m.Seq > st.NextSeq:
				return fmt.Errorf("%s[%d]: invalid seq %d", list.name, i, m.Seq)
			case m.Type == 8 && m.Recurrence == nil:
				return fmt.Errorf("%s[%d]: type 8 without recurrence", list.name, i)
			}
			if list.name == "meetings" {
				if m.Seq <= lastSeq {
					return fmt.Errorf("meetings[%d]: not in sequence order", i)
				}
				lastSeq = m.Seq
			}
			numbers[m.ID] = true
		}
	}
	tplIDs := map[string]bool{}
	for i, t := range st.MeetingTemplates {
		switch {
		case t == nil:
			return fmt.Errorf("meeting_templates[%d] is null", i)
		case t.ID == "" || tplIDs[t.ID]:
			return fmt.Errorf("meeting_templates[%d]: missing or duplicate id %q", i, t.ID)
		case t.Type != templateUser && t.Type != templateAdmin:
			return fmt.Errorf("meeting_templates[%d]: invalid type %d", i, t.Type)
		case t.Type == templateUser && !ids[t.OwnerID]:
			return fmt.Errorf("meeting_templates[%d]: owner %q is not a user", i, t.OwnerID)
		}
		tplIDs[t.ID] = true
	}
	if err := st.validateGroups(ids); err != nil {
		return err
	}
	return st.validateWebinarState(ids, numbers)
}

// loadState reads a persisted state. A missing file yields (nil, nil); any
// other problem is an error and the file is not modified.
func loadState(path string) (*persisted, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sandbox: cannot read state file %s: %w", path, err)
	}
	// Knobs added after the file was written keep their defaults.
	p := persisted{Profile: DefaultProfile()}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("sandbox: state file %s is corrupt (not the JSON the sandbox writes): %w", path, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("sandbox: state file %s is corrupt: trailing data after the JSON document", path)
	}
	if p.Version != stateVersion {
		return nil, fmt.Errorf("sandbox: state file %s has version %d, want %d", path, p.Version, stateVersion)
	}
	if p.State == nil {
		return nil, fmt.Errorf("sandbox: state file %s is corrupt: no state", path)
	}
	if err := p.State.validate(); err != nil {
		return nil, fmt.Errorf("sandbox: state file %s is corrupt: %w", path, err)
	}
	if p.State.MeetingTemplates == nil {
		p.State.MeetingTemplates = seedMeetingTemplates(p.SavedAt)
	}
	if p.State.WebinarTemplates == nil {
		p.State.WebinarTemplates = seedWebinarTemplates(p.SavedAt)
	}
	if err := p.Profile.Validate(); err != nil {
		return nil, fmt.Errorf("sandbox: state file %s has an invalid profile: %w", path, err)
	}
	return &p, nil
}

// persistLocked saves the state when it changed (counter-only changes at most
// once per counterSaveInterval). Errors are kept for Close and logged.
func (s *Server) persistLocked() {
	if s.statePath == "" {
		s.dirty, s.countersDirty = false, false
		return
	}
	if !s.dirty && !(s.countersDirty && time.Since(s.lastSave) >= counterSaveInterval) {
		return
	}
	doc := persisted{
		Version:       stateVersion,
		SavedAt:       time.Now().UTC(),
		ClockOffsetNS: int64(s.clock.getOffset()),
		Profile:       s.profile,
		State:         s.st,
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err == nil {
		err = writeFileAtomic(s.statePath, append(data, '\n'))
	}
	if err != nil {
		if s.saveErr == nil || s.saveErr.Error() != err.Error() {
			log.Printf("zoom sandbox: saving state: %v", err)
		}
		s.saveErr = err
		return
	}
	s.saveErr = nil
	s.dirty, s.countersDirty = false, false
	s.lastSave = time.Now()
}

// writeFileAtomic writes data to a temporary file in path's directory, syncs
// it and renames it over path, so that path always holds a complete document.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("sandbox: writing state: %w", err)
	}
	tmp := f.Name()
	cleanup := func(e error) error {
		_ = f.Close()
		_ = os.Remove(tmp)
		return fmt.Errorf("sandbox: writing state: %w", e)
	}
	if _, err := f.Write(data); err != nil {
		return cleanup(err)
	}
	if err := f.Sync(); err != nil {
		return cleanup(err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("sandbox: writing state: %w", err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("sandbox: writing state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("sandbox: writing state: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
