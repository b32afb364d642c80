# A group's settings are imported by the group ID.
terraform import zoom_group_settings.legal 0mgThLiRQH2bUHvIaL4t2g
