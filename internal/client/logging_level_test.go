package client

import (
	"context"
	"net/http"
	"testing"
)

// noTraceLogger is a recordLogger that reports Trace lines as dropped.
type noTraceLogger struct{ recordLogger }

func (l *noTraceLogger) TraceEnabled() bool { return false }

// A logger that drops Trace lines gets none: the client does not redact and copy bodies for nobody.
func TestNoBodiesWhenTraceDropped(t *testing.T) {
	ts := newTestServer(t)
	ts.handle("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"id": "u1", "email": "a@b.c"})
	})
	log := &noTraceLogger{}
	c, _ := newTestClient(t, ts, func(cfg *Config) { cfg.Logger = log })
	if _, err := c.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	if log.count["TRACE"] != 0 || log.count["DEBUG"] == 0 {
		t.Fatalf("levels = %v, want Debug lines and no Trace line", log.count)
	}
}
