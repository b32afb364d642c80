package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is everything one benchmark run measured; it is written to report.json.
type Report struct {
	StartedAt    time.Time              `json:"started_at"`
	Finished     time.Time              `json:"finished_at"`
	TotalSeconds float64                `json:"total_seconds"`
	Directory    string                 `json:"directory"`
	CPUs         int                    `json:"cpus"`
	Terraform    string                 `json:"terraform"`
	Config       ReportConfig           `json:"config"`
	Limits       map[string]ReportLimit `json:"limits"`
	Phases       []PhaseResult          `json:"phases"`
	Targets      []Target               `json:"targets"`
	Comparison   []PacingComparison     `json:"pacing_comparison,omitempty"`
	Scaling      *Scaling               `json:"scaling,omitempty"`
	Legend       map[string]string      `json:"chart_legend"`
	Error        string                 `json:"error,omitempty"`
}

// ReportConfig is the run's configuration.
type ReportConfig struct {
	Meetings    int    `json:"meetings"`
	Hosts       int    `json:"hosts"`
	Users       int    `json:"users"`
	Latency     string `json:"latency"`
	Plan        string `json:"plan"`
	Parallelism []int  `json:"parallelism"`
	NoPacing    bool   `json:"no_pacing_run"`
	SeedUsers   int    `json:"seed_users"`
	Scale       []int  `json:"scale,omitempty"`
	HostsFirst  []int  `json:"hosts_first,omitempty"`
	CPUProfile  bool   `json:"cpu_profile"`
	Workload    string `json:"workload"`
	Sandbox     string `json:"sandbox"`
}

// ReportLimit is one category's limit.
type ReportLimit struct {
	PerWindow     int     `json:"per_window"`
	WindowSeconds float64 `json:"window_seconds"`
	PerSecond     float64 `json:"per_second"`
}

