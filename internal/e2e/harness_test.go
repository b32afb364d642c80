package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

const providerSource = "registry.terraform.io/zoom-terraform/zoom"

// providerHeader is the start of every configuration: the provider reads its settings from ZOOM_* variables.
const providerHeader = `terraform {
  required_providers {
    zoom = {
      source = "zoom-terraform/zoom"
    }
  }
}

provider "zoom" {}
`

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// envProviderDir names a directory holding a provider binary built from this checkout (`make test` sets it to
// bin/, which `make build` has just filled), so that the tests need not build their own.
const envProviderDir = "ZOOM_E2E_PROVIDER_DIR"

var (
	buildOnce sync.Once
	buildDir  string // holds the provider binary the tests built (removed at the end)
	givenDir  string // holds the provider binary named by envProviderDir
	buildErr  error
)

// providerDir returns the directory holding the provider binary: the one named by ZOOM_E2E_PROVIDER_DIR, or else
// a temporary one into which it builds the provider once per test run.
func providerDir(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if dir := os.Getenv(envProviderDir); dir != "" {
			info, err := os.Stat(filepath.Join(dir, "terraform-provider-zoom"))
			if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
				buildErr = fmt.Errorf("%s=%s holds no executable terraform-provider-zoom (run make build)", envProviderDir, dir)
				return
			}
			givenDir, buildErr = filepath.Abs(dir)
			return
		}
		buildDir, buildErr = os.MkdirTemp("", "zoom-e2e-provider-")
		if buildErr != nil {
			return
		}
		root, err := moduleRoot()
		if err != nil {
			buildErr = err
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(buildDir, "terraform-provider-zoom"), ".")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatalf("building the provider: %v", buildErr)
	}
	if givenDir != "" {
		return givenDir
	}
	return buildDir
}

// moduleRoot is the repository root (the directory of go.mod).
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the module")
	}
	return filepath.Dir(gomod), nil
}

// terraformPath is the terraform binary the tests drive.
func terraformPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH and TF_ACC_TERRAFORM_PATH is not set")
	}
	return p
}

// workspace is one Terraform working directory bound to a fresh sandbox.
type workspace struct {
	t         *testing.T
	env       *acctest.Env
	dir       string   // the configuration
	terraform string   // the terraform binary
	vars      []string // the environment of every command
}

// newWorkspace starts a sandbox and prepares an empty working directory whose commands talk to it.
func newWorkspace(t *testing.T) *workspace {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end tests drive the terraform CLI: set TF_ACC=1 to run them")
	}
	if acctest.RealAccount() {
		t.Skip("end-to-end tests run against the sandbox only")
	}
	tf := terraformPath(t)
	plugins := providerDir(t)
	env := acctest.New(t)

	tmp := t.TempDir()
	rc := filepath.Join(tmp, "terraformrc")
	if err := os.WriteFile(rc, []byte(fmt.Sprintf(
		"provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", providerSource, plugins)), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "config")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var vars []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "ZOOM_") || strings.HasPrefix(k, "TF_") || strings.HasPrefix(k, "GITHUB_") ||
			strings.HasPrefix(k, "CI_") || strings.HasPrefix(k, "PIPELINE_") {
			continue
		}
		vars = append(vars, kv)
	}
	p := env.Sandbox.Profile()
	vars = append(vars,
		"TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TERRAFORM="+tf,
		"ZOOM_API_URL="+env.URL+"/v2", "ZOOM_OAUTH_URL="+env.URL+"/oauth/token",
		"ZOOM_ACCOUNT_ID="+p.AccountID, "ZOOM_CLIENT_ID="+p.ClientID, "ZOOM_CLIENT_SECRET="+p.ClientSecret,
		"ZOOM_ACCOUNT_PLAN=business", "ZOOM_DISABLE_PACING=1",
		"TMPDIR="+tmp,
	)
	return &workspace{t: t, env: env, dir: dir, terraform: tf, vars: vars}
}

// write writes a file of the configuration.
func (w *workspace) write(name, content string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, name), []byte(content), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// read returns a file of the configuration.
func (w *workspace) read(name string) string {
	w.t.Helper()
	b, err := os.ReadFile(filepath.Join(w.dir, name))
	if err != nil {
		w.t.Fatal(err)
	}
	return string(b)
}

// exec runs name with args in the working directory, with extra environment variables, and returns the combined
// output and exit code.
func (w *workspace) exec(extra []string, name string, args ...string) (string, int) {
	w.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = w.dir
	cmd.Env = append(append([]string(nil), w.vars...), extra...)
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		w.t.Fatalf("running %s %s: %v", name, strings.Join(args, " "), err)
	}
	w.t.Logf("%s %s: exit %d in %s", filepath.Base(name), strings.Join(args, " "), code, time.Since(start).Round(time.Millisecond))
	return out.String(), code
}

// tf runs terraform with args.
func (w *workspace) tf(args ...string) (string, int) {
	w.t.Helper()
	return w.exec(nil, w.terraform, args...)
}

// mustTF runs terraform with args and fails the test unless it exits with want.
func (w *workspace) mustTF(want int, args ...string) string {
	w.t.Helper()
	out, code := w.tf(args...)
	if code != want {
		w.t.Fatalf("terraform %s: exit code %d, want %d\n%s", strings.Join(args, " "), code, want, out)
	}
	return out
}

// copyDir copies the regular files of src (recursively) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), "terraform.tfstate") || d.Name() == ".terraform.lock.hcl" {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, info.Mode().Perm())
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}
