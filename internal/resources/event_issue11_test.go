package resources_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// TestAccMeeting_importOnPMIRefused: a meeting held on the host's PMI (created in the portal) shares the PMI as
// its ID and cannot be deleted, so importing it is refused with the reason instead of taking it under management.
func TestAccMeeting_importOnPMIRefused(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	start := zoomUTC(futureUTC(48 * time.Hour))
	m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
		Topic: client.Ptr("tf-acc-pmi"), StartTime: client.Ptr(start),
		Settings: &client.MeetingSettings{UsePMI: client.Ptr(true)},
	})
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "test" {
  user_id    = %q
  topic      = "tf-acc-pmi"
  start_time = %q
}
`, env.Host, start)),
			ResourceName:  meetingAddr,
			ImportState:   true,
			ImportStateId: strconv.FormatInt(m.ID, 10),
			ExpectError:   regexp.MustCompile(`(?s)held on the host's Personal Meeting ID.*refuses to delete`),
		}},
	})
}
