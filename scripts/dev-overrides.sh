# Sourced by scripts/demo.sh and scripts/check-examples.sh (not run on its own).
#
# use_dev_overrides WORK BIN writes a Terraform CLI configuration into WORK that installs the zoom provider from the
# binary in BIN (dev_overrides; no terraform init needed), and exports it with the settings for unattended runs.
use_dev_overrides() {
  local work=$1 bin=$2
  cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/zoom-terraform/zoom" = "$bin"
  }
  direct {}
}
RC
  export TF_CLI_CONFIG_FILE="$work/terraformrc"
  export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
}
