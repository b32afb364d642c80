package bench

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
)

// The chart has no text (the module has no font package): the legend is in the report.
var (
	categoryColors = map[string]color.RGBA{
		"Light":              {R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}, // blue
		"Medium":             {R: 0xff, G: 0x7f, B: 0x0e, A: 0xff}, // orange
		"Heavy":              {R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff}, // green
		"Resource-intensive": {R: 0x94, G: 0x67, B: 0xbd, A: 0xff}, // purple
	}
	colorNames = map[string]string{
		"Light": "blue", "Medium": "orange", "Heavy": "green", "Resource-intensive": "purple", "429": "red",
	}
	color429  = color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	colorAxis = color.RGBA{A: 0xff}
	colorGrid = color.RGBA{R: 0xe4, G: 0xe4, B: 0xe4, A: 0xff}
)

// ChartLegend describes the charts, which carry no text.
func ChartLegend() map[string]string {
	return map[string]string{
		"x_axis":             "seconds since the terraform command started; short tick every 10 s, long tick every 60 s",
		"y_axis":             "requests per second; light grey gridline every 10 requests/s",
		"Light":              "blue: requests admitted per second; dashed blue: the Light limit",
		"Medium":             "orange: requests admitted per second; dashed orange: the Medium limit",
		"Heavy":              "green: requests admitted per second; dashed green: the Heavy limit",
		"Resource-intensive": "purple: requests admitted per second; dashed purple: the limit (per minute / 60)",
		"429":                "red: 429 answers per second",
		"scope":              "only categories with requests in the phase are drawn, with their limits",
	}
}

// chartSeries is one category's line and its limit.
type chartSeries struct {
	name   string
	values []float64
	limit  float64 // requests per second; 0 = none drawn
}

// renderChart draws requests per second over time against the limits as a PNG.
func renderChart(w io.Writer, series []chartSeries, errs []float64, seconds int) error {
	const (
		width, height             = 1200, 480
		left, right, top, bottom  = 50, 20, 20, 40
		plotW, plotH              = width - left - right, height - top - bottom
		minorTick, majorTick, pad = 5, 12, 1.15
	)
	seconds = max(seconds, 1)
	ymax := 10.0
	for _, s := range series {
		ymax = math.Max(ymax, math.Max(Peak(s.values), s.limit))
	}
	ymax = math.Max(ymax, Peak(errs))
	ymax = math.Ceil(ymax*pad/10) * 10

	img := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), &image.Uniform{C: color.White}, image.Point{}, draw.Src)
	px := func(t float64) int { return left + int(math.Round(t/float64(seconds)*plotW)) }
	py := func(v float64) int { return top + plotH - int(math.Round(v/ymax*plotH)) }

	// Grid, axes and ticks.
	for v := 10.0; v < ymax; v += 10 {
		hline(img, left+1, left+plotW, py(v), colorGrid, 1, 0)
	}
	hline(img, left, left+plotW, top+plotH, colorAxis, 2, 0)
	vline(img, left, top, top+plotH, colorAxis, 2)
	for t := 0; t <= seconds; t += 10 {
		l := minorTick
		if t%60 == 0 {
			l = majorTick
		}
		vline(img, px(float64(t)), top+plotH, top+plotH+l, colorAxis, 1)
	}
	for v := 0.0; v <= ymax; v += 10 {
		hline(img, left-minorTick, left, py(v), colorAxis, 1, 0)
	}

	// Limits (dashed), then the series; each point is drawn at the middle of its second.
	for _, s := range series {
		if s.limit > 0 {
			hline(img, left+1, left+plotW, py(s.limit), categoryColors[s.name], 2, 8)
		}
	}
	polyline := func(values []float64, c color.RGBA) {
		for i := 1; i < len(values); i++ {
			line(img, px(float64(i)-0.5), py(values[i-1]), px(float64(i)+0.5), py(values[i]), c)
		}
	}
	for _, s := range series {
		polyline(s.values, categoryColors[s.name])
	}
	if Peak(errs) > 0 {
		polyline(errs, color429)
	}
	return png.Encode(w, img)
}

// hline draws a horizontal line of the given thickness; dash > 0 draws dash pixels on, dash pixels off.
func hline(img *image.RGBA, x0, x1, y int, c color.RGBA, thick, dash int) {
	for x := x0; x <= x1; x++ {
		if dash > 0 && ((x-x0)/dash)%2 == 1 {
			continue
		}
		for d := 0; d < thick; d++ {
			img.SetRGBA(x, y-thick/2+d, c)
		}
	}
}

func vline(img *image.RGBA, x, y0, y1 int, c color.RGBA, thick int) {
	for y := y0; y <= y1; y++ {
		for d := 0; d < thick; d++ {
			img.SetRGBA(x-thick/2+d, y, c)
		}
	}
}

// line draws a 2-pixel line from (x0,y0) to (x1,y1).
func line(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	steps := max(abs(x1-x0), abs(y1-y0), 1)
	for i := 0; i <= steps; i++ {
		x := x0 + (x1-x0)*i/steps
		y := y0 + (y1-y0)*i/steps
		img.SetRGBA(x, y, c)
		img.SetRGBA(x+1, y, c)
		img.SetRGBA(x, y+1, c)
		img.SetRGBA(x+1, y+1, c)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
