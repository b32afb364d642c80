# A group administrator is imported as <group_id>/<user ID or e-mail>.
terraform import zoom_group_admin.grace SobVexyrQjqCkcxjpBWi6w/grace@example.com
