package errortable

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// env is an in-process sandbox and a client of it.
type env struct {
	t   *testing.T
	sb  *sandbox.Server
	url string
	c   *client.Client
	ctx context.Context

	groups int // groups created by group()
}

func newEnv(t *testing.T, mutate func(*sandbox.Profile)) *env {
	t.Helper()
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		sb.UpdateProfile(mutate)
	}
	srv := httptest.NewServer(sb)
	t.Cleanup(func() { srv.Close(); _ = sb.Close() })
	p := sb.Profile()
	c, err := client.New(client.Config{APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: p.AccountID, ClientID: p.ClientID, ClientSecret: p.ClientSecret, DisablePacing: true, MaxRetries: client.Ptr(1)})
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, sb: sb, url: srv.URL, c: c, ctx: t.Context()}
}

var seq atomic.Int64

func (e *env) must(err error) {
	e.t.Helper()
	if err != nil {
		e.t.Fatalf("setting up: %v", err)
	}
}

func (e *env) owner() string { return e.sb.Profile().OwnerEmail }

// user creates an active user of the given type and returns its ID.
func (e *env) user(typ int) string {
	e.t.Helper()
	email := fmt.Sprintf("u%d@example.com", seq.Add(1))
	u, err := e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "autoCreate",
		UserInfo: client.CreateUserInfo{Email: email, Type: typ, FirstName: "U"}})
	e.must(err)
	return u.ID
}

// userEmail creates an active user of the given type and returns its e-mail address.
func (e *env) userEmail(typ int) string {
	e.t.Helper()
	email := fmt.Sprintf("a%d@example.com", seq.Add(1))
	_, err := e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "autoCreate",
		UserInfo: client.CreateUserInfo{Email: email, Type: typ, FirstName: "A"}})
	e.must(err)
	return email
}

// pendingUser invites a user, who stays pending.
func (e *env) pendingUser() string {
	e.t.Helper()
	u, err := e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "create",
		UserInfo: client.CreateUserInfo{Email: fmt.Sprintf("p%d@example.com", seq.Add(1)), Type: 1}})
	e.must(err)
	return u.ID
}

// demote turns a host into a user without a meetings licence (type 4) after its events exist.
func (e *env) demote(userID string) {
	e.t.Helper()
	e.must(e.c.Users.Update(e.ctx, userID, &client.UpdateUserRequest{Type: client.Ptr(4)}))
}

func (e *env) meeting(host string, registration bool) int64 {
	e.t.Helper()
	req := &client.MeetingRequest{
		EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(client.MeetingTypeScheduled),
			StartTime: client.Ptr("2030-01-01T10:00:00Z"), Duration: client.Ptr(30), Password: client.Ptr("abc123"),
		},
	}
	if registration {
		req.Settings = &client.MeetingSettings{ApprovalType: client.Ptr(0)}
	}
	m, err := e.c.Meetings.Create(e.ctx, host, req)
	e.must(err)
	return m.ID
}

func (e *env) webinar(host string, registration bool, restrict int) int64 {
	e.t.Helper()
	req := &client.WebinarRequest{
		EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5),
			StartTime: client.Ptr("2030-01-01T10:00:00Z"), Duration: client.Ptr(30), Password: client.Ptr("abc123"),
		},
	}
	s := &client.WebinarSettings{}
	if registration {
		s.ApprovalType = client.Ptr(0)
	}
	if restrict > 0 {
		s.ApprovalType = client.Ptr(1)
		s.RegistrantsRestrictNumber = client.Ptr(restrict)
	}
	req.Settings = s
	w, err := e.c.Webinars.Create(e.ctx, host, req)
	e.must(err)
	return w.ID
}

func reg(email string) *client.RegistrantRequest {
	return &client.RegistrantRequest{Email: email, FirstName: "R"}
}

