#!/usr/bin/env bash
# Minimizes the corpus of one target in place, keeping one input per edge
# covered (-use_counters=0: hit counts are not features), so that the
# committed corpora stay small. Usage (from fuzz/): scripts/cmin.sh TARGET
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUSTC_BOOTSTRAP=1 exec cargo fuzz cmin --sanitizer none -O "$1" "corpus/$1" -- -use_counters=0
