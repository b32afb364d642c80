# A product-launch webinar with panelists, Q&A, reminders and a survey. Attendees register and are approved
# automatically (approval_type 0), so the webinar has a registration_url to publish.
resource "zoom_webinar" "launch" {
  user_id    = "ada@example.com"
  topic      = "Product launch: version 3.0"
  agenda     = "What is new in 3.0, a live demo, and questions from the audience."
  start_time = "2027-03-10T17:00:00+01:00"
  timezone   = "Europe/Berlin"
  duration   = 90

  # Only the settings written here are enforced; the others follow the host's and account's defaults.
  settings = {
    panelists_video  = true
    practice_session = true
    hd_video         = true
    approval_type    = 0

    question_and_answer = {
      enable                    = true
      allow_anonymous_questions = false
      answer_questions          = "all"
      attendees_can_upvote      = true
    }

    # Reminders one hour and one day before (type 3).
    attendees_and_panelists_reminder_email_notification = {
      enable = true
      type   = 3
    }

    post_webinar_survey = true
    survey_url          = "https://example.com/survey/launch-3-0"
  }
}

output "launch_registration_url" {
  value = zoom_webinar.launch.registration_url
}

# A webinar scheduled from a webinar template, looked up by name. Settings set here override the template's.
data "zoom_webinar_templates" "product_launch" {
  user_id = "ada@example.com"
  name    = "Product launch"
}

resource "zoom_webinar" "launch_apac" {
  user_id     = "ada@example.com"
  topic       = "Product launch: version 3.0 (APAC)"
  start_time  = "2027-03-11T10:00:00"
  timezone    = "Asia/Singapore"
  duration    = 90
  template_id = data.zoom_webinar_templates.product_launch.ids[0]
}
