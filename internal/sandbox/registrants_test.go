package sandbox_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

var registrantIDRE = regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`)

// regBase is "/v2/meetings/{id}" or "/v2/webinars/{id}".
func regBase(kind string, obj map[string]any) string { return "/v2/" + kind + "/" + mid(obj) }

func (e *env) addRegistrant(base, query string, body any) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodPost, base+"/registrants"+query, body)
	r.wantStatus(e.t, http.StatusCreated)
	return r.json(e.t)
}

// listRegistrants returns the registrants of one page (query may be "").
func (e *env) listRegistrants(base, query string) []map[string]any {
	e.t.Helper()
	r := e.call(http.MethodGet, base+"/registrants"+query, nil)
	r.wantStatus(e.t, http.StatusOK)
	var out struct {
		Registrants []map[string]any `json:"registrants"`
	}
	mustJSON(e.t, r.body, &out)
	return out.Registrants
}

func registrantIDs(list []map[string]any) []string {
	var out []string
	for _, r := range list {
		out = append(out, r["id"].(string))
	}
	return out
}

func (e *env) setRegistrantStatus(base, action string, refs ...map[string]any) response {
	e.t.Helper()
	list := make([]any, 0, len(refs))
	for _, r := range refs {
		list = append(list, r)
	}
	return e.call(http.MethodPut, base+"/registrants/status", map[string]any{"action": action, "registrants": list})
}

func person(email string) map[string]any {
	return map[string]any{"email": email, "first_name": "First"}
}

func TestRegistrantAutoApproval(t *testing.T) {
	for _, kind := range []string{"meetings", "webinars"} {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, nil)
			e.setNow(t0)
			body := map[string]any{"topic": "Registered", "start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}}
			var obj map[string]any
			if kind == "meetings" {
				obj = e.createMeeting("me", body)
			} else {
				obj = e.createWebinar("me", body)
			}
			base := regBase(kind, obj)
			full := map[string]any{"email": "Jill@Example.com", "first_name": "Jill", "last_name": "Chill", "address": "1 Road", "city": "Town",
				"state": "CA", "zip": "94040", "country": "US", "phone": "555", "comments": "hi", "industry": "Food", "job_title": "Chef",
				"org": "Org", "no_of_employees": "101-500", "purchasing_time_frame": "1-3 months", "role_in_purchase_process": "Influencer",
				"language": "fr-FR", "custom_questions": []any{map[string]any{"title": "Why?", "value": "Because"}}}
			c := e.addRegistrant(base, "", full)
			rid := c["registrant_id"].(string)
			if !registrantIDRE.MatchString(rid) || c["topic"] != "Registered" || c["start_time"] != "2030-02-01T10:00:00Z" {
				t.Fatalf("create response %v", c)
			}
			// id: the meeting's number (integer) or the webinar's (string).
			if kind == "meetings" && c["id"] != obj["id"] || kind == "webinars" && c["id"] != mid(obj) {
				t.Errorf("id %#v", c["id"])
			}
			joinRE := regexp.MustCompile(`^https://us06web\.zoom\.us/w/` + mid(obj) + `\?tk=[A-Za-z0-9_-]{43}$`)
			if !joinRE.MatchString(c["join_url"].(string)) {
				t.Errorf("join_url %v", c["join_url"])
			}
			if _, ok := c["occurrences"]; ok {
				t.Error("occurrences on a one-time session")
			}
			g := e.call(http.MethodGet, base+"/registrants/"+rid, nil).json(t)
			want := map[string]any{"id": rid, "email": "Jill@Example.com", "first_name": "Jill", "last_name": "Chill", "address": "1 Road",
				"city": "Town", "state": "CA", "zip": "94040", "country": "US", "phone": "555", "comments": "hi", "industry": "Food",
				"job_title": "Chef", "org": "Org", "no_of_employees": "101-500", "purchasing_time_frame": "1-3 months",
				"role_in_purchase_process": "Influencer", "status": "approved", "join_url": c["join_url"], "create_time": "2030-01-07T12:00:00Z"}
			if kind == "webinars" {
				want["language"] = "fr-FR" // only the webinar GET schema has language
			}
			for k, v := range want {
				if g[k] != v {
					t.Errorf("GET %s = %v, want %v", k, g[k], v)
				}
			}
			if fmt.Sprint(g["custom_questions"]) != "[map[title:Why? value:Because]]" || len(g) != len(want)+1 {
				t.Errorf("GET %v", g)
			}
			// Default list = approved; re-adding the same e-mail gives the same registrant.
			if ids := registrantIDs(e.listRegistrants(base, "")); fmt.Sprint(ids) != "["+rid+"]" {
				t.Errorf("list %v", ids)
			}
			again := e.addRegistrant(base, "", map[string]any{"email": "jill@example.COM", "first_name": "Other"})
			if again["registrant_id"] != rid || again["join_url"] != c["join_url"] {
				t.Errorf("re-add %v", again)
			}
			if g := e.call(http.MethodGet, base+"/registrants/"+rid, nil).json(t); g["first_name"] != "Jill" {
				t.Errorf("re-add changed the registration: %v", g["first_name"])
			}
			// A minimal registrant: every string field present, empty.
			min := e.addRegistrant(base, "", person("min@example.com"))
			g = e.call(http.MethodGet, base+"/registrants/"+min["registrant_id"].(string), nil).json(t)
			if g["last_name"] != "" || g["address"] != "" || g["no_of_employees"] != "" || fmt.Sprint(g["custom_questions"]) != "[]" {
				t.Errorf("minimal registrant %v", g)
			}

			// Validation.
			cases := []struct {
				body  map[string]any
				field string
			}{
				{map[string]any{"first_name": "A"}, "email"},
				{map[string]any{"email": "not-an-email", "first_name": "A"}, "email"},
				{map[string]any{"email": strings.Repeat("a", 120) + "@example.com", "first_name": "A"}, "email"},
				{map[string]any{"email": "a@example.com"}, "first_name"},
				{map[string]any{"email": "a@example.com", "first_name": strings.Repeat("f", 65)}, "first_name"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "last_name": strings.Repeat("l", 65)}, "last_name"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "language": "en-GB"}, "language"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "no_of_employees": "101-250"}, "no_of_employees"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "purchasing_time_frame": "Soon"}, "purchasing_time_frame"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "role_in_purchase_process": "Boss"}, "role_in_purchase_process"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "custom_questions": []any{map[string]any{"title": "Q", "value": strings.Repeat("v", 129)}}}, "custom_questions[0].value"},
				{map[string]any{"email": "a@example.com", "first_name": "A", "city": 5}, "city"},
			}
			for _, tc := range cases {
				e.call(http.MethodPost, base+"/registrants", tc.body).wantField(t, tc.field)
			}
			e.call(http.MethodPost, base+"/registrants", "{").wantError(t, 400, 300, "Request Body should be a valid JSON object.")
			e.call(http.MethodGet, base+"/registrants?status=all", nil).wantField(t, "status")
		})
	}
}

