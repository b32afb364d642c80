# A membership is imported as <group_id>/<user ID or e-mail>.
terraform import zoom_group_member.ada SobVexyrQjqCkcxjpBWi6w/ada@example.com
