data "zoom_account_settings" "security" {
  sections = ["meeting_security", "recording"]
}

output "waiting_room_on" {
  value = data.zoom_account_settings.security.meeting_security.waiting_room
}
