#!/usr/bin/env bash
# The provider's main job, end to end, on the Zoom sandbox (no Zoom account needed):
# start the sandbox with a state file, apply examples/demo, check that a second plan is empty, show the outputs,
# destroy, and stop the sandbox. It uses its own Terraform CLI configuration (dev_overrides pointing at the
# freshly built provider) in a temporary directory and never reads or writes ~/.terraformrc.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/bin"
for b in terraform-provider-zoom zoom-sandbox; do
  [[ -x "$bin/$b" ]] || { echo "demo: $bin/$b is missing; run 'make demo' (it builds first)" >&2; exit 1; }
done
command -v terraform >/dev/null || { echo "demo: the terraform CLI is not on PATH" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/zoom-demo.XXXXXX")
sandbox_pid=""
cleanup() {
  if [[ -n "$sandbox_pid" ]]; then kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Starting the Zoom sandbox (state in $work/sandbox-state.json)"
"$bin/zoom-sandbox" -listen 127.0.0.1:0 -state "$work/sandbox-state.json" \
  -profile "$root/examples/demo/sandbox-profile.json" -ready-file "$work/ready" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/ready" ]] && break; sleep 0.1; done
[[ -s "$work/ready" ]] || { echo "demo: the sandbox did not start:" >&2; cat "$work/sandbox.log" >&2; exit 1; }
base=$(cat "$work/ready")
echo "sandbox listening on $base"

# shellcheck source=scripts/dev-overrides.sh
source "$root/scripts/dev-overrides.sh"
use_dev_overrides "$work" "$bin"
export ZOOM_API_URL="$base/v2" ZOOM_OAUTH_URL="$base/oauth/token"
export ZOOM_ACCOUNT_ID=sandbox-account ZOOM_CLIENT_ID=sandbox-client ZOOM_CLIENT_SECRET=sandbox-secret
unset ZOOM_ACCESS_TOKEN

mkdir -p "$work/config"
cp "$root"/examples/demo/*.tf "$work/config/"
cd "$work/config"

step "terraform apply"
terraform apply -auto-approve -input=false -no-color >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; exit 1; }
grep -E '^(zoom_|data\.zoom_|Apply complete)' "$work/apply.log" || true

step "terraform plan -detailed-exitcode (must report no changes)"
set +e
terraform plan -detailed-exitcode -input=false -no-color >"$work/plan.log" 2>&1
code=$?
set -e
if [[ $code -ne 0 ]]; then
  cat "$work/plan.log"
  echo "demo: the second plan was not empty (exit code $code)" >&2
  exit 1
fi
grep -E 'No changes' "$work/plan.log"

step "terraform output"
terraform output -no-color

step "terraform destroy"
terraform destroy -auto-approve -input=false -no-color >"$work/destroy.log" 2>&1 || { cat "$work/destroy.log"; exit 1; }
grep -E 'Destroy complete' "$work/destroy.log"

step "Demo finished: apply, empty second plan, outputs and destroy all succeeded on the sandbox"
