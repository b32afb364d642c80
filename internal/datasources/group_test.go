package datasources_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// TestAccGroupDataSources reads a group by ID and by name, every group, and the members of a 4,500-member group:
// the member list costs ceil(4500/2000) = 3 list requests per read and no request per member.
func TestAccGroupDataSources(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	const n, pageSize = 4500, 2000
	prefix := acctest.NamePrefix + "grp-"
	// Seeded directly: adding 4,500 members through the API costs 150 requests and proves nothing more here.
	if _, err := env.Sandbox.SeedUsers(sandbox.UserSeed{Count: n, Prefix: prefix, Domain: "example.com"}); err != nil {
		t.Fatalf("seeding users: %v", err)
	}
	big := acctest.RandomName()
	bigID, err := env.Sandbox.SeedGroup(sandbox.GroupSeed{Name: big, MemberPrefix: prefix})
	if err != nil {
		t.Fatalf("seeding the group: %v", err)
	}
	small := acctest.RandomName()
	wantLists := (n + pageSize - 1) / pageSize
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.Sandbox.ClearRequests,
			Config: env.Config(fmt.Sprintf(`
resource "zoom_group" "small" {
  name = %q
}

data "zoom_group" "by_id" {
  id = zoom_group.small.id
}

data "zoom_group" "by_name" {
  name = %q
}

data "zoom_groups" "all" {
  depends_on = [zoom_group.small]
}

data "zoom_group_members" "big" {
  group_id = %q
}
`, small, strings.ToUpper(big), bigID)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.CheckNow(func() error {
					// A read starts with a request without next_page_token; each read must cost wantLists requests.
					reads, lists := 0, 0
					for _, r := range env.Sandbox.Requests() {
						switch r.Route {
						case "GET /v2/groups/{groupId}/members":
							lists++
							if !strings.Contains(r.Query, "next_page_token") {
								reads++
							}
						case "GET /v2/users/{userId}":
							return fmt.Errorf("the data source fetched a user (%s)", r.Path)
						}
					}
					if reads == 0 || lists != reads*wantLists {
						return fmt.Errorf("%d member list requests for %d reads, want %d a read", lists, reads, wantLists)
					}
					return nil
				}),
				statecheck.ExpectKnownValue("data.zoom_group.by_id", tfjsonpath.New("name"), knownvalue.StringExact(small)),
				statecheck.ExpectKnownValue("data.zoom_group.by_name", tfjsonpath.New("id"), knownvalue.StringExact(bigID)),
				statecheck.ExpectKnownValue("data.zoom_group.by_name", tfjsonpath.New("total_members"), knownvalue.Int64Exact(n)),
				statecheck.ExpectKnownValue("data.zoom_groups.all", tfjsonpath.New("groups"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.zoom_group_members.big", tfjsonpath.New("members"), knownvalue.ListSizeExact(n)),
				statecheck.ExpectKnownValue("data.zoom_group_members.big", tfjsonpath.New("emails").AtSliceIndex(n-1),
					knownvalue.StringExact(fmt.Sprintf("%s%d@example.com", prefix, n))),
			},
		}},
	})
}
