package resources_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// The tests in this file inject faults with the sandbox, so they need it.

func addFaults(t *testing.T, env *acctest.Env, faults ...sandbox.Fault) {
	t.Helper()
	for _, f := range faults {
		if err := env.Sandbox.AddFault(f); err != nil {
			t.Fatal(err)
		}
	}
}

// countMeetings checks that the host has exactly want meetings.
func countMeetings(env *acctest.Env, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		ms, err := env.Client.Meetings.List(acctest.Ctx(), env.Host, nil)
		if err != nil {
			return err
		}
		if len(ms) != want {
			return fmt.Errorf("the host has %d meetings, want %d (no duplicate, no orphan)", len(ms), want)
		}
		return nil
	}
}

// TestAccFaults_faultsAreSurvived runs, in one TestCase of two steps, the scenarios of the sandbox's fault injection, each
// against a sandbox of its own (a provider local name each, see sandboxSet):
//
//   - burst: a burst of per-second 429s during an apply of 20 meetings. The apply completes, every meeting
//     exists exactly once, and no 429 reaches Terraform. (Every 429 costs the client a real backoff of a second
//     or so, so a larger count makes the test slower without covering more.)
//   - retry: 5xx answers and dropped connections on GET (step 1), PATCH and PUT (step 2) and DELETE (the final
//     destroy) are retried, and the create, the update and the delete complete.
//   - adopt: a create that Zoom carried out but whose answer was lost (a 5xx after the change, or a dropped
//     connection) is adopted, for a user (by e-mail), a webinar (by host, topic and start) and a registrant (by
//     e-mail): no duplicate, no orphan.
//   - token: with a token lifetime of one second the apply outlives its first token and goes on. The client
//     replaces a token once half its lifetime has passed; five groups of two meetings, each group created after
//     the previous one, with every request (the token request included) delayed by 150 ms, make the last group
//     start at least 0.75 s after the first token was requested, so the apply must fetch another token between
//     its first and its last create, however fast the machine.
//   - down, revoked: when Zoom issues no token (endpoint down, or the app deactivated), the error says so and
//     what to check, and nothing is written to state (step 2).
//   - html, truncated: an HTML error page or a truncated JSON body gives a clear error, not a panic (step 2).
//
// Step 2 must fail with exactly one error for each of the last four, and none other (retry's update among
// them must succeed); CheckDestroy checks its update in the state the step left.
func TestAccFaults_faultsAreSurvived(t *testing.T) {
	s := newSandboxes(t, map[string]func(*sandbox.Profile){
		"burst": nil, "retry": nil, "adopt": nil,
		"token":     func(p *sandbox.Profile) { p.TokenLifetimeSeconds = 1; p.LatencyMS = 150 },
		"down":      func(p *sandbox.Profile) { p.TokenEndpointDown = true },
		"revoked":   func(p *sandbox.Profile) { p.Revoked = true },
		"html":      nil,
		"truncated": nil,
	})
	burst, retry, adopt, token := s.envs["burst"], s.envs["retry"], s.envs["adopt"], s.envs["token"]
	start := zoomUTC(futureUTC(60 * time.Hour))
	const burstN = 20
	addFaults(t, burst, sandbox.Fault{Path: `^/v2/`, Kind: sandbox.FaultRateLimit, Fraction: 0.3, Count: 30, Seed: 7})
	addFaults(t, adopt,
		sandbox.Fault{Method: "POST", Path: `^/v2/users$`, Kind: sandbox.Fault5xxAfter},
		sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/webinars$`, Kind: sandbox.FaultDropAfter},
		sandbox.Fault{Method: "POST", Path: `^/v2/webinars/[0-9]+/registrants$`, Kind: sandbox.Fault5xxAfter})
	// Enough faults to outlast the client's retries.
	addFaults(t, s.envs["html"], sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/meetings$`, Kind: sandbox.FaultHTML, Count: 20})
	addFaults(t, s.envs["truncated"], sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/meetings$`, Kind: sandbox.FaultTruncated, Count: 20})

	// Addresses are drawn once: every step has the same configuration of each object.
	retryEmail, adoptEmail, attendee := retry.RandomEmail(), adopt.RandomEmail(), adopt.RandomEmail()
	const groups, perGroup = 5, 2
	// bodies returns each sandbox's configuration: retry's with the given topic and status, and the failing ones
	// when failing.
	bodies := func(retryTopic, retryStatus string, failing bool) func(name string, env *acctest.Env) string {
		return func(name string, env *acctest.Env) string {
			var b string
			switch name {
			case "burst":
				b = fmt.Sprintf(`
resource "zoom_meeting" "burst" {
  count      = %d
  user_id    = %q
  topic      = "tf-acc-burst-${count.index}"
  start_time = %q
}
`, burstN, env.Host, start)
			case "retry":
				b = fmt.Sprintf(`
resource "zoom_user" "retry" {
  email  = %q
  action = "autoCreate"
  type   = 2
  status = %q
}

resource "zoom_meeting" "retry" {
  user_id    = zoom_user.retry.id
  topic      = %q
  start_time = %q
}
`, retryEmail, retryStatus, retryTopic, start)
			case "adopt":
				b = fmt.Sprintf(`
resource "zoom_user" "adopt" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_webinar" "adopt" {
  user_id    = %q
  topic      = "tf-acc-adopted"
  start_time = %q
  settings   = { approval_type = 0 }
}

