# Credentials of a Server-to-Server OAuth app; usually left to the ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and
# ZOOM_CLIENT_SECRET environment variables instead of being written here.
provider "zoom" {
  account_id    = var.zoom_account_id
  client_id     = var.zoom_client_id
  client_secret = var.zoom_client_secret

  # Zoom's per-second rate limits of the account's plan: free, pro (default) or business.
  account_plan = "business"
}

# The Zoom for Government cluster.
provider "zoom" {
  alias     = "gov"
  api_url   = "https://api.zoomgov.com/v2"
  oauth_url = "https://zoomgov.com/oauth/token"
}

# The Zoom sandbox that ships with this provider (`zoom-sandbox -listen 127.0.0.1:8787`), for testing modules
# without a Zoom account.
provider "zoom" {
  alias         = "sandbox"
  api_url       = "http://127.0.0.1:8787/v2"
  oauth_url     = "http://127.0.0.1:8787/oauth/token"
  account_id    = "sandbox-account"
  client_id     = "sandbox-client"
  client_secret = "sandbox-secret"
}

variable "zoom_account_id" {
  type = string
}

variable "zoom_client_id" {
  type = string
}

variable "zoom_client_secret" {
  type      = string
  sensitive = true
}
