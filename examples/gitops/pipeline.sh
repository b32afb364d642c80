#!/usr/bin/env bash
# GitOps pipeline for a Zoom account managed with Terraform: the same steps in any CI system or on a laptop.
#
# Usage: pipeline.sh [check|plan|apply|drift]
#
#   check  terraform fmt -check and terraform validate.
#   plan   check, then terraform plan -detailed-exitcode (for pull requests). Exit code 0 both when there is
#          nothing to do and when there are changes (a summary of them is printed); 1 on error.
#   apply  check, then terraform apply -auto-approve (for the main branch).
#   drift  check, then terraform plan -detailed-exitcode (for a scheduled job). Exit code 0 when Zoom matches
#          the configuration, 2 when the account drifted (the drifted resources are printed), 1 on error.
#          A full plan is used rather than -refresh-only: Terraform 1.11 answers 2 for refresh-only plans whose
#          state differs only in the order of sensitive attribute paths.
#
# Without an argument the mode comes from the CI environment:
#   GitHub Actions  GITHUB_EVENT_NAME pull_request -> plan, schedule -> drift, push to the default branch
#                   (PIPELINE_MAIN_BRANCH, default main) -> apply, anything else -> check.
#   GitLab CI       CI_PIPELINE_SOURCE merge_request_event -> plan, schedule -> drift, push to the default
#                   branch -> apply, anything else -> check.
#   elsewhere       PIPELINE_MODE, else check.
#
# Environment:
#   ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET  the Server-to-Server OAuth app (read by the provider).
#   TF_WORKING_DIR      the Terraform configuration (default: the directory of this script).
#   PIPELINE_INIT       1 (default) runs terraform init first; 0 skips it (e.g. with dev_overrides).
#   TERRAFORM           the terraform binary (default: terraform on PATH).
#   GITHUB_STEP_SUMMARY when set (GitHub Actions), the plan summary is appended to it as well.
set -uo pipefail

tf=${TERRAFORM:-terraform}
dir=${TF_WORKING_DIR:-$(cd "$(dirname "$0")" && pwd)}
main_branch=${PIPELINE_MAIN_BRANCH:-main}
export TF_IN_AUTOMATION=1 TF_INPUT=0

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'pipeline: %s\n' "$*" >&2; exit 1; }

detect_mode() {
  if [[ -n "${GITHUB_EVENT_NAME:-}" ]]; then
    case "$GITHUB_EVENT_NAME" in
      pull_request | pull_request_target) echo plan ;;
      schedule) echo drift ;;
      push | workflow_dispatch)
        if [[ "${GITHUB_REF:-}" == "refs/heads/$main_branch" ]]; then echo apply; else echo check; fi ;;
      *) echo check ;;
    esac
  elif [[ -n "${CI_PIPELINE_SOURCE:-}" ]]; then
    case "$CI_PIPELINE_SOURCE" in
      merge_request_event) echo plan ;;
      schedule) echo drift ;;
      push | web)
        if [[ "${CI_COMMIT_BRANCH:-}" == "${CI_DEFAULT_BRANCH:-$main_branch}" ]]; then echo apply; else echo check; fi ;;
      *) echo check ;;
    esac
  else
    echo "${PIPELINE_MODE:-check}"
  fi
}

mode=${1:-$(detect_mode)}
case "$mode" in
  check | plan | apply | drift) ;;
  -h | --help | help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown mode '$mode' (want check, plan, apply or drift)" ;;
esac
command -v "$tf" >/dev/null 2>&1 || die "$tf not found"
cd "$dir" || die "cannot enter $dir"
work=$(mktemp -d "${TMPDIR:-/tmp}/zoom-pipeline.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$work"' EXIT
log "mode $mode in $dir"

# run LOG ARGS...: terraform ARGS with -no-color, output shown and kept in $work/LOG; returns terraform's code.
run() {
  local logf="$work/$1"
  shift
  "$tf" "$@" 2>&1 | tee "$logf"
  return "${PIPESTATUS[0]}"
}

summary() { # the plan's resource lines and totals
  grep -E '^ *# .* (has changed|has been deleted|will be|must be|is tainted)|^Plan: |^No changes\.|^Changes to Outputs' "$1" || true
}

check() {
  log "terraform fmt -check"
  "$tf" fmt -check -recursive -diff || die "files are not formatted: run 'terraform fmt -recursive'"
  if [[ "${PIPELINE_INIT:-1}" != 0 ]]; then
    log "terraform init"
    "$tf" init -input=false -no-color >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; die "terraform init failed"; }
  fi
  log "terraform validate"
  "$tf" validate -no-color || die "terraform validate failed"
}

check
case "$mode" in
  check) ;;
  plan)
    log "terraform plan -detailed-exitcode"
    run plan.log plan -detailed-exitcode -input=false -no-color -lock-timeout=60s
    code=$?
    case $code in
      0) log "no changes" ;;
      2)
        log "the plan has changes:"
        summary "$work/plan.log"
        if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
          { echo '### Terraform plan'; echo '```'; summary "$work/plan.log"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
        fi
        ;;
      *) die "terraform plan failed (exit code $code)" ;;
    esac
    ;;
  apply)
    log "terraform apply -auto-approve"
    run apply.log apply -auto-approve -input=false -no-color -lock-timeout=60s || die "terraform apply failed"
    ;;
  drift)
    log "terraform plan -detailed-exitcode (drift check)"
    run drift.log plan -detailed-exitcode -input=false -no-color -lock-timeout=60s
    code=$?
    case $code in
      0) log "no drift: Zoom matches the configuration" ;;
      2)
        log "DRIFT: the account no longer matches the configuration:"
        summary "$work/drift.log" >&2
        if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
          { echo '### Zoom drift detected'; echo '```'; summary "$work/drift.log"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
        fi
        exit 2
        ;;
      *) die "terraform plan failed (exit code $code)" ;;
    esac
    ;;
esac
log "done"
