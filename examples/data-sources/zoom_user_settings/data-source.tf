data "zoom_user_settings" "ada" {
  user_id  = "ada@example.com"
  sections = ["feature"]
}

output "ada_has_webinar_seat" {
  value = data.zoom_user_settings.ada.feature.webinar
}
