package sandbox_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// truncated_after carries the request out and then loses the answer halfway: the client sees the success status
// and an error reading the body; the change is made.
func TestFaultTruncatedAfter(t *testing.T) {
	e := newEnv(t, nil)
	noKeepAlive := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	if err := e.s.AddFault(sandbox.Fault{Method: "POST", Path: `^/v2/users$`, Kind: sandbox.FaultTruncatedAfter}); err != nil {
		t.Fatal(err)
	}
	r, err := e.do(noKeepAlive, e.tok, http.MethodPost, "/v2/users", `{"action":"autoCreate","user_info":{"email":"cut@x.co","type":1,"password":"Secr3tPassw0rd"}}`)
	if err == nil || r.status != 201 {
		t.Fatalf("status %d, err %v: want 201 with a body cut short", r.status, err)
	}
	e.call(http.MethodGet, "/v2/users/cut@x.co", nil).wantStatus(t, 200)

	// An answer without a body (204) is cut short too.
	if err := e.s.AddFault(sandbox.Fault{Method: "PATCH", Path: `^/v2/users/`, Kind: sandbox.FaultTruncatedAfter}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.do(noKeepAlive, e.tok, http.MethodPatch, "/v2/users/cut@x.co", `{"first_name":"Cut"}`); err == nil {
		t.Fatal("PATCH: no error reading the cut answer")
	}
	if got := e.call(http.MethodGet, "/v2/users/cut@x.co", nil).json(t)["first_name"]; got != "Cut" {
		t.Fatalf("first_name = %v: the PATCH was not carried out", got)
	}

	// RetryAfterMS gives a Retry-After in fractional seconds.
	if err := e.s.AddFault(sandbox.Fault{Method: "GET", Path: `^/v2/users/me$`, Kind: sandbox.FaultRateLimit, RetryAfterMS: 50}); err != nil {
		t.Fatal(err)
	}
	if r := e.call(http.MethodGet, "/v2/users/me", nil); r.status != 429 || r.header.Get("Retry-After") != "0.05" {
		t.Fatalf("%d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
}
