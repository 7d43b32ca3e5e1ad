#!/usr/bin/env bash
# A throw-away PostgreSQL for the callback store's integration tests (*StoreIT).
# Subcommands: start | stop | status | url
#   start   install Debian's postgresql package if missing, create the cluster once, start it on
#           127.0.0.1:${HOTLINE_PG_PORT:-5433}, create database hotline_test; idempotent
#   stop    stop the cluster (its files stay for the next start)
#   url     print the JDBC URL the tests read from HOTLINE_PG_URL
# The cluster lives in ${HOTLINE_PG_DIR:-/var/cache/hotline-ivr/pg}, runs as the postgres user and
# trusts every local connection: for tests only. See docs/callbacks.md.
set -euo pipefail

readonly PG_DIR="${HOTLINE_PG_DIR:-/var/cache/hotline-ivr/pg}"
readonly DATA="$PG_DIR/data"
readonly SOCKETS="$PG_DIR/run"
readonly LOG="$PG_DIR/postgres.log"
readonly HOST=127.0.0.1
readonly PORT="${HOTLINE_PG_PORT:-5433}"
readonly DB=hotline_test
readonly PG_USER=postgres
readonly START_TIMEOUT_S=60

log() { printf 'postgres: %s\n' "$*" >&2; }
die() { printf 'postgres: error: %s\n' "$*" >&2; exit 1; }

# The newest installed server's bin folder (Debian keeps them in /usr/lib/postgresql/<major>/bin).
pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

install_server() {
  pg_bin >/dev/null && return 0
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and installing it needs root"
  log "installing Debian's postgresql package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin >/dev/null || die "postgresql installed, but no /usr/lib/postgresql/*/bin/initdb"
}

# Runs a server tool as the postgres user (initdb and postgres refuse to run as root).
as_pg() {
  local tool="$1"
  shift
  if [ "$(id -un)" = "$PG_USER" ]; then
    (cd "$PG_DIR" && "$(pg_bin)/$tool" "$@")
  else
    (cd "$PG_DIR" && runuser -u "$PG_USER" -- "$(pg_bin)/$tool" "$@")
  fi
}

is_running() { [ -f "$DATA/PG_VERSION" ] && as_pg pg_ctl -D "$DATA" status >/dev/null 2>&1; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

psql_q() { as_pg psql -X -q -h "$HOST" -p "$PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -tAc "$1"; }

start() {
  install_server
  mkdir -p "$SOCKETS"
  exec 9>"$PG_DIR.lock"
  flock 9
  if [ "$(id -u)" -eq 0 ]; then
    chown "$PG_USER:" "$PG_DIR" "$SOCKETS"
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "creating a cluster in $DATA"
    rm -rf "$DATA"
    as_pg initdb -D "$DATA" -U "$PG_USER" --auth=trust --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 ||
      { tail -n 20 "$PG_DIR/initdb.log" >&2; die "initdb failed (full output: $PG_DIR/initdb.log)"; }
  fi
  if is_running; then
    log "already running on $HOST:$PORT (data $DATA)"
  else
    port_open && die "something else listens on $HOST:$PORT: stop it or set HOTLINE_PG_PORT"
    as_pg pg_ctl -D "$DATA" -l "$LOG" -w -t "$START_TIMEOUT_S" \
      -o "-c listen_addresses=$HOST -p $PORT -k $SOCKETS" start >/dev/null ||
      { tail -n 20 "$LOG" >&2 || true; die "PostgreSQL did not start (log: $LOG)"; }
    log "running on $HOST:$PORT (data $DATA, log $LOG)"
  fi
  if [ "$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    psql_q "CREATE DATABASE $DB" >/dev/null
    log "created database $DB"
  fi
  flock -u 9
}

stop() {
  if is_running; then
    as_pg pg_ctl -D "$DATA" -m fast -w stop >/dev/null
    log "stopped"
  fi
}

status() {
  if is_running; then
    echo "running on $HOST:$PORT, data $DATA"
  else
    echo "not running, data $DATA"
    return 3
  fi
}

url() { echo "jdbc:postgresql://$HOST:$PORT/$DB"; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
