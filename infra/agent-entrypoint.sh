#!/bin/sh
# Entrypoint and Lambda custom-runtime bootstrap of the BusinessOps agent image.
#
#   entrypoint.sh ai-<name>-agent [arguments…]    Batch, docker run, and Lambda's ImageConfig.Command
#   entrypoint.sh                                 the agent from _HANDLER (Lambda) or BUSINESSOPS_AGENT
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

exec "$bin/$agent" "$@"
