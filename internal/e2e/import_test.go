package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// adoptionCase is one kind of object created out of band and then adopted with an import block.
type adoptionCase struct {
	name string
	// setup creates the object through the API and returns the import address and id.
	setup func(t *testing.T, env *acctest.Env) (to, id string)
}

// future is a start time well ahead of the sandbox clock, in Zoom's UTC form.
func future(days int) string {
	return time.Now().UTC().Add(time.Duration(days) * 24 * time.Hour).Truncate(time.Hour).Format("2006-01-02T15:04:05Z")
}

var adoptionCases = []adoptionCase{
	{"user", func(t *testing.T, env *acctest.Env) (string, string) {
		email := env.RandomEmail()
		_, err := env.Client.Users.Create(acctest.Ctx(), &client.CreateUserRequest{
			Action:   client.UserActionAutoCreate,
			UserInfo: client.CreateUserInfo{Email: email, Type: client.UserTypeLicensed, FirstName: "Ada", LastName: "Lovelace"},
		})
		if err != nil {
			t.Fatalf("creating a user: %v", err)
		}
		u, err := env.Client.Users.Get(acctest.Ctx(), email)
		if err != nil {
			t.Fatal(err)
		}
		if err := env.Client.Users.Update(acctest.Ctx(), u.ID, &client.UpdateUserRequest{
			Dept: client.Ptr("Engineering"), Company: client.Ptr("Analytical Engines"),
		}); err != nil {
			t.Fatalf("updating the user: %v", err)
		}
		return "zoom_user.adopted", email
	}},
	{"recurring_meeting", func(t *testing.T, env *acctest.Env) (string, string) {
		m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
			EventFields: client.EventFields{
				Topic:     client.Ptr("Engineering stand-up"),
				Type:      client.Ptr(client.MeetingTypeRecurringFixedTime),
				StartTime: client.Ptr(future(30)),
				Timezone:  client.Ptr("Europe/London"),
				Duration:  client.Ptr(15),
				Agenda:    client.Ptr("What I did, what I will do, what blocks me."),
				Password:  client.Ptr("st4ndup"),
				Recurrence: &client.Recurrence{
					Type: client.RecurrenceWeekly, RepeatInterval: client.Ptr(1), WeeklyDays: "3,5", EndTimes: client.Ptr(20),
				},
			},
			Settings: &client.MeetingSettings{
				WaitingRoom: client.Ptr(true), MuteUponEntry: client.Ptr(true), HostVideo: client.Ptr(true),
				JoinBeforeHost: client.Ptr(false), AutoRecording: client.Ptr("cloud"),
			},
		})
		if err != nil {
			t.Fatalf("creating a meeting: %v", err)
		}
		return "zoom_meeting.adopted", fmt.Sprint(m.ID)
	}},
	{"webinar", func(t *testing.T, env *acctest.Env) (string, string) {
		w, err := env.Client.Webinars.Create(acctest.Ctx(), env.Host, &client.WebinarRequest{
			EventFields: client.EventFields{
				Topic:     client.Ptr("Product launch"),
				StartTime: client.Ptr(future(20)),
				Duration:  client.Ptr(60),
				Timezone:  client.Ptr("America/New_York"),
				Agenda:    client.Ptr("What is new this quarter."),
				Password:  client.Ptr("l4unch"),
			},
		})
		if err != nil {
			t.Fatalf("creating a webinar: %v", err)
		}
		return "zoom_webinar.adopted", fmt.Sprint(w.ID)
	}},
	{"meeting_registrant", func(t *testing.T, env *acctest.Env) (string, string) {
		m, err := env.Client.Meetings.Create(acctest.Ctx(), env.Host, &client.MeetingRequest{
			EventFields: client.EventFields{
				Topic:     client.Ptr("Terraform workshop"),
				StartTime: client.Ptr(future(10)),
				Duration:  client.Ptr(120),
			},
			Settings: &client.MeetingSettings{ApprovalType: client.Ptr(0)},
		})
		if err != nil {
			t.Fatalf("creating a meeting: %v", err)
		}
		r, err := env.Client.MeetingRegistrants.Add(acctest.Ctx(), m.ID, &client.RegistrantRequest{
			Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Org: "US Navy",
		}, nil)
		if err != nil {
			t.Fatalf("adding a registrant: %v", err)
		}
		return "zoom_meeting_registrant.adopted", fmt.Sprintf("%d/%s", m.ID, r.RegistrantID)
	}},
	{"mail_vacation", func(t *testing.T, env *acctest.Env) (string, string) {
		start := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour)
		_, err := env.Client.Mail.UpdateVacation(acctest.Ctx(), env.Host, &client.MailVacation{
			EnableAutoReply:       client.Ptr(true),
			ResponseSubject:       client.Ptr("Out of office"),
			ResponseBodyPlainText: client.Ptr("Back next week."),
			RestrictToDomain:      client.Ptr(true),
			StartTime:             client.Ptr(client.MailTime(start)),
			EndTime:               client.Ptr(client.MailTime(start.Add(7 * 24 * time.Hour))),
		})
		if err != nil {
			t.Fatalf("setting the vacation responder: %v", err)
		}
		return "zoom_mail_vacation.adopted", env.Host
	}},
	{"role", func(t *testing.T, env *acctest.Env) (string, string) {
		_, err := env.Client.Roles.Create(acctest.Ctx(), &client.RoleRequest{Name: client.Ptr("Help desk"),
			Description: client.Ptr("First-line support"), Privileges: &[]string{"User:Read", "Group:Read"}})
		if err != nil {
			t.Fatalf("creating a role: %v", err)
		}
		return "zoom_role.adopted", "Help desk"
	}},
	{"group", func(t *testing.T, env *acctest.Env) (string, string) {
		name := acctest.RandomName()
		if _, err := env.Client.Groups.Create(acctest.Ctx(), name); err != nil {
			t.Fatalf("creating a group: %v", err)
		}
		return "zoom_group.adopted", name // imported by name
	}},
	{"group members", func(t *testing.T, env *acctest.Env) (string, string) {
		g, err := env.Client.Groups.Create(acctest.Ctx(), acctest.RandomName())
		if err != nil {
			t.Fatalf("creating a group: %v", err)
		}
		if _, err := env.Client.Groups.AddMembers(acctest.Ctx(), g.ID, []client.UserRef{{Email: env.Host}}); err != nil {
			t.Fatalf("adding a member: %v", err)
		}
		return "zoom_group_members.adopted", g.ID
	}},
}

