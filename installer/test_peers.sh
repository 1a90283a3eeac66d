#!/usr/bin/env bash
# What `make test` needs besides the venv, set up on this machine: the Debian test peers (SIPp from sip-tester,
# radclient and FreeRADIUS, pdftotext, espeak-ng and sox (the IVR prompt generator), Xvfb, Kamailio, Qt's runtime libraries, the database clients), PostgreSQL
# and MariaDB started where they are installed but down, and the test databases. A step that cannot be done here
# (no apt, no sudo) is said in one line; the tests then skip what needs it, and with CI=true fail it instead.
set -uo pipefail
IN_CI=false
[ "${CI:-}" = "true" ] && IN_CI=true
problem() {
  echo "test set-up: $*" >&2
  if $IN_CI; then exit 1; fi
}

SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo -n"
PACKAGES=(
  sip-tester freeradius-utils freeradius freeradius-postgresql freeradius-mysql poppler-utils espeak-ng sox xvfb
  postgresql-client mariadb-client kamailio
)
if command -v dpkg-query >/dev/null; then
  missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing the test peers: ${missing[*]}"
    { $SUDO apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    } || problem "could not install ${missing[*]} (apt-get as root or with sudo)"
  fi
  bash "$(dirname "$0")/qt_runtime.sh" || problem "could not install Qt's runtime libraries"
else
  problem "not Debian/Ubuntu: install SIPp, radclient, FreeRADIUS, pdftotext, Xvfb and the database clients yourself"
fi
# The tests start their own FreeRADIUS on free ports; a daemon the package may have started is not wanted.
pkill -x freeradius 2>/dev/null || true
# Likewise Kamailio (the cluster tests start their own in front of two nodes): its package may enable a daemon.
$SUDO systemctl disable --now kamailio >/dev/null 2>&1 || true
for tool in sipp radclient freeradius pdftotext Xvfb kamailio; do
  command -v "$tool" >/dev/null || problem "missing test peer: $tool"
done

# The databases: started if installed and down, then the test databases made (the tests make their own from there).
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 && [ -d /etc/postgresql ]; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if command -v mariadb-admin >/dev/null && ! mariadb-admin -uroot -h127.0.0.1 status >/dev/null 2>&1 \
   && [ -x /usr/sbin/mariadbd ]; then
  $SUDO start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && mariadb-admin -uroot -h127.0.0.1 status >/dev/null 2>&1 && break
  sleep 1
done
# Tests of fifty simultaneous sessions run beside the other workers' services: PostgreSQL's default 100 connections
# ran out ("too many clients already", 2026-12-07, 3 workers). A local server below 300 is raised to 300 (a restart).
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && [ -d /etc/postgresql ] \
   && [ "$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW max_connections' 2>/dev/null || echo 0)" -lt 300 ]; then
  echo "test set-up: PostgreSQL's max_connections raised to 300 (restarting it)"
  psql -h 127.0.0.1 -U postgres -qc "ALTER SYSTEM SET max_connections = 300" \
    && $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart \
    || problem "cannot raise PostgreSQL's max_connections to 300"
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && break
    sleep 1
  done
fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'carrierdesk_test'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE carrierdesk_test" || problem "cannot create carrierdesk_test"
else
  problem "PostgreSQL is not answering on 127.0.0.1:5432"
fi
if mariadb-admin -uroot -h127.0.0.1 status >/dev/null 2>&1; then
  mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE IF NOT EXISTS carrierdesk_test CHARACTER SET utf8mb4" \
    || problem "cannot create carrierdesk_test on MariaDB"
else
  problem "MariaDB is not answering on 127.0.0.1:3306"
fi
exit 0
