package sandbox

import (
	"fmt"
	"net/http"
	"strings"
)

// Tracking fields (trackingfieldList, trackingfieldCreate, trackingfieldGet, trackingfieldUpdate,
// trackingfieldDelete): labels the account defines for meetings and webinars, each with optional recommended
// values, a "required" flag (every meeting and webinar must carry a value for it) and a "visible" flag (shown in
// the scheduling options of the web portal). The spec documents no limits and, besides 404 on get, update and
// delete, no errors; it documents the 404 without a Zoom code, so the sandbox answers it without one.
//
// Zoom documents no answer for a meeting or webinar written without a required field; Profile.TrackingFieldRequired
// selects it (see checkRequiredTracking).

// trackingFieldDef is one tracking field of the account.
type trackingFieldDef struct {
	ID                string   `json:"id"`
	Field             string   `json:"field"`
	RecommendedValues []string `json:"recommended_values"`
	Required          bool     `json:"required"`
	Visible           bool     `json:"visible"`
}

// view is the object get, list and create return (the TrackingField schema plus id): a copy of d.
func (d *trackingFieldDef) view() trackingFieldDef {
	v := *d
	v.RecommendedValues = append([]string{}, d.RecommendedValues...)
	return v
}

const msgTrackingFieldNotFound = "Tracking field not found."

// trackingFieldNotFound is the documented 404; the spec gives no Zoom code for it, so the body carries none.
func trackingFieldNotFound() apiResponse {
	return apiResponse{status: http.StatusNotFound, body: struct {
		Message string `json:"message"`
	}{msgTrackingFieldNotFound}}
}

func trackingFieldRoutes() []*route {
	read := []string{"tracking_fields:read:admin"}
	write := []string{"tracking_fields:write:admin"}
	// The Meetings document names only classic scopes here, and no granular name of these operations is known,
	// so only the classic ones are accepted (docs/development/zoom-api.md#scopes).
	return []*route{
		{method: http.MethodGet, pattern: "/v2/tracking_fields", category: CategoryMedium, macroScopes: read,
			handler: (*call).listTrackingFields},
		{method: http.MethodPost, pattern: "/v2/tracking_fields", category: CategoryLight, macroScopes: write,
			handler: (*call).createTrackingField},
		{method: http.MethodGet, pattern: "/v2/tracking_fields/{fieldId}", category: CategoryLight, macroScopes: read,
			handler: (*call).getTrackingField},
		{method: http.MethodPatch, pattern: "/v2/tracking_fields/{fieldId}", category: CategoryLight, macroScopes: write,
			handler: (*call).updateTrackingField},
		{method: http.MethodDelete, pattern: "/v2/tracking_fields/{fieldId}", category: CategoryLight, macroScopes: write,
			handler: (*call).deleteTrackingField},
	}
}

func (st *state) trackingField(id string) *trackingFieldDef {
	for _, d := range st.TrackingFields {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// trackingFieldByLabel returns the account's field with this label (exact match), or nil.
func (st *state) trackingFieldByLabel(label string) *trackingFieldDef {
	for _, d := range st.TrackingFields {
		if d.Field == label {
			return d
		}
	}
	return nil
}

func (c *call) listTrackingFields() apiResponse {
	out := struct {
		TotalRecords   int                `json:"total_records"`
		TrackingFields []trackingFieldDef `json:"tracking_fields"`
	}{TrackingFields: []trackingFieldDef{}}
	for _, d := range c.s.st.TrackingFields {
		out.TrackingFields = append(out.TrackingFields, d.view())
	}
	out.TotalRecords = len(out.TrackingFields)
	return jsonResp(http.StatusOK, out)
}

// readTrackingFieldDef validates a create (create = true) or update body and applies it to d.
func readTrackingFieldDef(body []byte, d *trackingFieldDef, create bool) *apiResponse {
	m, ok := decodeObject(body)
	if !ok {
		return ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON))
	}
	f := newFieldReader(m)
	field, hasField := f.str("field", 0)
	if (create && !hasField) || (hasField && strings.TrimSpace(field) == "") {
		// A tracking field without a label cannot be shown or filled in (sandbox: the spec marks no field required).
		f.fail("field")
	}
	vals, hasVals := f.stringList("recommended_values", 0)
	required, hasRequired := f.boolean("required")
	visible, hasVisible := f.boolean("visible")
	if errs := f.errors(); len(errs) > 0 {
		return ptr(validationResp(errs))
	}
	if hasField {
		d.Field = field
	}
	if hasVals {
		d.RecommendedValues = vals
	}
	if hasRequired {
		d.Required = required
	}
	if hasVisible {
		d.Visible = visible
	}
	return nil
}

