# Every custom role of the account.
data "zoom_roles" "custom" {
  built_in = false
}

output "custom_roles" {
  value = [for r in data.zoom_roles.custom.roles : r.name]
}
