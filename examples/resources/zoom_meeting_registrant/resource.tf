# A workshop that takes registrations: registrants are approved automatically (approval_type 0).
resource "zoom_meeting" "workshop" {
  user_id    = "ada@example.com"
  topic      = "Terraform workshop"
  start_time = "2027-03-15T14:00:00Z"
  duration   = 120

  settings = {
    approval_type = 0
  }
}

variable "attendees" {
  description = "People to register for the workshop."
  type = list(object({
    email      = string
    first_name = string
    last_name  = optional(string)
    org        = optional(string)
  }))
  default = [
    { email = "ada@example.com", first_name = "Ada", last_name = "Lovelace", org = "Analytical Engines" },
    { email = "grace@example.com", first_name = "Grace", last_name = "Hopper" },
  ]
}

# One registrant per attendee, keyed by e-mail so that adding or removing one leaves the others alone.
resource "zoom_meeting_registrant" "attendee" {
  for_each = { for a in var.attendees : a.email => a }

  meeting_id = zoom_meeting.workshop.id
  email      = each.key
  first_name = each.value.first_name
  last_name  = each.value.last_name
  org        = each.value.org
}

# Each registrant's personal join link admits only them, so it is sensitive.
output "workshop_join_urls" {
  value     = { for email, r in zoom_meeting_registrant.attendee : email => r.join_url }
  sensitive = true
}