func TestRegistrantManualApproval(t *testing.T) {
	for _, kind := range []string{"meetings", "webinars"} {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, nil)
			body := map[string]any{"settings": map[string]any{"approval_type": 1}}
			var obj map[string]any
			if kind == "meetings" {
				obj = e.createMeeting("me", body)
			} else {
				obj = e.createWebinar("me", body)
			}
			base := regBase(kind, obj)
			var ids []string
			for _, who := range []string{"a", "b", "c", "d"} {
				c := e.addRegistrant(base, "", person(who+"@example.com"))
				if _, ok := c["join_url"]; ok {
					t.Fatalf("pending registrant has a join_url: %v", c)
				}
				ids = append(ids, c["registrant_id"].(string))
			}
			a, b, c, d := ids[0], ids[1], ids[2], ids[3]
			if len(e.listRegistrants(base, "")) != 0 || len(e.listRegistrants(base, "?status=pending")) != 4 {
				t.Fatalf("pending registrants listed as approved")
			}
			if g := e.call(http.MethodGet, base+"/registrants/"+a, nil).json(t); g["status"] != "pending" || g["join_url"] != nil {
				t.Errorf("pending GET %v", g)
			}
			// approve (by id and by e-mail), deny, cancel.
			e.setRegistrantStatus(base, "approve", map[string]any{"id": a}, map[string]any{"email": "B@example.com"}, map[string]any{"id": c}).wantStatus(t, 204)
			approved := e.listRegistrants(base, "?status=approved")
			if fmt.Sprint(registrantIDs(approved)) != fmt.Sprint([]string{a, b, c}) || approved[0]["join_url"] == nil {
				t.Fatalf("approved %v", approved)
			}
			e.setRegistrantStatus(base, "deny", map[string]any{"id": b}, map[string]any{"id": d}).wantStatus(t, 204)
			e.setRegistrantStatus(base, "cancel", map[string]any{"id": c}).wantStatus(t, 204)
			denied := e.listRegistrants(base, "?status=denied")
			if fmt.Sprint(registrantIDs(denied)) != fmt.Sprint([]string{b, c, d}) || denied[0]["join_url"] != nil {
				t.Fatalf("denied %v", denied)
			}
			// cancel leaves registrants that are not approved alone; approving a denied one works.
			e.setRegistrantStatus(base, "cancel", map[string]any{"id": d}).wantStatus(t, 204)
			e.setRegistrantStatus(base, "approve", map[string]any{"id": d}).wantStatus(t, 204)
			if g := e.call(http.MethodGet, base+"/registrants/"+d, nil).json(t); g["status"] != "approved" || g["join_url"] == nil {
				t.Errorf("re-approved %v", g)
			}
			// registrant_cancel_status=deleted removes the registration.
			e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrantCancelStatus = sandbox.RegistrantCancelDeleted })
			e.setRegistrantStatus(base, "cancel", map[string]any{"id": a}).wantStatus(t, 204)
			e.call(http.MethodGet, base+"/registrants/"+a, nil).wantError(t, 400, 3000, "Registrant "+a+" was not found.")

			// Validation of the status body.
			e.call(http.MethodPut, base+"/registrants/status", map[string]any{"action": "block", "registrants": []any{map[string]any{"id": b}}}).wantField(t, "action")
			e.call(http.MethodPut, base+"/registrants/status", map[string]any{"registrants": []any{map[string]any{"id": b}}}).wantField(t, "action")
			e.call(http.MethodPut, base+"/registrants/status", map[string]any{"action": "deny"}).wantField(t, "registrants")
			e.call(http.MethodPut, base+"/registrants/status", map[string]any{"action": "deny", "registrants": []any{map[string]any{}}}).wantField(t, "registrants[0].id")
			many := make([]any, 31)
			for i := range many {
				many[i] = map[string]any{"id": b}
			}
			e.call(http.MethodPut, base+"/registrants/status", map[string]any{"action": "deny", "registrants": many}).wantField(t, "registrants")
			e.call(http.MethodPut, base+"/registrants/status", "x").wantError(t, 400, 300, "Request Body should be a valid JSON object.")
			e.call(http.MethodPut, base+"/registrants/status?occurrence_id=1", map[string]any{"action": "deny", "registrants": []any{map[string]any{"id": b}}}).
				wantError(t, 400, 3000, "Invalid occurrence_id.")

			// auto_approve: meetings only.
			r := e.addRegistrant(base, "", map[string]any{"email": "auto@example.com", "first_name": "A", "auto_approve": true})
			g := e.call(http.MethodGet, base+"/registrants/"+r["registrant_id"].(string), nil).json(t)
			if kind == "meetings" && (g["status"] != "approved" || r["join_url"] == nil) || kind == "webinars" && (g["status"] != "pending" || r["join_url"] != nil) {
				t.Errorf("auto_approve on %s: %v %v", kind, g["status"], r["join_url"])
			}
		})
	}
}

