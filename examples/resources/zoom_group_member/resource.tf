resource "zoom_group" "support" {
  name = "Support"
}

# One membership; other members of the group are left alone.
# Do not also manage this group with zoom_group_members.
resource "zoom_group_member" "ada" {
  group_id = zoom_group.support.id
  user_id  = "ada@example.com"
  primary  = true # Ada follows this group's settings by default
}
