package sandbox_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const ownerEmail = "owner@sandbox.zoom.test"

func vacationPath(mailbox string) string {
	return "/v2/emails/mailboxes/" + mailbox + "/settings/vacation"
}

// vacation fetches a mailbox's vacation setting as raw JSON fields.
func (e *env) vacation(mailbox string) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodGet, vacationPath(mailbox), nil)
	r.wantStatus(e.t, http.StatusOK)
	return r.json(e.t)
}

func (e *env) putVacation(mailbox string, body any) response {
	e.t.Helper()
	return e.call(http.MethodPut, vacationPath(mailbox), body)
}

// jsonIs asserts that got is exactly the JSON object want.
func jsonIs(t *testing.T, got map[string]any, want string) {
	t.Helper()
	var w map[string]any
	mustJSON(t, []byte(want), &w)
	g, _ := json.Marshal(got)
	n, _ := json.Marshal(w)
	if string(g) != string(n) {
		t.Fatalf("got  %s\nwant %s", g, n)
	}
}

func TestMailVacationDefaultAndRoundTrip(t *testing.T) {
	e := newEnv(t, nil)
	// A mailbox that never set a responder.
	jsonIs(t, e.vacation(ownerEmail), `{"enableAutoReply":false}`)

	r := e.putVacation(ownerEmail, `{"enableAutoReply":true,"responseSubject":"Away","responseBodyPlainText":"Back soon",
		"responseBodyHtml":"<p onclick=\"x()\">Back soon</p>\n  <script>alert(1)</script>\n<p>Thanks</p>",
		"enableAlwaysRespond":true,"restrictToContacts":false,"restrictToDomain":true,
		"startTime":"1704268800000","endTime":"1705046399000"}`)
	r.wantStatus(t, http.StatusOK)
	want := `{"enableAutoReply":true,"responseSubject":"Away","responseBodyPlainText":"Back soon",
		"responseBodyHtml":"<p>Back soon</p><p>Thanks</p>","enableAlwaysRespond":true,"restrictToDomain":true,
		"startTime":"1704268800000","startTimeISO":"2024-01-03T08:00:00.000Z",
		"endTime":"1705046399000","endTimeISO":"2024-01-12T07:59:59.000Z"}`
	jsonIs(t, r.json(t), want)
	jsonIs(t, e.vacation(ownerEmail), want)
	// "me", another letter case and a percent-encoded @ address the same mailbox.
	jsonIs(t, e.vacation("me"), want)
	jsonIs(t, e.vacation("OWNER@Sandbox.Zoom.Test"), want)
	jsonIs(t, e.vacation("owner%40sandbox.zoom.test"), want)

	// Mailboxes are per user: another user's is untouched.
	e.createUser("autoCreate", "second@example.com", 2)
	jsonIs(t, e.vacation("second@example.com"), `{"enableAutoReply":false}`)

	// Turning the responder off with empty strings clears the texts and times.
	e.putVacation(ownerEmail, `{"enableAutoReply":false,"responseSubject":"","responseBodyPlainText":"","responseBodyHtml":"",
		"startTime":"","endTime":""}`).wantStatus(t, http.StatusOK)
	jsonIs(t, e.vacation(ownerEmail), `{"enableAutoReply":false}`)

	// The endpoints are Light, and there is no language setting (docs/development/zoom-api.md#zoom-mail-vacation-responder).
	for _, rec := range e.s.Requests() {
		if strings.Contains(rec.Path, "/vacation") && rec.Category != "Light" {
			t.Errorf("%s %s has category %q", rec.Method, rec.Path, rec.Category)
		}
	}
	e.call(http.MethodGet, "/v2/emails/mailboxes/"+ownerEmail+"/settings/language", nil).wantError(t, 404, 2300, "")
	e.call(http.MethodPatch, vacationPath(ownerEmail), `{}`).wantError(t, 404, 2300, "")
}

