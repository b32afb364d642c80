data "zoom_group" "sales" {
  name = "Sales"
}

# Every member, however large the group (2,000 members a request).
data "zoom_group_members" "sales" {
  group_id = data.zoom_group.sales.id
}

output "sales_emails" {
  value = data.zoom_group_members.sales.emails
}
