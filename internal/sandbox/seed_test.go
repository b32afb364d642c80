package sandbox_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestSeedUsersListsEveryPage(t *testing.T) {
	e := newEnv(t, func(p *sandbox.Profile) { p.RateLimitsEnabled = true })
	e.s.ClearRequests()
	res, err := e.s.SeedUsers(sandbox.UserSeed{Count: 4500})
	if err != nil {
		t.Fatalf("SeedUsers: %v", err)
	}
	if res.Created != 4500 || res.Users != 4501 || res.FirstEmail != "seed-user-0001@seed.zoom.test" || res.LastEmail != "seed-user-4500@seed.zoom.test" {
		t.Fatalf("result = %+v", res)
	}
	if n := e.s.RequestStats().Total; n != 0 {
		t.Fatalf("seeding logged %d requests, want 0", n)
	}

	// GET /users with the maximum page size: 4,501 users are three pages, and every seeded user is active,
	// with a unique id and PMI.
	ids, pmis, emails := map[string]bool{}, map[float64]bool{}, map[string]bool{}
	path := "/v2/users?page_size=2000"
	pages := 0
	for {
		r := e.call(http.MethodGet, path, nil)
		r.wantStatus(t, http.StatusOK)
		pages++
		var page struct {
			TotalRecords  int              `json:"total_records"`
			NextPageToken string           `json:"next_page_token"`
			Users         []map[string]any `json:"users"`
		}
		mustJSON(t, r.body, &page)
		if page.TotalRecords != 4501 {
			t.Fatalf("total_records = %d, want 4501", page.TotalRecords)
		}
		for _, u := range page.Users {
			if seeded := strings.HasPrefix(u["email"].(string), "seed-user-"); seeded && (u["status"] != "active" || u["type"] != float64(1)) {
				t.Fatalf("seeded user %v: want an active Basic user", u)
			}
			ids[u["id"].(string)] = true
			pmis[u["pmi"].(float64)] = true
			emails[u["email"].(string)] = true
		}
		if page.NextPageToken == "" {
			break
		}
		path = "/v2/users?page_size=2000&next_page_token=" + page.NextPageToken
	}
	if pages != 3 || len(ids) != 4501 || len(pmis) != 4501 || len(emails) != 4501 {
		t.Fatalf("pages %d, distinct ids %d, pmis %d, emails %d; want 3 and 4501 each", pages, len(ids), len(pmis), len(emails))
	}

	// A seeded user behaves like any other: it can be read by e-mail and deleted.
	r := e.call(http.MethodGet, "/v2/users/seed-user-0042@seed.zoom.test", nil)
	r.wantStatus(t, http.StatusOK)
	if got := r.json(t)["last_name"]; got != "User 42" {
		t.Fatalf("last_name = %v", got)
	}
	id := r.json(t)["id"].(string)
	e.call(http.MethodDelete, "/v2/users/"+id+"?action=delete", nil).wantStatus(t, http.StatusNoContent)
}

func TestSeedUsersAdminRoute(t *testing.T) {
	e := newEnv(t, nil)
	r := e.admin(http.MethodPost, "/seed/users", map[string]any{
		"count": 3, "prefix": "p-", "domain": "example.com", "start": 8, "type": 2, "status": "pending",
	})
	r.wantStatus(t, http.StatusCreated)
	var res sandbox.SeedResult
	mustJSON(t, r.body, &res)
	if res.Created != 3 || res.Users != 4 || res.FirstEmail != "p-08@example.com" || res.LastEmail != "p-10@example.com" {
		t.Fatalf("result = %+v", res)
	}
	r = e.call(http.MethodGet, "/v2/users?status=pending", nil)
	r.wantStatus(t, http.StatusOK)
	if got := r.json(t)["total_records"]; got != float64(3) {
		t.Fatalf("pending users = %v, want 3: %s", got, r.body)
	}

	for _, tc := range []struct {
		name string
		body any
		want string
	}{
		{"taken e-mail", map[string]any{"count": 2, "prefix": "p-", "domain": "example.com", "start": 9}, "p-09@example.com is already used"},
		{"no count", map[string]any{}, "count"},
		{"too many", map[string]any{"count": 100001}, "count"},
		{"bad type", map[string]any{"count": 1, "type": 3}, "type"},
		{"bad status", map[string]any{"count": 1, "status": "gone"}, "status"},
		{"bad e-mail", map[string]any{"count": 1, "domain": "no domain"}, "e-mail"},
		{"unknown field", map[string]any{"count": 1, "colour": "red"}, "unknown field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.admin(http.MethodPost, "/seed/users", tc.body)
			r.wantStatus(t, http.StatusBadRequest)
			if !strings.Contains(string(r.body), tc.want) {
				t.Fatalf("body %s does not mention %q", r.body, tc.want)
			}
		})
	}
	// A refused seed adds nothing (p-11@example.com of the refused "taken e-mail" seed does not exist).
	e.call(http.MethodGet, "/v2/users/p-11@example.com", nil).wantStatus(t, http.StatusNotFound)
	r = e.call(http.MethodGet, "/v2/users?status=active", nil)
	if got := r.json(t)["total_records"]; got != float64(1) {
		t.Fatalf("active users = %v, want only the owner", got)
	}
	e.admin(http.MethodGet, "/seed/users", nil).wantStatus(t, http.StatusMethodNotAllowed)
}
