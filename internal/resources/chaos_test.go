package resources_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/provider"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// The chaos test applies a configuration with every resource kind against a sandbox that injects a seeded mix of
// every fault it has, retrying `terraform apply` up to three times as a pipeline would, and checks that the
// account ends up holding exactly the configuration (no duplicate, nothing missing, nothing outside the state),
// that the next plan is empty, that nothing was replaced on the way, and that destroy under the same faults
// leaves nothing. It drives the terraform CLI itself (plugin-testing cannot retry an apply that fails).
//
// CHAOS_SEEDS picks the seeds: "1,2,7" or "1-40" (`make chaos SEEDS=1-40`); by default a few run.
// CHAOS_MAX_RETRIES sets the provider's max_retries, to let more faults through to the resources.

const (
	defaultChaosSeeds = "1-3"
	// chaosApplyAttempts is how often apply (and destroy) is run before the test gives up.
	chaosApplyAttempts = 3
	// chaosFaultFraction is the share of API requests that meet a fault, spread over every kind.
	chaosFaultFraction = 0.2
)

func TestAccChaos_faultMix(t *testing.T) {
	if os.Getenv("TF_ACC") == "" || acctest.RealAccount() {
		t.Skip("needs TF_ACC and the sandbox")
	}
	// Parallel, as every acceptance test but the one that sets environment variables: go test starts the
	// parallel top-level tests only once every sequential one has finished.
	t.Parallel()
	seeds, err := parseSeeds(envOr("CHAOS_SEEDS", defaultChaosSeeds))
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed_%d", seed), func(t *testing.T) {
			t.Parallel()
			runChaos(t, seed)
		})
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// parseSeeds reads "1,2,7" or "1-40" or a mix.
func parseSeeds(s string) ([]uint64, error) {
	var out []uint64
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.ParseUint(lo, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("CHAOS_SEEDS: %q is not a seed or a range", part)
		}
		b := a
		if isRange {
			if b, err = strconv.ParseUint(hi, 10, 64); err != nil || b < a {
				return nil, fmt.Errorf("CHAOS_SEEDS: %q is not a range", part)
			}
		}
		for v := a; v <= b; v++ {
			out = append(out, v)
		}
	}
	return out, nil
}

// chaosFaults is the fault mix of one phase: every kind the sandbox has, each on an equal share of the requests.
func chaosFaults(seed uint64) []sandbox.Fault {
	var out []sandbox.Fault
	share := chaosFaultFraction / float64(len(sandbox.FaultKinds))
	for i, kind := range sandbox.FaultKinds {
		f := sandbox.Fault{Path: `^/v2/`, Kind: kind, Fraction: share, Seed: seed*1000 + uint64(i)}
		switch kind {
		case sandbox.FaultRateLimit:
			// A burst: 429s come in runs, with a short Retry-After.
			f.Fraction, f.RetryAfterMS = share*3, 50
		case sandbox.FaultHang:
			// A slow answer that then goes through (an endless one would only wait out the request timeout).
			f.HangMS = 200
		}
		out = append(out, f)
	}
	return out
}

// chaosWorld is the configuration of one run and what the account must hold.
type chaosWorld struct {
	users      []string            // e-mails
	meetings   map[string][]string // host e-mail → topics
	webinars   []string            // topics (owner)
	meetingReg map[string][]string // meeting topic → registrant e-mails
	webinarReg map[string][]string // webinar topic → registrant e-mails
	mailbox    string
	tracking   []string // tracking field labels
	config     string
}

