package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
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
	// FloorSeconds is max over categories of admitted requests / limit per second; Ratio = wall / floor.
	FloorSeconds  float64 `json:"floor_seconds"`
	FloorCategory string  `json:"floor_category"`
	Ratio         float64 `json:"ratio"`
	// APISpanSeconds is the time from the first request's arrival to the last answer; APISpanRatio = span / floor
	// (the ratio without Terraform's start-up and shut-down).
	APISpanSeconds float64            `json:"api_span_seconds"`
	APISpanRatio   float64            `json:"api_span_ratio"`
	PeakPerSecond  map[string]float64 `json:"peak_admitted_per_second"`
	ByRoute        map[string]int     `json:"requests_by_route"`
	// CPUSeconds is the CPU time of terraform and its provider processes; LoadAverage the machine's 1-minute
	// load average when the phase ended (the benchmark shares the machine with whatever else runs on it).
	CPUSeconds    float64 `json:"cpu_seconds"`
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

// maxRatio is the target for wall time against the floor.
const maxRatio = 1.2

func (p PhaseResult) label() string {
	if p.Scenario == "paced" || p.Scenario == "no-pacing" {
		return fmt.Sprintf("%s %s p=%d", p.Scenario, p.Phase, p.Parallelism)
	}
	return p.Scenario + " " + p.Phase
}

// evaluateTargets checks the targets: the ratio over the paced workload phases (the zoom_users
// measurement and the unpaced comparison are not held to it), surfaced 429s and token requests over every phase.
func evaluateTargets(phases []PhaseResult) []Target {
	ratio := Target{Name: fmt.Sprintf("every phase within %.1fx of the floor", maxRatio), Met: true}
	worst, worstAt, n := 0.0, "", 0
	var misses []string
	surf := Target{Name: "zero 429s surfaced to Terraform", Met: true}
	received, surfaced := 0, 0
	tok := Target{Name: "one token request per provider process per hour", Met: true}
	tokens, procs := 0, 0
	var tokMiss []string
	for _, p := range phases {
		if p.Scenario == "paced" && p.FloorSeconds > 0 {
			n++
			if p.Ratio > worst {
				worst, worstAt = p.Ratio, p.label()
			}
			if p.Ratio > maxRatio {
				misses = append(misses, fmt.Sprintf("%s %.2f", p.label(), p.Ratio))
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
		ratio.Met, ratio.Detail = false, "no paced phase was measured"
	case len(misses) > 0:
		ratio.Met = false
		ratio.Detail = fmt.Sprintf("%d of %d paced phases above %.1fx: %s", len(misses), n, maxRatio, strings.Join(misses, ", "))
	default:
		ratio.Detail = fmt.Sprintf("all %d paced phases within; worst %.2f (%s)", n, worst, worstAt)
	}
	surf.Met = surfaced == 0
	surf.Detail = fmt.Sprintf("%d surfaced; %d 429s received over all phases (pacing off included), the others retried", surfaced, received)
	tok.Met = len(tokMiss) == 0
	if tok.Met {
		tok.Detail = fmt.Sprintf("%d token requests for %d provider processes over all phases (processes that never call the API fetch none)", tokens, procs)
	} else {
		tok.Detail = strings.Join(tokMiss, "; ")
	}
	return []Target{ratio, surf, tok}
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
	fmt.Fprintln(tw, "scenario\tphase\tpar\twall s\tLight\tMedium\tHeavy\tR-int\t429s\tretries\ttokens\tprocs\tfloor s\tratio\tspan s\tspan ratio\tcpu s\tload\t")
	for _, p := range r.Phases {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%s\t%.1f\t%s\t%.1f\t%.1f\t\n",
			p.Scenario, p.Phase, p.Parallelism, p.WallSeconds,
			p.Requests["Light"], p.Requests["Medium"], p.Requests["Heavy"], p.Requests["Resource-intensive"],
			p.TooManyRequests, p.Retries, p.TokenRequests, p.ProviderProcesses,
			p.FloorSeconds, fmtRatio(p.Ratio), p.APISpanSeconds, fmtRatio(p.APISpanRatio), p.CPUSeconds, p.LoadAverage)
	}
	_ = tw.Flush()
	fmt.Fprintln(w, "\nrequests per category include 429 answers; floor = max over categories of admitted requests / limit per second;")
	fmt.Fprintln(w, "ratio = wall / floor; span = first request to last answer (without Terraform's start-up and shut-down);")
	fmt.Fprintf(w, "cpu = CPU time of terraform and the provider processes; load = 1-minute load average at the end (%d CPUs).\n", r.CPUs)
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
