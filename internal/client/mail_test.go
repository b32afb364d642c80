package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"
)

const vacationJSON = `{"enableAutoReply":true,"responseSubject":"Away","responseBodyPlainText":"Back soon",
	"responseBodyHtml":"<p>Back soon</p>","enableAlwaysRespond":false,"restrictToContacts":false,"restrictToDomain":true,
	"startTime":"1704268800000","startTimeISO":"2024-01-03T08:00:00.000Z","endTime":"1705046399000","endTimeISO":"2024-01-12T07:59:59.000Z"}`

func TestMailGetVacation(t *testing.T) {
	c, reqs := captureServer(t, 200, vacationJSON)
	v, err := c.Mail.GetVacation(context.Background(), "support+desk@example.com")
	if err != nil {
		t.Fatal(err)
	}
	r := reqs()[0]
	if r.method != "GET" || r.path != "/v2/emails/mailboxes/support+desk@example.com/settings/vacation" || r.rawBody != "" {
		t.Fatalf("request = %s %s %q", r.method, r.path, r.rawBody)
	}
	if !*v.EnableAutoReply || *v.ResponseSubject != "Away" || *v.ResponseBodyHTML != "<p>Back soon</p>" || *v.EnableAlwaysRespond ||
		!*v.RestrictToDomain || *v.StartTime != "1704268800000" || *v.EndTimeISO != "2024-01-12T07:59:59.000Z" {
		t.Fatalf("decoded %+v", v)
	}
	start, ok, err := v.Start()
	if err != nil || !ok || !start.Equal(time.Date(2024, 1, 3, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("Start() = %v, %v, %v", start, ok, err)
	}
	end, ok, err := v.End()
	if err != nil || !ok || !end.Equal(time.Date(2024, 1, 12, 7, 59, 59, 0, time.UTC)) {
		t.Errorf("End() = %v, %v, %v", end, ok, err)
	}

	// A mailbox that never set a responder: fields left out decode as nil.
	c, _ = captureServer(t, 200, `{"enableAutoReply":false}`)
	v, err = c.Mail.GetVacation(context.Background(), "a@example.com")
	if err != nil || *v.EnableAutoReply || v.ResponseSubject != nil || v.RestrictToDomain != nil {
		t.Fatalf("default = %+v, %v", v, err)
	}
	if _, ok, err := v.Start(); ok || err != nil {
		t.Errorf("Start() of an empty setting = %v, %v", ok, err)
	}
}

func TestMailTimes(t *testing.T) {
	at := time.Date(2027, 12, 23, 18, 0, 0, 0, time.FixedZone("CET", 3600))
	if got := MailTime(at); got != "1829581200000" {
		t.Errorf("MailTime = %s", got)
	}
	for name, v := range map[string]*MailVacation{
		"epoch":          {StartTime: Ptr("1829581200000")},
		"iso only":       {StartTimeISO: Ptr("2027-12-23T17:00:00.000Z")},
		"empty epoch":    {StartTime: Ptr(""), StartTimeISO: Ptr("2027-12-23T18:00:00+01:00")},
		"epoch over iso": {StartTime: Ptr("1829581200000"), StartTimeISO: Ptr("2000-01-01T00:00:00Z")},
	} {
		got, ok, err := v.Start()
		if err != nil || !ok || !got.Equal(at) {
			t.Errorf("%s: Start() = %v, %v, %v", name, got, ok, err)
		}
	}
	for _, v := range []*MailVacation{{EndTime: Ptr("soon")}, {EndTimeISO: Ptr("2027-12-23")}} {
		if _, _, err := v.End(); err == nil {
			t.Errorf("End() of %+v: no error", v)
		}
	}
}

func TestMailUpdateVacation(t *testing.T) {
	c, reqs := captureServer(t, 200, vacationJSON)
	ctx := context.Background()
	req := &MailVacation{
		EnableAutoReply: Ptr(true), ResponseSubject: Ptr("Away"), ResponseBodyPlainText: Ptr(""),
		ResponseBodyHTML: Ptr("<p>Back soon</p><script>x</script>"), RestrictToDomain: Ptr(false),
		StartTime: Ptr("1704268800000"), EndTime: Ptr(""),
	}
	v, err := c.Mail.UpdateVacation(ctx, "Support@Example.com", req)
	if err != nil {
		t.Fatal(err)
	}
	r := reqs()[0]
	if r.method != "PUT" || r.path != "/v2/emails/mailboxes/Support@Example.com/settings/vacation" {
		t.Fatalf("request = %s %s", r.method, r.path)
	}
	// Empty strings are sent (they clear); nil fields are not.
	jsonEqual(t, r.body, `{"enableAutoReply":true,"responseSubject":"Away","responseBodyPlainText":"",
		"responseBodyHtml":"<p>Back soon</p><script>x</script>","restrictToDomain":false,"startTime":"1704268800000","endTime":""}`)
	if *v.ResponseBodyHTML != "<p>Back soon</p>" || *v.EndTime != "1705046399000" {
		t.Fatalf("decoded %+v", v)
	}

	// Invalid requests never reach Zoom.
	for name, call := range map[string]func() error{
		"nil request":    func() error { _, err := c.Mail.UpdateVacation(ctx, "a@example.com", nil); return err },
		"no enable flag": func() error { _, err := c.Mail.UpdateVacation(ctx, "a@example.com", &MailVacation{}); return err },
		"empty mailbox put": func() error {
			_, err := c.Mail.UpdateVacation(ctx, " ", &MailVacation{EnableAutoReply: Ptr(false)})
			return err
		},
		"empty mailbox get": func() error { _, err := c.Mail.GetVacation(ctx, ""); return err },
		"dot-dot mailbox":   func() error { _, err := c.Mail.GetVacation(ctx, ".."); return err },
	} {
		if call() == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if len(reqs()) != 1 {
		t.Fatalf("an invalid request reached the server: %d requests", len(reqs()))
	}
}

// TestMailPathEscaping: a mailbox is one path segment, whatever it contains.
func TestMailPathEscaping(t *testing.T) {
	c, reqs := captureServer(t, 200, `{"enableAutoReply":false}`)
	for _, mb := range []string{"a/b@example.com", "x?y=1@example.com", "sp ace@example.com", "../../users/me"} {
		if _, err := c.Mail.GetVacation(context.Background(), mb); err != nil {
			t.Fatalf("%s: %v", mb, err)
		}
	}
	want := []string{
		"/v2/emails/mailboxes/a%2Fb@example.com/settings/vacation",
		"/v2/emails/mailboxes/x%3Fy=1@example.com/settings/vacation",
		"/v2/emails/mailboxes/sp%20ace@example.com/settings/vacation",
		"/v2/emails/mailboxes/..%2F..%2Fusers%2Fme/settings/vacation",
	}
	for i, r := range reqs() {
		if r.path != want[i] || r.rawQuery != "" {
			t.Errorf("request %d = %s?%s, want %s", i, r.path, r.rawQuery, want[i])
		}
	}
}

func TestMailGovCluster(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://api.zoom.us/v2":               false,
		"https://api-eu.zoom.us/v2":            false,
		"https://api.zoomgov.com/v2":           true,
		"https://API.ZoomGov.com./v2":          true,
		"https://zoomgov.com/v2":               true,
		"http://127.0.0.1:8080/v2":             false,
		"https://notzoomgov.com/v2":            false,
		"https://api.zoomgov.com.example/v2":   false,
		"https://proxy.example.com/zoomgov/v2": false,
	} {
		c, err := New(Config{APIURL: raw, AccessToken: "t"})
		if err != nil {
			t.Fatal(err)
		}
		if got := c.IsGovCluster(); got != want {
			t.Errorf("IsGovCluster(%s) = %v, want %v", raw, got, want)
		}
	}
	// On Gov, Mail calls fail before any request.
	ts := newTestServer(t)
	c, _ := newTestClient(t, ts, nil)
	gov, err := New(Config{APIURL: "https://api.zoomgov.com/v2", AccessToken: "t", HTTPClient: ts.Client()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gov.Mail.GetVacation(context.Background(), "a@example.com"); !errors.Is(err, ErrMailNotOnGov) {
		t.Errorf("GetVacation on Gov: %v", err)
	}
	if _, err := gov.Mail.UpdateVacation(context.Background(), "a@example.com", &MailVacation{EnableAutoReply: Ptr(false)}); !errors.Is(err, ErrMailNotOnGov) {
		t.Errorf("UpdateVacation on Gov: %v", err)
	}
	if c.IsGovCluster() {
		t.Error("the test server is not Gov")
	}
}

func TestMailErrorHelpers(t *testing.T) {
	ts := newTestServer(t)
	answers := map[string][3]any{
		"invalid":      {400, 400, "Invalid Request"},
		"notfound":     {404, 404, "Mailbox does not exist: a@example.com."},
		"unrecognized": {404, 2300, "This API endpoint is not recognized."},
		"scope":        {400, 4711, "Invalid access token, does not contain scopes:[email:update:setting_vacation, email:update:setting_vacation:admin]."},
	}
	for mb, a := range answers {
		ts.handle("/emails/mailboxes/"+mb+"@example.com/settings/vacation", func(w http.ResponseWriter, _ *http.Request) {
			writeZoomError(w, a[0].(int), a[1].(int), a[2].(string))
		})
	}
	c, _ := newTestClient(t, ts, nil)
	get := func(mb string) error {
		_, err := c.Mail.GetVacation(context.Background(), mb+"@example.com")
		return err
	}
	if err := get("invalid"); !IsMailInvalid(err) || IsMailboxNotFound(err) {
		t.Errorf("invalid: %v", err)
	}
	if err := get("notfound"); IsMailInvalid(err) || !IsMailboxNotFound(err) || IsNotFound(err) {
		t.Errorf("notfound: %v", err)
	}
	if err := get("unrecognized"); IsMailboxNotFound(err) {
		t.Errorf("unrecognized: %v", err)
	}
	err := get("scope")
	scopes, ok := IsScopeMissing(err)
	if !ok || len(scopes) != 2 || scopes[0] != "email:update:setting_vacation" || IsMailInvalid(err) {
		t.Errorf("scope: %v %v", scopes, err)
	}
}

// TestMailVacationRequestMatchesTheSpec checks the PUT body against the Mail spec's request schema (which sets
// additionalProperties: false and requires enableAutoReply).
func TestMailVacationRequestMatchesTheSpec(t *testing.T) {
	schema := loadRequestSchema(t, "/emails/mailboxes/{email}/settings/vacation", "put")
	for name, req := range map[string]*MailVacation{
		"full": {
			EnableAutoReply: Ptr(true), ResponseSubject: Ptr("Away"), ResponseBodyPlainText: Ptr("Back soon"),
			ResponseBodyHTML: Ptr("<p>Back soon</p>"), EnableAlwaysRespond: Ptr(false), RestrictToContacts: Ptr(true),
			RestrictToDomain: Ptr(false), StartTime: Ptr("1704268800000"), StartTimeISO: Ptr("2024-01-03T08:00:00.000Z"),
			EndTime: Ptr("1705046399000"), EndTimeISO: Ptr("2024-01-12T07:59:59.000Z"),
		},
		"off and cleared": {
			EnableAutoReply: Ptr(false), ResponseSubject: Ptr(""), ResponseBodyPlainText: Ptr(""), ResponseBodyHTML: Ptr(""),
			StartTime: Ptr(""), EndTime: Ptr(""),
		},
	} {
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		var body any
		_ = json.Unmarshal(b, &body)
		for _, e := range conform(name, body, schema) {
			t.Error(e)
		}
	}
	// The checker catches what it should: an unknown field and a missing enableAutoReply.
	var body any
	_ = json.Unmarshal([]byte(`{"language":"en"}`), &body)
	if errs := conform("bad", body, schema); len(errs) != 2 {
		t.Fatalf("checker found %d problems, want 2: %v", len(errs), errs)
	}
}
