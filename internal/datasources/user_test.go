package datasources_test

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// userScenarios reads a user managed in the same configuration by ID and by e-mail; a configuration with neither
// or with a malformed e-mail is rejected, and an unknown e-mail is an error.
func userScenarios(s *suite) {
	env := s.account("zoom")
	email := env.RandomEmail()
	s.apply("zoom", fmt.Sprintf(`
resource "zoom_user" "u" {
  email      = %q
  action     = "autoCreate"
  type       = 2
  first_name = "Katherine"
  last_name  = "Johnson"
  job_title  = "Mathematician"
}

data "zoom_user" "by_id" {
  id = zoom_user.u.id
}

data "zoom_user" "by_email" {
  email = zoom_user.u.email
}
`, email),
		statecheck.CompareValuePairs("data.zoom_user.by_id", tfjsonpath.New("id"), "zoom_user.u", tfjsonpath.New("id"), compare.ValuesSame()),
		statecheck.CompareValuePairs("data.zoom_user.by_email", tfjsonpath.New("id"), "zoom_user.u", tfjsonpath.New("id"), compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.zoom_user.by_id", tfjsonpath.New("email"), knownvalue.StringExact(email)),
		statecheck.ExpectKnownValue("data.zoom_user.by_email", tfjsonpath.New("job_title"), knownvalue.StringExact("Mathematician")),
		statecheck.ExpectKnownValue("data.zoom_user.by_email", tfjsonpath.New("display_name"), knownvalue.StringExact("Katherine Johnson")),
		statecheck.ExpectKnownValue("data.zoom_user.by_email", tfjsonpath.New("status"), knownvalue.StringExact("active")),
		statecheck.ExpectSensitiveValue("data.zoom_user.by_email", tfjsonpath.New("personal_meeting_url")),
	)

	s.rejected("zoom", `
data "zoom_user" "neither" {
}
`, `Exactly one of these attributes must be configured: \[id,email\]`)
	s.rejected("zoom", `
data "zoom_user" "not_an_email" {
  email = "not an email"
}
`, `not a plain e-mail address`)
	s.fails("zoom", `
data "zoom_user" "nobody" {
  email = "nobody-`+acctest.RandomName()+`@example.com"
}
`, `Zoom user not found`)
}
