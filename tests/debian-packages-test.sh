#!/usr/bin/env bash
# Tests tests/debian-packages.sh with fake `id` and `apt-get` on a PATH of
# their own: a present command runs the step; root installs; another user
# gets one line and a skip; CI=true fails instead of skipping.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

fake() { # NAME BODY: an executable NAME in $bin
  printf '#!/bin/sh\n%s\n' "$2" >"$bin/$1"
  chmod +x "$bin/$1"
}
fake present-tool 'exit 0'
fake apt-get 'echo "apt-get $*" >>"$APT_LOG"'

run() { # UID CI ARGS...: status and output of debian_packages in a fresh shell
  local uid="$1" ci="$2"
  shift 2
  fake id "echo $uid"
  PATH="$bin" CI="$ci" APT_LOG="$bin/apt.log" /bin/bash -c \
    'source "$0"; debian_packages "$@"; echo "status $?"' "$here/debian-packages.sh" "$@" 2>&1 || true
}

out="$(run 1000 '' "the step" present-tool:pkg)"
[[ "$out" == "status 0" ]] || fail "a present command: $out"

out="$(run 1000 '' "emacs: batch test" missing-tool:emacs-nox)"
[[ "$out" == $'skipped: emacs: batch test (needs emacs-nox: sudo apt-get install emacs-nox)\nstatus 1' ]] ||
  fail "a user without the package: $out"
[[ ! -e "$bin/apt.log" ]] || fail "a user ran apt-get"

out="$(run 1000 true "emacs: batch test" missing-tool:emacs-nox)"
[[ "$out" == *"error: emacs: batch test needs emacs-nox"* && "$out" != *status* ]] ||
  fail "CI=true must fail, not skip: $out"

out="$(run 0 true "the step" missing-tool:emacs-nox present-tool:x other-missing:neovim)"
[[ "$out" == *"apt-get install emacs-nox neovim"*"status 0" ]] || fail "root installs: $out"
grep -q -- "install -y -qq --no-install-recommends emacs-nox neovim" "$bin/apt.log" ||
  fail "root's apt-get: $(cat "$bin/apt.log")"

echo "tests/debian-packages.sh: ok"
