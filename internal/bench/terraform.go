package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/procstats"
)

const providerSource = "registry.terraform.io/zoom-terraform/zoom"

// workloadConfig is the Terraform configuration of the main workload: m hosts (licensed users created active
// with autoCreate, so that they can host meetings), k more users (Basic, autoCreate) and n one-time meetings
// spread round-robin over the hosts, one hour apart from start. With hostsFirst the k users depend on the hosts
// (depends_on), so that Terraform creates the hosts first and then the users beside the meetings (see
// Config.HostsFirst).
func workloadConfig(n, m, k int, start time.Time, hostsFirst bool) string {
	var b strings.Builder
	b.WriteString(configHeader)
	fmt.Fprintf(&b, `
# The hosts: licensed, active users (meetings need an active host).
resource "zoom_user" "host" {
  count      = %d
  email      = format("bench-host-%%04d@bench.zoom.test", count.index)
  action     = "autoCreate"
  type       = 2
  first_name = "Bench"
  last_name  = format("Host %%d", count.index)
}

# The other users: Basic, active.
resource "zoom_user" "member" {
  count      = %d
  email      = format("bench-user-%%04d@bench.zoom.test", count.index)
  action     = "autoCreate"
  type       = 1
  first_name = "Bench"
  last_name  = format("User %%d", count.index)%s
}
`, m, k, dependsOnHosts(hostsFirst, "zoom_user"))
	if n > 0 {
		fmt.Fprintf(&b, `
# One-time meetings, round-robin over the hosts, one hour apart, all in the future.
resource "zoom_meeting" "meeting" {
  count      = %d
  user_id    = zoom_user.host[count.index %% %d].id
  topic      = format("Bench meeting %%04d", count.index)
  start_time = timeadd(%q, format("%%dh", count.index))
  duration   = 30
}
`, n, m, start.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// terraformDataConfig is workloadConfig's graph written with Terraform's built-in terraform_data: the same
// resources, arguments and dependencies (each meeting on its host), no provider and no API. Its run is
// Terraform's own cost for the graph.
func terraformDataConfig(n, m, k int, start time.Time, hostsFirst bool) string {
	var b strings.Builder
	b.WriteString("# Written by zoom-bench: the workload's graph with terraform_data (Terraform's own cost).\n")
	fmt.Fprintf(&b, `
resource "terraform_data" "host" {
  count = %d
  input = {
    email      = format("bench-host-%%04d@bench.zoom.test", count.index)
    action     = "autoCreate"
    type       = 2
    first_name = "Bench"
    last_name  = format("Host %%d", count.index)
  }
}

resource "terraform_data" "member" {
  count = %d
  input = {
    email      = format("bench-user-%%04d@bench.zoom.test", count.index)
    action     = "autoCreate"
    type       = 1
    first_name = "Bench"
    last_name  = format("User %%d", count.index)
  }%s
}
`, m, k, dependsOnHosts(hostsFirst, "terraform_data"))
	if n > 0 {
		fmt.Fprintf(&b, `
resource "terraform_data" "meeting" {
  count = %d
  input = {
    user_id    = terraform_data.host[count.index %% %d].id
    topic      = format("Bench meeting %%04d", count.index)
    start_time = timeadd(%q, format("%%dh", count.index))
    duration   = 30
  }
}
`, n, m, start.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// dependsOnHosts is the depends_on line that makes the other users wait for the hosts' resource block.
func dependsOnHosts(hostsFirst bool, typ string) string {
	if !hostsFirst {
		return ""
	}
	return "\n  depends_on = [" + typ + ".host]"
}

// usersConfig reads every user of the account.
const usersConfig = configHeader + `
data "zoom_users" "all" {}

output "user_count" {
  value = length(data.zoom_users.all.users)
}
`

const configHeader = `# Written by zoom-bench. The provider reads its settings from ZOOM_* environment variables.
terraform {
  required_providers {
    zoom = {
      source = "zoom-terraform/zoom"
    }
  }
}

provider "zoom" {}
`

// terraformEnv prepares the CLI configuration (dev_overrides pointing at a directory holding a wrapper that
// records each provider process, then runs the real provider) under dir.
type terraformEnv struct {
	terraform string
	cliConfig string
	procLog   string
	base      []string // environment shared by every command
}

func newTerraformEnv(terraform, providerBinary, dir string) (*terraformEnv, error) {
	if strings.ContainsAny(providerBinary, "'\n") {
		return nil, fmt.Errorf("unsupported provider path %q", providerBinary)
	}
	plugins := filepath.Join(dir, "plugins")
	if err := os.MkdirAll(plugins, 0o755); err != nil {
		return nil, err
	}
	procLog := filepath.Join(dir, "provider-processes.log")
	wrapper := "#!/bin/sh\n" +
		"# zoom-bench: records each provider process (to count token requests per process), then runs the provider.\n" +
		"[ -n \"$ZOOM_BENCH_PROCESS_LOG\" ] && echo \"$$\" >>\"$ZOOM_BENCH_PROCESS_LOG\"\n" +
		"exec '" + providerBinary + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(plugins, "terraform-provider-zoom"), []byte(wrapper), 0o755); err != nil {
		return nil, err
	}
	cliConfig := filepath.Join(dir, "terraformrc")
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", providerSource, plugins)
	if err := os.WriteFile(cliConfig, []byte(rc), 0o644); err != nil {
		return nil, err
	}
	// The caller's environment minus anything that would change what is measured.
	var base []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "ZOOM_") || strings.HasPrefix(k, "TF_") {
			continue
		}
		base = append(base, kv)
	}
	base = append(base, "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"ZOOM_BENCH_PROCESS_LOG="+procLog)
	return &terraformEnv{terraform: terraform, cliConfig: cliConfig, procLog: procLog, base: base}, nil
}

// providerEnv is the provider settings for the sandbox at base.
func providerEnv(base, plan string, p providerCreds, disablePacing bool) []string {
	env := []string{
		"ZOOM_API_URL=" + base + "/v2",
		"ZOOM_OAUTH_URL=" + base + "/oauth/token",
		"ZOOM_ACCOUNT_ID=" + p.accountID,
		"ZOOM_CLIENT_ID=" + p.clientID,
		"ZOOM_CLIENT_SECRET=" + p.clientSecret,
		"ZOOM_ACCOUNT_PLAN=" + plan,
	}
	if disablePacing {
		env = append(env, "ZOOM_DISABLE_PACING=1")
	}
	return env
}

type providerCreds struct{ accountID, clientID, clientSecret string }

// tfResult is the outcome of one terraform command.
type tfResult struct {
	wall      time.Duration
	exitCode  int
	processes int    // provider processes started
	output    string // combined stdout and stderr
	// cpu is the user+system CPU time of terraform and of the children it waited for (the provider processes).
	cpu time.Duration
	// providerCPU and providerMaxRSS are the provider processes' CPU time (summed) and largest peak resident set,
	// from the figures each writes when it exits (procstats); providerStats counts the processes that wrote them.
	providerCPU    time.Duration
	providerMaxRSS int64
	providerStats  int
}

// measureDirs are where a command's provider processes write their figures and (optionally) CPU profiles.
type measureDirs struct {
	stats   string // ZOOM_PROVIDER_STATS_DIR; "" = none
	profile string // ZOOM_PROVIDER_CPUPROFILE_DIR; "" = none
}

// run runs terraform with args in dir, writing its output to logPath.
func (te *terraformEnv) run(ctx context.Context, dir string, extraEnv []string, logPath string, args ...string) (tfResult, error) {
	return te.runMeasured(ctx, dir, extraEnv, measureDirs{}, logPath, args...)
}

// runMeasured is run with the provider processes' figures (and CPU profiles) written under md.
func (te *terraformEnv) runMeasured(ctx context.Context, dir string, extraEnv []string, md measureDirs, logPath string, args ...string) (tfResult, error) {
	if err := os.WriteFile(te.procLog, nil, 0o644); err != nil {
		return tfResult{}, err
	}
	cmd := exec.CommandContext(ctx, te.terraform, args...)
	cmd.Dir = dir
	cmd.Env = append(append([]string(nil), te.base...), extraEnv...)
	if md.stats != "" {
		if err := os.RemoveAll(md.stats); err != nil {
			return tfResult{}, err
		}
		cmd.Env = append(cmd.Env, procstats.EnvStatsDir+"="+md.stats)
	}
	if md.profile != "" {
		cmd.Env = append(cmd.Env, procstats.EnvCPUProfileDir+"="+md.profile)
	}
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	res := tfResult{wall: time.Since(start), output: string(out)}
	if ps := cmd.ProcessState; ps != nil {
		res.cpu = ps.UserTime() + ps.SystemTime()
	}
	if werr := os.WriteFile(logPath, out, 0o644); werr != nil && err == nil {
		err = werr
	}
	if b, rerr := os.ReadFile(te.procLog); rerr == nil {
		res.processes = len(strings.Fields(string(b)))
	}
	if md.stats != "" {
		if st, serr := procstats.Read(md.stats); serr == nil {
			for _, s := range st {
				res.providerCPU += time.Duration(s.CPUSeconds() * float64(time.Second))
				res.providerMaxRSS = max(res.providerMaxRSS, s.MaxRSSBytes)
			}
			res.providerStats = len(st)
		}
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		res.exitCode = ee.ExitCode()
		err = nil
	default:
		res.exitCode = -1
	}
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	return res, err
}

var (
	reApplied = regexp.MustCompile(`Apply complete! Resources: (\d+) added, (\d+) changed, (\d+) destroyed`)
	reDestroy = regexp.MustCompile(`Destroy complete! Resources: (\d+) destroyed`)
	reHTTP429 = regexp.MustCompile(`(?i)HTTP 429|rate limit`)
)

// summary is Terraform's closing line for apply and destroy, e.g. "410 added".
func summary(output string) string {
	if m := reApplied.FindStringSubmatch(output); m != nil {
		return fmt.Sprintf("%s added, %s changed, %s destroyed", m[1], m[2], m[3])
	}
	if m := reDestroy.FindStringSubmatch(output); m != nil {
		return m[1] + " destroyed"
	}
	return ""
}

var (
	reHasChanged = regexp.MustCompile(`(?m)^\s*# (\S+) has changed$`)
	reChangedArg = regexp.MustCompile(`(?m)^\s*~ (\w+)\s+=`)
	rePlanLine   = regexp.MustCompile(`Plan: \d+ to add, \d+ to change, \d+ to destroy`)
)

// changedSummary summarises a plan that found changes, e.g. a refresh-only plan's "Objects have changed outside
// of Terraform": how many objects, and which attributes.
func changedSummary(output string) string {
	n := len(reHasChanged.FindAllString(output, -1))
	attrs := map[string]bool{}
	for _, m := range reChangedArg.FindAllStringSubmatch(output, -1) {
		attrs[m[1]] = true
	}
	names := make([]string, 0, len(attrs))
	for a := range attrs {
		names = append(names, a)
	}
	sort.Strings(names)
	if n == 0 {
		if strings.Contains(output, "\nNo changes.") {
			// A refresh-only plan exits 2 when the refreshed state differs from the stored one in any way, even
			// when no attribute did: the order of a resource's sensitive_attributes, which Terraform writes.
			return "no attribute changed (exit 2: Terraform rewrote its state bookkeeping)"
		}
		if m := rePlanLine.FindString(output); m != "" {
			return "the plan is not empty: " + m
		}
		return "the plan has changes"
	}
	return fmt.Sprintf("refresh reports %d objects changed outside Terraform (attributes: %s)", n, strings.Join(names, ", "))
}

// mentions429 reports whether one of Terraform's diagnostics (an error or a warning, drawn between "╷" and
// "╵") speaks of HTTP 429 or a rate limit.
func mentions429(output string) bool {
	var block []string
	in := false
	for _, l := range strings.Split(output, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "╷"):
			in, block = true, nil
		case strings.HasPrefix(t, "╵"):
			if in && reHTTP429.MatchString(strings.Join(block, "\n")) {
				return true
			}
			in = false
		case in:
			block = append(block, t)
		case strings.HasPrefix(t, "Error:") || strings.HasPrefix(t, "Warning:"):
			if reHTTP429.MatchString(t) {
				return true
			}
		}
	}
	return false
}

// lastLines returns the last n lines of s, for error messages.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// loadAverage is the machine's 1-minute load average, or -1 when unknown.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}

// parallelismArg is -parallelism=p.
func parallelismArg(p int) string { return "-parallelism=" + strconv.Itoa(p) }
