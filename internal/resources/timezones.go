package resources

import "github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"

// userTimezoneDescription describes the timezone of a user: Zoom takes only the IDs of its list, which
// validators.TimeZone checks.
const userTimezoneDescription = "Time zone of the user, for example `Europe/Berlin`: " + zoomevent.ZoomTimezoneList + "."
