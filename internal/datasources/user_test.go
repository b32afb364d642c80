package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

func TestAccUserDataSource(t *testing.T) {
	env := acctest.New(t)
	email := env.RandomEmail()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
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
`, email)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.zoom_user.by_id", tfjsonpath.New("id"), "zoom_user.u", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.zoom_user.by_email", tfjsonpath.New("id"), "zoom_user.u", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.zoom_user.by_id", tfjsonpath.New("email"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue("data.zoom_user.by_email", tfjsonpath.New("job_title"), knownvalue.StringExact("Mathematician")),
					statecheck.ExpectKnownValue("data.zoom_user.by_email", tfjsonpath.New("display_name"), knownvalue.StringExact("Katherine Johnson")),
					statecheck.ExpectKnownValue("data.zoom_user.by_email", tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectSensitiveValue("data.zoom_user.by_email", tfjsonpath.New("personal_meeting_url")),
				},
			},
		},
	})
}

func TestAccUserDataSource_errors(t *testing.T) {
	env := acctest.New(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(`data "zoom_user" "x" {}`),
				ExpectError: regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,email\]`),
			},
			{
				Config:      env.Config(`data "zoom_user" "x" { email = "nobody-` + acctest.RandomName() + `@example.com" }`),
				ExpectError: regexp.MustCompile(`Zoom user not found`),
			},
			{
				Config:      env.Config(`data "zoom_user" "x" { email = "not an email" }`),
				ExpectError: regexp.MustCompile(`not a plain e-mail address`),
			},
		},
	})
}
