# A holiday auto-reply on the shared support mailbox, from the evening of 23 December to the morning of
# 2 January, Berlin time. Times are RFC 3339 with an offset (or Z); Zoom stores the instants and reports them in
# UTC, and any spelling of the same instant compares equal.
resource "zoom_mail_vacation" "support_holidays" {
  mailbox = "support@example.com"
  enabled = true

  subject   = "Closed for the holidays"
  body_text = <<-EOT
    Thank you for your message. The support desk is closed from 23 December to 1 January.
    We will answer from 2 January. For urgent incidents call +49 30 1234567.
  EOT
  # Zoom sanitises HTML before storing it; the configured HTML stays in state as long as Zoom's copy is unchanged.
  body_html = <<-EOT
    <p>Thank you for your message. The support desk is closed from 23 December to 1 January.</p>
    <p>We will answer from 2 January. For urgent incidents call <a href="tel:+49301234567">+49 30 1234567</a>.</p>
  EOT

  start_time = "2027-12-23T18:00:00+01:00"
  end_time   = "2028-01-02T08:00:00+01:00"

  # Reply once every four days per sender, and to external senders too (customers write from other domains).
  always_respond     = false
  restrict_to_domain = false
}