func (c *call) createTrackingField() apiResponse {
	// Left out of the request: not required, visible (unconfirmed; the provider always sends both).
	d := &trackingFieldDef{ID: randomBase62(13), RecommendedValues: []string{}, Visible: true}
	if r := readTrackingFieldDef(c.body, d, true); r != nil {
		return *r
	}
	c.s.st.TrackingFields = append(c.s.st.TrackingFields, d)
	c.s.dirty = true
	return jsonResp(http.StatusCreated, d.view())
}

func (c *call) getTrackingField() apiResponse {
	d := c.s.st.trackingField(c.params["fieldId"])
	if d == nil {
		return trackingFieldNotFound()
	}
	return jsonResp(http.StatusOK, d.view())
}

func (c *call) updateTrackingField() apiResponse {
	d := c.s.st.trackingField(c.params["fieldId"])
	if d == nil {
		return trackingFieldNotFound()
	}
	work := *d
	work.RecommendedValues = append([]string{}, d.RecommendedValues...)
	if r := readTrackingFieldDef(c.body, &work, false); r != nil {
		return *r
	}
	*d = work
	c.s.dirty = true
	return noContent()
}

func (c *call) deleteTrackingField() apiResponse {
	st := c.s.st
	for i, d := range st.TrackingFields {
		if d.ID == c.params["fieldId"] {
			st.TrackingFields = append(st.TrackingFields[:i:i], st.TrackingFields[i+1:]...)
			c.s.dirty = true
			return noContent()
		}
	}
	return trackingFieldNotFound()
}

// Values of Profile.TrackingFieldRequired.
const (
	TrackingRequiredRefuse = "refuse"
	TrackingRequiredIgnore = "ignore"
)

// msgTrackingFieldRequired names a required tracking field a meeting or webinar lacks (sandbox wording).
const msgTrackingFieldRequired = "The tracking field %q is required: give it a value in tracking_fields."

// checkRequiredTracking answers a meeting or webinar that would be left without a value for a required tracking
// field of the account (fields is the event's list after the write). Zoom documents no answer (unconfirmed), so
// with Profile.TrackingFieldRequired "refuse" (default) the sandbox gives the operations' generic validation
// failure, HTTP 400 code 300 with the field named in errors; "ignore" stores the event as sent.
func (c *call) checkRequiredTracking(fields []trackingField) *apiResponse {
	if c.profile.TrackingFieldRequired == TrackingRequiredIgnore {
		return nil
	}
	var errs []fieldError
	for _, d := range c.s.st.TrackingFields {
		if !d.Required {
			continue
		}
		found := false
		for _, t := range fields {
			if t.Field == d.Field && strings.TrimSpace(t.Value) != "" {
				found = true
				break
			}
		}
		if !found {
			errs = append(errs, fieldError{Field: "tracking_fields", Message: fmt.Sprintf(msgTrackingFieldRequired, d.Field)})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return ptr(validationResp(errs))
}

// trackingViews renders an event's tracking fields. Meetings report whether each field is visible (from the
// account's definition; a label the account does not define counts as visible); webinars report only the field
// and its value, as their schemas say.
func (c *call) trackingViews(fields []trackingField, withVisible bool) []trackingFieldView {
	var out []trackingFieldView
	for _, t := range fields {
		v := trackingFieldView{Field: t.Field, Value: t.Value}
		if withVisible {
			visible := true
			if d := c.s.st.trackingFieldByLabel(t.Field); d != nil {
				visible = d.Visible
			}
			v.Visible = &visible
		}
		out = append(out, v)
	}
	return out
}
