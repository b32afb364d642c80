# A webinar created outside Terraform, read by its webinar number.
data "zoom_webinar" "launch" {
  id = "81234567890"
}

output "launch_start" {
  value = data.zoom_webinar.launch.start_time # UTC, e.g. 2027-03-10T16:00:00Z
}

output "launch_registration_url" {
  value = data.zoom_webinar.launch.registration_url
}

output "launch_has_qa" {
  value = data.zoom_webinar.launch.settings.question_and_answer.enable
}

# Join links embed the passcode, so they are sensitive.
output "launch_join_url" {
  value     = data.zoom_webinar.launch.join_url
  sensitive = true
}

# A recurring webinar with the occurrences that already took place.
data "zoom_webinar" "office_hours" {
  id                        = "81298765432"
  show_previous_occurrences = true
}

output "office_hours_occurrences" {
  value = [for o in data.zoom_webinar.office_hours.occurrences : o.start_time]
}