func TestRegistrantReaddKnob(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.RegistrantReadd = sandbox.RegistrantReaddError })
	base := regBase("meetings", e.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 0}}))
	e.addRegistrant(base, "", person("a@example.com"))
	e.call(http.MethodPost, base+"/registrants", person("A@example.com")).wantError(t, 400, 3000, "Registrant A@example.com has already registered.")
	if n := len(e.listRegistrants(base, "")); n != 1 {
		t.Errorf("%d registrants", n)
	}
}

func TestRegistrationNotEnabled(t *testing.T) {
	e := newEnv(t, nil)
	rid := strings.Repeat("A", 22)
	status := map[string]any{"action": "approve", "registrants": []any{map[string]any{"id": rid}}}
	check := func(base string, id string, webinar bool) {
		t.Helper()
		add := e.call(http.MethodPost, base+"/registrants", person("a@example.com"))
		if webinar {
			add.wantError(t, 400, 3000, "This webinar does not have registration as required: "+id+".")
		} else {
			add.wantError(t, 404, 404, "Registration has not been enabled for this meeting: "+id+".")
		}
		notSet := "This meeting has not set registration as required: " + id
		if webinar {
			notSet = "This webinar has not set registration as required: " + id
		}
		e.call(http.MethodGet, base+"/registrants", nil).wantError(t, 400, 300, notSet)
		e.call(http.MethodGet, base+"/registrants/"+rid, nil).wantError(t, 400, 300, notSet)
		e.call(http.MethodPut, base+"/registrants/status", status).wantError(t, 400, 300, notSet)
		kind := "meeting"
		if webinar {
			kind = "webinar"
		}
		e.call(http.MethodDelete, base+"/registrants/"+rid, nil).wantError(t, 400, 404, "Registration has not been enabled for this "+kind+": "+id+".")
	}
	// approval_type 2.
	m := e.createMeeting("me", map[string]any{})
	check(regBase("meetings", m), mid(m), false)
	w := e.createWebinar("me", map[string]any{})
	check(regBase("webinars", w), mid(w), true)
	// Type 3 meetings / type 6 webinars whose registration the knobs allowed, once the knobs are off again.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrationOnType3, p.RegistrationOnType6 = true, true })
	m3 := e.createMeeting("me", map[string]any{"type": 3, "settings": map[string]any{"approval_type": 0}})
	w6 := e.createWebinar("me", map[string]any{"type": 6, "settings": map[string]any{"approval_type": 0}})
	e.addRegistrant(regBase("meetings", m3), "", person("a@example.com"))
	e.addRegistrant(regBase("webinars", w6), "", person("a@example.com"))
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrationOnType3, p.RegistrationOnType6 = false, false })
	check(regBase("meetings", m3), mid(m3), false)
	check(regBase("webinars", w6), mid(w6), true)
	// A host who is no longer Licensed.
	h := e.createUser("autoCreate", "host@example.com", 2)
	hm := e.createMeeting(h, map[string]any{"settings": map[string]any{"approval_type": 0}})
	hw := e.createWebinar(h, map[string]any{"settings": map[string]any{"approval_type": 0}})
	e.call(http.MethodPatch, "/v2/users/"+h, map[string]any{"type": 1}).wantStatus(t, 204)
	check(regBase("meetings", hm), mid(hm), false)
	check(regBase("webinars", hw), mid(hw), true)
	// Unknown meetings and webinars.
	e.call(http.MethodPost, "/v2/meetings/12345678901/registrants", person("a@example.com")).wantError(t, 404, 3001, "Meeting does not exist: 12345678901.")
	e.call(http.MethodGet, "/v2/webinars/12345678901/registrants", nil).wantError(t, 404, 3001, "Webinar 12345678901 not found or has expired.")
	e.call(http.MethodGet, "/v2/webinars/abc/registrants", nil).wantError(t, 400, 300, "Invalid webinar ID.")
}

