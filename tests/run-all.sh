#!/usr/bin/env bash
# Every test of the project, from the repository root: the README's test
# command, and what .ci/run runs after the format and lint checks.
# Installs what the tests need when it is missing: Node packages with
# `npm ci` (committed lock files), Debian's neovim and emacs-nox.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== cargo test --workspace"
cargo test --workspace --locked

echo "== SARIF output validated by the SARIF Multitool and the 2.1.0 schema"
bash tests/sarif/validate.sh

echo "== editor packages"
bash editors/ci.sh
