package provider

import (
	"context"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// tflogLogger sends the client's request logs to Terraform's log through tflog. The client already redacts
// secret JSON fields and never logs the Authorization header; as a second line of defence every entry is masked
// here for the configured secrets and for the values of the client's sensitive keys. tflog masks live on the
// context, and every RPC brings a fresh one, so they are applied on each call rather than once in Configure.
type tflogLogger struct {
	secrets []string
	// noTrace is set when this provider's logger drops TRACE lines: the client then skips formatting bodies.
	noTrace bool
}

// Log levels, from the most to the least verbose, as Terraform and terraform-plugin-log spell them.
var logLevels = []string{"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"}

// The environment variables that set the levels of the plugin-side loggers: the SDK (terraform-plugin-go), its
// protocol subsystem, the framework, and this provider's own logger (terraform-plugin-go derives the last from
// the provider's type name).
var pluginLogEnv = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_ZOOM"}

// readLogLevel is the level at which Terraform reads a provider's logs: TF_LOG_PROVIDER, else TF_LOG (JSON
// meaning TRACE), "OFF" when neither is set, and "" when the value is not a level this code knows.
func readLogLevel(getenv func(string) string) string {
	v := strings.ToUpper(strings.TrimSpace(getenv("TF_LOG_PROVIDER")))
	if v == "" {
		v = strings.ToUpper(strings.TrimSpace(getenv("TF_LOG")))
	}
	switch v {
	case "":
		return "OFF"
	case "JSON":
		return "TRACE"
	}
	for _, l := range logLevels {
		if v == l {
			return v
		}
	}
	return ""
}

// MatchLogLevelToReader sets the plugin-side loggers (SDK, protocol, framework, this provider) to the level at
// which Terraform reads the provider's logs, unless they are set explicitly. The plugin libraries log at TRACE
// by default and send every line, JSON-encoded, to Terraform, which drops what its own level (TF_LOG_PROVIDER or
// TF_LOG, off when unset) does not show: without this, about 30% of the provider's CPU in apply and plan goes to
// log lines that nobody reads (make bench measures it). Call it before serving; it changes only this process's
// environment.
func MatchLogLevelToReader() {
	level := readLogLevel(os.Getenv)
	if level == "" {
		return
	}
	for _, k := range pluginLogEnv {
		if _, set := os.LookupEnv(k); !set {
			_ = os.Setenv(k, level)
		}
	}
}

// traceEnabled reports whether this provider's own logger writes TRACE lines (after MatchLogLevelToReader: when
// Terraform reads them); in-process (acceptance tests), where none of these variables is set, it does.
func traceEnabled(getenv func(string) string) bool {
	v := strings.ToUpper(strings.TrimSpace(getenv("TF_LOG_PROVIDER_ZOOM")))
	return v == "" || v == "TRACE" || v == "JSON"
}

func newLogger(secrets ...string) *tflogLogger {
	l := &tflogLogger{noTrace: !traceEnabled(os.Getenv)}
	for _, s := range secrets {
		if s != "" {
			l.secrets = append(l.secrets, s)
		}
	}
	return l
}

func (l *tflogLogger) mask(ctx context.Context) context.Context {
	ctx = tflog.SetField(ctx, "component", "zoom-client")
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, client.SensitiveKeys()...)
	if len(l.secrets) > 0 {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, l.secrets...)
		ctx = tflog.MaskMessageStrings(ctx, l.secrets...)
	}
	return ctx
}

func (l *tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(l.mask(ctx), msg, fields)
}

func (l *tflogLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	tflog.Trace(l.mask(ctx), msg, fields)
}

func (l *tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(l.mask(ctx), msg, fields)
}

// TraceEnabled tells the client whether Trace lines (request and response bodies) are written at all.
func (l *tflogLogger) TraceEnabled() bool { return !l.noTrace }
