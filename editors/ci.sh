#!/usr/bin/env bash
# Editor support checks. CI calls this from the repository root:
#   bash editors/ci.sh
# Installs what is missing: npm packages from package-lock.json, and
# Debian's neovim and emacs-nox when it can (root); otherwise those two tests
# are skipped with a line saying what to install (tests/debian-packages.sh;
# with CI=true they fail instead). Runs the VS Code grammar, type, unit and
# packaging checks, the Emacs batch test and the headless Neovim test against
# the real language server; and the headless Neovim 0.9+ test of the
# tree-sitter grammar (Neovim from PyPI when Debian's is older:
# neovim/test/treesitter.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - start))"; }

# shellcheck source=../tests/debian-packages.sh
source "$root/tests/debian-packages.sh"

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
# A zip stores each entry's name uncompressed: the bundle is in the package.
LC_ALL=C grep -qa 'extension/out/extension.js' out/ecospec.vsix

cd "$root"
skipped=0
if debian_packages "emacs: batch test" emacs:emacs-nox; then
  step "emacs: batch test"
  emacs --batch -l editors/emacs/test/ecospec-mode-test.el
else
  skipped=1
fi

if debian_packages "neovim: headless diagnostics test" nvim:neovim; then
  step "neovim: cargo build -p ecospec-lsp"
  cargo build -p ecospec-lsp

  step "neovim: headless diagnostics test"
  bash editors/neovim/test/run.sh
else
  skipped=1
fi

# Neovim 0.9+ and the tree-sitter grammar: Debian's Neovim is 0.7, so the
# script takes Neovim from PyPI when it must (skipped, or failed with
# CI=true, when it cannot).
step "neovim 0.9+: headless tree-sitter test"
bash editors/neovim/test/treesitter.sh

if ((skipped)); then
  step "editors: the checks that ran passed (skipped ones are named above)"
else
  step "editors: all checks passed"
fi
