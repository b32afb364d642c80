// Command zoom-bench measures terraform-provider-zoom with the real terraform CLI against the Zoom sandbox under
// Zoom's rate limits; `make bench` builds the provider and the sandbox, then runs it. See internal/bench.
//
// Usage:
//
//	zoom-bench [-n 300] [-m 10] [-k 100] [-latency 100ms] [-plan pro] [-parallelism 10,30]
//	           [-no-pacing-run=true] [-users 10000] [-scale 30,300,1000] [-hosts-first 400] [-cpuprofile]
//	           [-out bench] [-bin bin]
//	           [-terraform terraform] [-keep-work]
//
// It exits 0 when every terraform command succeeded (missed targets are reported, not failures), 1 when one
// failed, and 2 on bad flags or when the benchmark could not run.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/bench"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg := bench.DefaultConfig()
	fs := flag.NewFlagSet("zoom-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: zoom-bench [flags]\n\nMeasures apply, refresh-only plan and destroy of N meetings on M hosts plus K users with the real\nterraform CLI against the Zoom sandbox under Zoom's rate limits. Flags:\n")
		fs.PrintDefaults()
	}
	fs.IntVar(&cfg.Meetings, "n", cfg.Meetings, "number of zoom_meeting resources (N)")
	fs.IntVar(&cfg.Hosts, "m", cfg.Hosts, "number of hosts (M): extra licensed zoom_user resources the meetings are spread over")
	fs.IntVar(&cfg.Users, "k", cfg.Users, "number of other zoom_user resources (K)")
	fs.DurationVar(&cfg.Latency, "latency", cfg.Latency, "latency the sandbox injects into every request")
	fs.StringVar(&cfg.Plan, "plan", cfg.Plan, "Zoom plan whose rate limits apply: free, pro or business")
	par := fs.String("parallelism", joinInts(cfg.Parallelism), "comma-separated terraform -parallelism values")
	fs.BoolVar(&cfg.NoPacing, "no-pacing-run", cfg.NoPacing, "also run the apply with client-side pacing disabled (ZOOM_DISABLE_PACING=1)")
	fs.IntVar(&cfg.SeedUsers, "users", cfg.SeedUsers, "account size for the data \"zoom_users\" measurement (0 skips it)")
	fs.StringVar(&cfg.OutDir, "out", cfg.OutDir, "directory for the run's report.json, charts and logs")
	fs.StringVar(&cfg.BinDir, "bin", cfg.BinDir, "directory holding terraform-provider-zoom and zoom-sandbox")
	fs.StringVar(&cfg.Terraform, "terraform", cfg.Terraform, "terraform CLI to run")
	fs.BoolVar(&cfg.KeepWork, "keep-work", false, "keep the Terraform working directories (configurations and state)")
	fs.DurationVar(&cfg.PhaseTimeout, "phase-timeout", cfg.PhaseTimeout, "time limit of one terraform command")
	fs.BoolVar(&cfg.CPUProfile, "cpuprofile", false, "make every provider process write a CPU profile (ZOOM_PROVIDER_CPUPROFILE_DIR) under the run's profiles/<phase>/")
	scale := fs.String("scale", joinInts(cfg.Scale), "comma-separated meeting counts of the scaling series (quick: apply, plan -refresh=false, destroy at the first -parallelism; \"\" skips it)")
	hostsFirst := fs.String("hosts-first", joinInts(cfg.HostsFirst), "comma-separated -parallelism values of the hosts-first runs: the same resources with the other users depending on the hosts, so that Terraform creates the hosts first and the users beside the meetings (\"\" skips them)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "zoom-bench: unexpected arguments: %v\n", fs.Args())
		return 2
	}
	ps, err := parseInts(*par)
	if err != nil {
		fmt.Fprintf(stderr, "zoom-bench: -parallelism: %v\n", err)
		return 2
	}
	cfg.Parallelism = ps
	if cfg.HostsFirst, err = parseInts(*hostsFirst); err != nil {
		fmt.Fprintf(stderr, "zoom-bench: -hosts-first: %v\n", err)
		return 2
	}
	if cfg.Scale, err = parseInts(*scale); err != nil {
		fmt.Fprintf(stderr, "zoom-bench: -scale: %v\n", err)
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, err = bench.Run(ctx, cfg, stdout)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, bench.ErrTerraformFailed):
		fmt.Fprintf(stderr, "zoom-bench: %v\n", err)
		return 1
	default:
		fmt.Fprintf(stderr, "zoom-bench: %v\n", err)
		return 2
	}
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}
