package client

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// Registrant statuses (Registrant.Status, ListRegistrantsOptions.Status).
const (
	RegistrantApproved = "approved"
	RegistrantPending  = "pending"
	RegistrantDenied   = "denied"
)

// Registrant status actions (UpdateRegistrantStatus).
const (
	RegistrantActionApprove = "approve"
	RegistrantActionDeny    = "deny"
	RegistrantActionCancel  = "cancel"
)

// maxRegistrantsPerStatusUpdate is the most registrants one status update may name.
const maxRegistrantsPerStatusUpdate = 30

// CustomQuestion is a registrant's answer to a custom registration question.
type CustomQuestion struct {
	Title string `json:"title"`
	Value string `json:"value"`
}

// RegistrantRequest is the body of adding a registrant (docs/development/zoom-api.md#registrants). Email and FirstName are required.
type RegistrantRequest struct {
	Email                 string           `json:"email"`
	FirstName             string           `json:"first_name"`
	LastName              string           `json:"last_name,omitempty"`
	Address               string           `json:"address,omitempty"`
	City                  string           `json:"city,omitempty"`
	State                 string           `json:"state,omitempty"`
	Zip                   string           `json:"zip,omitempty"`
	Country               string           `json:"country,omitempty"`
	Phone                 string           `json:"phone,omitempty"`
	Comments              string           `json:"comments,omitempty"`
	Industry              string           `json:"industry,omitempty"`
	Org                   string           `json:"org,omitempty"`
	JobTitle              string           `json:"job_title,omitempty"`
	PurchasingTimeFrame   string           `json:"purchasing_time_frame,omitempty"`
	RoleInPurchaseProcess string           `json:"role_in_purchase_process,omitempty"`
	NoOfEmployees         string           `json:"no_of_employees,omitempty"`
	Language              string           `json:"language,omitempty"`
	CustomQuestions       []CustomQuestion `json:"custom_questions,omitempty"`
	// AutoApprove approves this registrant on a meeting with manual approval (meetings only).
	AutoApprove *bool `json:"auto_approve,omitempty"`
}

// RegistrantCreated is the answer to adding a registrant.
type RegistrantCreated struct {
	// ID is the meeting's or webinar's ID (an integer for meetings, a string for webinars).
	ID           FlexString   `json:"id"`
	RegistrantID string       `json:"registrant_id"`
	JoinURL      string       `json:"join_url,omitempty"`
	StartTime    string       `json:"start_time,omitempty"`
	Topic        string       `json:"topic,omitempty"`
	Occurrences  []Occurrence `json:"occurrences,omitempty"`
}

// Registrant is a registrant as returned by GET (one or a list item).
type Registrant struct {
	ID                    string           `json:"id"`
	Email                 string           `json:"email"`
	FirstName             string           `json:"first_name"`
	LastName              string           `json:"last_name,omitempty"`
	Address               string           `json:"address,omitempty"`
	City                  string           `json:"city,omitempty"`
	State                 string           `json:"state,omitempty"`
	Zip                   string           `json:"zip,omitempty"`
	Country               string           `json:"country,omitempty"`
	Phone                 string           `json:"phone,omitempty"`
	Comments              string           `json:"comments,omitempty"`
	Industry              string           `json:"industry,omitempty"`
	Org                   string           `json:"org,omitempty"`
	JobTitle              string           `json:"job_title,omitempty"`
	PurchasingTimeFrame   string           `json:"purchasing_time_frame,omitempty"`
	RoleInPurchaseProcess string           `json:"role_in_purchase_process,omitempty"`
	NoOfEmployees         string           `json:"no_of_employees,omitempty"`
	Language              string           `json:"language,omitempty"`
	CustomQuestions       []CustomQuestion `json:"custom_questions,omitempty"`
	Status                string           `json:"status"`
	CreateTime            string           `json:"create_time,omitempty"`
	JoinURL               string           `json:"join_url,omitempty"`
}

