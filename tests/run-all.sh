#!/usr/bin/env bash
# Every test of the project, from the repository root: the README's test
# command, and what .ci/run runs after the format and lint checks.
# Needs Rust and Node. Installs what else the tests need when it is
# missing: Node packages with `npm ci` (committed lock files), and Debian's
# neovim and emacs-nox when run as root; as another user, the step that
# needs one is skipped with one line naming what to install
# (tests/debian-packages.sh). With CI=true nothing is skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== tests/debian-packages.sh: install, skip or fail"
bash tests/debian-packages-test.sh

# cli/tests/diff.rs parses the pull-request workflow as YAML and validates
# diff JSON against its schema with python3's yaml and jsonschema modules.
# There is no command to look for, so debian_packages cannot tell: as root,
# install them when python3 cannot import them; otherwise the test itself
# prints one line and skips, and fails under CI=true.
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "== apt-get install python3-yaml python3-jsonschema (for cli/tests/diff.rs)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-yaml python3-jsonschema >/dev/null
fi

echo "== cargo test --workspace"
cargo test --workspace --locked

echo "== SARIF output validated by the SARIF Multitool and the 2.1.0 schema"
bash tests/sarif/validate.sh

echo "== editor packages"
bash editors/ci.sh
