#!/usr/bin/env bash
# Adopt an existing Zoom account: list its users and upcoming meetings through the provider's data sources
# (zoom_users, zoom_meetings per user), write Terraform import blocks for them, and let Terraform generate their
# configuration (terraform plan -generate-config-out).
#
# Usage: scripts/import-account.sh [-o DIR] [-s STATUSES] [--no-meetings] [--no-generate]
#
#   -o DIR          where to write the configuration (default ./zoom-account). It gets providers.tf (unless it
#                   exists), users.tf and meetings.tf (import blocks) and generated.tf (the resources).
#   -s STATUSES     user statuses to adopt, comma-separated (default active,inactive; pending is allowed:
#                   pending users are imported by e-mail).
#   --no-meetings   users only.
#   --no-generate   write the import blocks only; run terraform plan -generate-config-out=generated.tf later.
#
# The provider reads ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (and ZOOM_API_URL/ZOOM_OAUTH_URL for
# the sandbox). TERRAFORM selects the terraform binary; IMPORT_INIT=0 skips terraform init (for a provider
# installed through dev_overrides). Meetings are those of active users that Zoom lists as upcoming (live ones
# included); meetings on a Personal Meeting ID are left out.
#
# Then: review generated.tf (move resources into your files, replace literal IDs and e-mails with references,
# add passcodes, which Terraform leaves out of generated configuration because they are sensitive), run
# terraform apply (it only imports) and check that terraform plan is empty.
set -euo pipefail

tf=${TERRAFORM:-terraform}
out=./zoom-account
statuses=active,inactive
meetings=1
generate=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o) out=${2:?-o needs a directory}; shift 2 ;;
    -s) statuses=${2:?-s needs statuses}; shift 2 ;;
    --no-meetings) meetings=0; shift ;;
    --no-generate) generate=0; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "import-account: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done
command -v "$tf" >/dev/null || { echo "import-account: $tf not found" >&2; exit 1; }
export TF_IN_AUTOMATION=1 TF_INPUT=0

mkdir -p "$out"
out=$(cd "$out" && pwd)
for f in users.tf meetings.tf generated.tf; do
  [[ -e "$out/$f" ]] && { echo "import-account: $out/$f exists; remove it or choose another -o" >&2; exit 1; }
done

providers='terraform {
  required_providers {
    zoom = {
      source = "zoom-terraform/zoom"
    }
  }
}

provider "zoom" {}
'

# 1. List the account in a scratch configuration made of data sources only.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/zoom-import.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
status_list=$(printf '%s' "$statuses" | tr -d ' ' | sed 's/[^,][^,]*/"&"/g')
{
  printf '%s\n' "$providers"
  cat <<HCL
data "zoom_users" "by_status" {
  for_each = toset([$status_list])
  status   = each.key
}

locals {
  users = flatten([for s in sort(keys(data.zoom_users.by_status)) : data.zoom_users.by_status[s].users])
  hosts = $( [[ $meetings == 1 ]] && echo 'try(data.zoom_users.by_status["active"].ids, [])' || echo '[]' )
}

data "zoom_meetings" "host" {
  for_each = toset(local.hosts)
  user_id  = each.key
  type     = "upcoming"
}

locals {
  meetings = { for m in flatten([for h in sort(keys(data.zoom_meetings.host)) : data.zoom_meetings.host[h].meetings]) : tostring(m.id) => m if m.type != "pmi" }
}

output "users_tf" {
  value = join("\n", [for u in local.users : <<-EOT
    # \${u.email}: \${replace(u.display_name, "\n", " ")} (\${u.status})
    import {
      to = zoom_user.\${substr(lower(replace(u.email, "/[^A-Za-z0-9]+/", "_")), 0, 60)}
      id = \${jsonencode(u.email)}
    }
    EOT
  ])
}

output "meetings_tf" {
  value = join("\n", [for id in sort(keys(local.meetings)) : <<-EOT
    # \${replace(local.meetings[id].topic, "\n", " ")} (\${local.meetings[id].type})
    import {
      to = zoom_meeting.meeting_\${id}
      id = \${jsonencode(id)}
    }
    EOT
  ])
}

output "counts" {
  value = "\${length(local.users)} users, \${length(local.meetings)} meetings"
}
HCL
} >"$scratch/main.tf"

cd "$scratch"
if [[ "${IMPORT_INIT:-1}" != 0 ]]; then
  "$tf" init -input=false -no-color >init.log 2>&1 || { cat init.log >&2; exit 1; }
fi
"$tf" apply -auto-approve -input=false -no-color >list.log 2>&1 || { cat list.log >&2; echo "import-account: listing the account failed" >&2; exit 1; }
echo "import-account: found $("$tf" output -raw counts)" >&2

# 2. Write the import blocks.
[[ -e "$out/providers.tf" ]] || printf '%s' "$providers" >"$out/providers.tf"
{ echo "# Import blocks for the account's users, written by scripts/import-account.sh."; echo; "$tf" output -raw users_tf; } >"$out/users.tf"
if [[ $meetings == 1 ]]; then
  { echo "# Import blocks for the upcoming meetings of active users, written by scripts/import-account.sh."; echo; "$tf" output -raw meetings_tf; } >"$out/meetings.tf"
fi

# 3. Generate the resources.
cd "$out"
"$tf" fmt users.tf >/dev/null
[[ -e meetings.tf ]] && "$tf" fmt meetings.tf >/dev/null
if [[ $generate == 1 ]]; then
  if [[ "${IMPORT_INIT:-1}" != 0 ]]; then
    "$tf" init -input=false -no-color >"$scratch/init-out.log" 2>&1 || { cat "$scratch/init-out.log" >&2; exit 1; }
  fi
  "$tf" plan -input=false -no-color -generate-config-out=generated.tf >"$scratch/plan.log" 2>&1 || {
    cat "$scratch/plan.log" >&2
    echo "import-account: terraform plan -generate-config-out failed; fix generated.tf or the import blocks and rerun it" >&2
    exit 1
  }
  grep -E '^Plan: ' "$scratch/plan.log" >&2 || true
  echo "import-account: wrote $out/generated.tf; review it, then run terraform apply (it imports) in $out" >&2
else
  echo "import-account: wrote the import blocks in $out; run terraform plan -generate-config-out=generated.tf there" >&2
fi
