# The account's settings are imported with the ID "me" (the account the provider is configured for).
terraform import zoom_account_settings.this me