func TestUnknownRegistrant(t *testing.T) {
	for _, knob := range []string{sandbox.UnknownRegistrant400, sandbox.UnknownRegistrant404} {
		t.Run(knob, func(t *testing.T) {
			e := newEnv(t, func(p *sandbox.Profile) { p.UnknownRegistrant = knob })
			for _, kind := range []string{"meetings", "webinars"} {
				body := map[string]any{"settings": map[string]any{"approval_type": 0}}
				var obj map[string]any
				if kind == "meetings" {
					obj = e.createMeeting("me", body)
				} else {
					obj = e.createWebinar("me", body)
				}
				base := regBase(kind, obj)
				known := e.addRegistrant(base, "", person("k@example.com"))["registrant_id"].(string)
				ghost := strings.Repeat("B", 22)
				want := func(r response, ref string) {
					t.Helper()
					if knob == sandbox.UnknownRegistrant404 {
						r.wantError(t, 404, 404, "Registrant "+ref+" was not found.")
					} else {
						r.wantError(t, 400, 3000, "Registrant "+ref+" was not found.")
					}
				}
				want(e.call(http.MethodGet, base+"/registrants/"+ghost, nil), ghost)
				want(e.call(http.MethodDelete, base+"/registrants/"+ghost, nil), ghost)
				want(e.setRegistrantStatus(base, "deny", map[string]any{"id": known}, map[string]any{"id": ghost}), ghost)
				want(e.setRegistrantStatus(base, "deny", map[string]any{"email": "ghost@example.com"}), "ghost@example.com")
				// Nothing changed: the known registrant is still approved.
				if g := e.call(http.MethodGet, base+"/registrants/"+known, nil).json(t); g["status"] != "approved" {
					t.Errorf("status changed with an unknown registrant: %v", g["status"])
				}
				// A malformed id on DELETE is a validation answer; a deleted registrant is unknown.
				e.call(http.MethodDelete, base+"/registrants/short", nil).wantError(t, 400, 300,
					"The value that you entered for the Registrant ID field is invalid. Enter a valid value and try again.")
				e.call(http.MethodDelete, base+"/registrants/"+known, nil).wantStatus(t, 204)
				want(e.call(http.MethodGet, base+"/registrants/"+known, nil), known)
			}
		})
	}
}