// raw sends a request the client cannot be made to send (for example a stale page token) and returns Zoom's
// answer as an APIError.
func (e *env) raw(method, path string) error {
	e.t.Helper()
	tok, _, err := e.c.Token(e.ctx)
	e.must(err)
	req, _ := http.NewRequestWithContext(e.ctx, method, e.url+"/v2"+path, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	e.must(err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode < 300 {
		return nil
	}
	var z struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(body, &z)
	return &client.APIError{Method: method, Path: path, HTTPStatus: resp.StatusCode, Code: z.Code, Message: z.Message}
}

func freePlan(p *sandbox.Profile) { p.Plan = sandbox.PlanFree }

// group creates a group named "Group <n>" (n counts the env's groups from 1) and returns its ID.
func (e *env) group() string {
	e.t.Helper()
	e.groups++
	g, err := e.c.Groups.Create(e.ctx, fmt.Sprintf("Group %d", e.groups))
	e.must(err)
	return g.ID
}

// rawBody sends a request with a JSON body the client cannot be made to send and returns Zoom's answer.
func (e *env) rawBody(method, path, body string) error {
	e.t.Helper()
	tok, _, err := e.c.Token(e.ctx)
	e.must(err)
	req, _ := http.NewRequestWithContext(e.ctx, method, e.url+"/v2"+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	e.must(err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode < 300 {
		return nil
	}
	var z struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(b, &z)
	return &client.APIError{Method: method, Path: path, HTTPStatus: resp.StatusCode, Code: z.Code, Message: z.Message}
}

// trigger is one row's scenario: profile changes, then the call that must get the row's answer. When want is
// set, Zoom's answer (as the client reports it: message and field errors) must match it.
type trigger struct {
	profile func(*sandbox.Profile)
	call    func(e *env) error
	want    string
}

// unlisted is a zone of the IANA database that Zoom's list lacks (Zoom lists it under its older name, Europe/Kiev).
const unlisted = "Europe/Kyiv"

func newMeeting(tz *string) *client.MeetingRequest {
	return &client.MeetingRequest{
		EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(client.MeetingTypeScheduled),
			StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"), Timezone: tz,
		},
	}
}

func newWebinar(alt string) *client.WebinarRequest {
	return &client.WebinarRequest{
		EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5), StartTime: client.Ptr("2030-01-01T10:00:00Z"),
			Password: client.Ptr("abc123"),
		}, Settings: &client.WebinarSettings{AlternativeHosts: client.Ptr(alt)},
	}
}

func ignore[T any](_ T, err error) error { return err }

var triggers = map[string]trigger{
	// Tracking fields: the 404s carry no Zoom code (code 0), as the spec documents them.
	"trackingfieldGet 404 0": {call: func(e *env) error { return ignore(e.c.TrackingFields.Get(e.ctx, "nosuchfield01")) }},
	"trackingfieldUpdate 404 0": {call: func(e *env) error {
		return e.c.TrackingFields.Update(e.ctx, "nosuchfield01", &client.TrackingFieldRequest{Visible: client.Ptr(true)})
	}},
	"trackingfieldDelete 404 0": {call: func(e *env) error { return e.c.TrackingFields.Delete(e.ctx, "nosuchfield01") }},
	"meetingCreate 400 300 required tracking field missing": {want: requiredWant, call: func(e *env) error {
		e.requireTracking()
		return ignore(e.c.Meetings.Create(e.ctx, e.owner(), newMeeting(nil)))
	}},
	"meetingUpdate 400 300 required tracking field missing": {want: requiredWant, call: func(e *env) error {
		id := e.meeting(e.owner(), false)
		e.requireTracking()
		return e.c.Meetings.Update(e.ctx, id, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr("n")}})
	}},
	"webinarCreate 400 300 required tracking field missing": {want: requiredWant, call: func(e *env) error {
		e.requireTracking()
		return ignore(e.c.Webinars.Create(e.ctx, e.owner(), newWebinar("")))
	}},
	"webinarUpdate 400 300 required tracking field missing": {want: requiredWant, call: func(e *env) error {
		id := e.webinar(e.owner(), false, 0)
		e.requireTracking()
		return e.c.Webinars.Update(e.ctx, id, &client.WebinarRequest{EventFields: client.EventFields{Topic: client.Ptr("n")}})
	}},
	// zoom_user
	"userCreate 400 200": {call: func(e *env) error {
		return ignore(e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "custCreate", UserInfo: client.CreateUserInfo{Email: "c@example.com", Type: 1}}))
	}},
	"userCreate 400 300": {call: func(e *env) error {
		return ignore(e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "create", UserInfo: client.CreateUserInfo{Email: "c@example.com", Type: 1, PlanUnitedType: "bogus"}}))
	}},
	"userCreate 400 2032": {call: func(e *env) error {
		return ignore(e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "ssoCreate", UserInfo: client.CreateUserInfo{Email: "c@example.com", Type: 1}}))
	}},
	"userCreate 409 1005": {call: func(e *env) error {
		return ignore(e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "create", UserInfo: client.CreateUserInfo{Email: e.owner(), Type: 1}}))
	}},
	"user 404 1001": {call: func(e *env) error { return ignore(e.c.Users.Get(e.ctx, "nobody@example.com")) }},
	"userUpdate 400 200": {call: func(e *env) error {
		return e.c.Users.Update(e.ctx, e.user(4), &client.UpdateUserRequest{PMI: client.Ptr(int64(3456789012))})
	}},
	"userUpdate 400 300": {call: func(e *env) error {
		return e.c.Users.Update(e.ctx, e.user(1), &client.UpdateUserRequest{Type: client.Ptr(2), PlanUnitedType: client.Ptr("1")})
	}},
	"userUpdate 400 4100": {call: func(e *env) error {
		e.must(e.c.Users.Update(e.ctx, e.user(2), &client.UpdateUserRequest{VanityName: client.Ptr("taken.name")}))
		return e.c.Users.Update(e.ctx, e.user(2), &client.UpdateUserRequest{VanityName: client.Ptr("taken.name")})
	}},
	"userUpdate 404 1001": {call: func(e *env) error {
		return e.c.Users.Update(e.ctx, "nobody@example.com", &client.UpdateUserRequest{Dept: client.Ptr("x")})
	}},
	"userEmailUpdate 404 1001": {call: func(e *env) error { return e.c.Users.UpdateEmail(e.ctx, "nobody@example.com", "n@example.com") }},
	"userEmailUpdate 409 1005": {call: func(e *env) error { return e.c.Users.UpdateEmail(e.ctx, e.user(1), e.owner()) }},
	"userStatus 400 200": {call: func(e *env) error {
		return e.c.Users.UpdateStatus(e.ctx, e.owner(), client.UserStatusActionDeactivate)
	}},
	"userStatus 400 300": {call: func(e *env) error {
		return e.c.Users.UpdateStatus(e.ctx, e.pendingUser(), client.UserStatusActionDeactivate)
	}},
	"userStatus 404 1001": {call: func(e *env) error {
		return e.c.Users.UpdateStatus(e.ctx, "nobody@example.com", client.UserStatusActionDeactivate)
	}},
	"userDelete 400 200": {call: func(e *env) error {
		return e.c.Users.Delete(e.ctx, e.owner(), &client.DeleteUserOptions{Action: "delete"})
	}},
	"userDelete 400 300": {call: func(e *env) error {
		return e.c.Users.Delete(e.ctx, e.pendingUser(), &client.DeleteUserOptions{Action: "delete"})
	}},
	"userDelete 400 1117": {call: func(e *env) error {
		return e.c.Users.Delete(e.ctx, e.owner(), &client.DeleteUserOptions{Action: "disassociate"})
	}},
	"userDelete 404 1001": {call: func(e *env) error { return e.c.Users.Delete(e.ctx, "nobody@example.com", nil) }},
	"users 400 300":       {call: func(e *env) error { return e.raw("GET", "/users?next_page_token=stale") }},
	"userDelete 400 300 API user disassociated": {profile: func(p *sandbox.Profile) { p.CustCreateAllowed = true }, want: `Unable to unlink API user`, call: func(e *env) error {
		u, err := e.c.Users.Create(e.ctx, &client.CreateUserRequest{Action: "custCreate", UserInfo: client.CreateUserInfo{Email: "api@example.com", Type: 1}})
		e.must(err)
		return e.c.Users.Delete(e.ctx, u.ID, &client.DeleteUserOptions{Action: "disassociate"})
	}},
	"userDelete 400 1107": {want: `can not disassociate a user with managed domain`, call: func(e *env) error {
		return e.c.Users.Delete(e.ctx, e.user(1), &client.DeleteUserOptions{Action: "disassociate"})
	}},
	"userUpdate 400 300 unlisted time zone": {want: `Validation Failed(.|\n)*timezone`, call: func(e *env) error {
		return e.c.Users.Update(e.ctx, e.user(1), &client.UpdateUserRequest{Timezone: client.Ptr(unlisted)})
	}},
	"meetingCreate 400 300 unlisted time zone": {want: `Validation Failed(.|\n)*timezone`, call: func(e *env) error {
		return ignore(e.c.Meetings.Create(e.ctx, e.owner(), newMeeting(client.Ptr(unlisted))))
	}},
	"meetingUpdate 400 300 unlisted time zone": {want: `Validation Failed(.|\n)*timezone`, call: func(e *env) error {
		return e.c.Meetings.Update(e.ctx, e.meeting(e.owner(), false), &client.MeetingRequest{EventFields: client.EventFields{Timezone: client.Ptr(unlisted)}})
	}},
	"webinarCreate 400 300 unlisted time zone": {want: `Validation Failed(.|\n)*timezone`, call: func(e *env) error {
		w := newWebinar("")
		w.Settings, w.Timezone = nil, client.Ptr(unlisted)
		return ignore(e.c.Webinars.Create(e.ctx, e.owner(), w))
	}},
	"webinarUpdate 400 300 unlisted time zone": {want: `Validation Failed(.|\n)*timezone`, call: func(e *env) error {
		return e.c.Webinars.Update(e.ctx, e.webinar(e.owner(), false, 0), &client.WebinarRequest{EventFields: client.EventFields{Timezone: client.Ptr(unlisted)}})
	}},
	"meetingCreate 400 300 unlicensed alternative host": {want: `Invalid alternative host: a\d+@example\.com`, call: func(e *env) error {
		m := newMeeting(nil)
		m.Settings = &client.MeetingSettings{AlternativeHosts: client.Ptr(e.userEmail(1))}
		return ignore(e.c.Meetings.Create(e.ctx, e.owner(), m))
	}},
	"meetingUpdate 400 300 unlicensed alternative host": {want: `Invalid alternative host: a\d+@example\.com`, call: func(e *env) error {
		return e.c.Meetings.Update(e.ctx, e.meeting(e.owner(), false), &client.MeetingRequest{
			Settings: &client.MeetingSettings{AlternativeHosts: client.Ptr(e.userEmail(1))}})
	}},
	"webinarCreate 400 300 unlicensed alternative host": {want: `Invalid alternative host: a\d+@example\.com`, call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, e.owner(), newWebinar(e.userEmail(1))))
	}},
	"webinarUpdate 400 300 unlicensed alternative host": {want: `Invalid alternative host: a\d+@example\.com`, call: func(e *env) error {
		return e.c.Webinars.Update(e.ctx, e.webinar(e.owner(), false, 0), &client.WebinarRequest{
			Settings: &client.WebinarSettings{AlternativeHosts: client.Ptr(e.userEmail(1))}})
	}},
	// Two licensed users, separated as meetings separate them: the webinar reads one address that matches no user.
	"webinarCreate 400 300 semicolon-separated alternative hosts": {want: `Invalid alternative host: a\d+@example\.com;a\d+@example\.com`, call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, e.owner(), newWebinar(e.userEmail(2)+";"+e.userEmail(2))))
	}},
	"webinarUpdate 400 300 semicolon-separated alternative hosts": {want: `Invalid alternative host: a\d+@example\.com;a\d+@example\.com`, call: func(e *env) error {
		return e.c.Webinars.Update(e.ctx, e.webinar(e.owner(), false, 0), &client.WebinarRequest{
			Settings: &client.WebinarSettings{AlternativeHosts: client.Ptr(e.userEmail(2) + ";" + e.userEmail(2))}})
	}},

	// zoom_meeting
	"meetingCreate 400 300": {call: func(e *env) error {
		return ignore(e.c.Meetings.Create(e.ctx, e.owner(), &client.MeetingRequest{
			EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(2),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			}, ScheduleFor: client.Ptr("nobody@example.com"),
		}))
	}},
	"meetingCreate 400 3000": {call: func(e *env) error {
		return ignore(e.c.Meetings.Create(e.ctx, e.owner(), &client.MeetingRequest{
			EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(1),
				Password: client.Ptr("abc123"),
			}, ScheduleFor: client.Ptr(e.owner()),
		}))
	}},
	"meetingCreate 400 3161": {call: func(e *env) error {
		return ignore(e.c.Meetings.Create(e.ctx, e.user(4), &client.MeetingRequest{
			EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(2),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"meetingCreate 404 1001": {call: func(e *env) error {
		return ignore(e.c.Meetings.Create(e.ctx, "nobody@example.com", &client.MeetingRequest{
			EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(2),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"meeting 400 3000": {call: func(e *env) error {
		return ignore(e.c.Meetings.Get(e.ctx, e.webinar(e.owner(), false, 0), nil))
	}},
	"meeting 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, false)
		e.demote(h)
		return ignore(e.c.Meetings.Get(e.ctx, id, nil))
	}},
	"meeting 404 3001": {call: func(e *env) error { return ignore(e.c.Meetings.Get(e.ctx, 99999999999, nil)) }},
	"meetingUpdate 400 300": {call: func(e *env) error {
		return e.c.Meetings.Update(e.ctx, e.meeting(e.owner(), false), &client.MeetingRequest{ScheduleFor: client.Ptr("nobody@example.com")})
	}},
	"meetingUpdate 400 3000": {call: func(e *env) error {
		id := e.meeting(e.owner(), false)
		e.must(e.sb.StartMeeting(id))
		return e.c.Meetings.Update(e.ctx, id, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr("x")}})
	}},
	"meetingUpdate 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, false)
		e.demote(h)
		return e.c.Meetings.Update(e.ctx, id, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr("x")}})
	}},
	"meetingUpdate 404 3001": {call: func(e *env) error {
		return e.c.Meetings.Update(e.ctx, 99999999999, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr("x")}})
	}},
	"meetingDelete 400 3000": {call: func(e *env) error {
		return e.c.Meetings.Delete(e.ctx, e.meeting(e.owner(), false), &client.DeleteMeetingOptions{OccurrenceID: "1234"})
	}},
	"meetingDelete 400 3002": {call: func(e *env) error {
		id := e.meeting(e.owner(), false)
		e.must(e.sb.StartMeeting(id))
		return e.c.Meetings.Delete(e.ctx, id, nil)
	}},
	"meetingDelete 400 3007": {call: func(e *env) error {
		id := e.meeting(e.owner(), false)
		e.must(e.sb.StartMeeting(id))
		e.must(e.sb.EndMeeting(id))
		return e.c.Meetings.Delete(e.ctx, id, nil)
	}},
	"meetingDelete 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, false)
		e.demote(h)
		return e.c.Meetings.Delete(e.ctx, id, nil)
	}},
	"meetingDelete 404 3001": {call: func(e *env) error { return e.c.Meetings.Delete(e.ctx, 99999999999, nil) }},
	"meetingDelete 400 3018": {want: `Not allowed to delete PMI`, call: func(e *env) error {
		m := newMeeting(nil)
		m.Settings = &client.MeetingSettings{UsePMI: client.Ptr(true)}
		created, err := e.c.Meetings.Create(e.ctx, e.owner(), m)
		e.must(err)
		return e.c.Meetings.Delete(e.ctx, created.ID, nil)
	}},
	"meetingStatus 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, false)
		e.demote(h)
		return e.c.Meetings.UpdateStatus(e.ctx, id, client.MeetingStatusActionEnd)
	}},
	"meetingStatus 404 3001": {call: func(e *env) error {
		return e.c.Meetings.UpdateStatus(e.ctx, 99999999999, client.MeetingStatusActionEnd)
	}},
	"meetings 400 3161": {call: func(e *env) error { return ignore(e.c.Meetings.List(e.ctx, e.user(4), nil)) }},
	"meetings 404 1001": {call: func(e *env) error { return ignore(e.c.Meetings.List(e.ctx, "nobody@example.com", nil)) }},
	"listMeetingTemplates 400 3161": {call: func(e *env) error {
		return ignore(e.c.Meetings.ListTemplates(e.ctx, e.user(4)))
	}},
	"listMeetingTemplates 404 1001": {call: func(e *env) error { return ignore(e.c.Meetings.ListTemplates(e.ctx, "nobody@example.com")) }},

	// zoom_webinar
	"webinarCreate 400 200": {profile: func(p *sandbox.Profile) { p.WebinarAddon = false }, call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, e.owner(), &client.WebinarRequest{
			EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"webinarCreate 400 300": {call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, e.owner(), &client.WebinarRequest{
			EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"), TemplateID: client.Ptr("no-such-template"),
			},
		}))
	}},
	"webinarCreate 404 1001": {call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, "nobody@example.com", &client.WebinarRequest{
			EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"webinar 404 3001": {call: func(e *env) error { return ignore(e.c.Webinars.Get(e.ctx, 99999999999, nil)) }},
	"webinarUpdate 400 300": {call: func(e *env) error {
		return e.c.Webinars.Update(e.ctx, e.webinar(e.owner(), false, 0), &client.WebinarRequest{
			EventFields: client.EventFields{Type: client.Ptr(9),
				Recurrence: &client.Recurrence{Type: client.RecurrenceWeekly, RepeatInterval: client.Ptr(1), WeeklyDays: "2",
					EndTimes: client.Ptr(3), EndDateTime: "2031-01-01T00:00:00Z"},
			},
		})
	}},
	"webinarUpdate 400 3000": {call: func(e *env) error {
		id := e.webinar(e.owner(), false, 0)
		e.must(e.sb.StartWebinar(id))
		return e.c.Webinars.Update(e.ctx, id, &client.WebinarRequest{EventFields: client.EventFields{Topic: client.Ptr("x")}})
	}},
	"webinarUpdate 404 3001": {call: func(e *env) error {
		return e.c.Webinars.Update(e.ctx, 99999999999, &client.WebinarRequest{EventFields: client.EventFields{Topic: client.Ptr("x")}})
	}},
	"webinarDelete 400 3002": {call: func(e *env) error {
		id := e.webinar(e.owner(), false, 0)
		e.must(e.sb.StartWebinar(id))
		return e.c.Webinars.Delete(e.ctx, id, nil)
	}},
	"webinarDelete 400 3007": {call: func(e *env) error {
		id := e.webinar(e.owner(), false, 0)
		e.must(e.sb.StartWebinar(id))
		e.must(e.sb.EndWebinar(id))
		return e.c.Webinars.Delete(e.ctx, id, nil)
	}},
	"webinarDelete 404 3001":        {call: func(e *env) error { return e.c.Webinars.Delete(e.ctx, 99999999999, nil) }},
	"webinarStatus 404 3001":        {call: func(e *env) error { return e.c.Webinars.End(e.ctx, 99999999999) }},
	"webinars 404 1001":             {call: func(e *env) error { return ignore(e.c.Webinars.List(e.ctx, "nobody@example.com", nil)) }},
	"listWebinarTemplates 400 200":  {profile: func(p *sandbox.Profile) { p.WebinarAddon = false }, call: func(e *env) error { return ignore(e.c.Webinars.ListTemplates(e.ctx, e.owner())) }},
	"listWebinarTemplates 400 1001": {call: func(e *env) error { return ignore(e.c.Webinars.ListTemplates(e.ctx, "nobody@example.com")) }},

	// registrants
	"meetingRegistrantCreate 400 3000": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.Add(e.ctx, e.webinar(e.owner(), true, 0), reg("r@example.com"), nil))
	}},
	"meetingRegistrantCreate 400 3043": {profile: func(p *sandbox.Profile) { p.MeetingRegistrantCapacity = 1 }, call: func(e *env) error {
		id := e.meeting(e.owner(), true)
		e.must(ignore(e.c.MeetingRegistrants.Add(e.ctx, id, reg("r1@example.com"), nil)))
		return ignore(e.c.MeetingRegistrants.Add(e.ctx, id, reg("r2@example.com"), nil))
	}},
	"meetingRegistrantCreate 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, true)
		e.demote(h)
		return ignore(e.c.MeetingRegistrants.Add(e.ctx, id, reg("r@example.com"), nil))
	}},
	"meetingRegistrantGet 400 3000": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.Get(e.ctx, e.meeting(e.owner(), true), "AbCdEfGhIjKlMnOpQrStUv"))
	}},
	"meetingRegistrantGet 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, true)
		r, err := e.c.MeetingRegistrants.Add(e.ctx, id, reg("r@example.com"), nil)
		e.must(err)
		e.demote(h)
		return ignore(e.c.MeetingRegistrants.Get(e.ctx, id, r.RegistrantID))
	}},
	"meetingRegistrants 400 3000": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.List(e.ctx, e.webinar(e.owner(), true, 0), nil))
	}},
	"meetingRegistrants 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, true)
		e.demote(h)
		return ignore(e.c.MeetingRegistrants.List(e.ctx, id, nil))
	}},
	"meetingregistrantdelete 400 300": {call: func(e *env) error {
		return e.c.MeetingRegistrants.Delete(e.ctx, e.meeting(e.owner(), true), "bad!id", "")
	}},
	"meetingregistrantdelete 400 404": {call: func(e *env) error {
		return e.c.MeetingRegistrants.Delete(e.ctx, e.meeting(e.owner(), false), "AbCdEfGhIjKlMnOpQrStUv", "")
	}},
	"meetingregistrantdelete 400 3000": {call: func(e *env) error {
		return e.c.MeetingRegistrants.Delete(e.ctx, e.meeting(e.owner(), true), "AbCdEfGhIjKlMnOpQrStUv", "")
	}},
	"meetingregistrantdelete 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, true)
		r, err := e.c.MeetingRegistrants.Add(e.ctx, id, reg("r@example.com"), nil)
		e.must(err)
		e.demote(h)
		return e.c.MeetingRegistrants.Delete(e.ctx, id, r.RegistrantID, "")
	}},
	"meetingRegistrantStatus 400 3000": {call: func(e *env) error {
		return e.c.MeetingRegistrants.UpdateStatus(e.ctx, e.webinar(e.owner(), true, 0), "approve", []client.RegistrantRef{{Email: "r@example.com"}})
	}},
	"meetingRegistrantStatus 400 3161": {call: func(e *env) error {
		h := e.user(2)
		id := e.meeting(h, true)
		e.demote(h)
		return e.c.MeetingRegistrants.UpdateStatus(e.ctx, id, "approve", []client.RegistrantRef{{Email: "r@example.com"}})
	}},
	"webinarRegistrantCreate 400 3000": {call: func(e *env) error {
		return ignore(e.c.WebinarRegistrants.Add(e.ctx, e.webinar(e.owner(), false, 0), reg("r@example.com"), nil))
	}},
	"webinarRegistrantCreate 400 3027": {call: func(e *env) error {
		return ignore(e.c.WebinarRegistrants.Add(e.ctx, e.webinar(e.owner(), true, 0), reg(e.owner()), nil))
	}},
	"webinarRegistrantCreate 400 3038": {call: func(e *env) error {
		id := e.webinar(e.owner(), true, 0)
		e.must(e.sb.StartWebinar(id))
		e.must(e.sb.EndWebinar(id))
		return ignore(e.c.WebinarRegistrants.Add(e.ctx, id, reg("r@example.com"), nil))
	}},
	"webinarRegistrantCreate 404 3001": {call: func(e *env) error {
		return ignore(e.c.WebinarRegistrants.Add(e.ctx, 99999999999, reg("r@example.com"), nil))
	}},
	"webinarRegistrantGet 404 3001": {call: func(e *env) error {
		return ignore(e.c.WebinarRegistrants.Get(e.ctx, 99999999999, "AbCdEfGhIjKlMnOpQrStUv"))
	}},
	"webinarRegistrants 404 3001": {call: func(e *env) error { return ignore(e.c.WebinarRegistrants.List(e.ctx, 99999999999, nil)) }},
	"deleteWebinarRegistrant 400 300": {call: func(e *env) error {
		return e.c.WebinarRegistrants.Delete(e.ctx, e.webinar(e.owner(), true, 0), "bad!id", "")
	}},
	"deleteWebinarRegistrant 400 404": {call: func(e *env) error {
		return e.c.WebinarRegistrants.Delete(e.ctx, e.webinar(e.owner(), false, 0), "AbCdEfGhIjKlMnOpQrStUv", "")
	}},
	"deleteWebinarRegistrant 400 3000": {call: func(e *env) error {
		return e.c.WebinarRegistrants.Delete(e.ctx, e.webinar(e.owner(), true, 0), "AbCdEfGhIjKlMnOpQrStUv", "")
	}},
	"webinarRegistrantStatus 400 3035": {call: func(e *env) error {
		id := e.webinar(e.owner(), true, 1)
		e.must(ignore(e.c.WebinarRegistrants.Add(e.ctx, id, reg("r1@example.com"), nil)))
		e.must(ignore(e.c.WebinarRegistrants.Add(e.ctx, id, reg("r2@example.com"), nil)))
		e.must(e.c.WebinarRegistrants.UpdateStatus(e.ctx, id, "approve", []client.RegistrantRef{{Email: "r1@example.com"}}))
		return e.c.WebinarRegistrants.UpdateStatus(e.ctx, id, "approve", []client.RegistrantRef{{Email: "r2@example.com"}})
	}},
	"webinarRegistrantStatus 404 3001": {call: func(e *env) error {
		return e.c.WebinarRegistrants.UpdateStatus(e.ctx, 99999999999, "approve", []client.RegistrantRef{{Email: "r@example.com"}})
	}},

	"meetingStatus 400 3000": {call: func(e *env) error {
		return e.c.Meetings.UpdateStatus(e.ctx, e.webinar(e.owner(), false, 0), client.MeetingStatusActionEnd)
	}},
	"deleteWebinarRegistrant 400 200": {call: func(e *env) error {
		id := e.webinar(e.owner(), true, 0)
		r, err := e.c.WebinarRegistrants.Add(e.ctx, id, reg("r@example.com"), nil)
		e.must(err)
		e.sb.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = false })
		return e.c.WebinarRegistrants.Delete(e.ctx, id, r.RegistrantID, "")
	}},

	// Extras: answers the operations do not document.
	"meetingCreate 400 1000": {call: func(e *env) error {
		return ignore(e.c.Meetings.Create(e.ctx, e.pendingUser(), &client.MeetingRequest{
			EventFields: client.EventFields{Topic: client.Ptr("m"), Type: client.Ptr(2),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"webinarCreate 400 1000": {call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, e.pendingUser(), &client.WebinarRequest{
			EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"webinarCreate 400 3161": {call: func(e *env) error {
		return ignore(e.c.Webinars.Create(e.ctx, e.user(4), &client.WebinarRequest{
			EventFields: client.EventFields{Topic: client.Ptr("w"), Type: client.Ptr(5),
				StartTime: client.Ptr("2030-01-01T10:00:00Z"), Password: client.Ptr("abc123"),
			},
		}))
	}},
	"webinar 400 200": {call: func(e *env) error {
		id := e.webinar(e.owner(), false, 0)
		e.sb.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = false })
		return ignore(e.c.Webinars.Get(e.ctx, id, nil))
	}},
	"webinarDelete 400 200": {call: func(e *env) error {
		id := e.webinar(e.owner(), false, 0)
		e.sb.UpdateProfile(func(p *sandbox.Profile) { p.WebinarAddon = false })
		return e.c.Webinars.Delete(e.ctx, id, nil)
	}},
	"webinars 400 200": {profile: func(p *sandbox.Profile) { p.WebinarAddon = false }, call: func(e *env) error {
		return ignore(e.c.Webinars.List(e.ctx, e.owner(), nil))
	}},
	"meetingRegistrantCreate 404 404": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.Add(e.ctx, e.meeting(e.owner(), false), reg("r@example.com"), nil))
	}},
	"meetingRegistrantCreate 404 3001": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.Add(e.ctx, 99999999999, reg("r@example.com"), nil))
	}},
	"meetingRegistrantGet 400 300": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.Get(e.ctx, e.meeting(e.owner(), false), "AbCdEfGhIjKlMnOpQrStUv"))
	}},
	"meetingRegistrantGet 404 3001": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.Get(e.ctx, 99999999999, "AbCdEfGhIjKlMnOpQrStUv"))
	}},
	"meetingRegistrants 400 300": {call: func(e *env) error {
		return ignore(e.c.MeetingRegistrants.List(e.ctx, e.meeting(e.owner(), false), nil))
	}},
	"meetingRegistrantStatus 400 300": {call: func(e *env) error {
		return e.c.MeetingRegistrants.UpdateStatus(e.ctx, e.meeting(e.owner(), false), "approve", []client.RegistrantRef{{Email: "r@example.com"}})
	}},
	"meetingregistrantdelete 404 3001": {call: func(e *env) error {
		return e.c.MeetingRegistrants.Delete(e.ctx, 99999999999, "AbCdEfGhIjKlMnOpQrStUv", "")
	}},
	"deleteWebinarRegistrant 404 3001": {call: func(e *env) error {
		return e.c.WebinarRegistrants.Delete(e.ctx, 99999999999, "AbCdEfGhIjKlMnOpQrStUv", "")
	}},

	// zoom_mail_vacation
	"get_mail_vacation_response_setting 400 400": {profile: func(p *sandbox.Profile) { p.MailEnabled = false }, call: func(e *env) error {
		return ignore(e.c.Mail.GetVacation(e.ctx, e.owner()))
	}},
	"update_mailbox_vacation_response_setting 400 400 empty time refused": {profile: func(p *sandbox.Profile) { p.MailEmptyTime = sandbox.MailEmptyTimeRefuse },
		want: `Invalid Argument`, call: func(e *env) error {
			return ignore(e.c.Mail.UpdateVacation(e.ctx, e.owner(), &client.MailVacation{EnableAutoReply: client.Ptr(true), StartTime: client.Ptr("")}))
		}},
	// A Zoom Mail outage: the client retries, and when the outage outlasts the retries the answer reaches the user.
	"get_mail_vacation_response_setting 503 503": {want: `Service Unavailable`, call: func(e *env) error {
		e.must(e.sb.AddFault(sandbox.Fault{Path: "^/v2/emails/", Kind: sandbox.Fault503, Count: 100}))
		return ignore(e.c.Mail.GetVacation(e.ctx, e.owner()))
	}},
	"update_mailbox_vacation_response_setting 503 503": {want: `Service Unavailable`, call: func(e *env) error {
		e.must(e.sb.AddFault(sandbox.Fault{Path: "^/v2/emails/", Kind: sandbox.Fault503, Count: 100}))
		return ignore(e.c.Mail.UpdateVacation(e.ctx, e.owner(), &client.MailVacation{EnableAutoReply: client.Ptr(false)}))
	}},
	"update_mailbox_vacation_response_setting 400 400": {profile: func(p *sandbox.Profile) { p.MailEnabled = false }, call: func(e *env) error {
		return ignore(e.c.Mail.UpdateVacation(e.ctx, e.owner(), &client.MailVacation{EnableAutoReply: client.Ptr(false)}))
	}},
	// zoom_group and its members and administrators
	"groups 400 200":       {profile: freePlan, call: func(e *env) error { return ignore(e.c.Groups.List(e.ctx)) }},
	"groupCreate 400 200":  {profile: freePlan, call: func(e *env) error { return ignore(e.c.Groups.Create(e.ctx, "g")) }},
	"group 400 200":        {profile: freePlan, call: func(e *env) error { return ignore(e.c.Groups.Get(e.ctx, "g")) }},
	"groupUpdate 400 200":  {profile: freePlan, call: func(e *env) error { return e.c.Groups.Rename(e.ctx, "g", "x") }},
	"groupDelete 400 200":  {profile: freePlan, call: func(e *env) error { return e.c.Groups.Delete(e.ctx, "g") }},
	"groupMembers 400 200": {profile: freePlan, call: func(e *env) error { return ignore(e.c.Groups.ListMembers(e.ctx, "g")) }},
	"groupMembersCreate 400 200": {profile: freePlan, call: func(e *env) error {
		return ignore(e.c.Groups.AddMembers(e.ctx, "g", []client.UserRef{{Email: e.owner()}}))
	}},
	"groupMembersDelete 400 200": {profile: freePlan, call: func(e *env) error { return e.c.Groups.RemoveMember(e.ctx, "g", e.owner()) }},
	"updateAGroupMember 400 200": {profile: freePlan, call: func(e *env) error { return e.c.Groups.SetPrimary(e.ctx, "g", e.owner()) }},
	"groupAdmins 400 200":        {profile: freePlan, call: func(e *env) error { return ignore(e.c.Groups.ListAdmins(e.ctx, "g")) }},
	"groupAdminsCreate 400 200": {profile: freePlan, call: func(e *env) error {
		return ignore(e.c.Groups.AddAdmins(e.ctx, "g", []client.UserRef{{Email: e.owner()}}))
	}},
	"groupAdminsDelete 400 200": {profile: freePlan, call: func(e *env) error { return e.c.Groups.RemoveAdmin(e.ctx, "g", e.owner()) }},
	"groupCreate 400 300": {want: `Invalid parameter: name`, call: func(e *env) error {
		return ignore(e.c.Groups.Create(e.ctx, strings.Repeat("n", 128)))
	}},
	"groupCreate 409 4132": {want: `is already in use`, call: func(e *env) error {
		e.group()
		return ignore(e.c.Groups.Create(e.ctx, "Group 1"))
	}},
	"group 404 4130":       {call: func(e *env) error { return ignore(e.c.Groups.Get(e.ctx, "nogroup")) }},
	"groupUpdate 404 4130": {call: func(e *env) error { return e.c.Groups.Rename(e.ctx, "nogroup", "x") }},
	"groupUpdate 409 4132": {call: func(e *env) error {
		g := e.group()
		e.group()
		return e.c.Groups.Rename(e.ctx, g, "GROUP 2")
	}},
	"groupDelete 400 300": {call: func(e *env) error {
		g := e.group()
		e.must(ignore(e.c.Groups.AddMembers(e.ctx, g, []client.UserRef{{Email: e.owner()}})))
		return e.c.Groups.Delete(e.ctx, g)
	}},
	"groupDelete 404 4130":  {call: func(e *env) error { return e.c.Groups.Delete(e.ctx, "nogroup") }},
	"groupMembers 400 300":  {call: func(e *env) error { return e.raw("GET", "/groups/"+e.group()+"/members?next_page_token=stale") }},
	"groupMembers 404 4130": {call: func(e *env) error { return ignore(e.c.Groups.ListMembers(e.ctx, "nogroup")) }},
	"groupMembersCreate 404 1001": {want: `User does not exist`, call: func(e *env) error {
		return ignore(e.c.Groups.AddMembers(e.ctx, e.group(), []client.UserRef{{Email: "nobody@example.com"}}))
	}},
	"groupMembersCreate 404 4130": {call: func(e *env) error {
		return ignore(e.c.Groups.AddMembers(e.ctx, "nogroup", []client.UserRef{{Email: e.owner()}}))
	}},
	"groupMembersDelete 404 4130": {call: func(e *env) error { return e.c.Groups.RemoveMember(e.ctx, "nogroup", e.owner()) }},
	"groupMembersDelete 404 4131": {call: func(e *env) error { return e.c.Groups.RemoveMember(e.ctx, e.group(), e.owner()) }},
	"updateAGroupMember 400 300": {want: `target_group_id can not be empty`, call: func(e *env) error {
		return e.rawBody("PATCH", "/groups/"+e.group()+"/members/"+e.owner(), `{"action":"set_primary"}`)
	}},
	"updateAGroupMember 404 4130": {call: func(e *env) error { return e.c.Groups.SetPrimary(e.ctx, "nogroup", e.owner()) }},
	"updateAGroupMember 404 4131": {call: func(e *env) error { return e.c.Groups.SetPrimary(e.ctx, e.group(), e.owner()) }},
	"groupAdmins 400 300":         {call: func(e *env) error { return e.raw("GET", "/groups/"+e.group()+"/admins?next_page_token=stale") }},
	"groupAdmins 404 4130":        {call: func(e *env) error { return ignore(e.c.Groups.ListAdmins(e.ctx, "nogroup")) }},
	"groupAdminsCreate 400 300": {call: func(e *env) error {
		return ignore(e.c.Groups.AddAdmins(e.ctx, e.group(), []client.UserRef{{}}))
	}},
	"groupAdminsCreate 404 1001": {want: `User does not exist`, call: func(e *env) error {
		return ignore(e.c.Groups.AddAdmins(e.ctx, e.group(), []client.UserRef{{ID: "nobody"}}))
	}},
	"groupAdminsCreate 404 4130": {call: func(e *env) error {
		return ignore(e.c.Groups.AddAdmins(e.ctx, "nogroup", []client.UserRef{{Email: e.owner()}}))
	}},
	"groupAdminsDelete 400 4138": {call: func(e *env) error { return e.c.Groups.RemoveAdmin(e.ctx, e.group(), e.owner()) }},
	"groupAdminsDelete 404 4130": {call: func(e *env) error { return e.c.Groups.RemoveAdmin(e.ctx, "nogroup", e.owner()) }},
}

