# The built-in Admin role, by name.
data "zoom_role" "admin" {
  name = "Admin"
}

output "admins" {
  value = data.zoom_role.admin.total_members
}
