# A tracking field every meeting and webinar of the account must carry, with the values the scheduling options
# offer, in this order.
resource "zoom_tracking_field" "cost_centre" {
  field              = "Cost centre"
  required           = true
  recommended_values = ["R&D", "Sales", "Support"]
}

# Meetings and webinars refer to the field by its label; the reference also makes Terraform create the field
# first, so both can be added in one apply.
resource "zoom_meeting" "planning" {
  user_id    = "ada@example.com"
  topic      = "Quarterly planning"
  start_time = "2027-04-01T15:00:00Z"
  duration   = 60

  tracking_fields = [
    { field = zoom_tracking_field.cost_centre.field, value = "R&D" },
  ]
}

# An optional field, hidden from the scheduling options of the web portal.
resource "zoom_tracking_field" "campaign" {
  field   = "Campaign"
  visible = false
}
