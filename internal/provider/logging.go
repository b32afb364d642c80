package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// tflogLogger sends the client's request logs to Terraform's log through tflog. The client already redacts
// secret JSON fields and never logs the Authorization header; as a second line of defence every entry is masked
// here for the configured secrets and for the values of the client's sensitive keys. tflog masks live on the
// context, and every RPC brings a fresh one, so they are applied on each call rather than once in Configure.
type tflogLogger struct {
	secrets []string
}

func newLogger(secrets ...string) *tflogLogger {
	l := &tflogLogger{}
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
