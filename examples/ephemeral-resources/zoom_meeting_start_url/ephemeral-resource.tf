# A fresh start URL for a meeting, fetched when Terraform runs and never stored in the plan or state
# (Terraform 1.10 or later). Pass it on just in time, for example to a provider that notifies the host.
resource "zoom_meeting" "all_hands" {
  user_id    = "host@example.com"
  topic      = "All hands"
  start_time = "2027-03-01T15:00:00Z"
  duration   = 60
}

ephemeral "zoom_meeting_start_url" "all_hands" {
  meeting_id = zoom_meeting.all_hands.id
}

# ephemeral.zoom_meeting_start_url.all_hands.start_url  - the link (sensitive)
# ephemeral.zoom_meeting_start_url.all_hands.expires_at - when it stops working (RFC 3339)
locals {
  host_message = "Start the all-hands here before ${ephemeral.zoom_meeting_start_url.all_hands.expires_at}: ${ephemeral.zoom_meeting_start_url.all_hands.start_url}"
}
