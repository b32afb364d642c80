# A webinar is imported by its webinar ID (the webinar number).
terraform import zoom_webinar.launch 81234567890
