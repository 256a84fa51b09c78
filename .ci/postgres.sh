#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the amends-ledger tests (and for trying the ledger).
#
#   eval "$(bash .ci/postgres.sh start)"   # starts one; prints the export lines (AMENDS_PG_URL, ...)
#   bash .ci/postgres.sh stop              # stops the one started (or: stop DIR), deletes its data
#
# The server runs as an unprivileged user (PostgreSQL refuses root): the current one, or, when
# run as root, the system user "postgres" if it exists, else "amends-pg" (created). Its data folder
# is a new temporary folder; the port is a free one; only 127.0.0.1 listens; a random password.
# fsync is off (a throwaway server: faster tests); AMENDS_PG_FSYNC=on for measurements.
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql); as root on a machine
# without them, this installs the package.
set -euo pipefail

state_file() { echo "${TMPDIR:-/tmp}/amends-pg.current"; }

find_bin() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  return 1
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "postgres.sh: no free port found" >&2; return 1
}

start() {
  local bin
  if ! bin=$(find_bin); then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: installing the PostgreSQL server (apt-get install postgresql)" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin=$(find_bin) || { echo "postgres.sh: PostgreSQL binaries still not found" >&2; exit 1; }
    else
      echo "postgres.sh: no PostgreSQL server binaries (initdb) found; install them (Debian: apt-get install postgresql)" >&2
      exit 1
    fi
  fi
  local user run dir port password
  if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then user=postgres; else
      id amends-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin amends-pg
      user=amends-pg
    fi
    run() { runuser -u "$user" -- "$@"; }
  else
    user=$(id -un)
    run() { "$@"; }
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/amends-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$dir"
  port=$(free_port)
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$dir/pwfile"
  run "$bin/initdb" -D "$dir/data" -U amends --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${AMENDS_PG_FSYNC:-off} -c max_connections=50" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U amends -d postgres -qtA -c "CREATE DATABASE amends" >/dev/null
  cat > "$dir/env" <<ENV
export AMENDS_PG_URL='jdbc:postgresql://127.0.0.1:$port/amends'
export AMENDS_PG_USER='amends'
export AMENDS_PG_PASSWORD='$password'
export AMENDS_PG_DIR='$dir'
ENV
  echo "$dir" > "$(state_file)"
  echo "postgres.sh: PostgreSQL ($("$bin/postgres" --version)) on 127.0.0.1:$port as $user, data in $dir" >&2
  cat "$dir/env"
}

stop() {
  local dir="${1:-}" bin
  [ -n "$dir" ] || dir=$(cat "$(state_file)" 2>/dev/null || true)
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "postgres.sh: no server to stop" >&2; return 0; }
  bin=$(find_bin)
  if [ -d "$dir/data" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u "$(stat -c %U "$dir/data")" -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    else
      "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$dir"
  [ "$(cat "$(state_file)" 2>/dev/null || true)" = "$dir" ] && rm -f "$(state_file)"
  echo "postgres.sh: stopped, $dir removed" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
