package datasources_test

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const groupSeedSize = 2500

// seedBigGroup seeds a group of groupSeedSize members into env's sandbox and returns its name, ID and the
// members' e-mail prefix. Seeded directly: adding 2,500 members through the API costs 84 requests and proves
// nothing more here.
func seedBigGroup(s *suite, env *acctest.Env) (name, id, prefix string) {
	s.t.Helper()
	prefix = acctest.NamePrefix + "grp-"
	if _, err := env.Sandbox.SeedUsers(sandbox.UserSeed{Count: groupSeedSize, Prefix: prefix, Domain: "example.com"}); err != nil {
		s.t.Fatalf("seeding users: %v", err)
	}
	name = acctest.RandomName()
	id, err := env.Sandbox.SeedGroup(sandbox.GroupSeed{Name: name, MemberPrefix: prefix})
	if err != nil {
		s.t.Fatalf("seeding the group: %v", err)
	}
	return name, id, prefix
}

// groupScenarios reads a group by ID, a 2,500-member group by its name in another letter case, and every group
// (so the account is its own, "grp"); it lists the members of the big group in the plan-only step: the member
// list costs ceil(2500/2000) = 2 list requests per read and no request per member.
func groupScenarios(s *suite) {
	env := s.sandbox("grp")
	if env == nil {
		return
	}
	big, bigID, prefix := seedBigGroup(s, env)
	groupMembersPagination(s, env, bigID, prefix)
	small := acctest.RandomName()
	s.apply("grp", fmt.Sprintf(`
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
`, small, strings.ToUpper(big)),
		statecheck.ExpectKnownValue("data.zoom_group.by_id", tfjsonpath.New("name"), knownvalue.StringExact(small)),
		statecheck.ExpectKnownValue("data.zoom_group.by_name", tfjsonpath.New("id"), knownvalue.StringExact(bigID)),
		statecheck.ExpectKnownValue("data.zoom_group.by_name", tfjsonpath.New("total_members"), knownvalue.Int64Exact(groupSeedSize)),
		statecheck.ExpectKnownValue("data.zoom_groups.all", tfjsonpath.New("groups"), knownvalue.ListSizeExact(2)),
	)
}

func groupMembersPagination(s *suite, env *acctest.Env, bigID, prefix string) {
	const n, pageSize = groupSeedSize, 2000
	wantLists := (n + pageSize - 1) / pageSize
	const addr = "data.zoom_group_members.big"
	s.beforeList = append(s.beforeList, env.Sandbox.ClearRequests)
	s.list("grp", fmt.Sprintf(`
data "zoom_group_members" "big" {
  group_id = %q
}
`, bigID),
		checkPlanNow(func() error {
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
		expectReadValue(addr, tfjsonpath.New("members"), knownvalue.ListSizeExact(n)),
		expectReadValue(addr, tfjsonpath.New("emails").AtSliceIndex(n-1), knownvalue.StringExact(fmt.Sprintf("%s%d@example.com", prefix, n))),
	)
}
