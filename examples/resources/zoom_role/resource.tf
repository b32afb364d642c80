# A custom role for the help desk: it may read and edit users and read groups.
resource "zoom_role" "help_desk" {
  name        = "Help desk"
  description = "First-line support"
  privileges  = ["User:Read", "User:Edit", "Group:Read"]
}