func TestRegistrantDailyLimits(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(time.Date(2030, 5, 30, 15, 0, 0, 0, time.UTC))
	mbody := map[string]any{"start_time": "2030-07-01T10:00:00Z", "settings": map[string]any{"approval_type": 1}}
	m := regBase("meetings", e.createMeeting("me", mbody))
	m2 := regBase("meetings", e.createMeeting("me", mbody))
	w := regBase("webinars", e.createWebinar("me", mbody))
	for i := 0; i < 3; i++ {
		e.addRegistrant(m, "", person("a@example.com"))
		e.addRegistrant(w, "", person("a@example.com"))
	}
	e.call(http.MethodPost, m+"/registrants", person("A@example.com")).wantError(t, 429, 429,
		`You have exceeded the daily rate limit of "3" for Add meeting registrant API requests for the registrant "A@example.com". You can resume these API requests at GMT 00:00:00.`)
	e.call(http.MethodPost, w+"/registrants", person("a@example.com")).wantError(t, 429, 429,
		`You have exceeded the daily rate limit of "3" for Add a webinar registrant API requests for the registrant "a@example.com". You can resume these API requests at GMT 00:00:00.`)
	// Per registrant and per meeting.
	e.addRegistrant(m, "", person("b@example.com"))
	e.addRegistrant(m2, "", person("a@example.com"))

	rid := e.listRegistrants(m, "?status=pending")[0]["id"].(string)
	wid := e.listRegistrants(w, "?status=pending")[0]["id"].(string)
	for i := 0; i < 10; i++ {
		action := []string{"approve", "deny"}[i%2]
		e.setRegistrantStatus(m, action, map[string]any{"id": rid}).wantStatus(t, 204)
		e.setRegistrantStatus(w, action, map[string]any{"email": "a@example.com"}).wantStatus(t, 204)
	}
	e.setRegistrantStatus(m, "approve", map[string]any{"id": rid}).wantError(t, 429, 429,
		`You have exceeded the daily rate limit of "10" for meeting Update registrant's status API requests for the registrant "a@example.com". You can resume these API requests at GMT 00:00:00.`)
	e.setRegistrantStatus(w, "approve", map[string]any{"id": wid}).wantError(t, 429, 429,
		`You have exceeded the daily rate limit of "10" for webinar Update registrant's status API requests for the registrant "a@example.com". You can resume these API requests at GMT 00:00:00.`)
	if g := e.call(http.MethodGet, m+"/registrants/"+rid, nil).json(t); g["status"] != "denied" {
		t.Errorf("refused status change applied: %v", g["status"])
	}
	// A request naming a registrant over its limit changes none of them.
	bid := e.listRegistrants(m, "?status=pending")[0]["id"].(string)
	e.setRegistrantStatus(m, "approve", map[string]any{"id": bid}, map[string]any{"id": rid}).wantStatus(t, 429)
	if g := e.call(http.MethodGet, m+"/registrants/"+bid, nil).json(t); g["status"] != "pending" {
		t.Errorf("partial status change: %v", g["status"])
	}
	// The next UTC day resets the counters.
	e.setNow(time.Date(2030, 5, 31, 0, 0, 1, 0, time.UTC))
	e.addRegistrant(m, "", person("a@example.com"))
	e.setRegistrantStatus(m, "approve", map[string]any{"id": rid}).wantStatus(t, 204)
	// 0 = unlimited.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrantDailyAdds, p.RegistrantDailyStatusChanges = 0, 0 })
	for i := 0; i < 12; i++ {
		e.addRegistrant(m, "", person("a@example.com"))
		e.setRegistrantStatus(m, "deny", map[string]any{"id": rid}).wantStatus(t, 204)
	}
	// Other limits.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.RegistrantDailyAdds, p.RegistrantDailyStatusChanges = 1, 1 })
	e.addRegistrant(m, "", person("c@example.com"))
	e.call(http.MethodPost, m+"/registrants", person("c@example.com")).wantStatus(t, 429)
	cid := e.listRegistrants(m, "?status=pending")[1]["id"].(string)
	e.setRegistrantStatus(m, "approve", map[string]any{"id": cid}).wantStatus(t, 204)
	e.setRegistrantStatus(m, "deny", map[string]any{"id": cid}).wantStatus(t, 429)
}

