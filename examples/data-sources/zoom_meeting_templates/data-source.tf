# Look an account admin template up by name, and schedule a meeting from it.
# user_id is a literal, not zoom_user.<name>.id: a reference to a user with changes pending would defer
# the read to apply time and leave template_id unknown in the plan.
data "zoom_meeting_templates" "all_hands" {
  user_id = "ada@example.com"
  name    = "All-hands"
}

resource "zoom_meeting" "town_hall" {
  user_id     = "ada@example.com"
  topic       = "Town hall"
  start_time  = "2027-03-05T16:00:00Z"
  duration    = 60
  template_id = data.zoom_meeting_templates.all_hands.ids[0]
}

# Every template Ada can use: her own (type 1) and the account's admin templates (type 2).
data "zoom_meeting_templates" "ada" {
  user_id = "ada@example.com"
}

output "admin_templates" {
  value = [for t in data.zoom_meeting_templates.ada.templates : t.name if t.type == 2]
}
