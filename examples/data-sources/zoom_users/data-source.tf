# Every user who has not accepted their invitation yet.
data "zoom_users" "pending" {
  status = "pending"
}

output "pending_invitations" {
  value = data.zoom_users.pending.emails
}
