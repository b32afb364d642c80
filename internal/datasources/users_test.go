package datasources_test

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// usersScenarios filters an account's users by status and role. The account is its own ("users"): the checks
// count every user of it.
func usersScenarios(s *suite) {
	env := s.account("users")
	active, invited := env.RandomEmail(), env.RandomEmail()
	s.apply("users", fmt.Sprintf(`
resource "zoom_user" "active" {
  email  = %q
  action = "autoCreate"
  type   = 1
}

resource "zoom_user" "invited" {
  email = %q
  type  = 1
}

data "zoom_users" "pending" {
  status     = "pending"
  depends_on = [zoom_user.active, zoom_user.invited]
}

data "zoom_users" "active" {
  depends_on = [zoom_user.active, zoom_user.invited]
}

data "zoom_users" "members" {
  role_id    = "2"
  depends_on = [zoom_user.active, zoom_user.invited]
}
`, active, invited),
		statecheck.ExpectKnownValue("data.zoom_users.pending", tfjsonpath.New("emails"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(invited)})),
		// Zoom lists pending users without their IDs.
		statecheck.ExpectKnownValue("data.zoom_users.pending", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.zoom_users.pending", tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("status"), knownvalue.StringExact("pending")),
		// The owner and the autoCreate user are active; the invited one is not.
		statecheck.ExpectKnownValue("data.zoom_users.active", tfjsonpath.New("emails"), knownvalue.SetPartial([]knownvalue.Check{knownvalue.StringExact(active)})),
		statecheck.ExpectKnownValue("data.zoom_users.active", tfjsonpath.New("users"), knownvalue.ListSizeExact(2)),
		// Only the owner has role 0, so the member filter leaves it out.
		statecheck.ExpectKnownValue("data.zoom_users.members", tfjsonpath.New("emails"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(active)})),
	)
}

// usersPagination reads a 4,001-user account: it must cost ceil(4001/2000) = 3 list requests per read (two full
// pages and a last page of one user), and no request per user.
func usersPagination(s *suite) {
	env := s.sandbox("upag")
	if env == nil {
		return
	}
	const n = 4000
	// The users are seeded into the sandbox directly: creating them through the API costs thousands of requests
	// and proves nothing more (the data source only lists them).
	if _, err := env.Sandbox.SeedUsers(sandbox.UserSeed{Count: n, Prefix: acctest.NamePrefix + "seed-", Domain: "example.com"}); err != nil {
		s.t.Fatalf("seeding users: %v", err)
	}
	const addr = "data.zoom_users.all"
	s.beforeList = append(s.beforeList, env.Sandbox.ClearRequests)
	s.list("upag", `
data "zoom_users" "all" {
}
`,
		checkPlanNow(func() error {
			stats := env.Sandbox.RequestStats()
			lists, gets := stats.ByRoute["GET /v2/users"], stats.ByRoute["GET /v2/users/{userId}"]
			if gets != 0 {
				return fmt.Errorf("the data source fetched users one by one (%d GET /users/{userId})", gets)
			}
			if lists == 0 || lists%3 != 0 {
				return fmt.Errorf("expected 3 list requests per read, got %d in all", lists)
			}
			return nil
		}),
		expectReadValue(addr, tfjsonpath.New("users"), knownvalue.ListSizeExact(n+1)),
		expectReadValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(n+1)),
	)
}
