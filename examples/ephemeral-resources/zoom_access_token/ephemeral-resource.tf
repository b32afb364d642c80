# A Zoom access token for the provider's own Server-to-Server OAuth app, handed to another provider to call an
# endpoint this provider does not cover. Terraform keeps it out of the plan and state (Terraform 1.10 or later).
ephemeral "zoom_access_token" "api" {}

# Terraform accepts ephemeral values only in ephemeral contexts (provider blocks, other ephemeral resources,
# locals, write-only arguments), not in data source or resource arguments, so the token goes to the http
# provider's `http` ephemeral resource, whose response also stays out of the state.
ephemeral "http" "account_settings" {
  url = "https://api.zoom.us/v2/accounts/me/settings"

  request_headers = {
    Accept        = "application/json"
    Authorization = "Bearer ${ephemeral.zoom_access_token.api.access_token}"
  }
}

locals {
  # ephemeral.zoom_access_token.api.expires_at says until when the token works (null with a pre-minted token).
  waiting_room_default = jsondecode(ephemeral.http.account_settings.response_body).in_meeting.waiting_room
}
