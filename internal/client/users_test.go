package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// captured is one request as the server saw it.
type captured struct {
	method, path, rawQuery string
	body                   map[string]any
	rawBody                string
}

// captureServer answers every /v2/ request with status/resp and records it.
func captureServer(t *testing.T, status int, resp string) (*Client, func() []captured) {
	t.Helper()
	ts := newTestServer(t)
	var mu sync.Mutex
	var reqs []captured
	ts.handle("/", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		c := captured{method: r.Method, path: r.URL.EscapedPath(), rawQuery: r.URL.RawQuery, rawBody: string(b)}
		if len(b) > 0 {
			if err := json.Unmarshal(b, &c.body); err != nil {
				t.Errorf("request body is not JSON: %q", b)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
		}
		mu.Lock()
		reqs = append(reqs, c)
		mu.Unlock()
		w.WriteHeader(status)
		_, _ = io.WriteString(w, resp)
	})
	c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.UserAgent = "test-agent" })
	return c, func() []captured {
		mu.Lock()
		defer mu.Unlock()
		return append([]captured(nil), reqs...)
	}
}

func jsonEqual(t *testing.T, got map[string]any, want string) {
	t.Helper()
	var w map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, w) {
		g, _ := json.Marshal(got)
		t.Fatalf("body = %s\nwant   %s", g, want)
	}
}

