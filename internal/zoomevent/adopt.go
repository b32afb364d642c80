package zoomevent

// Adoption helpers: what identifies the meeting or webinar a create whose answer was lost may have made, and the
// search for it among the host's listed events.

import (
	"fmt"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

// Listed is a meeting or webinar as a host's list shows it.
type Listed = client.EventSummary

// Key is what identifies the meeting or webinar a lost create may have made: topic, type and start (the host is
// the list it is looked for in; the caller adds "created since the first attempt, not claimed by another
// resource of the same run").
type Key struct {
	// Noun is "meeting" or "webinar".
	Noun   string
	Topic  string
	typeOK func(int) bool
	start  string // wire form; empty when the event has no fixed start
	tz     string // the time zone a local start is read in; empty to use the listed one
}

// KeyOf builds the lookup key of a meeting or webinar from its state or plan.
func (k Kind) KeyOf(m *EventCommon) Key {
	typ := m.Type.ValueString()
	if typ == "" {
		typ = TypeScheduled
	}
	want := k.TypeNumber(typ)
	key := Key{Noun: k.Noun, Topic: m.Topic.ValueString(), typeOK: func(got int) bool { return k.listedTypeOK(want, got) }}
	if !m.StartTime.IsNull() && !m.StartTime.IsUnknown() {
		if wire, err := zoomtime.WireTime(m.StartTime.ValueString()); err == nil {
			key.start = wire
		}
	}
	if !m.Timezone.IsNull() && !m.Timezone.IsUnknown() {
		key.tz = m.Timezone.ValueString()
	}
	return key
}

func (k Key) matches(s Listed) bool {
	if s.Topic != k.Topic || !k.typeOK(s.Type) {
		return false
	}
	if k.start != "" {
		tz := k.tz
		if tz == "" {
			tz = s.Timezone
		}
		if !zoomtime.SameInstant(k.start, tz, s.StartTime) {
			return false
		}
	}
	return true
}

// Find lists the IDs of the listed events that match k, were created at or after after (Zoom's clock) and are
// not taken.
func (k Key) Find(after time.Time, listed []Listed, taken func(id int64) bool) []int64 {
	var ids []int64
	for _, s := range listed {
		if !k.matches(s) || taken(s.ID) {
			continue
		}
		if at, err := time.Parse(time.RFC3339, s.CreatedAt); err == nil && at.Before(after) {
			continue
		}
		ids = append(ids, s.ID)
	}
	return ids
}

// What names a meeting or webinar in messages, e.g. `zoom_meeting "Weekly sync" (host ann@example.com)`.
func What(noun, topic, host string) string {
	return fmt.Sprintf("zoom_%s %q (host %s)", noun, topic, host)
}
