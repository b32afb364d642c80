package resources_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/errortable"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// errorScenario is a configuration that meets one row of the error-conformance table.
type errorScenario struct {
	profile func(*sandbox.Profile)
	// config returns the configuration (without the provider block); setup may create objects out of band.
	config func(t *testing.T, env *acctest.Env) string
}

const errStart = "2031-03-02T10:00:00Z"

var errorScenarios = map[string]errorScenario{
	"userCreate 409 1005": {config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_user" "x" {
  email = %q
  type  = 1
}`, env.Host)
	}},
	"meetingCreate 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_meeting" "x" {
  user_id    = "nobody@example.com"
  topic      = "tf-acc-errors"
  start_time = "` + errStart + `"
  password   = "abc123"
}`
	}},
	"webinarCreate 400 200": {profile: func(p *sandbox.Profile) { p.WebinarAddon = false }, config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_webinar" "x" {
  user_id    = %q
  topic      = "tf-acc-errors"
  start_time = %q
  password   = "abc123"
}`, env.Host, errStart)
	}},
	"webinarCreate 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `resource "zoom_webinar" "x" {
  user_id    = "nobody@example.com"
  topic      = "tf-acc-errors"
  start_time = "` + errStart + `"
  password   = "abc123"
}`
	}},
	"meetings 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_meetings" "x" { user_id = "nobody@example.com" }`
	}},
	"listMeetingTemplates 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_meeting_templates" "x" { user_id = "nobody@example.com" }`
	}},
	"webinars 404 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_webinars" "x" { user_id = "nobody@example.com" }`
	}},
	"listWebinarTemplates 400 1001": {config: func(_ *testing.T, _ *acctest.Env) string {
		return `data "zoom_webinar_templates" "x" { user_id = "nobody@example.com" }`
	}},
	"webinarRegistrantCreate 400 3000": {config: func(t *testing.T, env *acctest.Env) string {
		// A webinar without registration, made out of band so the step only meets the registrant's error.
		w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{Topic: client.Ptr("tf-acc-errors"),
			Type: client.Ptr(5), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123")})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf(`resource "zoom_webinar_registrant" "x" {
  webinar_id = "%d"
  email      = "r@example.com"
  first_name = "R"
}`, w.ID)
	}},
	"meetingRegistrantCreate 404 404": {config: func(t *testing.T, env *acctest.Env) string {
		m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{Topic: client.Ptr("tf-acc-errors"),
			Type: client.Ptr(2), StartTime: client.Ptr(errStart), Password: client.Ptr("abc123")})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf(`resource "zoom_meeting_registrant" "x" {
  meeting_id = "%d"
  email      = "r@example.com"
  first_name = "R"
}`, m.ID)
	}},
	"update_mailbox_vacation_response_setting 400 400": {profile: func(p *sandbox.Profile) { p.MailEnabled = false }, config: func(_ *testing.T, env *acctest.Env) string {
		return fmt.Sprintf(`resource "zoom_mail_vacation" "x" {
  mailbox = %q
  enabled = true
  subject = "Out of office"
}`, env.Host)
	}},
}

// TestAccErrorTable_providerMessages meets, through Terraform against the sandbox, each row of the
// error-conformance table that names this test, and checks that the provider's diagnostic says what to do
// (the row's Message). It fails for a row without a scenario and for a scenario without a row.
func TestAccErrorTable_providerMessages(t *testing.T) {
	const name = "internal/resources.TestAccErrorTable_providerMessages"
	rows := map[string]errortable.Row{}
	for _, r := range errortable.Rows() {
		if r.Terraform == name {
			rows[r.Key()] = r
		}
	}
	for k := range errorScenarios {
		if _, ok := rows[k]; !ok {
			t.Errorf("%s: a scenario without a row naming this test", k)
		}
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		row := rows[k]
		sc, ok := errorScenarios[k]
		if !ok {
			t.Errorf("%s: the row names this test, which has no scenario for it", k)
			continue
		}
		t.Run(k, func(t *testing.T) {
			var profile []func(*sandbox.Profile)
			if sc.profile != nil {
				profile = append(profile, sc.profile)
			}
			env := acctest.New(t, profile...)
			env.RequireSandbox(t)
			// Terraform wraps diagnostics, so any space of the pattern may be a line break.
			wrap := func(s string) string { return strings.ReplaceAll(s, " ", `\s+`) }
			want := regexp.MustCompile(`(?s)` + wrap(fmt.Sprintf(`HTTP %d, Zoom code %d`, row.Status, row.Code)) + `.*` + wrap(row.Message))
			if row.Op == "meetings" || row.Op == "listMeetingTemplates" || row.Op == "webinars" || row.Op == "listWebinarTemplates" {
				// The data sources replace Zoom's answer with their own diagnostic.
				want = regexp.MustCompile(`(?s)` + wrap(row.Message))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      env.Config(sc.config(t, env)),
					ExpectError: want,
				}},
			})
		})
	}
}
