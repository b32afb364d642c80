package bench

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
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

func TestChangedSummaryNoChanges(t *testing.T) {
	out := "zoom_user.host[0]: Refreshing state... [id=u1]\n\nNo changes. Your infrastructure still matches the configuration.\n"
	if got := changedSummary(out); !strings.HasPrefix(got, "no attribute changed") {
		t.Errorf("changedSummary = %q", got)
	}
}

func TestEvaluateTargets(t *testing.T) {
	phases := []PhaseResult{
		{Scenario: "paced", Phase: "apply", Parallelism: 10, WallSeconds: 18, FloorSeconds: 15, APISpanRatio: 1.1, OverheadRatio: 1.05, TokenRequests: 1, ProviderProcesses: 4},
		{Scenario: "paced", Phase: "destroy", Parallelism: 10, WallSeconds: 40, FloorSeconds: 27, APISpanRatio: 1.48, OverheadRatio: 1.3, TokenRequests: 2, ProviderProcesses: 5},
		// Not held to the ratios: pacing off, and the zoom_users read.
		{Scenario: "no-pacing", Phase: "apply", Parallelism: 10, WallSeconds: 60, FloorSeconds: 15, APISpanRatio: 4, OverheadRatio: 4, TooManyRequests: 40, Surfaced429: 0, TokenRequests: 1, ProviderProcesses: 4},
		{Scenario: "zoom_users-10001", Phase: "plan", WallSeconds: 3, FloorSeconds: 0.3, APISpanRatio: 10, TokenRequests: 3, ProviderProcesses: 2},
	}
	got := evaluateTargets(phases)
	if got[0].Met || !strings.Contains(got[0].Detail, "paced destroy p=10 1.48") || strings.Contains(got[0].Detail, "apply") {
		t.Errorf("span target = %+v", got[0])
	}
	if got[1].Met || !strings.Contains(got[1].Detail, "1 of 2 paced phases above 1.1x: paced destroy p=10 1.30") {
		t.Errorf("overhead target = %+v", got[1])
	}
	if !got[2].Met {
		t.Errorf("429 target = %+v", got[2])
	}
	if got[3].Met || !strings.Contains(got[3].Detail, "3 token requests for 2 processes") {
		t.Errorf("token target = %+v", got[3])
	}
	if got[4].Met || got[4].Detail != "no paced apply or destroy was measured" {
		t.Errorf("order target without order floors = %+v", got[4])
	}
	phases[0].OrderFloorSeconds, phases[0].APISpanOrderRatio = 22.3, 1.05
	phases[1].OrderFloorSeconds, phases[1].APISpanOrderRatio = 27.3, 1.2
	if got := orderTarget(phases); got.Met || got.Detail != "1 of 2 above 1.15x: paced destroy p=10 1.20" {
		t.Errorf("order target = %+v", got)
	}

	// The hosts-first runs are held to the same targets, and the targets name the runs that met them: a miss
	// at parallelism 10 stays a miss.
	phases = append(phases,
		PhaseResult{Scenario: ScenarioHostsFirst, Phase: "apply", Parallelism: 400, WallSeconds: 21, FloorSeconds: 17.3, APISpanRatio: 1.05, OverheadRatio: 0.98, TokenRequests: 1, ProviderProcesses: 4},
		PhaseResult{Scenario: ScenarioHostsFirst, Phase: "destroy", Parallelism: 400, WallSeconds: 35, FloorSeconds: 27.3, APISpanRatio: 1.1, OverheadRatio: 1.05, TokenRequests: 2, ProviderProcesses: 5},
	)
	got = evaluateTargets(phases)
	if got[0].Met || !strings.Contains(got[0].Detail, "1 of 4 paced phases above 1.15x") ||
		!strings.HasSuffix(got[0].Detail, "met in every phase of: hosts-first p=400; missed in: paced p=10") {
		t.Errorf("span target with hosts-first runs = %+v", got[0])
	}
	if got[1].Met || !strings.HasSuffix(got[1].Detail, "met in every phase of: hosts-first p=400; missed in: paced p=10") {
		t.Errorf("overhead target with hosts-first runs = %+v", got[1])
	}
	if got := metAt(phases[:1], heldToTargets, func(p PhaseResult) bool { return p.APISpanRatio <= maxSpanRatio }); got != "met in every phase of: paced p=10; missed in: none" {
		t.Errorf("metAt = %q", got)
	}
}