// PhaseResult is one terraform command's measurement.
type PhaseResult struct {
	Scenario    string `json:"scenario"` // paced, no-pacing, zoom_users-<n>
	Phase       string `json:"phase"`
	Parallelism int    `json:"parallelism"`
	Pacing      bool   `json:"pacing"`
	// Provider is "zoom" or "terraform_data" (the same graph without provider: Terraform's own cost); Graph names
	// the workload's graph (n meetings, m hosts, k users) and Resources counts its resources.
	Provider  string `json:"provider"`
	Graph     string `json:"graph,omitempty"`
	Resources int    `json:"resources,omitempty"`
	// WallSeconds is the terraform command's wall time (process start to exit).
	WallSeconds float64 `json:"wall_seconds"`
	// Requests counts API requests per category (429 answers included); Admitted the ones the limiter let through.
	Requests      map[string]int `json:"requests"`
	Admitted      map[string]int `json:"admitted"`
	TotalRequests int            `json:"total_requests"`
	// TooManyRequests is the number of 429 answers received.
	TooManyRequests int `json:"429s_received"`
	// Retries counts requests repeated after a 429, a 5xx or a dropped connection (derived from the log).
	Retries         int `json:"retries"`
	RetriedAfter429 int `json:"retried_after_429"`
	RetriedAfter5xx int `json:"retried_after_5xx_or_drop"`
	// Unretried429 are 429s not followed by a repeat of the same request; Surfaced429 adds Terraform diagnostics
	// that mention a rate limit.
	Unretried429      int `json:"unretried_429s"`
	Surfaced429       int `json:"surfaced_429s"`
	ServerErrors      int `json:"server_errors"`
	TokenRequests     int `json:"token_requests"`
	ProviderProcesses int `json:"provider_processes"`
	// CategoryFloorSeconds is max over categories of admitted requests / limit per second (FloorCategory the
	// category that sets it); CriticalPathSeconds the floor along the graph's dependency chain (CriticalPathFloor:
	// the hosts' requests, then the meetings'; the other way round for destroy); FloorSeconds the larger of the
	// two; Ratio = wall / floor.
	CategoryFloorSeconds float64 `json:"category_floor_seconds"`
	CriticalPathSeconds  float64 `json:"critical_path_floor_seconds"`
	FloorSeconds         float64 `json:"floor_seconds"`
	FloorCategory        string  `json:"floor_category"`
	Ratio                float64 `json:"ratio"`
	// OrderFloorSeconds is a second, larger lower bound of an apply or destroy of the workload graph: the floor of
	// the order in which Terraform schedules it (orderStages: an apply runs every user before any meeting, because
	// Terraform's -parallelism slots go first come, first served and the meetings become ready last), summed stage
	// by stage. The provider cannot reorder Terraform's walk, so this is the bound it can reach; FloorSeconds,
	// which lets the meetings' Medium requests overlap the users' Light ones, is not reachable with Terraform's
	// order. APISpanOrderRatio = span / order floor; OrderOverheadRatio = wall / (order floor + TerraformOwn).
	OrderFloorSeconds  float64 `json:"order_floor_seconds,omitempty"`
	APISpanOrderRatio  float64 `json:"api_span_vs_order_floor_ratio,omitempty"`
	OrderOverheadRatio float64 `json:"wall_vs_order_floor_plus_terraform_ratio,omitempty"`
	// APISpanSeconds is the time from the first request's arrival to the last answer; APISpanRatio = span / floor
	// (the ratio without Terraform's start-up and shut-down).
	APISpanSeconds float64            `json:"api_span_seconds"`
	APISpanRatio   float64            `json:"api_span_ratio"`
	PeakPerSecond  map[string]float64 `json:"peak_admitted_per_second"`
	ByRoute        map[string]int     `json:"requests_by_route"`
	// CPUSeconds is the CPU time of terraform and its provider processes; LoadAverage the machine's 1-minute
	// load average when the phase ended (the benchmark shares the machine with whatever else runs on it).
	CPUSeconds float64 `json:"cpu_seconds"`
	// ProviderCPUSeconds is the provider processes' CPU time and ProviderPeakMB the largest peak resident set
	// among them (each process reports itself at exit: ZOOM_PROVIDER_STATS_DIR; ProviderStats counts the
	// reports); TerraformCPUSeconds = CPUSeconds - ProviderCPUSeconds; ProviderCPUPerResourceMS per resource.
	ProviderCPUSeconds       float64 `json:"provider_cpu_seconds"`
	TerraformCPUSeconds      float64 `json:"terraform_cpu_seconds"`
	ProviderPeakMB           float64 `json:"provider_peak_mb"`
	ProviderStats            int     `json:"provider_stats_reports"`
	ProviderCPUPerResourceMS float64 `json:"provider_cpu_per_resource_ms"`
	// SandboxCPUSeconds is the sandbox's CPU time during the phase (it runs on the same machine).
	SandboxCPUSeconds float64 `json:"sandbox_cpu_seconds"`
	// TerraformOwnSeconds and TerraformOwnCPUSeconds are the wall and CPU time of the same phase of the same
	// graph written with terraform_data (at the same parallelism); OverheadRatio = wall / (floor + TerraformOwn).
	TerraformOwnSeconds    float64 `json:"terraform_own_seconds,omitempty"`
	TerraformOwnCPUSeconds float64 `json:"terraform_own_cpu_seconds,omitempty"`
	OverheadRatio          float64 `json:"wall_vs_floor_plus_terraform_ratio,omitempty"`
	// Profiles is the directory of the provider's CPU profiles (-cpuprofile).
	Profiles      string  `json:"profiles,omitempty"`
	LoadAverage   float64 `json:"load_average"`
	TerraformExit int     `json:"terraform_exit_code"`
	Summary       string  `json:"summary,omitempty"`
	Chart         string  `json:"chart,omitempty"`
	Log           string  `json:"log"`
	Error         string  `json:"error,omitempty"`
}

