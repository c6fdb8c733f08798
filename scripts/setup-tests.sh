#!/usr/bin/env bash
# Sets up a fresh machine for `npm test`: a Chromium for the renderer tests, then the npm packages. Works as root
# (no sudo needed) and as a user with sudo. Debian gets its own chromium package; Ubuntu's `chromium` is only a snap
# shim, which cannot run under a test runner, so there (and where apt is missing) Playwright's Chromium is used.
# It fetches no Electron binary (npm ci has not since Electron 42): `npx install-electron` does, for test/e2e.
# PARLEY_CHROMIUM names a Chromium that is already installed and skips the browser step. (PARLEY_OS_RELEASE and
# PARLEY_SYSTEM_CHROMIUM stand in for /etc/os-release and /usr/bin/chromium in this script's tests.)
set -euo pipefail
cd "$(dirname "$0")/.."

os_release=${PARLEY_OS_RELEASE:-/etc/os-release}
system_chromium=${PARLEY_SYSTEM_CHROMIUM:-/usr/bin/chromium}

fail() {
  echo "setup-tests: $*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo; without either, says what to do.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "installing Chromium needs root or sudo, and this user has neither.
Run this script as root, or install Chromium yourself and set PARLEY_CHROMIUM to it, then: npm ci && npm test"
  fi
}

os_field() {
  [ -r "$os_release" ] || return 0
  # shellcheck disable=SC1090
  (. "$os_release" && eval "printf '%s' \"\${$1:-}\"")
}

os_id=$(os_field ID)
os_like=$(os_field ID_LIKE)

if [ -n "${PARLEY_CHROMIUM:-}" ]; then
  [ -x "$PARLEY_CHROMIUM" ] || fail "PARLEY_CHROMIUM is set to $PARLEY_CHROMIUM, which is not an executable file."
  echo "--- using the Chromium at $PARLEY_CHROMIUM"
  browser=given
elif [ -x "$system_chromium" ] && [ "$os_id" != ubuntu ]; then
  echo "--- Chromium is installed: $system_chromium"
  browser=system
elif [ "$os_id" = debian ] || { [ "$os_id" != ubuntu ] && [[ " $os_like " == *" debian "* ]] && [[ " $os_like " != *" ubuntu "* ]]; }; then
  echo "--- installing Debian's chromium for the renderer tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  browser=system
else
  browser=playwright
fi

echo "--- npm ci"
npm ci --no-audit --no-fund

if [ "$browser" = playwright ]; then
  # Playwright installs the system libraries itself, as root or through sudo, on the distributions it knows.
  echo "--- installing Playwright's Chromium for the renderer tests"
  if command -v apt-get >/dev/null 2>&1; then
    npx --no-install playwright install --with-deps chromium
  else
    npx --no-install playwright install chromium
  fi
fi
