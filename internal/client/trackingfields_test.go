package client

import (
	"context"
	"net/http"
	"slices"
	"testing"
)

func TestTrackingFieldsRequests(t *testing.T) {
	ctx := context.Background()
	c, reqs := captureServer(t, 201, `{"id":"a32CJji-weJ92","field":"Cost centre","recommended_values":["b","a"],"required":true,"visible":false}`)
	f, err := c.TrackingFields.Create(ctx, &TrackingFieldRequest{Field: Ptr("Cost centre"), RecommendedValues: &[]string{"b", "a"},
		Required: Ptr(true), Visible: Ptr(false)})
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != "a32CJji-weJ92" || !slices.Equal(f.RecommendedValues, []string{"b", "a"}) || !f.Required || f.Visible {
		t.Fatalf("decoded = %+v", f)
	}
	r := reqs()[0]
	if r.method != "POST" || r.path != "/v2/tracking_fields" {
		t.Fatalf("request = %s %s", r.method, r.path)
	}
	jsonEqual(t, r.body, `{"field":"Cost centre","recommended_values":["b","a"],"required":true,"visible":false}`)
	if _, err := c.TrackingFields.Create(ctx, &TrackingFieldRequest{}); err == nil {
		t.Fatal("create without a field accepted")
	}

	// An update sends only what it is given; an empty list clears the values.
	c, reqs = captureServer(t, 204, ``)
	if err := c.TrackingFields.Update(ctx, "a/b", &TrackingFieldRequest{RecommendedValues: &[]string{}}); err != nil {
		t.Fatal(err)
	}
	if r := reqs()[0]; r.method != "PATCH" || r.path != "/v2/tracking_fields/a%2Fb" || r.rawBody != `{"recommended_values":[]}` {
		t.Fatalf("update = %s %s %s", r.method, r.path, r.rawBody)
	}
	if err := c.TrackingFields.Delete(ctx, ""); err == nil {
		t.Fatal("empty ID accepted")
	}
	if err := c.TrackingFields.Delete(ctx, "a32CJji-weJ92"); err != nil {
		t.Fatal(err)
	}
	if r := reqs()[1]; r.method != "DELETE" || r.path != "/v2/tracking_fields/a32CJji-weJ92" {
		t.Fatalf("delete = %s %s", r.method, r.path)
	}

	c, reqs = captureServer(t, 200, `{"total_records":1,"tracking_fields":[{"id":"x1","field":"Project","recommended_values":[],"required":false,"visible":true}]}`)
	list, err := c.TrackingFields.List(ctx)
	if err != nil || len(list) != 1 || list[0].ID != "x1" || !list[0].Visible {
		t.Fatalf("list = %+v, %v", list, err)
	}
	c, reqs2 := captureServer(t, 200, `{"id":"x1","field":"Project","recommended_values":["p"],"required":false,"visible":true}`)
	got, err := c.TrackingFields.Get(ctx, "x1")
	if err != nil || got.Field != "Project" || !slices.Equal(got.RecommendedValues, []string{"p"}) {
		t.Fatalf("get = %+v, %v", got, err)
	}
	if r := reqs()[0]; r.method != "GET" || r.path != "/v2/tracking_fields" {
		t.Fatalf("list = %s %s", r.method, r.path)
	}
	if r := reqs2()[0]; r.method != "GET" || r.path != "/v2/tracking_fields/x1" {
		t.Fatalf("get = %s %s", r.method, r.path)
	}
}

func TestTrackingFieldPredicates(t *testing.T) {
	notFound := &APIError{HTTPStatus: http.StatusNotFound, Message: "Tracking field not found."}
	if !IsTrackingFieldNotFound(notFound) || IsTrackingFieldNotFound(&APIError{HTTPStatus: 404, Code: 2300}) ||
		IsTrackingFieldNotFound(&APIError{HTTPStatus: 400, Code: 300}) {
		t.Fatal("IsTrackingFieldNotFound")
	}
	for _, tc := range []struct {
		err    *APIError
		ok     bool
		fields []string
	}{
		{&APIError{HTTPStatus: 400, Code: 300, Message: "Validation Failed.", Errors: []FieldError{
			{Field: "tracking_fields", Message: `The tracking field "Cost centre" is required: give it a value.`},
			{Field: "tracking_fields", Message: `The tracking field "Project" is required.`}}}, true, []string{"Cost centre", "Project"}},
		{&APIError{HTTPStatus: 400, Code: 300, Message: "Tracking field is required."}, true, nil},
		{&APIError{HTTPStatus: 400, Code: 300, Message: "Validation Failed.", Errors: []FieldError{
			{Field: "tracking_fields[0].field", Message: "Invalid field."}}}, false, nil},
		{&APIError{HTTPStatus: 400, Code: 3000, Message: "Tracking field is required."}, false, nil},
	} {
		fields, ok := IsTrackingFieldRequired(tc.err)
		if ok != tc.ok || !slices.Equal(fields, tc.fields) {
			t.Errorf("%v: got %v %v, want %v %v", tc.err, fields, ok, tc.fields, tc.ok)
		}
	}
}
