// Package bench measures the provider with the real terraform CLI against the Zoom sandbox under Zoom's rate
// limits (make bench, cmd/zoom-bench): wall time, requests per rate-limit category, 429s, retries and token
// requests of apply, a refresh-only plan and destroy, compared with the floor the limits impose.
package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Config is what to measure.
type Config struct {
	// Meetings (N), Hosts (M) and Users (K): the main workload is N meetings spread over M hosts, plus K users.
	// The hosts are zoom_user resources of their own (licensed, active), not among the K users, so that the
	// configuration holds M+K users and N meetings.
	Meetings, Hosts, Users int
	// Latency is injected by the sandbox into every API and token request.
	Latency time.Duration
	// Plan is the Zoom plan whose rate limits the sandbox enforces (and the provider paces for).
	Plan string
	// Parallelism lists the terraform -parallelism values to run the workload at.
	Parallelism []int
	// NoPacing also runs the apply phase with client-side pacing disabled (ZOOM_DISABLE_PACING=1), at each
	// parallelism.
	NoPacing bool
	// SeedUsers is the size of the account for the zoom_users measurement; 0 skips it.
	SeedUsers int
	// OutDir is where a run directory (report.json, charts, logs) is created.
	OutDir string
	// BinDir holds terraform-provider-zoom and zoom-sandbox, built beforehand (make bench builds them).
	BinDir string
	// Terraform is the terraform CLI.
	Terraform string
	// KeepWork keeps the Terraform working directories (configuration and state) of every run.
	KeepWork bool
	// PhaseTimeout bounds one terraform command.
	PhaseTimeout time.Duration
	// CPUProfile makes every provider process write a CPU profile (ZOOM_PROVIDER_CPUPROFILE_DIR) under the
	// run's profiles/<phase>/.
	CPUProfile bool
	// Scale lists the meeting counts of the scaling series (see ScaleGraph); empty skips it.
	Scale []int
	// HostsFirst lists the -parallelism values of the hosts-first runs (empty skips them): the same resources,
	// with the other users depending on the hosts' resource block. Terraform waits for every instance of a
	// resource block that a reference names, so a meeting starts only once every host exists; in the main graph
	// the hosts share Zoom's Light limit with the other users all the while, and the meetings (Medium) wait for
	// all of them. Here the hosts go first and the users run beside the meetings, so that both categories are
	// busy at once, given enough slots for every resource that is ready (the users and the meetings).
	HostsFirst []int
}

// DefaultConfig is the benchmark: 300 meetings on 10 hosts plus 100 users, Pro limits, 100 ms latency,
// parallelism 10 (Terraform's default) and 30, pacing off for comparison, zoom_users on 10,000 users, and the
// hosts-first graph at parallelism 400 (a slot for every resource ready once the hosts exist).
func DefaultConfig() Config {
	return Config{
		Meetings: 300, Hosts: 10, Users: 100,
		Latency: 100 * time.Millisecond, Plan: sandbox.PlanPro, Parallelism: []int{10, 30},
		NoPacing: true, SeedUsers: 10000, OutDir: "bench", BinDir: "bin", Terraform: "terraform",
		PhaseTimeout: 30 * time.Minute, Scale: []int{30, 300, 1000}, HostsFirst: []int{400},
	}
}

func (c Config) validate() error {
	switch {
	case c.Meetings < 0 || c.Hosts < 0 || c.Users < 0 || c.SeedUsers < 0:
		return errors.New("-n, -m, -k and -users must not be negative")
	case c.Meetings > 0 && c.Hosts < 1:
		return errors.New("meetings need at least one host (-m)")
	case c.Meetings+c.Hosts+c.Users == 0:
		return errors.New("nothing to measure: -n, -m and -k are all 0")
	case len(c.Parallelism) == 0:
		return errors.New("-parallelism: give at least one value")
	case c.Latency < 0:
		return errors.New("-latency must not be negative")
	}
	for _, n := range c.Scale {
		if n < 1 {
			return fmt.Errorf("-scale: %d is not a positive number", n)
		}
	}
	for _, p := range c.Parallelism {
		if p < 1 {
			return fmt.Errorf("-parallelism: %d is not a positive number", p)
		}
	}
	for _, p := range c.HostsFirst {
		if p < 1 {
			return fmt.Errorf("-hosts-first: %d is not a positive number", p)
		}
	}
	if _, err := sandbox.PresetProfile(c.Plan); err != nil {
		return fmt.Errorf("-plan: %v", err)
	}
	return nil
}

