resource "zoom_role" "help_desk" {
  name       = "Help desk"
  privileges = ["User:Read", "User:Edit"]
}

# Exactly these users hold the help-desk role: anyone else given it in the Zoom portal is moved back to the
# Member role on the next apply.
resource "zoom_role_members" "help_desk" {
  role_id = zoom_role.help_desk.id
  members = ["ada@example.com", "grace@example.com"]
}