func newChaosWorld(env *acctest.Env, seed uint64) *chaosWorld {
	w := &chaosWorld{meetings: map[string][]string{}, meetingReg: map[string][]string{}, webinarReg: map[string][]string{}, mailbox: env.Host}
	p := fmt.Sprintf("tf-acc-chaos%d", seed)
	start := zoomUTC(futureUTC(72 * time.Hour))
	var b strings.Builder
	b.WriteString(env.Config(""))
	// Hosts: active licensed users; one invited (pending) user and one basic user.
	for i := 0; i < 3; i++ {
		email := fmt.Sprintf("%s-host%d@example.com", p, i)
		w.users = append(w.users, email)
		fmt.Fprintf(&b, `
resource "zoom_user" "host%[1]d" {
  email      = %[2]q
  action     = "autoCreate"
  type       = 2
  first_name = "Host"
  last_name  = "Number%[1]d"
  job_title  = "Presenter"
}
`, i, email)
		for j := 0; j < 2; j++ {
			topic := fmt.Sprintf("%s-h%d-m%d", p, i, j)
			w.meetings[email] = append(w.meetings[email], topic)
			settings := ""
			if i == 0 && j == 0 {
				settings = "\n  settings   = { approval_type = 0 }"
			}
			fmt.Fprintf(&b, `
resource "zoom_meeting" "h%[1]d_m%[2]d" {
  user_id    = zoom_user.host%[1]d.id
  topic      = %[3]q
  start_time = %[4]q
  duration   = 45%[5]s
}
`, i, j, topic, start, settings)
		}
	}
	invited, basic := p+"-invited@example.com", p+"-basic@example.com"
	w.users = append(w.users, invited, basic)
	fmt.Fprintf(&b, `
resource "zoom_user" "invited" {
  email  = %q
  type   = 1
}

resource "zoom_user" "basic" {
  email      = %q
  action     = "autoCreate"
  type       = 1
  first_name = "Basic"
}
`, invited, basic)
	// The owner hosts two meetings and the webinar.
	for j := 0; j < 2; j++ {
		topic := fmt.Sprintf("%s-owner-m%d", p, j)
		w.meetings[env.Host] = append(w.meetings[env.Host], topic)
		fmt.Fprintf(&b, `
resource "zoom_meeting" "owner_m%[1]d" {
  user_id    = %[2]q
  topic      = %[3]q
  start_time = %[4]q
}
`, j, env.Host, topic, start)
	}
	webinar := p + "-webinar"
	w.webinars = []string{webinar}
	fmt.Fprintf(&b, `
resource "zoom_webinar" "w" {
  user_id    = %q
  topic      = %q
  start_time = %q
  settings   = { approval_type = 0 }
}
`, env.Host, webinar, start)
	regMeeting := fmt.Sprintf("%s-h0-m0", p)
	for j := 0; j < 2; j++ {
		email := fmt.Sprintf("%s-mreg%d@example.com", p, j)
		w.meetingReg[regMeeting] = append(w.meetingReg[regMeeting], email)
		fmt.Fprintf(&b, `
resource "zoom_meeting_registrant" "r%[1]d" {
  meeting_id = zoom_meeting.h0_m0.id
  email      = %[2]q
  first_name = "Attendee"
}
`, j, email)
		email = fmt.Sprintf("%s-wreg%d@example.com", p, j)
		w.webinarReg[webinar] = append(w.webinarReg[webinar], email)
		fmt.Fprintf(&b, `
resource "zoom_webinar_registrant" "r%[1]d" {
  webinar_id = zoom_webinar.w.id
  email      = %[2]q
  first_name = "Attendee"
}
`, j, email)
	}
	w.tracking = []string{p + "-cost-centre"}
	fmt.Fprintf(&b, `
resource "zoom_tracking_field" "cc" {
  field              = %q
  recommended_values = ["R&D", "Sales"]
}
`, w.tracking[0])
	fmt.Fprintf(&b, `
resource "zoom_mail_vacation" "owner" {
  mailbox = %q
  enabled = true
  subject = "Away"
}
`, w.mailbox)
	w.config = b.String()
	if n, err := strconv.Atoi(os.Getenv("CHAOS_MAX_RETRIES")); err == nil {
		// Fewer retries let more faults through to the resources (make chaos MAX_RETRIES=1).
		w.config = withMaxRetries(w.config, n)
	}
	return w
}

// chaosRun is the terraform CLI in a working directory, talking to an in-process provider.
type chaosRun struct {
	t        *testing.T
	dir      string
	tf       string
	reattach string
}