resource "zoom_webinar_registrant" "adopt" {
  webinar_id = zoom_webinar.adopt.id
  email      = %q
  first_name = "Ada"
}
`, adoptEmail, env.Host, start, attendee)
			case "token":
				for g := range groups {
					dependsOn := ""
					if g > 0 {
						dependsOn = fmt.Sprintf("\n  depends_on = [zoom_meeting.token_g%d]", g-1)
					}
					b += fmt.Sprintf(`
resource "zoom_meeting" "token_g%d" {
  count      = %d
  user_id    = %q
  topic      = "tf-acc-token-%d-${count.index}"
  start_time = %q%s
}
`, g, perGroup, env.Host, g, start, dependsOn)
				}
			default: // down, revoked, html, truncated
				if failing {
					b = fmt.Sprintf(`
resource "zoom_meeting" %q {
  user_id    = %q
  topic      = "tf-acc-%s"
  start_time = %q
}
`, name, env.Host, name, start)
				}
			}
			return withProvider(name, b)
		}
	}
	config := func(retryTopic, retryStatus string, failing bool) string {
		return s.config(bodies(retryTopic, retryStatus, failing))
	}
	expect := map[string]*regexp.Regexp{
		"down":      regexp.MustCompile(`(?s)Zoom did not issue an access token.*503`),
		"revoked":   regexp.MustCompile(`(?s)Zoom did not issue an access token.*client_id`),
		"html":      regexp.MustCompile(`(?s)Error creating Zoom meeting.*body`),
		"truncated": regexp.MustCompile(`(?s)Error creating Zoom meeting.*(JSON|unexpected end)`),
	}
	failed := false
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: s.factories(),
		ErrorCheck: func(err error) error {
			problems := scenarioErrors(err.Error(), byFirstPart, expect)
			if len(problems) > 0 {
				return fmt.Errorf("%s\n\nin: %w", strings.Join(problems, "\n"), err)
			}
			failed = true
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					addFaults(t, retry,
						sandbox.Fault{Method: "GET", Path: `^/v2/meetings/`, Kind: sandbox.Fault503, Count: 2},
						sandbox.Fault{Method: "GET", Path: `^/v2/users/`, Kind: sandbox.FaultDrop, Count: 1})
					token.Sandbox.ClearRequests()
				},
				Config: config("tf-acc-a", "active", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{checkAfterApply(
					func(*terraform.State) error {
						// Counted before countMeetings adds its own requests.
						if f := burst.Sandbox.Faults(); f[0].Fired < 10 {
							return fmt.Errorf("burst: only %d 429s were injected", f[0].Fired)
						}
						return nil
					},
					countMeetings(burst, burstN),
					checkAdopted(adopt),
					checkTokenRenewed(token),
					countMeetings(token, groups*perGroup),
				)}},
			},
			{
				PreConfig: func() {
					addFaults(t, retry,
						sandbox.Fault{Method: "PATCH", Path: `^/v2/meetings/`, Kind: sandbox.FaultDrop, Count: 1},
						sandbox.Fault{Method: "PATCH", Path: `^/v2/meetings/`, Kind: sandbox.Fault502, Count: 1},
						sandbox.Fault{Method: "PUT", Path: `^/v2/users/[^/]+/status$`, Kind: sandbox.Fault500, Count: 1},
						// For the final destroy: this step sends no DELETE.
						sandbox.Fault{Method: "DELETE", Path: `^/v2/meetings/`, Kind: sandbox.Fault504, Count: 1},
						sandbox.Fault{Method: "DELETE", Path: `^/v2/users/`, Kind: sandbox.FaultDropAfter, Count: 1})
				},
				// retry's objects are updated; the four failing creates meet their faults.
				Config: config("tf-acc-b", "inactive", true),
			},
		},
		CheckDestroy: func(st *terraform.State) error {
			if !failed {
				return fmt.Errorf("step 2 should have failed")
			}
			// st is the state before the destroy, as step 2 left it: retry's update is in it, and the failed
			// creates wrote nothing to it.
			meeting, user := st.RootModule().Resources["zoom_meeting.retry"], st.RootModule().Resources["zoom_user.retry"]
			if meeting == nil || user == nil {
				return fmt.Errorf("retry's meeting or user is not in the state")
			}
			if got := meeting.Primary.Attributes["topic"]; got != "tf-acc-b" {
				return fmt.Errorf("retry: the meeting's topic is %q after the update, want tf-acc-b", got)
			}
			if got := user.Primary.Attributes["status"]; got != "inactive" {
				return fmt.Errorf("retry: the user's status is %q after the update, want inactive", got)
			}
			for addr := range st.RootModule().Resources {
				for name := range expect {
					if strings.HasSuffix(addr, "."+name) {
						return fmt.Errorf("%s is in the state after a failed apply", addr)
					}
				}
			}
			id, err := strconv.ParseInt(meeting.Primary.ID, 10, 64)
			if err != nil {
				return fmt.Errorf("retry's meeting ID %q: %v", meeting.Primary.ID, err)
			}
			if _, err := retry.Client.Meetings.Get(acctest.Ctx(), id, nil); !client.IsNotFound(err) {
				return fmt.Errorf("retry: meeting %d still exists after its delete (%v)", id, err)
			}
			for _, f := range retry.Sandbox.Faults() {
				if f.Fired == 0 {
					return fmt.Errorf("retry: fault %s %s %s never fired", f.Kind, f.Method, f.Path)
				}
			}
			for _, name := range []string{"down", "revoked"} {
				s.envs[name].Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.TokenEndpointDown = false; p.Revoked = false })
			}
			for _, name := range []string{"burst", "token", "down", "revoked"} {
				if err := countMeetings(s.envs[name], 0)(st); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
			return nil
		},
	})
}

// checkAdopted checks the adopt scenario of TestAccFaults_faultsAreSurvived: each create was sent once and its
// lost answer adopted.
func checkAdopted(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, f := range env.Sandbox.Faults() {
			if f.Fired != 1 {
				return fmt.Errorf("adopt: fault on %s fired %d times, want 1", f.Path, f.Fired)
			}
		}
		stats := env.Sandbox.RequestStats().ByRoute
		for _, route := range []string{"POST /v2/users", "POST /v2/users/{userId}/webinars", "POST /v2/webinars/{webinarId}/registrants"} {
			if stats[route] != 1 {
				return fmt.Errorf("adopt: %s was sent %d times, want 1 (adopt, never create twice)", route, stats[route])
			}
		}
		ws, err := env.Client.Webinars.List(acctest.Ctx(), env.Host, nil)
		if err != nil || len(ws) != 1 {
			return fmt.Errorf("adopt: webinars = %d (%v), want 1", len(ws), err)
		}
		rs, err := env.Client.WebinarRegistrants.List(acctest.Ctx(), ws[0].ID, nil)
		if err != nil || len(rs) != 1 {
			return fmt.Errorf("adopt: registrants = %d (%v), want 1", len(rs), err)
		}
		return nil
	}
}

// checkTokenRenewed checks the token scenario of TestAccFaults_faultsAreSurvived: between the first and the last
// create (the request log is in order of completion), the apply's client fetched a new token.
func checkTokenRenewed(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		first, last := -1, -1
		reqs := env.Sandbox.Requests()
		for i, r := range reqs {
			if r.Route == "POST /v2/users/{userId}/meetings" {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			return fmt.Errorf("token: no meeting was created")
		}
		for _, r := range reqs[first:last] {
			if strings.HasSuffix(r.Route, " /oauth/token") {
				return nil
			}
		}
		return fmt.Errorf("token: no token was fetched during the apply (%d requests from the first to the last create): the token never expired", last-first+1)
	}
}

// TestAccSecurity_traceLogHoldsNoSecret runs an apply, a refresh and a destroy with TRACE logging and checks that
// the client secret, the access tokens, passcodes, start URLs and registrant join URLs appear nowhere in the log.
// The refresh is the one of the plan Terraform makes after the apply, which must be empty (a separate refresh
// step would read the same objects the same way). It sets environment variables, so it does not run in parallel.
func TestAccSecurity_traceLogHoldsNoSecret(t *testing.T) {
	secret := "cl1ent-s3cret-" + strings.TrimPrefix(acctest.RandomName(), acctest.NamePrefix)
	env := acctest.New(t, func(p *sandbox.Profile) { p.ClientSecret = secret })
	env.RequireSandbox(t)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_LOG_PROVIDER", "TRACE")
	// As in a pipeline, the secret comes from the environment: the test harness logs the configuration itself.
	t.Setenv("ZOOM_CLIENT_SECRET", secret)
	t.Setenv("TF_VAR_passcode", "Pa55-code")
	config := func(body string) string {
		return strings.Replace(env.Config(body), fmt.Sprintf("client_secret = %q", secret), "", 1)
	}

	var secrets []string
	collect := func(addr string, attrs ...string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s not in state", addr)
			}
			for _, a := range attrs {
				if v := rs.Primary.Attributes[a]; v != "" {
					secrets = append(secrets, v)
				}
			}
			return nil
		}
	}
	acctest.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config(fmt.Sprintf(`
