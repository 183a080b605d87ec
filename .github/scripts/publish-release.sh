#!/usr/bin/env bash
# Publishes one release archive: the coordinator as a self-contained single file, with its fourteen agents
# (self-contained, sharing one runtime) in agents/ beside it, and the archive's SHA-256.
#
#   bash .github/scripts/publish-release.sh TAG RID OUT     e.g. v1.4.0 linux-x64 dist
#
# BUSINESSOPS_REPOSITORY (owner/name) is stamped into the coordinator: the repository `coordinator init` points
# installations at.
set -euo pipefail

tag="${1:?tag}"
rid="${2:?runtime identifier (linux-x64, linux-arm64)}"
out="${3:?output folder}"
[[ "$tag" =~ ^v[0-9A-Za-z._-]+$ ]] || { echo "publish-release: '$tag' is not a version tag" >&2; exit 2; }
[[ "$rid" =~ ^linux-(x64|arm64)$ ]] || { echo "publish-release: unsupported runtime '$rid'" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

version="${tag#v}"
repository="${BUSINESSOPS_REPOSITORY:-businessops/businessops}"
common=(--configuration Release --runtime "$rid" --self-contained true -p:Version="$version" -p:DebugType=none
  -p:BusinessOpsRepository="$repository"
  -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false)

# The single file carries the workflows, forms and policies `coordinator init` writes (embedded resources).
dotnet publish "$root/coordinator/BusinessOps.Coordinator/BusinessOps.Coordinator.csproj" "${common[@]}" \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true --output "$stage/bin"

for project in "$root"/agents/ai-*-agent/ai-*-agent.csproj; do
  dotnet publish "$project" "${common[@]}" --output "$stage/bin/agents"
done

# Only the coordinator and the agents ship: the build's other outputs (the agents' copies beside the
# coordinator come from its project references) are left out.
mkdir -p "$stage/pkg"
cp "$stage/bin/coordinator" "$stage/pkg/"
cp -r "$stage/bin/agents" "$stage/pkg/agents"
cp -r "$root/policies" "$stage/pkg/policies"

mkdir -p "$out"
archive="businessops-${tag}-${rid}.tar.gz"
tar -czf "$out/$archive" -C "$stage/pkg" .
(cd "$out" && sha256sum "$archive" > "$archive.sha256")
echo "publish-release: $out/$archive"
