resource "zoom_user" "presenter" {
  email  = "presenter@example.com"
  action = "autoCreate"
  type   = 2
}

# A seat of the Webinar add-on for the presenter, and a few meeting defaults.
resource "zoom_user_settings" "presenter" {
  user_id = zoom_user.presenter.id
  feature = {
    webinar          = true
    webinar_capacity = 500
  }
  schedule_meeting = {
    host_video = true
  }
}

# Refer to the user through zoom_user_settings, so that the webinar is created after the licence is granted.
resource "zoom_webinar" "launch" {
  user_id    = zoom_user_settings.presenter.user_id
  topic      = "Product launch"
  start_time = "2030-03-04T16:00:00Z"
  duration   = 60
}
