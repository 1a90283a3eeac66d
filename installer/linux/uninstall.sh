#!/usr/bin/env bash
# Uninstall Carrierdesk: stop the service, remove the programs, the unit, the desktop entry and icon.
# The data (database, backups, logs) and the config stay unless --purge is given.
#   uninstall.sh [--purge]
set -euo pipefail

LIB="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=/dev/null
. "$LIB/install.env"
PURGE=0
case "${1:-}" in
  --purge) PURGE=1 ;;
  "") ;;
  -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
  *) echo "uninstall.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
esac
if [ "$SYSTEM" = 1 ] && [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: this is a system install: run it as root" >&2
  exit 1
fi
if [ "$SYSTEM" = 1 ]; then SYSTEMCTL=(systemctl); else SYSTEMCTL=(systemctl --user); fi
systemd_running() {
  [ -d /run/systemd/system ] || return 1
  [ "$SYSTEM" = 1 ] || "${SYSTEMCTL[@]}" show-environment >/dev/null 2>&1
}

if systemd_running; then
  "${SYSTEMCTL[@]}" disable --now carrierdesk.service 2>/dev/null || true
fi
PID_FILE="$DATA_DIR/service.pid"
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  pid="$(cat "$PID_FILE")"
  echo "stopping the service (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
fi
rm -f "$PID_FILE" "$UNIT"
if systemd_running; then "${SYSTEMCTL[@]}" daemon-reload || true; fi

rm -f "$PREFIX/bin/carrier-switch" "$PREFIX/bin/carrier-desk" "$PREFIX/share/applications/carrierdesk.desktop" \
  "$PREFIX/share/icons/hicolor/scalable/apps/carrierdesk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true

if [ "$PURGE" = 1 ]; then
  rm -rf "$DATA_DIR" "$CONFIG_DIR"
  if [ "$SYSTEM" = 1 ] && id "$SERVICE_USER" >/dev/null 2>&1; then userdel "$SERVICE_USER" || true; fi
  echo "removed the data ($DATA_DIR) and the config ($CONFIG_DIR)"
else
  echo "kept the data in $DATA_DIR and the config in $CONFIG_DIR (uninstall.sh --purge removes them)"
fi
rm -rf "$LIB"
echo "Carrierdesk is uninstalled from $PREFIX"
