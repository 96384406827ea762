#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so tests use a
# real Secret Service without ever touching the user's own keyring.
# Usage: bash scripts/with-keyring.sh <command...>
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session and gnome-keyring-daemon are needed (apt-get install dbus gnome-keyring)." >&2
  exit 2
fi
export HOME="${KEYRING_HOME:-$(mktemp -d)}"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache" XDG_CONFIG_HOME="$HOME/.config"
# No display: a locked keyring then fails fast instead of opening an unlock prompt that blocks.
# (The keyring here is unlocked up front; KEYRING_KEEP_DISPLAY=1 keeps the display for the
# _electron tests, which need a window under Xvfb.)
if [ "${KEYRING_KEEP_DISPLAY:-0}" != "1" ]; then unset DISPLAY; fi
exec dbus-run-session -- bash -c '
  echo -n "${KEYRING_PASSWORD:-test-keyring-password}" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
