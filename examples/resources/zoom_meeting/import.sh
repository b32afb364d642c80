# A meeting is imported by its meeting ID (the meeting number).
terraform import zoom_meeting.weekly 85746065432
