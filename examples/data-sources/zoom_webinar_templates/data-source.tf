# Look a webinar template up by name, and schedule a webinar from it.
# user_id is a literal, not zoom_user.<name>.id: a reference to a user with changes pending would defer
# the read to apply time and leave template_id unknown in the plan.
data "zoom_webinar_templates" "launch" {
  user_id = "ada@example.com"
  name    = "Product launch"
}

resource "zoom_webinar" "launch" {
  user_id     = "ada@example.com"
  topic       = "Spring release"
  start_time  = "2027-03-10T16:00:00Z"
  duration    = 60
  template_id = data.zoom_webinar_templates.launch.ids[0]
}

# Every webinar template Ada can use: the account's and her own.
data "zoom_webinar_templates" "ada" {
  user_id = "ada@example.com"
}

output "webinar_template_names" {
  value = data.zoom_webinar_templates.ada.templates[*].name
}
