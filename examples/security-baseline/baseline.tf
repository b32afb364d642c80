resource "zoom_account_settings" "baseline" {
  meeting_security = {
    waiting_room     = true
    meeting_password = true
  }
  in_meeting = {
    file_transfer = false
  }
  recording = {
    cloud_recording      = true
    auto_delete_cmr      = true
    auto_delete_cmr_days = 90
  }
}

# Locks apply the account's values above to every group and user.
resource "zoom_account_lock_settings" "baseline" {
  meeting_security = {
    waiting_room     = true
    meeting_password = true
  }
  in_meeting = {
    file_transfer = true
  }

  depends_on = [zoom_account_settings.baseline]
}

resource "zoom_group" "legal" {
  name = "Legal"
}

resource "zoom_group_settings" "legal" {
  group_id = zoom_group.legal.id
  recording = {
    auto_recording = "cloud"
    save_chat_text = true
  }
}

resource "zoom_group_lock_settings" "legal" {
  group_id = zoom_group.legal.id
  recording = {
    auto_recording = true
  }

  depends_on = [zoom_group_settings.legal]
}