// Profile is the sandbox profile of the benchmark: the plan's rate limits enforced, the injected latency, the
// default token lifetime (one hour), and the per-host daily meeting create/update limit lifted (explicitly: a
// workload of more than 100 meetings per host would otherwise hit it, and this benchmark measures per-second
// limits, not that one).
func (c Config) Profile() sandbox.Profile {
	p, _ := sandbox.PresetProfile(c.Plan)
	p.RateLimitsEnabled = true
	p.LatencyMS = int(c.Latency / time.Millisecond)
	p.MeetingDailyLimit = 0 // 0 = unlimited
	p.DailyUserInvites = -1 // unlimited (the workload uses autoCreate, which does not count anyway)
	return p
}

// ErrTerraformFailed is returned (wrapped) by Run when a terraform command failed.
var ErrTerraformFailed = errors.New("terraform failed")

// Run measures everything cfg asks for, prints the table to stdout, and writes report.json and the charts under
// a new directory of cfg.OutDir. It returns the report even when a terraform command failed (then with an error
// wrapping ErrTerraformFailed); targets that are missed are reported, not returned as errors.
func Run(ctx context.Context, cfg Config, stdout io.Writer) (*Report, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	providerBin, err := filepath.Abs(filepath.Join(cfg.BinDir, "terraform-provider-zoom"))
	if err != nil {
		return nil, err
	}
	sandboxBin, err := filepath.Abs(filepath.Join(cfg.BinDir, "zoom-sandbox"))
	if err != nil {
		return nil, err
	}
	for _, b := range []string{providerBin, sandboxBin} {
		if st, err := os.Stat(b); err != nil || st.IsDir() {
			return nil, fmt.Errorf("%s is missing: build it first (make bench builds the provider and the sandbox)", b)
		}
	}

	started := time.Now()
	runDir, err := filepath.Abs(filepath.Join(cfg.OutDir, started.UTC().Format("20060102-150405")))
	if err != nil {
		return nil, err
	}
	for _, d := range []string{"charts", "logs", "work"} {
		if err := os.MkdirAll(filepath.Join(runDir, d), 0o755); err != nil {
			return nil, err
		}
	}

	prof := cfg.Profile()
	limits := prof.RateLimits()
	perSecond := map[string]float64{}
	for c, l := range limits {
		perSecond[string(c)] = l.PerSecond()
	}
	sp, err := startSandbox(ctx, sandboxBin, runDir, prof, filepath.Join(runDir, "logs", "sandbox.log"))
	if err != nil {
		return nil, err
	}
	defer sp.stop()
	te, err := newTerraformEnv(cfg.Terraform, providerBin, runDir)
	if err != nil {
		return nil, err
	}
	b := &runner{cfg: cfg, sp: sp, te: te, dir: runDir, perSecond: perSecond, out: stdout,
		creds: providerCreds{prof.AccountID, prof.ClientID, prof.ClientSecret}}
	b.report = &Report{
		StartedAt: started.UTC(), Directory: runDir, CPUs: runtime.NumCPU(), Terraform: terraformVersion(ctx, cfg.Terraform),
		Config: ReportConfig{
			Meetings: cfg.Meetings, Hosts: cfg.Hosts, Users: cfg.Users, Latency: cfg.Latency.String(), Plan: cfg.Plan,
			Parallelism: cfg.Parallelism, NoPacing: cfg.NoPacing, SeedUsers: cfg.SeedUsers, Scale: cfg.Scale,
			HostsFirst: cfg.HostsFirst,
			CPUProfile: cfg.CPUProfile,
			Workload: fmt.Sprintf("%d zoom_meeting (one-time, future, round-robin over the hosts) + %d host zoom_user "+
				"(autoCreate, type 2, not among the users) + %d zoom_user (autoCreate, type 1) = %d resources",
				cfg.Meetings, cfg.Hosts, cfg.Users, cfg.Meetings+cfg.Hosts+cfg.Users),
			Sandbox: fmt.Sprintf("plan %s, rate limits on, latency %s, token lifetime %ds, per-host daily meeting "+
				"limit lifted (meeting_daily_limit 0)", prof.Plan, cfg.Latency, prof.TokenLifetimeSeconds),
		},
		Limits: map[string]ReportLimit{},
		Legend: ChartLegend(),
	}
	for c, l := range limits {
		b.report.Limits[string(c)] = ReportLimit{PerWindow: l.PerWindow, WindowSeconds: l.Window.Seconds(), PerSecond: l.PerSecond()}
	}
	fmt.Fprintf(stdout, "zoom-bench: %s\nzoom-bench: sandbox %s (%s); output in %s\n",
		b.report.Config.Workload, sp.base, b.report.Config.Sandbox, runDir)

	runErr := b.runAll(ctx)
	b.report.Finished = time.Now().UTC()
	b.report.TotalSeconds = round(time.Since(started).Seconds(), 1)
	attachTerraformOwnCost(b.report.Phases)
	b.report.Comparison = pacingComparison(b.report.Phases)
	b.report.Scaling = scalingSeries(b.report.Phases)
	b.report.Targets = evaluateTargets(b.report.Phases)
	if runErr != nil {
		b.report.Error = runErr.Error()
	}
	if werr := writeReport(filepath.Join(runDir, "report.json"), b.report); werr != nil && runErr == nil {
		runErr = werr
	}
	printReport(stdout, b.report)
	if !cfg.KeepWork {
		_ = os.RemoveAll(filepath.Join(runDir, "work"))
	}
	return b.report, runErr
}

