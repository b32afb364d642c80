resource "zoom_group" "engineering" {
  name = "Engineering"
}

output "engineering_group_id" {
  value = zoom_group.engineering.id
}