func TestMailVacationValidation(t *testing.T) {
	e := newEnv(t, nil)
	e.putVacation(ownerEmail, `{"enableAutoReply":true,"responseSubject":"Kept"}`).wantStatus(t, 200)
	for name, body := range map[string]string{
		"no enableAutoReply":    `{"responseSubject":"x"}`,
		"null enableAutoReply":  `{"enableAutoReply":null,"responseSubject":"x"}`,
		"unknown field":         `{"enableAutoReply":false,"language":"en"}`,
		"string boolean":        `{"enableAutoReply":"true","responseSubject":"x"}`,
		"numeric subject":       `{"enableAutoReply":true,"responseSubject":5}`,
		"numeric startTime":     `{"enableAutoReply":false,"startTime":1704268800000}`,
		"non-digit startTime":   `{"enableAutoReply":false,"startTime":"2024-01-03"}`,
		"negative startTime":    `{"enableAutoReply":false,"startTime":"-5"}`,
		"bad ISO":               `{"enableAutoReply":false,"endTimeISO":"yesterday"}`,
		"start after end":       `{"enableAutoReply":false,"startTime":"1705046399000","endTime":"1704268800000"}`,
		"start equals end":      `{"enableAutoReply":false,"startTime":"1704268800000","endTimeISO":"2024-01-03T08:00:00.000Z"}`,
		"enabled without text":  `{"enableAutoReply":true}`,
		"enabled, empty texts":  `{"enableAutoReply":true,"responseSubject":"","responseBodyPlainText":""}`,
		"only a script as body": `{"enableAutoReply":true,"responseBodyHtml":"<script>x</script>"}`,
	} {
		t.Run(name, func(t *testing.T) {
			e.putVacation(ownerEmail, body).wantError(t, 400, 400, "Invalid Argument.")
		})
	}
	e.putVacation(ownerEmail, `{"enableAutoReply":`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	// Nothing was stored by the refused requests.
	jsonIs(t, e.vacation(ownerEmail), `{"enableAutoReply":true,"responseSubject":"Kept"}`)
}

func TestMailVacationPutOmittedFields(t *testing.T) {
	full := `{"enableAutoReply":true,"responseSubject":"Away","responseBodyHtml":"<b>x</b>","restrictToContacts":true,
		"startTime":"1704268800000","endTime":"1705046399000"}`
	t.Run("clear (default)", func(t *testing.T) {
		e := newEnv(t, nil)
		e.putVacation(ownerEmail, full).wantStatus(t, 200)
		r := e.putVacation(ownerEmail, `{"enableAutoReply":true,"responseBodyPlainText":"Plain"}`)
		r.wantStatus(t, 200)
		jsonIs(t, r.json(t), `{"enableAutoReply":true,"responseBodyPlainText":"Plain"}`)
	})
	t.Run("keep", func(t *testing.T) {
		e := newEnv(t, func(p *sandbox.Profile) { p.MailPutOmitted = sandbox.MailPutKeep })
		e.putVacation(ownerEmail, full).wantStatus(t, 200)
		r := e.putVacation(ownerEmail, `{"enableAutoReply":false,"responseBodyPlainText":"Plain","endTime":""}`)
		r.wantStatus(t, 200)
		jsonIs(t, r.json(t), `{"enableAutoReply":false,"responseSubject":"Away","responseBodyPlainText":"Plain",
			"responseBodyHtml":"<b>x</b>","restrictToContacts":true,"startTime":"1704268800000","startTimeISO":"2024-01-03T08:00:00.000Z"}`)
		// The kept start must still precede a new end.
		e.putVacation(ownerEmail, `{"enableAutoReply":false,"endTime":"1704268700000"}`).wantError(t, 400, 400, "Invalid Argument.")
	})
}

func TestMailVacationTimeForms(t *testing.T) {
	both := `{"enableAutoReply":false,"startTime":"1704268800000","startTimeISO":"2024-02-01T00:00:00Z"}`
	for _, c := range []struct {
		knob, want string
	}{
		{sandbox.MailTimeEpoch, "1704268800000"},
		{sandbox.MailTimeISO, "1706745600000"},
		{sandbox.MailTimeReject, ""},
	} {
		t.Run(c.knob, func(t *testing.T) {
			e := newEnv(t, func(p *sandbox.Profile) { p.MailTimePrecedence = c.knob })
			// The ISO form alone, with an offset, is accepted and returned in both forms.
			r := e.putVacation(ownerEmail, `{"enableAutoReply":false,"endTimeISO":"2024-01-12T08:59:59+01:00"}`)
			r.wantStatus(t, 200)
			jsonIs(t, r.json(t), `{"enableAutoReply":false,"endTime":"1705046399000","endTimeISO":"2024-01-12T07:59:59.000Z"}`)
			// An empty form does not compete with a value.
			r = e.putVacation(ownerEmail, `{"enableAutoReply":false,"startTime":"","startTimeISO":"2024-01-03T08:00:00Z","endTime":"1705046399000","endTimeISO":""}`)
			r.wantStatus(t, 200)
			if m := r.json(t); m["startTime"] != "1704268800000" || m["endTime"] != "1705046399000" {
				t.Errorf("empty forms won: %v", m)
			}
			// Both forms agreeing are fine with every knob.
			e.putVacation(ownerEmail, `{"enableAutoReply":false,"startTime":"1704268800000","startTimeISO":"2024-01-03T08:00:00.000Z"}`).wantStatus(t, 200)
			r = e.putVacation(ownerEmail, both)
			if c.want == "" {
				r.wantError(t, 400, 400, "Invalid Argument.")
				return
			}
			r.wantStatus(t, 200)
			if got := r.json(t)["startTime"]; got != c.want {
				t.Errorf("startTime = %v, want %s", got, c.want)
			}
		})
	}
}

func TestMailVacationZeroFields(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.MailEmptyFields = sandbox.MailEmptyZero })
	zero := `{"enableAutoReply":false,"responseSubject":"","responseBodyPlainText":"","responseBodyHtml":"",
		"enableAlwaysRespond":false,"restrictToContacts":false,"restrictToDomain":false,
		"startTime":"","startTimeISO":"","endTime":"","endTimeISO":""}`
	jsonIs(t, e.vacation(ownerEmail), zero)
	r := e.putVacation(ownerEmail, `{"enableAutoReply":true,"responseSubject":"Away","startTime":"1704268800000"}`)
	jsonIs(t, r.json(t), `{"enableAutoReply":true,"responseSubject":"Away","responseBodyPlainText":"","responseBodyHtml":"",
		"enableAlwaysRespond":false,"restrictToContacts":false,"restrictToDomain":false,
		"startTime":"1704268800000","startTimeISO":"2024-01-03T08:00:00.000Z","endTime":"","endTimeISO":""}`)
}

