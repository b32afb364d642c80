# A user assistant is imported as <user_id>/<assistant_id> (user IDs or e-mails).
terraform import zoom_user_assistant.grace_for_ada "ada@example.com/grace@example.com"
