package resources

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/meetingattrs"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"
)

// Descriptions of the timezone attributes: Zoom takes only the IDs of its list, which validators.TimeZone checks.
const (
	zoomTimezoneList = "one of the IDs of Zoom's time-zone list (" + zoomtz.ListURL + "), which has some legacy " +
		"names (`Europe/Kiev`, `Asia/Calcutta`) and lacks others (`Europe/Kyiv`, `US/Eastern`, `Etc/GMT+5`); the " +
		"error for another name suggests the nearest listed zone"
	userTimezoneDescription = "Time zone of the user, for example `Europe/Berlin`: " + zoomTimezoneList + "."
)

// eventTimezoneDescription describes the timezone of a meeting or webinar (noun).
func eventTimezoneDescription(noun string) string {
	return "Time zone of the " + noun + ", for example `Europe/Berlin`: " + zoomTimezoneList +
		". Follows the host's time zone when not set."
}

// checkLocalStartZone refuses a local start_time (no Z or offset) in a listed zone that the time-zone database
// does not know (SST): neither the provider nor anyone reading the configuration can tell which instant it is.
func checkLocalStartZone(m *meetingattrs.EventCommon, d *diag.Diagnostics) {
	if m.StartTime.IsNull() || m.StartTime.IsUnknown() || m.Timezone.IsNull() || m.Timezone.IsUnknown() {
		return
	}
	p, err := zoomtime.ParseTime(m.StartTime.ValueString())
	if err != nil || !p.Local {
		return
	}
	if _, ok := p.In(m.Timezone.ValueString()); !ok {
		d.AddAttributeError(path.Root("start_time"), "Start time needs a zone",
			fmt.Sprintf("%q is in Zoom's time-zone list but not in the IANA time-zone database, so a local start_time "+
				"cannot be placed in time; give start_time in UTC (ending in Z) or with an offset such as +11:00.",
				m.Timezone.ValueString()))
	}
}
