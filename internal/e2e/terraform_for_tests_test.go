package e2e

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerraformForTests drives scripts/terraform-for-tests, the terraform `make test` gives the testing library,
// with a stand-in terraform that records its calls: the version is asked once, the show that only renders a
// fresh plan's text for a trace log is answered without terraform, and every other command reaches terraform with
// its exit code kept.
func TestTerraformForTests(t *testing.T) {
	t.Parallel()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	shim := filepath.Join(root, "scripts", "terraform-for-tests")
	dir := t.TempDir()
	calls := filepath.Join(dir, "calls")
	fake := filepath.Join(dir, "terraform")
	script := "#!/usr/bin/env bash\necho \"$*\" >>" + calls + "\n" +
		"if [[ $1 == plan ]]; then exit ${FAKE_PLAN_RC:-0}; fi\n" +
		"echo \"rendered by terraform: $*\"\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	wd := filepath.Join(dir, "work")
	if err := os.Mkdir(wd, 0o755); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(wd, "tfplan")

	var base []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_LOG") && !strings.HasPrefix(kv, "TESTS_TERRAFORM_") && !strings.HasPrefix(kv, "TMPDIR=") {
			base = append(base, kv)
		}
	}
	base = append(base, "TESTS_TERRAFORM_CLI="+fake, "TMPDIR="+dir)
	// run runs the shim in wd and returns its output, its exit code and the commands that reached terraform.
	run := func(env []string, args ...string) (string, int, []string) {
		t.Helper()
		before, _ := os.ReadFile(calls)
		cmd := exec.Command(shim, args...)
		cmd.Dir = wd
		cmd.Env = append(append([]string{}, base...), env...)
		out, err := cmd.CombinedOutput()
		code := 0
		if exitErr := (*exec.ExitError)(nil); errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatalf("running %v: %v", args, err)
		}
		after, _ := os.ReadFile(calls)
		return string(out), code, strings.Fields(strings.ReplaceAll(string(after[len(before):]), " ", "_"))
	}
	planWith := func(rc string, env ...string) {
		t.Helper()
		_, code, reached := run(append(env, "FAKE_PLAN_RC="+rc), "plan", "-no-color", "-input=false", "-detailed-exitcode", "-out=tfplan", "-refresh=true")
		if want := rc; code != int(want[0]-'0') {
			t.Errorf("plan exiting %s: the shim exited %d", rc, code)
		}
		if len(reached) != 1 || !strings.HasPrefix(reached[0], "plan_") {
			t.Errorf("plan exiting %s reached terraform as %v", rc, reached)
		}
	}
	expectShow := func(what string, rendered bool, env []string, args ...string) {
		t.Helper()
		out, code, reached := run(env, args...)
		if code != 0 {
			t.Errorf("%s: exit %d", what, code)
		}
		if got := len(reached) == 1; got != rendered {
			t.Errorf("%s: reached terraform: %v (want %t); output %q", what, reached, rendered, out)
		}
		if !rendered && !strings.Contains(out, "not rendered") {
			t.Errorf("%s: the note is missing: %q", what, out)
		}
	}
	rawShow := []string{"show", "-no-color", plan}

	// The trace-log show after a plan with changes: not rendered, and only once.
	planWith("2")
	expectShow("show right after a plan with changes", false, nil, rawShow...)
	expectShow("the same show again", true, nil, rawShow...)

	// The show for a failure message comes after the library's show -json: rendered.
	planWith("2")
	expectShow("show -json after a plan with changes", true, nil, "show", "-json", "-no-color", plan)
	expectShow("show after show -json", true, nil, rawShow...)

	// Another file, a plan without changes, a failed plan: rendered.
	planWith("2")
	expectShow("show of another file", true, nil, "show", "-no-color", filepath.Join(dir, "other"))
	planWith("0")
	expectShow("show after a plan without changes", true, nil, rawShow...)
	planWith("1")
	expectShow("show after a failed plan", true, nil, rawShow...)

	// Switched off by TESTS_TERRAFORM_FULL or any TF_LOG*.
	planWith("2", "TESTS_TERRAFORM_FULL=1")
	expectShow("show with TESTS_TERRAFORM_FULL", true, []string{"TESTS_TERRAFORM_FULL=1"}, rawShow...)
	planWith("2", "TF_LOG_CORE=TRACE")
	expectShow("show with TF_LOG_CORE", true, []string{"TF_LOG_CORE=TRACE"}, rawShow...)

	// version -json: terraform is asked once, then the cache answers.
	for range 2 {
		out, code, _ := run(nil, "version", "-json")
		if code != 0 || !strings.Contains(out, "rendered by terraform: version -json") {
			t.Errorf("version -json: exit %d, output %q", code, out)
		}
	}
	all, _ := os.ReadFile(calls)
	if n := strings.Count(string(all), "version -json"); n != 1 {
		t.Errorf("version -json reached terraform %d times, want once", n)
	}
}
