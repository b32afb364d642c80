# A licensed user in a managed domain, created active with an initial password that never reaches the state.
resource "zoom_user" "ada" {
  email       = "ada@example.com"
  action      = "autoCreate"
  password_wo = var.initial_password
  type        = 2
  first_name  = "Ada"
  last_name   = "Lovelace"
  dept        = "Engineering"
  job_title   = "Programmer"
  timezone    = "Europe/London"

  phone_numbers = [
    { country = "GB", code = "+44", number = "2071234567", label = "Office" },
  ]
}

# An invited user: Zoom e-mails an invitation and reports the user as pending until they accept.
resource "zoom_user" "contractor" {
  email = "contractor@example.com"
  type  = 1

  # On destroy, delete the user for good and hand their meetings and recordings to Ada.
  delete_action = "delete"
  transfer = {
    email      = zoom_user.ada.email
    meetings   = true
    recordings = true
  }
}

# An API user (custCreate) that hosts meetings through start URLs; the account needs Zoom's approval for it.
resource "zoom_user" "room_bot" {
  email      = "room-bot@example.com"
  action     = "custCreate"
  type       = 2
  first_name = "Room"
  last_name  = "Bot"
}

variable "initial_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