// Target is one of the targets and whether this run met it.
type Target struct {
	Name   string `json:"name"`
	Met    bool   `json:"met"`
	Detail string `json:"detail"`
}

// PacingComparison sets the apply with pacing off beside the paced one.
type PacingComparison struct {
	Parallelism    int     `json:"parallelism"`
	PacedWall      float64 `json:"paced_wall_seconds"`
	UnpacedWall    float64 `json:"unpaced_wall_seconds"`
	Paced429s      int     `json:"paced_429s"`
	Unpaced429s    int     `json:"unpaced_429s"`
	PacedRetries   int     `json:"paced_retries"`
	UnpacedRetries int     `json:"unpaced_retries"`
	PacedRatio     float64 `json:"paced_ratio"`
	UnpacedRatio   float64 `json:"unpaced_ratio"`
}

// The targets: the API span against the floor, and wall time against the floor plus Terraform's own
// cost.
const (
	maxSpanRatio     = 1.15
	maxOverheadRatio = 1.1
)

// attachTerraformOwnCost sets, on every zoom phase of a workload graph, the wall and CPU time of the same phase
// of its terraform_data twin (same graph and parallelism) and the ratio of wall time to floor plus that.
func attachTerraformOwnCost(phases []PhaseResult) {
	for i := range phases {
		p := &phases[i]
		if p.Provider != "zoom" || p.Graph == "" {
			continue
		}
		for _, t := range phases {
			if t.Provider == ScenarioTerraformData && t.Graph == p.Graph && t.Phase == p.Phase && t.Parallelism == p.Parallelism {
				p.TerraformOwnSeconds, p.TerraformOwnCPUSeconds = t.WallSeconds, t.CPUSeconds
				p.OverheadRatio = round(Ratio(p.WallSeconds, p.FloorSeconds+t.WallSeconds), 2)
				if p.OrderFloorSeconds > 0 {
					p.OrderOverheadRatio = round(Ratio(p.WallSeconds, p.OrderFloorSeconds+t.WallSeconds), 2)
				}
				break
			}
		}
	}
}

// Scaling is the scaling series: a point per size, a line fitted through each metric, and the linearity check.
type Scaling struct {
	Points []ScalePoint `json:"points"`
	Fits   []ScaleFit   `json:"fits"`
	// Linear reports whether every fitted metric stays within MaxResidual of its line.
	Linear      bool    `json:"linear"`
	MaxResidual float64 `json:"max_residual_allowed"`
}

// ScalePoint is one size of the series: its apply (wall, requests) and what all its phases cost.
type ScalePoint struct {
	Meetings  int `json:"meetings"`
	Resources int `json:"resources"`
	// ApplyWall, ApplyRequests, ApplyFloor: the apply; PlanWall: plan -refresh=false.
	ApplyWall     float64 `json:"apply_wall_seconds"`
	ApplyFloor    float64 `json:"apply_floor_seconds"`
	ApplyRequests int     `json:"apply_requests"`
	PlanWall      float64 `json:"plan_norefresh_wall_seconds"`
	// ProviderCPU and TerraformCPU sum over the point's phases; ProviderCPUPerResourceMS divides by resources
	// and phases; PeakMB is the largest provider process; TerraformDataCPU the terraform_data twin's CPU.
	ProviderCPU              float64 `json:"provider_cpu_seconds"`
	TerraformCPU             float64 `json:"terraform_cpu_seconds"`
	TerraformDataCPU         float64 `json:"terraform_data_cpu_seconds"`
	ProviderCPUPerResourceMS float64 `json:"provider_cpu_per_resource_ms"`
	PeakMB                   float64 `json:"provider_peak_mb"`
}

// ScaleFit is the line through one metric of the series: PerResource is its slope (per resource), Fixed its
// intercept; Linear when no point strays more than the allowed residual from the line.
type ScaleFit struct {
	Metric      string  `json:"metric"`
	PerResource float64 `json:"per_resource"`
	Fixed       float64 `json:"fixed"`
	MaxResidual float64 `json:"max_residual"`
	Linear      bool    `json:"linear"`
}

