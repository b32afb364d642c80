# A webinar registrant is imported as <webinar_id>/<registrant_id>.
terraform import zoom_webinar_registrant.analyst 81234567890/IkP0RzGtQF2nY3a8b7c6dw
