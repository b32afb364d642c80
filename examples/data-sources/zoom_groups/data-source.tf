data "zoom_groups" "all" {}

output "group_names" {
  value = [for g in data.zoom_groups.all.groups : g.name]
}