func TestCriticalPathFloor(t *testing.T) {
	pro := map[string]float64{"Light": 30, "Medium": 20, "Heavy": 10}
	// 10 hosts (POST Light + GET Light each: 20 Light requests = 0.67 s > 2 x 100 ms), then 300 meetings (300 Medium
	// = 15 s, 300 Light GETs = 10 s): 15.67 s.
	stages := []Stage{
		{Requests: map[string]int{"Light": 20}, Resources: 10},
		{Requests: map[string]int{"Medium": 300, "Light": 300}, Resources: 300},
	}
	if got := CriticalPathFloor(stages, pro, 100*time.Millisecond); math.Abs(got-(20.0/30+15)) > 1e-9 {
		t.Errorf("floor = %v", got)
	}
	// One host: its two requests one after the other take 2 latencies, more than their share of the limit.
	one := []Stage{{Requests: map[string]int{"Light": 2}, Resources: 1}, {Requests: map[string]int{"Medium": 3}, Resources: 3}}
	if got := CriticalPathFloor(one, pro, 100*time.Millisecond); math.Abs(got-(0.2+0.15)) > 1e-9 {
		t.Errorf("latency-bound floor = %v, want 0.35", got)
	}
	if got := CriticalPathFloor([]Stage{{Requests: map[string]int{}, Resources: 5}}, pro, time.Second); got != 0 {
		t.Errorf("empty stage = %v", got)
	}
}

func TestWorkloadStages(t *testing.T) {
	var recs []sandbox.RequestRecord
	add := func(n int, route, cat string, limited bool) {
		for range n {
			recs = append(recs, sandbox.RequestRecord{Route: route, Category: cat, RateLimited: limited})
		}
	}
	add(110, "POST /v2/users", "Light", false)
	add(110, "GET /v2/users/{userId}", "Light", false)
	add(300, "POST /v2/users/{userId}/meetings", "Medium", false)
	add(7, "POST /v2/users/{userId}/meetings", "Medium", true) // refused by the limiter: not in the floor
	add(2, "POST /oauth/token", "", false)
	st := workloadStages("apply", recs, 10, 100, 300)
	if len(st) != 2 || st[0].Resources != 10 || st[0].Requests["Light"] != 20 || st[1].Requests["Medium"] != 300 || st[1].Resources != 300 {
		t.Fatalf("apply stages = %+v", st)
	}
	st = workloadStages("destroy", recs, 10, 100, 300)
	if st[0].Resources != 300 || st[1].Resources != 10 {
		t.Fatalf("destroy stages = %+v", st)
	}
}