// runner carries one benchmark run.
type runner struct {
	cfg       Config
	sp        *sandboxProc
	te        *terraformEnv
	dir       string
	perSecond map[string]float64
	creds     providerCreds
	out       io.Writer
	report    *Report
}

func (b *runner) runAll(ctx context.Context) error {
	var failed []error
	note := func(err error) error {
		if errors.Is(err, ErrTerraformFailed) {
			failed = append(failed, err)
			return nil
		}
		return err
	}
	n, m, k := b.cfg.Meetings, b.cfg.Hosts, b.cfg.Users
	var runs []workload
	for _, p := range b.cfg.Parallelism {
		runs = append(runs, workload{scenario: "paced", n: n, m: m, k: k, p: p, pacing: true})
	}
	if b.cfg.NoPacing {
		for _, p := range b.cfg.Parallelism {
			runs = append(runs, workload{scenario: "no-pacing", n: n, m: m, k: k, p: p, applyOnly: true})
		}
	}
	if m > 0 && n > 0 {
		for _, p := range b.cfg.HostsFirst {
			runs = append(runs, workload{scenario: ScenarioHostsFirst, n: n, m: m, k: k, p: p, pacing: true, hostsFirst: true})
		}
	}
	// Terraform's own cost: the same graph written with terraform_data, at each parallelism.
	for _, p := range b.cfg.Parallelism {
		runs = append(runs, workload{scenario: ScenarioTerraformData, n: n, m: m, k: k, p: p, tfdata: true})
	}
	if m > 0 && n > 0 {
		for _, p := range b.cfg.HostsFirst {
			runs = append(runs, workload{scenario: ScenarioTerraformData + "-" + ScenarioHostsFirst, n: n, m: m, k: k, p: p, tfdata: true, hostsFirst: true})
		}
	}
	for _, r := range runs {
		if err := note(b.runWorkload(ctx, r)); err != nil {
			return err
		}
	}
	if b.cfg.SeedUsers > 0 {
		if err := note(b.runUsers(ctx)); err != nil {
			return err
		}
	}
	// The scaling series: quick (apply, plan -refresh=false, destroy) at the first parallelism, each size with
	// its terraform_data twin.
	for _, sn := range b.cfg.Scale {
		sm, sk := ScaleGraph(sn)
		p := b.cfg.Parallelism[0]
		for _, tfdata := range []bool{false, true} {
			w := workload{scenario: fmt.Sprintf("scale-%d", sn), n: sn, m: sm, k: sk, p: p, pacing: true, quick: true, tfdata: tfdata}
			if tfdata {
				w.scenario += "-" + ScenarioTerraformData
			}
			if err := note(b.runWorkload(ctx, w)); err != nil {
				return err
			}
		}
	}
	return errors.Join(failed...)
}

// ScenarioTerraformData names the runs of the workload's graph written with terraform_data.
const ScenarioTerraformData = "terraform_data"

// ScenarioHostsFirst names the paced runs of the hosts-first graph (Config.HostsFirst).
const ScenarioHostsFirst = "hosts-first"

// ScaleGraph is the graph of a scaling-series point of n meetings: the main workload's proportions (a host per
// 30 meetings, a user per 3 meetings), so that every kind of resource grows with n.
func ScaleGraph(n int) (hosts, users int) {
	return max(1, (n+29)/30), n / 3
}

