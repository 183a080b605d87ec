#!/bin/sh
# Entrypoint and Lambda custom-runtime bootstrap of the BusinessOps agent image.
#
#   entrypoint.sh ai-<name>-agent [arguments…]    Batch, docker run, and Lambda's ImageConfig.Command
#   entrypoint.sh                                 the agent from _HANDLER (Lambda) or BUSINESSOPS_AGENT
#
# On AWS Batch the issue arrives in BUSINESSOPS_ISSUE_DATA (gzip, then base64; agents hold no GitHub credential
# to fetch it): it is decoded into a private file that becomes the agent's standard input (--issue-data -).
#
# Only the fourteen published agent executables can be started: the name must look like an agent and
# exist in /opt/businessops/bin, so a job command can never run anything else in the image.
set -eu

bin="${BUSINESSOPS_HOME:-/opt/businessops}/bin"

if [ "$#" -gt 0 ]; then
  agent="$1"
  shift
else
  agent="${_HANDLER:-${BUSINESSOPS_AGENT:-}}"
fi

case "$agent" in
  ai-*-agent) ;;
  *)
    echo "businessops: no agent named; usage: ai-<name>-agent [--process-issue N --issue-data FILE|-] [--demo]" >&2
    exit 2
    ;;
esac

case "$agent" in
  */* | *..*)
    echo "businessops: invalid agent name" >&2
    exit 2
    ;;
esac

if [ ! -x "$bin/$agent" ]; then
  available=""
  for f in "$bin"/ai-*-agent; do
    [ -x "$f" ] && available="$available ${f##*/}"
  done
  echo "businessops: unknown agent '$agent'; available:$available" >&2
  exit 2
fi

if [ -n "${BUSINESSOPS_ISSUE_DATA:-}" ]; then
  issue_file="$(mktemp "${TMPDIR:-/tmp}/businessops-issue.XXXXXX")"
  if ! printf '%s' "$BUSINESSOPS_ISSUE_DATA" | base64 -d | gzip -dc >"$issue_file"; then
    echo "businessops: BUSINESSOPS_ISSUE_DATA is not gzip+base64 issue data" >&2
    exit 2
  fi
  unset BUSINESSOPS_ISSUE_DATA
  # exec keeps the agent as the container's main process, so SIGTERM (job timeout, Spot interruption) reaches it.
  exec "$bin/$agent" "$@" <"$issue_file"
fi

exec "$bin/$agent" "$@"
