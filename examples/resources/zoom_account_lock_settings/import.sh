# The account's lock settings are imported with the ID "me".
terraform import zoom_account_lock_settings.this me
