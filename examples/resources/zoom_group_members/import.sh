# The member set is imported by the group's ID; the members are recorded by e-mail.
terraform import zoom_group_members.engineering SobVexyrQjqCkcxjpBWi6w
