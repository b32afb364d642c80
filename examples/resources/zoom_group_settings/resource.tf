resource "zoom_group" "legal" {
  name = "Legal"
}

# Members of the group record to the cloud automatically, unless they set their own value
# (see zoom_group_lock_settings to impose it).
resource "zoom_group_settings" "legal" {
  group_id = zoom_group.legal.id
  recording = {
    cloud_recording = true
    auto_recording  = "cloud"
  }
}
