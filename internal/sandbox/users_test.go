package sandbox_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

var (
	userIDRE  = regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`)
	zoomTSRE  = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
	pmiURLFmt = "https://us06web.zoom.us/j/%d"
)

func TestCreateUser(t *testing.T) {
	e := newEnv(t, nil)
	r := e.call(http.MethodPost, "/v2/users", map[string]any{"action": "create", "user_info": map[string]any{
		"email": "Jane@Example.com", "type": 1, "first_name": "Jane", "last_name": "Doe", "password": "ignored"}})
	r.wantStatus(t, http.StatusCreated)
	got := r.json(t)
	if len(got) != 5 || !userIDRE.MatchString(got["id"].(string)) || got["email"] != "Jane@Example.com" || got["type"] != float64(1) ||
		got["first_name"] != "Jane" || got["last_name"] != "Doe" {
		t.Fatalf("create response %v", got)
	}
	id := got["id"].(string)

	u := e.call(http.MethodGet, "/v2/users/"+id, nil)
	u.wantStatus(t, 200)
	m := u.json(t)
	if m["status"] != "pending" || m["display_name"] != "Jane Doe" || m["role_id"] != "2" || m["role_name"] != "Member" ||
		m["account_id"] != "sandbox-account" || m["verified"] != float64(0) {
		t.Errorf("pending user %v", m)
	}
	pmi := int64(m["pmi"].(float64))
	if pmi < 1000000000 || pmi > 9999999999 || m["personal_meeting_url"] != fmt.Sprintf(pmiURLFmt, pmi) {
		t.Errorf("pmi %d url %v", pmi, m["personal_meeting_url"])
	}
	if !zoomTSRE.MatchString(m["created_at"].(string)) || !zoomTSRE.MatchString(m["user_created_at"].(string)) {
		t.Errorf("timestamps %v %v", m["created_at"], m["user_created_at"])
	}
	if _, ok := m["password"]; ok {
		t.Error("password returned")
	}
	if !strings.HasSuffix(m["jid"].(string), "@xmpp.zoom.us") {
		t.Errorf("jid %v", m["jid"])
	}
	// Pending users' created_at is the request time.
	e.advance(time.Hour)
	m2 := e.call(http.MethodGet, "/v2/users/jane@example.com", nil).json(t)
	if m2["created_at"] == m["created_at"] || m2["user_created_at"] != m["user_created_at"] {
		t.Errorf("pending created_at should move: %v -> %v (user_created_at %v -> %v)", m["created_at"], m2["created_at"], m["user_created_at"], m2["user_created_at"])
	}

	// Duplicate e-mail (case-insensitive).
	e.call(http.MethodPost, "/v2/users", map[string]any{"action": "autoCreate", "user_info": map[string]any{"email": "jane@example.COM", "type": 1, "password": "Secr3tPassw0rd"}}).
		wantError(t, 409, 1005, `Email "jane@example.COM" has already been used.`)

	// Other actions create active users.
	auto := e.createUser("autoCreate", "auto@example.com", 2)
	if st := e.call(http.MethodGet, "/v2/users/"+auto, nil).json(t)["status"]; st != "active" {
		t.Errorf("autoCreate status %v", st)
	}
}

func TestCreateUserErrors(t *testing.T) {
	e := newEnv(t, nil)
	post := func(body any) response { return e.call(http.MethodPost, "/v2/users", body) }
	post(`{"action":`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")
	post(`[1,2]`).wantError(t, 400, 300, "Request Body should be a valid JSON object.")

	r := post(map[string]any{"action": "create", "user_info": map[string]any{"email": "not-an-email", "type": 7}})
	r.wantError(t, 400, 300, "Validation Failed.")
	if !strings.Contains(string(r.body), `{"field":"user_info.email","message":"Invalid field."}`) ||
		!strings.Contains(string(r.body), `{"field":"user_info.type","message":"Invalid field."}`) {
		t.Errorf("errors %s", r.body)
	}
	r = post(map[string]any{"action": "invite", "user_info": map[string]any{"email": "a@b.co", "type": 1}})
	r.wantError(t, 400, 300, "Validation Failed.")
	post(map[string]any{"action": "create", "user_info": map[string]any{"email": "a@b.co", "type": 1, "first_name": strings.Repeat("x", 65)}}).
		wantError(t, 400, 300, "Validation Failed.")
	post(map[string]any{"action": "create", "user_info": map[string]any{"email": "a@b.co", "type": 99}}).
		wantError(t, 400, 300, "Validation Failed.")
	post(map[string]any{"action": "custCreate", "user_info": map[string]any{"email": "a@b.co", "type": 1}}).
		wantError(t, 400, 200, "")
	post(map[string]any{"action": "ssoCreate", "user_info": map[string]any{"email": "a@b.co", "type": 99}}).
		wantError(t, 400, 2032, "The ssoCreate option is only available for SSO Partners that have enabled the pre-provision option. Contact the Zoom Support team to learn more.")
	post(map[string]any{"action": "create", "user_info": map[string]any{"email": "a@b.co", "type": 1, "plan_united_type": "3"}}).
		wantError(t, 400, 300, "The value provided for `plan_united_type` parameter is invalid. Try again with a valid value.")
	for _, pw := range []string{"Sh0rt", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere", "Abcdefg12345678x", strings.Repeat("Ab1", 11)} {
		info := map[string]any{"email": "pw@b.co", "type": 1}
		if pw != "" {
			info["password"] = pw
		}
		post(map[string]any{"action": "autoCreate", "user_info": info}).wantError(t, 400, 300, "Invalid parameter: password.")
	}
	// Whether autoCreate requires a password is unconfirmed: a profile knob, off by default.
	post(map[string]any{"action": "autoCreate", "user_info": map[string]any{"email": "nopw@b.co", "type": 1}}).wantStatus(t, 201)
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.AutoCreateRequiresPassword = true })
	post(map[string]any{"action": "autoCreate", "user_info": map[string]any{"email": "nopw2@b.co", "type": 1}}).
		wantError(t, 400, 300, "Invalid parameter: password.")

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.CustCreateAllowed, p.SSOEnabled, p.AutoCreateAllowed = true, true, false })
	cust := e.createUser("custCreate", "api@b.co", 1)
	sso := e.createUser("ssoCreate", "sso.user@b.co", 99)
	if lt := e.call(http.MethodGet, "/v2/users/"+cust, nil).json(t)["login_types"]; fmt.Sprint(lt) != "[99]" {
		t.Errorf("custCreate login_types %v", lt)
	}
	if st := e.call(http.MethodGet, "/v2/users/"+sso, nil).json(t)["status"]; st != "active" {
		t.Errorf("ssoCreate status %v", st)
	}
	post(map[string]any{"action": "autoCreate", "user_info": map[string]any{"email": "x@b.co", "type": 1, "password": "Secr3tPassw0rd"}}).
		wantError(t, 400, 200, "")

	// Free plans cannot add users.
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.Plan = sandbox.PlanFree })
	post(map[string]any{"action": "create", "user_info": map[string]any{"email": "free@b.co", "type": 1}}).
		wantError(t, 400, 200, "Only available for paid users: sandbox-account.")
}

func TestDailyInviteLimit(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.DailyUserInvites = 2 })
	e.createUser("create", "i1@b.co", 1)
	e.createUser("create", "i2@b.co", 1)
	e.createUser("autoCreate", "a1@b.co", 1) // autoCreate does not count
	e.call(http.MethodPost, "/v2/users", map[string]any{"action": "create", "user_info": map[string]any{"email": "i3@b.co", "type": 1}}).
		wantError(t, 429, 429, "You have exceeded the daily rate limit (2) of user invite requests permitted for this account. You may resume these requests at GMT 00:00:00.")
	e.advance(24 * time.Hour)
	e.createUser("create", "i3@b.co", 1)
}

func TestGetUser(t *testing.T) {
	e := newEnv(t, nil)
	me := e.call(http.MethodGet, "/v2/users/me", nil).json(t)
	if me["role_id"] != "0" || me["role_name"] != "Owner" || me["type"] != float64(2) || me["email"] != "owner@sandbox.zoom.test" ||
		me["status"] != "active" || me["cluster"] != "us06" {
		t.Fatalf("owner %v", me)
	}
	id := me["id"].(string)
	if !userIDRE.MatchString(id) {
		t.Errorf("owner id %q", id)
	}
	if got := e.call(http.MethodGet, "/v2/users/OWNER@sandbox.zoom.test", nil).json(t)["id"]; got != id {
		t.Errorf("by e-mail: %v", got)
	}
	e.call(http.MethodGet, "/v2/users/nobody@example.com", nil).wantError(t, 404, 1001, "User does not exist: nobody@example.com.")
	e.call(http.MethodGet, "/v2/users/AAAAAAAAAAAAAAAAAAAAAA", nil).wantError(t, 404, 1001, "User does not exist: AAAAAAAAAAAAAAAAAAAAAA.")

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.MeMapsToOwner = false })
	e.call(http.MethodGet, "/v2/users/me", nil).wantError(t, 404, 1001, "User does not exist: me.")
}

func TestUpdateUser(t *testing.T) {
	e := newEnv(t, nil)
	id := e.createUser("autoCreate", "u@example.com", 1)
	path := "/v2/users/" + id
	e.call(http.MethodPatch, path, map[string]any{
		"first_name": "Ann", "job_title": "Eng", "pmi": 1234567890, "use_pmi": true,
		"phone_numbers":   []any{map[string]any{"code": "+1", "country": "US", "label": "Mobile", "number": "5550100"}},
		"pronouns_option": 2, "host_key": "123456", "vanity_name": "ann.room", "timezone": "Europe/Paris",
		"email": "ignored@example.com", "status": "inactive",
	}).wantStatus(t, http.StatusNoContent)
	m := e.call(http.MethodGet, path, nil).json(t)
	if m["first_name"] != "Ann" || m["last_name"] != "Last" || m["job_title"] != "Eng" || m["pmi"] != float64(1234567890) ||
		m["use_pmi"] != true || m["pronouns_option"] != float64(2) || m["timezone"] != "Europe/Paris" ||
		m["email"] != "u@example.com" || m["status"] != "active" || m["vanity_url"] != "https://us06web.zoom.us/my/ann.room" ||
		m["personal_meeting_url"] != "https://us06web.zoom.us/j/1234567890" {
		t.Fatalf("after patch %v", m)
	}
	if m["display_name"] != "First Last" {
		t.Errorf("display_name changed without being sent: %v", m["display_name"])
	}
	e.call(http.MethodPatch, path, `{"display_name":""}`).wantStatus(t, 204)
	if dn := e.call(http.MethodGet, path, nil).json(t)["display_name"]; dn != "Ann Last" {
		t.Errorf("display_name rebuilt = %v", dn)
	}
	// host_key is only listed with include_fields=host_key.
	list := e.call(http.MethodGet, "/v2/users?include_fields=host_key", nil).json(t)
	found := false
	for _, it := range list["users"].([]any) {
		if u := it.(map[string]any); u["id"] == id {
			found = u["host_key"] == "123456"
		}
	}
	if !found {
		t.Errorf("host_key not listed: %v", list)
	}

	bad := []struct {
		body  string
		code  int
		field string
		msg   string
	}{
		{`{"first_name":"` + strings.Repeat("x", 65) + `"}`, 300, "first_name", ""},
		{`{"pmi":123}`, 300, "pmi", ""},
		{`{"pmi":"1234567890"}`, 300, "pmi", ""},
		{`{"host_key":"12ab56"}`, 300, "host_key", ""},
		{`{"pronouns_option":4}`, 300, "pronouns_option", ""},
		{`{"phone_numbers":[{"label":"Pager"}]}`, 300, "phone_numbers[0].label", ""},
		{`{"phone_numbers":[{},{},{},{}]}`, 300, "phone_numbers", ""},
		{`{"type":3}`, 300, "type", ""},
		{`{"location":"` + strings.Repeat("x", 257) + `"}`, 300, "location", ""},
		{`{"type":2,"zoom_one_type":16}`, 300, "", "You can't change the \"type\" or \"plan_united_type\" or \"zoom_one_type\" at the same time."},
		{`{"about_me":"see https://x.y"}`, 300, "", "The `about_me` field is illegal and can't contain hyperlinks or HTML code."},
		{`{"linkedin_url":"https://example.com/me"}`, 300, "", "The `linkedin_url` field is illegal. The URL must contain `linkedin.com`."},
		{`{"plan_united_type":"5"}`, 300, "", "The value provided for \"plan_united_type\" parameter is invalid. Try again with a valid value."},
		{`not json`, 300, "", "Request Body should be a valid JSON object."},
	}
	for _, tc := range bad {
		r := e.call(http.MethodPatch, path, tc.body)
		if tc.field != "" {
			r.wantError(t, 400, 300, "Validation Failed.")
			if !strings.Contains(string(r.body), `"field":"`+tc.field+`"`) {
				t.Errorf("%s: errors %s", tc.body, r.body)
			}
			continue
		}
		r.wantError(t, 400, tc.code, tc.msg)
	}
	// Vanity names are unique.
	other := e.createUser("autoCreate", "v@example.com", 1)
	e.call(http.MethodPatch, "/v2/users/"+other, `{"vanity_name":"ANN.room"}`).wantError(t, 400, 4100, "")
	e.call(http.MethodPatch, "/v2/users/nobody@x.co", `{}`).wantError(t, 404, 1001, "User does not exist: nobody@x.co.")
	// zoom_one_type uses exact 64-bit powers of two.
	e.call(http.MethodPatch, path, `{"zoom_one_type":72057594037927936}`).wantStatus(t, 204)
	if v := string(e.call(http.MethodGet, path, nil).body); !strings.Contains(v, `"zoom_one_type":72057594037927936`) {
		t.Errorf("zoom_one_type lost precision: %s", v)
	}
}

func TestUserStatusEmailDelete(t *testing.T) {
	e := newEnv(t, nil)
	id := e.createUser("autoCreate", "s@example.com", 1)
	pending := e.createUser("create", "p@example.com", 1)
	ownerID := e.call(http.MethodGet, "/v2/users/me", nil).json(t)["id"].(string)

	// userStatus documents 200; the knob keeps 204.
	e.call(http.MethodPut, "/v2/users/"+id+"/status", `{"action":"deactivate"}`).wantStatus(t, 200)
	if st := e.call(http.MethodGet, "/v2/users/"+id, nil).json(t)["status"]; st != "inactive" {
		t.Errorf("status %v", st)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.UserStatusSuccessCode = 204 })
	e.call(http.MethodPut, "/v2/users/"+id+"/status", `{"action":"activate"}`).wantStatus(t, 204)
	if st := e.call(http.MethodGet, "/v2/users/"+id, nil).json(t)["status"]; st != "active" {
		t.Errorf("status %v", st)
	}
	e.s.UpdateProfile(func(p *sandbox.Profile) { p.UserStatusSuccessCode = 200 })
	e.call(http.MethodPut, "/v2/users/"+id+"/status", `{"action":"pause"}`).wantError(t, 400, 300, "Validation Failed.")
	e.call(http.MethodPut, "/v2/users/"+pending+"/status", `{"action":"activate"}`).wantError(t, 400, 300, "Pending users cannot be activated or deactivated: "+pending+".")
	e.call(http.MethodPut, "/v2/users/me/status", `{"action":"deactivate"}`).wantError(t, 400, 200, "Zoom Room and Admin users' status cannot be activated or deactivated.")

	// E-mail changes: duplicates, then at most 3 per 24 hours.
	e.call(http.MethodPut, "/v2/users/"+id+"/email", `{"email":"P@example.com"}`).wantError(t, 409, 1005, `Email "P@example.com" has already been used.`)
	e.call(http.MethodPut, "/v2/users/"+id+"/email", `{"email":"bad"}`).wantError(t, 400, 300, "Validation Failed.")
	for i := 1; i <= 3; i++ {
		e.call(http.MethodPut, "/v2/users/"+id+"/email", fmt.Sprintf(`{"email":"s%d@example.com"}`, i)).wantStatus(t, 204)
	}
	e.call(http.MethodPut, "/v2/users/"+id+"/email", `{"email":"s4@example.com"}`).
		wantError(t, 429, 429, "A user's email address can be changed up to 3 times in any 24 hour period.")
	e.advance(24*time.Hour + time.Second)
	e.call(http.MethodPut, "/v2/users/"+id+"/email", `{"email":"s4@example.com"}`).wantStatus(t, 204)
	if got := e.call(http.MethodGet, "/v2/users/s4@example.com", nil).json(t)["id"]; got != id {
		t.Errorf("lookup by new e-mail: %v", got)
	}
	e.call(http.MethodGet, "/v2/users/s@example.com", nil).wantError(t, 404, 1001, "")

	// GET /users/email.
	check := func(email string, want bool) {
		t.Helper()
		r := e.call(http.MethodGet, "/v2/users/email?email="+url.QueryEscape(email), nil)
		r.wantStatus(t, 200)
		if got := r.json(t)["existed_email"]; got != want {
			t.Errorf("existed_email(%s) = %v", email, got)
		}
	}
	check("S4@example.com", true)
	check("none@example.com", false)
	e.call(http.MethodGet, "/v2/users/email", nil).wantError(t, 400, 300, "Email is required.")

	// DELETE.
	e.call(http.MethodDelete, "/v2/users/"+pending+"?action=delete", nil).wantError(t, 400, 300, "")
	e.call(http.MethodDelete, "/v2/users/"+id+"?action=remove", nil).wantError(t, 400, 300, "Validation Failed.")
	e.call(http.MethodDelete, "/v2/users/"+id+"?transfer_email=s4@example.com", nil).
		wantError(t, 400, 300, "The transfer-to email address cannot be the same as the unlinked or deleted user's email address.")
	e.call(http.MethodDelete, "/v2/users/"+id+"?transfer_email=ghost@example.com&transfer_meeting=true", nil).wantError(t, 404, 1001, "User does not exist: ghost@example.com.")
	e.call(http.MethodDelete, "/v2/users/"+ownerID, nil).wantError(t, 400, 1117, "You can not disassociate an Admin user.")
	e.call(http.MethodDelete, "/v2/users/"+pending, nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/users/"+id+"?action=delete&transfer_email=owner@sandbox.zoom.test&transfer_meeting=true", nil).wantStatus(t, 204)
	e.call(http.MethodGet, "/v2/users/"+id, nil).wantError(t, 404, 1001, "User does not exist: "+id+".")
	e.call(http.MethodDelete, "/v2/users/"+id, nil).wantError(t, 404, 1001, "")
	// The e-mail can be reused.
	e.createUser("autoCreate", "s4@example.com", 1)
}

func TestListUsersPagination(t *testing.T) {
	e := newEnv(t, nil)
	for i := 0; i < 74; i++ {
		e.createUser("autoCreate", fmt.Sprintf("user%02d@example.com", i), 1)
	}
	pendingID := e.createUser("create", "pending@example.com", 1)

	seen := map[string]bool{}
	token := ""
	for page := 1; ; page++ {
		q := "/v2/users?page_size=30"
		if token != "" {
			q += "&next_page_token=" + url.QueryEscape(token)
		}
		m := e.call(http.MethodGet, q, nil).json(t)
		if m["total_records"] != float64(75) || m["page_count"] != float64(3) || m["page_size"] != float64(30) || m["page_number"] != float64(page) {
			t.Fatalf("page %d envelope %v", page, m)
		}
		for _, it := range m["users"].([]any) {
			id := it.(map[string]any)["id"].(string)
			if seen[id] {
				t.Fatalf("duplicate %s", id)
			}
			seen[id] = true
		}
		token = m["next_page_token"].(string)
		if token == "" {
			if page != 3 {
				t.Fatalf("ended on page %d", page)
			}
			break
		}
		if len(token) < 20 {
			t.Errorf("token %q not opaque enough", token)
		}
	}
	if len(seen) != 75 || seen[pendingID] {
		t.Fatalf("saw %d users", len(seen))
	}

	// Pending users are listed only with status=pending, without id.
	m := e.call(http.MethodGet, "/v2/users?status=pending", nil).json(t)
	users := m["users"].([]any)
	if len(users) != 1 {
		t.Fatalf("pending list %v", m)
	}
	if _, has := users[0].(map[string]any)["id"]; has {
		t.Error("pending user listed with id")
	}
	// role_id filter.
	if m := e.call(http.MethodGet, "/v2/users?role_id=0", nil).json(t); m["total_records"] != float64(1) {
		t.Errorf("role filter %v", m["total_records"])
	}
	// page_size clamps to 2000; default 30.
	if m := e.call(http.MethodGet, "/v2/users?page_size=5000", nil).json(t); m["page_size"] != float64(2000) || m["next_page_token"] != "" {
		t.Errorf("clamp %v %v", m["page_size"], m["next_page_token"])
	}
	if m := e.call(http.MethodGet, "/v2/users", nil).json(t); m["page_size"] != float64(30) {
		t.Errorf("default page_size %v", m["page_size"])
	}
	e.call(http.MethodGet, "/v2/users?status=gone", nil).wantError(t, 400, 300, "Validation Failed.")

	// Tokens expire after 15 minutes of sandbox time; unknown tokens fail too.
	tok := e.call(http.MethodGet, "/v2/users?page_size=10", nil).json(t)["next_page_token"].(string)
	e.call(http.MethodGet, "/v2/users?page_size=10&next_page_token="+tok, nil).wantStatus(t, 200)
	e.advance(16 * time.Minute)
	e.call(http.MethodGet, "/v2/users?page_size=10&next_page_token="+tok, nil).wantError(t, 400, 300, "The next page token is invalid or expired.")
	e.call(http.MethodGet, "/v2/users?next_page_token=bogus", nil).wantError(t, 400, 300, "The next page token is invalid or expired.")
}

// TestDeleteUserDisassociateRefused: userDelete refuses to disassociate an API user (code 300) and a
// managed-domain user (code 1107); both can be deleted.
func TestDeleteUserDisassociateRefused(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.CustCreateAllowed = true })
	api := e.createUser("custCreate", "api@example.com", 2)
	managed := e.createUser("autoCreate", "managed@example.com", 2)
	invited := e.createUser("create", "invited@example.com", 1)
	for _, q := range []string{"", "?action=disassociate"} {
		e.call(http.MethodDelete, "/v2/users/"+api+q, nil).wantError(t, 400, 300, "Unable to unlink API user(s).")
		e.call(http.MethodDelete, "/v2/users/"+managed+q, nil).wantError(t, 400, 1107, "You can not disassociate a user with managed domain.")
	}
	e.call(http.MethodDelete, "/v2/users/"+api+"?action=delete", nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/users/"+managed+"?action=delete", nil).wantStatus(t, 204)
	e.call(http.MethodDelete, "/v2/users/"+invited, nil).wantStatus(t, 204)
}

// TestPendingUserProfileUpdates: a pending user's PATCH answers 204 and changes nothing (knob on, the default)
// until the invitation is accepted; with the knob off it applies.
func TestPendingUserProfileUpdates(t *testing.T) {
	e := newEnv(t, nil)
	pending := e.createUser("create", "pend@example.com", 1)
	path := "/v2/users/" + pending
	e.call(http.MethodPatch, path, `{"dept":"Eng","type":2}`).wantStatus(t, 204)
	if m := e.call(http.MethodGet, path, nil).json(t); m["dept"] != "" || m["type"] != float64(1) || m["status"] != "pending" {
		t.Errorf("pending user changed: dept %v type %v status %v", m["dept"], m["type"], m["status"])
	}
	// Validation still applies, and group_id (documented for pending users) takes effect.
	e.call(http.MethodPatch, path, `{"type":3}`).wantError(t, 400, 300, "Validation Failed.")
	grp := e.createGroup("Pending")
	e.call(http.MethodPatch, path, `{"group_id":"nope"}`).wantError(t, 404, 4130, "A group with this nope does not exist.")
	e.call(http.MethodPatch, path, `{"group_id":"`+grp+`","job_title":"X"}`).wantStatus(t, 204)
	if m := e.call(http.MethodGet, path, nil).json(t); m["job_title"] != "" || fmt.Sprint(m["group_ids"]) != "["+grp+"]" {
		t.Errorf("pending user: job_title %v group_ids %v", m["job_title"], m["group_ids"])
	}

	e.admin(http.MethodPost, "/users/nobody@example.com/accept", nil).wantStatus(t, 404)
	e.admin(http.MethodGet, "/users/"+pending+"/accept", nil).wantStatus(t, 405)
	e.admin(http.MethodPost, "/users/pend@example.com/accept", nil).wantStatus(t, 200)
	e.admin(http.MethodPost, "/users/"+pending+"/accept", nil).wantStatus(t, 400)
	if m := e.call(http.MethodGet, path, nil).json(t); m["status"] != "active" || m["verified"] != float64(1) {
		t.Errorf("accepted user: status %v verified %v", m["status"], m["verified"])
	}
	e.call(http.MethodPatch, path, `{"dept":"Eng"}`).wantStatus(t, 204)
	if d := e.call(http.MethodGet, path, nil).json(t)["dept"]; d != "Eng" {
		t.Errorf("dept after accept %v", d)
	}

	e.s.UpdateProfile(func(p *sandbox.Profile) { p.PendingUsersIgnoreProfileUpdates = false })
	other := e.createUser("create", "pend2@example.com", 1)
	e.call(http.MethodPatch, "/v2/users/"+other, `{"dept":"Ops"}`).wantStatus(t, 204)
	if d := e.call(http.MethodGet, "/v2/users/"+other, nil).json(t)["dept"]; d != "Ops" {
		t.Errorf("knob off: dept %v", d)
	}
}

// TestUserNormalisationKnobs: user_email_case and phone_number_format change how e-mails and phone numbers are
// stored; by default they are stored as sent.
func TestUserNormalisationKnobs(t *testing.T) {
	phones := `{"phone_numbers":[{"code":"+44","country":"GB","label":"Office","number":"(20) 7123-4567"}],"manager":"Boss@Example.com"}`
	for _, tc := range []struct {
		email, phone string
		wantEmail    string
		wantNumber   string
	}{
		{"", "", "Mixed.Case@Example.COM", "(20) 7123-4567"},
		{sandbox.UserEmailLower, sandbox.PhoneFormatDigits, "mixed.case@example.com", "2071234567"},
		{sandbox.UserEmailPreserve, sandbox.PhoneFormatInternational, "Mixed.Case@Example.COM", "+44 2071234567"},
	} {
		e := newEnv(t, func(p *sandbox.Profile) {
			if tc.email != "" {
				p.UserEmailCase, p.PhoneNumberFormat = tc.email, tc.phone
			}
		})
		r := e.call(http.MethodPost, "/v2/users", map[string]any{"action": "autoCreate", "user_info": map[string]any{
			"email": "Mixed.Case@Example.COM", "type": 1, "password": "Secr3tPassw0rd"}})
		r.wantStatus(t, http.StatusCreated)
		created := r.json(t)
		if created["email"] != tc.wantEmail {
			t.Errorf("%+v: create answered email %v", tc, created["email"])
		}
		id := created["id"].(string)
		e.call(http.MethodPatch, "/v2/users/"+id, phones).wantStatus(t, 204)
		m := e.call(http.MethodGet, "/v2/users/"+id, nil).json(t)
		number := m["phone_numbers"].([]any)[0].(map[string]any)["number"]
		wantManager := "Boss@Example.com"
		if tc.email == sandbox.UserEmailLower {
			wantManager = "boss@example.com"
		}
		if m["email"] != tc.wantEmail || number != tc.wantNumber || m["manager"] != wantManager {
			t.Errorf("%+v: stored email %v number %v manager %v", tc, m["email"], number, m["manager"])
		}
		e.call(http.MethodPut, "/v2/users/"+id+"/email", `{"email":"Other.Case@Example.COM"}`).wantStatus(t, 204)
		wantChanged := "Other.Case@Example.COM"
		if tc.email == sandbox.UserEmailLower {
			wantChanged = "other.case@example.com"
		}
		if got := e.call(http.MethodGet, "/v2/users/"+id, nil).json(t)["email"]; got != wantChanged {
			t.Errorf("%+v: changed email %v", tc, got)
		}
	}
	e := newEnv(t, nil)
	e.admin(http.MethodPut, "/profile", `{"phone_number_format":"pretty"}`).wantStatus(t, 400)
	e.admin(http.MethodPut, "/profile", `{"user_email_case":"upper"}`).wantStatus(t, 400)
}