// RegistrantRef names a registrant in a status update, by ID and/or e-mail.
type RegistrantRef struct {
	ID    string `json:"id,omitempty"`
	Email string `json:"email,omitempty"`
}

// ListRegistrantsOptions are the query parameters of a registrant list.
type ListRegistrantsOptions struct {
	// Status filters by status; empty = Zoom's default, approved only.
	Status       string
	OccurrenceID string
}

// registrants implements the registrant operations shared by meetings and webinars under base
// ("meetings/{id}" or "webinars/{id}").
type registrants struct {
	c    *Client
	base string
}

func (s *MeetingsService) registrants(meetingID int64) (registrants, error) {
	p, err := meetingPath(meetingID)
	return registrants{s.client, p}, err
}

func (s *WebinarsService) registrants(webinarID int64) (registrants, error) {
	p, err := webinarPath(webinarID)
	return registrants{s.client, p}, err
}

func (r registrants) add(ctx context.Context, req *RegistrantRequest, occurrenceIDs []string) (*RegistrantCreated, error) {
	if req == nil || strings.TrimSpace(req.Email) == "" || strings.TrimSpace(req.FirstName) == "" {
		return nil, errors.New("zoom client: add registrant: e-mail and first name are required")
	}
	out := new(RegistrantCreated)
	if _, err := r.c.do(ctx, &request{method: "POST", path: r.base + "/registrants", query: occurrenceQuery(occurrenceIDs), body: req, out: out, category: CategoryLight}); err != nil {
		return nil, err
	}
	return out, nil
}

func occurrenceQuery(ids []string) url.Values {
	if len(ids) == 0 {
		return nil
	}
	return url.Values{"occurrence_ids": {strings.Join(ids, ",")}}
}

func (r registrants) get(ctx context.Context, registrantID string) (*Registrant, error) {
	p, err := pathf(r.base+"/registrants/%s", registrantID)
	if err != nil {
		return nil, err
	}
	out := new(Registrant)
	if _, err := r.c.get(ctx, p, nil, CategoryLight, out); err != nil {
		return nil, err
	}
	return out, nil
}

func (r registrants) list(ctx context.Context, opts *ListRegistrantsOptions) ([]Registrant, error) {
	q := url.Values{}
	if opts != nil {
		setString(q, "status", opts.Status)
		setString(q, "occurrence_id", opts.OccurrenceID)
	}
	return listAll[Registrant](ctx, r.c, r.base+"/registrants", q, CategoryMedium, "registrants", maxMeetingsPageSize)
}

func (r registrants) delete(ctx context.Context, registrantID, occurrenceID string) error {
	p, err := pathf(r.base+"/registrants/%s", registrantID)
	if err != nil {
		return err
	}
	q := url.Values{}
	setString(q, "occurrence_id", occurrenceID)
	_, err = r.c.del(ctx, p, q, CategoryLight)
	return err
}

func (r registrants) updateStatus(ctx context.Context, action string, refs []RegistrantRef) error {
	if len(refs) == 0 || len(refs) > maxRegistrantsPerStatusUpdate {
		return errors.New("zoom client: a registrant status update names 1 to " + strconv.Itoa(maxRegistrantsPerStatusUpdate) + " registrants")
	}
	body := struct {
		Action      string          `json:"action"`
		Registrants []RegistrantRef `json:"registrants"`
	}{action, refs}
	_, err := r.c.put(ctx, r.base+"/registrants/status", body, CategoryMedium, nil)
	return err
}

// AddRegistrant registers someone for a meeting; occurrenceIDs (optional) picks occurrences of a recurring meeting.
//
//meta:operation POST /meetings/{meetingId}/registrants
func (s *MeetingsService) AddRegistrant(ctx context.Context, meetingID int64, req *RegistrantRequest, occurrenceIDs []string) (*RegistrantCreated, error) {
	r, err := s.registrants(meetingID)
	if err != nil {
		return nil, err
	}
	return r.add(ctx, req, occurrenceIDs)
}

