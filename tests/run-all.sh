#!/usr/bin/env bash
# Every test of the project, from the repository root: the README's test
# command, and what .ci/run runs after the format and lint checks.
# Needs Rust and Node. Installs what else the tests need when it is
# missing: Node packages with `npm ci` (committed lock files), and Debian's
# graphviz, neovim, emacs-nox and chromium when run as root; as another user, the step that
# needs one is skipped with one line naming what to install
# (tests/debian-packages.sh). With CI=true nothing is skipped. mdBook, for
# the book (docs/), is installed with `cargo install` when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== tests/debian-packages.sh: install, skip or fail"
bash tests/debian-packages-test.sh

# shellcheck source=debian-packages.sh
source tests/debian-packages.sh
echo "== Graphviz for cli/tests/graph.rs (dot renders every \`ecospec graph --format dot\`)"
# Installed before the tests run: the test itself skips (one line) without
# dot, except under CI=true, where it fails.
debian_packages "graph: Graphviz renders every dot drawing" dot:graphviz || true

echo "== Debian's chromium, for the HTML report and studio tests (cli/tests/report.rs, cli/tests/studio_browser.rs)"
# Installed here, before the tests run in parallel; the test itself skips
# (or, with CI=true, fails) when it is still missing.
debian_packages "the HTML report and the studio in headless Chromium (cli/tests/report.rs, cli/tests/studio_browser.rs)" chromium:chromium || true

# cli/tests/diff.rs parses the pull-request workflow as YAML and validates
# diff JSON against its schema with python3's yaml and jsonschema modules
# (the python3 on the PATH: on these machines pyenv's, which has them).
# There is no command to look for, so debian_packages cannot tell: install
# them with that python3's pip when it cannot import them; otherwise the
# test itself prints one line and skips, and fails under CI=true.
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
  echo "== python3 -m pip install pyyaml jsonschema (for cli/tests/diff.rs)"
  python3 -m pip install --quiet pyyaml jsonschema || true
fi

echo "== npm ci in studio/web (the studio's page: its bundle check, type check and browser test run in cargo test)"
(cd studio/web && npm ci --no-audit --no-fund --silent)

echo "== cargo test --workspace"
cargo test --workspace --locked

# The book: mdBook installed the way Rust tools are, a pinned version with
# `cargo install --locked` (no root needed, so never skipped), without the
# `serve` and `watch` features the build does not use (they double its
# compile time). A build that prints a warning fails: mdBook itself exits 0.
MDBOOK_VERSION=0.5.4
if [ "$(mdbook --version 2>/dev/null)" != "mdbook v$MDBOOK_VERSION" ]; then
  echo "== cargo install mdbook $MDBOOK_VERSION (the book's builder; a few minutes, once)"
  cargo install mdbook --locked --version "$MDBOOK_VERSION" --no-default-features --features search
fi
echo "== mdbook build docs: the book builds without a warning"
book_log=$(mktemp)
mdbook build docs 2>&1 | tee "$book_log"
if grep -Eq '^ *(WARN|ERROR)\b' "$book_log"; then
  echo "mdbook build docs printed a warning or an error (above): fix the book" >&2
  rm -f "$book_log"
  exit 1
fi
rm -f "$book_log"

echo "== Mermaid itself parses every \`ecospec graph --format mermaid\` golden"
(cd tests/graph/mermaid && npm ci --no-audit --no-fund --silent)
node tests/graph/mermaid/parse.mjs tests/graph/*/*.mmd

echo "== SARIF output validated by the SARIF Multitool and the 2.1.0 schema"
bash tests/sarif/validate.sh

echo "== editor packages"
bash editors/ci.sh

echo "== the tree-sitter grammar (editors/tree-sitter-ecospec): parse trees, highlighting, generated parser up to date"
# Installs the pinned tree-sitter-cli with cargo when missing (no root
# needed); under CI=true a failed install fails.
bash editors/tree-sitter-ecospec/test.sh
