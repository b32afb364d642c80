# A group is imported by its ID or by its name.
terraform import zoom_group.engineering SobVexyrQjqCkcxjpBWi6w
terraform import zoom_group.engineering Engineering
