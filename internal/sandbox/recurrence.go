package sandbox

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Recurrence types (docs/development/zoom-api.md#recurrence).
const (
	recurDaily   = 1
	recurWeekly  = 2
	recurMonthly = 3
)

// maxRepeatInterval is the largest repeat_interval per recurrence type: 90 days, 12 weeks, 3 months.
var maxRepeatInterval = map[int64]int64{recurDaily: 90, recurWeekly: 12, recurMonthly: 3}

var weeklyDaysRE = regexp.MustCompile(`^[1-7](,[1-7])*$`)

// recurrence is a type-8 meeting's recurrence rule, stored normalised and returned as is: repeat_interval
// defaults to 1; only the keys of the rule's type are kept (weekly_days for weekly; monthly_day, or
// monthly_week + monthly_week_day, for monthly); end_times defaults to 1 unless end_date_time is set.
type recurrence struct {
	Type           int    `json:"type"`
	RepeatInterval int    `json:"repeat_interval,omitempty"`
	WeeklyDays     string `json:"weekly_days,omitempty"`
	MonthlyDay     int    `json:"monthly_day,omitempty"`
	MonthlyWeek    int    `json:"monthly_week,omitempty"`
	MonthlyWeekDay int    `json:"monthly_week_day,omitempty"`
	EndTimes       int    `json:"end_times,omitempty"`
	// EndDateTime is yyyy-MM-ddTHH:mm:ssZ (UTC).
	EndDateTime string `json:"end_date_time,omitempty"`
}

// readRecurrence validates a recurrence object. loc interprets a Z-less end_date_time. conflict reports
// end_times together with end_date_time (Zoom's "Invalid recurrence settings", not a field error).
func readRecurrence(f *fieldReader, loc *time.Location, maxEndTimes int) (r *recurrence, conflict bool) {
	r = &recurrence{RepeatInterval: 1}
	typ, hasType := f.integer("type")
	validType := hasType && typ >= recurDaily && typ <= recurMonthly
	if !validType && !containsField(f.errors(), f.prefix+"type") {
		f.fail("type")
	}
	r.Type = int(typ)
	if n, ok := f.integer("repeat_interval"); ok {
		if n < 1 || (validType && n > maxRepeatInterval[typ]) {
			f.fail("repeat_interval")
		}
		r.RepeatInterval = int(n)
	}
	days, hasDays := f.str("weekly_days", 0)
	if hasDays && !weeklyDaysRE.MatchString(days) {
		f.fail("weekly_days")
	} else if typ == recurWeekly && !hasDays && !containsField(f.errors(), f.prefix+"weekly_days") {
		f.fail("weekly_days")
	}
	monthlyDay, hasMonthlyDay := f.integer("monthly_day")
	if hasMonthlyDay && (monthlyDay < 1 || monthlyDay > 31) {
		f.fail("monthly_day")
	}
	week, hasWeek := f.integer("monthly_week")
	if hasWeek && week != -1 && (week < 1 || week > 4) {
		f.fail("monthly_week")
	}
	weekDay, hasWeekDay := f.integer("monthly_week_day")
	if hasWeekDay && (weekDay < 1 || weekDay > 7) {
		f.fail("monthly_week_day")
	}
	// monthly_week and monthly_week_day go together.
	if hasWeek && !hasWeekDay && !containsField(f.errors(), f.prefix+"monthly_week_day") {
		f.fail("monthly_week_day")
	}
	if hasWeekDay && !hasWeek && !containsField(f.errors(), f.prefix+"monthly_week") {
		f.fail("monthly_week")
	}
	endTimes, hasEndTimes := f.integer("end_times")
	if hasEndTimes && (endTimes < 1 || endTimes > int64(maxEndTimes)) {
		f.fail("end_times")
	}
	endRaw, hasEnd := f.str("end_date_time", 0)
	var end time.Time
	if hasEnd {
		t, ok := parseMeetingTime(endRaw, loc)
		if !ok {
			f.fail("end_date_time")
		}
		end = t
	}
	conflict = hasEndTimes && hasEnd

	switch r.Type {
	case recurWeekly:
		r.WeeklyDays = days
	case recurMonthly:
		// The spec says to use monthly_day or monthly_week + monthly_week_day, not both (what Zoom does with
		// both is unconfirmed): the sandbox uses the weekday rule when it is complete.
		if hasWeek && hasWeekDay {
			r.MonthlyWeek, r.MonthlyWeekDay = int(week), int(weekDay)
		} else {
			r.MonthlyDay = 1
			if hasMonthlyDay {
				r.MonthlyDay = int(monthlyDay)
			}
		}
	}
	switch {
	case hasEnd:
		r.EndDateTime = formatZoomTime(end)
	case hasEndTimes:
		r.EndTimes = int(endTimes)
	default:
		r.EndTimes = 1
	}
	return r, conflict
}

// applyEndKnob moves EndDateTime to 23:59 of its calendar day in loc when Profile.RecurrenceEndDateTime is
// "end_of_day". The series is unchanged: it ends after that calendar day either way.
func (r *recurrence) applyEndKnob(p *Profile, loc *time.Location) {
	if r == nil || r.EndDateTime == "" || p.RecurrenceEndDateTime != RecurrenceEndEndOfDay {
		return
	}
	t, err := time.Parse(zoomTimeLayout, r.EndDateTime)
	if err != nil {
		return
	}
	l := t.In(loc)
	r.EndDateTime = formatZoomTime(time.Date(l.Year(), l.Month(), l.Day(), 23, 59, 0, 0, loc))
}

// occurrence is one generated occurrence of a type-8 meeting.
type occurrence struct {
	ID       string // epoch milliseconds of the scheduled start
	Start    time.Time
	Duration int
	Agenda   *string
	Deleted  bool
}

func (o occurrence) end() time.Time { return o.Start.Add(time.Duration(o.Duration) * time.Minute) }

// occurrenceOverride is a per-occurrence change (PATCH or DELETE with occurrence_id), keyed by occurrence_id.
type occurrenceOverride struct {
	StartTime *time.Time `json:"start_time,omitempty"`
	Duration  *int       `json:"duration,omitempty"`
	Agenda    *string    `json:"agenda,omitempty"`
	Deleted   bool       `json:"deleted,omitempty"`
}

// occurrenceID is Zoom's occurrence id: the start instant in epoch milliseconds.
func occurrenceID(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }

// expandRecurrence lists the scheduled starts of rule r from start (the meeting's start_time) in loc, at most
// max of them. Occurrences keep the wall-clock time of start in loc (so their UTC time moves across DST
// changes); the rule's days are counted from start's local date, and start itself is an occurrence only when
// it matches the rule. end_date_time ends the series after its local calendar date (inclusive).
func expandRecurrence(r *recurrence, start time.Time, loc *time.Location, max int) []time.Time {
	if r == nil || max <= 0 {
		return nil
	}
	limit := max
	if r.EndDateTime == "" && r.EndTimes > 0 && r.EndTimes < limit {
		limit = r.EndTimes
	}
	var lastDate time.Time // local date (midnight UTC of that y/m/d) of end_date_time
	if r.EndDateTime != "" {
		if t, err := time.Parse(zoomTimeLayout, r.EndDateTime); err == nil {
			y, m, d := t.In(loc).Date()
			lastDate = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
	}
	local := start.In(loc)
	y, mo, d := local.Date()
	hh, mm, ss := local.Clock()
	firstDate := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	interval := r.RepeatInterval
	if interval < 1 {
		interval = 1
	}
	var out []time.Time
	// add appends the occurrence on calendar date date; false when the series is complete.
	add := func(date time.Time) bool {
		if date.Before(firstDate) {
			return true
		}
		if !lastDate.IsZero() && date.After(lastDate) {
			return false
		}
		out = append(out, time.Date(date.Year(), date.Month(), date.Day(), hh, mm, ss, 0, loc).UTC())
		return len(out) < limit
	}
	const maxSteps = 20000 // bounds the loops when a rule never matches
	switch r.Type {
	case recurDaily:
		for i := 0; i < maxSteps; i++ {
			if !add(firstDate.AddDate(0, 0, i*interval)) {
				break
			}
		}
	case recurWeekly:
		var days []int
		for _, p := range strings.Split(r.WeeklyDays, ",") {
			if n, err := strconv.Atoi(p); err == nil && n >= 1 && n <= 7 && !containsInt(days, n-1) {
				days = append(days, n-1) // 1 = Sunday = time.Sunday (0)
			}
		}
		sort.Ints(days)
		if len(days) == 0 {
			return nil
		}
		weekStart := firstDate.AddDate(0, 0, -int(firstDate.Weekday()))
	weeks:
		for w := 0; w < maxSteps; w++ {
			ws := weekStart.AddDate(0, 0, 7*w*interval)
			for _, wd := range days {
				if !add(ws.AddDate(0, 0, wd)) {
					break weeks
				}
			}
		}
	case recurMonthly:
		for i := 0; i < maxSteps; i++ {
			month := time.Date(y, mo+time.Month(i*interval), 1, 0, 0, 0, 0, time.UTC)
			var date time.Time
			if r.MonthlyWeek != 0 {
				date = nthWeekday(month, r.MonthlyWeek, time.Weekday(r.MonthlyWeekDay-1))
			} else {
				day := r.MonthlyDay
				if n := daysIn(month); day > n {
					day = n // clamp the 29th-31st to short months
				}
				date = month.AddDate(0, 0, day-1)
			}
			if !add(date) {
				break
			}
		}
	}
	return out
}

// nthWeekday is the n-th (1-4, or -1 = last) weekday wd of the month that starts at month.
func nthWeekday(month time.Time, n int, wd time.Weekday) time.Time {
	if n == -1 {
		last := month.AddDate(0, 1, -1)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := month.AddDate(0, 0, (int(wd)-int(month.Weekday())+7)%7)
	return first.AddDate(0, 0, 7*(n-1))
}

func daysIn(month time.Time) int {
	return month.AddDate(0, 1, -1).Day()
}
