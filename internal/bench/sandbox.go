package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// sandboxProc is a zoom-sandbox process started by the benchmark, and a client for its admin surface.
type sandboxProc struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:port
	http *http.Client
	done chan error
}

// startSandbox runs the sandbox binary with the profile written to dir/sandbox-profile.json and waits until it
// listens.
func startSandbox(ctx context.Context, binary, dir string, p sandbox.Profile, logFile string) (*sandboxProc, error) {
	profilePath := filepath.Join(dir, "sandbox-profile.json")
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(profilePath, data, 0o600); err != nil {
		return nil, err
	}
	ready := filepath.Join(dir, "sandbox-ready")
	_ = os.Remove(ready)
	logOut, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	defer logOut.Close()
	cmd := exec.Command(binary,
		"-listen", "127.0.0.1:0",
		"-profile", profilePath,
		"-rate-limits=true",
		"-latency", (time.Duration(p.LatencyMS) * time.Millisecond).String(),
		"-token-lifetime", (time.Duration(p.TokenLifetimeSeconds) * time.Second).String(),
		"-ready-file", ready,
	)
	cmd.Stdout, cmd.Stderr = logOut, logOut
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", binary, err)
	}
	sp := &sandboxProc{cmd: cmd, http: &http.Client{Timeout: 2 * time.Minute}, done: make(chan error, 1)}
	go func() { sp.done <- cmd.Wait() }()

	deadline := time.Now().Add(15 * time.Second)
	for {
		if b, err := os.ReadFile(ready); err == nil && len(bytes.TrimSpace(b)) > 0 {
			sp.base = strings.TrimSpace(string(b))
			return sp, nil
		}
		select {
		case err := <-sp.done:
			return nil, fmt.Errorf("the sandbox exited before listening (%v); see %s", err, logFile)
		case <-ctx.Done():
			sp.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			sp.stop()
			return nil, fmt.Errorf("the sandbox did not listen within 15s; see %s", logFile)
		}
	}
}

// stop ends the sandbox process: SIGTERM, then SIGKILL after 5 seconds.
func (sp *sandboxProc) stop() {
	if sp == nil || sp.cmd.Process == nil {
		return
	}
	_ = sp.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-sp.done:
	case <-time.After(5 * time.Second):
		_ = sp.cmd.Process.Kill()
		<-sp.done
	}
}

// admin sends a request to the sandbox's admin surface and decodes a JSON answer into out (when not nil).
func (sp *sandboxProc) admin(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, sp.base+"/_sandbox"+path, rd)
	if err != nil {
		return err
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	// The sandbox inherits the environment: when it holds an admin token, the admin endpoints demand it.
	if tok := os.Getenv(sandbox.EnvAdminToken); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := sp.http.Do(req)
	if err != nil {
		return fmt.Errorf("sandbox %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("sandbox %s %s: %w", method, path, err)
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sandbox %s %s: HTTP %d: %s", method, path, resp.StatusCode, bytes.TrimSpace(b))
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return fmt.Errorf("sandbox %s %s: %w", method, path, err)
		}
	}
	return nil
}

// reset empties the account (the profile stays) and clears the request log.
func (sp *sandboxProc) reset(ctx context.Context) error {
	if err := sp.admin(ctx, http.MethodPost, "/reset", nil, nil); err != nil {
		return err
	}
	return sp.clearRequests(ctx)
}

func (sp *sandboxProc) clearRequests(ctx context.Context) error {
	return sp.admin(ctx, http.MethodDelete, "/requests", nil, nil)
}

// requests returns the request log since the last clear.
func (sp *sandboxProc) requests(ctx context.Context) ([]sandbox.RequestRecord, sandbox.RequestStats, error) {
	var v struct {
		Requests []sandbox.RequestRecord `json:"requests"`
		Stats    sandbox.RequestStats    `json:"stats"`
	}
	err := sp.admin(ctx, http.MethodGet, "/requests", nil, &v)
	if err == nil && v.Stats.Total != len(v.Requests) {
		err = errors.New("the sandbox's request log overflowed; the phase made too many requests to measure")
	}
	return v.Requests, v.Stats, err
}

// seedUsers bulk-creates n active users.
func (sp *sandboxProc) seedUsers(ctx context.Context, n int) (sandbox.SeedResult, error) {
	var res sandbox.SeedResult
	err := sp.admin(ctx, http.MethodPost, "/seed/users", sandbox.UserSeed{Count: n, Prefix: "bench-seed-", Domain: "bench.zoom.test"}, &res)
	return res, err
}

// cpu is the sandbox process's CPU time so far (user + system, from /proc; 0 where there is none). The sandbox
// shares the machine's CPUs with Terraform and the provider, so each phase reports its share.
func (sp *sandboxProc) cpu() time.Duration {
	if sp == nil || sp.cmd.Process == nil {
		return 0
	}
	return procCPU(fmt.Sprintf("/proc/%d/stat", sp.cmd.Process.Pid))
}

// procCPU reads utime + stime (fields 14 and 15, in clock ticks of 1/100 s) from a /proc/<pid>/stat file.
func procCPU(path string) time.Duration {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	// The command name (field 2) is in parentheses and may hold spaces: count fields after the last ")".
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	var ticks int64
	for _, v := range f[11:13] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}