// TestSandboxAnswersDocumentedErrors triggers every table row marked as reproduced by the sandbox, through the
// client against an in-process sandbox, and checks Zoom's HTTP status and code. It fails for a row without a
// scenario and for a scenario without a row.
func TestSandboxAnswersDocumentedErrors(t *testing.T) {
	const name = "internal/errortable.TestSandboxAnswersDocumentedErrors"
	want := map[string]Row{}
	for _, row := range table {
		if row.Test == name {
			want[row.ID()] = row
		}
	}
	for k := range triggers {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: a scenario without a sandbox row naming this test", k)
		}
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		row := want[k]
		tr, ok := triggers[k]
		if !ok {
			t.Errorf("%s: the row names this test, which has no scenario for it", k)
			continue
		}
		t.Run(strings.ReplaceAll(k, " ", "_"), func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, tr.profile)
			err := tr.call(e)
			var apiErr *client.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("want HTTP %d code %d, got %v", row.Status, row.Code, err)
			}
			if apiErr.HTTPStatus != row.Status || apiErr.Code != row.Code {
				t.Fatalf("want HTTP %d code %d, got %v", row.Status, row.Code, err)
			}
			if tr.want != "" && !regexp.MustCompile(tr.want).MatchString(apiErr.Error()) {
				t.Fatalf("want Zoom's answer to match %q, got %v", tr.want, err)
			}
		})
	}
}

// requiredWant is Zoom's refusal of an event without the required tracking field "Cost centre".
const requiredWant = `Validation Failed(.|\n)*tracking_fields: .*"Cost centre" is required`

// requireTracking adds a tracking field "Cost centre" that every meeting and webinar must carry.
func (e *env) requireTracking() {
	e.t.Helper()
	_, err := e.c.TrackingFields.Create(e.ctx, &client.TrackingFieldRequest{Field: client.Ptr("Cost centre"), Required: client.Ptr(true)})
	e.must(err)
}