func TestRegistrantCapacity(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.MeetingRegistrantCapacity = 2 })
	m := regBase("meetings", e.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 1}}))
	e.addRegistrant(m, "", person("a@example.com"))
	e.addRegistrant(m, "", person("b@example.com"))
	e.call(http.MethodPost, m+"/registrants", person("c@example.com")).wantError(t, 400, 3043, "Meeting has reached maximum attendee capacity.")
	e.addRegistrant(m, "", person("a@example.com")) // re-adding is not a new registration
	// 0 = Zoom's 4,999.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeetingRegistrantCapacity = 0 })
	e.addRegistrant(m, "", person("c@example.com"))

	// Webinars: registrants_restrict_number caps approved registrants.
	w := regBase("webinars", e.createWebinar("me", map[string]any{"settings": map[string]any{"approval_type": 0, "registrants_restrict_number": 2}}))
	e.addRegistrant(w, "", person("a@example.com"))
	e.addRegistrant(w, "", person("b@example.com"))
	e.call(http.MethodPost, w+"/registrants", person("c@example.com")).wantError(t, 400, 3000,
		"You have reached the limit for the number of attendees you can add. Contact Zoom Support for more information.")
	// Manual approval: registrations wait; approving beyond the cap is refused (3035) without changes.
	e.patchWebinar(strings.TrimPrefix(w, "/v2/webinars/"), map[string]any{"settings": map[string]any{"approval_type": 1, "registrants_restrict_number": 3}}).wantStatus(t, 204)
	c := e.addRegistrant(w, "", person("c@example.com"))["registrant_id"].(string)
	d := e.addRegistrant(w, "", person("d@example.com"))["registrant_id"].(string)
	e.setRegistrantStatus(w, "approve", map[string]any{"id": c}, map[string]any{"id": d}).wantError(t, 400, 3035, "Webinar has reached maximum attendee capacity.")
	if n := len(e.listRegistrants(w, "")); n != 2 {
		t.Errorf("%d approved after a refused approval", n)
	}
	e.setRegistrantStatus(w, "approve", map[string]any{"id": c}).wantStatus(t, 204)
	e.setRegistrantStatus(w, "approve", map[string]any{"id": c}).wantStatus(t, 204) // already approved: no new seat
	e.setRegistrantStatus(w, "approve", map[string]any{"id": d}).wantError(t, 400, 3035, "Webinar has reached maximum attendee capacity.")
}