// workload is one run of the workload's graph on a fresh sandbox account.
type workload struct {
	scenario  string
	n, m, k   int
	p         int
	pacing    bool
	applyOnly bool // apply only (the unpaced comparison)
	quick     bool // apply, plan -refresh=false, destroy (no refresh-only plan)
	tfdata    bool // the graph written with terraform_data: no provider, no API
	// hostsFirst: the other users depend on the hosts (Config.HostsFirst).
	hostsFirst bool
}

// graph names a workload's graph, to pair a run with its terraform_data twin.
func graphName(n, m, k int, hostsFirst bool) string {
	g := fmt.Sprintf("n%d-m%d-k%d", n, m, k)
	if hostsFirst {
		g += "-" + ScenarioHostsFirst
	}
	return g
}

// runWorkload applies, plans (refresh-only) and destroys the workload on a fresh sandbox at parallelism p; with
// pacing off only the apply is measured.
func (b *runner) runWorkload(ctx context.Context, w workload) error {
	name := fmt.Sprintf("%s-p%d", w.scenario, w.p)
	work := filepath.Join(b.dir, "work", name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	// Meetings start from the next whole hour a day from now: always in the future, whatever the run's length.
	start := time.Now().UTC().Add(24 * time.Hour).Truncate(time.Hour)
	cfgText := workloadConfig(w.n, w.m, w.k, start, w.hostsFirst)
	if w.tfdata {
		cfgText = terraformDataConfig(w.n, w.m, w.k, start, w.hostsFirst)
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(cfgText), 0o644); err != nil {
		return err
	}
	if err := b.sp.reset(ctx); err != nil {
		return err
	}
	var env []string
	if !w.tfdata {
		env = providerEnv(b.sp.base, b.cfg.Plan, b.creds, !w.pacing)
	}
	par := parallelismArg(w.p)
	// "plan -refresh=false" makes no API request: it shows what Terraform and the provider cost by themselves
	// for this many resources (and that the plan after apply is empty).
	phases := []struct{ name, kind string }{
		{"apply", "apply"}, {"plan -refresh-only", "plan"}, {"plan -refresh=false", "baseline"}, {"destroy", "destroy"},
	}
	switch {
	case w.applyOnly:
		phases = phases[:1]
	case w.quick:
		phases = append(phases[:1:1], phases[2:]...)
	}
	for _, ph := range phases {
		var args []string
		switch ph.kind {
		case "apply":
			args = []string{"apply", "-auto-approve", "-input=false", "-no-color", par}
		case "plan":
			args = []string{"plan", "-refresh-only", "-detailed-exitcode", "-input=false", "-no-color", par}
		case "baseline":
			args = []string{"plan", "-refresh=false", "-detailed-exitcode", "-input=false", "-no-color", par}
		case "destroy":
			args = []string{"destroy", "-auto-approve", "-input=false", "-no-color", par}
		}
		spec := phaseSpec{scenario: w.scenario, name: ph.name, kind: ph.kind, p: w.p, pacing: w.pacing, work: work,
			env: env, args: args, graph: graphName(w.n, w.m, w.k, w.hostsFirst), n: w.n, m: w.m, k: w.k, tfdata: w.tfdata,
			hostsFirst: w.hostsFirst}
		if err := b.phase(ctx, spec); err != nil {
			return err
		}
	}
	return nil
}

// runUsers measures data "zoom_users" on an account of SeedUsers users (plus the owner).
func (b *runner) runUsers(ctx context.Context) error {
	work := filepath.Join(b.dir, "work", "users")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(usersConfig), 0o644); err != nil {
		return err
	}
	if err := b.sp.reset(ctx); err != nil {
		return err
	}
	seeded, err := b.sp.seedUsers(ctx, b.cfg.SeedUsers)
	if err != nil {
		return err
	}
	scenario := fmt.Sprintf("zoom_users-%d", seeded.Users)
	env := providerEnv(b.sp.base, b.cfg.Plan, b.creds, false)
	p := 10
	for _, ph := range []struct {
		name string
		args []string
	}{
		{"plan", []string{"plan", "-input=false", "-no-color"}},
		{"apply", []string{"apply", "-auto-approve", "-input=false", "-no-color"}},
	} {
		spec := phaseSpec{scenario: scenario, name: ph.name, kind: ph.args[0], p: p, pacing: true, work: work, env: env, args: ph.args}
		if err := b.phase(ctx, spec); err != nil {
			return err
		}
	}
	// Check that the data source saw every user.
	res, err := b.te.run(ctx, work, env, filepath.Join(b.dir, "logs", scenario+"-output.log"), "output", "-raw", "user_count")
	if err == nil && res.exitCode == 0 {
		last := &b.report.Phases[len(b.report.Phases)-1]
		last.Summary = fmt.Sprintf("user_count = %s (account: %d users)", strings.TrimSpace(res.output), seeded.Users)
	}
	return err
}

