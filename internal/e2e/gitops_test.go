package e2e

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// TestGitOpsPipeline runs examples/gitops/pipeline.sh as CI would: apply on main (which runs the check mode's
// terraform fmt -check and validate first, as every mode does), a drift check that passes,
// someone renames the meeting in the Zoom portal, the scheduled drift check fails (exit 2) and names the meeting,
// a pull-request plan shows the change without failing, and the next apply puts the account back.
func TestGitOpsPipeline(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(root, "examples", "gitops"), w.dir)
	script := filepath.Join(w.dir, "pipeline.sh")
	noInit := []string{"PIPELINE_INIT=0"}
	pipeline := func(want int, extra []string, args ...string) string {
		t.Helper()
		out, code := w.exec(append(append([]string(nil), noInit...), extra...), script, args...)
		if code != want {
			t.Fatalf("pipeline.sh %s: exit code %d, want %d\n%s", strings.Join(args, " "), code, want, out)
		}
		return out
	}

	out := pipeline(0, nil, "apply")
	if !strings.Contains(out, "==> terraform fmt -check") || !strings.Contains(out, "==> terraform validate") ||
		!strings.Contains(out, "Apply complete! Resources: 2 added") {
		t.Fatalf("apply did not check the configuration and create the user and the meeting:\n%s", out)
	}
	out = pipeline(0, nil, "drift")
	if !strings.Contains(out, "no drift") {
		t.Fatalf("drift check right after apply:\n%s", out)
	}

	// Someone renames the meeting in the Zoom portal.
	id, err := strconv.ParseInt(strings.TrimSpace(w.mustTF(0, "output", "-raw", "weekly_meeting_id")), 10, 64)
	if err != nil {
		t.Fatalf("meeting id: %v", err)
	}
	if err := w.env.Client.Meetings.Update(acctest.Ctx(), id, &client.MeetingRequest{EventFields: client.EventFields{Topic: client.Ptr("Renamed in the portal")}}); err != nil {
		t.Fatalf("out-of-band change: %v", err)
	}

	// The scheduled job (mode from the GitHub Actions event) fails and names the meeting.
	out = pipeline(2, []string{"GITHUB_EVENT_NAME=schedule", "GITHUB_REF=refs/heads/main"})
	if !strings.Contains(out, "DRIFT") || !strings.Contains(out, "zoom_meeting.weekly") {
		t.Fatalf("the drift check does not name zoom_meeting.weekly:\n%s", out)
	}
	if strings.Contains(out, "zoom_user.lead will be") {
		t.Fatalf("the drift check reports the untouched user:\n%s", out)
	}

	// A pull request plans the repair without failing, and prints a summary.
	out = pipeline(0, []string{"GITHUB_EVENT_NAME=pull_request"})
	if !strings.Contains(out, "# zoom_meeting.weekly will be updated in-place") || !strings.Contains(out, "Plan: 0 to add, 1 to change, 0 to destroy") {
		t.Fatalf("the pull-request plan does not summarise the change:\n%s", out)
	}

	// The next push to main repairs the account; the drift check passes again.
	pipeline(0, []string{"GITHUB_EVENT_NAME=push", "GITHUB_REF=refs/heads/main"})
	m, err := w.env.Client.Meetings.Get(acctest.Ctx(), id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Topic != "Platform weekly" {
		t.Fatalf("after apply the topic is %q", m.Topic)
	}
	pipeline(0, nil, "drift")

	// Unknown modes and unformatted files fail.
	pipeline(1, nil, "deploy")
	w.write("bad.tf", "locals {\n      x = 1\n}\n")
	pipeline(1, nil, "check")
}
