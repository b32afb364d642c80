package resources_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
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

// TestAccFaults_rateLimitBurst: a burst of per-second 429s during an apply of 20 resources. The apply completes,
// every meeting exists exactly once, and no 429 reaches Terraform. (Every 429 costs the client a real backoff of
// a second or so, so a larger count makes the test slower without covering more.)
func TestAccFaults_rateLimitBurst(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	const n = 20
	addFaults(t, env, sandbox.Fault{Path: `^/v2/`, Kind: sandbox.FaultRateLimit, Fraction: 0.3, Count: 30, Seed: 7})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             countMeetings(env, 0),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "burst" {
  count      = %d
  user_id    = %q
  topic      = "tf-acc-burst-${count.index}"
  start_time = %q
}
`, n, env.Host, zoomUTC(futureUTC(60*time.Hour)))),
			Check: resource.ComposeTestCheckFunc(func(*terraform.State) error {
				// Counted before countMeetings adds its own requests.
				if f := env.Sandbox.Faults(); f[0].Fired < 10 {
					return fmt.Errorf("only %d 429s were injected", f[0].Fired)
				}
				return nil
			}, countMeetings(env, n)),
		}},
	})
}

// TestAccFaults_serverErrorsAreRetried: 5xx answers and dropped connections on GET, PATCH, PUT and DELETE are
// retried and the apply, update and destroy complete.
func TestAccFaults_serverErrorsAreRetried(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	email := env.RandomEmail()
	config := func(topic, status string) string {
		return env.Config(fmt.Sprintf(`
resource "zoom_user" "u" {
  email  = %q
  action = "autoCreate"
  type   = 2
  status = %q
}

resource "zoom_meeting" "test" {
  user_id    = zoom_user.u.id
  topic      = %q
  start_time = %q
}
`, email, status, topic, zoomUTC(futureUTC(60*time.Hour))))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := checkMeetingsDestroyed(env)(s); err != nil {
				return err
			}
			for _, f := range env.Sandbox.Faults() {
				if f.Fired == 0 {
					return fmt.Errorf("fault %s %s %s never fired", f.Kind, f.Method, f.Path)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					addFaults(t, env,
						sandbox.Fault{Method: "GET", Path: `^/v2/meetings/`, Kind: sandbox.Fault503, Count: 2},
						sandbox.Fault{Method: "GET", Path: `^/v2/users/`, Kind: sandbox.FaultDrop, Count: 1})
				},
				Config: config("tf-acc-a", "active"),
			},
			{
				PreConfig: func() {
					addFaults(t, env,
						sandbox.Fault{Method: "PATCH", Path: `^/v2/meetings/`, Kind: sandbox.FaultDrop, Count: 1},
						sandbox.Fault{Method: "PATCH", Path: `^/v2/meetings/`, Kind: sandbox.Fault502, Count: 1},
						sandbox.Fault{Method: "PUT", Path: `^/v2/users/[^/]+/status$`, Kind: sandbox.Fault500, Count: 1})
				},
				Config: config("tf-acc-b", "inactive"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("topic"), knownvalue.StringExact("tf-acc-b")),
					statecheck.ExpectKnownValue("zoom_user.u", tfjsonpath.New("status"), knownvalue.StringExact("inactive")),
				},
			},
			{
				PreConfig: func() {
					addFaults(t, env,
						sandbox.Fault{Method: "DELETE", Path: `^/v2/meetings/`, Kind: sandbox.Fault504, Count: 1},
						sandbox.Fault{Method: "DELETE", Path: `^/v2/users/`, Kind: sandbox.FaultDropAfter, Count: 1})
				},
				Config:  config("tf-acc-b", "inactive"),
				Destroy: true,
			},
		},
	})
}

// TestAccFaults_interruptedCreates: a create that Zoom carried out but whose answer was lost (a 5xx after the
// change, or a dropped connection) is adopted, for a user (by e-mail), a webinar (by host, topic and start) and a
// registrant (by e-mail): no duplicate, no orphan.
func TestAccFaults_interruptedCreates(t *testing.T) {
	env := acctest.New(t)
	env.RequireSandbox(t)
	addFaults(t, env,
		sandbox.Fault{Method: "POST", Path: `^/v2/users$`, Kind: sandbox.Fault5xxAfter},
		sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/webinars$`, Kind: sandbox.FaultDropAfter},
		sandbox.Fault{Method: "POST", Path: `^/v2/webinars/[0-9]+/registrants$`, Kind: sandbox.Fault5xxAfter})
	user, attendee := env.RandomEmail(), env.RandomEmail()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_user" "u" {
  email  = %q
  action = "autoCreate"
  type   = 2
}

resource "zoom_webinar" "w" {
  user_id    = %q
  topic      = "tf-acc-adopted"
  start_time = %q
  settings   = { approval_type = 0 }
}