// TestOrderStages: the Terraform-order floor of the bench's apply is the users' Light phase and then the meetings'
// Medium one (7.3 s + 15 s), above the category floor (520 Light / 30 = 17.3 s) that lets them overlap; destroy's
// is the refresh, then the meetings and other users, then the hosts.
func TestOrderStages(t *testing.T) {
	pro := map[string]float64{"Light": 30, "Medium": 20, "Heavy": 10}
	var recs []sandbox.RequestRecord
	add := func(n int, route, cat string) {
		for range n {
			recs = append(recs, sandbox.RequestRecord{Route: route, Category: cat})
		}
	}
	add(110, "POST /v2/users", "Light")
	add(110, "GET /v2/users/{userId}", "Light")
	add(300, "POST /v2/users/{userId}/meetings", "Medium")
	add(300, "GET /v2/meetings/{meetingId}", "Light")
	add(1, "POST /oauth/token", "")
	st := orderStages("apply", recs, 10, 100, 300, false)
	if len(st) != 2 || st[0].Requests["Light"] != 220 || st[0].Resources != 110 || st[1].Requests["Medium"] != 300 || st[1].Requests["Light"] != 300 {
		t.Fatalf("apply stages = %+v", st)
	}
	got := CriticalPathFloor(st, pro, 100*time.Millisecond)
	if want := 220.0/30 + 300.0/20; math.Abs(got-want) > 1e-9 {
		t.Errorf("apply order floor = %v, want %v", got, want)
	}
	if cat, _ := Floor(map[string]int{"Light": 520, "Medium": 300}, pro); got <= cat {
		t.Errorf("apply order floor %v not above the category floor %v", got, cat)
	}
	// Hosts first: the hosts' 20 Light requests, then the other users' 200 beside the meetings' 300 Medium and
	// 300 Light: 0.67 s + max(500/30, 300/20) = 17.3 s, the category floor.
	st = orderStages("apply", recs, 10, 100, 300, true)
	if len(st) != 2 || st[0].Requests["Light"] != 20 || st[0].Resources != 10 || st[1].Requests["Light"] != 500 || st[1].Requests["Medium"] != 300 || st[1].Resources != 400 {
		t.Fatalf("hosts-first apply stages = %+v", st)
	}
	if got, want := CriticalPathFloor(st, pro, 100*time.Millisecond), 520.0/30; math.Abs(got-want) > 1e-9 {
		t.Errorf("hosts-first apply order floor = %v, want %v", got, want)
	}

	recs = nil
	add(110, "GET /v2/users/{userId}", "Light")
	add(300, "GET /v2/meetings/{meetingId}", "Light")
	add(300, "DELETE /v2/meetings/{meetingId}", "Light")
	add(110, "DELETE /v2/users/{userId}", "Light")
	st = orderStages("destroy", recs, 10, 100, 300, false)
	if len(st) != 3 || st[0].Requests["Light"] != 410 || st[1].Requests["Light"] != 400 || st[2].Requests["Light"] != 10 || st[2].Resources != 10 {
		t.Fatalf("destroy stages = %+v", st)
	}
	if got, want := CriticalPathFloor(st, pro, 100*time.Millisecond), 820.0/30; math.Abs(got-want) > 1e-9 {
		t.Errorf("destroy order floor = %v, want %v (all Light: the category floor)", got, want)
	}
}

func TestFitLineAndScaling(t *testing.T) {
	f := FitLine([]float64{41, 410, 1367}, []float64{2 + 0.02*41, 2 + 0.02*410, 2 + 0.02*1367})
	if math.Abs(f.Slope-0.02) > 1e-9 || math.Abs(f.Intercept-2) > 1e-9 || f.MaxResidual > 1e-9 {
		t.Errorf("fit of a line = %+v", f)
	}
	// Quadratic growth strays from any line.
	if f := FitLine([]float64{1, 10, 30}, []float64{1, 100, 900}); f.MaxResidual < 0.5 {
		t.Errorf("fit of a square = %+v", f)
	}
	phases := func(n, res int, wall, cpu float64) []PhaseResult {
		g := graphName(n, 1, 1, false)
		return []PhaseResult{
			{Scenario: "scale-x", Provider: "zoom", Graph: g, Resources: res, Phase: "apply", WallSeconds: wall, TotalRequests: 2 * res, ProviderCPUSeconds: cpu, TerraformCPUSeconds: cpu / 2, ProviderPeakMB: 40 + float64(res)/100},
			{Scenario: "scale-x", Provider: "zoom", Graph: g, Resources: res, Phase: "destroy", WallSeconds: wall, TotalRequests: 2 * res, ProviderCPUSeconds: cpu, TerraformCPUSeconds: cpu / 2, ProviderPeakMB: 40},
			{Scenario: "scale-x-terraform_data", Provider: ScenarioTerraformData, Graph: g, Resources: res, Phase: "apply", WallSeconds: 1},
		}
	}
	var ps []PhaseResult
	ps = append(ps, phases(1000, 1367, 80, 13.67)...)
	ps = append(ps, phases(30, 41, 3, 0.41)...)
	ps = append(ps, phases(300, 410, 25, 4.1)...)
	sc := scalingSeries(ps)
	if sc == nil || len(sc.Points) != 3 || sc.Points[0].Meetings != 30 || sc.Points[2].Resources != 1367 {
		t.Fatalf("scaling = %+v", sc)
	}
	if !sc.Linear || sc.Points[1].ProviderCPU != 8.2 || sc.Points[1].ProviderCPUPerResourceMS != 20 {
		t.Errorf("scaling = %+v", sc)
	}
	if !strings.Contains(ScaleChart(sc.Points), "1367") {
		t.Error("chart lacks the largest point")
	}
	ps[0].WallSeconds = 400 // the largest point five times slower: not linear
	if sc := scalingSeries(ps); sc.Linear {
		t.Errorf("a super-linear series passed: %+v", sc.Fits)
	}
}