// GetRegistrant returns one registrant of a meeting.
//
//meta:operation GET /meetings/{meetingId}/registrants/{registrantId}
func (s *MeetingsService) GetRegistrant(ctx context.Context, meetingID int64, registrantID string) (*Registrant, error) {
	r, err := s.registrants(meetingID)
	if err != nil {
		return nil, err
	}
	return r.get(ctx, registrantID)
}

// ListRegistrants returns a meeting's registrants (all pages); opts may be nil (approved only).
//
//meta:operation GET /meetings/{meetingId}/registrants
func (s *MeetingsService) ListRegistrants(ctx context.Context, meetingID int64, opts *ListRegistrantsOptions) ([]Registrant, error) {
	r, err := s.registrants(meetingID)
	if err != nil {
		return nil, err
	}
	return r.list(ctx, opts)
}

// DeleteRegistrant removes a registrant from a meeting (or one occurrence).
//
//meta:operation DELETE /meetings/{meetingId}/registrants/{registrantId}
func (s *MeetingsService) DeleteRegistrant(ctx context.Context, meetingID int64, registrantID, occurrenceID string) error {
	r, err := s.registrants(meetingID)
	if err != nil {
		return err
	}
	return r.delete(ctx, registrantID, occurrenceID)
}

// UpdateRegistrantStatus approves, denies or cancels up to 30 registrants of a meeting.
//
//meta:operation PUT /meetings/{meetingId}/registrants/status
func (s *MeetingsService) UpdateRegistrantStatus(ctx context.Context, meetingID int64, action string, refs []RegistrantRef) error {
	r, err := s.registrants(meetingID)
	if err != nil {
		return err
	}
	return r.updateStatus(ctx, action, refs)
}

// AddRegistrant registers someone for a webinar (AutoApprove is not used for webinars).
//
//meta:operation POST /webinars/{webinarId}/registrants
func (s *WebinarsService) AddRegistrant(ctx context.Context, webinarID int64, req *RegistrantRequest, occurrenceIDs []string) (*RegistrantCreated, error) {
	r, err := s.registrants(webinarID)
	if err != nil {
		return nil, err
	}
	if req != nil && req.AutoApprove != nil {
		c := *req
		c.AutoApprove = nil
		req = &c
	}
	return r.add(ctx, req, occurrenceIDs)
}

// GetRegistrant returns one registrant of a webinar.
//
//meta:operation GET /webinars/{webinarId}/registrants/{registrantId}
func (s *WebinarsService) GetRegistrant(ctx context.Context, webinarID int64, registrantID string) (*Registrant, error) {
	r, err := s.registrants(webinarID)
	if err != nil {
		return nil, err
	}
	return r.get(ctx, registrantID)
}

// ListRegistrants returns a webinar's registrants (all pages); opts may be nil (approved only).
//
//meta:operation GET /webinars/{webinarId}/registrants
func (s *WebinarsService) ListRegistrants(ctx context.Context, webinarID int64, opts *ListRegistrantsOptions) ([]Registrant, error) {
	r, err := s.registrants(webinarID)
	if err != nil {
		return nil, err
	}
	return r.list(ctx, opts)
}

// DeleteRegistrant removes a registrant from a webinar (or one occurrence).
//
//meta:operation DELETE /webinars/{webinarId}/registrants/{registrantId}
func (s *WebinarsService) DeleteRegistrant(ctx context.Context, webinarID int64, registrantID, occurrenceID string) error {
	r, err := s.registrants(webinarID)
	if err != nil {
		return err
	}
	return r.delete(ctx, registrantID, occurrenceID)
}

// UpdateRegistrantStatus approves, denies or cancels up to 30 registrants of a webinar.
//
//meta:operation PUT /webinars/{webinarId}/registrants/status
func (s *WebinarsService) UpdateRegistrantStatus(ctx context.Context, webinarID int64, action string, refs []RegistrantRef) error {
	r, err := s.registrants(webinarID)
	if err != nil {
		return err
	}
	return r.updateStatus(ctx, action, refs)
}
