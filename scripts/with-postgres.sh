#!/usr/bin/env bash
# with-postgres.sh CMD...: runs CMD with a throwaway PostgreSQL server and
# AUPSCAN_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable in
# its environment (the notifier's PostgreSQL tests make a database of their own in it).
# The cluster lives in a fresh temporary folder (trust authentication, loopback only,
# a free port, its unix socket in that folder, fsync off) and is stopped and deleted
# when CMD ends; the script exits with CMD's status. PostgreSQL refuses to run as
# root, so as root it runs the server as the postgres user (runuser). Without initdb
# it warns and runs CMD without the variable (the tests that need it skip, or fail
# under CI=true).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

bindir=""
if command -v initdb >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
else
  # Debian keeps the server programs out of PATH: take the newest installed version.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then bindir=$d; break; fi
  done
fi
if [ -z "$bindir" ]; then
  echo "with-postgres: initdb not found (apt-get install postgresql): running without PostgreSQL" >&2
  exec "$@"
fi

asroot=false
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root and there is no postgres user: running without PostgreSQL" >&2
    exec "$@"
  fi
  asroot=true
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/aupscan-pg.XXXXXX")
chmod 700 "$dir"
if $asroot; then
  chown postgres: "$dir"
fi

# pg runs a PostgreSQL program as the user that may run the server, from the cluster's
# folder (which that user can read, unlike root's working directory).
pg() {
  if $asroot; then
    (cd "$dir" && runuser -u postgres -- "$bindir/$1" "${@:2}")
  else
    (cd "$dir" && "$bindir/$1" "${@:2}")
  fi
}

started=false
cleanup() {
  if $started; then
    pg pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg initdb -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "with-postgres: initdb failed" >&2
  exit 1
}

# free_port prints a loopback port nothing listens on (the server may still lose a race
# for it to another program: then it starts again on another port).
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if pg pg_ctl -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null; then
    started=true
    break
  fi
  echo "with-postgres: start on port $port failed (attempt $attempt)" >&2
  tail -n 5 "$dir/server.log" >&2 || true
done
if ! $started; then
  echo "with-postgres: PostgreSQL did not start" >&2
  exit 1
fi

export AUPSCAN_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

set +e
"$@"
status=$?
set -e
exit $status
