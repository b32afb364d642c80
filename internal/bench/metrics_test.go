package bench

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func TestFloorAndRatio(t *testing.T) {
	pro := map[string]float64{"Light": 30, "Medium": 20, "Heavy": 10, "Resource-intensive": 10.0 / 60}
	for _, tc := range []struct {
		name      string
		admitted  map[string]int
		wantFloor float64
		wantCat   string
	}{
		// 300 meeting creates (Medium) dominate 220 Light requests: 300/20 = 15 s > 220/30.
		{"medium bound", map[string]int{"Light": 220, "Medium": 300}, 15, "Medium"},
		{"light bound", map[string]int{"Light": 820}, 820.0 / 30, "Light"},
		{"per-minute category", map[string]int{"Light": 30, "Resource-intensive": 5}, 30, "Resource-intensive"},
		{"nothing", map[string]int{}, 0, ""},
		{"unknown category ignored", map[string]int{"Mystery": 1000, "Light": 3}, 0.1, "Light"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			floor, cat := Floor(tc.admitted, pro)
			if math.Abs(floor-tc.wantFloor) > 1e-9 || cat != tc.wantCat {
				t.Fatalf("Floor = %v %q, want %v %q", floor, cat, tc.wantFloor, tc.wantCat)
			}
		})
	}
	if r := Ratio(18, 15); r != 1.2 {
		t.Errorf("Ratio(18, 15) = %v, want 1.2", r)
	}
	if r := Ratio(3, 0); r != 0 {
		t.Errorf("Ratio with no floor = %v, want 0", r)
	}
}

func TestCountRetries(t *testing.T) {
	t0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	rec := func(ms int, method, path, query string, status int) sandbox.RequestRecord {
		return sandbox.RequestRecord{Time: t0.Add(time.Duration(ms) * time.Millisecond), Method: method, Path: path,
			Query: query, Status: status, Category: "Light", RateLimited: status == 429}
	}
	recs := []sandbox.RequestRecord{
		// A GET rate-limited twice, then answered: two retries.
		rec(0, "GET", "/v2/meetings/1", "", 429),
		rec(1000, "GET", "/v2/meetings/1", "", 429),
		rec(3000, "GET", "/v2/meetings/1", "", 200),
		// A 5xx on DELETE, retried; a dropped connection on PATCH, retried.
		rec(10, "DELETE", "/v2/users/a", "action=delete", 503),
		rec(600, "DELETE", "/v2/users/a", "action=delete", 204),
		rec(20, "PATCH", "/v2/users/b", "", 0),
		rec(700, "PATCH", "/v2/users/b", "", 204),
		// Two creations for one host both limited, then both sent again: two retries, whatever the order.
		rec(30, "POST", "/v2/users/h/meetings", "", 429),
		rec(31, "POST", "/v2/users/h/meetings", "", 429),
		rec(1500, "POST", "/v2/users/h/meetings", "", 201),
		rec(1501, "POST", "/v2/users/h/meetings", "", 201),
		// Another page is another request, not a retry: this 429 was given up on.
		rec(40, "GET", "/v2/users", "page_size=2000", 429),
		rec(900, "GET", "/v2/users", "next_page_token=x&page_size=2000", 200),
		// A request that succeeded and was sent again later is not a retry.
		rec(50, "GET", "/v2/users/c", "", 200),
		rec(60, "GET", "/v2/users/c", "", 200),
	}
	// The log is in completion order, not arrival order: shuffle to check CountRetries sorts by time.
	recs[0], recs[2] = recs[2], recs[0]
	got := CountRetries(recs)
	want := RetryStats{Failed429: 5, Failed5xx: 1, FailedDropped: 1, Retried429: 4, Retried5xx: 1, RetriedDropped: 1}
	if got != want {
		t.Fatalf("CountRetries = %+v, want %+v", got, want)
	}
	if got.Retries() != 6 || got.Unretried429() != 1 || got.Unretried() != 1 {
		t.Fatalf("Retries %d, Unretried429 %d, Unretried %d; want 6, 1, 1", got.Retries(), got.Unretried429(), got.Unretried())
	}
	if s := CountRetries(nil); s != (RetryStats{}) {
		t.Fatalf("empty log: %+v", s)
	}
}

