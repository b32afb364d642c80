# A role member is imported as <role_id>/<user ID or e-mail>.
terraform import zoom_role_member.ada "Qx8YyM2yRZ6bcOt0PF5Vww/ada@example.com"