func TestAttachTerraformOwnCost(t *testing.T) {
	ps := []PhaseResult{
		{Scenario: "paced", Provider: "zoom", Graph: "g", Phase: "apply", Parallelism: 10, WallSeconds: 22, FloorSeconds: 18},
		{Scenario: "paced", Provider: "zoom", Graph: "g", Phase: "apply", Parallelism: 30, WallSeconds: 22, FloorSeconds: 18},
		{Scenario: ScenarioTerraformData, Provider: ScenarioTerraformData, Graph: "g", Phase: "apply", Parallelism: 10, WallSeconds: 2, CPUSeconds: 1.5},
	}
	attachTerraformOwnCost(ps)
	if ps[0].TerraformOwnSeconds != 2 || ps[0].OverheadRatio != 1.1 || ps[0].TerraformOwnCPUSeconds != 1.5 {
		t.Errorf("p=10 = %+v", ps[0])
	}
	if ps[1].OverheadRatio != 0 {
		t.Errorf("p=30 has no twin: %+v", ps[1])
	}
}

func TestProcCPU(t *testing.T) {
	p := filepath.Join(t.TempDir(), "stat")
	// pid (comm with ) and spaces) state ppid ... utime=150 stime=25 (fields 14 and 15)
	line := "4242 (zoom sand) box) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 12 0 100 0 0\n"
	if err := os.WriteFile(p, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := procCPU(p); got != 1750*time.Millisecond {
		t.Errorf("procCPU = %v, want 1.75s", got)
	}
	if got := procCPU(filepath.Join(t.TempDir(), "missing")); got != 0 {
		t.Errorf("missing file: %v", got)
	}
}

// TestHostsFirstConfig: the hosts-first graph makes the other users depend on the hosts' block, in the zoom
// configuration and in its terraform_data twin; the main graph does not.
func TestHostsFirstConfig(t *testing.T) {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text, want string
	}{
		{workloadConfig(3, 1, 2, start, true), "depends_on = [zoom_user.host]"},
		{terraformDataConfig(3, 1, 2, start, true), "depends_on = [terraform_data.host]"},
	} {
		if strings.Count(c.text, c.want) != 1 || !strings.Contains(c.text[strings.Index(c.text, `"member"`):], c.want) {
			t.Errorf("hosts-first config lacks %q on the users:\n%s", c.want, c.text)
		}
	}
	if strings.Contains(workloadConfig(3, 1, 2, start, false), "depends_on") || strings.Contains(terraformDataConfig(3, 1, 2, start, false), "depends_on") {
		t.Error("the main graph has a depends_on")
	}
	if graphName(3, 1, 2, true) == graphName(3, 1, 2, false) {
		t.Error("the hosts-first graph shares its name (and its terraform_data twin) with the main graph")
	}
}