// maxScaleResidual is how far (relative) a point of the scaling series may stray from the fitted line.
const maxScaleResidual = 0.15

// scalingSeries gathers the scale-<n> runs; nil without them.
func scalingSeries(phases []PhaseResult) *Scaling {
	byN := map[string]*ScalePoint{}
	var order []string
	for _, p := range phases {
		if !strings.HasPrefix(p.Scenario, "scale-") || p.Provider != "zoom" {
			continue
		}
		pt := byN[p.Graph]
		if pt == nil {
			pt = &ScalePoint{Resources: p.Resources}
			_, _ = fmt.Sscanf(p.Graph, "n%d", &pt.Meetings)
			byN[p.Graph] = pt
			order = append(order, p.Graph)
		}
		switch p.Phase {
		case "apply":
			pt.ApplyWall, pt.ApplyRequests, pt.ApplyFloor = p.WallSeconds, p.TotalRequests, p.FloorSeconds
		case "plan -refresh=false":
			pt.PlanWall = p.WallSeconds
		}
		pt.ProviderCPU = round(pt.ProviderCPU+p.ProviderCPUSeconds, 2)
		pt.TerraformCPU = round(pt.TerraformCPU+p.TerraformCPUSeconds, 2)
		pt.TerraformDataCPU = round(pt.TerraformDataCPU+p.TerraformOwnCPUSeconds, 2)
		pt.PeakMB = math.Max(pt.PeakMB, p.ProviderPeakMB)
	}
	if len(order) == 0 {
		return nil
	}
	sc := &Scaling{Linear: true, MaxResidual: maxScaleResidual}
	for _, g := range order {
		pt := byN[g]
		if pt.Resources > 0 {
			pt.ProviderCPUPerResourceMS = round(1000*pt.ProviderCPU/float64(pt.Resources), 2)
		}
		sc.Points = append(sc.Points, *pt)
	}
	sort.Slice(sc.Points, func(i, j int) bool { return sc.Points[i].Resources < sc.Points[j].Resources })
	metrics := []struct {
		name string
		get  func(ScalePoint) float64
	}{
		{"apply wall seconds", func(p ScalePoint) float64 { return p.ApplyWall }},
		{"apply requests", func(p ScalePoint) float64 { return float64(p.ApplyRequests) }},
		{"provider CPU seconds", func(p ScalePoint) float64 { return p.ProviderCPU }},
		{"terraform CPU seconds", func(p ScalePoint) float64 { return p.TerraformCPU }},
		{"provider peak MB", func(p ScalePoint) float64 { return p.PeakMB }},
	}
	if len(sc.Points) < 3 {
		sc.Linear = false // two points always lie on a line: nothing checked
	}
	for _, m := range metrics {
		var xs, ys []float64
		for _, p := range sc.Points {
			xs, ys = append(xs, float64(p.Resources)), append(ys, m.get(p))
		}
		f := FitLine(xs, ys)
		sf := ScaleFit{Metric: m.name, PerResource: round(f.Slope, 5), Fixed: round(f.Intercept, 3),
			MaxResidual: round(f.MaxResidual, 3), Linear: f.MaxResidual <= maxScaleResidual}
		if !sf.Linear {
			sc.Linear = false
		}
		sc.Fits = append(sc.Fits, sf)
	}
	return sc
}

func (p PhaseResult) label() string {
	if p.Graph != "" || p.Scenario == "paced" || p.Scenario == "no-pacing" || p.Scenario == ScenarioHostsFirst {
		return fmt.Sprintf("%s %s p=%d", p.Scenario, p.Phase, p.Parallelism)
	}
	return p.Scenario + " " + p.Phase
}