func TestMailboxAvailability(t *testing.T) {
	type probe struct {
		mailbox string
		missing bool // the mailbox itself is unknown or unprovisioned
		detail  string
	}
	setup := func(t *testing.T, knob string, mutate func(*sandbox.Profile)) *env {
		e := newEnv(t, func(p *sandbox.Profile) {
			p.MailUnavailableError = knob
			p.MailUnprovisionedMailboxes = []string{"Unprovisioned@example.com"}
			if mutate != nil {
				mutate(p)
			}
		})
		return e
	}
	check := func(t *testing.T, e *env, knob string, p probe) {
		t.Helper()
		get := e.call(http.MethodGet, vacationPath(p.mailbox), nil)
		put := e.putVacation(p.mailbox, `{"enableAutoReply":false}`)
		switch {
		case knob == sandbox.MailUnavailableNotFound && p.missing:
			get.wantError(t, 404, 404, "Mailbox does not exist: "+p.mailbox+".")
			put.wantError(t, 404, 404, "Mailbox does not exist: "+p.mailbox+".")
		case knob == sandbox.MailUnavailableDescriptive:
			get.wantError(t, 400, 400, p.detail)
			put.wantError(t, 400, 400, p.detail)
		default:
			get.wantError(t, 400, 400, "Invalid Request")
			put.wantError(t, 400, 400, "Invalid Argument.")
		}
	}
	for _, knob := range []string{sandbox.MailUnavailableInvalid, sandbox.MailUnavailableDescriptive, sandbox.MailUnavailableNotFound} {
		t.Run(knob, func(t *testing.T) {
			e := setup(t, knob, nil)
			e.createUser("autoCreate", "unprovisioned@example.com", 2)
			e.createUser("create", "pending@example.com", 1)
			inactive := e.createUser("autoCreate", "inactive@example.com", 2)
			e.call(http.MethodPut, "/v2/users/"+inactive+"/status", `{"action":"deactivate"}`).wantStatus(t, 200)
			for _, mb := range []string{"nobody@example.com", "unprovisioned@example.com", "pending@example.com", "inactive@example.com", inactive} {
				check(t, e, knob, probe{mailbox: mb, missing: true, detail: "Mailbox does not exist: " + mb + "."})
			}
			// The owner's mailbox works.
			e.putVacation(ownerEmail, `{"enableAutoReply":false}`).wantStatus(t, 200)

			for name, mutate := range map[string]func(*sandbox.Profile){
				"mail disabled": func(p *sandbox.Profile) { p.MailEnabled = false },
				"free plan":     func(p *sandbox.Profile) { p.Plan = sandbox.PlanFree },
				"e2ee":          func(p *sandbox.Profile) { p.MailE2EE = true },
			} {
				e := setup(t, knob, mutate)
				detail := "Zoom Mail service is not enabled for this account, or its onboarding is not complete."
				if name == "e2ee" {
					detail = "Zoom Mail end-to-end encryption is enabled for this account; the Mail API cannot access its mailboxes."
				}
				check(t, e, knob, probe{mailbox: ownerEmail, detail: detail})
			}
		})
	}
	// "me" is an unknown mailbox when it does not map to the owner.
	e := newEnv(t, func(p *sandbox.Profile) { p.MeMapsToOwner = false })
	e.call(http.MethodGet, vacationPath("me"), nil).wantError(t, 400, 400, "Invalid Request")
}

