# Grace may schedule meetings for Ada.
resource "zoom_user_assistant" "grace_for_ada" {
  user_id      = "ada@example.com"
  assistant_id = "grace@example.com"
}
