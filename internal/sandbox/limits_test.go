package sandbox_test

import (
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestProfileRateLimits(t *testing.T) {
	p, err := sandbox.PresetProfile(sandbox.PlanPro)
	if err != nil {
		t.Fatal(err)
	}
	p.RateLimitOverrides = map[string]sandbox.RateLimitOverride{"Medium": {PerWindow: 5}}
	got := p.RateLimits()
	want := map[sandbox.Category]sandbox.RateLimit{
		sandbox.CategoryLight:             {PerWindow: 30, Window: time.Second},
		sandbox.CategoryMedium:            {PerWindow: 5, Window: time.Second},
		sandbox.CategoryHeavy:             {PerWindow: 10, Window: time.Second, Daily: 30000},
		sandbox.CategoryResourceIntensive: {PerWindow: 10, Window: time.Minute, Daily: 30000},
	}
	for c, w := range want {
		if got[c] != w {
			t.Errorf("%s = %+v, want %+v", c, got[c], w)
		}
	}
	if r := got[sandbox.CategoryResourceIntensive].PerSecond(); r < 0.166 || r > 0.167 {
		t.Errorf("Resource-intensive per second = %v, want 1/6", r)
	}
}
