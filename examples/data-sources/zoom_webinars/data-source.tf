# Every webinar of one host that is running now or still to come.
data "zoom_webinars" "ada_upcoming" {
  user_id = "ada@example.com"
  type    = "upcoming"
}

output "ada_upcoming_webinar_ids" {
  value = data.zoom_webinars.ada_upcoming.ids
}

output "ada_upcoming_webinar_topics" {
  value = { for w in data.zoom_webinars.ada_upcoming.webinars : w.id => w.topic }
}
