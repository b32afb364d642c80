package provider

import (
	"os"
	"testing"
)

func TestReadLogLevel(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "OFF"},
		{map[string]string{"TF_LOG": "debug"}, "DEBUG"},
		{map[string]string{"TF_LOG": "json"}, "TRACE"},
		{map[string]string{"TF_LOG": "TRACE", "TF_LOG_PROVIDER": "warn"}, "WARN"},
		{map[string]string{"TF_LOG_PROVIDER": "INFO"}, "INFO"},
		{map[string]string{"TF_LOG": "loud"}, ""},
	} {
		got := readLogLevel(func(k string) string { return tc.env[k] })
		if got != tc.want {
			t.Errorf("readLogLevel(%v) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

func TestMatchLogLevelToReader(t *testing.T) {
	for _, k := range append([]string{"TF_LOG", "TF_LOG_PROVIDER"}, pluginLogEnv...) {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("TF_LOG_SDK_FRAMEWORK", "TRACE") // set explicitly: kept
	os.Setenv("TF_LOG", "warn")
	MatchLogLevelToReader()
	for k, want := range map[string]string{
		"TF_LOG_SDK": "WARN", "TF_LOG_SDK_PROTO": "WARN", "TF_LOG_SDK_FRAMEWORK": "TRACE", "TF_LOG_PROVIDER_ZOOM": "WARN",
	} {
		if got := os.Getenv(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if traceEnabled(os.Getenv) {
		t.Error("traceEnabled with TF_LOG_PROVIDER_ZOOM=WARN")
	}
	if l := newLogger(); l.TraceEnabled() {
		t.Error("the client logger reports Trace enabled at WARN")
	}

	os.Unsetenv("TF_LOG")
	for _, k := range pluginLogEnv {
		os.Unsetenv(k)
	}
	MatchLogLevelToReader() // nobody reads the logs
	for _, k := range pluginLogEnv {
		if got := os.Getenv(k); got != "OFF" {
			t.Errorf("without TF_LOG: %s = %q, want OFF", k, got)
		}
	}

	os.Unsetenv("TF_LOG_PROVIDER_ZOOM")
	if !traceEnabled(os.Getenv) {
		t.Error("in-process (no variable set) Trace must stay enabled")
	}
}
