# A meeting registrant is imported as <meeting_id>/<registrant_id>.
terraform import 'zoom_meeting_registrant.attendee["ada@example.com"]' 85746065432/9tboDiHUQAeOnbmudzWa5g
