# A webinar where the host approves each registrant (approval_type 1).
resource "zoom_webinar" "briefing" {
  user_id    = "ada@example.com"
  topic      = "Analyst briefing"
  start_time = "2027-04-01T15:00:00Z"
  duration   = 60

  settings = {
    approval_type                  = 1
    registrants_email_notification = true
  }
}

# A registrant approved at once: status changes in place, without registering again.
resource "zoom_webinar_registrant" "analyst" {
  webinar_id = zoom_webinar.briefing.id
  email      = "grace@example.com"
  first_name = "Grace"
  last_name  = "Hopper"
  org        = "Example Research"
  job_title  = "Principal analyst"
  country    = "US"
  status     = "approved"
}

# A registrant left for the host to approve in the Zoom portal: with status unset it follows Zoom (pending, then
# approved or denied) without a diff.
resource "zoom_webinar_registrant" "press" {
  webinar_id = zoom_webinar.briefing.id
  email      = "press@example.com"
  first_name = "Press"
  last_name  = "Desk"
}
