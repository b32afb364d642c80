package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// TestImportAccountScript adopts a whole sandbox account with scripts/import-account.sh: the import blocks name
// every user and upcoming meeting, the generated configuration is valid, apply only imports, and the plan after
// it is empty.
func TestImportAccountScript(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t)
	env := w.env
	ctx := acctest.Ctx()

	var emails []string
	for _, name := range []string{"ada", "grace"} {
		email := name + "@example.com"
		if _, err := env.Client.Users.Create(ctx, &client.CreateUserRequest{
			Action:   client.UserActionAutoCreate,
			UserInfo: client.CreateUserInfo{Email: email, Type: client.UserTypeLicensed, FirstName: name, LastName: "Test"},
		}); err != nil {
			t.Fatalf("creating %s: %v", email, err)
		}
		emails = append(emails, email)
	}
	emails = append(emails, env.Host)
	var ids []int64
	for i, host := range []string{"ada@example.com", "grace@example.com", env.Host} {
		req := &client.MeetingRequest{
			EventFields: client.EventFields{
				Topic: client.Ptr(fmt.Sprintf("Team sync %d", i)), StartTime: client.Ptr(future(5 + i)), Duration: client.Ptr(30),
			},
		}
		if i == 0 {
			req.Type = client.Ptr(client.MeetingTypeRecurringFixedTime)
			req.Recurrence = &client.Recurrence{Type: client.RecurrenceDaily, RepeatInterval: client.Ptr(1), EndTimes: client.Ptr(5)}
		}
		m, err := env.Client.Meetings.Create(ctx, host, req)
		if err != nil {
			t.Fatalf("creating a meeting for %s: %v", host, err)
		}
		ids = append(ids, m.ID)
	}

	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	out, code := w.exec([]string{"IMPORT_INIT=0"}, filepath.Join(root, "scripts", "import-account.sh"), "-o", w.dir)
	if code != 0 {
		t.Fatalf("import-account.sh: exit code %d\n%s", code, out)
	}
	t.Logf("import-account.sh:\n%s", out)
	users, meetings := w.read("users.tf"), w.read("meetings.tf")
	for _, e := range emails {
		if !strings.Contains(users, fmt.Sprintf("id = %q", e)) {
			t.Errorf("users.tf has no import block for %s:\n%s", e, users)
		}
	}
	for _, id := range ids {
		if !strings.Contains(meetings, fmt.Sprintf("id = \"%d\"", id)) {
			t.Errorf("meetings.tf has no import block for meeting %d:\n%s", id, meetings)
		}
	}
	if t.Failed() {
		return
	}
	generated := w.read("generated.tf")
	// The apply validates the generated configuration first (what terraform validate checks) and fails on the
	// same diagnostics: a separate terraform validate would only cost one more start of terraform and the provider.
	out, code = w.tf("apply", "-auto-approve", "-input=false", "-no-color")
	if code != 0 {
		t.Fatalf("apply of the generated configuration: exit code %d\n%s\ngenerated.tf:\n%s", code, out, generated)
	}
	want := fmt.Sprintf("Apply complete! Resources: %d imported, 0 added, 0 changed, 0 destroyed", len(emails)+len(ids))
	if !strings.Contains(out, want) {
		t.Fatalf("apply: want %q\n%s", want, out)
	}
	if out, code := w.tf("plan", "-detailed-exitcode", "-input=false", "-no-color"); code != 0 {
		t.Errorf("the plan after import is not empty (exit code %d):\n%s\ngenerated.tf:\n%s", code, out, generated)
	}
}