func TestRegistrantOccurrences(t *testing.T) {
	for _, kind := range []string{"meetings", "webinars"} {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, nil)
			e.setNow(t0)
			typ := map[string]int{"meetings": 8, "webinars": 9}[kind]
			create := func(regType int) map[string]any {
				body := map[string]any{"type": typ, "start_time": "2030-02-01T10:00:00Z", "duration": 60,
					"recurrence": map[string]any{"type": 1, "end_times": 4}, "settings": map[string]any{"approval_type": 0, "registration_type": regType}}
				if kind == "meetings" {
					return e.createMeeting("me", body)
				}
				return e.createWebinar("me", body)
			}
			obj := create(3)
			base := regBase(kind, obj)
			occ := occurrencesOf(obj)
			o := func(i int) string { return occ[i]["occurrence_id"].(string) }
			// registration_type 3: occurrence_ids picks occurrences (returned in time order).
			c := e.addRegistrant(base, "?occurrence_ids="+url.QueryEscape(o(2)+","+o(0)), person("a@example.com"))
			got := []string{}
			for _, x := range c["occurrences"].([]any) {
				got = append(got, x.(map[string]any)["occurrence_id"].(string))
			}
			if fmt.Sprint(got) != fmt.Sprint([]string{o(0), o(2)}) {
				t.Fatalf("occurrences %v", c["occurrences"])
			}
			a := c["registrant_id"].(string)
			all := e.addRegistrant(base, "", person("b@example.com"))
			if n := len(all["occurrences"].([]any)); n != 4 {
				t.Errorf("no occurrence_ids: %d occurrences", n)
			}
			if ids := registrantIDs(e.listRegistrants(base, "?occurrence_id="+o(1))); fmt.Sprint(ids) != "["+all["registrant_id"].(string)+"]" {
				t.Errorf("occurrence %s registrants %v", o(1), ids)
			}
			if n := len(e.listRegistrants(base, "?occurrence_id="+o(2))); n != 2 {
				t.Errorf("occurrence %s: %d registrants", o(2), n)
			}
			e.call(http.MethodGet, base+"/registrants?occurrence_id=123", nil).wantError(t, 400, 3000, "Invalid occurrence_id.")
			e.call(http.MethodPost, base+"/registrants?occurrence_ids="+o(0)+",123", person("c@example.com")).wantError(t, 400, 300, "Invalid parameter: occurrence_ids")
			// Re-adding with more occurrences adds them to the registration.
			again := e.addRegistrant(base, "?occurrence_ids="+o(3), person("a@example.com"))
			if again["registrant_id"] != a || len(again["occurrences"].([]any)) != 3 {
				t.Errorf("re-add with occurrences %v", again)
			}
			// DELETE with occurrence_id drops one occurrence; the last one removes the registration.
			for _, i := range []int{0, 2} {
				e.call(http.MethodDelete, base+"/registrants/"+a+"?occurrence_id="+o(i), nil).wantStatus(t, 204)
			}
			if n := len(e.listRegistrants(base, "?occurrence_id="+o(3))); n != 2 {
				t.Errorf("after dropping two occurrences: %d", n)
			}
			e.call(http.MethodDelete, base+"/registrants/"+a+"?occurrence_id="+o(0), nil).wantStatus(t, 400)
			e.call(http.MethodDelete, base+"/registrants/"+a+"?occurrence_id="+o(3), nil).wantStatus(t, 204)
			e.call(http.MethodGet, base+"/registrants/"+a, nil).wantError(t, 400, 3000, "Registrant "+a+" was not found.")
			e.call(http.MethodDelete, base+"/registrants/"+all["registrant_id"].(string)+"?occurrence_id="+o(1), nil).wantStatus(t, 204)
			if n := len(e.listRegistrants(base, "?occurrence_id="+o(0))); n != 1 {
				t.Errorf("a registration for all occurrences lost more than one: %d", n)
			}
			// registration_type 1: one registration for every occurrence, whatever occurrence_ids says.
			one := create(1)
			r := e.addRegistrant(regBase(kind, one), "?occurrence_ids="+occurrencesOf(one)[0]["occurrence_id"].(string), person("a@example.com"))
			if n := len(r["occurrences"].([]any)); n != 4 {
				t.Errorf("registration_type 1: %d occurrences", n)
			}
			// A one-time session has no occurrence to pick.
			body := map[string]any{"settings": map[string]any{"approval_type": 0}}
			var single map[string]any
			if kind == "meetings" {
				single = e.createMeeting("me", body)
			} else {
				single = e.createWebinar("me", body)
			}
			e.call(http.MethodPost, regBase(kind, single)+"/registrants?occurrence_ids="+o(0), person("a@example.com")).wantError(t, 400, 300, "Invalid parameter: occurrence_ids")
		})
	}
}

