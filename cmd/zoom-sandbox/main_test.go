package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "state.json")
	if err := os.WriteFile(corrupt, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"unknown flag":     {"-nope"},
		"bad profile":      {"-profile", "platinum"},
		"bad lifetime":     {"-token-lifetime", "0s"},
		"negative latency": {"-latency", "-1s"},
		"corrupt state":    {"-listen", "127.0.0.1:0", "-state", corrupt},
	}
	for name, args := range cases {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%s: exit %d, want 2 (stderr %q)", name, code, errb.String())
		}
		if !strings.Contains(errb.String(), "zoom-sandbox") && name != "unknown flag" {
			t.Errorf("%s: unclear message %q", name, errb.String())
		}
	}
	if b, _ := os.ReadFile(corrupt); string(b) != "{broken" {
		t.Fatal("corrupt state file was modified")
	}
}

func TestProfileFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profile.json")
	if err := os.WriteFile(path, []byte(`{"plan":"free","owner_email":"boss@corp.test"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := parseFlags([]string{"-profile", path, "-client-id", "abc"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.profile.Plan != "free" || cfg.profile.OwnerEmail != "boss@corp.test" || cfg.profile.ClientID != "abc" || !cfg.profile.RateLimitsEnabled {
		t.Fatalf("profile %+v", cfg.profile)
	}
}