func TestMailScopes(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.GrantedScopes = []string{"user:read:admin"} })
	e.call(http.MethodGet, vacationPath(ownerEmail), nil).
		wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[email:read:setting_vacation, email:read:setting_vacation:admin].")
	e.putVacation(ownerEmail, `{"enableAutoReply":false}`).
		wantError(t, 400, 4711, "Invalid access token, does not contain scopes:[email:update:setting_vacation, email:update:setting_vacation:admin].")
	// Classic read scope: GET works, PUT still needs a write scope.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.GrantedScopes = []string{"mail:read:admin"} })
	e.tok = e.token()
	e.call(http.MethodGet, vacationPath(ownerEmail), nil).wantStatus(t, 200)
	e.putVacation(ownerEmail, `{"enableAutoReply":false}`).wantError(t, 400, 4711, "")
	for _, scopes := range [][]string{{"mail:write:admin"}, {"mail:write"}, {"email:update:setting_vacation:admin"}, {"email:update:setting_vacation"}} {
		e.s.UpdateProfile(func(p *sandbox.Profile) { p.GrantedScopes = scopes })
		e.tok = e.token()
		e.putVacation(ownerEmail, `{"enableAutoReply":false}`).wantStatus(t, 200)
	}
}

func TestMailPersistenceAndDeletedUsers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	e := &env{t: t, s: s, ts: ts}
	e.tok = e.token()
	id := e.createUser("autoCreate", "leaver@example.com", 2)
	e.putVacation("leaver@example.com", `{"enableAutoReply":true,"responseSubject":"Gone"}`).wantStatus(t, 200)
	e.putVacation(ownerEmail, `{"enableAutoReply":true,"responseSubject":"Persisted","endTime":"1705046399000"}`).wantStatus(t, 200)
	ts.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), "Persisted") {
		t.Fatalf("state file: %v %s", err, data)
	}

	s2, err := sandbox.New(sandbox.Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ts2 := httptest.NewServer(s2)
	defer ts2.Close()
	e2 := &env{t: t, s: s2, ts: ts2}
	e2.tok = e2.token()
	jsonIs(t, e2.vacation(ownerEmail), `{"enableAutoReply":true,"responseSubject":"Persisted","endTime":"1705046399000","endTimeISO":"2024-01-12T07:59:59.000Z"}`)
	// A deleted user's mailbox goes with them; a new user with the same address starts empty.
	e2.call(http.MethodDelete, "/v2/users/"+id+"?action=delete", nil).wantStatus(t, 204)
	e2.call(http.MethodGet, vacationPath("leaver@example.com"), nil).wantError(t, 400, 400, "Invalid Request")
	e2.createUser("autoCreate", "leaver@example.com", 2)
	jsonIs(t, e2.vacation("leaver@example.com"), `{"enableAutoReply":false}`)
}

func TestMailProfileKnobValidation(t *testing.T) {
	e := newEnv(t, nil)
	p := e.s.Profile()
	if p.MailPutOmitted != "clear" || p.MailTimePrecedence != "epoch" || p.MailEmptyFields != "omit" ||
		p.MailUnavailableError != "invalid_request" || p.MailE2EE || !p.MailEnabled {
		t.Fatalf("mail defaults %+v", p)
	}
	for _, bad := range []string{
		`{"mail_put_omitted":"merge"}`, `{"mail_time_precedence":"latest"}`, `{"mail_empty_fields":"null"}`,
		`{"mail_unavailable_error":"forbidden"}`, `{"mail_unprovisioned_mailboxes":["not-an-email"]}`,
	} {
		e.admin(http.MethodPut, "/profile", bad).wantStatus(t, 400)
	}
	e.admin(http.MethodPut, "/profile", `{"mail_put_omitted":"keep","mail_time_precedence":"reject","mail_empty_fields":"zero",
		"mail_unavailable_error":"not_found","mail_unprovisioned_mailboxes":["a@example.com"],"mail_e2ee":true}`).wantStatus(t, 200)
	p = e.s.Profile()
	if p.MailPutOmitted != "keep" || p.MailTimePrecedence != "reject" || p.MailEmptyFields != "zero" ||
		p.MailUnavailableError != "not_found" || !p.MailE2EE || len(p.MailUnprovisionedMailboxes) != 1 {
		t.Errorf("profile %+v", p)
	}
	// The profile returned is a copy.
	p.MailUnprovisionedMailboxes[0] = "changed@example.com"
	if e.s.Profile().MailUnprovisionedMailboxes[0] != "a@example.com" {
		t.Error("Profile() shares the mailbox list")
	}
}
