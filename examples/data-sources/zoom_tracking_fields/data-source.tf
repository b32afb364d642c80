# Every tracking field of the account.
data "zoom_tracking_fields" "all" {}

# The labels a meeting or webinar must carry a value for.
output "required_tracking_fields" {
  value = [for f in data.zoom_tracking_fields.all.tracking_fields : f.field if f.required]
}

# One field by its label, for example to offer its recommended values.
data "zoom_tracking_fields" "cost_centre" {
  field = "Cost centre"
}

output "cost_centres" {
  value = one(data.zoom_tracking_fields.cost_centre.tracking_fields[*].recommended_values)
}
