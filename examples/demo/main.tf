# The demo that `make demo` applies to the Zoom sandbox: a small team managed from Git.
# The provider reads its credentials and URLs from ZOOM_* environment variables (set by scripts/demo.sh).

terraform {
  required_providers {
    zoom = {
      source = "zoom-terraform/zoom"
    }
  }
}

provider "zoom" {}

variable "engineers" {
  description = "Engineers who get a licensed Zoom user."
  type = map(object({
    first_name = string
    last_name  = string
  }))
  default = {
    "ada@example.com"   = { first_name = "Ada", last_name = "Lovelace" }
    "grace@example.com" = { first_name = "Grace", last_name = "Hopper" }
  }
}

# Licensed users in a managed domain, created active.
resource "zoom_user" "engineer" {
  for_each = var.engineers

  email      = each.key
  action     = "autoCreate"
  type       = 2
  first_name = each.value.first_name
  last_name  = each.value.last_name
  dept       = "Engineering"
  timezone   = "Europe/London"
}

# A contractor is invited: Zoom e-mails them and they stay pending until they accept.
resource "zoom_user" "contractor" {
  email      = "contractor@example.com"
  type       = 1
  first_name = "Alan"
  last_name  = "Turing"
}

# An API user (custCreate) that hosts meetings through start URLs; it cannot sign in.
resource "zoom_user" "room_bot" {
  email      = "room-bot@example.com"
  action     = "custCreate"
  type       = 2
  first_name = "Room"
  last_name  = "Bot"
}

# The engineering stand-up: every Tuesday and Thursday at 09:30 London time, for ten weeks, with Grace as
# alternative host. The start is written in local time; Zoom reports UTC, and the plan stays empty.
resource "zoom_meeting" "standup" {
  user_id    = zoom_user.engineer["ada@example.com"].id
  topic      = "Engineering stand-up"
  type       = "recurring_fixed_time"
  start_time = "2031-01-07T09:30:00"
  timezone   = "Europe/London"
  duration   = 15
  recurrence = {
    type        = "weekly"
    weekly_days = [3, 5]
    end_times   = 20
  }
  settings = {
    waiting_room      = true
    mute_upon_entry   = true
    alternative_hosts = [zoom_user.engineer["grace@example.com"].email]
  }
}

# A one-off review hosted by the API user, written in UTC with a passcode.
resource "zoom_meeting" "review" {
  user_id    = zoom_user.room_bot.id
  topic      = "Quarterly architecture review"
  start_time = "2031-03-03T14:00:00Z"
  duration   = 90
  agenda     = "Decisions for the next quarter."
  password   = "Rev1ew-Q1"
}

# The engineers' group (groups carry settings and licences): its whole member set is managed here, so a member
# added in the web portal is removed on the next apply. Grace administers it.
resource "zoom_group" "engineering" {
  name = "Engineering"
}

resource "zoom_group_members" "engineering" {
  group_id = zoom_group.engineering.id
  members  = [for u in zoom_user.engineer : u.email]
}

resource "zoom_group_admin" "engineering_lead" {
  group_id = zoom_group.engineering.id
  user_id  = zoom_user.engineer["grace@example.com"].id
}

data "zoom_users" "active" {
  depends_on = [zoom_user.engineer, zoom_user.room_bot]
}

output "engineer_ids" {
  value = { for email, u in zoom_user.engineer : email => u.id }
}

output "contractor_status" {
  value = zoom_user.contractor.status
}

output "room_bot_pmi" {
  value = zoom_user.room_bot.pmi
}

output "standup_occurrences" {
  value = length(zoom_meeting.standup.occurrences)
}

output "review_join_url" {
  value     = zoom_meeting.review.join_url
  sensitive = true
}

output "engineering_group" {
  value = { id = zoom_group.engineering.id, members = sort(zoom_group_members.engineering.members) }
}

output "active_users" {
  value = data.zoom_users.active.emails
}
