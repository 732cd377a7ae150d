# Sourced by the test scripts (tests/run-all.sh, editors/ci.sh): a step that
# needs a Debian package runs when the package's command is there, installs
# the package when it can (root with apt-get, as in CI), and otherwise prints
# one line naming what to install and is skipped. With CI=true a step is
# never skipped: what cannot be installed fails the run.
#
#   if debian_packages "emacs: batch test" emacs:emacs-nox; then ...; fi
#
# Arguments: the step's name, then COMMAND:PACKAGE pairs (the command whose
# absence means the package is missing). Status 0: run the step; 1: skip it.
debian_packages() {
  local step="$1" pair
  shift
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    printf '\n== apt-get install %s (for %s)\n' "${missing[*]}" "$step"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    return 0
  fi
  if [[ "${CI:-}" == true ]]; then
    echo "error: $step needs ${missing[*]}, which only root can install (apt-get); CI=true skips nothing" >&2
    exit 1
  fi
  echo "skipped: $step (needs ${missing[*]}: sudo apt-get install ${missing[*]})"
  return 1
}
