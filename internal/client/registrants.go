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

// Registrant status actions (RegistrantsService.UpdateStatus).
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

// RegistrantsService is the registrant operations of meetings (Client.MeetingRegistrants) or of webinars
// (Client.WebinarRegistrants). The two APIs take the same requests and give the same answers under
// /meetings/{id}/registrants and /webinars/{id}/registrants; only meetings take RegistrantRequest.AutoApprove.
type RegistrantsService struct {
	client *Client
	// noun is "meeting" or "webinar".
	noun string
}

func newRegistrantsService(c *Client, noun string) *RegistrantsService {
	return &RegistrantsService{client: c, noun: noun}
}

// Noun is "meeting" or "webinar": what the registrants register for.
func (s *RegistrantsService) Noun() string { return s.noun }

// base is "meetings/{id}" or "webinars/{id}".
func (s *RegistrantsService) base(parentID int64) (string, error) {
	if parentID <= 0 {
		return "", errors.New("zoom client: " + s.noun + " ID must be positive")
	}
	return pathf(s.noun+"s/%s", strconv.FormatInt(parentID, 10))
}

// Add registers someone for the meeting or webinar parentID; occurrenceIDs (optional) picks occurrences of a
// recurring one. AutoApprove is sent for meetings only.
//
//meta:operation POST /meetings/{meetingId}/registrants
//meta:operation POST /webinars/{webinarId}/registrants
func (s *RegistrantsService) Add(ctx context.Context, parentID int64, req *RegistrantRequest, occurrenceIDs []string) (*RegistrantCreated, error) {
	base, err := s.base(parentID)
	if err != nil {
		return nil, err
	}
	if req == nil || strings.TrimSpace(req.Email) == "" || strings.TrimSpace(req.FirstName) == "" {
		return nil, errors.New("zoom client: add registrant: e-mail and first name are required")
	}
	if s.noun != "meeting" && req.AutoApprove != nil {
		c := *req
		c.AutoApprove = nil
		req = &c
	}
	out := new(RegistrantCreated)
	if _, err := s.client.do(ctx, &request{method: "POST", path: base + "/registrants", query: occurrenceQuery(occurrenceIDs), body: req, out: out, category: CategoryLight}); err != nil {
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

// Get returns one registrant of the meeting or webinar parentID.
//
//meta:operation GET /meetings/{meetingId}/registrants/{registrantId}
//meta:operation GET /webinars/{webinarId}/registrants/{registrantId}
func (s *RegistrantsService) Get(ctx context.Context, parentID int64, registrantID string) (*Registrant, error) {
	base, err := s.base(parentID)
	if err != nil {
		return nil, err
	}
	p, err := pathf(base+"/registrants/%s", registrantID)
	if err != nil {
		return nil, err
	}
	out := new(Registrant)
	if _, err := s.client.get(ctx, p, nil, CategoryLight, out); err != nil {
		return nil, err
	}
	return out, nil
}

// List returns the registrants of the meeting or webinar parentID (all pages); opts may be nil (approved only).
//
//meta:operation GET /meetings/{meetingId}/registrants
//meta:operation GET /webinars/{webinarId}/registrants
func (s *RegistrantsService) List(ctx context.Context, parentID int64, opts *ListRegistrantsOptions) ([]Registrant, error) {
	base, err := s.base(parentID)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		setString(q, "status", opts.Status)
		setString(q, "occurrence_id", opts.OccurrenceID)
	}
	return listAll[Registrant](ctx, s.client, base+"/registrants", q, CategoryMedium, "registrants", maxMeetingsPageSize)
}

// Delete removes a registrant from the meeting or webinar parentID (or from one occurrence).
//
//meta:operation DELETE /meetings/{meetingId}/registrants/{registrantId}
//meta:operation DELETE /webinars/{webinarId}/registrants/{registrantId}
func (s *RegistrantsService) Delete(ctx context.Context, parentID int64, registrantID, occurrenceID string) error {
	base, err := s.base(parentID)
	if err != nil {
		return err
	}
	p, err := pathf(base+"/registrants/%s", registrantID)
	if err != nil {
		return err
	}
	q := url.Values{}
	setString(q, "occurrence_id", occurrenceID)
	_, err = s.client.del(ctx, p, q, CategoryLight)
	return err
}

// UpdateStatus approves, denies or cancels up to 30 registrants of the meeting or webinar parentID.
//
//meta:operation PUT /meetings/{meetingId}/registrants/status
//meta:operation PUT /webinars/{webinarId}/registrants/status
func (s *RegistrantsService) UpdateStatus(ctx context.Context, parentID int64, action string, refs []RegistrantRef) error {
	base, err := s.base(parentID)
	if err != nil {
		return err
	}
	if len(refs) == 0 || len(refs) > maxRegistrantsPerStatusUpdate {
		return errors.New("zoom client: a registrant status update names 1 to " + strconv.Itoa(maxRegistrantsPerStatusUpdate) + " registrants")
	}
	body := struct {
		Action      string          `json:"action"`
		Registrants []RegistrantRef `json:"registrants"`
	}{action, refs}
	_, err = s.client.put(ctx, base+"/registrants/status", body, CategoryMedium, nil)
	return err
}
