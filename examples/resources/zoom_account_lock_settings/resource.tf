# Lock the waiting room and file transfer for every user: groups and users get the account's values
# (zoom_account_settings) and cannot change them.
resource "zoom_account_lock_settings" "this" {
  meeting_security = {
    waiting_room = true
  }
  in_meeting = {
    file_transfer = true
  }
}
