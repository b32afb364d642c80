# The members of a custom role are imported by the role ID.
terraform import zoom_role_members.help_desk Qx8YyM2yRZ6bcOt0PF5Vww
