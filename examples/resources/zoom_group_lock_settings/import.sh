# A group's lock settings are imported by the group ID.
terraform import zoom_group_lock_settings.legal 0mgThLiRQH2bUHvIaL4t2g