// heldToTargets reports whether a phase is held to the span and wall-time targets: the paced workload phases
// with a floor, of the main graph and of the hosts-first graph (the zoom_users measurement, the unpaced comparison
// and the scaling series are not).
func heldToTargets(p PhaseResult) bool {
	return (p.Scenario == "paced" || p.Scenario == ScenarioHostsFirst) && p.FloorSeconds > 0
}

// metAt names the runs (scenario and parallelism) in which every phase held to a target met it, and those in
// which one missed, so that a target met at one parallelism and missed at another says which.
func metAt(phases []PhaseResult, held func(PhaseResult) bool, ok func(PhaseResult) bool) string {
	var order []string
	missed := map[string]bool{}
	for _, p := range phases {
		if !held(p) {
			continue
		}
		run := fmt.Sprintf("%s p=%d", p.Scenario, p.Parallelism)
		if _, seen := missed[run]; !seen {
			order = append(order, run)
			missed[run] = false
		}
		if !ok(p) {
			missed[run] = true
		}
	}
	var met, miss []string
	for _, r := range order {
		if missed[r] {
			miss = append(miss, r)
		} else {
			met = append(met, r)
		}
	}
	none := func(s []string) string {
		if len(s) == 0 {
			return "none"
		}
		return strings.Join(s, ", ")
	}
	return fmt.Sprintf("met in every phase of: %s; missed in: %s", none(met), none(miss))
}

// evaluateTargets checks the targets: the API span against the floor and the wall time against floor
// plus Terraform's own cost over the phases heldToTargets, surfaced 429s and token requests over every phase.
// The span and wall-time targets are met only when every phase held to them meets them, at every parallelism;
// their details name the runs in which they were met (metAt).
func evaluateTargets(phases []PhaseResult) []Target {
	span := Target{Name: fmt.Sprintf("every phase's API span within %.2fx of its critical-path floor", maxSpanRatio), Met: true}
	over := Target{Name: fmt.Sprintf("every phase's wall time within %.1fx of floor + Terraform's own cost", maxOverheadRatio), Met: true}
	worstSpan, worstSpanAt, worstOver, worstOverAt, n, nOver := 0.0, "", 0.0, "", 0, 0
	var spanMiss, overMiss []string
	surf := Target{Name: "zero 429s surfaced to Terraform", Met: true}
	received, surfaced := 0, 0
	tok := Target{Name: "one token request per provider process per hour", Met: true}
	tokens, procs := 0, 0
	var tokMiss []string
	for _, p := range phases {
		if heldToTargets(p) {
			n++
			if p.APISpanRatio > worstSpan {
				worstSpan, worstSpanAt = p.APISpanRatio, p.label()
			}
			if p.APISpanRatio > maxSpanRatio {
				spanMiss = append(spanMiss, fmt.Sprintf("%s %.2f", p.label(), p.APISpanRatio))
			}
			if p.OverheadRatio > 0 {
				nOver++
				if p.OverheadRatio > worstOver {
					worstOver, worstOverAt = p.OverheadRatio, p.label()
				}
				if p.OverheadRatio > maxOverheadRatio {
					overMiss = append(overMiss, fmt.Sprintf("%s %.2f", p.label(), p.OverheadRatio))
				}
			}
		}
		received += p.TooManyRequests
		surfaced += p.Surfaced429
		tokens += p.TokenRequests
		procs += p.ProviderProcesses
		allowed := p.ProviderProcesses * int(math.Max(1, math.Ceil(p.WallSeconds/3600)))
		if p.TokenRequests > allowed {
			tokMiss = append(tokMiss, fmt.Sprintf("%s: %d token requests for %d processes", p.label(), p.TokenRequests, p.ProviderProcesses))
		}
	}
	switch {
	case n == 0:
		span.Met, span.Detail = false, "no paced phase was measured"
	case len(spanMiss) > 0:
		span.Met = false
		span.Detail = fmt.Sprintf("%d of %d paced phases above %.2fx: %s", len(spanMiss), n, maxSpanRatio, strings.Join(spanMiss, ", "))
	default:
		span.Detail = fmt.Sprintf("all %d paced phases within; worst %.2f (%s)", n, worstSpan, worstSpanAt)
	}
	if n > 0 {
		span.Detail += "; " + metAt(phases, heldToTargets, func(p PhaseResult) bool { return p.APISpanRatio <= maxSpanRatio })
	}
	switch {
	case nOver == 0:
		over.Met, over.Detail = false, "no paced phase has a terraform_data twin"
	case len(overMiss) > 0:
		over.Met = false
		over.Detail = fmt.Sprintf("%d of %d paced phases above %.1fx: %s", len(overMiss), nOver, maxOverheadRatio, strings.Join(overMiss, ", "))
	default:
		over.Detail = fmt.Sprintf("all %d paced phases within; worst %.2f (%s)", nOver, worstOver, worstOverAt)
	}
	if nOver > 0 {
		over.Detail += "; " + metAt(phases, func(p PhaseResult) bool { return heldToTargets(p) && p.OverheadRatio > 0 },
			func(p PhaseResult) bool { return p.OverheadRatio <= maxOverheadRatio })
	}
	surf.Met = surfaced == 0
	surf.Detail = fmt.Sprintf("%d surfaced; %d 429s received over all phases (pacing off included), the others retried", surfaced, received)
	tok.Met = len(tokMiss) == 0
	if tok.Met {
		tok.Detail = fmt.Sprintf("%d token requests for %d provider processes over all phases (processes that never call the API fetch none)", tokens, procs)
	} else {
		tok.Detail = strings.Join(tokMiss, "; ")
	}
	return []Target{span, over, surf, tok, orderTarget(phases)}
}

