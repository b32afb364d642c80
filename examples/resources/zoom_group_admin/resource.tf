resource "zoom_group" "support" {
  name = "Support"
}

# Grace administers the Support group (she need not be a member).
resource "zoom_group_admin" "grace" {
  group_id = zoom_group.support.id
  user_id  = "grace@example.com"
}
