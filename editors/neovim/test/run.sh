#!/usr/bin/env bash
# Headless Neovim test: the config in ../ecospec.lua starts the language
# server, which publishes W0401 for the fixture's unbridged cluster.
# ECOSPEC_LSP: the server binary (default: target/debug/ecospec-lsp in the repo).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
server="${ECOSPEC_LSP:-target/debug/ecospec-lsp}"
case "$server" in /*) ;; *) server="$root/$server" ;; esac
if [[ ! -x "$server" ]]; then
  echo "FAIL: language server not found at $server (build it with: cargo build -p ecospec-lsp)" >&2
  exit 1
fi
nvim --version | head -n 1
# --clean: no user config or plugins. test/ecospec.toml makes test/ the root folder.
ECOSPEC_LSP_PATH="$server" timeout 120 nvim --headless --clean \
  --cmd 'let g:ecospec_lsp_path = $ECOSPEC_LSP_PATH' \
  -c "luafile $here/check_diagnostic.lua"
