# A user's settings are imported by the user ID.
terraform import zoom_user_settings.presenter KDcuGIm1QgePTO8WbOqwIQ
