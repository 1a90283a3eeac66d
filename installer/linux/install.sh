#!/usr/bin/env bash
# Install (or upgrade) Carrierdesk from this folder: the two program folders under a prefix, the switch service
# as a systemd unit, a desktop entry and icon; then start the service. Upgrading keeps the data and migrates it.
#   ./install.sh [--prefix DIR] [--no-start]
# As root: prefix /usr/local, a system unit running as the `carrierdesk` user, config in /etc/carrierdesk, data in
# /var/lib/carrierdesk. As anyone else: prefix ~/.local, a user unit, the user's own config and data folders.
# Without a running systemd the unit file is still installed and the service is started directly (said below).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
VERSION="$(cat "$HERE/VERSION")"
START=1
if [ "$(id -u)" = 0 ]; then SYSTEM=1; PREFIX=/usr/local; else SYSTEM=0; PREFIX="$HOME/.local"; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --no-start) START=0; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$PREFIX"
PREFIX="$(cd "$PREFIX" && pwd)"
LIB="$PREFIX/lib/carrierdesk"
BIN="$PREFIX/bin"
SHARE="$PREFIX/share"

if [ "$SYSTEM" = 1 ]; then
  SERVICE_USER=carrierdesk
  CONFIG_DIR=/etc/carrierdesk
  DATA_DIR=/var/lib/carrierdesk
  UNIT_DIR=/etc/systemd/system
  SYSTEMCTL=(systemctl)
else
  SERVICE_USER="$(id -un)"
  CONFIG_DIR="${CARRIERDESK_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/carrierdesk}"
  DATA_DIR="${CARRIERDESK_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/carrierdesk}"
  UNIT_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
  SYSTEMCTL=(systemctl --user)
fi
UNIT="$UNIT_DIR/carrierdesk.service"
PID_FILE="$DATA_DIR/service.pid"

# systemd runs this machine when /run/systemd/system exists (sd_booted); a user unit also needs the user's manager.
systemd_running() {
  [ -d /run/systemd/system ] || return 1
  [ "$SYSTEM" = 1 ] || "${SYSTEMCTL[@]}" show-environment >/dev/null 2>&1
}

as_service_user() {
  if [ "$SYSTEM" = 1 ]; then
    runuser -u "$SERVICE_USER" -- env CARRIERDESK_CONFIG_DIR="$CONFIG_DIR" CARRIERDESK_DATA_DIR="$DATA_DIR" \
      PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring "$@"
  else
    env CARRIERDESK_CONFIG_DIR="$CONFIG_DIR" CARRIERDESK_DATA_DIR="$DATA_DIR" "$@"
  fi
}

