package client

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"
)

func TestListUsersAcrossThreePages(t *testing.T) {
	ts := newTestServer(t)
	pages := map[string]struct {
		next  string
		users []string
	}{
		"":   {"p2", []string{"a", "b"}},
		"p2": {"p3", []string{"c", "d"}},
		"p3": {"", []string{"e"}},
	}
	var mu sync.Mutex
	var queries []url.Values
	ts.handle("GET /users", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		queries = append(queries, q)
		mu.Unlock()
		p, ok := pages[q.Get("next_page_token")]
		if !ok {
			writeZoomError(w, 400, 300, "The next page token is invalid or expired.")
			return
		}
		users := []map[string]any{}
		for _, id := range p.users {
			users = append(users, map[string]any{"id": id, "email": id + "@example.com", "status": "pending"})
		}
		writeJSON(w, 200, map[string]any{
			"next_page_token": p.next, "page_count": 3, "page_size": 2000, "total_records": 5, "users": users,
		})
	})
	c, _ := newTestClient(t, ts, nil)
	users, err := c.Users.List(context.Background(), &ListUsersOptions{Status: "pending", RoleID: "2", IncludeFields: "host_key"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	if !slices.Equal(ids, []string{"a", "b", "c", "d", "e"}) {
		t.Fatalf("ids = %v", ids)
	}
	if len(queries) != 3 {
		t.Fatalf("%d requests", len(queries))
	}
	for i, q := range queries {
		if q.Get("status") != "pending" || q.Get("role_id") != "2" || q.Get("include_fields") != "host_key" || q.Get("page_size") != "2000" {
			t.Errorf("page %d query = %v", i+1, q)
		}
		wantToken := []string{"", "p2", "p3"}[i]
		if q.Get("next_page_token") != wantToken || len(q) != 4+boolInt(wantToken != "") {
			t.Errorf("page %d query = %v", i+1, q)
		}
	}
	if got := c.Stats().Requests[CategoryMedium]; got != 3 {
		t.Fatalf("Medium requests = %d", got)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestPaginationStopsOnRepeatedTokenAndErrors(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("GET /loop", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"next_page_token": "same", "items": []int{1}})
	})
	ts.handle("GET /fail", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("next_page_token") == "" {
			writeJSON(w, 200, map[string]any{"next_page_token": "x", "items": []int{1}})
			return
		}
		writeZoomError(w, 400, 300, "The next page token is invalid or expired.")
	})
	ts.handle("GET /empty", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"total_records": 0})
	})
	c, _ := newTestClient(t, ts, nil)
	if _, err := listAll[int](context.Background(), c, "loop", nil, CategoryMedium, "items", 300); err == nil {
		t.Fatal("repeated token: no error")
	}
	if _, err := listAll[int](context.Background(), c, "fail", nil, CategoryMedium, "items", 300); err == nil {
		t.Fatal("failing page: no error")
	}
	got, err := listAll[int](context.Background(), c, "empty", nil, CategoryMedium, "items", 300)
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("empty list = %v, %v", got, err)
	}
	// The iterator stops early when the consumer does.
	n := 0
	for _, err := range paginate[int](context.Background(), c, "loop", nil, CategoryMedium, "items", 300) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		break
	}
	if n != 1 {
		t.Fatal("early break")
	}
}

// TestListWebinarsByPageNumber: the webinars list documents page_number (not next_page_token), so the client asks
// for page 1, 2, ... up to page_count, and stops with an error when the server answers another page than asked.
func TestListWebinarsByPageNumber(t *testing.T) {
	for _, ignoring := range []bool{false, true} {
		ts := newTestServer(t)
		var mu sync.Mutex
		var queries []url.Values
		ts.handle("GET /users/h1/webinars", func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.Query()
			mu.Lock()
			queries = append(queries, q)
			mu.Unlock()
			page := q.Get("page_number")
			if ignoring {
				page = "1"
			}
			items := map[string][]map[string]any{"1": {{"id": 1}, {"id": 2}}, "2": {{"id": 3}}}[page]
			n := map[string]int{"1": 1, "2": 2}[page]
			writeJSON(w, 200, map[string]any{"next_page_token": "", "page_count": 2, "page_number": n, "page_size": 300,
				"total_records": 3, "webinars": items})
		})
		c, _ := newTestClient(t, ts, nil)
		list, err := c.Webinars.List(context.Background(), "h1", &ListWebinarsOptions{Type: "upcoming"})
		if ignoring {
			if err == nil {
				t.Fatalf("a server ignoring page_number went unnoticed: %d webinars", len(list))
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, w := range list {
			ids = append(ids, w.ID)
		}
		if !slices.Equal(ids, []int64{1, 2, 3}) || len(queries) != 2 {
			t.Fatalf("ids = %v after %d requests", ids, len(queries))
		}
		for i, q := range queries {
			if q.Get("page_number") != []string{"1", "2"}[i] || q.Get("page_size") != "300" || q.Get("type") != "upcoming" || q.Has("next_page_token") {
				t.Errorf("request %d query = %v", i+1, q)
			}
		}
	}
}
