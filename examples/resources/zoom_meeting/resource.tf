# A one-time meeting. Zoom reports start times in UTC; any spelling of the same instant compares equal.
resource "zoom_meeting" "kickoff" {
  user_id    = "ada@example.com"
  topic      = "Project kickoff"
  agenda     = "Goals, roles and the first milestone."
  start_time = "2027-03-01T15:00:00Z"
  duration   = 45
}

# A weekly meeting on Mondays and Wednesdays at 10:00 Berlin time, twelve times in all. A local start_time (no Z
# or offset) is read in timezone, so the meeting stays at 10:00 across daylight-saving changes.
resource "zoom_meeting" "weekly" {
  user_id    = "ada@example.com"
  topic      = "Team sync"
  type       = "recurring_fixed_time"
  start_time = "2027-03-01T10:00:00"
  timezone   = "Europe/Berlin"
  duration   = 30

  recurrence = {
    type        = "weekly"
    weekly_days = [2, 4] # 1 = Sunday ... 7 = Saturday
    end_times   = 12
  }

  # Only the settings written here are enforced; the others follow the host's and account's defaults.
  settings = {
    waiting_room      = true
    mute_upon_entry   = true
    auto_recording    = "cloud"
    alternative_hosts = var.alternative_hosts
  }
}

variable "alternative_hosts" {
  description = "E-mails of licensed users of the account who may start the team sync."
  type        = set(string)
  default     = []
}

# A meeting scheduled from an account admin template, looked up by name.
data "zoom_meeting_templates" "all_hands" {
  user_id = "ada@example.com"
  name    = "All-hands"
}

resource "zoom_meeting" "all_hands" {
  user_id     = "ada@example.com"
  topic       = "Quarterly all-hands"
  start_time  = "2027-04-01T16:00:00Z"
  duration    = 90
  template_id = data.zoom_meeting_templates.all_hands.ids[0]
}

# An API user (custCreate) hosting a meeting that can be started at any time: it has no password to sign in with,
# so it starts the meeting through the meeting's start_url.
resource "zoom_user" "kiosk" {
  email      = "kiosk-1@example.com"
  action     = "custCreate"
  type       = 1
  first_name = "Lobby"
  last_name  = "Kiosk"
}

resource "zoom_meeting" "kiosk" {
  user_id = zoom_user.kiosk.id
  topic   = "Lobby help desk"
  type    = "recurring_no_fixed_time"
}
