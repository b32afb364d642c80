# A group managed elsewhere, found by name (or by id).
data "zoom_group" "sales" {
  name = "Sales"
}

output "sales_group_size" {
  value = data.zoom_group.sales.total_members
}
