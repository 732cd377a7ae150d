#!/usr/bin/env bash
# Editor support checks. CI calls this from the repository root:
#   bash editors/ci.sh
# Installs what is missing (npm packages from package-lock.json; Debian's
# neovim and emacs-nox), then runs the VS Code grammar, type, unit and
# packaging checks, the Emacs batch test and the headless Neovim test against
# the real language server.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - start))"; }

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
if ((${#missing[@]} > 0)); then
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "vscode: npm ci"
cd "$root/editors/vscode"
npm ci --no-audit --no-fund --loglevel=error

step "vscode: grammar is generated from scripts/build-grammar.js"
node scripts/build-grammar.js --check

step "vscode: grammar scope tests"
npx --no-install vscode-tmgrammar-test "test/grammar/*.eco"

step "vscode: tsc --noEmit"
npx --no-install tsc -p . --noEmit

step "vscode: unit tests"
npm run --silent test:unit

step "vscode: HTML rendering of the grammar"
node scripts/render-html.js

step "vscode: vsce package"
rm -f out/ecospec.vsix
npx --no-install vsce package --no-dependencies --out out/ecospec.vsix
python3 -m zipfile -l out/ecospec.vsix | grep -q 'extension/out/extension.js'

step "emacs: batch test"
cd "$root"
emacs --batch -l editors/emacs/test/ecospec-mode-test.el

step "neovim: cargo build -p ecospec-lsp"
cargo build -p ecospec-lsp

step "neovim: headless diagnostics test"
bash editors/neovim/test/run.sh

step "editors: all checks passed"
