# A security baseline for the whole account, as code: the waiting room and meeting passcodes on and locked for
# everyone, no file transfer, cloud recordings kept 90 days; and one group (Legal) whose members record every
# meeting to the cloud, locked. Settings not written here keep following the Zoom portal.
#
# The provider reads its credentials from the ZOOM_* environment variables. baseline.tf holds the resources.

terraform {
  required_providers {
    zoom = {
      source = "zoom-terraform/zoom"
    }
  }
}

provider "zoom" {}
