#!/bin/sh
# Entrypoint and Lambda custom-runtime bootstrap of the BusinessOps agent image.
#
#   entrypoint.sh ai-<name>-agent [arguments…]    Batch and docker run: one agent
#   entrypoint.sh ai-agents [ai-<name>-agent …]    Lambda's ImageConfig.Command: every agent, the event names which
#   entrypoint.sh                                 the agent from _HANDLER (Lambda) or BUSINESSOPS_AGENT
#
# On AWS Batch the agent's input arrives in BUSINESSOPS_ISSUE_DATA (gzip, then base64; agents hold no GitHub credential
# to fetch it): the envelope {"issue": {...}, "context": {...}}, decoded into a private file that becomes the agent's
# standard input (--issue-data - --context -).
#
# A job carrying a set of issues (dispatch.yml `batch: maxIssues`) gets BUSINESSOPS_SET_DATA instead: gzip+base64 of
# one line per issue, "ISSUE<TAB>KEY<TAB>PHASE<TAB>ENVELOPE-JSON". The agent runs once per line, one after the other, each
# run with its own key and its own result sent to the results queue, and at most BUSINESSOPS_ISSUE_TIMEOUT_SECONDS
# each (0: no limit). One issue's failure does not stop the others. The job exits 0 when every run ended with a result
# (exit 0, or 2 for bad input), 1 when any run failed transiently (its issue is retried by the coordinator), 143 when
# stopped by SIGTERM (the issues not yet run have no result and are retried).
#
# Only the published agent executables (the fourteen and ai-agents) can be started: the name must look like an agent and
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
  ai-*-agent | ai-agents) ;;
  *)
    echo "businessops: no agent named; usage: ai-<name>-agent [--process-issue N --issue-data FILE|- --context FILE|-] [--demo]" >&2
    exit 2
    ;;
esac

case "$agent" in
  */* | *..*)
    echo "businessops: invalid agent name" >&2
    exit 2
    ;;
esac

# The image ships one native executable for all fourteen agents (ai-agents, Native AOT) and the list of the agents
# it serves; `ai-<name>-agent ARGS` runs as `ai-agents ai-<name>-agent ARGS`. An image with the agent's own
# executable (an older or ReadyToRun build) runs that instead.
home="${BUSINESSOPS_HOME:-/opt/businessops}"
if [ "$agent" != ai-agents ] && [ ! -x "$bin/$agent" ]; then
  if [ -x "$bin/ai-agents" ] && [ -f "$home/agents" ] && grep -qx -- "$agent" "$home/agents"; then
    set -- "$agent" "$@"
    agent=ai-agents
  else
    available=""
    for f in "$bin"/ai-*-agent; do
      [ -x "$f" ] && available="$available ${f##*/}"
    done
    [ -f "$home/agents" ] && available="$available $(tr '\n' ' ' <"$home/agents")"
    echo "businessops: unknown agent '$agent'; available:$available" >&2
    exit 2
  fi
fi

if [ ! -x "$bin/$agent" ]; then
  echo "businessops: $bin/$agent is not installed" >&2
  exit 2
fi

if [ -n "${BUSINESSOPS_SET_DATA:-}" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/businessops-set.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  if ! printf '%s' "$BUSINESSOPS_SET_DATA" | base64 -d | gzip -dc >"$work/set"; then
    echo "businessops: BUSINESSOPS_SET_DATA is not gzip+base64 set data" >&2
    exit 2
  fi
  unset BUSINESSOPS_SET_DATA BUSINESSOPS_ISSUE_DATA
  limit="${BUSINESSOPS_ISSUE_TIMEOUT_SECONDS:-0}"
  case "$limit" in '' | *[!0-9]*) limit=0 ;; esac
  child=""
  # SIGTERM (job timeout, Spot interruption) goes to the agent running now; the rest of the set is not started.
  trap 'if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 143' TERM INT
  tab="$(printf '\t')"
  status=0
  while IFS="$tab" read -r issue key phase json; do
    case "$issue" in '' | *[!0-9]*)
      echo "businessops: set line without an issue number; skipped" >&2
      status=1
      continue
      ;;
    esac
    case "$phase" in plan | execute) ;; *)
      echo "businessops: issue $issue: unknown phase '$phase'; skipped" >&2
      status=1
      continue
      ;;
    esac
    printf '%s\n' "$json" >"$work/issue"
    if [ "$limit" -gt 0 ] && command -v timeout >/dev/null 2>&1; then
      BUSINESSOPS_KEY="$key" BUSINESSOPS_ISSUE="$issue" BUSINESSOPS_PHASE="$phase" \
        timeout --kill-after=10 "$limit" "$bin/$agent" "$@" --process-issue "$issue" --issue-data - --context - --key "$key" --phase "$phase" <"$work/issue" &
    else
      BUSINESSOPS_KEY="$key" BUSINESSOPS_ISSUE="$issue" BUSINESSOPS_PHASE="$phase" \
        "$bin/$agent" "$@" --process-issue "$issue" --issue-data - --context - --key "$key" --phase "$phase" <"$work/issue" &
    fi
    child=$!
    code=0
    wait "$child" || code=$?
    child=""
    echo "businessops: issue $issue ($key) exited $code" >&2
    case "$code" in 0 | 2) ;; *) status=1 ;; esac
  done <"$work/set"
  exit "$status"
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
