# A custom role is imported by its ID or by its name (the built-in Owner, Admin and Member roles cannot be imported).
terraform import zoom_role.help_desk "Help desk"