variable "passcode" {
  type      = string
  sensitive = true
}

resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = "tf-acc-secrets"
  start_time = %q
  password   = var.passcode
  settings   = { approval_type = 0 }
}

resource "zoom_meeting_registrant" "r" {
  meeting_id = zoom_meeting.m.id
  email      = %q
  first_name = "Ada"
}
`, env.Host, zoomUTC(futureUTC(60*time.Hour)), env.RandomEmail())),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{checkAfterApply(
					collect("zoom_meeting.m", "password", "start_url", "join_url", "h323_password", "encrypted_password"),
					collect("zoom_meeting_registrant.r", "join_url"),
				)}},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			b, err := os.ReadFile(logPath)
			if err != nil {
				return fmt.Errorf("no TRACE log was written: %v", err)
			}
			log := string(b)
			if !regexp.MustCompile(`meetings/[0-9]+`).MatchString(log) || !strings.Contains(log, "category") {
				return fmt.Errorf("the TRACE log (%d bytes) holds no provider request log, so it proves nothing", len(b))
			}
			// The meeting's five secret attributes and the registrant's join URL, read from the state after the
			// apply: fewer would mean that the check read nothing and proves less.
			if len(secrets) != 6 {
				return fmt.Errorf("%d secrets collected from the state, want 6", len(secrets))
			}
			all := append([]string{secret, "Pa55-code"}, secrets...)
			all = append(all, env.Sandbox.IssuedTokens()...)
			if len(env.Sandbox.IssuedTokens()) == 0 {
				return fmt.Errorf("no token was issued")
			}
			for _, s := range all {
				if len(s) >= 6 && strings.Contains(log, s) {
					return fmt.Errorf("a secret appears in the TRACE log: %.6s…", s)
				}
			}
			// start_url tokens change on every read: no zak= value may appear at all.
			if regexp.MustCompile(`zak=[A-Za-z0-9]`).MatchString(log) {
				return fmt.Errorf("a start URL token appears in the TRACE log")
			}
			return nil
		},
	})
}
