# Only the settings written here are managed; every other account setting follows the Zoom portal.
resource "zoom_account_settings" "this" {
  schedule_meeting = {
    join_before_host = false
  }
  in_meeting = {
    file_transfer        = false
    who_can_share_screen = "host"
  }
  recording = {
    cloud_recording      = true
    auto_delete_cmr      = true
    auto_delete_cmr_days = 90
  }
  meeting_security = {
    waiting_room = true
  }
}