func newChaosRun(t *testing.T, config string) *chaosRun {
	t.Helper()
	factory := providerserver.NewProtocol6WithError(provider.New("test")())
	srv, err := factory()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig, 1)
	closeCh := make(chan struct{})
	go func() {
		_ = tf6server.Serve("registry.terraform.io/hashicorp/zoom", func() tfprotov6.ProviderServer { return srv },
			tf6server.WithDebug(ctx, configCh, closeCh), tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithoutLogStderrOverride(), tf6server.WithLoggingSink(t))
	}()
	var rc *plugin.ReattachConfig
	select {
	case rc = <-configCh:
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("the provider server did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-closeCh:
		case <-time.After(10 * time.Second):
		}
	})
	type addr struct{ Network, String string }
	type reattach struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            addr
	}
	info := reattach{Protocol: string(rc.Protocol), ProtocolVersion: rc.ProtocolVersion, Pid: rc.Pid, Test: rc.Test,
		Addr: addr{Network: rc.Addr.Network(), String: rc.Addr.String()}}
	b, _ := json.Marshal(map[string]reattach{"registry.terraform.io/hashicorp/zoom": info})
	r := &chaosRun{t: t, dir: t.TempDir(), tf: envOr("TF_ACC_TERRAFORM_PATH", "terraform"), reattach: string(b)}
	if err := os.WriteFile(filepath.Join(r.dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := r.run("init", "-input=false", "-backend=false"); err != nil {
		t.Fatalf("terraform init: %v\n%s", err, out)
	}
	return r
}

// run runs one terraform command and returns its combined output.
func (r *chaosRun) run(args ...string) (string, error) {
	cmd := exec.Command(r.tf, append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+r.reattach, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TF_CLI_CONFIG_FILE="+os.DevNull)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// ids reads the ID of every resource in the state.
func (r *chaosRun) ids() (map[string]string, error) {
	out, err := r.run("show", "-json")
	if err != nil {
		return nil, fmt.Errorf("terraform show: %v\n%s", err, out)
	}
	var st struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string         `json:"address"`
					Values  map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, res := range st.Values.RootModule.Resources {
		id, _ := res.Values["id"].(string)
		ids[res.Address] = id
	}
	return ids, nil
}

// deletes counts the DELETE requests the sandbox received.
func deletes(env *acctest.Env) int {
	n := 0
	for route, c := range env.Sandbox.RequestStats().ByRoute {
		if strings.HasPrefix(route, "DELETE ") {
			n += c
		}
	}
	return n
}

func setFaults(t *testing.T, env *acctest.Env, faults []sandbox.Fault) {
	t.Helper()
	env.Sandbox.ClearFaults()
	addFaults(t, env, faults...)
}

func firedFaults(env *acctest.Env) int {
	n := 0
	for _, f := range env.Sandbox.Faults() {
		n += f.Fired
	}
	return n
}

func runChaos(t *testing.T, seed uint64) {
	started := time.Now()
	env := acctest.New(t)
	w := newChaosWorld(env, seed)
	r := newChaosRun(t, w.config)
	faults := chaosFaults(seed)
	fired := 0

	// Apply, up to three times, under faults; no object may be replaced on the way.
	setFaults(t, env, faults)
	seen := map[string]string{}
	replacements := 0
	applies := 0
	var lastOut string
	for applies < chaosApplyAttempts {
		applies++
		out, err := r.run("apply", "-auto-approve", "-input=false", "-parallelism=10")
		lastOut = out
		ids, serr := r.ids()
		if serr != nil {
			t.Fatal(serr)
		}
		for addr, id := range ids {
			if prev, ok := seen[addr]; ok && prev != id && prev != "unconfirmed" {
				replacements++
				t.Errorf("seed %d: %s was replaced (%s, then %s)", seed, addr, prev, id)
			}
			seen[addr] = id
		}
		if err == nil {
			break
		}
		t.Logf("seed %d: apply %d failed:\n%s", seed, applies, tail(out, 3000))
		if applies == chaosApplyAttempts {
			t.Fatalf("seed %d: no convergence after %d applies; last output:\n%s", seed, applies, tail(lastOut, 6000))
		}
	}
	if n := deletes(env); n != 0 {
		replacements += n
		t.Errorf("seed %d: %d DELETE requests before destroy: something was replaced", seed, n)
	}
	fired += firedFaults(env)

	// The account holds exactly the configuration, every object in the state.
	env.Sandbox.ClearFaults()
	ids, err := r.ids()
	if err != nil {
		t.Fatal(err)
	}
	if err := checkAccount(env, w, ids); err != nil {
		t.Fatalf("seed %d: after %d applies: %v", seed, applies, err)
	}

	// The next plan, under faults again, is empty.
	setFaults(t, env, chaosFaults(seed+7919))
	for i := 1; ; i++ {
		out, err := r.run("plan", "-input=false", "-detailed-exitcode", "-parallelism=10")
		var ee *exec.ExitError
		if err == nil {
			break
		}
		if errors.As(err, &ee) && ee.ExitCode() == 2 {
			t.Fatalf("seed %d: the plan after convergence is not empty:\n%s", seed, tail(out, 6000))
		}
		if i == chaosApplyAttempts {
			t.Fatalf("seed %d: plan failed %d times:\n%s", seed, i, tail(out, 6000))
		}
	}
	fired += firedFaults(env)

	// Destroy under the same faults leaves nothing.
	setFaults(t, env, faults)
	destroys := 0
	for {
		destroys++
		out, err := r.run("destroy", "-auto-approve", "-input=false", "-parallelism=10")
		if err == nil {
			break
		}
		t.Logf("seed %d: destroy %d failed:\n%s", seed, destroys, tail(out, 3000))
		if destroys == chaosApplyAttempts {
			t.Fatalf("seed %d: destroy failed %d times:\n%s", seed, destroys, tail(out, 6000))
		}
	}
	fired += firedFaults(env)
	env.Sandbox.ClearFaults()
	if err := checkEmpty(env, w); err != nil {
		t.Fatalf("seed %d: after destroy: %v", seed, err)
	}
	t.Logf("chaos seed=%d applies=%d destroys=%d faults_fired=%d replacements=%d seconds=%.1f",
		seed, applies, destroys, fired, replacements, time.Since(started).Seconds())
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// checkAccount checks that the sandbox holds exactly w: every user, meeting, webinar and registrant once, each
// the object in the state (ids: address → ID), nothing else, and the vacation responder on.
func checkAccount(env *acctest.Env, w *chaosWorld, ids map[string]string) error {
	ctx := acctest.Ctx()
	inState := map[string]bool{}
	for _, id := range ids {
		inState[id] = true
	}
	var problems []string
	// Users: exactly the configured e-mails besides the owner, each in the state.
	users := map[string]int{}
	for _, status := range []string{"active", "inactive", "pending"} {
		list, err := env.Client.Users.List(ctx, &client.ListUsersOptions{Status: status})
		if err != nil {
			return err
		}
		for _, u := range list {
			if strings.EqualFold(u.Email, env.Host) {
				continue
			}
			users[strings.ToLower(u.Email)]++
			id := u.ID
			if id == "" { // Zoom lists pending users without an ID
				if got, err := env.Client.Users.Get(ctx, u.Email); err == nil {
					id = got.ID
				}
			}
			if !inState[id] {
				problems = append(problems, fmt.Sprintf("user %s (%s) is not in the state", u.Email, id))
			}
		}
	}
	problems = append(problems, sameSet("users", users, w.users)...)
	// Meetings per host, by topic and start; webinars of the owner.
	for host, topics := range w.meetings {
		list, err := env.Client.Meetings.List(ctx, host, nil)
		if err != nil {
			return err
		}
		got := map[string]int{}
		for _, m := range list {
			got[m.Topic+"|"+m.StartTime]++
			if !inState[strconv.FormatInt(m.ID, 10)] {
				problems = append(problems, fmt.Sprintf("meeting %d %q of %s is not in the state", m.ID, m.Topic, host))
			}
		}
		byTopic := map[string]int{}
		for k, n := range got {
			if n > 1 {
				problems = append(problems, fmt.Sprintf("%d meetings of %s with topic and start %s", n, host, k))
			}
			topic, _, _ := strings.Cut(k, "|")
			byTopic[topic] += n
		}
		problems = append(problems, sameSet("meetings of "+host, byTopic, topics)...)
	}
	webinars, err := env.Client.Webinars.List(ctx, env.Host, nil)
	if err != nil {
		return err
	}
	got := map[string]int{}
	for _, wb := range webinars {
		got[wb.Topic]++
		if !inState[strconv.FormatInt(wb.ID, 10)] {
			problems = append(problems, fmt.Sprintf("webinar %d %q is not in the state", wb.ID, wb.Topic))
		}
	}
	problems = append(problems, sameSet("webinars", got, w.webinars)...)
	// Registrants of the meeting and of the webinar that take them.
	regs := func(kind string, parent int64, want []string) error {
		got := map[string]int{}
		for _, status := range []string{"approved", "pending", "denied"} {
			opts := &client.ListRegistrantsOptions{Status: status}
			var list []client.Registrant
			var err error
			if kind == "meeting" {
				list, err = env.Client.MeetingRegistrants.List(ctx, parent, opts)
			} else {
				list, err = env.Client.WebinarRegistrants.List(ctx, parent, opts)
			}
			if err != nil {
				return err
			}
			for _, g := range list {
				got[strings.ToLower(g.Email)]++
				if !inState[fmt.Sprintf("%d/%s", parent, g.ID)] {
					problems = append(problems, fmt.Sprintf("%s registrant %s is not in the state", kind, g.Email))
				}
			}
		}
		problems = append(problems, sameSet(kind+" registrants", got, want)...)
		return nil
	}
	for topic, want := range w.meetingReg {
		id, _ := strconv.ParseInt(ids["zoom_meeting.h0_m0"], 10, 64)
		if err := regs("meeting", id, want); err != nil {
			return fmt.Errorf("registrants of %s: %w", topic, err)
		}
	}
	for topic, want := range w.webinarReg {
		id, _ := strconv.ParseInt(ids["zoom_webinar.w"], 10, 64)
		if err := regs("webinar", id, want); err != nil {
			return fmt.Errorf("registrants of %s: %w", topic, err)
		}
	}
	if v, err := env.Client.Mail.GetVacation(ctx, w.mailbox); err != nil {
		return err
	} else if v.EnableAutoReply == nil || !*v.EnableAutoReply {
		problems = append(problems, "the vacation responder is off")
	}
	fields, err := env.Client.TrackingFields.List(ctx)
	if err != nil {
		return err
	}
	labels := map[string]int{}
	for _, f := range fields {
		labels[f.Field]++
		if !inState[f.ID] {
			problems = append(problems, fmt.Sprintf("tracking field %s %q is not in the state", f.ID, f.Field))
		}
	}
	problems = append(problems, sameSet("tracking fields", labels, w.tracking)...)
	if len(problems) > 0 {
		sort.Strings(problems)
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// sameSet compares counts by key with the wanted keys (each exactly once).
func sameSet(what string, got map[string]int, want []string) []string {
	var problems []string
	wanted := map[string]bool{}
	for _, k := range want {
		wanted[strings.ToLower(k)] = true
		wanted[k] = true
		n := got[k] + got[strings.ToLower(k)]
		if strings.ToLower(k) == k {
			n = got[k]
		}
		switch {
		case n == 0:
			problems = append(problems, fmt.Sprintf("%s: %s is missing", what, k))
		case n > 1:
			problems = append(problems, fmt.Sprintf("%s: %s exists %d times", what, k, n))
		}
	}
	for k := range got {
		if !wanted[k] {
			problems = append(problems, fmt.Sprintf("%s: %s is not in the configuration", what, k))
		}
	}
	return problems
}

// checkEmpty checks that nothing of w is left after destroy.
func checkEmpty(env *acctest.Env, w *chaosWorld) error {
	ctx := acctest.Ctx()
	var left []string
	for _, status := range []string{"active", "inactive", "pending"} {
		list, err := env.Client.Users.List(ctx, &client.ListUsersOptions{Status: status})
		if err != nil {
			return err
		}
		for _, u := range list {
			if !strings.EqualFold(u.Email, env.Host) {
				left = append(left, "user "+u.Email)
			}
		}
	}
	for host := range w.meetings {
		list, err := env.Client.Meetings.List(ctx, host, nil)
		if err != nil && !client.IsNotFound(err) {
			return err
		}
		for _, m := range list {
			left = append(left, fmt.Sprintf("meeting %d %q", m.ID, m.Topic))
		}
	}
	webinars, err := env.Client.Webinars.List(ctx, env.Host, nil)
	if err != nil {
		return err
	}
	for _, wb := range webinars {
		left = append(left, fmt.Sprintf("webinar %d %q", wb.ID, wb.Topic))
	}
	if v, err := env.Client.Mail.GetVacation(ctx, w.mailbox); err != nil {
		return err
	} else if v.EnableAutoReply != nil && *v.EnableAutoReply {
		left = append(left, "the vacation responder is on")
	}
	fields, err := env.Client.TrackingFields.List(ctx)
	if err != nil {
		return err
	}
	for _, f := range fields {
		left = append(left, fmt.Sprintf("tracking field %s %q", f.ID, f.Field))
	}
	if len(left) > 0 {
		return fmt.Errorf("left behind: %s", strings.Join(left, "; "))
	}
	return nil
}
