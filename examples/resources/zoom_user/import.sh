# A user is imported by its Zoom user ID or by its e-mail address.
terraform import zoom_user.ada KDcuGIm1QgePTO8WbOqwIQ
terraform import zoom_user.ada ada@example.com
