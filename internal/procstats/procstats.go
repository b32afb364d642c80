// Package procstats is the provider's self-measurement switch, for make bench and for anyone profiling the
// provider: ZOOM_PROVIDER_CPUPROFILE_DIR makes the process write a CPU profile (pprof) of its whole life to
// <dir>/cpu-<pid>.pprof; ZOOM_PROVIDER_STATS_DIR makes it write its CPU time and peak memory (getrusage of
// itself) to <dir>/stats-<pid>.json when it exits. Both are read once, at start; unset, they cost nothing.
package procstats

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Environment variables that switch the measurements on (each names a directory, created when missing).
const (
	EnvCPUProfileDir = "ZOOM_PROVIDER_CPUPROFILE_DIR"
	EnvStatsDir      = "ZOOM_PROVIDER_STATS_DIR"
)

// Stats is what a process writes to stats-<pid>.json.
type Stats struct {
	PID int `json:"pid"`
	// UserSeconds and SystemSeconds are the process's CPU time.
	UserSeconds   float64 `json:"user_seconds"`
	SystemSeconds float64 `json:"system_seconds"`
	// MaxRSSBytes is the process's peak resident set size.
	MaxRSSBytes int64 `json:"max_rss_bytes"`
	// WallSeconds is the time from Start to the stop function.
	WallSeconds float64 `json:"wall_seconds"`
}

// CPUSeconds is user plus system time.
func (s Stats) CPUSeconds() float64 { return s.UserSeconds + s.SystemSeconds }

// Start switches on what the environment asks for and returns the function that ends it (stops the profile,
// writes the stats); call it when the process is about to exit. Failures are reported to stderr (the plugin's
// log) and do not stop the provider.
func Start() (stop func()) {
	started := time.Now()
	var stops []func()
	if dir := os.Getenv(EnvCPUProfileDir); dir != "" {
		if f, err := create(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())); err != nil {
			warn(err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			warn(err)
		} else {
			stops = append(stops, func() {
				pprof.StopCPUProfile()
				warn(f.Close())
			})
		}
	}
	if dir := os.Getenv(EnvStatsDir); dir != "" {
		stops = append(stops, func() {
			s, err := Self(time.Since(started))
			if err == nil {
				err = write(dir, s)
			}
			warn(err)
		})
	}
	return func() {
		for _, f := range stops {
			f()
		}
	}
}

// Self is this process's getrusage, with wall as the wall time.
func Self(wall time.Duration) (Stats, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return Stats{}, err
	}
	s := Stats{
		PID:           os.Getpid(),
		UserSeconds:   time.Duration(ru.Utime.Nano()).Seconds(),
		SystemSeconds: time.Duration(ru.Stime.Nano()).Seconds(),
		MaxRSSBytes:   int64(ru.Maxrss) * 1024, // Linux reports kilobytes
		WallSeconds:   wall.Seconds(),
	}
	// getrusage's peak survives exec: a process forked from Terraform reports Terraform's size at the fork. The
	// peak of this program's own memory is VmHWM, where the system has it.
	if hwm, ok := peakRSS(); ok {
		s.MaxRSSBytes = hwm
	}
	return s, nil
}

// peakRSS is VmHWM of /proc/self/status in bytes.
func peakRSS() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) == 2 && f[1] == "kB" {
				if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
					return kb * 1024, true
				}
			}
		}
	}
	return 0, false
}

func write(dir string, s Stats) error {
	f, err := create(dir, fmt.Sprintf("stats-%d.json", s.PID))
	if err != nil {
		return err
	}
	if err := json.NewEncoder(f).Encode(s); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func create(dir, name string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return os.Create(filepath.Join(dir, name))
}

func warn(err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "terraform-provider-zoom: procstats: %v\n", err)
	}
}

// Read reads every stats-*.json under dir.
func Read(dir string) ([]Stats, error) {
	files, err := filepath.Glob(filepath.Join(dir, "stats-*.json"))
	if err != nil {
		return nil, err
	}
	var out []Stats
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var s Stats
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, s)
	}
	return out, nil
}