// orderTarget holds the paced applies and destroys of the workload to the span target against their
// Terraform-order floor (PhaseResult.OrderFloorSeconds), the bound the provider can reach. It sits beside the
// issue's targets and does not replace them.
func orderTarget(phases []PhaseResult) Target {
	t := Target{Name: fmt.Sprintf("every apply's and destroy's API span within %.2fx of its Terraform-order floor (beside the issue's targets)", maxSpanRatio), Met: true}
	var miss, all []string
	for _, p := range phases {
		if !heldToTargets(p) || p.OrderFloorSeconds <= 0 {
			continue
		}
		all = append(all, fmt.Sprintf("%s %.2f", p.label(), p.APISpanOrderRatio))
		if p.APISpanOrderRatio > maxSpanRatio {
			miss = append(miss, fmt.Sprintf("%s %.2f", p.label(), p.APISpanOrderRatio))
		}
	}
	switch {
	case len(all) == 0:
		t.Met, t.Detail = false, "no paced apply or destroy was measured"
	case len(miss) > 0:
		t.Met, t.Detail = false, fmt.Sprintf("%d of %d above %.2fx: %s", len(miss), len(all), maxSpanRatio, strings.Join(miss, ", "))
	default:
		t.Detail = "all within: " + strings.Join(all, ", ")
	}
	return t
}

// pacingComparison pairs each unpaced apply with the paced apply at the same parallelism.
func pacingComparison(phases []PhaseResult) []PacingComparison {
	var out []PacingComparison
	for _, u := range phases {
		if u.Scenario != "no-pacing" || u.Phase != "apply" {
			continue
		}
		for _, p := range phases {
			if p.Scenario == "paced" && p.Phase == "apply" && p.Parallelism == u.Parallelism {
				out = append(out, PacingComparison{
					Parallelism: u.Parallelism, PacedWall: p.WallSeconds, UnpacedWall: u.WallSeconds,
					Paced429s: p.TooManyRequests, Unpaced429s: u.TooManyRequests,
					PacedRetries: p.Retries, UnpacedRetries: u.Retries, PacedRatio: p.Ratio, UnpacedRatio: u.Ratio,
				})
			}
		}
	}
	return out
}

