#!/usr/bin/env bash
# Installs everything a fresh machine needs to run and test Frontdesk.
# On Debian/Ubuntu as root it installs the system packages itself; elsewhere it names them.
set -euo pipefail
cd "$(dirname "$0")/.."

# keytar builds against libsecret; its tests need a D-Bus session and gnome-keyring;
# end-to-end and print tests need Chromium and pdftoppm (poppler-utils).
apt_packages=(libsecret-1-dev gnome-keyring dbus dbus-x11 chromium poppler-utils)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: please install these system packages first: ${missing[*]}" >&2
    echo "       (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
elif ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: not a Debian system; make sure libsecret (dev headers), a Secret Service (gnome-keyring), D-Bus, Chromium and poppler-utils are installed."
fi

install() {
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund "$@"; else npm install --no-audit --no-fund "$@"; fi
}

# The Electron binary comes from outside the npm registry; where it cannot be fetched the
# app still runs through the browser host, so install without it rather than fail.
if [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" = 1 ]; then
  install
elif ! install; then
  echo "setup: installing with the Electron binary failed; retrying without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1)."
  echo "setup: npm start will serve the app through the browser host instead of an Electron window."
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 install
fi
echo "setup: done."
