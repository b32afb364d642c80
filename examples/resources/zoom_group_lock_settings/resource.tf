resource "zoom_group" "legal" {
  name = "Legal"
}

# Members of the group get the group's automatic recording (zoom_group_settings) and cannot change it.
resource "zoom_group_lock_settings" "legal" {
  group_id = zoom_group.legal.id
  recording = {
    auto_recording = true
  }
}
