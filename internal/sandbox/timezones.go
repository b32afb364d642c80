package sandbox

import (
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"
)

// resolveZone checks a timezone field value against Zoom's time-zone list and returns the name to store and the
// location to read local times in. A listed ID is kept (SST, which Go's database does not know, reads local
// times as UTC). An unlisted IANA zone is refused (ok false), or, with Profile.UnlistedTimezone "substitute",
// replaced by the first listed zone with the same UTC offset at now, else by the profile's default zone. A name
// that is no zone at all is always refused.
func resolveZone(p *Profile, name string, now time.Time) (string, *time.Location, bool) {
	if zoomtz.Supported(name) {
		return name, meetingLocation(name), true
	}
	loc, ok := loadZone(name)
	if !ok || p.UnlistedTimezone != UnlistedTimezoneSubstitute {
		return "", nil, false
	}
	_, want := now.In(loc).Zone()
	for _, id := range zoomtz.IDs {
		if l, ok := loadZone(id); ok {
			if _, off := now.In(l).Zone(); off == want {
				return id, l, true
			}
		}
	}
	return p.DefaultTimezone, meetingLocation(p.DefaultTimezone), true
}
