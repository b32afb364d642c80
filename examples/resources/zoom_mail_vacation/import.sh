# A vacation responder is imported by its mailbox address.
terraform import zoom_mail_vacation.support_holidays support@example.com