// phaseSpec is one terraform command of a run.
type phaseSpec struct {
	scenario, name, kind string // kind: apply, plan, baseline (plan -refresh=false), destroy
	p                    int
	pacing               bool
	work                 string
	env, args            []string
	graph                string // the workload's graph, "" for other runs
	n, m, k              int
	tfdata               bool
	hostsFirst           bool
}

// phase runs one terraform command and measures it.
func (b *runner) phase(ctx context.Context, s phaseSpec) error {
	scenario, name, p := s.scenario, s.name, s.p
	if err := b.sp.clearRequests(ctx); err != nil {
		return err
	}
	slug := fmt.Sprintf("%s-%s", scenario, strings.ReplaceAll(strings.Fields(name)[0], " ", "-"))
	if s.graph != "" {
		slug = fmt.Sprintf("%s-p%d-%s", scenario, p, strings.Fields(name)[0])
		if strings.Contains(name, "-refresh=false") {
			slug += "-norefresh"
		}
	}
	fmt.Fprintf(b.out, "zoom-bench: %-32s ", slug+" ...")
	pctx, cancel := context.WithTimeout(ctx, b.cfg.PhaseTimeout)
	defer cancel()
	md := measureDirs{stats: filepath.Join(b.dir, "procstats", slug)}
	if b.cfg.CPUProfile && !s.tfdata {
		md.profile = filepath.Join(b.dir, "profiles", slug)
	}
	sbCPU := b.sp.cpu()
	start := time.Now()
	res, err := b.te.runMeasured(pctx, s.work, s.env, md, filepath.Join(b.dir, "logs", slug+".log"), s.args...)
	if err != nil {
		fmt.Fprintln(b.out, "error")
		return fmt.Errorf("%s: terraform %s: %w", slug, name, err)
	}
	recs, _, err := b.sp.requests(ctx)
	if err != nil {
		return err
	}
	if data, err := json.Marshal(recs); err == nil {
		_ = os.WriteFile(filepath.Join(b.dir, "logs", slug+"-requests.json"), data, 0o644)
	}
	ph := measure(recs, start, res.wall, b.perSecond)
	ph.Scenario, ph.Phase, ph.Parallelism, ph.Pacing = scenario, name, p, s.pacing
	ph.Graph, ph.Resources = s.graph, s.n+s.m+s.k
	if s.tfdata {
		ph.Provider = ScenarioTerraformData
	} else {
		ph.Provider = "zoom"
	}
	if s.graph != "" && s.kind != "baseline" {
		cp := CriticalPathFloor(workloadStages(s.kind, recs, s.m, s.k, s.n), b.perSecond, b.cfg.Latency)
		ph.CriticalPathSeconds = round(cp, 2)
		ph.setFloor(math.Max(ph.CategoryFloorSeconds, cp))
		if s.kind == "apply" || s.kind == "destroy" {
			of := math.Max(ph.FloorSeconds, CriticalPathFloor(orderStages(s.kind, recs, s.m, s.k, s.n, s.hostsFirst), b.perSecond, b.cfg.Latency))
			ph.OrderFloorSeconds = round(of, 2)
			ph.APISpanOrderRatio = round(Ratio(ph.APISpanSeconds, of), 2)
		}
	}
	ph.ProviderProcesses = res.processes
	ph.CPUSeconds = round(res.cpu.Seconds(), 2)
	if res.providerStats > 0 {
		ph.ProviderCPUSeconds = round(res.providerCPU.Seconds(), 2)
		ph.ProviderPeakMB = round(float64(res.providerMaxRSS)/(1<<20), 1)
	}
	ph.ProviderStats = res.providerStats
	ph.SandboxCPUSeconds = round((b.sp.cpu() - sbCPU).Seconds(), 2)
	ph.TerraformCPUSeconds = round((res.cpu - res.providerCPU).Seconds(), 2)
	if ph.Resources > 0 {
		ph.ProviderCPUPerResourceMS = round(1000*ph.ProviderCPUSeconds/float64(ph.Resources), 2)
	}
	if md.profile != "" {
		ph.Profiles = filepath.Join("profiles", slug)
	}
	ph.LoadAverage = loadAverage()
	ph.TerraformExit = res.exitCode
	ph.Summary = summary(res.output)
	ph.Log = filepath.Join("logs", slug+".log")
	ph.Surfaced429 = ph.Unretried429
	if mentions429(res.output) && ph.Surfaced429 == 0 {
		ph.Surfaced429 = 1 // Terraform showed a rate-limit diagnostic that the log did not explain
	}
	failed := res.exitCode != 0 && !(s.args[0] == "plan" && res.exitCode == 2)
	if s.args[0] == "plan" && res.exitCode == 2 {
		ph.Summary = changedSummary(res.output)
	}
	chart := filepath.Join("charts", slug+".png")
	if err := b.chart(filepath.Join(b.dir, chart), recs, start, res.wall); err == nil {
		ph.Chart = chart
	}
	b.report.Phases = append(b.report.Phases, ph)
	if failed {
		fmt.Fprintf(b.out, "FAILED (exit %d) after %.1fs\n", res.exitCode, ph.WallSeconds)
		fmt.Fprintln(b.out, lastLines(res.output, 30))
		ph := &b.report.Phases[len(b.report.Phases)-1]
		ph.Error = fmt.Sprintf("terraform exited with %d; see %s", res.exitCode, ph.Log)
		return fmt.Errorf("%w: %s (exit %d, see %s)", ErrTerraformFailed, slug, res.exitCode, filepath.Join(b.dir, ph.Log))
	}
	fmt.Fprintf(b.out, "%6.1fs  %5d requests  %s\n", ph.WallSeconds, ph.TotalRequests, ph.Summary)
	return nil
}

