resource "zoom_role" "help_desk" {
  name       = "Help desk"
  privileges = ["User:Read", "User:Edit"]
}

# Ada gets the help-desk role; destroying this moves her back to the Member role.
resource "zoom_role_member" "ada" {
  role_id = zoom_role.help_desk.id
  user_id = "ada@example.com"
}

# The built-in Admin role (ID "1") can be assigned too.
resource "zoom_role_member" "grace_admin" {
  role_id = "1"
  user_id = "grace@example.com"
}