func TestUsersCreate(t *testing.T) {
	c, reqs := captureServer(t, 201, `{"id":"KDcuGIm1QgePTO8WbOqwIQ","first_name":"Jill","last_name":"Chill","email":"jchill@example.com","type":1}`)
	u, err := c.Users.Create(context.Background(), &CreateUserRequest{
		Action: UserActionCreate,
		UserInfo: CreateUserInfo{
			Email: "jchill@example.com", Type: UserTypeBasic, FirstName: "Jill", LastName: "Chill",
			Feature: &CreateUserFeature{ZoomPhone: Ptr(false)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != "KDcuGIm1QgePTO8WbOqwIQ" || u.Email != "jchill@example.com" || u.Type != 1 {
		t.Fatalf("user = %+v", u)
	}
	r := reqs()[0]
	if r.method != "POST" || r.path != "/v2/users" || r.rawQuery != "" {
		t.Fatalf("request = %s %s?%s", r.method, r.path, r.rawQuery)
	}
	jsonEqual(t, r.body, `{"action":"create","user_info":{"email":"jchill@example.com","type":1,"first_name":"Jill","last_name":"Chill","feature":{"zoom_phone":false}}}`)
	if _, err := c.Users.Create(context.Background(), nil); err == nil {
		t.Fatal("nil request accepted")
	}
}

func TestUsersGet(t *testing.T) {
	full := `{"id":"u1","account_id":"acc","account_number":123456789,"cluster":"us05","cms_user_id":"k","company":"Co",
	"cost_center":"cc","created_at":"2026-01-01T00:00:00Z","custom_attributes":[{"key":"k1","name":"n1","value":"v1"}],
	"dept":"Eng","display_name":"Jill Chill","division_ids":["d1"],"email":"a+b@example.com","employee_unique_id":"e1",
	"first_name":"Jill","group_ids":["g1"],"host_key":"123456","im_group_ids":["i1"],"jid":"x@xmpp.zoom.us","job_title":"Dev",
	"language":"en-US","last_client_version":"5.0","last_login_time":"2026-01-02T00:00:00Z","last_name":"Chill",
	"license_info_list":[{"license_option":72057594037927936,"license_type":"ZOOM_WORKPLACE_BUNDLE","subscription_id":"s1"}],
	"location":"Here","login_types":[100,101],"manager":"m@example.com","personal_meeting_url":"https://zoom.us/j/1234567890",
	"phone_country":"US","phone_number":"+1 555","phone_numbers":[{"code":"+1","country":"US","label":"Mobile","number":"555","verified":true}],
	"pic_url":"https://x/pic","plan_united_type":"1","pmi":1234567890,"pronouns":"she","pronouns_option":2,"role_id":"2",
	"role_name":"Member","status":"active","timezone":"Europe/Berlin","type":2,"use_pmi":true,
	"user_created_at":"2026-01-01T00:00:00Z","vanity_url":"https://x/my","verified":1,"zoom_one_type":576460752303423488}`
	c, reqs := captureServer(t, 200, full)
	u, err := c.Users.Get(context.Background(), "a+b@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if r := reqs()[0]; r.method != "GET" || r.path != "/v2/users/a+b@example.com" {
		t.Fatalf("request = %s %s", r.method, r.path)
	}
	if u.PMI != 1234567890 || u.ZoomOneType != 576460752303423488 || u.LicenseInfoList[0].LicenseOption != 72057594037927936 ||
		u.PhoneNumbers[0].Verified == nil || !*u.PhoneNumbers[0].Verified || !u.UsePMI || u.Verified != 1 || u.PronounsOption != 2 ||
		u.CustomAttributes[0].Value != "v1" || u.LoginTypes[1] != 101 || u.AccountNumber != 123456789 || u.HostKey != "123456" {
		t.Fatalf("decoded user = %+v", u)
	}
	// Every field of the sample was decoded: re-encoding gives the same JSON.
	var a, b map[string]any
	_ = json.Unmarshal([]byte(full), &a)
	enc, _ := json.Marshal(u)
	_ = json.Unmarshal(enc, &b)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("round trip lost fields:\n%s", enc)
	}

	// IDs are path-escaped; traversal and empty IDs are refused.
	if _, err := c.Users.Get(context.Background(), "a/b c"); err != nil {
		t.Fatal(err)
	}
	if r := reqs()[1]; r.path != "/v2/users/a%2Fb%20c" {
		t.Fatalf("escaped path = %s", r.path)
	}
	for _, bad := range []string{"", " ", "..", "."} {
		if _, err := c.Users.Get(context.Background(), bad); err == nil {
			t.Errorf("Get(%q) accepted", bad)
		}
	}
	if len(reqs()) != 2 {
		t.Fatal("an invalid ID reached the server")
	}
}

func TestUsersUpdate(t *testing.T) {
	c, reqs := captureServer(t, 204, "")
	err := c.Users.Update(context.Background(), "u1", &UpdateUserRequest{
		FirstName:    Ptr("Ann"),
		PMI:          Ptr(int64(1234567890)),
		UsePMI:       Ptr(false),
		PhoneNumbers: Ptr([]PhoneNumber{}),
		ZoomOneType:  Ptr(int64(0)),
		Feature:      &UpdateUserFeature{ZoomPhone: Ptr(true)},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := reqs()[0]
	if r.method != "PATCH" || r.path != "/v2/users/u1" {
		t.Fatalf("request = %s %s", r.method, r.path)
	}
	jsonEqual(t, r.body, `{"first_name":"Ann","pmi":1234567890,"use_pmi":false,"phone_numbers":[],"zoom_one_type":0,"feature":{"zoom_phone":true}}`)
	if err := c.Users.Update(context.Background(), "u1", &UpdateUserRequest{}); err != nil {
		t.Fatal(err)
	}
	if got := reqs()[1].rawBody; got != "{}" {
		t.Fatalf("empty update sent %q", got)
	}
	if err := c.Users.Update(context.Background(), "u1", nil); err == nil {
		t.Fatal("nil request accepted")
	}
}

func TestUsersUpdateEmailAndStatus(t *testing.T) {
	c, reqs := captureServer(t, 200, "{}")
	if err := c.Users.UpdateEmail(context.Background(), "u1", "new@example.com"); err != nil {
		t.Fatal(err)
	}
	if err := c.Users.UpdateStatus(context.Background(), "u1", UserStatusActionDeactivate); err != nil {
		t.Fatal(err)
	}
	rs := reqs()
	if rs[0].method != "PUT" || rs[0].path != "/v2/users/u1/email" {
		t.Fatalf("email request = %s %s", rs[0].method, rs[0].path)
	}
	jsonEqual(t, rs[0].body, `{"email":"new@example.com"}`)
	if rs[1].method != "PUT" || rs[1].path != "/v2/users/u1/status" {
		t.Fatalf("status request = %s %s", rs[1].method, rs[1].path)
	}
	jsonEqual(t, rs[1].body, `{"action":"deactivate"}`)
}

func TestUsersDelete(t *testing.T) {
	c, reqs := captureServer(t, 204, "")
	if err := c.Users.Delete(context.Background(), "u1", nil); err != nil {
		t.Fatal(err)
	}
	err := c.Users.Delete(context.Background(), "u@example.com", &DeleteUserOptions{
		Action: UserDeleteActionDelete, TransferEmail: "t@example.com", TransferMeeting: Ptr(true), TransferRecording: Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	rs := reqs()
	if rs[0].method != "DELETE" || rs[0].path != "/v2/users/u1" || rs[0].rawQuery != "" {
		t.Fatalf("request 1 = %s %s?%s", rs[0].method, rs[0].path, rs[0].rawQuery)
	}
	if rs[1].path != "/v2/users/u@example.com" || rs[1].rawQuery != "action=delete&transfer_email=t%40example.com&transfer_meeting=true&transfer_recording=false" {
		t.Fatalf("request 2 = %s?%s", rs[1].path, rs[1].rawQuery)
	}
}

func TestUsersEmailExists(t *testing.T) {
	c, reqs := captureServer(t, 200, `{"existed_email":true}`)
	ok, err := c.Users.EmailExists(context.Background(), "a+b@example.com")
	if err != nil || !ok {
		t.Fatalf("EmailExists = %v, %v", ok, err)
	}
	if r := reqs()[0]; r.method != "GET" || r.path != "/v2/users/email" || r.rawQuery != "email=a%2Bb%40example.com" {
		t.Fatalf("request = %s %s?%s", r.method, r.path, r.rawQuery)
	}
	if _, err := c.Users.EmailExists(context.Background(), ""); err == nil {
		t.Fatal("empty e-mail accepted")
	}
}

func TestUsersCategories(t *testing.T) {
	c, _ := captureServer(t, 200, `{"users":[],"next_page_token":"","existed_email":false,"id":"x"}`)
	ctx := context.Background()
	_, _ = c.Users.Get(ctx, "u1")
	_, _ = c.Users.EmailExists(ctx, "a@b.c")
	_, _ = c.Users.List(ctx, nil)
	st := c.Stats()
	if st.Requests[CategoryLight] != 2 || st.Requests[CategoryMedium] != 1 || st.TotalRequests != 3 {
		t.Fatalf("stats = %+v", st)
	}
}

// TestUserStructsCoverSpec checks the structs against the users OpenAPI
// document (the committed spec extract): every documented field has a json tag, and no tag is invented.
func TestUserStructsCoverSpec(t *testing.T) {
	spec := zoomspec.MustLoad()
	response := func(path string) map[string]any { return spec.Op("GET", path).ResponseSchema(200) }
	request := func(path, method string) map[string]any { return spec.Op(method, path).RequestBody }

	get := specFields(response("/users/{userId}"), "")
	list := specFields(response("/users")["properties"].(map[string]any)["users"].(map[string]any)["items"].(map[string]any), "")
	userSpec := union(get, list)
	compareFields(t, "User", userSpec, structFields(reflect.TypeFor[User](), ""))

	post := specFields(request("/users", "POST"), "")
	compareFields(t, "CreateUserRequest", post, structFields(reflect.TypeFor[CreateUserRequest](), ""))

	patch := specFields(request("/users/{userId}", "PATCH"), "")
	gotPatch := structFields(reflect.TypeFor[UpdateUserRequest](), "")
	delete(gotPatch, "phone_numbers[].verified") // response-only member of the shared PhoneNumber type
	compareFields(t, "UpdateUserRequest", patch, gotPatch)
}

func specFields(schema map[string]any, prefix string) map[string]bool {
	out := map[string]bool{}
	if all, ok := schema["allOf"].([]any); ok {
		for _, s := range all {
			for k := range specFields(s.(map[string]any), prefix) {
				out[k] = true
			}
		}
	}
	props, _ := schema["properties"].(map[string]any)
	for name, p := range props {
		pm := p.(map[string]any)
		key := prefix + name
		out[key] = true
		switch pm["type"] {
		case "object":
			for k := range specFields(pm, key+".") {
				out[k] = true
			}
		case "array":
			if items, ok := pm["items"].(map[string]any); ok && items["type"] == "object" {
				for k := range specFields(items, key+"[].") {
					out[k] = true
				}
			}
		}
	}
	return out
}

func structFields(typ reflect.Type, prefix string) map[string]bool {
	out := map[string]bool{}
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		key := prefix + name
		out[key] = true
		ft := f.Type
		isSlice := false
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			isSlice = isSlice || ft.Kind() == reflect.Slice
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct {
			sub := key + "."
			if isSlice {
				sub = key + "[]."
			}
			for k := range structFields(ft, sub) {
				out[k] = true
			}
		}
	}
	return out
}

func union(a, b map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func compareFields(t *testing.T, name string, spec, got map[string]bool) {
	t.Helper()
	var missing, extra []string
	for k := range spec {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if !spec[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("%s vs spec: missing %v, not in spec %v", name, missing, extra)
	}
}