// measure computes a phase's numbers from its request log.
func measure(recs []sandbox.RequestRecord, start time.Time, wall time.Duration, perSecond map[string]float64) PhaseResult {
	ph := PhaseResult{
		WallSeconds: round(wall.Seconds(), 2),
		Requests:    map[string]int{}, Admitted: map[string]int{}, PeakPerSecond: map[string]float64{},
		ByRoute: map[string]int{},
	}
	var first, last time.Time
	for _, r := range recs {
		switch {
		case strings.HasSuffix(r.Route, " /oauth/token"):
			ph.TokenRequests++
			continue
		case r.Category == "":
			continue
		}
		ph.ByRoute[r.Route]++
		ph.TotalRequests++
		ph.Requests[r.Category]++
		if !r.RateLimited {
			ph.Admitted[r.Category]++
		}
		if r.Status == 429 {
			ph.TooManyRequests++
		}
		if r.Status >= 500 {
			ph.ServerErrors++
		}
		end := r.Time.Add(time.Duration(r.DurationMS * float64(time.Millisecond)))
		if first.IsZero() || r.Time.Before(first) {
			first = r.Time
		}
		if end.After(last) {
			last = end
		}
	}
	rs := CountRetries(recs)
	ph.Retries, ph.Unretried429 = rs.Retries(), rs.Unretried429()
	ph.RetriedAfter429, ph.RetriedAfter5xx = rs.Retried429, rs.Retried5xx+rs.RetriedDropped
	floor, cat := Floor(ph.Admitted, perSecond)
	ph.CategoryFloorSeconds, ph.FloorCategory = round(floor, 2), cat
	if !first.IsZero() {
		ph.APISpanSeconds = round(last.Sub(first).Seconds(), 2)
	}
	ph.setFloor(floor)
	series := PerSecond(recs, start, int(math.Ceil(wall.Seconds()))+1)
	for c, s := range series {
		if c != "429" {
			ph.PeakPerSecond[c] = Peak(s)
		}
	}
	return ph
}

// setFloor sets the phase's floor and the ratios against it.
func (ph *PhaseResult) setFloor(floor float64) {
	ph.FloorSeconds = round(floor, 2)
	ph.Ratio = round(Ratio(ph.WallSeconds, floor), 2)
	ph.APISpanRatio = round(Ratio(ph.APISpanSeconds, floor), 2)
}

func (b *runner) chart(path string, recs []sandbox.RequestRecord, start time.Time, wall time.Duration) error {
	n := int(math.Ceil(wall.Seconds())) + 1
	series := PerSecond(recs, start, n)
	var cs []chartSeries
	for _, c := range sandbox.Categories() {
		if s, ok := series[string(c)]; ok {
			cs = append(cs, chartSeries{name: string(c), values: s, limit: b.perSecond[string(c)]})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := renderChart(f, cs, series["429"], n); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func round(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}