func writeReport(path string, r *Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// printReport writes the table, the targets and the comparison.
func printReport(w io.Writer, r *Report) {
	fmt.Fprintf(w, "\nzoom-bench results — %s; limits per second: Light %g, Medium %g, Heavy %g, Resource-intensive %.3g\n",
		r.Config.Sandbox, r.Limits["Light"].PerSecond, r.Limits["Medium"].PerSecond, r.Limits["Heavy"].PerSecond,
		r.Limits["Resource-intensive"].PerSecond)
	fmt.Fprintf(w, "workload: %s\n\n", r.Config.Workload)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\tphase\tpar\twall s\tLight\tMedium\tHeavy\tR-int\t429s\tretries\ttokens\tprocs\tfloor s\tcrit s\tspan s\tspan/fl\ttf-own s\twall/(fl+tf)\torder s\tspan/ord\twall/(ord+tf)\tprov cpu\ttf cpu\tsbx cpu\tms/res\tprov MB\tload\t")
	for _, p := range r.Phases {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%s\t%.1f\t%s\t%.1f\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.1f\t%.0f\t%.1f\t\n",
			p.Scenario, p.Phase, p.Parallelism, p.WallSeconds,
			p.Requests["Light"], p.Requests["Medium"], p.Requests["Heavy"], p.Requests["Resource-intensive"],
			p.TooManyRequests, p.Retries, p.TokenRequests, p.ProviderProcesses,
			p.FloorSeconds, p.CriticalPathSeconds, p.APISpanSeconds, fmtRatio(p.APISpanRatio),
			p.TerraformOwnSeconds, fmtRatio(p.OverheadRatio),
			p.OrderFloorSeconds, fmtRatio(p.APISpanOrderRatio), fmtRatio(p.OrderOverheadRatio), p.ProviderCPUSeconds, p.TerraformCPUSeconds, p.SandboxCPUSeconds,
			p.ProviderCPUPerResourceMS, p.ProviderPeakMB, p.LoadAverage)
	}
	_ = tw.Flush()
	fmt.Fprintln(w, "\nrequests per category include 429 answers; floor = max over categories of admitted requests / limit per second;")
	fmt.Fprintln(w, "crit = floor along the dependency chain (hosts, then meetings at their categories' limits and at least one latency")
	fmt.Fprintln(w, "per sequential request); floor s = the larger; span = first request to last answer (without Terraform's start-up and")
	fmt.Fprintln(w, "shut-down); tf-own = wall time of the same phase of the same graph written with terraform_data (Terraform's own cost);")
	fmt.Fprintln(w, "order s = floor of the order Terraform schedules an apply or destroy in (apply: every user, then the meetings, since")
	fmt.Fprintln(w, "Terraform's -parallelism slots go first come, first served; hosts-first: the hosts, then the other users beside")
	fmt.Fprintln(w, "the meetings), the bound the provider can reach; span/ord and")
	fmt.Fprintln(w, "wall/(ord+tf) are the ratios against it, beside (not instead of) the floor's;")
	fmt.Fprintln(w, "prov cpu / tf cpu / sbx cpu = CPU seconds of the provider processes / of terraform itself / of the sandbox;")
	fmt.Fprintln(w, "ms/res = provider CPU ms per resource;")
	fmt.Fprintf(w, "prov MB = largest provider peak RSS; load = 1-minute load average at the end (%d CPUs).\n", r.CPUs)
	for _, p := range r.Phases {
		if p.Summary != "" || p.Error != "" {
			fmt.Fprintf(w, "  %s: %s%s\n", p.label(), p.Summary, p.Error)
		}
	}
	if len(r.Comparison) > 0 {
		fmt.Fprintln(w, "\nclient-side pacing off vs on (apply):")
		for _, c := range r.Comparison {
			fmt.Fprintf(w, "  p=%d: wall %.1fs vs %.1fs (ratio %s vs %s), 429s received %d vs %d, retries %d vs %d\n",
				c.Parallelism, c.UnpacedWall, c.PacedWall, fmtRatio(c.UnpacedRatio), fmtRatio(c.PacedRatio),
				c.Unpaced429s, c.Paced429s, c.UnpacedRetries, c.PacedRetries)
		}
	}
	if sc := r.Scaling; sc != nil {
		printScaling(w, sc)
	}
	fmt.Fprintln(w, "\ntargets:")
	for _, t := range r.Targets {
		mark := "MET "
		if !t.Met {
			mark = "MISS"
		}
		fmt.Fprintf(w, "  [%s] %s — %s\n", mark, t.Name, t.Detail)
	}
	fmt.Fprintf(w, "\ncharts (no text): x = seconds, y = requests/s; Light blue, Medium orange, Heavy green, Resource-intensive purple;\n")
	fmt.Fprintf(w, "dashed = that category's limit; red = 429s per second.\n")
	fmt.Fprintf(w, "report: %s/report.json (total %.0fs)\n", r.Directory, r.TotalSeconds)
	if r.Error != "" {
		fmt.Fprintf(w, "error: %s\n", r.Error)
	}
}