stop_running_service() {
  if systemd_running && "${SYSTEMCTL[@]}" is-active --quiet carrierdesk.service; then
    echo "stopping the running service (systemd)"
    "${SYSTEMCTL[@]}" stop carrierdesk.service
  elif [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    pid="$(cat "$PID_FILE")"
    echo "stopping the running service (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    rm -f "$PID_FILE"
  fi
}

if [ -f "$LIB/VERSION" ]; then
  echo "upgrading Carrierdesk $(cat "$LIB/VERSION") to $VERSION in $PREFIX: the data in $DATA_DIR is kept"
  stop_running_service
else
  echo "installing Carrierdesk $VERSION in $PREFIX"
fi

# the programs: each bundle replaced whole, never mixed with an older one
mkdir -p "$LIB" "$BIN"
for program in carrier-switch carrier-desk; do
  rm -rf "$LIB/$program.new"
  cp -a "$HERE/$program" "$LIB/$program.new"
  rm -rf "$LIB/$program"
  mv "$LIB/$program.new" "$LIB/$program"
done
cp "$HERE/VERSION" "$HERE/uninstall.sh" "$LIB/"
cat > "$LIB/install.env" <<FACTS
SYSTEM=$SYSTEM
PREFIX='$PREFIX'
SERVICE_USER='$SERVICE_USER'
CONFIG_DIR='$CONFIG_DIR'
DATA_DIR='$DATA_DIR'
UNIT='$UNIT'
FACTS
# bin/carrier-switch runs on the service's config and data unless told otherwise, so `carrier-switch status`
# in a terminal asks the installed service.
cat > "$BIN/carrier-switch" <<WRAPPER
#!/bin/sh
: "\${CARRIERDESK_CONFIG_DIR:=$CONFIG_DIR}"
: "\${CARRIERDESK_DATA_DIR:=$DATA_DIR}"
export CARRIERDESK_CONFIG_DIR CARRIERDESK_DATA_DIR
exec "$LIB/carrier-switch/carrier-switch" "\$@"
WRAPPER
chmod 755 "$BIN/carrier-switch"
ln -sfn "$LIB/carrier-desk/carrier-desk" "$BIN/carrier-desk"

# the desktop entry and icon
mkdir -p "$SHARE/applications" "$SHARE/icons/hicolor/scalable/apps"
sed "s|@BIN@|$BIN|g" "$HERE/share/carrierdesk.desktop.in" > "$SHARE/applications/carrierdesk.desktop"
cp "$HERE/share/carrierdesk.svg" "$SHARE/icons/hicolor/scalable/apps/carrierdesk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true

# the service's user and folders
if [ "$SYSTEM" = 1 ] && ! id "$SERVICE_USER" >/dev/null 2>&1; then
  useradd --system --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  echo "created the system user $SERVICE_USER"
fi
mkdir -p "$CONFIG_DIR" "$DATA_DIR"
chmod 700 "$CONFIG_DIR" "$DATA_DIR"
if [ "$SYSTEM" = 1 ]; then chown "$SERVICE_USER:" "$CONFIG_DIR" "$DATA_DIR"; fi

# the unit
mkdir -p "$UNIT_DIR"
{
  echo "# Carrierdesk switch service (SIP, RADIUS, billing, the local HTTP API), written by install.sh"
  echo "[Unit]"
  echo "Description=Carrierdesk switch service"
  echo "After=network-online.target postgresql.service mariadb.service"
  echo "Wants=network-online.target"
  echo
  echo "[Service]"
  echo "Type=simple"
  if [ "$SYSTEM" = 1 ]; then
    echo "User=$SERVICE_USER"
    echo "Environment=PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring"
  fi
  echo "Environment=CARRIERDESK_CONFIG_DIR=$CONFIG_DIR"
  echo "Environment=CARRIERDESK_DATA_DIR=$DATA_DIR"
  echo "ExecStartPre=$BIN/carrier-switch db upgrade"
  echo "ExecStart=$BIN/carrier-switch serve"
  echo "KillSignal=SIGTERM"
  echo "TimeoutStopSec=30"
  echo "Restart=on-failure"
  echo "RestartSec=5"
  echo
  echo "[Install]"
  if [ "$SYSTEM" = 1 ]; then echo "WantedBy=multi-user.target"; else echo "WantedBy=default.target"; fi
} > "$UNIT"
echo "service unit: $UNIT"

# the database: created or migrated now, so a problem shows here and not in a log
as_service_user "$BIN/carrier-switch" db upgrade

if [ "$START" = 0 ]; then
  echo "not started (--no-start)"
elif systemd_running; then
  "${SYSTEMCTL[@]}" daemon-reload
  "${SYSTEMCTL[@]}" enable --now carrierdesk.service
  echo "the service runs under systemd: ${SYSTEMCTL[*]} status carrierdesk"
else
  echo "systemd is not running on this machine: the unit file is installed for when it does; the service is"
  echo "started directly now and will NOT start again by itself after a reboot (start it with"
  echo "  $BIN/carrier-switch serve)"
  as_service_user sh -c 'nohup "$0" serve </dev/null >>"$1/service.out" 2>&1 & echo $! > "$1/service.pid"' \
    "$BIN/carrier-switch" "$DATA_DIR"
fi

if [ "$START" = 1 ]; then
  # the control socket answers before the components have started: wait until every one runs
  if ! as_service_user "$BIN/carrier-switch" status --wait 60; then
    echo "the service did not start: see $DATA_DIR/service.log and $DATA_DIR/service.out" >&2
    exit 1
  fi
fi
echo
echo "Carrierdesk $VERSION is installed. Open it from the applications menu, or run $BIN/carrier-desk:"
echo "the first time, it asks for your company and its administrator."
echo "Uninstall: $LIB/uninstall.sh (keeps the data in $DATA_DIR; --purge removes it too)"
