package ephemeral_test

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
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

// checkManagedStartURL: zoom_meeting_start_url opened for a meeting managed in the same configuration
// (zoom_meeting.test) returns the meeting's URL, its zak token is fresh (not the one in the meeting's state), it
// expires about two hours ahead, and neither the URL nor its token reaches the meeting's state.
func checkManagedStartURL(env *acctest.Env, s *tfjson.State) error {
	data, err := echoed(s, "managed")
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
		return fmt.Errorf("managed: start_url does not carry meeting number %s", id)
	}
	fresh, err := zak(startURL)
	if err != nil {
		return fmt.Errorf("managed: %v", err)
	}
	stateURL, _ := meeting.AttributeValues["start_url"].(string)
	old, err := zak(stateURL)
	if err != nil {
		return fmt.Errorf("zoom_meeting.test start_url: %v", err)
	}
	if fresh == old {
		return fmt.Errorf("managed: the ephemeral start_url reuses the zak token in the meeting's state")
	}
	if _, err := expiresAt(data, now(env).Add(2*time.Hour), 5*time.Minute); err != nil {
		return fmt.Errorf("managed: %v", err)
	}
	if err := notInZoomState(s, startURL); err != nil {
		return err
	}
	return notInZoomState(s, fresh)
}

// checkOutOfBandStartURL: zoom_meeting_start_url opened for meeting id, created outside Terraform, returns its
// URL with a new token (not oobZAK, the one Zoom returned at creation) that expires about two hours ahead.
func checkOutOfBandStartURL(env *acctest.Env, s *tfjson.State, id, oobZAK string) error {
	data, err := echoed(s, "out_of_band")
	if err != nil {
		return err
	}
	startURL, _ := data["start_url"].(string)
	if !strings.Contains(startURL, "/s/"+id+"?zak=") {
		return fmt.Errorf("out_of_band: start_url does not carry meeting number %s", id)
	}
	fresh, err := zak(startURL)
	if err != nil {
		return fmt.Errorf("out_of_band: %v", err)
	}
	if fresh == oobZAK {
		return fmt.Errorf("out_of_band: start_url reuses the token Zoom returned at creation")
	}
	if _, err := expiresAt(data, now(env).Add(2*time.Hour), 5*time.Minute); err != nil {
		return fmt.Errorf("out_of_band: %v", err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
