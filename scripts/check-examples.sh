#!/usr/bin/env bash
# Checks that every example under examples/ is formatted and valid, so that what users paste from the docs works:
#   1. `terraform fmt -check -recursive` on examples/;
#   2. `terraform validate` of every directory that holds .tf files, against the provider binary in bin/ through a
#      dev_overrides CLI configuration in a temporary directory (it never reads or writes ~/.terraformrc), so no
#      registry and no `terraform init` are needed (most examples are validated together, as modules of one
#      configuration; see below).
# Directories whose configuration needs a provider other than zoom (e.g. hashicorp/http) cannot be validated
# offline; they are reported and skipped. examples/gitops has its own checks and is skipped here.
# Usage: scripts/check-examples.sh [bin-dir]   (default: bin/, as built by `make build`)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="${1:-$root/bin}"
[[ -x "$bin/terraform-provider-zoom" ]] || {
  echo "check-examples: $bin/terraform-provider-zoom is missing; run 'make build' first" >&2
  exit 1
}
command -v terraform >/dev/null || { echo "check-examples: the terraform CLI is not on PATH" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/zoom-examples.XXXXXX")
trap 'rm -rf "$work"' EXIT

# shellcheck source=scripts/dev-overrides.sh
source "$root/scripts/dev-overrides.sh"
use_dev_overrides "$work" "$bin"
# Validation never reaches Zoom, but keep any real credentials of the caller out of it.
unset ZOOM_ACCOUNT_ID ZOOM_CLIENT_ID ZOOM_CLIENT_SECRET ZOOM_ACCESS_TOKEN

failed=0

echo "==> terraform fmt -check -recursive examples/"
if ! out=$(cd "$root" && terraform fmt -check -recursive -list=true examples 2>&1); then
  echo "$out" | sed 's/^/  needs terraform fmt: /'
  echo "check-examples: run 'make fmt' (terraform fmt -recursive examples)" >&2
  failed=1
fi

# Every directory under examples/ holding .tf files, except examples/gitops (and anything below it).
mapfile -t dirs < <(cd "$root" && find examples -name '*.tf' -not -path 'examples/gitops/*' \
  -not -path '*/.terraform/*' -printf '%h\n' | sort -u)

# other_providers DIR prints the local names of required providers other than zoom, and the names of providers
# used by resources, data sources or ephemeral resources that are not zoom (the provider of `x_foo` is `x`, and
# of `http` is `http`).
other_providers() {
  cat "$1"/*.tf | awk '
    /required_providers[[:space:]]*\{/ { inreq = 1; depth = 0 }
    inreq {
      line = $0
      if (depth == 1 && match(line, /^[[:space:]]*[A-Za-z0-9_-]+[[:space:]]*=/)) {
        name = substr(line, RSTART, RLENGTH); gsub(/[[:space:]=]/, "", name); print name
      }
      n = gsub(/\{/, "{", line); m = gsub(/\}/, "}", line); depth += n - m
      if (depth <= 0 && m > 0) inreq = 0
      next
    }
    match($0, /^[[:space:]]*(resource|data|ephemeral)[[:space:]]+"[A-Za-z0-9_-]+"/) {
      s = substr($0, RSTART, RLENGTH); sub(/^[^"]*"/, "", s); sub(/"$/, "", s); sub(/_.*$/, "", s); print s
    }' | grep -vx 'zoom' | sort -u || true
}

validated=0
skipped=0

# validate_dir DIR COPY validates one example's copy on its own and reports it.
validate_dir() {
  local dir=$1 copy=$2 out
  if out=$(cd "$copy" && terraform validate -no-color 2>&1); then
    echo "==> $dir: valid"
    validated=$((validated + 1))
  else
    echo "==> $dir: INVALID"
    # Drop the dev_overrides warning that precedes the errors.
    echo "$out" | sed -n '/Error:/,$p' | sed '/^[[:space:]]*$/d; s/^/    /'
    failed=1
  fi
}

# Every terraform validate starts terraform and the provider, and reads the provider's schema: about half a
# CPU-second each, the same for one example as for forty. So the examples that can be modules (no variables, no
# provider configuration, no import blocks: the things only a root module may hold or must be given) are validated
# together, each as a module of one configuration; only if that fails is each validated on its own, to say which.
# The others are validated one by one.
batch=()
single=()
for dir in "${dirs[@]}"; do
  others=$(other_providers "$root/$dir" | paste -sd, -)
  if [[ -n "$others" ]]; then
    echo "==> $dir: skipped (needs provider(s) $others, which cannot be installed offline)"
    skipped=$((skipped + 1))
    continue
  fi
  # Validate a copy so that no .terraform or lock file lands in the repository.
  copy="$work/config/$dir"
  mkdir -p "$copy"
  cp "$root/$dir"/*.tf "$copy/"
  # Snippets shown in the docs (resource.tf, data-source.tf, provider.tf) leave out the terraform block that maps
  # `zoom` to zoom-terraform/zoom, as registry docs do; supply it for them.
  if ! grep -qs 'required_providers' "$copy"/*.tf; then
    printf 'terraform {\n  required_providers {\n    zoom = { source = "zoom-terraform/zoom" }\n  }\n}\n' \
      >"$copy/zz_check_examples_providers.tf"
  fi
  if grep -qsE '^[[:space:]]*(variable|provider|import)[[:space:]]+("|\{)' "$copy"/*.tf; then
    single+=("$dir")
  else
    batch+=("$dir")
  fi
done

if [[ ${#batch[@]} -gt 0 ]]; then
  all="$work/all"
  mkdir -p "$all"
  printf 'terraform {\n  required_providers {\n    zoom = { source = "zoom-terraform/zoom" }\n  }\n}\n' >"$all/main.tf"
  for i in "${!batch[@]}"; do
    printf 'module "example_%d" {\n  source = "%s"\n}\n' "$i" "$work/config/${batch[$i]}" >>"$all/main.tf"
  done
  if (cd "$all" && terraform get -no-color >/dev/null 2>&1 &&
    terraform validate -no-color >/dev/null 2>&1); then
    for dir in "${batch[@]}"; do
      echo "==> $dir: valid"
      validated=$((validated + 1))
    done
  else
    single+=("${batch[@]}")
  fi
fi
for dir in "${single[@]}"; do
  validate_dir "$dir" "$work/config/$dir"
done

echo "check-examples: $validated valid, $skipped skipped, $((${#dirs[@]} - validated - skipped)) invalid"
if [[ $failed -ne 0 ]]; then
  echo "check-examples: FAILED" >&2
  exit 1
fi
