# A small Zoom account managed from Git: one licensed user and the weekly meeting they host.
# The provider reads its credentials from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (set by the
# pipeline from repository secrets); see pipeline.sh and .github/workflows/zoom.yml.

terraform {
  required_version = ">= 1.5"
  required_providers {
    zoom = {
      source = "zoom-terraform/zoom"
    }
  }
}

provider "zoom" {}

variable "email_domain" {
  description = "A managed domain of the account: users in it are created active (action autoCreate)."
  type        = string
  default     = "example.com"
}

resource "zoom_user" "lead" {
  email      = "team-lead@${var.email_domain}"
  action     = "autoCreate"
  type       = 2
  first_name = "Team"
  last_name  = "Lead"
  dept       = "Platform"
}

resource "zoom_meeting" "weekly" {
  user_id    = zoom_user.lead.id
  topic      = "Platform weekly"
  type       = "recurring_fixed_time"
  start_time = "2031-01-06T10:00:00Z"
  duration   = 30
  recurrence = {
    type        = "weekly"
    weekly_days = [2]
    end_times   = 10
  }
  settings = {
    waiting_room = true
  }
}

output "weekly_meeting_id" {
  value = zoom_meeting.weekly.id
}
