package ephemeral_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

const routeGetMeeting = "GET /v2/meetings/{meetingId}"

func now(env *acctest.Env) time.Time {
	if env.Sandbox != nil {
		return env.Sandbox.Now()
	}
	return time.Now()
}

func zak(startURL string) (string, error) {
	u, err := url.Parse(startURL)
	if err != nil {
		return "", err
	}
	z := u.Query().Get("zak")
	if z == "" {
		return "", fmt.Errorf("start URL has no zak token")
	}
	return z, nil
}

// TestAccMeetingStartURL_fromResource opens zoom_meeting_start_url for a meeting managed in the same
// configuration: the URL is the meeting's, its zak token is fresh (not the one in the meeting's state), it
// expires about two hours ahead, and neither the URL nor its token reaches the meeting's state.
func TestAccMeetingStartURL_fromResource(t *testing.T) {
	env := acctest.New(t)
	start := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Hour).Format(time.RFC3339)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = %q
  start_time = %q
}

ephemeral "zoom_meeting_start_url" "test" {
  meeting_id = zoom_meeting.test.id
}
`, env.Host, acctest.RandomName(), start) + echoConfig("zoom_meeting_start_url.test")),
			ConfigStateChecks: []statecheck.StateCheck{
				checkState(func(s *tfjson.State) error {
					data, err := echoed(s)
					if err != nil {
						return err
					}
					meeting, err := resourceByAddr(s, "zoom_meeting.test")
					if err != nil {
						return err
					}
					id, _ := meeting.AttributeValues["id"].(string)
					startURL, _ := data["start_url"].(string)
					if !strings.Contains(startURL, "/s/"+id+"?") {
						return fmt.Errorf("start_url does not carry meeting number %s", id)
					}
					fresh, err := zak(startURL)
					if err != nil {
						return err
					}
					stateURL, _ := meeting.AttributeValues["start_url"].(string)
					old, err := zak(stateURL)
					if err != nil {
						return fmt.Errorf("zoom_meeting.test start_url: %v", err)
					}
					if fresh == old {
						return fmt.Errorf("the ephemeral start_url reuses the zak token in the meeting's state")
					}
					if _, err := expiresAt(data, now(env).Add(2*time.Hour), 5*time.Minute); err != nil {
						return err
					}
					if err := notInZoomState(s, startURL); err != nil {
						return err
					}
					return notInZoomState(s, fresh)
				}),
			},
		}},
	})
}

// TestAccMeetingStartURL_outOfBand reads the start URL of a meeting created outside Terraform, twice: each apply
// opens the ephemeral resource again and gets a new token.
func TestAccMeetingStartURL_outOfBand(t *testing.T) {
	env := acctest.New(t)
	topic := acctest.RandomName()
	start := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Hour).Format("2006-01-02T15:04:05Z")
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
		EventFields: client.EventFields{
			Topic: &topic, StartTime: &start, Type: ptr(client.MeetingTypeScheduled),
		},
	})
	if err != nil {
		t.Fatalf("creating the meeting out of band: %v", err)
	}
	t.Cleanup(func() { _ = env.Client.Meetings.Delete(acctest.Ctx(), m.ID, nil) })
	id := strconv.FormatInt(m.ID, 10)
	oobZAK, err := zak(m.StartURL)
	if err != nil {
		t.Fatal(err)
	}
	config := env.Config(fmt.Sprintf(`
ephemeral "zoom_meeting_start_url" "test" {
  meeting_id = %q
}
`, id) + echoConfig("zoom_meeting_start_url.test"))
	check := checkState(func(s *tfjson.State) error {
		data, err := echoed(s)
		if err != nil {
			return err
		}
		startURL, _ := data["start_url"].(string)
		if !strings.Contains(startURL, "/s/"+id+"?zak=") {
			return fmt.Errorf("start_url does not carry meeting number %s", id)
		}
		fresh, err := zak(startURL)
		if err != nil {
			return err
		}
		if fresh == oobZAK {
			return fmt.Errorf("start_url reuses the token Zoom returned at creation")
		}
		_, err = expiresAt(data, now(env).Add(2*time.Hour), 5*time.Minute)
		return err
	})
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: factories(),
		Steps: []resource.TestStep{{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{check},
		}},
	})
}

// TestAccMeetingStartURL_errors: a malformed meeting_id fails validation before any API call, and an unknown
// meeting fails with a clear "not found" error when the ephemeral resource is opened during plan.
func TestAccMeetingStartURL_errors(t *testing.T) {
	env := acctest.New(t)
	step := func(id string, want *regexp.Regexp) resource.TestStep {
		return resource.TestStep{
			Config: env.Config(fmt.Sprintf(`
ephemeral "zoom_meeting_start_url" "test" {
  meeting_id = %q
}
`, id) + echoConfig("zoom_meeting_start_url.test")),
			PlanOnly:    true,
			ExpectError: want,
		}
	}
	invalid := regexp.MustCompile(`Invalid meeting ID`)
	notFound := step("99999999999", regexp.MustCompile(`Zoom meeting not found(.|\n)*Meeting 99999999999 does not exist`))
	notFound.PreConfig = func() {
		// The malformed IDs above were rejected before the provider called Zoom.
		if env.Sandbox != nil {
			if n := env.Sandbox.RequestStats().ByRoute[routeGetMeeting]; n != 0 {
				t.Errorf("%s was called %d times for malformed meeting IDs, want 0", routeGetMeeting, n)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: factories(),
		Steps: []resource.TestStep{
			step("abc", invalid),
			step("-85746065432", invalid),
			step("0", invalid),
			step(" 85746065432", invalid),
			notFound,
		},
	})
}

func ptr[T any](v T) *T { return &v }
