package client

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
)

// TestReauthOnDocumentedBadRequest124 covers the answer the users operation documents for an expired or invalid
// token: HTTP 400 with code 124 (Zoom usually says 401). Either way the client fetches a new token and retries once.
func TestReauthOnDocumentedBadRequest124(t *testing.T) {
	ts := newTestServer(t)
	var calls atomic.Int64
	ts.handle("GET /users", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			writeZoomError(w, 400, 124, "Invalid access token.")
			return
		}
		writeJSON(w, 200, map[string]any{"users": []any{}, "next_page_token": ""})
	})
	c, _ := newTestClient(t, ts, nil)
	if _, err := c.Users.List(context.Background(), nil); err != nil {
		t.Fatalf("List: %v", err)
	}
	if calls.Load() != 2 || ts.tokenRequests.Load() != 2 {
		t.Fatalf("calls = %d, token requests = %d; want 2, 2", calls.Load(), ts.tokenRequests.Load())
	}
}
