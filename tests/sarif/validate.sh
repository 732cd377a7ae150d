#!/usr/bin/env bash
# Validates `ecospec check --format sarif` on the examples and on a folder
# with errors and fixes: with Microsoft's SARIF Multitool, and against the
# SARIF 2.1.0 JSON schema (schema.js). Called by .ci/run.
#
# The Multitool exits 0 whatever it finds, so its output is searched for
# error lines. Its self-contained Linux build (5.x) reports JSON errors but,
# here, no schema or rule errors (it loads no validation rules), which is why
# schema.js checks the schema too; both validators are first shown a broken
# file, so a validator that stopped reporting would fail this script.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
# npm does not run the package's install script, which sets this bit.
multitool="$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
chmod u+x "$multitool"

cd "$root"
cargo build --locked --quiet -p ecospec-cli --bin ecospec
ecospec="$root/target/debug/ecospec"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

sarif() { # NAME PATH: writes $out/NAME.sarif; status 0 or 1 is a check that ran
  local status=0
  "$ecospec" check "$2" --format sarif >"$out/$1.sarif" || status=$?
  if [ "$status" -gt 1 ]; then echo "ecospec check $2 failed with status $status" >&2; exit 1; fi
}
sarif all-in examples/all-in
sarif training examples/training
sarif errors tests/sarif/errors

# The errors folder must really carry fixes and related locations.
grep -q '"insertedContent"' "$out/errors.sarif" || { echo "errors.sarif has no fix" >&2; exit 1; }

multitool_errors() { # FILE: prints the Multitool's error lines for FILE
  local log
  # Invariant globalization: .NET then needs no ICU library (libicu), which a
  # fresh machine may lack; validating JSON needs no culture data.
  log="$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$multitool" validate "$1" 2>&1 || true)"
  grep -Ei '(^|[ :])error( |:)|exception' <<<"$log" || true
}

printf '{"version": "2.1.0", "runs": [' >"$out/broken.sarif"
printf '{"version": "2.1.0", "runs": [{"results": []}]}' >"$out/no-tool.sarif"
[ -n "$(multitool_errors "$out/broken.sarif")" ] || { echo "the Multitool reported no error for a broken file" >&2; exit 1; }
if node "$here/schema.js" "$out/no-tool.sarif" >/dev/null; then
  echo "schema.js reported no error for a run without a tool" >&2; exit 1
fi

failed=0
for name in all-in training errors; do
  errors="$(multitool_errors "$out/$name.sarif")"
  if [ -n "$errors" ]; then echo "$errors"; failed=1; fi
done
node "$here/schema.js" "$out/all-in.sarif" "$out/training.sarif" "$out/errors.sarif" || failed=1
if [ "$failed" -ne 0 ]; then echo "SARIF validation failed" >&2; exit 1; fi
echo "SARIF valid: all-in, training, errors"
