# Every upcoming meeting of one host.
data "zoom_meetings" "ada_upcoming" {
  user_id = "ada@example.com"
  type    = "upcoming"
}

output "ada_upcoming_meeting_ids" {
  value = data.zoom_meetings.ada_upcoming.ids
}

output "ada_upcoming_topics" {
  value = { for m in data.zoom_meetings.ada_upcoming.meetings : m.id => m.topic }
}