func TestRegistrantsGoWithTheirMeeting(t *testing.T) {
	e := newEnv(t, nil)
	e.setNow(t0)
	m := e.createMeeting("me", map[string]any{"start_time": "2031-01-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}})
	base := regBase("meetings", m)
	e.addRegistrant(base, "", person("a@example.com"))
	e.call(http.MethodDelete, "/v2/meetings/"+mid(m), nil).wantStatus(t, 204)
	e.call(http.MethodGet, base+"/registrants", nil).wantError(t, 404, 3001, "Meeting does not exist: "+mid(m)+".")
	e.call(http.MethodPut, "/v2/meetings/"+mid(m)+"/status", `{"action":"recover"}`).wantStatus(t, 204)
	if n := len(e.listRegistrants(base, "")); n != 0 {
		t.Errorf("%d registrants after recover", n)
	}
	w := e.createWebinar("me", map[string]any{"start_time": "2031-01-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}})
	wbase := regBase("webinars", w)
	rid := e.addRegistrant(wbase, "", person("a@example.com"))["registrant_id"].(string)
	e.call(http.MethodDelete, "/v2/webinars/"+mid(w), nil).wantStatus(t, 204)
	e.call(http.MethodGet, wbase+"/registrants/"+rid, nil).wantError(t, 404, 3001, "Webinar "+mid(w)+" not found or has expired.")
	// Registration turned off and on again keeps the registrants.
	m2 := e.createMeeting("me", map[string]any{"start_time": "2031-01-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}})
	b2 := regBase("meetings", m2)
	e.addRegistrant(b2, "", person("a@example.com"))
	e.patchMeeting(mid(m2), map[string]any{"settings": map[string]any{"approval_type": 2}}).wantStatus(t, 204)
	e.call(http.MethodGet, b2+"/registrants", nil).wantStatus(t, 400)
	e.patchMeeting(mid(m2), map[string]any{"settings": map[string]any{"approval_type": 1}}).wantStatus(t, 204)
	if n := len(e.listRegistrants(b2, "")); n != 1 {
		t.Errorf("%d registrants after registration came back", n)
	}
}

func TestRegistrantPagination(t *testing.T) {
	e := newEnv(t, nil)
	base := regBase("webinars", e.createWebinar("me", map[string]any{"settings": map[string]any{"approval_type": 0}}))
	var want []string
	for i := 0; i < 35; i++ {
		want = append(want, e.addRegistrant(base, "", person(fmt.Sprintf("r%02d@example.com", i)))["registrant_id"].(string))
	}
	var seen []string
	token := ""
	for page := 1; ; page++ {
		q := base + "/registrants"
		if token != "" {
			q += "?next_page_token=" + url.QueryEscape(token)
		}
		m := e.call(http.MethodGet, q, nil).json(t)
		if m["total_records"] != float64(35) || m["page_size"] != float64(30) || m["page_count"] != float64(2) || m["page_number"] != float64(page) {
			t.Fatalf("envelope %v", m)
		}
		for _, r := range m["registrants"].([]any) {
			seen = append(seen, r.(map[string]any)["id"].(string))
		}
		token = m["next_page_token"].(string)
		if token == "" {
			break
		}
	}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Fatalf("paged %v\nwant %v", seen, want)
	}
	if m := e.call(http.MethodGet, base+"/registrants?page_size=1000", nil).json(t); m["page_size"] != float64(300) {
		t.Errorf("clamp %v", m["page_size"])
	}
	e.call(http.MethodGet, base+"/registrants?next_page_token=nope", nil).wantError(t, 400, 300, "The next page token is invalid or expired.")
	// A token is bound to the list's filters.
	first := e.call(http.MethodGet, base+"/registrants?page_size=10", nil).json(t)
	e.call(http.MethodGet, base+"/registrants?status=pending&next_page_token="+url.QueryEscape(first["next_page_token"].(string)), nil).
		wantError(t, 400, 300, "The next page token is invalid or expired.")
}

func TestWebinarRegistrantViews(t *testing.T) {
	e := newEnv(t, nil)
	w := e.createWebinar("me", map[string]any{"settings": map[string]any{"approval_type": 0}})
	base := regBase("webinars", w)
	full := map[string]any{"email": "a@example.com", "first_name": "A", "address": "1 Road", "city": "Town", "state": "CA", "zip": "1",
		"phone": "5", "comments": "c", "industry": "i", "job_title": "j", "org": "o", "country": "US", "language": "de-DE"}
	e.addRegistrant(base, "", full)
	addressKeys := []string{"address", "city", "state", "zip", "phone", "comments", "industry", "job_title", "org"}
	keys := func(m map[string]any) string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return strings.Join(out, ",")
	}
	item := e.listRegistrants(base, "")[0]
	for _, k := range append(addressKeys, "language") {
		if _, ok := item[k]; ok {
			t.Errorf("webinar list item has %s: %s", k, keys(item))
		}
	}
	if item["country"] != "US" || item["email"] != "a@example.com" {
		t.Errorf("list item %v", item)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.WebinarRegistrantListAddressFields = true })
	item = e.listRegistrants(base, "")[0]
	for _, k := range addressKeys {
		if item[k] != full[k] {
			t.Errorf("with the knob, %s = %v", k, item[k])
		}
	}
	if _, ok := item["language"]; ok {
		t.Error("list item has language")
	}
	// Meeting list items always have the address fields, never language.
	m := e.createMeeting("me", map[string]any{"settings": map[string]any{"approval_type": 0}})
	e.addRegistrant(regBase("meetings", m), "", full)
	mitem := e.listRegistrants(regBase("meetings", m), "")[0]
	for _, k := range addressKeys {
		if mitem[k] != full[k] {
			t.Errorf("meeting list item %s = %v", k, mitem[k])
		}
	}
	if _, ok := mitem["language"]; ok {
		t.Error("meeting list item has language")
	}
	// The host cannot register for their own webinar.
	e.call(http.MethodPost, base+"/registrants", person("OWNER@sandbox.zoom.test")).wantError(t, 400, 3027, "Host cannot register.")
	// GET one on a webinar takes occurrence_id.
	rid := item["id"].(string)
	e.call(http.MethodGet, base+"/registrants/"+rid+"?occurrence_id=1", nil).wantError(t, 400, 3000, "Invalid occurrence_id.")
}
