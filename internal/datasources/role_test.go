package datasources_test

import (
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// roleScenarios reads the built-in Owner role by ID, a custom role made in the portal by its name in another
// letter case, and the role lists with and without the built-in filter; an unknown name is an error that lists
// the roles. No other scenario of the account makes roles.
func roleScenarios(s *suite) {
	env := s.account("zoom")
	name := acctest.RandomName()
	if _, err := env.Client.Roles.Create(acctest.Ctx(), &client.RoleRequest{Name: client.Ptr(name),
		Description: client.Ptr("Auditors"), Privileges: &[]string{"User:Read"}}); err != nil {
		s.t.Fatal(err)
	}
	s.apply("zoom", `
data "zoom_role" "owner" {
  id = "0"
}

data "zoom_role" "custom" {
  name = upper("`+name+`")
}

data "zoom_roles" "all" {
}

data "zoom_roles" "builtin" {
  built_in = true
}
`,
		statecheck.ExpectKnownValue("data.zoom_role.owner", tfjsonpath.New("name"), knownvalue.StringExact("Owner")),
		statecheck.ExpectKnownValue("data.zoom_role.owner", tfjsonpath.New("total_members"), knownvalue.Int64Exact(1)),
		statecheck.ExpectKnownValue("data.zoom_role.owner", tfjsonpath.New("built_in"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("data.zoom_role.custom", tfjsonpath.New("name"), knownvalue.StringExact(name)),
		statecheck.ExpectKnownValue("data.zoom_role.custom", tfjsonpath.New("description"), knownvalue.StringExact("Auditors")),
		statecheck.ExpectKnownValue("data.zoom_role.custom", tfjsonpath.New("privileges"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("User:Read")})),
		statecheck.ExpectKnownValue("data.zoom_role.custom", tfjsonpath.New("built_in"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue("data.zoom_roles.all", tfjsonpath.New("roles"), knownvalue.ListSizeExact(4)),
		statecheck.ExpectKnownValue("data.zoom_roles.builtin", tfjsonpath.New("roles"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("0")}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("1")}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("2")}),
		})),
	)
	s.fails("zoom", `
data "zoom_role" "unknown" {
  name = "No such role"
}
`, `No role of the account is named "No such role".*Owner,\s+Admin,\s+Member`)
}
