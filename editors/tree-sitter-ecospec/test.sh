#!/usr/bin/env bash
# The tree-sitter grammar's tests, from any folder: the pinned CLI
# (installed with cargo when missing or another version), then
#  - `tree-sitter generate` reproduces the committed src/ exactly;
#  - `tree-sitter test`: the parse trees of test/corpus/ and the scope
#    assertions of test/highlight/;
#  - every query of queries/ compiles.
# Without the CLI and no way to install it, one line and a skip; with
# CI=true, a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Pinned: the generated parser depends on the CLI's version.
TS_VERSION=0.25.10

version_of() { "$1" --version 2>/dev/null | awk '{print $2}'; }
# The one on PATH if it is the pinned version, else cargo's (another
# tree-sitter may come first on PATH).
ts=tree-sitter
if [ "$(version_of "$ts")" != "$TS_VERSION" ]; then
  ts="${CARGO_HOME:-$HOME/.cargo}/bin/tree-sitter"
fi
if [ "$(version_of "$ts")" != "$TS_VERSION" ]; then
  echo "installing tree-sitter-cli $TS_VERSION with cargo (several minutes, once)"
  if ! cargo install tree-sitter-cli --locked --version "$TS_VERSION"; then
    if [ "${CI:-}" = true ]; then
      echo "tree-sitter-cli $TS_VERSION could not be installed" >&2
      exit 1
    fi
    echo "skipped: the tree-sitter grammar's tests need tree-sitter-cli $TS_VERSION (cargo install tree-sitter-cli --locked --version $TS_VERSION)"
    exit 0
  fi
fi

# The highlight test names its scopes from this folder's configuration,
# not from the user's.
export TREE_SITTER_DIR="$PWD/test/config"

"$ts" generate
if ! git diff --exit-code -- src || [ -n "$(git status --porcelain -- src)" ]; then
  echo "src/ differs from what tree-sitter generate $TS_VERSION writes: run it in editors/tree-sitter-ecospec and commit src/" >&2
  exit 1
fi

# The highlight test knows only the scopes of test/config: a capture
# missing there would be read as its parent scope. Same set both ways.
node - <<'JS'
const fs = require('fs');
const query = fs.readFileSync('queries/highlights.scm', 'utf8')
  .replace(/;.*$/gm, '')
  .replace(/"(?:[^"\\]|\\.)*"/g, '""');
const captures = [...new Set([...query.matchAll(/@([a-z][\w.]*)/g)].map((m) => m[1]))].sort();
const scopes = Object.keys(JSON.parse(fs.readFileSync('test/config/config.json', 'utf8')).theme).sort();
if (captures.join() !== scopes.join()) {
  console.error(`test/config/config.json's scopes ${scopes} differ from the captures of queries/highlights.scm ${captures}`);
  process.exit(1);
}
JS

"$ts" test

# Every query compiles against the grammar (what folds, indents, locals
# and text objects capture is tested by the binding: tests/queries.rs).
for query in queries/*.scm; do
  "$ts" query "$query" test/highlight/declarations.eco >/dev/null
done
