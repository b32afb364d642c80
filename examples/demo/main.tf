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

output "active_users" {
  value = data.zoom_users.active.emails
}