resource "zoom_webinar_registrant" "r" {
  webinar_id = zoom_webinar.w.id
  email      = %q
  first_name = "Ada"
}
`, user, env.Host, zoomUTC(futureUTC(60*time.Hour)), attendee)),
			Check: func(s *terraform.State) error {
				for _, f := range env.Sandbox.Faults() {
					if f.Fired != 1 {
						return fmt.Errorf("fault on %s fired %d times, want 1", f.Path, f.Fired)
					}
				}
				stats := env.Sandbox.RequestStats().ByRoute
				for _, route := range []string{"POST /v2/users", "POST /v2/users/{userId}/webinars", "POST /v2/webinars/{webinarId}/registrants"} {
					if stats[route] != 1 {
						return fmt.Errorf("%s was sent %d times, want 1 (adopt, never create twice)", route, stats[route])
					}
				}
				ws, err := env.Client.Webinars.List(acctest.Ctx(), env.Host, nil)
				if err != nil || len(ws) != 1 {
					return fmt.Errorf("webinars = %d (%v), want 1", len(ws), err)
				}
				rs, err := env.Client.WebinarRegistrants.List(acctest.Ctx(), ws[0].ID, nil)
				if err != nil || len(rs) != 1 {
					return fmt.Errorf("registrants = %d (%v), want 1", len(rs), err)
				}
				return nil
			},
		}},
	})
}

// TestAccFaults_tokenExpiresDuringApply: with a token lifetime of one second the apply outlives its first token
// and goes on. The client replaces a token once half its lifetime has passed; five groups of two meetings, each
// group created after the previous one, with every request (the token request included) delayed by 150 ms, make
// the last group start at least 0.75 s after the first token was requested, so the apply must fetch another token
// between its first and its last create, however fast the machine.
func TestAccFaults_tokenExpiresDuringApply(t *testing.T) {
	env := acctest.New(t, func(p *sandbox.Profile) { p.TokenLifetimeSeconds = 1; p.LatencyMS = 150 })
	env.RequireSandbox(t)
	const groups, perGroup = 5, 2
	var body strings.Builder
	for g := range groups {
		dependsOn := ""
		if g > 0 {
			dependsOn = fmt.Sprintf("\n  depends_on = [zoom_meeting.g%d]", g-1)
		}
		fmt.Fprintf(&body, `
resource "zoom_meeting" "g%d" {
  count      = %d
  user_id    = %q
  topic      = "tf-acc-token-%d-${count.index}"
  start_time = %q%s
}
`, g, perGroup, env.Host, g, zoomUTC(futureUTC(60*time.Hour)), dependsOn)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             countMeetings(env, 0),
		Steps: []resource.TestStep{{
			PreConfig: env.Sandbox.ClearRequests,
			Config:    env.Config(body.String()),
			Check: resource.ComposeTestCheckFunc(func(*terraform.State) error {
				// Between the first and the last create (the request log is in order of completion), the apply's
				// client must have fetched a new token.
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
					return fmt.Errorf("no meeting was created")
				}
				for _, r := range reqs[first:last] {
					if strings.HasSuffix(r.Route, " /oauth/token") {
						return nil
					}
				}
				return fmt.Errorf("no token was fetched during the apply (%d requests from the first to the last create): the token never expired", last-first+1)
			}, countMeetings(env, groups*perGroup)),
		}},
	})
}

// TestAccFaults_tokenEndpoint: when Zoom issues no token (endpoint down, or the app deactivated), the error says
// so and what to check, and nothing is written to state.
func TestAccFaults_tokenEndpoint(t *testing.T) {
	for name, c := range map[string]struct {
		profile func(*sandbox.Profile)
		want    string
	}{
		"down":    {func(p *sandbox.Profile) { p.TokenEndpointDown = true }, `(?s)Zoom did not issue an access token.*503`},
		"revoked": {func(p *sandbox.Profile) { p.Revoked = true }, `(?s)Zoom did not issue an access token.*client_id`},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.New(t, c.profile)
			env.RequireSandbox(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = "tf-acc-no-token"
  start_time = %q
}
`, env.Host, zoomUTC(futureUTC(60*time.Hour)))),
					ExpectError: regexp.MustCompile(c.want),
				}},
				CheckDestroy: func(s *terraform.State) error {
					if n := len(s.RootModule().Resources); n != 0 {
						return fmt.Errorf("%d resources in state after a failed apply", n)
					}
					env.Sandbox.UpdateProfile(func(p *sandbox.Profile) { p.TokenEndpointDown = false; p.Revoked = false })
					return countMeetings(env, 0)(s)
				},
			})
		})
	}
}

// TestAccFaults_malformedResponses: an HTML error page or a truncated JSON body gives a clear error, not a panic.
func TestAccFaults_malformedResponses(t *testing.T) {
	for name, c := range map[string]struct {
		kind, want string
	}{
		"html":      {sandbox.FaultHTML, `(?s)Error creating Zoom meeting.*body`},
		"truncated": {sandbox.FaultTruncated, `(?s)Error creating Zoom meeting.*(JSON|unexpected end)`},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.New(t)
			env.RequireSandbox(t)
			// Enough faults to outlast the client's retries.
			addFaults(t, env, sandbox.Fault{Method: "POST", Path: `^/v2/users/[^/]+/meetings$`, Kind: c.kind, Count: 20})
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: env.Config(fmt.Sprintf(`
resource "zoom_meeting" "m" {
  user_id    = %q
  topic      = "tf-acc-garbled"
  start_time = %q
}
`, env.Host, zoomUTC(futureUTC(60*time.Hour)))),
					ExpectError: regexp.MustCompile(c.want),
				}},
			})
		})
	}
}

// TestAccSecurity_traceLogHoldsNoSecret runs an apply, a refresh and a destroy with TRACE logging and checks that
// the client secret, the access tokens, passcodes, start URLs and registrant join URLs appear nowhere in the log.
// It sets environment variables, so it does not run in parallel.
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
	resource.Test(t, resource.TestCase{
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
				Check: resource.ComposeTestCheckFunc(
					collect("zoom_meeting.m", "password", "start_url", "join_url", "h323_password", "encrypted_password"),
					collect("zoom_meeting_registrant.r", "join_url"),
				),
			},
			{RefreshState: true, RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
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
