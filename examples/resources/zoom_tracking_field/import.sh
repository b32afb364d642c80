# A tracking field is imported by its ID, or by its label when no field has that ID.
terraform import zoom_tracking_field.cost_centre a32CJji-weJ92
terraform import zoom_tracking_field.cost_centre "Cost centre"
