resource "zoom_group" "engineering" {
  name = "Engineering"
}

# The whole member set of the group: members added elsewhere are removed on the next apply.
# Do not also manage this group with zoom_group_member.
resource "zoom_group_members" "engineering" {
  group_id = zoom_group.engineering.id
  members = [
    "ada@example.com",
    "grace@example.com",
    "KDcuGIm1QgePTO8WbOqwIQ", # a user ID works as well as an e-mail
  ]
}
