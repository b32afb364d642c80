package resources_test

import (
	"context"
	"errors"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

func TestMain(m *testing.M) {
	acctest.Main(m)
}

// afterApply is a TestStep.PostApplyFunc that runs checks which inspect the account, not the Terraform state (they
// get a nil state), and fails t on the first error. A step without ConfigStateChecks should use it instead of
// Check, which costs one more terraform show. It runs after the step's apply and the framework's two plans that
// follow it; those plans only read.
func afterApply(t *testing.T, checks ...resource.TestCheckFunc) func() {
	t.Helper()
	return func() {
		t.Helper()
		for _, check := range checks {
			if err := check(nil); err != nil {
				t.Fatalf("after apply: %v", err)
			}
		}
	}
}

// The sweepers remove what interrupted acceptance runs left in a real account: everything whose name or e-mail
// starts with tf-acc-. Run them with: ZOOM_ACC_TARGET=real go test ./internal/resources -sweep=all
func init() {
	resource.AddTestSweepers("zoom_meeting", &resource.Sweeper{
		Name: "zoom_meeting",
		F: func(_ string) error {
			c, err := acctest.RealClient()
			if err != nil {
				return err
			}
			host := os.Getenv(acctest.EnvHostEmail)
			if host == "" {
				return nil
			}
			ctx := context.Background()
			meetings, err := c.Meetings.List(ctx, host, &client.ListMeetingsOptions{Type: client.MeetingListScheduled})
			if err != nil {
				return err
			}
			for _, m := range meetings {
				if !strings.HasPrefix(m.Topic, acctest.NamePrefix) {
					continue
				}
				if err := c.Meetings.Delete(ctx, m.ID, nil); err != nil && !client.IsNotFound(err) {
					log.Printf("[WARN] sweeper: could not delete zoom_meeting %d: %v", m.ID, err)
				}
			}
			return nil
		},
	})
	resource.AddTestSweepers("zoom_user", &resource.Sweeper{
		Name:         "zoom_user",
		Dependencies: []string{"zoom_meeting"},
		F: func(_ string) error {
			c, err := acctest.RealClient()
			if err != nil {
				return err
			}
			ctx := context.Background()
			for _, status := range []string{"active", "inactive", "pending"} {
				users, err := c.Users.List(ctx, &client.ListUsersOptions{Status: status})
				if err != nil {
					return err
				}
				for _, u := range users {
					if !strings.HasPrefix(u.Email, acctest.NamePrefix) {
						continue
					}
					id := u.ID
					if id == "" {
						id = u.Email // Zoom lists pending users without an ID
					}
					err := c.Users.Delete(ctx, id, &client.DeleteUserOptions{Action: "disassociate"})
					var apiErr *client.APIError
					if errors.As(err, &apiErr) && (apiErr.Code == 1107 || apiErr.Code == 300) && u.Status != "pending" {
						// Zoom cannot disassociate API users (300) or users of a managed domain (1107).
						err = c.Users.Delete(ctx, id, &client.DeleteUserOptions{Action: "delete"})
					}
					if err != nil && !client.IsNotFound(err) {
						// Log and go on: one stuck user must not keep the others.
						log.Printf("[WARN] sweeper: could not remove zoom_user %s: %v", u.Email, err)
					}
				}
			}
			return nil
		},
	})
}
