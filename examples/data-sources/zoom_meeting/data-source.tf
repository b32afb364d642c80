# A meeting created outside Terraform, read by its meeting number.
data "zoom_meeting" "board" {
  id = "85746065432"
}

output "board_meeting_start" {
  value = data.zoom_meeting.board.start_time # UTC, e.g. 2027-03-01T15:00:00Z
}

# Join links embed the passcode, so they are sensitive.
output "board_meeting_join_url" {
  value     = data.zoom_meeting.board.join_url
  sensitive = true
}

# A recurring meeting with the occurrences that already took place.
data "zoom_meeting" "standup" {
  id                        = "83512345678"
  show_previous_occurrences = true
}

output "standup_occurrences" {
  value = [for o in data.zoom_meeting.standup.occurrences : o.start_time]
}
