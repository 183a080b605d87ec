#!/usr/bin/env bash
# Static checks of infra/: cfn-lint on the CloudFormation template (informational checks included),
# then ShellCheck on the shell scripts. The template's own rules (references, least privilege, documented
# parameters) are tests in tests/BusinessOps.Infra.Tests.
#
#   bash infra/lint.sh        exit 0: clean; 1: findings; 2: setup failed
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly root
status=0

if command -v cfn-lint >/dev/null 2>&1; then
  echo "infra/lint.sh: cfn-lint $(cfn-lint --version 2>/dev/null | awk '{print $2}') infra/businessops.yml"
  cfn-lint --include-checks I -- "$root/infra/businessops.yml" || status=1
else
  # cfn-lint ships on the project's machines (pip); elsewhere: pip install cfn-lint.
  echo "infra/lint.sh: cfn-lint not installed; template schema checks skipped (pip install cfn-lint)" >&2
fi

if ! command -v shellcheck >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "infra/lint.sh: installing shellcheck (apt)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck; } >/dev/null 2>&1 || true
fi

if command -v shellcheck >/dev/null 2>&1; then
  echo "infra/lint.sh: shellcheck infra/*.sh .ci/lint-workflows.sh"
  shellcheck "$root"/infra/*.sh "$root/.ci/lint-workflows.sh" || status=1
else
  echo "infra/lint.sh: shellcheck not available; shell checks skipped" >&2
fi

if [[ "$status" -eq 0 ]]; then
  echo "infra/lint.sh: clean"
fi
exit "$status"
