package procstats

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestStartWritesStatsAndProfile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvStatsDir, filepath.Join(dir, "stats"))
	t.Setenv(EnvCPUProfileDir, filepath.Join(dir, "prof"))
	stop := Start()
	x := 0
	for i := range 1_000_000 {
		x += i
	}
	_ = x
	stop()
	st, err := Read(filepath.Join(dir, "stats"))
	if err != nil || len(st) != 1 {
		t.Fatalf("Read = %v, %v", st, err)
	}
	if st[0].PID != os.Getpid() || st[0].MaxRSSBytes <= 0 || st[0].CPUSeconds() < 0 {
		t.Errorf("stats = %+v", st[0])
	}
	if fi, err := os.Stat(filepath.Join(dir, "prof", fmt.Sprintf("cpu-%d.pprof", os.Getpid()))); err != nil || fi.Size() == 0 {
		t.Errorf("profile: %v", err)
	}
}

func TestStartWithoutEnvironmentDoesNothing(t *testing.T) {
	t.Setenv(EnvStatsDir, "")
	t.Setenv(EnvCPUProfileDir, "")
	Start()() // must not panic or write anything
}