// TestAdoptionGenerateConfig adopts objects of every kind created out of band (adoptionCases), all in one
// account and one configuration (each terraform command costs the same whatever the number of blocks): an import
// block each, terraform plan -generate-config-out, apply of the generated configuration (which validates it, then
// only imports, every object), and a plan that must then be empty.
func TestAdoptionGenerateConfig(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t)
	var blocks strings.Builder
	addresses := make([]string, len(adoptionCases))
	for i, c := range adoptionCases {
		to, id := c.setup(t, w.env)
		addresses[i] = to
		fmt.Fprintf(&blocks, "\nimport {\n  to = %s\n  id = %q\n}\n", to, id)
	}
	w.write("main.tf", providerHeader+blocks.String())
	n := len(adoptionCases)

	out, code := w.tf("plan", "-input=false", "-no-color", "-generate-config-out=generated.tf")
	generated := w.read("generated.tf")
	if code != 0 {
		t.Fatalf("plan -generate-config-out: exit code %d\n%s\ngenerated.tf:\n%s", code, out, generated)
	}
	t.Logf("generated.tf:\n%s", generated)
	if !strings.Contains(out, fmt.Sprintf("%d to import", n)) {
		t.Fatalf("the plan does not import the %d objects:\n%s", n, out)
	}
	for i, to := range addresses {
		typ, name, _ := strings.Cut(to, ".")
		if !strings.Contains(generated, fmt.Sprintf("resource %q %q {", typ, name)) {
			t.Errorf("%s: generated.tf has no resource block for %s", adoptionCases[i].name, to)
		}
	}
	// The apply validates the generated configuration first (what terraform validate checks) and fails on the
	// same diagnostics: a separate terraform validate would only cost one more start of terraform and the provider.
	out, code = w.tf("apply", "-auto-approve", "-input=false", "-no-color")
	if code != 0 {
		t.Fatalf("apply of the generated configuration: exit code %d\n%s\ngenerated.tf:\n%s", code, out, generated)
	}
	want := fmt.Sprintf("Apply complete! Resources: %d imported, 0 added, 0 changed, 0 destroyed", n)
	if !strings.Contains(out, want) {
		t.Fatalf("the apply did more than import (want %q):\n%s\ngenerated.tf:\n%s", want, out, generated)
	}
	if out, code := w.tf("plan", "-detailed-exitcode", "-input=false", "-no-color"); code != 0 {
		t.Errorf("the plan after import is not empty (exit code %d):\n%s\ngenerated.tf:\n%s", code, out, generated)
	}
}
