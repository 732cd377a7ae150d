#!/usr/bin/env bash
# Runs one fuzz target for RUNS executions (default 10^6), one process, on
# the stable toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags;
# no sanitizer: the code is safe Rust). New inputs go to corpus/<target>/.
# Usage (from fuzz/): scripts/run.sh TARGET [RUNS] [extra libFuzzer flags,
# e.g. -max_total_time=SECONDS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=$1
runs=${2:-1000000}
shift $(($# < 2 ? $# : 2))
case $target in
    parse) max_len=4096 ;;
    fmt | check | fix | frame) max_len=2048 ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
mkdir -p "corpus/$target"
seeds=()
[ -d "seeds/$target" ] && seeds=("seeds/$target")
RUSTC_BOOTSTRAP=1 exec cargo fuzz run --sanitizer none -O "$target" "corpus/$target" "${seeds[@]}" -- \
    -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