func fmtRatio(v float64) string {
	if v == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

// terraformVersion is the first line of terraform version.
func terraformVersion(ctx context.Context, terraform string) string {
	cmd := exec.CommandContext(ctx, terraform, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(first)
}

// printScaling writes the scaling series, its fits and an ASCII chart.
func printScaling(w io.Writer, sc *Scaling) {
	fmt.Fprintln(w, "\nscaling series (apply, plan -refresh=false, destroy at one parallelism; CPU summed over the three):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "meetings\tresources\tapply s\tapply floor s\tapply requests\tplan s\tprovider cpu s\tterraform cpu s\tterraform_data cpu s\tprovider ms/res\tpeak MB\t")
	for _, p := range sc.Points {
		fmt.Fprintf(tw, "%d\t%d\t%.1f\t%.1f\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t\n", p.Meetings, p.Resources, p.ApplyWall,
			p.ApplyFloor, p.ApplyRequests, p.PlanWall, p.ProviderCPU, p.TerraformCPU, p.TerraformDataCPU,
			p.ProviderCPUPerResourceMS, p.PeakMB)
	}
	_ = tw.Flush()
	verdict := "linear"
	if !sc.Linear {
		verdict = "NOT linear (or fewer than 3 points)"
	}
	fmt.Fprintf(w, "least-squares lines (a point may stray %.0f%% from its line): %s\n", 100*sc.MaxResidual, verdict)
	for _, f := range sc.Fits {
		fmt.Fprintf(w, "  %-22s %10.4f per resource + %8.2f fixed, worst point %4.1f%% off\n", f.Metric, f.PerResource, f.Fixed, 100*f.MaxResidual)
	}
	fmt.Fprint(w, ScaleChart(sc.Points))
}

// ScaleChart draws the series as ASCII bars: apply wall time and provider CPU against the number of resources.
func ScaleChart(points []ScalePoint) string {
	const width = 50
	maxV := 0.0
	for _, p := range points {
		maxV = math.Max(maxV, math.Max(p.ApplyWall, p.ProviderCPU))
	}
	if maxV <= 0 {
		return ""
	}
	var b strings.Builder
	bar := func(v float64, c string) string {
		return strings.Repeat(c, int(math.Round(v/maxV*width)))
	}
	b.WriteString("resources  (# = apply wall s, * = provider CPU s)\n")
	for _, p := range points {
		fmt.Fprintf(&b, "%9d  %-*s %.1f\n", p.Resources, width, bar(p.ApplyWall, "#"), p.ApplyWall)
		fmt.Fprintf(&b, "%9s  %-*s %.1f\n", "", width, bar(p.ProviderCPU, "*"), p.ProviderCPU)
	}
	return b.String()
}