func TestPerSecondAndChart(t *testing.T) {
	t0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var recs []sandbox.RequestRecord
	for i := range 50 {
		recs = append(recs, sandbox.RequestRecord{Time: t0.Add(time.Duration(i) * 40 * time.Millisecond), Category: "Light", Status: 200})
	}
	recs = append(recs,
		sandbox.RequestRecord{Time: t0.Add(1500 * time.Millisecond), Category: "Medium", Status: 429, RateLimited: true},
		sandbox.RequestRecord{Time: t0.Add(-time.Second), Category: "Light", Status: 200},    // before the phase
		sandbox.RequestRecord{Time: t0.Add(9 * time.Second), Category: "Light", Status: 200}, // after it
	)
	s := PerSecond(recs, t0, 3)
	if got := s["Light"]; len(got) != 3 || got[0] != 25 || got[1] != 25 || got[2] != 0 {
		t.Fatalf("Light = %v, want [25 25 0]", got)
	}
	if got := s["429"]; got[1] != 1 {
		t.Fatalf("429 = %v", got)
	}
	if _, ok := s["Medium"]; ok {
		t.Fatalf("a rate-limited request counted as admitted: %v", s["Medium"])
	}
	var buf bytes.Buffer
	if err := renderChart(&buf, []chartSeries{{name: "Light", values: s["Light"], limit: 30}}, s["429"], 3); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil || img.Bounds().Dx() != 1200 {
		t.Fatalf("chart: %v %v", err, img)
	}
}

func TestTerraformOutputParsing(t *testing.T) {
	out := "Note: Objects have changed outside of Terraform\n\n" +
		"  # zoom_meeting.meeting[0] has changed\n  ~ resource \"zoom_meeting\" \"meeting\" {\n        id = \"1\"\n      ~ start_url          = (sensitive value)\n    }\n" +
		"  # zoom_meeting.meeting[1] has changed\n  ~ resource \"zoom_meeting\" \"meeting\" {\n      ~ start_url          = (sensitive value)\n    }\n"
	if got := changedSummary(out); !strings.Contains(got, "2 objects") || !strings.HasSuffix(got, "(attributes: start_url)") {
		t.Errorf("changedSummary = %q", got)
	}
	diag := "╷\n│ Error: Error creating Zoom meeting\n│ \n│ POST users/x/meetings: HTTP 429, Zoom code 429: You have reached the maximum per-second rate limit\n╵\n"
	if !mentions429(diag) {
		t.Error("mentions429 missed a rate-limit error")
	}
	if mentions429("zoom_meeting.meeting[3]: Creation complete after 1s [id=84294291234]\n") {
		t.Error("mentions429 matched an id")
	}
	if got := summary("Apply complete! Resources: 410 added, 0 changed, 0 destroyed."); got != "410 added, 0 changed, 0 destroyed" {
		t.Errorf("summary = %q", got)
	}
}

func TestEvaluateTargets(t *testing.T) {
	phases := []PhaseResult{
		{Scenario: "paced", Phase: "apply", Parallelism: 10, WallSeconds: 18, FloorSeconds: 15, Ratio: 1.2, TokenRequests: 1, ProviderProcesses: 4},
		{Scenario: "paced", Phase: "destroy", Parallelism: 10, WallSeconds: 40, FloorSeconds: 27, Ratio: 1.48, TokenRequests: 2, ProviderProcesses: 5},
		// Not held to the ratio: pacing off, and the zoom_users read.
		{Scenario: "no-pacing", Phase: "apply", Parallelism: 10, WallSeconds: 60, FloorSeconds: 15, Ratio: 4, TooManyRequests: 40, Surfaced429: 0, TokenRequests: 1, ProviderProcesses: 4},
		{Scenario: "zoom_users-10001", Phase: "plan", WallSeconds: 3, FloorSeconds: 0.3, Ratio: 10, TokenRequests: 3, ProviderProcesses: 2},
	}
	got := evaluateTargets(phases)
	if got[0].Met || !strings.Contains(got[0].Detail, "paced destroy p=10 1.48") || strings.Contains(got[0].Detail, "apply") {
		t.Errorf("ratio target = %+v", got[0])
	}
	if !got[1].Met {
		t.Errorf("429 target = %+v", got[1])
	}
	if got[2].Met || !strings.Contains(got[2].Detail, "3 token requests for 2 processes") {
		t.Errorf("token target = %+v", got[2])
	}
}
