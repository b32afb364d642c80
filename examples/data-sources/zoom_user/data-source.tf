data "zoom_user" "ada" {
  email = "ada@example.com"
}

output "ada_pmi" {
  value = data.zoom_user.ada.pmi
}
