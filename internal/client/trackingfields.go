package client

import (
	"context"
	"errors"
)

// TrackingFieldsService is the account's tracking fields (the Meetings API's Tracking Field operations):
// labels every meeting and webinar of the account may carry a value for, optionally required or hidden from the
// web portal's scheduling options. Zoom offers them on Business, Education, API and higher plans.
type TrackingFieldsService service

// AccountTrackingField is one tracking field of the account as Zoom returns it (trackingfieldGet,
// trackingfieldCreate, trackingfieldList). A meeting's or webinar's value for it is a TrackingField naming this
// Field.
type AccountTrackingField struct {
	// ID is Zoom's identifier of the field (a short string such as "a32CJji-weJ92").
	ID string `json:"id"`
	// Field is the label, which meetings and webinars use to refer to the field.
	Field string `json:"field"`
	// RecommendedValues are the values the scheduling options offer, in order.
	RecommendedValues []string `json:"recommended_values"`
	// Required makes every meeting and webinar of the account carry a value for the field.
	Required bool `json:"required"`
	// Visible shows the field in the scheduling options of the web portal.
	Visible bool `json:"visible"`
}

// TrackingFieldRequest is the body of trackingfieldCreate and trackingfieldUpdate: only non-nil fields are sent
// (an update changes only those; an empty RecommendedValues list clears the values).
type TrackingFieldRequest struct {
	Field             *string   `json:"field,omitempty"`
	RecommendedValues *[]string `json:"recommended_values,omitempty"`
	Required          *bool     `json:"required,omitempty"`
	Visible           *bool     `json:"visible,omitempty"`
}

func trackingFieldPath(id string) (string, error) { return pathf("tracking_fields/%s", id) }

// List returns every tracking field of the account (the list is not paginated).
//
//meta:operation GET /tracking_fields
func (s *TrackingFieldsService) List(ctx context.Context) ([]AccountTrackingField, error) {
	var out struct {
		TrackingFields []AccountTrackingField `json:"tracking_fields"`
	}
	if _, err := s.client.get(ctx, "tracking_fields", nil, CategoryMedium, &out); err != nil {
		return nil, err
	}
	return out.TrackingFields, nil
}

// Create adds a tracking field and returns it with its ID. A create whose answer was lost may still have been
// carried out (IsMaybeProcessed): look for the label with List before trying again.
//
//meta:operation POST /tracking_fields
func (s *TrackingFieldsService) Create(ctx context.Context, req *TrackingFieldRequest) (*AccountTrackingField, error) {
	if req == nil || req.Field == nil {
		return nil, errors.New("zoom client: create tracking field: Field is required")
	}
	f := new(AccountTrackingField)
	if _, err := s.client.post(ctx, "tracking_fields", req, CategoryLight, f); err != nil {
		return nil, err
	}
	return f, nil
}

// Get returns one tracking field; a deleted or unknown ID gives an error IsTrackingFieldNotFound accepts.
//
//meta:operation GET /tracking_fields/{fieldId}
func (s *TrackingFieldsService) Get(ctx context.Context, id string) (*AccountTrackingField, error) {
	p, err := trackingFieldPath(id)
	if err != nil {
		return nil, err
	}
	f := new(AccountTrackingField)
	if _, err := s.client.get(ctx, p, nil, CategoryLight, f); err != nil {
		return nil, err
	}
	return f, nil
}

// Update changes the fields set in req (Zoom answers 204; re-read with Get).
//
//meta:operation PATCH /tracking_fields/{fieldId}
func (s *TrackingFieldsService) Update(ctx context.Context, id string, req *TrackingFieldRequest) error {
	if req == nil {
		return errors.New("zoom client: update tracking field: request must not be nil")
	}
	p, err := trackingFieldPath(id)
	if err != nil {
		return err
	}
	_, err = s.client.patch(ctx, p, nil, req, CategoryLight)
	return err
}

// Delete removes a tracking field.
//
//meta:operation DELETE /tracking_fields/{fieldId}
func (s *TrackingFieldsService) Delete(ctx context.Context, id string) error {
	p, err := trackingFieldPath(id)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}
