package resources

import "github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtz"

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
